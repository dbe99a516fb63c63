"""Attribution: who said what, in the PARC sense of source, cue and content.

Relations are found two ways, both on layers shared with the other analysers:

* **from quotations** (:mod:`framekit.quotes`): a quotation followed by its
  source and cue (*“…,” Trump said*; *“…,” Orysia Lutsevych, head of …,
  wrote*), or introduced by a cue and a colon or comma (*Ushakov summing up a
  call …: “…”*), however many sentences it runs over; a second quotation right
  after the cue (*“…,” he said, “…”*) joins the first as a second part; a
  quoted clause opening the next sentence, with no cue of its own, continues
  the same speaker (*“…,” the mayor said. “…”*);
* **from reported speech** (:mod:`framekit.reporting`): a reporting verb,
  noun or *according to* with the source and content the dependency parse
  gives it (*Analysts noted that …*; *Zelensky dismissed the claim as “another
  lie”*; *…, Zelensky said on Monday*), a label and colon opening a paragraph
  (*Pence: …*, *WALLACE: …*), or an impersonal passive (*it was reported
  that …*).

Each relation has a cue class (:class:`CueClass`: speech, thought, intention,
evidence, as PARC tells them apart) beside its kind, and the name of the rule
that found it.

Any other quotation that no cue introduces is no attribution: scare quotes and quoted
names (*“Denazification”*, *the “Coalition of the Will”*) carry no speaker, and
the framing analyser reports them. Speakers are resolved by
:class:`~framekit.speakers.SpeakerResolver`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from enum import StrEnum

import attrs
from spacy.tokens import Doc, Span

from framekit import english
from framekit.article import Article
from framekit.gender import GenderEstimator
from framekit.pipeline import BaseAnalyser
from framekit.quotes import Quotation
from framekit.registry import register
from framekit.reporting import ReportedSpeech
from framekit.results import Result
from framekit.spans import TextSpan
from framekit.speakers import Speaker, SpeakerResolver, SpeakerType
from framekit.views import Mark, Panel, Table, clipped

__all__ = [
    "UNNAMED",
    "Attribution",
    "AttributionAnalyser",
    "AttributionKind",
    "AttributionResult",
    "CueClass",
    "Speaker",
    "SpeakerType",
]


class AttributionKind(StrEnum):
    """How the content is reported."""

    DIRECT = "direct"
    """Wholly a quotation."""
    MIXED = "mixed"
    """Partly quoted."""
    INDIRECT = "indirect"
    """Reported without quotation marks."""


class CueClass(StrEnum):
    """What kind of attribution a cue makes, as PARC and PolNeAR tell them apart."""

    SPEECH = "speech"
    """Something said or written: *said*, *told*, *according to*, *the statement that*."""
    THOUGHT = "thought"
    """A belief or feeling: *believes*, *fears*, *is convinced*."""
    INTENTION = "intention"
    """An intention or stance: *wants*, *plans*, *calls for*, *supports*, *opposes*, *vows*."""
    EVIDENCE = "evidence"
    """What a document or data shows: *a poll shows*, *the report found*."""


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
        cue_class: speech, thought, intention or evidence.
    """

    content: TextSpan
    parts: tuple[TextSpan, ...]
    cue: TextSpan
    source: TextSpan | None
    kind: AttributionKind
    speaker: Speaker
    rule: str
    confidence: float
    cue_class: CueClass = CueClass.SPEECH


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

    def findings(self) -> tuple[Table, ...]:
        """Each relation: its kind, speaker, cue and content."""
        return (Table(("offset", "kind", "speaker (type)", "cue", "content"), tuple(
            (a.content.start, a.kind.value, f"{a.speaker.name} ({a.speaker.type.value})",
             a.cue.text, clipped(a.content.text)) for a in self.attributions),
            caption="attributions"),)

    def marks(self, key: str) -> tuple[Mark, ...]:
        """Content, cue and source of each relation, the speaker in every tooltip."""
        found: list[Mark] = []
        for i, item in enumerate(self.attributions):
            speaker = item.speaker.name + (f", {item.speaker.role}" if item.speaker.role else "")
            said = f"{item.kind.value} attribution to {speaker}"
            found.extend(Mark(part.start, part.end, "content", f"content: {said}", f"{key}-{i}-c")
                         for part in item.parts)
            found.append(Mark(item.cue.start, item.cue.end, "cue", f"cue: {said}", f"{key}-{i}-q"))
            if item.source is not None:
                found.append(Mark(item.source.start, item.source.end, "source",
                                  f"source: {speaker} ({item.speaker.type.value})", f"{key}-{i}-s"))
        return tuple(found)

    def panel(self, name: str) -> Panel:
        """Relations by kind, quoted and own shares, and the speakers with their counts."""
        kinds = tuple((f"{kind.value} quotes" if kind != AttributionKind.INDIRECT else "indirect",
                       sum(item.kind == kind for item in self.attributions))
                      for kind in AttributionKind)
        speakers = Table(("speaker", "attributions"), tuple(
            (speaker, len(items)) for speaker, items in self.by_speaker().items()))
        return Panel("Attribution", facts=(
            ("attributions", len(self.attributions)), *kinds,
            ("quoted words", f"{self.quoted_share:.0%}"),
            ("writer's own words", f"{self.own_share:.0%}")),
            tables=(speakers,) if speakers.rows else ())

    def features(self) -> dict[str, float]:
        """Relations per 100 words, quoted and own shares, and shares by kind and source type."""
        found = self.attributions
        total = len(found) or 1
        return {
            "attributions_per_100_words": 100 * len(found) / self.words if self.words else 0.0,
            "quoted_share": self.quoted_share,
            "own_share": self.own_share,
            "speakers": float(len(self.by_speaker())),
            **{f"{kind.value}_share": sum(a.kind is kind for a in found) / total
               for kind in AttributionKind},
            **{f"{kind.value}_source_share": sum(a.speaker.type is kind for a in found) / total
               for kind in SpeakerType},
        }


