"""Property-based tests: any text, however odd, gives a report whose offsets are true."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framekit
from framekit.quotes import find_quotations
from framekit.results import Scalar

ARTICLE_DIR = Path(__file__).parent.parent / "examples" / "articles"
ARTICLES = [path.read_text(encoding="utf-8") for path in sorted(ARTICLE_DIR.glob("*.txt"))]

NEWS_BITS = [
    "Trump said", "“progress was made”", "according to officials,", "Analysts noted that",
    "may", "could", "perhaps", "clearly", "not likely", "Kiev", "Kyiv", "\"", "'", "“", "”",
    "‘", "’", "«", "»", "„", "(", ")", "—", ",", ".", "!", "?", ":", "\n", "\n\n", " ",
    "<p>", "&amp;", "\u200b", "😀", "ВСЕ", "he wrote.", "One observer said", "if", "whether",
]

news_like = st.lists(st.sampled_from(NEWS_BITS), max_size=40).map(" ".join)


@st.composite
def mutated_article(draw: st.DrawFn) -> str:
    """A stretch of a real article with odd bits inserted and characters deleted."""
    article = draw(st.sampled_from(ARTICLES))
    start = draw(st.integers(0, len(article) - 1))
    text = article[start : start + draw(st.integers(1, 600))]
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.sampled_from(NEWS_BITS)) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(1, 5)) :]
    return text


any_text = st.one_of(st.text(max_size=300), news_like, mutated_article())


def evidence(value: object) -> Iterator[tuple[int, int, str]]:
    """Every (start, end, text) in a result, however deeply nested."""
    if attrs.has(type(value)):
        names = {field.name for field in attrs.fields(type(value))}
        if {"start", "end", "text"} <= names:
            yield value.start, value.end, value.text  # type: ignore[attr-defined]
        for field in attrs.fields(type(value)):
            yield from evidence(getattr(value, field.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from evidence(item)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from evidence(item)


def spans_in(row: dict[str, Scalar]) -> list[tuple[int, int, str]]:
    """Every (start, end, text) triple in a flat row, at any prefix."""
    found = []
    for key, value in row.items():
        if key.endswith("start") and isinstance(value, int):
            prefix = key[: -len("start")]
            end, text = row.get(f"{prefix}end"), row.get(f"{prefix}text")
            if isinstance(end, int) and isinstance(text, str):
                found.append((value, end, text))
    return found


@settings(max_examples=2500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_every_evidence_offset_points_at_its_text(text: str) -> None:
    report = framekit.analyse(text)
    for result in report.results.values():
        for start, end, span_text in evidence(result):
            assert text[start:end] == span_text, (start, end, span_text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_flat_rows_keep_true_offsets(text: str) -> None:
    for row in framekit.analyse(text).rows():
        for start, end, span_text in spans_in(row):
            assert text[start:end] == span_text


@settings(max_examples=500, deadline=None)
@given(any_text)
def test_quotations_are_well_formed(text: str) -> None:
    for quote in find_quotations(text):
        assert quote.span.contains(quote.content)
        assert text[quote.content.start : quote.content.end] == quote.content.text
        assert quote.content.text == quote.content.text.strip()


@settings(max_examples=100, deadline=None)
@given(any_text)
def test_reports_round_trip_through_json_and_hash(text: str) -> None:
    report = framekit.analyse(text)
    again = framekit.Report.from_json(report.to_json())
    assert again == report
    assert hash(again) == hash(report)
    assert all(hash(again[name]) == hash(report[name]) for name in report)


def test_every_built_in_result_is_immutable_all_the_way_down() -> None:
    report = framekit.analyse(ARTICLES[0])
    assert set(report) == {"attribution", "balance", "hedging", "framing", "readability"}
    for name in report:
        result = report[name]
        field = attrs.fields(type(result))[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(result, field, None)
        mappings = [getattr(result, f.name) for f in attrs.fields(type(result))
                    if isinstance(getattr(result, f.name), Mapping)]
        for mapping in mappings:
            with pytest.raises(TypeError):
                mapping["new"] = 1  # type: ignore[index]
        assert not any(isinstance(getattr(result, f.name), list | dict | set)
                       for f in attrs.fields(type(result)))
    with pytest.raises(TypeError):
        report.results["hedging"] = report["hedging"]  # type: ignore[index]
