"""Source balance: who gets a voice in an article, how much, and how evenly across sides.

Built on the attribution result (:mod:`framekit.analysers.attribution`): its
attributions are gathered by resolved speaker into :class:`Source` entries, one
per canonical name, with their attributions, the words attributed to them and
the words they are quoted in directly. From these come the article's figures
(named, anonymous and vague sourcing; direct, mixed and indirect attribution;
attributed text against the writer's own), and, given a
:class:`~framekit.grouping.Grouping`, each group's share and two balance
indices over the groups (:mod:`framekit.diversity`). An optional
:class:`~framekit.gender.GenderEstimator` adds an estimated gender to each
person source. :func:`balance_table` lays the figures of many articles side by
side in a pandas data frame.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

import attrs

from framekit.analysers.attribution import (
    Attribution,
    AttributionKind,
    AttributionResult,
    CueClass,
)
from framekit.article import Article
from framekit.diversity import evenness, gini
from framekit.gender import Gender, GenderEstimator
from framekit.grouping import Grouping
from framekit.pipeline import BaseAnalyser
from framekit.registry import register
from framekit.report import Report
from framekit.results import Result, named
from framekit.spans import TextSpan
from framekit.speakers import SpeakerType
from framekit.views import Bar, Panel, Table

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "BalanceBasis",
    "Shares",
    "Source",
    "SourceBalanceAnalyser",
    "SourceBalanceResult",
    "balance_table",
]


class BalanceBasis(StrEnum):
    """What the balance indices weigh each group by (a field of :class:`Shares`)."""

    SOURCES = "sources"
    ATTRIBUTIONS = "attributions"
    WORDS = "words"
    QUOTED_WORDS = "quoted_words"


@attrs.frozen
class Source(TextSpan):
    """One source of an article: every attribution to one resolved speaker.

    Its :class:`~framekit.spans.TextSpan` is the first mention as written
    (*US President Donald Trump*), or the cue where the attribution has no
    source mention.

    Attributes:
        name: the canonical name (*Donald Trump*, *one observer*).
        type: person, organisation, anonymous or vague.
        role: the first role the article gives the source, if any.
        group: the group it is assigned to, if a grouping is used and matches.
        gender: the estimated gender of a person source, if estimated.
        attributions: the number of its attributions.
        words: words attributed to it (in the parts of its attributions' content).
        quoted_words: those of its words inside quotation marks.
        share: its ``words`` over the words attributed to all sources.
        first: offset where its first attribution begins (content, cue or
            mention, whichever comes first).
        position: ``first`` relative to the article's length, from 0 (the
            top) to 1 (the end).
        quoted: whether it is ever quoted directly (a direct or mixed attribution).
    """

    name: str
    type: SpeakerType
    role: str | None
    group: str | None
    gender: Gender | None
    attributions: int
    words: int
    quoted_words: int
    share: float
    first: int
    position: float
    quoted: bool


@attrs.frozen
class Shares:
    """What a set of sources (a type, a group, a gender) gets, in counts and shares.

    Each share is the set's count over the same count for the sources it is
    part of (all sources of the article, or all person sources for genders);
    0 when that total is 0.

    Attributes:
        sources: distinct sources.
        attributions: their attributions.
        words: words attributed to them.
        quoted_words: their words in direct quotation.
        source_share: share of the sources.
        attribution_share: share of the attributions.
        word_share: share of the attributed words.
        quoted_word_share: share of the words in direct quotation.
    """

    sources: int
    attributions: int
    words: int
    quoted_words: int
    source_share: float
    attribution_share: float
    word_share: float
    quoted_word_share: float

    @classmethod
    def of(cls, members: Sequence[Source], among: Sequence[Source]) -> Shares:
        """The counts of ``members`` and their shares of the same counts over ``among``.

        Example:
            >>> a = Source(0, 1, "A", "A", SpeakerType.PERSON, None, None, None,
            ...            3, 30, 10, 0.75, 0, 0.0, True)
            >>> b = attrs.evolve(a, name="B", attributions=1, words=10, quoted_words=0)
            >>> Shares.of([a], [a, b])
            Shares(sources=1, attributions=3, words=30, quoted_words=10, source_share=0.5,
                   attribution_share=0.75, word_share=0.75, quoted_word_share=1.0)
        """
        counts = [(len(members), len(among))] + [
            (sum(getattr(s, field) for s in members), sum(getattr(s, field) for s in among))
            for field in ("attributions", "words", "quoted_words")]
        return cls(*(part for part, _ in counts), *(_ratio(part, whole) for part, whole in counts))


@attrs.frozen
class SourceBalanceResult(Result):
    """The sources of one article and how the article's voice is shared among them.

    Attributes:
        sources: one entry per source, in order of first appearance.
        source_count: distinct sources.
        attributions: attributions to any source.
        named_share: share of the attributions to named sources (people and
            organisations).
        anonymous_share: share of the attributions to anonymous sources.
        vague_share: share of the attributions to vague sources.
        direct_share: share of the attributions that are direct quotations.
        mixed_share: share that are partly quoted.
        indirect_share: share that are reported without quotation marks.
        attributed_share: share of the article's words in attributed content.
        own_share: share of the article's words in the writer's own voice.
        quoted_share: share of the article's words quoted from a speaker.
        by_type: what each :class:`~framekit.speakers.SpeakerType` of source gets.
        groups: what each group of the grouping gets, in the grouping's
            order; empty without a grouping.
        unassigned: names of the sources in no group; empty without a grouping.
        basis: what the balance indices weigh the groups by.
        evenness: normalised Shannon entropy of the groups'
            ``basis`` (:func:`~framekit.diversity.evenness`), 1 for perfect
            balance; ``None`` with fewer than two groups or nothing grouped.
        gini: Gini coefficient of the same (:func:`~framekit.diversity.gini`),
            0 for perfect balance; ``None`` likewise.
        by_gender: what person sources of each estimated gender get, as shares
            of all person sources; empty unless a gender estimate is used.
        female_share: female person sources over female and male ones, as the
            Gender Gap Tracker counts; ``None`` if none has a known gender.
    """

    sources: tuple[Source, ...]
    source_count: int
    attributions: int
    named_share: float
    anonymous_share: float
    vague_share: float
    direct_share: float
    mixed_share: float
    indirect_share: float
    attributed_share: float
    own_share: float
    quoted_share: float
    by_type: Mapping[SpeakerType, Shares]
    groups: Mapping[str, Shares]
    unassigned: tuple[str, ...]
    basis: BalanceBasis
    evenness: float | None
    gini: float | None
    by_gender: Mapping[Gender, Shares]
    female_share: float | None

    def source(self, name: str) -> Source:
        """The source with canonical name ``name``.

        Raises:
            KeyError: no source has that name.
        """
        return named(self.sources, name, "source")

    def findings(self) -> tuple[Table, ...]:
        """Each source: name, type, side and gender when estimated, attributions, share."""
        groups, genders = bool(self.groups), bool(self.by_gender)
        return (Table(("offset", "name", "type", *(("group",) * groups),
                       *(("gender",) * genders), "attributions", "word share"), tuple(
            (s.start, s.name, s.type.value, *((s.group or "-",) * groups),
             *((s.gender or "-",) * genders), s.attributions, f"{s.share:.2f}")
            for s in self.sources), caption="sources"),)

    def unavailable(self) -> dict[str, str]:
        """Group figures without sides, gender figures without an estimate, and the rest."""
        missing = super().unavailable()
        if not self.groups:
            missing.update(dict.fromkeys(
                ("basis", "evenness", "gini", "unassigned"),
                "group shares, unassigned, evenness and gini need sides: --sides FILE, "
                "or SourceBalanceAnalyser(grouping)"))
        elif self.evenness is None:
            missing.update(dict.fromkeys(
                ("evenness", "gini"), "evenness and gini need at least two sides with a source"))
        if not self.by_gender:
            missing["female_share"] = ("by_gender and female_share need a gender estimate: "
                                       "--gender, or SourceBalanceAnalyser(gender=NameGender())")
        elif self.female_share is None:
            missing["female_share"] = "female_share needs a person source of known gender"
        return missing

    def panel(self, name: str) -> Panel:
        """Shares of named, anonymous and vague sources, and each source's share of words."""
        sources = Table(("source", "attributions", "share of words"), tuple(
            (f"{source.name} ({source.role or source.type.value})", source.attributions,
             Bar(source.share)) for source in self.sources))
        return Panel("Sources", facts=(
            ("sources", self.source_count),
            ("named", f"{self.named_share:.0%}"), ("anonymous", f"{self.anonymous_share:.0%}"),
            ("vague", f"{self.vague_share:.0%}")), tables=(sources,) if sources.rows else ())


