"""The HTML report: an article with its evidence highlighted in place.

:func:`render_html` turns a :class:`~framekit.report.Report` into one
self-contained HTML page, like spaCy's displaCy: the article's paragraphs with
hedges, boosters, attributions (source, cue and content, each in its own
style) and framing devices marked where they stand, a legend, and a summary
panel of the report's figures. The page holds its CSS inline and loads
nothing; each mark explains itself in a tooltip.

Marks and panels come from the results themselves, through their
:meth:`~framekit.results.Result.marks` and :meth:`~framekit.results.Result.panel`
hooks (see :mod:`framekit.views`), so a report of any subset of analysers
renders, a plugin's result included: by default it shows its
:meth:`~framekit.results.Result.summary` in the panel, and its own marks, in a
layer framekit does not know, are drawn with a neutral underline.

Overlapping marks (a hedge inside a quotation, a framing cue that shares
words with a hedge) are nested: the text is cut at every mark's start and
end, and each piece is wrapped in the marks that cover it, outer layers
(attribution content) outside inner ones (hedges), a mark being split in
several elements where it crosses another's edge.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Mapping, Sequence
from importlib.resources import files
from typing import TYPE_CHECKING

from framekit.analysers.framing import Device
from framekit.results import Scalar
from framekit.views import Bar, Mark, Panel, Table

if TYPE_CHECKING:
    from framekit.report import Report

__all__ = ["LAYERS", "Mark", "highlight", "marks", "render_html", "render_page"]

#: Every kind of mark, in nesting order (outermost first), with its legend label.
LAYERS: Mapping[str, str] = {
    "content": "attributed content",
    "source": "source",
    "cue": "reporting cue",
    **{f"device-{device.value}": device.value.replace("_", " ") for device in Device},
    "hedge": "hedge",
    "booster": "booster",
}
_DEPTH = {layer: depth for depth, layer in enumerate(LAYERS)}
_LEGEND_GROUPS = {
    "Attribution": ("source", "cue", "content"),
    "Hedging": ("hedge", "booster"),
    "Framing devices": tuple(layer for layer in LAYERS if layer.startswith("device-")),
}
_STYLE = files("framekit").joinpath("data/report.css").read_text(encoding="utf-8")


def marks(report: Report) -> list[Mark]:
    """The marks to draw for every result of ``report`` that has evidence in the text.

    Example:
        >>> from framekit import Pipeline
        >>> report = Pipeline(["hedging"]).analyse("Talks may resume.")
        >>> marks(report)
        [Mark(start=6, end=9, layer='hedge', title='hedge: epistemic possible, author voice', key='hedging-0')]
    """  # noqa: E501
    return [mark for name, result in report.results.items() for mark in result.marks(name)]


def highlight(text: str, found: Iterable[Mark]) -> str:
    """``text`` as HTML, one ``<p>`` per line, each mark's characters wrapped in its spans.

    Example:
        >>> text = "Trump said it may end."
        >>> print(highlight(text, [Mark(11, 21, "content", "what", "a"),
        ...                        Mark(14, 17, "hedge", "hedge", "b")]))
        <p>Trump said <span class="fk-content" title="what" data-mark="a">it
        <span class="fk-hedge" title="hedge" data-mark="b">may</span> end</span>.</p>
    """
    ordered = sorted(found, key=lambda m: (_DEPTH.get(m.layer, len(_DEPTH)), m.start, -m.end))
    paragraphs = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            paragraphs.append(f"<p>{_nest(text, start, end, ordered)}</p>")
        start = end + 1
    return "\n".join(paragraphs)


def _nest(text: str, start: int, end: int, ordered: Sequence[Mark]) -> str:
    """Text from ``start`` to ``end`` with the marks nested in their order, split at crossings."""
    inside = [m for m in ordered if m.start < end and start < m.end and m.start < m.end]
    cuts = sorted({start, end} | {max(m.start, start) for m in inside}
                  | {min(m.end, end) for m in inside})
    out: list[str] = []
    stack: list[Mark] = []
    for left, right in itertools.pairwise(cuts):
        wanted = [m for m in inside if m.start <= left and right <= m.end]
        kept = 0
        while kept < min(len(stack), len(wanted)) and stack[kept] is wanted[kept]:
            kept += 1
        out.extend("</span>" for _ in stack[kept:])
        out.extend(_open(m) for m in wanted[kept:])
        stack = wanted
        out.append(html.escape(text[left:right], quote=False))
    out.extend("</span>" for _ in stack)
    return "".join(out)


def _open(mark: Mark) -> str:
    other = "" if mark.layer in LAYERS else " fk-other"
    return (f'<span class="fk-{html.escape(mark.layer)}{other}" title="{html.escape(mark.title)}" '
            f'data-mark="{html.escape(mark.key)}">')


def render_html(report: Report, *, title: str = "framekit report") -> str:
    """A self-contained HTML page showing ``report``'s article, legend and summary.

    Example:
        >>> from framekit import analyse
        >>> page = render_html(analyse("Analysts say talks may fail."), title="Talks")
        >>> page.startswith("<!DOCTYPE html>"), 'class="fk-hedge"' in page
        (True, True)
    """
    return _page(title, [(None, report)])


def render_page(articles: Iterable[tuple[str, Report]], *,
                title: str = "framekit report") -> str:
    """One self-contained HTML page with a section for each ``(heading, report)`` pair.

    Example:
        >>> from framekit import Pipeline
        >>> pipeline = Pipeline(["hedging"])
        >>> page = render_page([("one", pipeline.analyse("It may rain.")),
        ...                     ("two", pipeline.analyse("It will rain."))])
        >>> page.count('<section class="fk-article"')
        2
    """
    return _page(title, list(articles))


def _page(title: str, articles: Sequence[tuple[str | None, Report]]) -> str:
    found = [marks(report) for _, report in articles]
    sections = "\n".join(_section(heading, report, shown)
                         for (heading, report), shown in zip(articles, found, strict=True))
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>\n{_STYLE}{_toggles(found)}</style>\n"
            "</head>\n"
            f'<body>\n<header class="fk-page"><h1>{html.escape(title)}</h1>'
            f'<p>Generated by framekit. Hover over a highlight to see what it is.</p></header>\n'
            f"{sections}\n</body>\n</html>\n")


def _toggles(found: Sequence[Sequence[Mark]]) -> str:
    """CSS by which an unticked legend box takes its layer's style off the article."""
    layers = dict.fromkeys(LAYERS) | dict.fromkeys(
        mark.layer for article in found for mark in article)
    return "".join(
        f'.fk-article:has(input[data-layer="{html.escape(layer)}"]:not(:checked)) .fk-text '
        f".fk-{html.escape(layer)} {{ all: unset; }}\n" for layer in layers)


