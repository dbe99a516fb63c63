"""The HTML report: an article with its evidence highlighted in place.

:func:`render_html` turns a :class:`~framekit.report.Report` into one
self-contained HTML page, like spaCy's displaCy: the article's paragraphs with
hedges, boosters, attributions (source, cue and content, each in its own
style) and framing devices marked where they stand, a legend, and a summary
panel of the report's figures. The page holds its CSS inline and loads
nothing; each mark explains itself in a tooltip.

Marks come from whichever results the report holds, so a report of any
subset of analysers renders; a result framekit does not know (a plugin's)
shows its :meth:`~framekit.results.Result.summary` in the panel.

Overlapping marks (a hedge inside a quotation, a framing cue that shares
words with a hedge) are nested: the text is cut at every mark's start and
end, and each piece is wrapped in the marks that cover it, outer layers
(attribution content) outside inner ones (hedges), a mark being split in
several elements where it crosses another's edge.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib.resources import files
from typing import TYPE_CHECKING

import attrs

from framekit.analysers.attribution import AttributionKind, AttributionResult
from framekit.analysers.balance import SourceBalanceResult
from framekit.analysers.framing import Device, FramingResult
from framekit.analysers.hedging import CueKind, HedgingResult, Voice
from framekit.analysers.readability import ReadabilityResult
from framekit.results import Result, Scalar

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
# An unticked legend box takes its layer's style off the article.
_TOGGLES = "".join(
    f'.fk-article:has(input[data-layer="{layer}"]:not(:checked)) .fk-text .fk-{layer} '
    "{ all: unset; }\n" for layer in LAYERS)
_STYLE = files("framekit").joinpath("data/report.css").read_text(encoding="utf-8")


@attrs.frozen
class Mark:
    """One highlighted stretch of the article.

    Attributes:
        start: offset of the first character marked.
        end: offset just past the last one.
        layer: the kind of mark, a key of :data:`LAYERS` (its CSS class is
            ``fk-`` and the layer).
        title: the tooltip.
        key: the same for every element one mark is drawn with.
    """

    start: int
    end: int
    layer: str
    title: str
    key: str


def marks(report: Report) -> list[Mark]:
    """The marks to draw for every result of ``report`` that has evidence in the text.

    Example:
        >>> from framekit import Pipeline
        >>> report = Pipeline(["hedging"]).analyse("Talks may resume.")
        >>> marks(report)
        [Mark(start=6, end=9, layer='hedge', title='hedge: epistemic possible, author voice', key='hedging-0')]
    """  # noqa: E501
    found: list[Mark] = []
    for name, result in report.results.items():
        found.extend(_marks_of(name, result))
    return found


def _marks_of(name: str, result: Result) -> Iterator[Mark]:
    if isinstance(result, HedgingResult):
        for i, cue in enumerate(result.cues):
            layer = "hedge" if cue.kind == CueKind.HEDGE else "booster"
            negated = ", negated" if cue.negated else ""
            title = f"{layer}: {_words(cue.type)}, {_voice(cue.voice)}{negated}"
            yield Mark(cue.start, cue.end, layer, title, f"{name}-{i}")
    elif isinstance(result, AttributionResult):
        for i, item in enumerate(result.attributions):
            speaker = item.speaker.name + (f", {item.speaker.role}" if item.speaker.role else "")
            said = f"{item.kind.value} attribution to {speaker}"
            for part in item.parts:
                yield Mark(part.start, part.end, "content", f"content: {said}", f"{name}-{i}-c")
            yield Mark(item.cue.start, item.cue.end, "cue", f"cue: {said}", f"{name}-{i}-q")
            if item.source is not None:
                yield Mark(item.source.start, item.source.end, "source",
                           f"source: {speaker} ({item.speaker.type.value})", f"{name}-{i}-s")
    elif isinstance(result, FramingResult):
        for i, device in enumerate(result.cues):
            detail = f" ({device.detail})" if device.detail else ""
            title = f"{_words(device.category)}{detail}, {_voice(device.voice)}"
            yield Mark(device.start, device.end, f"device-{device.category.value}", title,
                       f"{name}-{i}")


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
    return (f'<span class="fk-{html.escape(mark.layer)}" title="{html.escape(mark.title)}" '
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
    sections = "\n".join(_section(heading, report) for heading, report in articles)
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>\n{_STYLE}{_TOGGLES}</style>\n</head>\n"
            f'<body>\n<header class="fk-page"><h1>{html.escape(title)}</h1>'
            f'<p>Generated by framekit. Hover over a highlight to see what it is.</p></header>\n'
            f"{sections}\n</body>\n</html>\n")


def _section(heading: str | None, report: Report) -> str:
    head = f"<h2>{html.escape(heading)}</h2>" if heading is not None else ""
    if report.error is not None:
        return (f'<section class="fk-article fk-failed">{head}'
                f'<p class="fk-error">Not analysed: {html.escape(report.error)}</p></section>')
    found = marks(report)
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
    for group, layers in _LEGEND_GROUPS.items():
        items = "".join(
            f'<li><label><input type="checkbox" checked data-layer="{layer}"> '
            f'<span class="fk-{layer}">{html.escape(LAYERS[layer])}</span> '
            f'<span class="fk-count">{len(keys[layer])}</span></label></li>'
            for layer in layers if layer in keys)
        if items:
            groups.append(f"<h4>{group}</h4><ul>{items}</ul>")
    body = "".join(groups) or "<p>Nothing to highlight.</p>"
    return f'<div class="fk-legend"><h3>Legend</h3>{body}</div>'


def _summary(report: Report) -> str:
    with_sources = any(isinstance(r, SourceBalanceResult) for r in report.results.values())
    return "".join(_panel(name, result, with_sources) for name, result in report.results.items())


def _panel(name: str, result: Result, with_sources: bool) -> str:
    if isinstance(result, HedgingResult):
        return _hedging_panel(result)
    if isinstance(result, AttributionResult):
        return _attribution_panel(result, speakers=not with_sources)
    if isinstance(result, SourceBalanceResult):
        return _balance_panel(result)
    if isinstance(result, FramingResult):
        return _framing_panel(result)
    if isinstance(result, ReadabilityResult):
        return _box("Readability", _pairs([
            ("words", result.words), ("sentences", result.sentences),
            ("words per sentence", result.words_per_sentence),
            ("Flesch reading ease", result.flesch_reading_ease),
            ("Flesch–Kincaid grade", result.flesch_kincaid_grade),
            ("Dale–Chall", result.dale_chall)]))
    return _box(name, _pairs(list(result.summary().items())))


def _hedging_panel(result: HedgingResult) -> str:
    overall = result.overall
    rows = "".join(
        f"<tr><th>{voice.value}</th><td>{figures.words}</td>"
        f"<td>{figures.hedges_per_100_words:.2f}</td>"
        f"<td>{figures.boosters_per_100_words:.2f}</td></tr>"
        for voice, figures in result.by_voice.items())
    table = ('<table><thead><tr><th>voice</th><th>words</th><th>hedges / 100 w</th>'
             f"<th>boosters / 100 w</th></tr></thead>{rows}</table>")
    return _box("Hedging", _pairs([
        ("hedges", overall.hedges), ("boosters", overall.boosters),
        ("hedges per 100 words", overall.hedges_per_100_words),
        ("hedged sentences", f"{overall.hedged_sentence_share:.0%}")]) + table)


def _attribution_panel(result: AttributionResult, *, speakers: bool) -> str:
    kinds = [(f"{kind.value} quotes" if kind != AttributionKind.INDIRECT else "indirect",
              sum(item.kind == kind for item in result.attributions)) for kind in AttributionKind]
    names = "".join(
        f"<li>{html.escape(name)} <span class='fk-count'>{len(items)}</span></li>"
        for name, items in result.by_speaker().items()) if speakers else ""
    return _box("Attribution", _pairs([
        ("attributions", len(result.attributions)), *kinds,
        ("quoted words", f"{result.quoted_share:.0%}"),
        ("writer's own words", f"{result.own_share:.0%}")])
        + (f'<h4>Speakers</h4><ul class="fk-list">{names}</ul>' if names else ""))


def _balance_panel(result: SourceBalanceResult) -> str:
    rows = "".join(
        f"<tr><th>{html.escape(source.name)}"
        f"<small>{html.escape(source.role or source.type.value)}</small></th>"
        f"<td>{source.attributions}</td><td>{_bar(source.share)}</td></tr>"
        for source in result.sources)
    table = ("<table><thead><tr><th>source</th><th>attributions</th><th>share of words</th>"
             f"</tr></thead>{rows}</table>") if rows else ""
    return _box("Sources", _pairs([
        ("sources", result.source_count),
        ("named", f"{result.named_share:.0%}"), ("anonymous", f"{result.anonymous_share:.0%}"),
        ("vague", f"{result.vague_share:.0%}")]) + table)


def _framing_panel(result: FramingResult) -> str:
    top = max(result.scores.values(), default=0.0) or 1.0
    frames = "".join(
        f"<tr><th>{html.escape(_words(frame.name))}"
        f"{' <em>present</em>' if frame.present else ''}</th>"
        f"<td>{_bar(frame.score / top, f'{frame.score:.2f}')}</td></tr>"
        for frame in result.frames)
    naming = "".join(
        f"<li>{' / '.join(html.escape(used) for used in choice.used)}</li>"
        for choice in result.naming)
    return _box("Framing", (
        f'<h4>Frames ({html.escape(result.scheme)}, cues per 100 words)</h4><table>{frames}</table>'
        + (f'<h4>Naming</h4><ul class="fk-list">{naming}</ul>' if naming else "")))


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


def _shown(value: Scalar) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _words(identifier: str) -> str:
    return identifier.replace("_", " ")


def _voice(voice: Voice) -> str:
    return {Voice.AUTHOR: "author voice", Voice.QUOTED: "in a quotation",
            Voice.REPORTED: "in reported speech"}[voice]
