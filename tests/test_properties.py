"""Property-based tests: any text, however odd, gives a report whose offsets are true."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framekit
from framekit.quotes import find_quotations
from framekit.results import Scalar

NEWS_BITS = [
    "Trump said", "“progress was made”", "according to officials,", "Analysts noted that",
    "may", "could", "perhaps", "clearly", "not likely", "Kiev", "Kyiv", "\"", "'", "“", "”",
    "‘", "’", "«", "»", "„", "(", ")", "—", ",", ".", "!", "?", ":", "\n", "\n\n", " ",
    "<p>", "&amp;", "\u200b", "😀", "ВСЕ", "he wrote.", "One observer said", "if", "whether",
]

news_like = st.lists(st.sampled_from(NEWS_BITS), max_size=40).map(" ".join)
any_text = st.one_of(st.text(max_size=300), news_like)


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


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_every_evidence_offset_points_at_its_text(text: str) -> None:
    report = framekit.analyse(text)
    for row in report.rows():
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
def test_reports_round_trip_through_json(text: str) -> None:
    report = framekit.analyse(text)
    assert framekit.Report.from_json(report.to_json()) == report
