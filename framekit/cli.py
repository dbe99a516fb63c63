"""The ``framekit`` command: analyse articles from files or standard input.

Example:
    framekit analyse examples/articles/*.txt
    framekit analyse article.txt --format json --analysers hedging
    cat article.txt | framekit analyse -
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from framekit import registry
from framekit._errors import FramekitError
from framekit.pipeline import Pipeline
from framekit.report import Report

__all__ = ["main"]

FORMATS = ("table", "json", "jsonl")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 analysis error, 2 usage error)."""
    args = _parser().parse_args(argv)
    try:
        names = args.analysers.split(",") if args.analysers else None
        pipeline = Pipeline(names, nlp=args.model)
        texts = dict(_read(args.files))
        reports = pipeline.analyse_many(texts.values(), n_process=args.n_process,
                                        progress=len(texts) > 1 and sys.stderr.isatty())
        _write(args.format, list(texts), reports)
    except FramekitError as error:
        print(f"framekit: error: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"framekit: error: cannot read {error.filename}: {error.strerror}", file=sys.stderr)
        return 1
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framekit", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    analyse = commands.add_parser("analyse", help="analyse articles and print their reports")
    analyse.add_argument("files", nargs="+", help="text files (UTF-8), or - for standard input")
    analyse.add_argument("--format", choices=FORMATS, default="table", help="output format")
    analyse.add_argument("--analysers", metavar="NAMES",
                         help=f"comma-separated analysers (default: all built-in; available: "
                              f"{', '.join(registry.default_names())})")
    analyse.add_argument("--model", metavar="NAME", help="spaCy pipeline name or path")
    analyse.add_argument("--n-process", type=int, default=1, help="processes for parsing")
    return parser


def _read(files: Sequence[str]) -> Iterator[tuple[str, str]]:
    for name in files:
        if name == "-":
            yield "<stdin>", sys.stdin.read()
        else:
            yield name, Path(name).read_text(encoding="utf-8")


def _write(fmt: str, names: list[str], reports: Iterator[Report]) -> None:
    for name, report in zip(names, reports, strict=True):
        if fmt == "json":
            print(report.to_json(indent=2))
        elif fmt == "jsonl":
            print(report.to_json())
        else:
            print(_table(name, report))


def _table(name: str, report: Report) -> str:
    """A readable summary of one report: each analyser's article-level figures."""
    lines = [name, "=" * len(name)]
    for key, value in report.summary().items():
        shown = f"{value:.2f}" if isinstance(value, float) else str(value)
        lines.append(f"  {key:<48} {shown}")
    return "\n".join(lines) + "\n"