#: How sure each rule is: the share of its relations that are right in the
#: example articles' gold, rounded down.
RULES: Mapping[str, float] = {
    "quote_cue_after": 0.9,
    "quote_cue_before": 0.8,
    "according_to": 0.85,
    "impersonal_passive": 0.7,
    "raised_passive": 0.6,
    "unnamed_noun": 0.5,
    "colon_label": 0.8,
    "reported_speech": 0.8,
    "reported_thought": 0.5,
    "reported_intention": 0.5,
    "reported_evidence": 0.5,
    "reporting_noun": 0.6,
    "quote_continued": 0.7,
}
#: The speaker of an impersonal or raised passive (*it was reported that …*, *X is
#: expected to …*), which names no one.
UNNAMED: Speaker = Speaker("unnamed source", SpeakerType.VAGUE)
#: Rules whose speaker a quotation in the next sentence, with no cue, continues.
_CONTINUABLE = frozenset({"quote_cue_after", "quote_cue_before", "reported_speech",
                          "according_to", "quote_continued"})
#: Added to the rule of a relation whose source speaks on in quoted sentences after it.
_CONTINUED = "+quote_continued"
#: Words at least in a quotation that continues the previous speaker (a clause, not a label).
_MIN_CONTINUED_WORDS = 3
_BETWEEN_QUOTE_AND_CUE = re.compile(r"[,.;:―—–\-!? \t\xa0]*")
#: A comma and a word before a quotation: a conjunction by which it goes on (*he said, but “…”*).
_JOINED_QUOTE = re.compile(r",\s+(\w+)\s*$")
_JOINING = english.words("joining_conjunctions")
#: Marks that open a quotation.
_OPENING_MARKS = frozenset("“\"'‘«„")
#: Words at least before a quotation in its sentence that make them one reported sentence.
_MIN_LEAD_IN = 2
#: Characters at most between a cue and the colon or comma that opens its quotation.
_MAX_CUE_DISTANCE = 200


