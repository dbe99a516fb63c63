"""Readability: the classic formulas from textstat, with sentence figures from the parse.

The formulas (Flesch reading ease, Flesch–Kincaid grade, Gunning fog, SMOG,
Coleman–Liau, Dale–Chall) are computed by `textstat`_ on the article's text.
Their inputs are rough counts (syllables, "complex" and "difficult" words), so
they compare texts of one genre better than they grade one text. Sentence
figures come from spaCy's parse, in which framekit also ends a sentence at each
line break, so captions and headlines count as sentences of their own.

An article without words gets ``None`` for every formula: a score of 0 would
read as "very hard", which says nothing about an empty text.

.. _textstat: https://github.com/textstat/textstat
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs
import textstat

from framekit.article import Article
from framekit.pipeline import BaseAnalyser
from framekit.registry import register
from framekit.results import Result
from framekit.views import Panel

__all__ = ["ReadabilityAnalyser", "ReadabilityResult"]


@attrs.frozen
class ReadabilityResult(Result):
    """Readability figures of one article.

    Attributes:
        words: words (tokens other than punctuation and whitespace).
        sentences: sentences with at least one word.
        words_per_sentence: mean sentence length in words.
        flesch_reading_ease: 0 (hard) to 100 (easy); news prose scores 30-60.
        flesch_kincaid_grade: US school grade.
        gunning_fog: years of schooling.
        smog_index: years of schooling (meant for 30 sentences or more).
        coleman_liau_index: US school grade, from letters rather than syllables.
        dale_chall: Dale–Chall score; 9 and above is college level.
        difficult_words: words outside the Dale–Chall list of familiar words.
    """

    words: int
    sentences: int
    words_per_sentence: float | None
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    gunning_fog: float | None
    smog_index: float | None
    coleman_liau_index: float | None
    dale_chall: float | None
    difficult_words: int

    def panel(self, name: str) -> Panel:
        """Length and the three best-known formulas."""
        return Panel("Readability", facts=(
            ("words", self.words), ("sentences", self.sentences),
            ("words per sentence", self.words_per_sentence),
            ("Flesch reading ease", self.flesch_reading_ease),
            ("Flesch–Kincaid grade", self.flesch_kincaid_grade),
            ("Dale–Chall", self.dale_chall)))

    def features(self) -> dict[str, float]:
        """Sentence length and the formulas that do not depend on the article's length."""
        return {key: float(getattr(self, key) or 0.0) for key in (
            "words_per_sentence", "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog",
            "dale_chall")}


@register("readability", default=True)
class ReadabilityAnalyser(BaseAnalyser[ReadabilityResult]):
    """Readability formulas and sentence length.

    Example:
        >>> result = ReadabilityAnalyser().analyse("Talks resumed. Both sides want peace now.")
        >>> result.words, result.sentences, result.words_per_sentence
        (7, 2, 3.5)
        >>> result.flesch_reading_ease > 60
        True
    """

    name = "readability"
    result_type = ReadabilityResult
    annotations = frozenset({"parse"})

    def run(self, article: Article, results: Mapping[str, Result]) -> ReadabilityResult:
        """Compute the figures of ``article``."""
        sentences = sum(1 for sentence in article.sentences
                        if any(not (t.is_punct or t.is_space) for t in sentence))
        if article.words == 0:
            return ReadabilityResult(0, 0, None, None, None, None, None, None, None, 0)
        text = article.text
        return ReadabilityResult(
            words=article.words,
            sentences=sentences,
            words_per_sentence=article.words / sentences,
            flesch_reading_ease=float(textstat.flesch_reading_ease(text)),
            flesch_kincaid_grade=float(textstat.flesch_kincaid_grade(text)),
            gunning_fog=float(textstat.gunning_fog(text)),
            smog_index=float(textstat.smog_index(text)),
            coleman_liau_index=float(textstat.coleman_liau_index(text)),
            dale_chall=float(textstat.dale_chall_readability_score(text)),
            difficult_words=int(textstat.difficult_words(text)),
        )
