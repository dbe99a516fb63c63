"""The quotation layer: quotation marks paired into quotations, once per article.

Every analyser that cares whether words are quoted (hedging's voice, framing's
scare quotes, attribution's direct quotes) reads this one layer; none pairs
quotation marks on its own.

Pairing works paragraph by paragraph with a stack, so nesting (“… ‘…’ …”)
is kept. Curly, straight, guillemet («») and low-high („“) marks are
understood. Straight marks and the right single quote, which doubles as an
apostrophe, are told apart by the characters around them. Marks that cannot be
paired never break the rest of the text: a stray closing mark is ignored, an
unclosed double quotation runs to the end of its paragraph (or to the next
opening double mark) and is flagged ``closed=False``, and an unclosed single
mark is taken for an apostrophe. Marks inside HTML tags left in scraped text
(``<a href="…">``) are not quotation marks.
"""

from __future__ import annotations

import bisect
import enum
import re

import attrs

from framekit.spans import TextSpan

__all__ = ["Quotation", "find_quotations"]


class _Family(enum.Enum):
    DOUBLE = "double"
    SINGLE = "single"


_OPENERS = {"“": _Family.DOUBLE, "„": _Family.DOUBLE, "‟": _Family.DOUBLE, "«": _Family.DOUBLE,
            "‘": _Family.SINGLE, "‚": _Family.SINGLE, "‛": _Family.SINGLE, "‹": _Family.SINGLE}
_CLOSERS = {"”": _Family.DOUBLE, "»": _Family.DOUBLE, "’": _Family.SINGLE, "›": _Family.SINGLE}
#: Two straight single marks stand for one double mark in text converted from
#: typewriter or wire formats (*''It's more tinkering,'' he said*).
_STRAIGHT = {'"': _Family.DOUBLE, "''": _Family.DOUBLE, "'": _Family.SINGLE}
_MARKS = re.compile("''|[" + re.escape("".join([*_OPENERS, *_CLOSERS, '"', "'"])) + "]")
_PARAGRAPH = re.compile(r"[^\n]+")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]{0,500}>")
_OPEN_CONTEXT = set(" \t\r\f\v([{<—–-/")
#: A paragraph break and the opening double mark of the next paragraph.
_DOUBLE_OPENING = re.compile(r"[ \t\xa0]*\n\s*[“\"«„]|[ \t\xa0]*\n\s*''")


@attrs.frozen
class Quotation:
    """A stretch of text between paired quotation marks.

    Attributes:
        span: the quotation with its marks.
        content: the words inside the marks, without surrounding whitespace.
        closed: ``False`` when no closing mark was found and the quotation was
            ended at the end of its paragraph or at the next opening mark.
        depth: 0 for a top-level quotation, 1 for one nested inside another, …
    """

    span: TextSpan
    content: TextSpan
    closed: bool = True
    depth: int = 0


@attrs.define
class _Open:
    family: _Family
    mark: str
    at: int


def find_quotations(text: str) -> tuple[Quotation, ...]:
    """Pair the quotation marks of ``text`` into quotations, in text order.

    Example:
        >>> quotes = find_quotations('He called it “exceptional” and said: "We didn’t get there."')
        >>> [q.content.text for q in quotes]
        ['exceptional', 'We didn’t get there.']
        >>> find_quotations("Putin’s ‘red lines’ stand.")[0].content.text
        'red lines'
    """
    found: list[Quotation] = []
    for paragraph in _PARAGRAPH.finditer(text):
        found.extend(_pair(text, paragraph.start(), paragraph.end()))
    ordered = sorted(found, key=lambda quote: (quote.span.start, -quote.span.end))
    return tuple(_run_on_over_paragraphs(text, ordered))


def _run_on_over_paragraphs(text: str, quotes: list[Quotation]) -> list[Quotation]:
    r"""Join a quotation left open at its paragraph's end to the one opening the next.

    News style (AP) closes no quotation at the end of a paragraph when the same
    speaker goes on in the next, which opens with a quotation mark: the two
    paragraphs are one quotation, closed where the last of them is. Both open
    with the same mark: a paragraph opened by another (a straight mark left
    by scraping before a curly one) is no continuation.

    Example:
        >>> text = "“We will rebuild.\n\n“Every school will open,” she said."
        >>> [q.content.text for q in find_quotations(text)]
        ['We will rebuild.\n\n“Every school will open,']
    """
    joined: list[Quotation] = []
    for quote in quotes:
        previous = next((q for q in reversed(joined) if q.depth == 0), None)
        if quote.depth == 0 and previous is not None and not previous.closed and (
                text[quote.span.start] == text[previous.span.start]) and (
                _DOUBLE_OPENING.fullmatch(text, previous.span.end, quote.span.start + 1)):
            joined.remove(previous)
            quote = Quotation(
                span=TextSpan.of_text(text, previous.span.start, quote.span.end),
                content=TextSpan.of_text(text, previous.content.start, quote.content.end),
                closed=quote.closed)
        joined.append(quote)
    return sorted(joined, key=lambda quote: (quote.span.start, -quote.span.end))


