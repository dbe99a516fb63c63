"""Writing reports out: a readable table, JSON, JSON lines, CSV or an HTML page.

These are the output formats of the ``framekit analyse`` command. Each takes
``(name, report)`` pairs, the name saying where the article came from (a file
name), and writes to a text stream.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TextIO

from framekit.display import render_html, render_page
from framekit.report import Report
from framekit.results import NOT_COMPUTED, Result, Scalar

__all__ = ["FORMATS", "summary_table", "write_reports"]

Named = tuple[str, Report]


def summary_table(name: str, report: Report) -> str:
    """A readable summary of one report: each analyser's findings, then its figures.

    The findings come first, each with the offset where it starts in the text:
    the attributions with their speaker and kind, the hedges and boosters with
    their voice, the sources of the balance analyser, the dominant frames with
    their most frequent cues. Then the article-level figures; those broken down
    by a category (``by_voice.author.words``, ``by_voice.quoted.words``…) are
    laid out as a grid, one column per category. Figures that cannot be
    computed with the analysers' options (group balance without sides, gender
    shares without a gender estimate) are left out, with a line saying why.

    Example:
        >>> from framekit import Pipeline
        >>> print(summary_table("rain.txt", Pipeline(["hedging"]).analyse("It may rain.")))
        rain.txt
        ========
        hedging
          hedges and boosters
            offset  kind   cue  type                voice
                 3  hedge  may  epistemic_possible  author
          overall.words                        3
          ...
          by_voice                        author    quoted  reported
            words                              3         0         0
            sentences                          1         0         0
            hedges                             1         0         0
        ...
    """
    lines = [name, "=" * len(name)]
    if report.error is not None:
        lines.append(f"error: {report.error}")
    for analyser, result in report.results.items():
        lines.append(analyser)
        lines.extend(_findings(result))
        summary, reasons = _computable(result)
        lines.extend(_figures(summary))
        lines.extend(f"  ({reason})" for reason in reasons)
    return "\n".join(lines) + "\n"


def _findings(result: Result) -> Iterator[str]:
    """The evidence a reader wants first, each table under its caption."""
    for table in result.findings():
        yield from _listing(table.caption, table.columns[1:], table.rows)


def _listing(title: str, columns: tuple[str, ...], rows: Iterable[tuple[object, ...]]
             ) -> Iterator[str]:
    """A titled list of findings: the offset where each starts, then its columns."""
    found = [tuple(str(cell) for cell in row) for row in rows]
    yield f"  {title}" + ("" if found else ": none")
    if not found:
        return
    table = [("offset", *columns), *found]
    widths = [max(len(row[i]) for row in table) for i in range(1, len(columns) + 1)]
    for offset, *cells in table:
        yield ("    " + f"{offset:>6}  " + "  ".join(
            f"{cell:<{width}}" for cell, width in zip(cells, widths, strict=False))).rstrip()


def _computable(result: Result) -> tuple[dict[str, Scalar], list[str]]:
    """The figures of ``result`` that have a value, and why the others have none."""
    missing = result.unavailable()
    shown = {key: value for key, value in result.summary().items() if key not in missing}
    reasons = list(dict.fromkeys(missing.values()))
    if NOT_COMPUTED in reasons:
        plain = [key for key, why in missing.items() if why == NOT_COMPUTED]
        reasons[reasons.index(NOT_COMPUTED)] = f"{NOT_COMPUTED}: {', '.join(plain)}"
    return shown, reasons


def _figures(summary: Mapping[str, Scalar]) -> list[str]:
    """Plain ``key value`` lines, then a grid for each ``group.category.figure`` family."""
    lines: list[str] = []
    grids: dict[str, dict[str, dict[str, Scalar]]] = {}
    for key, value in summary.items():
        parts = key.split(".")
        if len(parts) == 3:
            group, category, figure = parts
            grids.setdefault(group, {}).setdefault(figure, {})[category] = value
        else:
            lines.append(f"  {key:<30} {_shown(value):>9}")
    for group, figures in grids.items():
        categories = list(dict.fromkeys(c for row in figures.values() for c in row))
        width = max(9, *(len(c) for c in categories))
        lines.append(f"  {group:<30}" + "".join(f" {c:>{width}}" for c in categories))
        lines.extend(f"    {figure:<28}"
                     + "".join(f" {_shown(row.get(c)):>{width}}" for c in categories)
                     for figure, row in figures.items())
    return lines


def _shown(value: Scalar) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, str) and value.startswith("["):  # perhaps a list flattened to JSON
        try:
            items = json.loads(value)
        except ValueError:
            return value
        if isinstance(items, list):
            return ", ".join(str(item) for item in items) or "-"
    return str(value)


def write_reports(fmt: str, reports: Iterable[Named], out: TextIO) -> None:
    """Write ``(name, report)`` pairs to ``out`` in the format ``fmt`` (one of :data:`FORMATS`).

    ``json`` writes one array, ``jsonl`` one object per line, each with the
    article's ``file`` name beside the report's own keys; ``csv`` one row of
    :meth:`~framekit.report.Report.summary` figures per article; ``html`` one
    page (see :mod:`framekit.display`). Table and JSON formats are written as
    the reports come.

    Example:
        >>> import io
        >>> from framekit import Pipeline
        >>> out = io.StringIO()
        >>> write_reports("csv", [("a.txt", Pipeline(["hedging"]).analyse("It may."))], out)
        >>> header, row = out.getvalue().splitlines()
        >>> header.split(",")[:3], row.split(",")[:3]
        (['file', 'error', 'hedging.overall.words'], ['a.txt', '', '2'])
    """
    FORMATS[fmt](reports, out)


def _table(reports: Iterable[Named], out: TextIO) -> None:
    for name, report in reports:
        out.write(summary_table(name, report) + "\n")


def _json(reports: Iterable[Named], out: TextIO) -> None:
    out.write("[")
    for i, (name, report) in enumerate(reports):
        out.write(("," if i else "") + "\n" + json.dumps(_with_name(name, report),
                                                         ensure_ascii=False, indent=2))
    out.write("\n]\n")


def _jsonl(reports: Iterable[Named], out: TextIO) -> None:
    for name, report in reports:
        out.write(json.dumps(_with_name(name, report), ensure_ascii=False) + "\n")


def _with_name(name: str, report: Report) -> dict[str, object]:
    return {"file": name, **report.to_dict()}


def _csv(reports: Iterable[Named], out: TextIO) -> None:
    rows = [{"file": name, "error": report.error, **report.summary()}
            for name, report in reports]
    columns = list(dict.fromkeys(key for row in rows for key in row))
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def _html(reports: Iterable[Named], out: TextIO) -> None:
    named = list(reports)
    if len(named) == 1:
        name, report = named[0]
        out.write(render_html(report, title=name))
    else:
        out.write(render_page(named, title=f"framekit report on {len(named)} articles"))


#: The output formats by name, each a function of ``(name, report)`` pairs and a stream.
FORMATS: Mapping[str, Callable[[Iterable[Named], TextIO], None]] = {
    "table": _table,
    "json": _json,
    "jsonl": _jsonl,
    "csv": _csv,
    "html": _html,
}
