"""Framing: frame cues and scores, framing devices, scare quotes and contested naming.

Frames come from a :class:`~framekit.frames.FrameScheme` (the five generic
news frames of Semetko and Valkenburg by default, or the 15 policy frames of the
Policy Frames Codebook). A frame is asked as its codebook's yes/no questions
(20 for the generic frames, 38 for the policy frames): each lexicon entry
names the question it answers, all of a scheme's entries are matched on lemmas
in one pass of spaCy's ``Matcher``, and a question with at least
``min_evidence`` cues is answered yes, its cues kept as its evidence
(:class:`Answer`). The frame's **score** is
the cues per 100 words of its questions answered yes (a device cue counts
``device_weight``), and it is **present** from the frame's threshold, which
:func:`fit_thresholds` learns from coded articles, with at least
``min_distinct`` different cues.

Framing **devices** are reported as cues of their own, each with a
:class:`Device` category: loaded language, name-calling, metaphors (with their
source domain), intensifiers and evaluative words from the ``framing_devices``
lexicon; scare quotes, the short top-level quotations that no attribution
covers (the attribution analyser tells which quotations have a speaker); and
contested naming, the variant of each rival set of names (``naming`` lexicon:
*Kyiv*/*Kiev*, *invasion*/*special military operation*) the text uses.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Mapping
from enum import StrEnum

import attrs
from spacy.tokens import Span

from framekit.analysers.attribution import AttributionResult
from framekit.article import Article
from framekit.frames import FrameDefinition, FrameQuestion, FrameScheme
from framekit.lexicons import Lexicon, LexiconEntry, LexiconMatcher, longest_first
from framekit.pipeline import BaseAnalyser
from framekit.quotes import Quotation
from framekit.registry import register
from framekit.results import Result, freeze
from framekit.spans import TextSpan
from framekit.views import Bar, Mark, Panel, Table
from framekit.voice import Voice

__all__ = [
    "THRESHOLD",
    "Answer",
    "Device",
    "Frame",
    "FrameCue",
    "FramingAnalyser",
    "FramingCue",
    "FramingResult",
    "NamingChoice",
    "fit_thresholds",
]

#: Default ``threshold``: frame cues per 100 words for a frame to be present.
THRESHOLD = 0.75
_TRAILING = " \t\n,.;:!?"


class Device(StrEnum):
    """The kinds of framing device."""

    LOADED_LANGUAGE = "loaded_language"
    """Emotive, judgemental words (*horrific*, *humiliation*, *placate*)."""
    NAME_CALLING = "name_calling"
    """Labels for people and groups (*regime*, *dictator*, *puppet*)."""
    SCARE_QUOTES = "scare_quotes"
    """Short quoted expressions with no speaker (*“Denazification”*)."""
    METAPHOR = "metaphor"
    """Conventional metaphors from games, sport, war, motion, theatre, structure."""
    NAMING = "naming"
    """One variant of a contested name (*Kyiv* or *Kiev*)."""
    INTENSIFIER = "intensifier"
    """Amplifiers of degree (*very*, *deeply*, *eerily*)."""
    EVALUATIVE = "evaluative"
    """Evaluative adjectives and adverbs (*exceptional*, *awkward*, *unsurprisingly*)."""


@attrs.frozen
class FramingCue(TextSpan):
    """One framing device in the text.

    Besides the :class:`~framekit.spans.TextSpan` of the cue as written:

    Attributes:
        category: the kind of device.
        entry: id of the lexicon entry that matched (empty for scare quotes).
        detail: a metaphor's source domain, or the variant a naming cue
            stands for; empty otherwise.
        voice: the writer's own, quoted or reported (a scare quote is the
            writer's own).
        sentence: index of the sentence holding the cue.
    """

    category: Device
    entry: str
    detail: str
    voice: Voice
    sentence: int


@attrs.frozen
class FrameCue(TextSpan):
    """One piece of evidence for a frame.

    Besides the :class:`~framekit.spans.TextSpan` of the cue as written:

    Attributes:
        entry: id of the scheme's (or the device lexicon's) entry that matched.
        device: the device category when the cue counts through the frame's
            ``devices``, else ``None``.
        voice: the writer's own, quoted or reported.
    """

    entry: str
    device: Device | None
    voice: Voice


@attrs.frozen
class Answer:
    """One coding question of a frame, answered from the text.

    Attributes:
        question: the question's id in its scheme (``C2``).
        text: the question as the codebook asks it.
        yes: whether the text answers it yes: at least the analyser's
            ``min_evidence`` cues, of which ``min_distinct`` different entries.
        cues: the evidence found for it, in text order.
    """

    question: str
    text: str
    yes: bool
    cues: tuple[FrameCue, ...]


@attrs.frozen
class Frame:
    """One frame's evidence and decision in one article.

    Attributes:
        name: the frame's name in its scheme.
        score: the cues per 100 words of the questions answered yes, a cue
            that counts through a device weighing the analyser's ``device_weight``.
        present: whether ``score`` reaches the frame's threshold (see
            :func:`fit_thresholds`) with at least ``min_distinct`` different
            cue entries.
        distinct: number of different cue entries among the cues.
        cues: the cues, in text order.
        answers: each of the frame's coding questions with its answer and
            evidence, in the scheme's order.
    """

    name: str
    score: float
    present: bool
    distinct: int
    cues: tuple[FrameCue, ...]
    answers: tuple[Answer, ...] = ()

    @property
    def yes(self) -> tuple[str, ...]:
        """The ids of the questions answered yes."""
        return tuple(answer.question for answer in self.answers if answer.yes)


def _frozen_counts(counts: Mapping[str, int]) -> Mapping[str, int]:
    return freeze(counts)


@attrs.frozen
class NamingChoice:
    """Which variants of one contested name the article uses.

    Attributes:
        group: the set of rival variants (``kyiv_kiev``).
        used: the variants found, in order of first use.
        counts: occurrences of each variant found.
        own_voice: the variants the writer uses outside quotations and
            reported speech.
    """

    group: str
    used: tuple[str, ...]
    counts: Mapping[str, int] = attrs.field(converter=_frozen_counts)
    own_voice: tuple[str, ...]


@attrs.frozen
class FramingResult(Result):
    """Frames, framing devices and naming choices of one article.

    Attributes:
        scheme: the name of the frame scheme.
        words: words in the article.
        scores: each frame's score (cues per 100 words), in scheme order.
        present: the frames present, in scheme order.
        dominant: the present frames whose score is within the analyser's
            ``dominance`` ratio of the highest, highest first.
        by_category: number of device cues of each :class:`Device` category.
        frames: each frame with its score, decision and cues, in scheme order.
        cues: the framing-device cues, in text order.
        naming: the contested names found, in order of first use.
    """

    scheme: str
    words: int
    scores: Mapping[str, float]
    present: tuple[str, ...]
    dominant: tuple[str, ...]
    by_category: Mapping[str, int]
    frames: tuple[Frame, ...]
    cues: tuple[FramingCue, ...]
    naming: tuple[NamingChoice, ...]

    def frame(self, name: str) -> Frame:
        """The frame called ``name``."""
        for frame in self.frames:
            if frame.name == name:
                return frame
        raise KeyError(f"scheme {self.scheme!r} has no frame {name!r}")

    def of_category(self, category: Device | str) -> tuple[FramingCue, ...]:
        """The device cues of one category, in text order."""
        return tuple(cue for cue in self.cues if cue.category == category)

    def findings(self) -> tuple[Table, ...]:
        """The dominant frames, each with its score and its five most frequent cues."""
        rows = []
        for frame in (self.frame(name) for name in self.dominant):
            counts = Counter(cue.text.lower() for cue in frame.cues).most_common(5)
            first = min((cue.start for cue in frame.cues), default=0)
            rows.append((first, frame.name, f"{frame.score:.2f}",
                         ", ".join(f"{text} ×{n}" for text, n in counts)))
        return (Table(("offset", "frame", "score", "most frequent cues"), tuple(rows),
                      caption="dominant frames"),)

    def marks(self, key: str) -> tuple[Mark, ...]:
        """Each framing device, in the layer of its category."""
        return tuple(
            Mark(cue.start, cue.end, f"device-{cue.category.value}",
                 f"{cue.category.replace('_', ' ')}{f' ({cue.detail})' if cue.detail else ''}, "
                 f"{cue.voice.description}", f"{key}-{i}")
            for i, cue in enumerate(self.cues))

    def panel(self, name: str) -> Panel:
        """Each frame's score as a bar (present ones marked), and the naming variants used."""
        top = max(self.scores.values(), default=0.0) or 1.0
        frames = Table(("frame", "score"), tuple(
            (f"{frame.name.replace('_', ' ')}{' (present)' if frame.present else ''}",
             Bar(frame.score / top, f"{frame.score:.2f}")) for frame in self.frames),
            caption=f"Frames ({self.scheme}, cues per 100 words)")
        naming = Table(("naming",), tuple((" / ".join(c.used),) for c in self.naming))
        return Panel("Framing", tables=(frames, naming) if naming.rows else (frames,))

    def features(self) -> dict[str, float]:
        """Each frame's score, each coding question's evidence and each device's per 100 words."""
        words = self.words or 1
        return {
            **dict(self.scores),
            **{f"{frame.name}.{answer.question}": 100 * len(answer.cues) / words
               for frame in self.frames for answer in frame.answers},
            **{f"{device.value}_per_100_words": 100 * self.by_category.get(device.value, 0) / words
               for device in Device},
        }