def _pair(text: str, start: int, end: int) -> list[Quotation]:
    marks = list(_MARKS.finditer(text, start, end))
    if not marks:
        return []
    stack: list[_Open] = []
    found: list[Quotation] = []
    tags = [tag.span() for tag in _HTML_TAG.finditer(text, start, end)]
    for match in marks:
        at, mark = match.start(), match.group()
        if _inside(tags, at):
            continue
        before = text[at - 1] if at > start else " "
        after = text[at + len(mark)] if at + len(mark) < end else " "
        role = _role(mark, before, after, stack)
        if role == "open":
            family = _family(mark)
            if family is _Family.DOUBLE:
                found.extend(_close_unclosed(text, stack, _Family.DOUBLE, at))
            stack.append(_Open(family, mark, at))
        elif role == "close":
            found.extend(_close(text, stack, _family(mark), at, len(mark)))
    found.extend(_close_unclosed(text, stack, _Family.DOUBLE, end))
    return found


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` lies strictly inside one of the sorted, disjoint ``spans``."""
    index = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return index >= 0 and spans[index][0] < at < spans[index][1]


def _family(mark: str) -> _Family:
    return _OPENERS.get(mark) or _CLOSERS.get(mark) or _STRAIGHT[mark]


def _innermost(stack: list[_Open], family: _Family) -> _Open | None:
    return next((item for item in reversed(stack) if item.family is family), None)


def _role(mark: str, before: str, after: str, stack: list[_Open]) -> str | None:
    """Say whether ``mark`` opens, closes or is no quotation mark (``None``)."""
    open_double = _innermost(stack, _Family.DOUBLE)
    if mark == "“" and open_double is not None and open_double.mark == "„":
        return "close"
    word_inside = before.isalnum() and after.isalnum()
    opens = (before.isspace() or before in _OPEN_CONTEXT or before in _OPENERS) \
        and not after.isspace()
    closes = not before.isspace() and not after.isalnum()
    if mark in _OPENERS:
        return None if word_inside else "open"
    if mark in _CLOSERS:
        family = _CLOSERS[mark]
        if word_inside and family is _Family.SINGLE:
            return None
        if _innermost(stack, family) is not None:
            return "close"
        return "open" if opens and family is _Family.DOUBLE else None
    family = _STRAIGHT[mark]
    is_open = _innermost(stack, family) is not None
    if family is _Family.SINGLE and word_inside:
        return None
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close" if is_open else None
    return "close" if is_open else "open"


def _close(text: str, stack: list[_Open], family: _Family, at: int,
           width: int = 1) -> list[Quotation]:
    opener = _innermost(stack, family)
    if opener is None:
        return []
    index = stack.index(opener)
    del stack[index + 1 :]  # marks opened inside and never closed were not quotations
    stack.pop()
    quote = _make(text, opener, at + width, at, closed=True, depth=len(stack))
    return [quote] if quote else []


def _close_unclosed(text: str, stack: list[_Open], family: _Family, end: int) -> list[Quotation]:
    opener = _innermost(stack, family)
    if opener is None:
        return []
    index = stack.index(opener)
    del stack[index:]
    stop = end
    while stop > opener.at and text[stop - 1].isspace():
        stop -= 1
    quote = _make(text, opener, stop, stop, closed=False, depth=len(stack))
    return [quote] if quote else []


def _make(
    text: str, opener: _Open, end: int, inner_end: int, *, closed: bool, depth: int
) -> Quotation | None:
    start = opener.at
    inner_start = start + len(opener.mark)
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    if inner_start >= inner_end:
        return None
    return Quotation(
        span=TextSpan.of_text(text, start, end),
        content=TextSpan.of_text(text, inner_start, inner_end),
        closed=closed,
        depth=depth,
    )
