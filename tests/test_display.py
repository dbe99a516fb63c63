from __future__ import annotations

import html
from html.parser import HTMLParser

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from framekit import Pipeline, Report
from framekit.display import LAYERS, Mark, highlight, marks, render_html, render_page
from framekit.results import Result


class _Coverage(HTMLParser):
    """Reads highlighted HTML back: the text, and the marks over each character."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.covering: list[frozenset[str]] = []
        self.paragraphs = 0
        self.in_paragraph = False

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        if tag == "p":
            assert not self.stack
            self.paragraphs += 1
            self.in_paragraph = True
            return
        assert tag == "span"
        self.stack.append(dict(attributes)["data-mark"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self.stack.pop()
        else:
            assert tag == "p"
            assert not self.stack
            self.in_paragraph = False
            self.text.append("\n")
            self.covering.append(frozenset())

    def handle_data(self, data: str) -> None:
        if not self.in_paragraph:  # line breaks between paragraphs
            return
        self.text.extend(data)
        self.covering.extend(frozenset(self.stack) for _ in data)


def _read_back(page: str) -> _Coverage:
    reader = _Coverage()
    reader.feed(page)
    reader.close()
    assert not reader.stack
    return reader


def test_crossing_marks_are_split_and_nested() -> None:
    text = "Trump asked if talks may end."
    found = [Mark(6, 14, "hedge", "hedge: asked if", "h"),
             Mark(6, 11, "cue", "cue", "q"),
             Mark(12, 28, "content", "content", "c")]
    assert highlight(text, found) == (
        '<p>Trump <span class="fk-cue" title="cue" data-mark="q">'
        '<span class="fk-hedge" title="hedge: asked if" data-mark="h">asked</span></span>'
        '<span class="fk-hedge" title="hedge: asked if" data-mark="h"> </span>'
        '<span class="fk-content" title="content" data-mark="c">'
        '<span class="fk-hedge" title="hedge: asked if" data-mark="h">if</span>'
        " talks may end</span>.</p>")


def test_text_and_titles_are_escaped() -> None:
    text = 'He said <script>alert("x")</script> & left.'
    page = highlight(text, [Mark(0, 2, "source", 'say "<b>"', "s")])
    assert "<script>" not in page
    assert 'title="say &quot;&lt;b&gt;&quot;"' in page
    assert "".join(_read_back(page).text) == text + "\n"


def test_lines_become_paragraphs_and_marks_across_them_are_cut() -> None:
    text = "One may.\n\nTwo will."
    reader = _read_back(highlight(text, [Mark(4, 14, "content", "c", "c")]))
    assert reader.paragraphs == 2
    assert "".join(reader.text) == "One may.\nTwo will.\n"
    assert [bool(c) for c in reader.covering] == [
        *(False,) * 4, *(True,) * 4, False, *(True,) * 4, *(False,) * 6]


_SPANS = st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from(list(LAYERS)))


@given(text=st.text(alphabet="ab <&\"\n", min_size=1, max_size=40),
       spans=st.lists(_SPANS, max_size=8))
def test_every_character_is_inside_exactly_the_marks_over_it(
        text: str, spans: list[tuple[int, int, str]]) -> None:
    found = [Mark(min(a, b), max(a, b), layer, "t", f"m{i}")
             for i, (a, b, layer) in enumerate(spans)]
    reader = _read_back(highlight(text, found))
    kept = [(start, line) for start, line in _lines(text) if line.strip()]
    assert "".join(reader.text) == "".join(line + "\n" for _, line in kept)
    expected: list[frozenset[str]] = []
    for start, line in kept:
        expected.extend(frozenset(m.key for m in found if m.start <= start + j < m.end)
                        for j in range(len(line)))
        expected.append(frozenset())
    assert reader.covering == expected


def _lines(text: str) -> list[tuple[int, str]]:
    lines, start = [], 0
    for line in text.split("\n"):
        lines.append((start, line))
        start += len(line) + 1
    return lines


def test_marks_of_a_report_with_only_hedging() -> None:
    report = Pipeline(["hedging"]).analyse("Clearly the talks may fail.")
    assert [(m.layer, report.text[m.start:m.end]) for m in marks(report)] == [
        ("booster", "Clearly"), ("hedge", "may")]
    page = render_html(report)
    assert "Hedging" in page
    assert "Sources" not in page
    assert "attributed content" not in page


@pytest.fixture(scope="module")
def full_report() -> Report:
    return Pipeline().analyse(
        "“We may never agree,” the Kremlin spokesman Dmitry Peskov said on Monday, "
        "calling the plan a humiliation. Officials in Kyiv clearly disagreed.")


def test_full_report_marks_every_layer(full_report: Report) -> None:
    page = render_html(full_report, title="Peskov <test>")
    for layer in ("content", "source", "cue", "hedge", "booster"):
        assert f'class="fk-{layer}"' in page
    assert "<title>Peskov &lt;test&gt;</title>" in page
    assert "Dmitry Peskov" in page
    for section in ("Legend", "Attribution", "Sources", "Hedging", "Framing", "Readability"):
        assert f"<h3>{section}</h3>" in page
    assert "http://" not in page and "https://" not in page  # self-contained
    assert 'title="source: Dmitry Peskov' in page
    opening = '<div class="fk-text">'
    reader = _read_back(page[page.index(opening) + len(opening):page.index("</div>")])
    assert "".join(reader.text).strip() == full_report.text


def test_report_helper_and_pages(full_report: Report) -> None:
    failed = Report("", {}, "InputError: cannot read 'a.txt'")
    page = render_page([("a.txt", failed), ("b.txt", full_report)])
    assert page.count('<section class="fk-article') == 2
    assert "<h2>a.txt</h2>" in page and "<h2>b.txt</h2>" in page
    assert "Not analysed: InputError: cannot read &#x27;a.txt&#x27;" in page


@attrs.frozen
class _Shouting(Result):
    capitals: int


def test_an_unknown_result_shows_its_summary() -> None:
    report = Report("IT MAY RAIN.", {"shouting": _Shouting(3)})
    page = render_html(report)
    assert "<h3>shouting</h3>" in page
    assert "<dt>capitals</dt><dd>3</dd>" in page
    assert "Nothing to highlight." in page
    assert html.escape("IT MAY RAIN.") in page
