"""The HTML overview of a corpus: its figures, comparisons and a table of its articles.

:func:`write_overview` writes one self-contained page (CSS, script and plots
inline, nothing loaded from elsewhere) with

* the corpus in figures: articles, analysed, failed, words, dates, groups;
* each comparison: its plot and its table of values, intervals and sizes;
* a table of the articles, sortable by any column (click a heading), each id
  linking to the article's own highlighted report
  (:func:`framekit.display.render_html`), written into a folder beside the
  page (``overview_articles/`` for ``overview.html``);
* the articles that could not be analysed, with their errors.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from framekit.corpus.comparisons import Comparison
from framekit.corpus.tables import CorpusTables, read_tables
from framekit.display import render_html
from framekit.report import Report

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["page_name", "write_overview"]

#: The figures of each article shown in the article table: column → heading.
ARTICLE_COLUMNS = {
    "readability.words": "words",
    "balance.attributions": "attributions",
    "balance.source_count": "sources",
    "balance.quoted_share": "quoted share",
    "hedging.by_voice.author.hedges_per_100_words": "writer's hedges / 100 w",
    "hedging.by_voice.author.boosters_per_100_words": "writer's boosters / 100 w",
    "framing.dominant": "dominant frame",
}
_UNSAFE = re.compile(r"[^\w.-]+")
_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 75rem;
       padding: 1rem 2rem; color: #1d1d1f; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ddd; }
dl.fk-figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
                gap: .6rem; }
dl.fk-figures div { background: #f4f4f6; border-radius: 6px; padding: .5rem .8rem; }
dl.fk-figures dt { font-size: .8rem; color: #555; } dl.fk-figures dd { margin: 0;
                   font-size: 1.25rem; font-weight: 600; }
table { border-collapse: collapse; font-size: .85rem; margin: .6rem 0; }
th, td { padding: .2rem .6rem; border-bottom: 1px solid #e4e4e8; text-align: left; }
td.fk-num { text-align: right; font-variant-numeric: tabular-nums; }
table.fk-sortable th { cursor: pointer; user-select: none; background: #f4f4f6; }
table.fk-sortable th[aria-sort="ascending"]::after { content: " \\25B2"; }
table.fk-sortable th[aria-sort="descending"]::after { content: " \\25BC"; }
img.fk-plot { max-width: 100%; height: auto; display: block; }
details { margin: .4rem 0 1rem; } p.fk-note { color: #555; }
"""
# Click a heading to sort by its column; numbers (data-value) sort as numbers.
_SCRIPT = """
document.querySelectorAll("table.fk-sortable").forEach(function (table) {
  table.querySelectorAll("th").forEach(function (heading, column) {
    heading.addEventListener("click", function () {
      var ascending = heading.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
      heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      function key(row) {
        var cell = row.cells[column];
        var value = cell.getAttribute("data-value");
        return value !== null ? parseFloat(value) : cell.textContent.trim().toLowerCase();
      }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var order = x < y ? -1 : x > y ? 1 : 0;
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
"""


def page_name(article_id: str) -> str:
    """The file name of an article's report page: its id, made safe for a file system.

    Example:
        >>> page_name("nyt_2016-01-02_a"), page_name("https://x.org/a b")
        ('nyt_2016-01-02_a.html', 'https_x.org_a_b-...html')
    """
    safe = _UNSAFE.sub("_", article_id).strip("_")[:80] or "article"
    if safe == article_id:
        return f"{safe}.html"
    return f"{safe}-{hashlib.sha1(article_id.encode('utf-8')).hexdigest()[:8]}.html"


def write_overview(results: str | Path, target: str | Path,
                   comparisons: Sequence[Comparison], *, tables: CorpusTables | None = None,
                   title: str | None = None) -> Path:
    """Write the overview page of the run in ``results`` to ``target``, with the article pages.

    Args:
        results: the results folder of a finished run.
        target: the HTML file to write.
        comparisons: the comparisons to show (:func:`~framekit.corpus.comparisons.compare`).
        tables: the run's tables, if already read.
        title: the page title; by default from the results folder's name.

    Returns:
        The folder the article pages were written to.
    """
    import matplotlib.pyplot as plt

    folder = Path(results)
    tables = tables if tables is not None else read_tables(folder)
    page = Path(target)
    articles_dir = page.with_name(f"{page.stem}_articles")
    articles_dir.mkdir(parents=True, exist_ok=True)
    for article_id, report in _reports(folder):
        if report.error is None:
            (articles_dir / page_name(article_id)).write_text(
                render_html(report, title=article_id), encoding="utf-8")
    sections = []
    for comparison in comparisons:
        figure = comparison.plot()
        sections.append(_comparison(comparison, _png(figure)))
        plt.close(figure)
    heading = title or f"framekit corpus overview: {folder.resolve().name}"
    body = "\n".join([
        f"<h1>{html.escape(heading)}</h1>",
        '<p class="fk-note">Generated by framekit. Values are pooled over each group\'s '
        "articles; intervals are percentile bootstrap intervals over articles; n is the "
        "number of articles behind each value.</p>",
        "<h2>The corpus</h2>", _figures(tables, comparisons),
        *sections,
        "<h2>Articles</h2>",
        '<p class="fk-note">Click a heading to sort; click an id to read the article with '
        "its evidence highlighted.</p>",
        _article_table(tables, articles_dir.name),
        _failures(tables),
    ])
    page.write_text(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<link rel="icon" href="data:,">\n<title>{html.escape(heading)}</title>\n'
        f"<style>{_STYLE}</style>\n</head>\n<body>\n{body}\n"
        f"<script>{_SCRIPT}</script>\n</body>\n</html>\n", encoding="utf-8")
    return articles_dir