def _scheme(scheme: FrameScheme | str) -> FrameScheme:
    return scheme if isinstance(scheme, FrameScheme) else FrameScheme.load(scheme)


def _devices(devices: Lexicon | None) -> Lexicon:
    return devices if devices is not None else Lexicon.load("framing_devices")


def _naming(naming: Lexicon | None) -> Lexicon:
    return naming if naming is not None else Lexicon.load("naming")


@register("framing", default=True)
@attrs.define(eq=False)
class FramingAnalyser(BaseAnalyser[FramingResult]):
    """Score the frames of a scheme and find framing devices, scare quotes and naming.

    Args:
        scheme: a :class:`~framekit.frames.FrameScheme`, or the name of a
            built-in one (``"generic"``, ``"policy"``) or the path of a scheme file.
        devices: the framing-device lexicon; framekit's ``framing_devices`` by default.
        naming: the contested-naming lexicon; framekit's ``naming`` by default.
        threshold: the score a frame needs to be present: one number for every
            frame, or a mapping from frame names (the others keep their
            default). By default each frame's ``threshold`` in the scheme (set
            on coded news, see :func:`fit_thresholds`), else :data:`THRESHOLD`.
        min_distinct: the number of different cue entries a frame needs to be
            present, so that one word repeated never makes a frame.
        min_evidence: the number of cues a coding question needs to be
            answered yes.
        dominance: a present frame is dominant when its score is at least this
            share of the highest score.
        device_weight: what a device cue counts for in a frame's score, against
            1 for a cue of the frame's own lexicon.
        scare_quote_words: the longest quotation, in words, taken for a scare quote.

    Example:
        >>> result = FramingAnalyser(min_distinct=1).analyse(
        ...     "Both sides reject the deal. The regime’s “review” is a diplomatic "
        ...     "merry-go-round in Kiev.")
        >>> result.present
        ('conflict', 'responsibility')
        >>> result.frame("conflict").yes
        ('C1', 'C2', 'C3')
        >>> [(c.text, c.category.value, c.detail) for c in result.cues]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('regime', 'name_calling', ''), ('review', 'scare_quotes', ''),
         ('merry-go-round', 'metaphor', 'motion'), ('Kiev', 'naming', 'Kiev')]
    """

    name = "framing"
    needs = ("attribution",)
    result_type = FramingResult

    # mypy's attrs plugin checks a default against the field, not the converter's argument
    scheme: FrameScheme = attrs.field(  # type: ignore[assignment]
        default="generic", converter=_scheme, repr=lambda scheme: repr(scheme.name))
    devices: Lexicon = attrs.field(default=None, kw_only=True, repr=False,
                                   converter=_devices)
    naming: Lexicon = attrs.field(default=None, kw_only=True, repr=False,
                                  converter=_naming)
    threshold: float | Mapping[str, float] | None = attrs.field(default=None, kw_only=True)
    min_distinct: int = attrs.field(default=2, kw_only=True)
    min_evidence: int = attrs.field(default=1, kw_only=True)
    dominance: float = attrs.field(default=0.8, kw_only=True)
    device_weight: float = attrs.field(default=0.5, kw_only=True)
    scare_quote_words: int = attrs.field(default=6, kw_only=True)
    _frames: LexiconMatcher = attrs.field(init=False, repr=False, default=attrs.Factory(
        lambda self: LexiconMatcher(self.scheme.lexicon, greedy=False), takes_self=True))
    _devices: LexiconMatcher = attrs.field(init=False, repr=False, default=attrs.Factory(
        lambda self: LexiconMatcher(self.devices), takes_self=True))
    _naming: LexiconMatcher = attrs.field(init=False, repr=False, default=attrs.Factory(
        lambda self: LexiconMatcher(self.naming), takes_self=True))

    def run(self, article: Article, results: Mapping[str, Result]) -> FramingResult:
        """Score the frames of ``article`` and collect its framing devices."""
        attribution = results["attribution"]
        assert isinstance(attribution, AttributionResult)
        devices = self._device_cues(article)
        naming = self._naming_cues(article)
        scare = _scare_quotes(article, attribution, self.scare_quote_words)
        cues = tuple(sorted(devices + scare + tuple(cue for _, cue in naming),
                            key=lambda c: (c.start, c.end)))
        matches = _by_category(self._frames(article.doc))
        frames = tuple(self._frame(article, definition, matches.get(definition.name, ()),
                                   devices) for definition in self.scheme.frames)
        present = tuple(frame.name for frame in frames if frame.present)
        top = max((frame.score for frame in frames if frame.present), default=0.0)
        dominant = sorted((f for f in frames if f.present and f.score >= self.dominance * top),
                          key=lambda f: -f.score)
        return FramingResult(
            scheme=self.scheme.name,
            words=article.words,
            scores={frame.name: frame.score for frame in frames},
            present=present,
            dominant=tuple(frame.name for frame in dominant),
            by_category={device.value: sum(c.category is device for c in cues)
                         for device in Device},
            frames=frames,
            cues=cues,
            naming=_naming_choices(naming),
        )

    def threshold_of(self, frame: FrameDefinition) -> float:
        """The score from which ``frame`` is present (see the ``threshold`` argument)."""
        if isinstance(self.threshold, Mapping):
            if frame.name in self.threshold:
                return float(self.threshold[frame.name])
        elif self.threshold is not None:
            return float(self.threshold)
        return THRESHOLD if frame.threshold is None else frame.threshold

    def _frame(self, article: Article, definition: FrameDefinition,
               matches: Iterable[tuple[LexiconEntry, int, int]],
               devices: tuple[FramingCue, ...]) -> Frame:
        own = FrameQuestion(definition.name, devices=definition.devices)
        questions = definition.questions or (own,)
        if own not in questions:
            questions = (*questions, own)
        by_question: dict[str, list[FrameCue]] = {q.id: [] for q in questions}
        for entry, start, end in matches:
            span = article.doc[start:end]
            asked = str(entry.data.get("question", questions[0].id))
            by_question[asked if asked in by_question else own.id].append(FrameCue(
                span.start_char, span.end_char, span.text, entry.id, None,
                article.voice_of(span.root)))
        taken = [TextSpan(cue.start, cue.end, cue.text)
                 for found in by_question.values() for cue in found]
        for question in questions:
            wanted = set(question.devices)
            for cue in devices:
                if cue.category not in wanted:
                    continue
                place = TextSpan(cue.start, cue.end, cue.text)
                if not any(place.overlaps(t) for t in taken):
                    by_question[question.id].append(FrameCue(
                        cue.start, cue.end, cue.text, cue.entry, cue.category, cue.voice))
                    taken.append(place)
        answers = tuple(self._answer(question, by_question[question.id])
                        for question in questions
                        if question is not own or by_question[own.id]
                        or not definition.questions)
        cues = tuple(sorted((cue for answer in answers for cue in answer.cues),
                            key=lambda cue: cue.start))
        weight = sum(1.0 if cue.device is None else self.device_weight
                     for answer in answers if answer.yes for cue in answer.cues)
        score = 100 * weight / article.words if article.words else 0.0
        distinct = len({cue.entry for cue in cues})
        present = score >= self.threshold_of(definition) and distinct >= self.min_distinct
        return Frame(definition.name, score, present, distinct, cues, answers)

    def _answer(self, question: FrameQuestion, cues: list[FrameCue]) -> Answer:
        ordered = tuple(sorted(cues, key=lambda cue: cue.start))
        return Answer(question.id, question.text, len(ordered) >= self.min_evidence, ordered)

    def _device_cues(self, article: Article) -> tuple[FramingCue, ...]:
        return tuple(
            _cue(article, article.doc[start:end], Device(entry.category), entry.id,
                 str(entry.data.get("domain", "")))
            for entry, start, end in self._devices(article.doc)
            if Device(entry.category) not in _JUDGING
            or _judges(article.doc[start:end], entry))

    def _naming_cues(self, article: Article) -> list[tuple[str, FramingCue]]:
        """Naming cues with the group of variants each belongs to, in text order."""
        found = [(group, _cue(article, article.doc[start:end], Device.NAMING, entry.id,
                              str(entry.data.get("variant", entry.id))))
                 for group, matches in self._naming.by_category(article.doc).items()
                 for entry, start, end in matches]
        return sorted(found, key=lambda item: item[1].start)


