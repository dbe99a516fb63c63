"""The ``framekit`` command: analyse articles from files or standard input.

See :doc:`/cli` for the whole story. For example::

    framekit analyse examples/articles/*.txt
    framekit analyse article.txt --format json --analysers hedging
    framekit analyse examples/articles/*.txt --format html --output report.html
    cat article.txt | framekit analyse -
    framekit analysers

Exit codes: 0 when every article was analysed, 1 when some could not be (an
unreadable file, a failed analysis), 2 when the command cannot run as asked
(bad arguments, an unknown analyser, no spaCy pipeline, an unwritable output).
A reader that stops reading (``framekit analyse ... | head -1``) ends the
command quietly, with 141 as a Unix tool stopped by ``SIGPIPE``.
"""

from __future__ import annotations

import argparse
import codecs
import inspect
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import TextIO

import attrs

from framekit import registry
from framekit._arguments import add_progress_argument, at_least, wants_progress
from framekit._errors import FramekitError
from framekit.analysers.balance import SourceBalanceAnalyser
from framekit.evaluate_cli import add_parser as add_evaluate_parser
from framekit.formats import FORMATS, write_reports
from framekit.gender import NameGender
from framekit.grouping import Grouping
from framekit.pipeline import Analyser, Pipeline
from framekit.report import Report

__all__ = ["main"]

