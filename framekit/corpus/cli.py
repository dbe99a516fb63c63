"""The ``framekit corpus`` command: analyse a corpus into tables, compare its groups.

::

    framekit corpus analyse articles/ -o results/ --name-pattern '(?P<outlet>[^_]+)_.*'
    framekit corpus analyse articles.csv -o results/ --text-column body --id-column url
    framekit corpus compare results/ --by outlet --html overview.html
    framekit corpus compare results/ --by outlet --every month --format csv

``analyse`` resumes when the results folder holds a partial run of the same
input. Exit codes as for ``framekit analyse``: 0 when every article was
analysed, 1 when some were not (they are in ``failures.parquet``), 2 when the
command cannot run as asked.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from typing import Any

from framekit._arguments import add_progress_argument, at_least, wants_progress
from framekit._errors import FramekitError
from framekit.cli import add_pipeline_arguments

__all__ = ["add_corpus_command"]

OK, FAILED, USAGE = 0, 1, 2


def add_corpus_command(commands: Any) -> None:
    """Add ``corpus analyse`` and ``corpus compare`` to the ``framekit`` subcommands."""
    corpus = commands.add_parser("corpus", help="analyse a corpus into tables; compare groups",
                                 description=__doc__.splitlines()[0])
    actions = corpus.add_subparsers(dest="corpus_command", required=True, metavar="ACTION")
    analyse = actions.add_parser(
        "analyse", help="analyse a corpus into Parquet tables (resumes a partial run)",
        description="Analyse a folder of .txt files, or a CSV, JSONL or Parquet file, into "
                    "tidy Parquet tables in RESULTS_DIR; run again to resume.")
    analyse.set_defaults(run=_analyse)
    analyse.add_argument("input", metavar="INPUT",
                         help="a folder of .txt files, or a .csv, .jsonl or .parquet file")
    analyse.add_argument("-o", "--output", required=True, metavar="RESULTS_DIR",
                         help="the results folder (created; a partial run in it is resumed)")
    _add_reading_arguments(analyse)
    analyse.add_argument("--sides", metavar="JSON",
                         help="a grouping of sources into sides (framekit.grouping) for "
                              "share of voice by side")
    add_pipeline_arguments(analyse)
    analyse.add_argument("--part-size", type=at_least(1), default=100, metavar="N",
                         help="articles per part written to disk (default 100)")
    add_progress_argument(analyse)
    comparing = actions.add_parser(
        "compare", help="compare groups and periods of an analysed corpus",
        description="Compare the articles of RESULTS_DIR by a metadata column and/or by "
                    "week or month, with bootstrap intervals.")
    comparing.set_defaults(run=_compare)
    comparing.add_argument("results", metavar="RESULTS_DIR")
    comparing.add_argument("--by", metavar="COLUMN", help="metadata column to group by")
    comparing.add_argument("--every", choices=("week", "month"),
                           help="bucket the articles by the week or month of their date")
    comparing.add_argument("--date-column", default="date", metavar="NAME",
                           help="the date column for --every (default: date)")
    comparing.add_argument("--what", metavar="NAMES",
                           help="comma-separated comparisons (default: all)")
    comparing.add_argument("--html", metavar="PATH",
                           help="write an HTML overview there, with each article's report in "
                                "a folder beside it")
    comparing.add_argument("--format", choices=("table", "csv", "json"), default="table",
                           help="output on standard output (default: table)")
    comparing.add_argument("--confidence", type=float, default=0.95, metavar="LEVEL",
                           help="coverage of the intervals (default 0.95)")
    comparing.add_argument("--resamples", type=int, default=1000, metavar="N",
                           help="bootstrap draws per group (default 1000)")
    comparing.add_argument("--seed", type=int, default=0, help="seed of the draws (default 0)")


def _add_reading_arguments(parser: argparse.ArgumentParser) -> None:
    reading = parser.add_argument_group("reading the corpus")
    reading.add_argument("--text-column", default="text", metavar="NAME",
                         help="column of the texts (default: text)")
    reading.add_argument("--id-column", metavar="NAME",
                         help="column of the ids (default: id if present, else row numbers)")
    reading.add_argument("--metadata", metavar="CSV",
                         help="sidecar CSV of metadata for a folder, one row per id")
    reading.add_argument("--name-pattern", metavar="REGEX",
                         help="regular expression with named groups matched against each "
                              "file name of a folder, e.g. "
                              "'(?P<outlet>[^_]+)_(?P<date>[0-9-]+)_.*'")
    reading.add_argument("--dates", metavar="NAMES",
                         help="comma-separated columns to parse as dates (default: date)")
    reading.add_argument("--encoding", default="utf-8", metavar="NAME",
                         help="encoding of the .txt files of a folder (default utf-8)")


def _fail(error: Exception, code: int) -> int:
    print(f"framekit: error: {error}", file=sys.stderr)
    return code


def _names(value: str | None) -> list[str] | None:
    return [name.strip() for name in value.split(",") if name.strip()] if value else None


def _analyse(args: argparse.Namespace) -> int:
    from framekit.corpus.reading import read_corpus
    from framekit.corpus.runs import analyse_corpus
    from framekit.pipeline import Pipeline

    try:
        corpus = read_corpus(args.input, text_column=args.text_column,
                             id_column=args.id_column, metadata=args.metadata,
                             name_pattern=args.name_pattern, dates=_names(args.dates),
                             encoding=args.encoding)
        pipeline = Pipeline(_analysers(args), nlp=args.model)
        pipeline.nlp  # noqa: B018 - load the spaCy pipeline now, to fail before any work
        progress = wants_progress(args)
        signal.signal(signal.SIGTERM, _interrupt)
        tables = analyse_corpus(corpus, args.output, pipeline=pipeline,
                                n_process=args.n_process, batch_size=args.batch_size,
                                part_size=args.part_size, progress=progress)
    except (FramekitError, OSError) as error:
        return _fail(error, USAGE)
    failed = len(tables.failures)
    print(f"framekit: {len(tables.articles) - failed} of {len(tables.articles)} articles "
          f"analysed into {args.output}", file=sys.stderr)
    if failed:
        print(f"framekit: {failed} could not be analysed (see failures.parquet), e.g. "
              f"{tables.failures['id'].iloc[0]}: {tables.failures['error'].iloc[0]}",
              file=sys.stderr)
        return FAILED
    return OK


def _interrupt(signum: int, frame: object) -> None:
    """Stop on ``kill`` as on Ctrl-C, so that the worker processes are shut down too.

    Complete parts stay on disk; the same command resumes the run.
    """
    raise KeyboardInterrupt


def _analysers(args: argparse.Namespace) -> list[Any] | None:
    """The analysers asked for, the balance analyser given the sides if there are any."""
    from framekit import registry
    from framekit._errors import CorpusError
    from framekit.analysers.balance import SourceBalanceAnalyser
    from framekit.grouping import Grouping

    names = _names(args.analysers)
    if args.sides is None:
        return names
    try:
        sides = Grouping.load(args.sides)
    except OSError as error:
        raise CorpusError(f"cannot read the sides {args.sides!r}: {error.strerror}"
                            ) from None
    chosen = list(names or registry.default_names())
    balance = SourceBalanceAnalyser(sides)
    return [balance if n == "balance" else n for n in chosen] + (
        [] if "balance" in chosen else [balance])


def _compare(args: argparse.Namespace) -> int:
    from framekit.corpus.comparisons import compare
    from framekit.corpus.overview import write_overview
    from framekit.corpus.tables import read_tables

    if args.by is None and args.every is None and args.html is None:
        print("framekit: comparing the corpus as one group (give --by COLUMN or --every "
              "month to compare groups)", file=sys.stderr)
    try:
        tables = read_tables(args.results)
        comparisons = compare(tables, args.by, every=args.every, date_column=args.date_column,
                              what=_names(args.what), confidence=args.confidence,
                              resamples=args.resamples, seed=args.seed)
        if args.html:
            write_overview(args.results, args.html, comparisons, tables=tables)
    except (FramekitError, OSError) as error:
        return _fail(error, USAGE)
    if args.format == "json":
        print(json.dumps([{"comparison": c.name, "title": c.title, "unit": c.unit,
                           "rows": json.loads(c.table.to_json(orient="records",
                                                              date_format="iso"))}
                          for c in comparisons], indent=2, ensure_ascii=False))
    elif args.format == "csv":
        import pandas as pd

        frames = [c.table.assign(comparison=c.name) for c in comparisons]
        if frames:
            table = pd.concat(frames, ignore_index=True)
            columns = ["comparison", *(c for c in table.columns if c != "comparison")]
            table[columns].to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        for c in comparisons:
            print(f"{c.title} ({c.unit}; {c.confidence:.0%} bootstrap intervals)")
            print(c.table.to_string(index=False, float_format=lambda v: f"{v:.3f}"), end="\n\n")
    return OK