def _by_category(found: Iterable[tuple[LexiconEntry, int, int]],
                 ) -> dict[str, list[tuple[LexiconEntry, int, int]]]:
    """The matches of one matcher pass by category, longest first within each question."""
    grouped: dict[tuple[str, str], list[tuple[LexiconEntry, int, int]]] = {}
    for match in found:
        key = (match[0].category, str(match[0].data.get("question", "")))
        grouped.setdefault(key, []).append(match)
    by_category: dict[str, list[tuple[LexiconEntry, int, int]]] = {}
    for (category, _), matches in grouped.items():
        by_category.setdefault(category, []).extend(longest_first(matches))
    return {category: sorted(matches, key=lambda m: (m[1], m[2]))
            for category, matches in by_category.items()}


#: The devices that judge what they name, and so can be negated or be part of a neutral term.
_JUDGING = frozenset({Device.LOADED_LANGUAGE, Device.NAME_CALLING})


def _judges(span: Span, entry: LexiconEntry) -> bool:
    """Whether a loaded word or label judges here: not negated, not inside a neutral term.

    A word is negated when it or the word it describes (*is not a dictator*,
    *not brutal*) has a negation; it is part of a neutral term when a word
    next to it or its head is one of the entry's ``neutral_with`` lemmas
    (*regime change*, *criminal justice*).

    Example:
        >>> import framekit
        >>> cues = framekit.analyse("He is not a dictator. Talk of regime change "
        ...                         "grew, and the regime hit back.").framing.cues
        >>> [(c.text, c.start) for c in cues if c.category == "name_calling"]
        [('regime', 58)]
    """
    root = span.root
    described = (root, root.head) if root.dep_ in {"attr", "acomp", "amod"} else (root,)
    if any(child.dep_ == "neg" for token in described for child in token.children):
        return False
    neutral = {str(word).lower() for word in entry.data.get("neutral_with", ())}
    if not neutral:
        return True
    doc = span.doc
    near = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    near += [root.head, *root.children]
    return not any(token.lemma_.lower() in neutral for token in near if token.i != root.i)