OK, FAILED, USAGE = 0, 1, 2
BROKEN_PIPE = 128 + 13  # as a process stopped by SIGPIPE


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as leaving:  # argparse has printed the usage or the help
        return leaving.code if isinstance(leaving.code, int) else USAGE
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader has gone (| head): stop quietly
        _silence_stdout()
        return BROKEN_PIPE


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the exit flush does not fail."""
    with suppress(OSError, ValueError):  # ValueError: not a real file (a test's capture)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framekit", description=__doc__.splitlines()[0],
        epilog="exit codes: 0 ok, 1 some articles failed, 2 usage error")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    analyse = commands.add_parser("analyse", help="analyse articles and write their reports",
                                  description="Analyse articles and write their reports.")
    analyse.set_defaults(run=_analyse)
    analyse.add_argument("files", nargs="+", metavar="FILE",
                         help="text files, or - for standard input")
    analyse.add_argument("--format", choices=FORMATS, default="table",
                         help="output format (default: table)")
    add_pipeline_arguments(analyse)
    analyse.add_argument("--output", "-o", metavar="PATH",
                         help="write to PATH instead of standard output")
    analyse.add_argument("--sides", metavar="FILE",
                         help="JSON grouping of sources into sides (e.g. examples/sides.json) "
                              "for the balance analyser's group shares, evenness and gini")
    analyse.add_argument("--gender", action="store_true",
                         help="estimate the gender of person sources from their given names "
                              "(balance analyser's by_gender and female_share)")
    analyse.add_argument("--on-error", choices=("skip", "record", "raise"), default="skip",
                         help="on an article that cannot be read or analysed: say so on "
                              "standard error and go on without it (skip, the default), go "
                              "on and write its report with its error (record), or stop "
                              "(raise); the exit code is 1 in every case")
    analyse.add_argument("--fail-fast", dest="on_error", action="store_const", const="raise",
                         help="stop at the first article that cannot be read or analysed "
                              "(the same as --on-error raise)")
    analyse.add_argument("--encoding", default="utf-8", metavar="NAME", type=_encoding,
                         help="encoding of the input files (default utf-8)")
    add_progress_argument(analyse, "for several files when standard error is a terminal")
    listing = commands.add_parser("analysers", help="list the registered analysers",
                                  description="List the registered analysers.")
    listing.set_defaults(run=_list_analysers)
    from framekit.corpus.cli import add_corpus_command  # the corpus command, in its own module

    add_corpus_command(commands)
    add_evaluate_parser(commands)
    return parser


def add_pipeline_arguments(parser: argparse.ArgumentParser) -> None:
    """The options that choose and run the pipeline, alike for every command that analyses.

    ``--analysers``, ``--model``, ``--n-process`` and ``--batch-size``.
    """
    parser.add_argument("--analysers", metavar="NAMES",
                        help="comma-separated analyser names (default: the built-in set; "
                             "see 'framekit analysers')")
    parser.add_argument("--model", metavar="NAME",
                        help="spaCy pipeline: an installed package name or a directory")
    parser.add_argument("--n-process", type=at_least(1, also=-1, meaning="one per core"),
                        default=1, metavar="N",
                        help="processes parsing and analysing in parallel "
                             "(-1: one per core; default 1)")
    parser.add_argument("--batch-size", type=at_least(1), default=64, metavar="N",
                        help="articles per batch given to spaCy (default 64)")


def _encoding(value: str) -> str:
    try:
        codecs.lookup(value)
    except LookupError:
        raise argparse.ArgumentTypeError(
            f"unknown encoding {value!r} (e.g. utf-8, latin-1, cp1252)") from None
    return value


def _analyse(args: argparse.Namespace) -> int:
    try:
        pipeline = Pipeline(_analysers(args), nlp=args.model)
        pipeline.nlp  # noqa: B018 - load the spaCy pipeline now, to fail before any output
    except (FramekitError, _OptionError) as error:
        return _fail(error, USAGE)
    raising = args.on_error == "raise"
    inputs = _Inputs(args.files, args.encoding, record=not raising)
    progress = wants_progress(args, several=len(inputs) > 1)
    failed: list[str] = []

    def named() -> Iterator[tuple[str, Report]]:
        for report, source in pipeline.analyse_many(
                inputs, as_tuples=True, n_process=args.n_process, batch_size=args.batch_size,
                progress=progress, on_error="raise" if raising else "record"):
            final = (Report("", {}, f"InputError: {source.error}") if source.error is not None
                     else report)
            if final.error is not None:
                failed.append(source.name)
                print(f"framekit: error: {source.error or _analysis_error(source, report)}",
                      file=sys.stderr)
                if args.on_error == "skip":
                    continue
            yield source.name, final

    try:
        with ExitStack() as stack:
            write_reports(args.format, named(), _open_output(args.output, stack))
    except _OutputError as error:
        return _fail(error, USAGE)
    except (FramekitError, _InputError) as error:
        return _fail(error, FAILED)
    if failed:
        if len(inputs) > 1:
            print(f"framekit: {len(failed)} of {len(inputs)} articles could not be analysed: "
                  f"{', '.join(failed)}", file=sys.stderr)
        return FAILED
    return OK


def _analysers(args: argparse.Namespace) -> list[Analyser | str]:
    """The analysers asked for, the balance analyser set up with ``--sides`` and ``--gender``."""
    names = ([name.strip() for name in args.analysers.split(",")] if args.analysers
             else list(registry.default_names()))
    if args.sides is None and not args.gender:
        return list(names)
    try:
        sides = Grouping.load(args.sides) if args.sides is not None else None
    except OSError as error:
        raise _OptionError(f"cannot read the sides file {args.sides!r}: "
                           f"{error.strerror}") from None
    except ValueError as error:  # not JSON, or not a grouping (LexiconError)
        raise _OptionError(f"cannot read the sides file {args.sides!r}: {error}") from None
    balance = SourceBalanceAnalyser(sides, gender=NameGender() if args.gender else None)
    return [balance if name == balance.name else name for name in names] + (
        [] if balance.name in names else [balance])


def _analysis_error(source: _Source, report: Report) -> str:
    return f"cannot analyse {_label(source.name)}: {report.error}"


def _fail(error: Exception, code: int) -> int:
    print(f"framekit: error: {error}", file=sys.stderr)
    return code


class _InputError(Exception):
    """An input file that cannot be read or decoded."""


class _OptionError(Exception):
    """An option whose value cannot be used (a sides file that cannot be read)."""


class _OutputError(Exception):
    """An output file that cannot be written."""


def _open_output(path: str | None, stack: ExitStack) -> TextIO:
    if path is None:
        return sys.stdout
    try:
        return stack.enter_context(open(path, "w", encoding="utf-8", newline=""))
    except OSError as error:
        raise _OutputError(f"cannot write {path!r}: {error.strerror}") from None


@attrs.frozen
class _Source:
    """Where an article came from, travelling beside its text through the pipeline."""

    name: str
    error: str | None = None  # why it could not be read


@attrs.frozen
class _Inputs:
    """The articles named on the command line, read one at a time as the pipeline asks.

    A file that cannot be read stops the run, or with ``record`` goes through
    as an empty text with its error, which then replaces its report. An empty
    input (or one of white space only) is analysed, with a warning on standard
    error: its report has nothing to show.
    """

    files: Sequence[str]
    encoding: str
    record: bool

    def __len__(self) -> int:
        return len(self.files)

    def __iter__(self) -> Iterator[tuple[str, _Source]]:
        for name in self.files:
            label = "<stdin>" if name == "-" else name
            try:
                text = _read(name, self.encoding)
            except _InputError as error:
                if not self.record:
                    raise
                yield "", _Source(label, str(error))
                continue
            if not text.strip():
                print(f"framekit: warning: {_label(name)} is empty: its report is all "
                      "zeros", file=sys.stderr)
            yield text, _Source(label)


def _label(name: str) -> str:
    """How messages name an input: ``'file.txt'`` or ``standard input``."""
    return "standard input" if name in ("-", "<stdin>") else repr(name)


def _read(name: str, encoding: str) -> str:
    """The text of file ``name`` (``-``: standard input), with errors a user can act on."""
    label = _label(name)
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except FileNotFoundError:
        raise _InputError(f"cannot read {label}: no such file") from None
    except IsADirectoryError:
        raise _InputError(f"cannot read {label}: it is a directory; "
                          f"give the files inside it, e.g. {name.rstrip('/')}/*.txt") from None
    except OSError as error:
        raise _InputError(f"cannot read {label}: {error.strerror}") from None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise _InputError(
            f"cannot decode {label} as {encoding}: byte {data[error.start]:#04x} at offset "
            f"{error.start} is not valid {encoding}. Pass its encoding with --encoding "
            "(e.g. --encoding latin-1) or convert it to UTF-8 first") from None


def _list_analysers(args: argparse.Namespace) -> int:
    """Print each registered analyser: name, whether it runs by default, needs and summary."""
    defaults = set(registry.default_names())
    for name in registry.available():
        factory = registry.get(name)
        doc = (inspect.getdoc(factory) or "").split("\n")[0]
        needs = getattr(factory, "needs", ())
        lines = [f"{name:<14} {'default' if name in defaults else 'plugin':<8} {doc}"]
        if needs:
            lines.append(f"{'':<24}needs: {', '.join(needs)}")
        print("\n".join(lines))
    return OK
