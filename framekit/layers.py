"""The lexicon choices behind the shared layers, made once for a whole pipeline.

Reported speech, the voice of every span and the speakers of attributions all
rest on two lexicons: ``reporting`` (the cues of speech and thought) and
``sources`` (the nouns of roles, sources and institutions). A
:class:`Lexicons` holds the pair; the :class:`~framekit.pipeline.Pipeline` is
given one (framekit's own by default) and hands it to each
:class:`~framekit.article.Article`, whose layers every analyser reads. So a
reporting verb added once is a cue for attribution, a reported voice for
hedging and framing, and a source for the balance, all alike.

Example:
    >>> from framekit import Lexicon, Pipeline
    >>> reporting = Lexicon.load("reporting").extend(
    ...     [{"id": "tweet", "category": "speech", "lemma": "tweet", "pos": ["VERB"]}])
    >>> report = Pipeline(["attribution", "hedging"], lexicons=Lexicons(reporting=reporting)
    ...                   ).analyse("The minister tweeted that the talks may fail.")
    >>> report.attribution.attributions[0].cue.text, report.hedging.hedges[0].voice.value
    ('tweeted', 'reported')
"""

from __future__ import annotations

from functools import cache, cached_property

import attrs

from framekit.lexicons import Lexicon, LexiconMatcher

__all__ = ["Lexicons"]


def _reporting() -> Lexicon:
    return Lexicon.load("reporting")


def _sources() -> Lexicon:
    return Lexicon.load("sources")


@attrs.frozen
class Lexicons:
    """The ``reporting`` and ``sources`` lexicons every shared layer reads.

    Attributes:
        reporting: reporting cues (see :mod:`framekit.reporting`).
        sources: role, source and institution nouns (see :mod:`framekit.speakers`).
    """

    reporting: Lexicon = attrs.field(factory=_reporting)
    sources: Lexicon = attrs.field(factory=_sources)

    @staticmethod
    @cache
    def default() -> Lexicons:
        """The lexicons framekit ships, loaded (and their matcher built) once per process."""
        return Lexicons()

    @cached_property
    def reporting_matcher(self) -> LexiconMatcher:
        """The matcher over :attr:`reporting`."""
        return LexiconMatcher(self.reporting)

    @cached_property
    def cue_lemmas(self) -> frozenset[str]:
        """Lemmas of the one-word reporting cues of any category (*say*, *claim*).

        Example:
            >>> "say" in Lexicons.default().cue_lemmas, "claim" in Lexicons.default().cue_lemmas
            (True, True)
        """
        return _lemmas(self.reporting, None)

    @cached_property
    def speech_lemmas(self) -> frozenset[str]:
        """Lemmas of the one-word verbs of speech and cognition (*say*, *believe*)."""
        return _lemmas(self.reporting, {"speech", "cognition"})

    @cached_property
    def source_categories(self) -> dict[str, str]:
        """The category of each word of :attr:`sources` (``role``, ``source``, ``institution``)."""
        return {entry.id: entry.category for entry in self.sources}

    @cached_property
    def titles(self) -> frozenset[str]:
        """Words of :attr:`sources` written before names (``"title": true``)."""
        return frozenset(entry.id for entry in self.sources if entry.data.get("title"))


def _lemmas(lexicon: Lexicon, categories: set[str] | None) -> frozenset[str]:
    """The lemma of each one-token entry of ``lexicon`` in ``categories`` (all if ``None``)."""
    found: set[str] = set()
    for entry in lexicon:
        if categories is not None and entry.category not in categories:
            continue
        for pattern in entry.patterns:
            lemma = pattern[0].get("LEMMA") if len(pattern) == 1 else None
            if isinstance(lemma, dict) and lemma.get("IN"):
                lemma = lemma["IN"][0]
            if isinstance(lemma, str):
                found.add(lemma)
    return frozenset(found)