def _reports(folder: Path) -> Iterator[tuple[str, Report]]:
    """Each article's report, read from the reports table a batch at a time."""
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(folder / "reports.parquet").iter_batches(batch_size=64):
        for article_id, report in zip(batch.column("id").to_pylist(),
                                      batch.column("report").to_pylist(), strict=True):
            yield article_id, Report.from_json(report)


def _png(figure: object) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)  # type: ignore[attr-defined]
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _figures(tables: CorpusTables, comparisons: Sequence[Comparison]) -> str:
    articles = tables.articles
    analysed = tables.analysed
    pairs: list[tuple[str, str]] = [
        ("articles", f"{len(articles):,}"), ("analysed", f"{len(analysed):,}"),
        ("not analysed", f"{len(tables.failures):,}")]
    if "readability.words" in analysed:
        pairs.append(("words", f"{int(analysed['readability.words'].sum()):,}"))
    pairs += [("attributions", f"{len(tables.attributions):,}"),
              ("sources", f"{len(tables.sources):,}"), ("cues", f"{len(tables.cues):,}")]
    for column in ("date",):
        if column in articles and articles[column].notna().any():
            dates = articles[column].dropna()
            pairs.append(("dates", f"{dates.min():%Y-%m-%d} – {dates.max():%Y-%m-%d}"))
    by = next((c.by for c in comparisons if c.by), None)
    if by is not None:
        pairs.append((f"{by} values", f"{articles[by].nunique():,}"))
    items = "".join(f"<div><dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd></div>"
                    for k, v in pairs)
    groups = ""
    if by is not None:
        counts = articles.groupby(by, observed=True).size()
        rows = "".join(f"<tr><td>{html.escape(str(g))}</td><td class='fk-num'>{n}</td></tr>"
                       for g, n in counts.items())
        groups = (f"<table><thead><tr><th>{html.escape(by)}</th><th>articles</th></tr>"
                  f"</thead><tbody>{rows}</tbody></table>")
    return f'<dl class="fk-figures">{items}</dl>{groups}'


def _comparison(comparison: Comparison, png: str) -> str:
    table = comparison.table
    columns = [*comparison.groups, "category"]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in [*columns, "value", "interval", "n"])
    rows = []
    for values in table.to_dict("records"):
        cells = "".join(f"<td>{html.escape(_shown(values[c]))}</td>" for c in columns)
        rows.append(f"<tr>{cells}<td class='fk-num'>{values['value']:.3f}</td>"
                    f"<td class='fk-num'>[{values['low']:.3f}, {values['high']:.3f}]</td>"
                    f"<td class='fk-num'>{values['n_articles']}</td></tr>")
    return (f'<section class="fk-comparison" id="{comparison.name}">'
            f"<h2>{html.escape(comparison.title)}</h2>"
            f'<p class="fk-note">{html.escape(comparison.unit)}, '
            f"{comparison.confidence:.0%} bootstrap intervals.</p>"
            f'<img class="fk-plot" alt="{html.escape(comparison.title)}" '
            f'src="data:image/png;base64,{png}">'
            f"<details><summary>Table</summary><table><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></details></section>")


def _shown(value: object) -> str:
    if hasattr(value, "strftime"):
        return f"{value:%Y-%m-%d}"
    return str(value)


def _article_table(tables: CorpusTables, pages: str) -> str:
    articles = tables.articles
    metadata = [c for c in articles.columns if c not in {"id", "error"} and "." not in c]
    figures = [c for c in ARTICLE_COLUMNS if c in articles]
    head = "".join(f"<th>{html.escape(h)}</th>" for h in
                   ["id", *metadata, *(ARTICLE_COLUMNS[c] for c in figures)])
    rows = [_article_row({str(k): v for k, v in row.items()}, metadata, figures, pages)
            for row in articles.to_dict("records")]
    return (f'<table class="fk-sortable" id="fk-articles"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def _article_row(row: dict[str, object], metadata: list[str], figures: list[str],
                 pages: str) -> str:
    article_id = str(row["id"])
    failed = isinstance(row.get("error"), str)
    link = (html.escape(article_id) if failed else
            f'<a href="{quote(pages)}/{quote(page_name(article_id))}">'
            f"{html.escape(article_id)}</a>")
    cells = [f"<td>{link}</td>"]
    cells += [f"<td>{html.escape(_metadata_value(row[c]))}</td>" for c in metadata]
    for column in figures:
        value = row[column]
        if isinstance(value, float) and value == value:
            cells.append(f"<td class='fk-num' data-value='{value}'>{value:.2f}</td>")
        elif isinstance(value, int):
            cells.append(f"<td class='fk-num' data-value='{value}'>{value}</td>")
        elif isinstance(value, str) and value.startswith("["):
            cells.append(f"<td>{html.escape(value.strip('[]').replace(chr(34), ''))}</td>")
        else:
            cells.append("<td></td>")
    return f"<tr>{''.join(cells)}</tr>"


def _metadata_value(value: object) -> str:
    import pandas as pd

    if value is None or (not isinstance(value, str) and bool(pd.isna(value))):  # type: ignore[call-overload]
        return ""
    return _shown(value)


def _failures(tables: CorpusTables) -> str:
    failures: pd.DataFrame = tables.failures
    if failures.empty:
        return ""
    rows = "".join(f"<tr><td>{html.escape(str(i))}</td><td>{html.escape(str(e))}</td></tr>"
                   for i, e in zip(failures["id"], failures["error"], strict=True))
    return (f"<h2>Not analysed</h2><table><thead><tr><th>id</th><th>error</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>")
