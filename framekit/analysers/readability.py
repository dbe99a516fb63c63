"""Readability: the classic formulas, from counts made once over the parse.

One pass over the article's tokens counts its sentences (from spaCy's parse,
in which framekit also ends a sentence at each line break, so captions and
headlines count as sentences of their own) and its words as written: a run of
tokens between whitespace, without the punctuation around it, so that a
contraction (*don't*) or a hyphenated compound (*cease-fire*) is one word, as
the formulas' authors counted. Each distinct word is then looked up once for
its syllables (`textstat`_'s counter: the CMU pronouncing dictionary, else
Pyphen's hyphenation), its letters and whether it is on the Dale–Chall list of
familiar words (the list textstat ships). The published formulas (Flesch
reading ease, Flesch–Kincaid grade, Gunning fog, SMOG, Coleman–Liau,
Dale–Chall) are computed from those counts.

The figures agree with textstat's own to within a few points (see the
readability guide): textstat cuts sentences at every full stop, question or
exclamation mark (abbreviations too) and drops those of two words or fewer,
where the parse keeps headlines and does not end a sentence at *Mr.*.

An article without words gets ``None`` for every formula: a score of 0 would
read as "very hard", which says nothing about an empty text.

.. _textstat: https://github.com/textstat/textstat
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Any

import attrs
import numpy as np
import textstat

from framekit.article import Article
from framekit.pipeline import BaseAnalyser
from framekit.registry import register
from framekit.results import Result
from framekit.views import Panel

__all__ = ["ReadabilityAnalyser", "ReadabilityResult"]

#: Distinct words whose figures an analyser keeps; past this the cache starts afresh.
CACHE_SIZE = 50_000
#: Syllables from which a word counts as a polysyllable (SMOG) or complex (Gunning fog).
_POLYSYLLABLE = 3
#: Syllables from which an unfamiliar word counts in ``difficult_words`` (textstat's default).
_DIFFICULT = 2
#: The token attributes readability's one pass reads.
_COLUMNS: list[int | str] = ["SENT_START", "IS_SPACE", "IS_PUNCT", "IDX", "LENGTH", "SPACY"]
_WORD_PARTS = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


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
        difficult_words: distinct words of two syllables or more outside the
            Dale–Chall list of familiar words.
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


@attrs.frozen
class _Word:
    """What the formulas need of one distinct word."""

    syllables: int
    letters: int
    familiar: bool


@attrs.define
class _Counts:
    """The counts of one article the formulas are computed from."""

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    letters: int = 0
    polysyllables: int = 0
    complex_words: int = 0
    unfamiliar: int = 0
    difficult: set[str] = attrs.Factory(set)


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

    def __init__(self) -> None:
        self._words: dict[str, _Word] = {}

    def __getstate__(self) -> dict[str, Any]:
        """Pickle without the cache of word figures (a worker builds its own)."""
        return {**self.__dict__, "_words": {}}

    def run(self, article: Article, results: Mapping[str, Result]) -> ReadabilityResult:
        """Compute the figures of ``article``."""
        counts = self._counts(article)
        if counts.words == 0:  # no word with a letter or digit: nothing to grade
            return ReadabilityResult(article.words, counts.sentences,
                                     article.words / counts.sentences if counts.sentences else None,
                                     None, None, None, None, None, None, 0)
        per_sentence = counts.words / counts.sentences
        syllables = counts.syllables / counts.words
        unfamiliar = 100 * counts.unfamiliar / counts.words
        return ReadabilityResult(
            words=article.words,
            sentences=counts.sentences,
            words_per_sentence=article.words / counts.sentences,
            flesch_reading_ease=206.835 - 1.015 * per_sentence - 84.6 * syllables,
            flesch_kincaid_grade=0.39 * per_sentence + 11.8 * syllables - 15.59,
            gunning_fog=0.4 * (per_sentence + 100 * counts.complex_words / counts.words),
            smog_index=1.043 * math.sqrt(30 * counts.polysyllables / counts.sentences) + 3.1291,
            coleman_liau_index=(0.0588 * 100 * counts.letters / counts.words
                                - 0.296 * 100 * counts.sentences / counts.words - 15.8),
            dale_chall=(0.1579 * unfamiliar + 0.0496 * per_sentence
                        + (3.6365 if unfamiliar > 5 else 0.0)),
            difficult_words=len(counts.difficult),
        )

    def _counts(self, article: Article) -> _Counts:
        """Count sentences and words as written, on the token arrays.

        A word runs from its first to its last token that is neither
        punctuation nor whitespace, between tokens followed by whitespace
        (or whitespace tokens); each distinct word is then counted once.
        """
        counts = _Counts()
        if not len(article.doc):
            return counts
        sent_start, space, punct, idx, length, spaced = article.doc.to_array(_COLUMNS).T
        in_word = (space == 0) & (punct == 0)
        if not in_word.any():
            return counts
        breaks = (spaced != 0) | (space != 0)  # no word goes on past such a token
        run = np.concatenate(([0], np.cumsum(breaks[:-1])))[in_word]
        firsts = np.flatnonzero(np.diff(run, prepend=-1))
        starts = idx[in_word][firsts].tolist()
        ends = (idx + length)[in_word][np.append(firsts[1:] - 1, len(run) - 1)].tolist()
        sentence = np.cumsum(sent_start == 1)[in_word]
        counts.sentences = len(np.unique(sentence[sentence > 0]))
        text = article.text
        written = Counter(text[start:end].lower().replace("\u2019", "'")
                          for start, end in zip(starts, ends, strict=True))
        for key, times in written.items():
            self._add(counts, key, times)
        return counts

    def _add(self, counts: _Counts, key: str, times: int) -> None:
        word = self._words.get(key)
        if word is None:
            word = self._word(key)
        if not word.letters:
            return
        counts.words += times
        counts.syllables += times * word.syllables
        counts.letters += times * word.letters
        if word.syllables >= _POLYSYLLABLE:
            counts.polysyllables += times
        if not word.familiar:
            counts.unfamiliar += times
            if word.syllables >= _POLYSYLLABLE:
                counts.complex_words += times
            if word.syllables >= _DIFFICULT:
                counts.difficult.add(key)

    def _word(self, key: str) -> _Word:
        """The figures of a lower-cased word, computed and kept in the bounded cache."""
        parts = _WORD_PARTS.findall(key)
        word = _Word(syllables=sum(textstat.syllable_count(part) for part in parts),
                     letters=sum(character.isalnum() for character in key),
                     familiar=key in _familiar_words())
        if len(self._words) >= CACHE_SIZE:
            self._words.clear()
        self._words[key] = word
        return word


@cache
def _familiar_words() -> frozenset[str]:
    """The Dale–Chall list of familiar words, as textstat ships it."""
    path = files("textstat").joinpath("resources/en/easy_words.txt")
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines())