def _section(heading: str | None, report: Report, found: Sequence[Mark]) -> str:
    head = f"<h2>{html.escape(heading)}</h2>" if heading is not None else ""
    if report.error is not None:
        return (f'<section class="fk-article fk-failed">{head}'
                f'<p class="fk-error">Not analysed: {html.escape(report.error)}</p></section>')
    return (f'<section class="fk-article">{head}<div class="fk-columns">'
            f'<div class="fk-text">{highlight(report.text, found)}</div>'
            f'<aside class="fk-panel">{_legend(found)}{_summary(report)}</aside>'
            f"</div></section>")


def _legend(found: Sequence[Mark]) -> str:
    """The legend: each layer present with its count, and a box to show or hide it."""
    keys: dict[str, set[str]] = {}
    for mark in found:
        keys.setdefault(mark.layer, set()).add(mark.key)
    groups = []
    others = tuple(layer for layer in keys if layer not in LAYERS)
    for group, layers in (*_LEGEND_GROUPS.items(), ("Other", others)):
        items = "".join(
            f'<li><label><input type="checkbox" checked data-layer="{html.escape(layer)}"> '
            f'<span class="fk-{html.escape(layer)}{"" if layer in LAYERS else " fk-other"}">'
            f'{html.escape(LAYERS.get(layer, layer.replace("-", " ")))}</span> '
            f'<span class="fk-count">{len(keys[layer])}</span></label></li>'
            for layer in layers if layer in keys)
        if items:
            groups.append(f"<h4>{group}</h4><ul>{items}</ul>")
    body = "".join(groups) or "<p>Nothing to highlight.</p>"
    return f'<div class="fk-legend"><h3>Legend</h3>{body}</div>'


def _summary(report: Report) -> str:
    return "".join(_panel(result.panel(name)) for name, result in report.results.items())


def _panel(panel: Panel) -> str:
    facts = _pairs(panel.facts) if panel.facts else ""
    return _box(panel.heading, facts + "".join(_table(table) for table in panel.tables))


def _table(table: Table) -> str:
    caption = f"<h4>{html.escape(table.caption)}</h4>" if table.caption else ""
    head = "".join(f"<th>{html.escape(column)}</th>" for column in table.columns)
    rows = "".join(
        f"<tr><th>{html.escape(_shown(row[0]))}</th>"
        + "".join(f"<td>{_cell(cell)}</td>" for cell in row[1:]) + "</tr>"
        for row in table.rows)
    return f"{caption}<table><thead><tr>{head}</tr></thead>{rows}</table>"


def _cell(cell: Scalar | Bar) -> str:
    if isinstance(cell, Bar):
        return _bar(cell.share, cell.label)
    return html.escape(_shown(cell))


def _box(heading: str, body: str) -> str:
    return f'<div class="fk-box"><h3>{html.escape(heading)}</h3>{body}</div>'


def _pairs(pairs: Sequence[tuple[str, Scalar]]) -> str:
    items = "".join(f"<dt>{html.escape(key)}</dt><dd>{html.escape(_shown(value))}</dd>"
                    for key, value in pairs)
    return f"<dl>{items}</dl>"


def _bar(share: float, label: str | None = None) -> str:
    width = max(0.0, min(share, 1.0)) * 100
    shown = label if label is not None else f"{share:.0%}"
    return (f'<span class="fk-bar"><span style="width:{width:.0f}%"></span></span>'
            f'<span class="fk-bar-label">{html.escape(shown)}</span>')


def _shown(value: Scalar | Bar) -> str:
    if isinstance(value, Bar):
        return value.label or f"{value.share:.0%}"
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)