def _cue(article: Article, span: Span, category: Device, entry: str, detail: str) -> FramingCue:
    return FramingCue(span.start_char, span.end_char, span.text, category, entry, detail,
                      article.voice_of(span.root), article.sentence_index(span.start))


def _scare_quotes(article: Article, attribution: AttributionResult,
                  longest: int) -> tuple[FramingCue, ...]:
    """Short, closed, top-level quotations that no attribution's content covers."""
    covered = [part for a in attribution.attributions for part in (a.content, *a.parts)]
    found = []
    for quote in article.quotations:
        if quote.depth or not quote.closed or any(quote.content.overlaps(c) for c in covered):
            continue
        span = _trimmed(article, quote)
        if span is not None and sum(not (t.is_punct or t.is_space) for t in span) <= longest:
            found.append(FramingCue(span.start_char, span.end_char, span.text,
                                    Device.SCARE_QUOTES, "", "", Voice.AUTHOR,
                                    article.sentence_index(span.start)))
    return tuple(found)


def _trimmed(article: Article, quote: Quotation) -> Span | None:
    """The quotation's words without the punctuation that closes them (*Denazification,*)."""
    content = quote.content
    end = content.start + len(content.text.rstrip(_TRAILING))
    return article.doc.char_span(content.start, end, alignment_mode="expand") \
        if end > content.start else None