@attrs.define
class _Draft:
    content: tuple[int, int]
    parts: list[tuple[int, int]]
    speech: ReportedSpeech
    rule: str


class _Drafts:
    """Drafted attributions, kept sorted so that overlaps are found by bisection."""

    def __init__(self, drafts: list[_Draft]) -> None:
        self._items = sorted(drafts, key=lambda d: d.content[0])
        self._starts = [d.content[0] for d in self._items]
        self._longest = max((d.content[1] - d.content[0] for d in drafts), default=0)

    def __iter__(self) -> Iterator[_Draft]:
        return iter(self._items)

    def last_before(self, at: int) -> _Draft | None:
        """The draft whose content starts last before ``at``."""
        index = bisect.bisect_left(self._starts, at) - 1
        return self._items[index] if index >= 0 else None

    def extend(self, draft: _Draft, part: tuple[int, int]) -> None:
        """Add ``part`` to ``draft``: the same source speaking on after one cue."""
        draft.parts.append(part)
        draft.content = (draft.content[0], max(draft.content[1], part[1]))
        if not draft.rule.endswith(_CONTINUED):
            draft.rule += _CONTINUED
        self._longest = max(self._longest, draft.content[1] - draft.content[0])

    def overlapping(self, span: tuple[int, int]) -> bool:
        """Whether a draft shares half of ``span`` or half of its own content with it."""
        low = bisect.bisect_left(self._starts, span[0] - self._longest)
        high = bisect.bisect_left(self._starts, span[1])
        return any(_overlap(span, d.content) for d in self._items[low:high])

    def add_unless_overlapping(self, draft: _Draft) -> None:
        """Add ``draft`` unless it shares half its content with one already there."""
        start, end = draft.content
        if self.overlapping(draft.content):
            return
        at = bisect.bisect_right(self._starts, start)
        self._starts.insert(at, start)
        self._items.insert(at, draft)
        self._longest = max(self._longest, end - start)


@register("attribution", default=True)
class AttributionAnalyser(BaseAnalyser[AttributionResult]):
    """Find who said what: direct, mixed and indirect attributions with resolved speakers.

    The reporting cues and the source nouns that resolve speakers are the
    lexicons of the shared layers, given once to the
    :class:`~framekit.pipeline.Pipeline` (``lexicons=``, a
    :class:`~framekit.layers.Lexicons`), so that attribution, hedging and
    framing read one reported-speech layer.

    Args:
        thought: whether verbs of cognition (*believes*, *hopes*) make
            attributions, as in PARC; their confidence is lower.
        gender: a gender estimate from given names (e.g.
            :class:`~framekit.gender.NameGender`) by which a pronoun passes over
            people it cannot stand for (*Maria … He said*); by default only the
            titles the article gives (*Mr.*, *Mrs.*) tell a person's gender.

    Example:
        >>> result = AttributionAnalyser().analyse(
        ...     "US President Donald Trump called the talks “exceptional”. "
        ...     "“We are close,” the US president said. Analysts noted that little changed.")
        >>> for a in result.attributions:
        ...     print(a.kind.value, a.speaker.name, a.speaker.type.value, "|", a.content.text)
        mixed Donald Trump person | the talks “exceptional”
        direct Donald Trump person | “We are close,”
        indirect Analysts vague | that little changed
    """

    name = "attribution"
    result_type = AttributionResult

    def __init__(self, *, thought: bool = True, gender: GenderEstimator | None = None) -> None:
        self.thought = thought
        self.gender = gender

    def run(self, article: Article, results: Mapping[str, Result]) -> AttributionResult:
        """Find the attributions of ``article``."""
        speech = tuple(s for s in article.reported_speech
                       if s.category == "colon"  # "WALLACE: …" opens a quote
                       or not article.in_quotation(s.cue_tokens[0]))
        quotes = _Quotes(article.quotations)
        drafts = _Drafts(_from_quotations(article, quotes, speech))
        taken = {id(d.speech) for d in drafts}
        found = (self._from_speech(article, quotes, item) for item in speech
                 if id(item) not in taken)
        # of two relations one inside the other, the outer one: *X fears …, said Y*
        for draft in sorted((d for d in found if d is not None),
                            key=lambda d: d.content[0] - d.content[1]):
            drafts.add_unless_overlapping(draft)
        for quote in quotes.items:
            previous = drafts.last_before(quote.span.start)
            span = (quote.span.start, quote.span.end)
            if (previous is None or drafts.overlapping(span)  # a cue of its own
                    or not _continues(article, quote, previous)):
                continue
            if previous.rule.startswith("quote_"):  # one quoted source speaking on
                drafts.extend(previous, span)
            else:  # a quotation after reported speech is a relation of its own
                drafts.add_unless_overlapping(_Draft(span, [span], previous.speech,
                                                     "quote_continued"))
        resolver = SpeakerResolver(article, gender=self.gender)
        attributions = tuple(sorted(
            (a for d in drafts if (a := _attribution(article, quotes, resolver, d)) is not None),
            key=lambda a: a.content.start))
        return AttributionResult(
            attributions=attributions,
            words=article.words,
            quoted_words=_words_in(article, [q.content for q in quotes.items if any(
                a.content.overlaps(q.span) for a in attributions)]),
            attributed_words=_words_in(article, [a.content for a in attributions]),
        )

    def _from_speech(self, article: Article, quotes: _Quotes,
                     item: ReportedSpeech) -> _Draft | None:
        if item.content is None or (item.source_tokens is None and not item.unnamed) or (
                item.entry.data.get("quote_only")):  # *continued to push*: no report
            return None
        if item.category == "cognition" and not self.thought:
            return None
        rule = "impersonal_passive" if item.impersonal else item.unnamed_by or {
            "according_to": "according_to", "noun": "reporting_noun",
            "colon": "colon_label"}.get(item.category, f"reported_{item.cue_class}")
        content = (item.content.start, item.content.end)
        if item.category != "colon":  # a label's content is its paragraph, marks or not
            content = _snap(article, quotes, content)
        return _Draft(content, _around_cue(article.text, content, item), item, rule)


