"""Evidence spans: character offsets into the article's original text."""

from __future__ import annotations

import attrs
from spacy.tokens import Span, Token

__all__ = ["TextSpan"]


@attrs.frozen(order=True)
class TextSpan:
    """A stretch of the article, so that every finding can be checked in the text.

    ``start`` and ``end`` are character offsets into the original text, and
    ``text == article[start:end]`` always holds. Every piece of evidence in a
    result (a hedge cue, a framing cue, a source) is a ``TextSpan`` with
    fields of its own after these three.

    Attributes:
        start: offset of the first character.
        end: offset just past the last character.
        text: the characters between them.

    Example:
        >>> article = "Analysts noted that Putin gained."
        >>> span = TextSpan.of_text(article, 0, 8)
        >>> span
        TextSpan(start=0, end=8, text='Analysts')
        >>> article[span.start:span.end] == span.text
        True
    """

    start: int
    end: int
    text: str

    @classmethod
    def of_text(cls, text: str, start: int, end: int) -> TextSpan:
        """Span ``text[start:end]``."""
        return cls(start, end, text[start:end])

    @classmethod
    def of(cls, item: Span | Token) -> TextSpan:
        """Span of a spaCy ``Span`` or ``Token`` (without trailing whitespace)."""
        if isinstance(item, Token):
            return cls(item.idx, item.idx + len(item.text), item.text)
        return cls(item.start_char, item.end_char, item.text)

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: TextSpan) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: TextSpan) -> bool:
        """Whether ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end