@register("balance", default=True)
class SourceBalanceAnalyser(BaseAnalyser[SourceBalanceResult]):
    """Who is heard in an article, how much, and how evenly across groups.

    Args:
        grouping: the groups to assign sources to (the sides of a story); none
            by default, which leaves ``groups`` empty and the indices ``None``.
        gender: a gender estimate for person sources, e.g.
            :class:`~framekit.gender.NameGender`; none by default.
        basis: what the balance indices weigh each group by: its sources,
            attributions (the default), attributed words or quoted words.
        classes: the cue classes that give a source a voice: speech and
            evidence (what a report or poll shows) by default; the thoughts
            and intentions the writer ascribes to someone (*Putin wants …*)
            are the writer's account of them, not their voice.

    Example:
        >>> from framekit.grouping import Grouping
        >>> sides = Grouping.from_dict({"Russia": {"cues": ["Kremlin"]},
        ...                             "Ukraine": {"cues": ["Kyiv"]}})
        >>> result = SourceBalanceAnalyser(sides).analyse(
        ...     "“We are ready,” Kremlin spokesman Dmitry Peskov said. "
        ...     "Peskov added that talks would go on. "
        ...     "Officials in Kyiv said that no deal was near.")
        >>> for s in result.sources:
        ...     print(s.name, s.type.value, s.group, s.attributions, s.quoted)
        Dmitry Peskov person Russia 2 True
        Officials in Kyiv anonymous Ukraine 1 False
        >>> result.groups["Russia"].attribution_share, round(result.evenness, 3)
        (0.6666666666666666, 0.918)
    """

    name = "balance"
    needs = ("attribution",)
    result_type = SourceBalanceResult

    def __init__(self, grouping: Grouping | None = None, *,
                 gender: GenderEstimator | None = None,
                 basis: BalanceBasis | str = BalanceBasis.ATTRIBUTIONS,
                 classes: Iterable[CueClass | str] = (CueClass.SPEECH, CueClass.EVIDENCE)
                 ) -> None:
        self.grouping = grouping or Grouping({})
        self.gender = gender
        self.basis = BalanceBasis(basis)
        self.classes = frozenset(CueClass(c) for c in classes)

    def run(self, article: Article, results: Mapping[str, Result]) -> SourceBalanceResult:
        """Measure the sources of ``article`` from its attribution result."""
        attribution = results["attribution"]
        assert isinstance(attribution, AttributionResult)
        everything = tuple(a for a in attribution.attributions if a.cue_class in self.classes)
        grouped: dict[str, list[Attribution]] = {}
        for item in everything:
            grouped.setdefault(item.speaker.name, []).append(item)
        sources = sorted((self._source(article, items) for items in grouped.values()),
                         key=lambda s: s.first)
        words = sum(s.words for s in sources)
        sources = [attrs.evolve(s, share=_ratio(s.words, words)) for s in sources]
        groups = {group: Shares.of([s for s in sources if s.group == group], sources)
                  for group in self.grouping.names}
        amounts = [getattr(shares, self.basis.value) for shares in groups.values()]
        people = [s for s in sources if s.type == SpeakerType.PERSON]
        by_gender = {} if self.gender is None else {
            gender: Shares.of([s for s in people if s.gender == gender], people)
            for gender in Gender}
        known = [s for s in people if s.gender in {Gender.FEMALE, Gender.MALE}]
        return SourceBalanceResult(
            sources=tuple(sources),
            source_count=len(sources),
            attributions=len(everything),
            named_share=_share_of(everything, lambda a: a.speaker.type in _NAMED),
            anonymous_share=_share_of(everything,
                                      lambda a: a.speaker.type == SpeakerType.ANONYMOUS),
            vague_share=_share_of(everything, lambda a: a.speaker.type == SpeakerType.VAGUE),
            direct_share=_share_of(everything, lambda a: a.kind == AttributionKind.DIRECT),
            mixed_share=_share_of(everything, lambda a: a.kind == AttributionKind.MIXED),
            indirect_share=_share_of(everything, lambda a: a.kind == AttributionKind.INDIRECT),
            attributed_share=_ratio(attribution.attributed_words, attribution.words),
            own_share=attribution.own_share,
            quoted_share=attribution.quoted_share,
            by_type={kind: Shares.of([s for s in sources if s.type == kind], sources)
                     for kind in SpeakerType},
            groups=groups,
            unassigned=tuple(s.name for s in sources if s.group is None) if groups else (),
            basis=self.basis,
            evenness=evenness(amounts),
            gini=gini(amounts),
            by_gender=by_gender,
            female_share=_ratio(sum(s.gender == Gender.FEMALE for s in known), len(known))
            if known else None,
        )

    def _source(self, article: Article, items: Sequence[Attribution]) -> Source:
        """The entry of one speaker, from its attributions (``share`` is filled in later)."""
        speaker = items[0].speaker
        mentions = [a.source or a.cue for a in items]
        roles = tuple(dict.fromkeys(a.speaker.role for a in items if a.speaker.role))
        words = {i for a in items for part in a.parts
                 for i in article.words_within(part.start, part.end)}
        first = min(min(a.content.start, a.cue.start, (a.source or a.cue).start) for a in items)
        person = speaker.type == SpeakerType.PERSON
        return Source(
            start=mentions[0].start,
            end=mentions[0].end,
            text=mentions[0].text,
            name=speaker.name,
            type=speaker.type,
            role=roles[0] if roles else None,
            group=self.grouping.assign(speaker.name, roles, (m.text for m in mentions)),
            gender=self.gender(speaker.name) if self.gender is not None and person else None,
            attributions=len(items),
            words=len(words),
            quoted_words=sum(1 for i in words if article.in_quotation(i)),
            share=0.0,
            first=first,
            position=first / len(article.text),
            quoted=any(a.kind != AttributionKind.INDIRECT for a in items),
        )