class _Quotes:
    """Top-level quotations, sorted and disjoint, searchable by character offset."""

    def __init__(self, quotes: Sequence[Quotation]) -> None:
        self.items = sorted((q for q in quotes if q.depth == 0), key=lambda q: q.span.start)
        self._starts = [q.span.start for q in self.items]
        self._ends = [q.span.end for q in self.items]
        self._by_start = {q.span.start: q for q in self.items}

    def around(self, at: int) -> Quotation | None:
        """The quotation that ``at`` lies strictly inside, marks excluded."""
        index = bisect.bisect_left(self._starts, at) - 1
        return self.items[index] if index >= 0 and at < self._ends[index] else None

    def starting_at(self, at: int) -> Quotation | None:
        """The quotation whose opening mark is at ``at``."""
        return self._by_start.get(at)

    def overlapping(self, start: int, end: int) -> list[Quotation]:
        """The quotations that share characters with ``start:end``."""
        low = bisect.bisect_right(self._ends, start)
        return self.items[low : bisect.bisect_left(self._starts, end)]


class _Cues:
    """Reporting cues that can introduce a quotation, searchable by position."""

    def __init__(self, speech: Sequence[ReportedSpeech]) -> None:
        usable = [s for s in speech if s.source_tokens is not None and s.category != "noun"]
        # a cue with its own content after it reports that, not a quotation before it,
        # unless that content is a second quotation (*“…,” he told the host, “…”*)
        after = [s for s in usable if s.content is None or s.content.start <= s.cue.end
                 or s.content.text[:1] in _OPENING_MARKS]
        self._after = sorted(after, key=lambda s: min(s.cue.start, s.source_start))
        self._after_at = [min(s.cue.start, s.source_start) for s in self._after]
        self._before = sorted(usable, key=lambda s: s.cue.end)
        self._before_at = [s.cue.end for s in self._before]

    def after(self, text: str, quote: Quotation) -> ReportedSpeech | None:
        """The cue whose source (or itself) follows ``quote`` with only punctuation between."""
        end = quote.span.end
        limit = _BETWEEN_QUOTE_AND_CUE.match(text, end)
        index = bisect.bisect_left(self._after_at, end)
        if limit is None or index == len(self._after) or self._after_at[index] > limit.end():
            return None
        cue = self._after[index]
        # “… ready.” The council disagreed: a new sentence; “… ready.” ― Name: its speaker
        if _closes_on_full_stop(text, quote) and cue.category != "dash":
            return None
        return cue

    def any_between(self, start: int, end: int) -> bool:
        """Whether a cue ends between ``start`` and ``end``."""
        index = bisect.bisect_right(self._before_at, start)
        return index < len(self._before_at) and self._before_at[index] <= end

    def before(self, text: str, quote: Quotation) -> ReportedSpeech | None:
        """The last cue before ``quote`` opened by a colon or comma, in the same sentence."""
        lead = quote.span.start
        while lead and text[lead - 1].isspace():
            lead -= 1
        joined = _JOINED_QUOTE.search(text, max(0, lead - 12), lead)
        if joined is not None and joined.group(1).lower() in _JOINING:
            # *“…,” he said, but “…”*: the same speaker goes on
            lead = joined.start() + 1
        if not lead or text[lead - 1] not in ":,":
            return None
        index = bisect.bisect_right(self._before_at, lead) - 1
        if index < 0 or lead - self._before_at[index] > _MAX_CUE_DISTANCE:
            return None
        item = self._before[index]
        between = text[item.cue.end : lead]
        if "\n" in between or any(mark in between for mark in ".!?“”\""):
            return None
        return item


