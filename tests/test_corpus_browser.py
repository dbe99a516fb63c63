"""The corpus overview in a real browser: Debian's headless Chromium, driven by Playwright."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

from framekit.corpus import analyse_corpus, compare, read_corpus, write_overview  # noqa: E402

from . import test_html_browser  # noqa: E402
from .conftest import ARTICLE_NAMES, ARTICLES  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.slow
browser = test_html_browser.browser  # the same headless Chromium fixture

OUTLETS = {"alaska-summit": "news report", "mar-a-lago-meeting": "CNN",
           "peace-talks-column": "opinion column"}


@pytest.fixture(scope="module")
def overview(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("overview")
    ids = [name.removesuffix(".txt") for name in ARTICLE_NAMES]
    texts = [(ARTICLES / name).read_text(encoding="utf-8") for name in ARTICLE_NAMES]
    corpus = read_corpus(pd.DataFrame({
        "id": [*ids, "empty"], "outlet": [*(OUTLETS[i] for i in ids), "CNN"],
        "date": ["2025-08-16", "2025-12-29", "2025-04-21", "2025-12-30"],
        "text": [*texts, ""]}))
    tables = analyse_corpus(corpus, folder / "results")
    page = folder / "overview.html"
    write_overview(folder / "results", page, compare(tables, "outlet"), tables=tables)
    return page


@pytest.fixture
def page(browser: Any, overview: Path) -> Iterator[Page]:
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda r: requests.append(r.url) if not r.url.startswith("data:")
            else None)
    page.goto(overview.as_uri())
    yield page
    assert problems == []
    assert all(url.startswith(overview.parent.as_uri()) for url in requests)
    page.close()


def test_the_overview_renders_every_comparison_with_its_plot(page: Page) -> None:
    headings = page.locator("section.fk-comparison h2").all_inner_texts()
    assert "Hedges and boosters by voice" in headings
    assert "Naming variants" in headings
    plots = page.locator("img.fk-plot")
    assert plots.count() == len(headings)
    widths = plots.evaluate_all("images => images.map(i => i.naturalWidth)")
    assert min(widths) > 300
    assert page.locator("dl.fk-figures dd").first.inner_text() == "4"  # articles
    assert "empty" in page.locator("h2:has-text('Not analysed') + table").inner_text()


def test_the_article_table_sorts_by_a_column(page: Page) -> None:
    table = page.locator("#fk-articles")
    words = table.locator("th", has_text="words").first

    def column() -> list[float]:
        index = table.locator("th").all_inner_texts().index("words")
        cells = table.locator(f"tbody tr td:nth-child({index + 1})").all_inner_texts()
        return [float(c) for c in cells if c]

    words.click()
    ascending = column()
    assert len(ascending) == 3 and ascending == sorted(ascending)
    words.click()
    assert column() == sorted(ascending, reverse=True)


def test_each_article_links_to_its_highlighted_report(page: Page) -> None:
    links = page.locator("#fk-articles a")
    assert links.count() == 3  # the empty text is not analysed, so not linked
    page.locator("#fk-articles a", has_text="mar-a-lago-meeting").click()
    page.wait_for_load_state()
    assert page.url.endswith("overview_articles/mar-a-lago-meeting.html")
    assert page.locator("h1", has_text="mar-a-lago-meeting").is_visible()
    assert page.locator(".fk-text .fk-hedge").count() > 10
