"""The ``framekit evaluate`` command: score framekit against an annotated corpus or your coding.

See :doc:`/accuracy` and :doc:`/guide/validation`. For example::

    framekit evaluate attribution --corpus polnear ../shared/corpora/polnear --split dev
    framekit evaluate hedging --corpus szeged factbank-dev.xml --errors 10
    framekit evaluate frames --corpus narrative articles.tsv --train
    framekit evaluate frames --corpus jsonl my-coding.jsonl --format json

The JSON output is :meth:`framekit.evaluate.Evaluation.as_dict`.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from framekit import corpora
from framekit import evaluate as ev
from framekit._arguments import add_progress_argument, at_least, wants_progress
from framekit._errors import CorpusFormatError, FramekitError

__all__ = ["add_parser", "render_table"]

OK, FAILED, USAGE = 0, 1, 2

#: The corpora each task can be scored on (``jsonl`` also reads ``.csv``).
CORPORA: dict[str, tuple[str, ...]] = {
    "attribution": ("polnear", "jsonl"),
    "hedging": ("szeged", "jsonl"),
    "frames": ("semeval2023", "narrative", "jsonl"),
    "loaded-language": ("ptc", "jsonl"),
}


def add_parser(commands: Any) -> None:
    """Add the ``evaluate`` subcommand to the ``framekit`` command's subparsers."""
    parser = commands.add_parser(
        "evaluate", help="score framekit against an annotated corpus or your own coding",
        description="Score framekit against an annotated corpus or your own coding.")
    parser.set_defaults(run=run)
    parser.add_argument("task", choices=tuple(CORPORA), help="what to score")
    parser.add_argument("path", metavar="PATH", help="the corpus folder or file")
    parser.add_argument("--corpus", required=True,
                        choices=sorted({c for cs in CORPORA.values() for c in cs}),
                        help="the corpus's format (jsonl: your own coding, .jsonl or .csv)")
    parser.add_argument("--split", metavar="NAME",
                        help="the split folder under PATH (PolNeAR; default dev when PATH "
                             "holds split folders)")
    parser.add_argument("--limit", type=at_least(0), metavar="N",
                        help="score the first N documents")
    parser.add_argument("--errors", type=at_least(0), default=0, metavar="N",
                        help="print N misses and N false alarms with their context")
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help="output format (default: table)")
    parser.add_argument("--train", action="store_true",
                        help="frames: cross-validate the FrameClassifier beside TF-IDF + "
                             "logistic regression instead of scoring zero-shot")
    parser.add_argument("--folds", type=at_least(0), default=5, metavar="K",
                        help="folds for --train (default 5)")
    parser.add_argument("--scheme", default="generic",
                        help="frame scheme for --corpus jsonl frames (default generic)")
    parser.add_argument("--bootstrap", type=int, default=1000, metavar="N",
                        help="bootstrap samples for the F1 intervals (0: none; default 1000)")
    add_progress_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Run ``framekit evaluate`` with parsed ``args``; return the exit code."""
    if args.corpus not in CORPORA[args.task]:
        return _fail(f"{args.task} cannot be scored on --corpus {args.corpus}; choose one of "
                     f"{', '.join(CORPORA[args.task])}", USAGE)
    if args.train and (args.task != "frames" or args.corpus == "jsonl"):
        return _fail("--train is for frames on semeval2023 or narrative", USAGE)
    progress = wants_progress(args)
    try:
        result = _evaluate(args, progress)
    except CorpusFormatError as error:
        return _fail(str(error), FAILED)
    except FramekitError as error:
        return _fail(str(error), USAGE)
    if args.format == "json":
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_table(result))
    return OK


def _fail(message: str, code: int) -> int:
    print(f"framekit: error: {message}", file=sys.stderr)
    return code


def _limited(documents: Iterable[Any], limit: int | None) -> tuple[Any, ...]:
    return tuple(itertools.islice(documents, limit))


def _evaluate(args: argparse.Namespace, progress: bool) -> ev.Evaluation:
    path = Path(args.path)
    options = {"progress": progress, "bootstrap": args.bootstrap}
    if args.corpus == "jsonl":
        coded = _limited(corpora.read_coding(path), args.limit)
        return ev.evaluate_coding(coded, args.task, scheme=args.scheme, progress=progress)
    if args.task == "frames":
        reader: Callable[[Path], Iterator[corpora.FrameDocument]] = (
            corpora.read_semeval_frames if args.corpus == "semeval2023" else
            lambda p: corpora.read_narrative_frames(p / "articles.tsv" if p.is_dir() else p))
        frames = _limited(reader(path), args.limit)
        if args.train:
            return ev.cross_validate_frames(frames, args.corpus, folds=args.folds,
                                            progress=progress)
        return ev.evaluate_frames(frames, args.corpus, **options)
    options["errors"] = args.errors
    if args.task == "attribution":
        split = args.split
        if split is None and not (path / "text").is_dir() and (path / "dev").is_dir():
            split = "dev"
        return ev.evaluate_attribution(_limited(corpora.read_polnear(path, split), args.limit),
                                       **options)
    if args.task == "hedging":
        return ev.evaluate_hedging(_limited(corpora.read_szeged(path), args.limit), **options)
    return ev.evaluate_loaded_language(_limited(corpora.read_ptc(path), args.limit), **options)


def render_table(result: ev.Evaluation) -> str:
    """The evaluation as a plain-text table, its agreement and errors below.

    Example:
        >>> result = ev.Evaluation("hedging", "szeged", 2, 3, 4,
        ...                        (ev.Measure.of("cue", ev.Scores(2, 1, 2)),), "overlap")
        >>> print(render_table(result))  # doctest: +NORMALIZE_WHITESPACE
        framekit ... · hedging on szeged: 2 documents, 3 predicted, 4 gold
        measure   P      R      F1     F1 95% CI      tp    fp    fn
        cue       0.667  0.5    0.571                 2     1     2
        rule: overlap
    """
    from framekit import __version__

    width = max([len("measure"), *(len(m.name) for m in result.measures)]) + 2
    lines = [f"framekit {__version__} · {result.task} on {result.corpus}: "
             f"{result.documents} documents, {result.predicted} predicted, {result.gold} gold",
             f"{'measure':<{width}}{'P':<7}{'R':<7}{'F1':<7}{'F1 95% CI':<15}"
             f"{'tp':<6}{'fp':<6}fn"]
    for m in result.measures:
        interval = f"{m.f1_low:.3f}–{m.f1_high:.3f}" if m.f1_low is not None else ""
        counts = "".join(f"{'' if c is None else c!s:<6}" for c in (m.tp, m.fp, m.fn))
        lines.append(f"{m.name:<{width}}{m.precision!s:<7}{m.recall!s:<7}{m.f1!s:<7}"
                     f"{interval:<15}{counts}".rstrip())
    if result.agreement:
        lines.append("")
        lines.append(f"{'agreement':<24}{'measure':<24}{'units':<8}{'kappa':<8}alpha")
        for a in result.agreement:
            row = a.as_dict()
            lines.append(f"{a.between:<24}{a.measure:<24}{a.units:<8}"
                         f"{_shown(row['kappa']):<8}{_shown(row['alpha'])}")
    lines.append(f"rule: {result.rule}")
    for error in result.errors:
        kind = "MISS" if error.kind == "miss" else "FALSE ALARM"
        lines.append(f"{kind} {error.document} [{error.label}]: {error.context}")
    return "\n".join(lines)


def _shown(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"