def _lead_in(article: Article, quotes: _Quotes, cues: _Cues, quote: Quotation) -> int:
    """Where the content of a quotation with its cue after it begins.

    At the quotation, unless the writer's words lead into it in the same
    sentence (*But since the shootings, “there has been more engagement,” an
    official said*): the reported sentence is then the content, as PARC has it.
    """
    doc = article.doc
    words = doc.char_span(quote.content.start, quote.content.end, alignment_mode="expand")
    if words is None:
        return quote.span.start
    sentence = article.sentences[article.sentence_index(words[0])]
    lead = [t for t in doc[sentence.start : words[0].i] if not (t.is_punct or t.is_space)]
    if (len(lead) < _MIN_LEAD_IN or quotes.overlapping(sentence.start_char, quote.span.start)
            or article.text[sentence.start_char : quote.span.start].rstrip()[-1:] == ":"
            or cues.any_between(sentence.start_char, quote.span.start)):
        return quote.span.start
    return lead[0].idx


def _from_quotations(article: Article, quotes: _Quotes,
                     speech: Sequence[ReportedSpeech]) -> list[_Draft]:
    """Attributions of quotations whose cue stands right after or right before them."""
    text = article.text
    cues = _Cues(speech)
    drafts: list[_Draft] = []
    by_cue: dict[int, _Draft] = {}
    for quote in quotes.items:
        span = (quote.span.start, quote.span.end)
        after = cues.after(text, quote)
        if after is not None:
            span = (_lead_in(article, quotes, cues, quote), span[1])
            drafts.append(_Draft(span, [span], after, "quote_cue_after"))
            by_cue.setdefault(id(after), drafts[-1])
            continue
        before = cues.before(text, quote)
        if before is None:
            continue
        previous = by_cue.get(id(before))
        if previous is not None:  # “…,” he said, “…”: the second part of a split quotation
            previous.parts.append(span)
            previous.content = (previous.content[0], quote.span.end)
        elif before.content is not None and _runs_on(text, before.content, quote):
            continue  # *said that “…” against …*: mixed, the cue's own content is the whole
        elif before.content is None or _overlap((before.content.start, before.content.end),
                                                 span) or _adjoins(text, before.content, quote):
            span = _lead_in_clause(text, before, quote) or span
            drafts.append(_Draft(span, [span], before, "quote_cue_before"))
            by_cue[id(before)] = drafts[-1]
    return drafts


