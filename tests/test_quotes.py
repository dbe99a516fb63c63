from __future__ import annotations

import pytest

from framekit.quotes import find_quotations


def contents(text: str) -> list[str]:
    return [quote.content.text for quote in find_quotations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump called the meeting “exceptional”.", ["exceptional"]),
        ('Witkoff echoes narratives about "territories where Russians live," he said.',
         ["territories where Russians live,"]),
        ("She said ‘no’ twice.", ["no"]),
        ("„Wir schaffen das“, sagte sie.", ["Wir schaffen das"]),
        ("«Nous verrons», a-t-il dit.", ["Nous verrons"]),
        ("It's the students' view that Putin’s plan won't work.", []),
    ],
)
def test_pairs_marks_of_every_style(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_nested_quotation_is_kept_with_depth() -> None:
    quotes = find_quotations('"He told me \'never again\' and left," she said.')
    assert [(q.content.text, q.depth) for q in quotes] == [
        ("He told me 'never again' and left,", 0), ("never again", 1)]


def test_quotation_runs_over_several_sentences() -> None:
    text = "“If all works out, we meet. Lives will be saved,” Trump said."
    (quote,) = find_quotations(text)
    assert quote.content.text == "If all works out, we meet. Lives will be saved,"
    assert quote.span.text == "“If all works out, we meet. Lives will be saved,”"


def test_unclosed_quotation_ends_at_paragraph_and_is_flagged() -> None:
    text = "He said “we will win. Nobody doubts it.\nThe next paragraph is the writer's."
    (quote,) = find_quotations(text)
    assert quote.content.text == "we will win. Nobody doubts it."
    assert not quote.closed


def test_unclosed_quotation_stops_at_next_opening_mark() -> None:
    quotes = find_quotations("He called it “a farce and later “a tragedy” on air.")
    assert [(q.content.text, q.closed) for q in quotes] == [
        ("a farce and later", False), ("a tragedy", True)]


def test_stray_closing_mark_is_ignored() -> None:
    assert contents("The talks” failed, and “peace” was far.") == ["peace"]


def test_offsets_point_into_the_text() -> None:
    text = "A “b” c ‘d’ e \"f\""
    for quote in find_quotations(text):
        assert text[quote.content.start : quote.content.end] == quote.content.text
        assert text[quote.span.start : quote.span.end] == quote.span.text


def test_example_article_quotations_are_all_closed(articles: dict[str, str]) -> None:
    quotes = find_quotations(articles["mar-a-lago-meeting.txt"])
    assert len(quotes) == 18
    assert all(quote.closed for quote in quotes)
    assert "Coalition of the Will" in [q.content.text for q in quotes]


def test_marks_inside_html_tags_are_not_quotations() -> None:
    text = '<p class="lead">Putin called it <a href="/x">“a win”</a>.</p>'
    assert contents(text) == ["a win"]


def test_quotation_left_open_at_a_paragraph_end_runs_on_in_the_next() -> None:
    text = ("“The river rose in an hour.\n\n“By noon the square was under water,” the mayor said."
            "\n\nNobody was hurt.")
    quotes = find_quotations(text)
    assert [(q.content.text, q.closed) for q in quotes] == [
        ("The river rose in an hour.\n\n“By noon the square was under water,", True)]


def test_a_paragraph_opened_by_another_mark_is_no_continuation() -> None:
    text = "\"The river rose in an hour.\n\n“By noon the square was under water,” she said."
    quotes = find_quotations(text)
    assert [(q.content.text, q.closed) for q in quotes] == [
        ("The river rose in an hour.", False), ("By noon the square was under water,", True)]
