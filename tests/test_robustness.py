"""Odd and hostile input: every case analyses cleanly, with offsets that stay true."""

from __future__ import annotations

import warnings

import pytest
from spacy.language import Language

import framekit
from framekit import Report
from tests.test_properties import spans_in


def analyse_checked(text: str) -> Report:
    """Analyse with every default analyser and check every offset against the text."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", framekit.NotEnglishWarning)
        report = framekit.analyse(text)
    for row in report.rows():
        for start, end, span_text in spans_in(row):
            assert text[start:end] == span_text
    return report


@pytest.mark.parametrize(
    "text",
    [
        "He said “we will win. The writer goes on, and it may rain.",  # unbalanced
        'She said: "He told me ‘never’ and left," and may return.',  # nested, mixed
        "Il a dit «la paix viendra» and it may be.",  # guillemets
        "„Peace may come“, he said.",  # low-high
        "The talks” failed and “peace may come.",  # stray closer, then unclosed opener
        "'Peace may come,' he said, \"and soon.\"",  # straight single and double
    ],
)
def test_unusual_quotation_marks(text: str) -> None:
    report = analyse_checked(text)
    assert [c.text for c in report.hedging.hedges] == ["may"]


def test_unbalanced_mark_does_not_swallow_the_next_paragraph() -> None:
    text = "He said “we will win.\nThe envoy may leave early."
    (hedge,) = analyse_checked(text).hedging.hedges
    assert hedge.voice == "author"


def test_text_without_sentence_punctuation() -> None:
    text = " ".join(["the talks may resume next week officials said"] * 30)
    report = analyse_checked(text)
    assert len(report.hedging.hedges) == 30


def test_all_caps_text() -> None:
    report = analyse_checked("TRUMP SAID THE TALKS MAY RESUME. PERHAPS THEY WILL.")
    assert {c.text for c in report.hedging.hedges} >= {"PERHAPS"}


def test_five_thousand_word_sentence() -> None:
    text = ("and the envoy may return " * 1000).strip() + "."
    report = analyse_checked(text)
    assert report.hedging.overall.words == 5000
    assert report.hedging.overall.sentences >= 1


def test_html_remnants_and_entities() -> None:
    text = ('<p class="lead">Talks &amp; truces: the deal <b>may</b> hold.</p>'
            '<a href="https://example.org/?a=1&b=2">“It is clearly over,” he said</a>')
    report = analyse_checked(text)
    assert [c.text for c in report.hedging.hedges] == ["may"]
    assert [(c.text, c.voice) for c in report.hedging.boosters] == [("clearly", "quoted")]


def test_control_zero_width_characters_and_emoji() -> None:
    text = "Peace\u200b may\u00ad come 😀\x00\x07 soon.\r\nIt\u2028perhaps will. 🇺🇦"
    report = analyse_checked(text)
    assert [c.text for c in report.hedging.hedges] == ["may", "perhaps"]


def test_mostly_not_english_text_warns_and_still_returns_a_result() -> None:
    text = ("Die Gespräche über einen Waffenstillstand wurden am Montag in Genf fortgesetzt. "
            "Beide Seiten zeigten sich vorsichtig optimistisch, berichteten Diplomaten. ") * 3
    with pytest.warns(framekit.NotEnglishWarning, match="not English"):
        report = framekit.analyse(text)
    assert report.text == text


def test_english_text_does_not_warn(articles: dict[str, str]) -> None:
    for text in articles.values():
        analyse_checked(text)


def test_long_text_is_parsed_in_chunks_with_true_offsets(
        nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    paragraph = "Talks may resume, an aide said. “It is clearly over,” he said.\n"
    text = paragraph * 40
    monkeypatch.setattr(nlp, "max_length", len(paragraph) * 7)
    report = analyse_checked(text)
    assert len(report.hedging.hedges) == len(report.hedging.boosters) == 40
    assert {c.voice for c in report.hedging.boosters} == {"quoted"}


def test_chunked_parse_finds_what_one_parse_finds(
        articles: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    text = articles["mar-a-lago-meeting.txt"]
    whole = framekit.analyse(text)
    monkeypatch.setattr(framekit.inputs, "CHUNK_SIZE", 1_500)
    chunked = framekit.analyse(text)
    assert len(text) > 3 * 1_500
    assert chunked.hedging == whole.hedging
    assert chunked.attribution == whole.attribution


def test_long_paragraph_beyond_max_length_is_refused(
        nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "max_length", 100)
    with pytest.raises(framekit.TextTooLongError, match="paragraph of 200 characters"):
        framekit.analyse("x" * 200)


@pytest.mark.slow
def test_one_million_character_article_finishes(articles: dict[str, str]) -> None:
    source = articles["mar-a-lago-meeting.txt"] + "\n"
    text = (source * (1_000_000 // len(source) + 1))[:1_000_000]
    report = framekit.analyse(text)
    assert len(report.text) == 1_000_000
    assert report.hedging.overall.words > 150_000