def _lead_in_clause(text: str, cue: ReportedSpeech, quote: Quotation) -> tuple[int, int] | None:
    """The whole complement of a cue that leads into a quotation closing it, or ``None``.

    *adds that voters have two choices: “…”*; *says no matter what happens,
    “…”*: the cue's clause begins with words of the writer's paraphrase before
    the quotation and ends with it (or right before it, see :func:`_adjoins`),
    and the reported content is that clause, mixed, not the quotation alone.
    """
    content = cue.content
    if (content is None or not cue.cue.end <= content.start < quote.span.start
            or (content.end < _last_word_end(text, quote) and not _adjoins(text, content, quote))
            or not any(c.isalnum() for c in text[content.start : quote.span.start])):
        return None
    return content.start, max(content.end, quote.span.end)


def _last_word_end(text: str, quote: Quotation) -> int:
    """Where the last word inside ``quote`` ends, before its final punctuation."""
    words = text[quote.content.start : quote.content.end].rstrip(".,;:!?… ")
    return quote.content.start + len(words)


def _adjoins(text: str, content: TextSpan, quote: Quotation) -> bool:
    """Whether only a comma or colon stands between ``content`` and the quotation after it.

    *noted the change from the slogan, “…”*; *adds that voters have two choices:
    “…”*: the quotation spells out the cue's own complement.
    """
    between = text[content.end : quote.span.start]
    return content.end <= quote.span.start and between.strip() in {",", ":"}


def _runs_on(text: str, content: TextSpan, quote: Quotation) -> bool:
    """Whether ``content`` holds ``quote`` and goes on with words of its own after it."""
    return content.start <= quote.span.start and any(
        c.isalnum() for c in text[quote.span.end : content.end])


def _around_cue(text: str, content: tuple[int, int],
                item: ReportedSpeech) -> list[tuple[int, int]]:
    """The parts of ``content`` on either side of a cue that interrupts it, or all of it."""
    aside = (min(item.cue.start, item.source_start), max(item.cue.end, item.source_char[1]
                                                          if item.source_char else item.cue.end))
    if not content[0] < aside[0] < aside[1] < content[1]:
        return [content]
    before = text[content[0] : aside[0]].rstrip(" ,;—–-\n")
    comma = text.find(",", aside[1], content[1])  # the cue's own adjuncts: *said on Monday,*
    after = text[(comma + 1 if comma >= 0 else aside[1]) : content[1]]
    start = content[1] - len(after.lstrip(" ,;—–-\n"))
    return [(content[0], content[0] + len(before)), (start, content[1])]


def _closes_on_full_stop(text: str, quote: Quotation) -> bool:
    """Whether ``quote`` closes on a full stop (not an ellipsis) inside its marks."""
    content = text[quote.content.start : quote.content.end]
    return content.endswith(".") and not content.endswith("..")


def _continues(article: Article, quote: Quotation, previous: _Draft) -> bool:
    """Whether ``quote``, with no cue of its own, goes on in the voice of ``previous``.

    News writing gives a speaker once and lets the next quoted sentences run on
    (*“It's a disaster,” the senator said. “Nobody saw it coming.”*): a quoted
    clause that opens the sentence right after an attribution is its speaker's.
    """
    if previous.rule.split("+")[0] not in _CONTINUABLE or previous.speech.category == "dash":
        return False
    doc = article.doc
    words = doc.char_span(quote.content.start, quote.content.end, alignment_mode="expand")
    ending = doc.char_span(previous.content[1] - 1, previous.content[1], alignment_mode="expand")
    if not words or not ending:
        return False
    if sum(not (t.is_punct or t.is_space) for t in words) < _MIN_CONTINUED_WORDS or not (
            any(t.pos_ in {"VERB", "AUX"} for t in words) or words[-1].text in {".", "!", "?"}):
        return False
    # the parser may leave the opening mark at the end of the sentence before
    index = article.sentence_index(words[0])
    if any(not (t.is_punct or t.is_space)
           for t in doc[article.sentences[index].start : words[0].i]):
        return False
    item = previous.speech
    last = max(article.sentence_index(ending[-1]), article.sentence_index(item.cue_tokens[1] - 1),
               article.sentence_index(item.source_tokens[1] - 1) if item.source_tokens else 0)
    return index == last + 1


