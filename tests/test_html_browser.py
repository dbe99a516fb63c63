"""The HTML report in a real browser: Debian's headless Chromium, driven by Playwright."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from framekit import Report, analyse
from framekit.display import render_html

from .conftest import ARTICLES

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report() -> Report:
    return analyse((ARTICLES / "mar-a-lago-meeting.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="the HTML report's browser tests need Playwright: pip install 'framekit[browser]'")
    if not Path(CHROMIUM).exists():
        pytest.skip("the HTML report's browser tests need Chromium, which is not installed: "
                    "sudo apt-get install chromium (Debian, Ubuntu)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, report: Report, tmp_path: Path) -> Iterator[Page]:
    path = tmp_path / "mar-a-lago-meeting.html"
    path.write_text(render_html(report, title="mar-a-lago-meeting.txt"), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    yield page
    assert requests == [path.as_uri()]  # self-contained: nothing else is loaded
    page.close()


def _marks(page: Page, layer: str) -> set[str]:
    found: list[str] = page.eval_on_selector_all(
        f".fk-text .fk-{layer}", "elements => elements.map(e => e.dataset.mark)")
    return set(found)


def _background(page: Page, selector: str) -> str:
    colour: str = page.eval_on_selector(
        selector, "element => getComputedStyle(element).backgroundColor")
    return colour


def test_highlights_are_rendered(page: Page, report: Report) -> None:
    assert len(_marks(page, "hedge")) == len(report.hedging.hedges)
    assert len(_marks(page, "booster")) == len(report.hedging.boosters)
    attributions = report.attribution.attributions
    assert len(_marks(page, "cue")) == len(attributions)
    assert len(_marks(page, "source")) == sum(a.source is not None for a in attributions)
    assert len(_marks(page, "device-metaphor")) == len(report.framing.of_category("metaphor"))
    first = report.hedging.hedges[0]
    hedge = page.locator(".fk-text .fk-hedge").first
    assert hedge.is_visible()
    assert hedge.inner_text() == first.text
    assert hedge.get_attribute("title") == "hedge: epistemic probable, author voice"
    assert _background(page, ".fk-text .fk-hedge") == "rgb(255, 223, 133)"
    source = page.locator(".fk-text .fk-source").first
    assert source.evaluate("e => getComputedStyle(e).borderBottomStyle") == "solid"


def test_legend_and_summary_are_visible(page: Page, tmp_path: Path) -> None:
    legend = page.locator(".fk-legend")
    assert legend.is_visible()
    labels = legend.locator("label").all_inner_texts()
    assert "hedge 37" in [" ".join(label.split()) for label in labels]
    for heading in ("Attribution", "Sources", "Hedging", "Framing", "Readability"):
        assert page.locator(".fk-box h3", has_text=heading).is_visible()
    page.mouse.wheel(0, 2500)  # the legend stays in view as the article scrolls
    assert legend.bounding_box()["y"] < 100  # type: ignore[index]
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 50_000


def test_unticking_a_layer_takes_its_style_off(page: Page) -> None:
    assert _background(page, ".fk-text .fk-hedge") != "rgba(0, 0, 0, 0)"
    page.locator('.fk-legend input[data-layer="hedge"]').uncheck()
    assert _background(page, ".fk-text .fk-hedge") == "rgba(0, 0, 0, 0)"
    assert _background(page, ".fk-text .fk-booster") != "rgba(0, 0, 0, 0)"
