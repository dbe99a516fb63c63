"""Attribution: who said what (result types; the analyser follows)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

import attrs

from framekit.results import Result
from framekit.spans import TextSpan

__all__ = ["Attribution", "AttributionKind", "AttributionResult", "Speaker", "SpeakerType"]


class AttributionKind(StrEnum):
    """How the content is reported."""

    DIRECT = "direct"
    """Wholly a quotation."""
    MIXED = "mixed"
    """Partly quoted."""
    INDIRECT = "indirect"
    """Reported without quotation marks."""


class SpeakerType(StrEnum):
    """What kind of source a speaker is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    ANONYMOUS = "anonymous"
    """An unnamed individual or group: "one observer", "officials in Kyiv"."""
    VAGUE = "vague"
    """A weasel source: "analysts", "critics", "some say"."""


@attrs.frozen
class Speaker:
    """A resolved speaker: canonical name, type, and the role the article gives it."""

    name: str
    type: SpeakerType
    role: str | None = None


@attrs.frozen
class Attribution:
    """An attribution relation in the PARC sense: source, cue and content.

    Attributes:
        content: the reported material, whole extent.
        parts: the pieces of the content where a quotation is split around its
            cue (“…,” he said, “…”); a single piece otherwise.
        cue: the reporting verb or phrase.
        source: the speaker mention as written, or ``None``.
        kind: direct, mixed or indirect.
        speaker: the resolved speaker.
        rule: the name of the rule that found the relation.
        confidence: how sure the rule is, from 0 to 1.
    """

    content: TextSpan
    parts: tuple[TextSpan, ...]
    cue: TextSpan
    source: TextSpan | None
    kind: AttributionKind
    speaker: Speaker
    rule: str
    confidence: float


@attrs.frozen
class AttributionResult(Result):
    """Every attribution of an article, with the article's word counts.

    Attributes:
        attributions: the relations, in text order.
        words: words in the article.
        quoted_words: words inside quotations that have a speaker.
        attributed_words: words in the content of any attribution.
    """

    attributions: tuple[Attribution, ...]
    words: int
    quoted_words: int
    attributed_words: int

    @property
    def quoted_share(self) -> float:
        """Share of the article's words that are quoted from a speaker."""
        return self.quoted_words / self.words if self.words else 0.0

    @property
    def own_share(self) -> float:
        """Share of the article's words in the writer's own voice (not attributed)."""
        return 1.0 - self.attributed_words / self.words if self.words else 0.0

    def by_speaker(self) -> Mapping[str, tuple[Attribution, ...]]:
        """The attributions grouped by resolved speaker name, in order of first mention."""
        grouped: dict[str, list[Attribution]] = {}
        for attribution in self.attributions:
            grouped.setdefault(attribution.speaker.name, []).append(attribution)
        return {name: tuple(items) for name, items in grouped.items()}