def _naming_choices(cues: Iterable[tuple[str, FramingCue]]) -> tuple[NamingChoice, ...]:
    by_group: dict[str, list[FramingCue]] = {}
    for group, cue in cues:
        by_group.setdefault(group, []).append(cue)
    return tuple(
        NamingChoice(
            group=group,
            used=tuple(dict.fromkeys(cue.detail for cue in found)),
            counts=dict(Counter(cue.detail for cue in found)),
            own_voice=tuple(dict.fromkeys(cue.detail for cue in found
                                          if cue.voice is Voice.AUTHOR)))
        for group, found in by_group.items())


def fit_thresholds(results: Iterable[FramingResult], coded: Iterable[Iterable[str]], *,
                   min_distinct: int = 2) -> dict[str, float]:
    """Per-frame thresholds that best reproduce a coder's present/absent decisions.

    For each frame of the results' scheme, the threshold on :attr:`Frame.score`
    with the highest F1 against the coding (an article can only be present
    when its frame has ``min_distinct`` different cues, as in the analyser);
    of equally good thresholds, the middle one. Give the thresholds to
    :class:`FramingAnalyser` (``threshold=``) or to
    :meth:`~framekit.frames.FrameScheme.with_thresholds`.

    Args:
        results: the framing results of the coded articles (analysed with
            any threshold: only the scores are read).
        coded: for each article, the names of the frames the coder found.
        min_distinct: the analyser's ``min_distinct``.

    Raises:
        ValueError: when results and codings differ in number, or there are none.

    Example:
        >>> analyser = FramingAnalyser()
        >>> texts = ["Both sides rejected the deal and accused each other of lying.",
        ...          "The bakery opened at nine and sold bread all day."]
        >>> found = fit_thresholds([analyser.analyse(t) for t in texts],
        ...                        [{"conflict"}, set()])
        >>> FramingAnalyser(threshold=found).analyse(texts[0]).present
        ('conflict',)
    """
    results, coded = list(results), [set(c) for c in coded]
    if len(results) != len(coded) or not results:
        raise ValueError(f"fit_thresholds needs one coding per result, and at least one: "
                         f"got {len(results)} results and {len(coded)} codings")
    thresholds = {}
    for name in (frame.name for frame in results[0].frames):
        frames = [result.frame(name) for result in results]
        scores = [f.score if f.distinct >= min_distinct else -1.0 for f in frames]
        truth = [name in c for c in coded]
        levels = sorted({s for s in scores if s >= 0})
        candidates = [0.0] + [(a + b) / 2 for a, b in itertools.pairwise(levels)] \
            + [levels[-1] + 1 if levels else 1.0]
        rated = [(_f1(scores, truth, t), t) for t in candidates]
        best = max(f1 for f1, _ in rated)
        tied = [t for f1, t in rated if f1 == best]
        thresholds[name] = round(tied[len(tied) // 2], 4)
    return thresholds


def _f1(scores: list[float], truth: list[bool], threshold: float) -> float:
    found = [s >= threshold for s in scores]
    hits = sum(f and t for f, t in zip(found, truth, strict=True))
    return 2 * hits / (sum(found) + sum(truth)) if sum(found) + sum(truth) else 0.0