def _snap(article: Article, quotes: _Quotes, span: tuple[int, int]) -> tuple[int, int]:
    """Widen content to whole quotations; cut it after a quoted clause the writer goes on from.

    *acknowledged “we didn't get there” after three hours of talks*: what follows
    a quoted clause the content starts with is the writer's (an adjunct, a
    comma and a participle), unless a conjunction joins it to the quotation
    as more of what was said (*says “the game has gone soft” because “…”*),
    or the quotation is only a part of the clause, not its head (*said “who
    did it” remains unknown*), so that the words after it finish the clause.
    """
    start, end = span
    if (quote := quotes.around(start)) is not None:
        start = quote.span.start
    if (quote := quotes.around(end)) is not None:
        end = quote.span.end
    first = quotes.starting_at(start)
    doc = article.doc
    if first is not None and first.span.end < end:
        words = doc.char_span(first.content.start, first.content.end, alignment_mode="expand")
        following = doc.char_span(first.span.end, end, alignment_mode="expand")
        nxt = next((t for t in following if not t.is_space and t.idx >= first.span.end), None) \
            if following is not None else None
        if words is not None and any(t.pos_ in {"VERB", "AUX"} for t in words) and (
                nxt is None or nxt.pos_ not in {"CCONJ", "SCONJ"}) and (
                _holds_head(doc, words, (start, end))):
            end = first.span.end
    return start, end


def _holds_head(doc: Doc, words: Span, span: tuple[int, int]) -> bool:
    """Whether ``words`` hold the head of the clause that the characters ``span`` cover."""
    clause = doc.char_span(span[0], span[1], alignment_mode="expand")
    if clause is None:
        return True
    heads = [t for t in clause if not clause.start <= t.head.i < clause.end or t.head.i == t.i]
    return any(words.start <= t.i < words.end for t in heads if not (t.is_punct or t.is_space))


def _attribution(article: Article, quotes: _Quotes, resolver: SpeakerResolver,
                 draft: _Draft) -> Attribution | None:
    doc = article.doc
    item = draft.speech
    source = doc[item.source_tokens[0] : item.source_tokens[1]] if item.source_tokens else None
    start, end = draft.content
    words = doc.char_span(start, end, alignment_mode="expand")
    speaker = (UNNAMED if item.unnamed else
               resolver.resolve(source, at=item.cue_tokens[0], content=words))
    if speaker is None or (source is None and not item.unnamed):
        return None
    inside = quotes.overlapping(start, end)
    if any(q.span.start <= start and end <= q.span.end for q in inside) or (
            len(draft.parts) > 1 and len(inside) == len(draft.parts)):
        kind = AttributionKind.DIRECT
    else:
        kind = AttributionKind.MIXED if inside else AttributionKind.INDIRECT
    text = article.text
    return Attribution(
        content=TextSpan.of_text(text, start, end),
        parts=tuple(TextSpan.of_text(text, a, b) for a, b in draft.parts),
        cue=item.cue,
        source=(article.text_span(item.relative, item.relative + 1) if item.relative is not None
                else article.text_span(source.start, source.end) if source is not None
                else None),
        kind=kind,
        speaker=speaker,
        rule=draft.rule,
        confidence=min(RULES[rule] for rule in draft.rule.split("+")),
        cue_class=CueClass(item.cue_class),
    )


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two character ranges share at least half of the shorter one."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared * 2 >= min(a[1] - a[0], b[1] - b[0])


def _words_in(article: Article, spans: Sequence[TextSpan]) -> int:
    """Words (not punctuation or space) inside the union of ``spans``."""
    seen: set[int] = set()
    for span in spans:
        seen.update(article.words_within(span.start, span.end))
    return len(seen)
