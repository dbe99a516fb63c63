"""Whose voice a stretch of an article is in: the writer's own, quoted, or reported.

One definition for every analyser: :meth:`framekit.article.Article.voice_of`
reads it off the shared quotation and reported-speech layers.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Voice"]


class Voice(StrEnum):
    """Whose voice a cue is in.

    Example:
        >>> Voice.REPORTED.description
        'in reported speech'
    """

    AUTHOR = "author"
    """The writer's own voice."""
    QUOTED = "quoted"
    """Inside quotation marks."""
    REPORTED = "reported"
    """In reported speech or thought without quotation marks."""

    @property
    def description(self) -> str:
        """The voice in words, for tooltips and tables."""
        return {"author": "author voice", "quoted": "in a quotation",
                "reported": "in reported speech"}[self.value]