_NAMED = {SpeakerType.PERSON, SpeakerType.ORGANISATION}
TableShare = Literal["source_share", "attribution_share", "word_share", "quoted_word_share"]


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _share_of(attributions: Sequence[Attribution], test: Callable[[Attribution], bool]
              ) -> float:
    return _ratio(sum(1 for a in attributions if test(a)), len(attributions))


def balance_table(reports: Iterable[Report | SourceBalanceResult],
                  index: Sequence[str] | None = None, *,
                  share: TableShare | None = None) -> pd.DataFrame:
    """The balance figures of many articles, one row each, as a pandas ``DataFrame``.

    Args:
        reports: reports holding a ``balance`` result, or the results themselves.
        index: a label for each row (file names, dates); numbered otherwise.
        share: ``None`` for every article-level figure of
            :meth:`SourceBalanceResult.summary` (``groups.Russia.word_share``,
            ``by_type.vague.sources``…); or one field of :class:`Shares` to
            get only that share of each group, with ``unassigned`` (the rest)
            and the ``evenness`` and ``gini`` of that share over the groups.

    Raises:
        ImportError: pandas is not installed (``pip install 'framekit[pandas]'``).

    Example:
        >>> from framekit.grouping import Grouping
        >>> analyser = SourceBalanceAnalyser(Grouping.from_dict(
        ...     {"Russia": {"cues": ["Kremlin"]}, "Ukraine": {"cues": ["Kyiv"]}}))
        >>> results = [analyser.analyse(text) for text in (
        ...     "The Kremlin said talks failed. Officials in Kyiv said that nothing was agreed.",
        ...     "The Kremlin said talks failed. Its spokesman Dmitry Peskov said that they did.")]
        >>> balance_table(results, ["one", "two"], share="attribution_share")
             Russia  Ukraine  unassigned  evenness  gini
        one     0.5      0.5         0.0       1.0   0.0
        two     0.5      0.0         0.5       0.0   0.5
    """
    try:
        import pandas as pd
    except ImportError as missing:
        raise ImportError("balance_table needs pandas: pip install 'framekit[pandas]'"
                          ) from missing
    results = [r.balance if isinstance(r, Report) else r for r in reports]
    labels = None if index is None else list(index)
    if share is None:
        return pd.DataFrame([r.summary() for r in results], index=labels)
    rows = []
    for result in results:
        row: dict[str, float | None] = {
            group: getattr(shares, share) for group, shares in result.groups.items()}
        amounts = [getattr(shares, share) for shares in result.groups.values()]
        rest = [s for s in result.sources if s.group is None]
        row.update(unassigned=getattr(Shares.of(rest, result.sources), share),
                   evenness=evenness(amounts), gini=gini(amounts))
        rows.append(row)
    return pd.DataFrame(rows, index=labels)
