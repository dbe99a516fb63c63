"""Hedging: cues that withhold commitment (hedges) and cues that raise it (boosters).

Cues come from the ``hedges`` lexicon, matched with spaCy's ``Matcher`` over
lemmas, tags and parts of speech, then kept or dropped by the context
constraint their entry names (:data:`CONSTRAINTS`): *appear* hedges only with a
complement (*appeared to have been*, not *appeared on television*), *apparent*
only before a noun (*the apparent removal*, not *it became apparent*),
*about* only before a number. Negation can turn a cue over: *no doubt* and
*not doubt* boost, *not clear* hedges.

Each cue gets its voice from the shared layers of :class:`~framekit.article.Article`:
inside a quotation it is ``quoted``, in the content of reported speech or
thought ``reported``, elsewhere the writer's own, ``author``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from enum import StrEnum
from functools import cache

import attrs
from spacy.tokens import Span, Token

from framekit.article import Article
from framekit.lexicons import Lexicon, LexiconEntry, LexiconMatcher
from framekit.pipeline import BaseAnalyser
from framekit.registry import register
from framekit.results import Result
from framekit.spans import TextSpan
from framekit.views import Mark, Panel, Table
from framekit.voice import Voice

__all__ = [
    "CONSTRAINTS",
    "Cue",
    "CueKind",
    "HedgingAnalyser",
    "HedgingResult",
    "Voice",
    "VoiceFigures",
]


class CueKind(StrEnum):
    """Whether a cue lowers or raises the speaker's commitment."""

    HEDGE = "hedge"
    BOOSTER = "booster"


@attrs.frozen
class Cue(TextSpan):
    """One hedge or booster in the text.

    Besides the :class:`~framekit.spans.TextSpan` of the cue as written:

    Attributes:
        kind: hedge or booster.
        type: the cue type, the lexicon entry's category (e.g. ``epistemic_modal``).
        voice: author, quoted or reported.
        sentence: index of the sentence holding the cue.
        negated: whether the cue is under negation (*not likely*).
        entry: id of the lexicon entry that matched.
    """

    kind: CueKind
    type: str
    voice: Voice
    sentence: int
    negated: bool
    entry: str


@attrs.frozen
class VoiceFigures:
    """Counts and densities of cues in one voice (or in all).

    Attributes:
        words: words in this voice.
        sentences: sentences holding words in this voice.
        hedges: hedges in this voice.
        boosters: boosters in this voice.
        hedged_sentences: sentences with a hedge in this voice.
        hedges_per_100_words: ``100 * hedges / words``.
        boosters_per_100_words: ``100 * boosters / words``.
        hedged_sentence_share: ``hedged_sentences / sentences``.
    """

    words: int
    sentences: int
    hedges: int
    boosters: int
    hedged_sentences: int
    hedges_per_100_words: float
    boosters_per_100_words: float
    hedged_sentence_share: float

    @classmethod
    def from_counts(cls, words: int, sentences: int, hedges: int, boosters: int,
                    hedged_sentences: int) -> VoiceFigures:
        """Build the figures from the counts, computing the densities (0 when empty).

        Example:
            >>> VoiceFigures.from_counts(200, 10, 3, 1, 2).hedges_per_100_words
            1.5
        """
        return cls(words, sentences, hedges, boosters, hedged_sentences,
                   hedges_per_100_words=100 * hedges / words if words else 0.0,
                   boosters_per_100_words=100 * boosters / words if words else 0.0,
                   hedged_sentence_share=hedged_sentences / sentences if sentences else 0.0)


@attrs.frozen
class HedgingResult(Result):
    """Hedges and boosters of one article with their figures.

    Attributes:
        hedges: hedge cues in text order.
        boosters: booster cues in text order.
        overall: figures over the whole article.
        by_voice: figures for each :class:`Voice` (its words, sentences holding
            words in that voice, and the cues in that voice).
        by_type: number of cues of each type.
    """

    hedges: tuple[Cue, ...]
    boosters: tuple[Cue, ...]
    overall: VoiceFigures
    by_voice: Mapping[Voice, VoiceFigures]
    by_type: Mapping[str, int]

    @property
    def cues(self) -> tuple[Cue, ...]:
        """Hedges and boosters together, in text order."""
        return tuple(sorted(self.hedges + self.boosters, key=lambda cue: cue.start))

    def findings(self) -> tuple[Table, ...]:
        """Each hedge and booster: its kind, type and voice."""
        return (Table(("offset", "kind", "cue", "type", "voice"), tuple(
            (c.start, c.kind.value, c.text, c.type, c.voice.value + (", negated" * c.negated))
            for c in self.cues), caption="hedges and boosters"),)

    def marks(self, key: str) -> tuple[Mark, ...]:
        """Each hedge and booster, with its type and voice in the tooltip."""
        return tuple(
            Mark(cue.start, cue.end, cue.kind.value,
                 f"{cue.kind.value}: {cue.type.replace('_', ' ')}, {cue.voice.description}"
                 f"{', negated' if cue.negated else ''}", f"{key}-{i}")
            for i, cue in enumerate(self.cues))

    def panel(self, name: str) -> Panel:
        """Counts and densities, and a table of densities by voice."""
        overall = self.overall
        by_voice = Table(("voice", "words", "hedges / 100 w", "boosters / 100 w"), tuple(
            (voice.value, figures.words, f"{figures.hedges_per_100_words:.2f}",
             f"{figures.boosters_per_100_words:.2f}")
            for voice, figures in self.by_voice.items()))
        return Panel("Hedging", facts=(
            ("hedges", overall.hedges), ("boosters", overall.boosters),
            ("hedges per 100 words", overall.hedges_per_100_words),
            ("hedged sentences", f"{overall.hedged_sentence_share:.0%}")), tables=(by_voice,))

    def features(self) -> dict[str, float]:
        """Densities overall and of hedges in each voice, and the share of hedged sentences."""
        return {
            "hedges_per_100_words": self.overall.hedges_per_100_words,
            "boosters_per_100_words": self.overall.boosters_per_100_words,
            "hedged_sentence_share": self.overall.hedged_sentence_share,
            **{f"{voice.value}_hedges_per_100_words": self.by_voice[voice].hedges_per_100_words
               for voice in Voice},
        }


Constraint = Callable[[Span], bool]


def _negated(token: Token) -> bool:
    """Whether a negation before ``token`` scopes over it (*not likely*, *isn't clear*).

    A negation after the cue is under the cue's scope instead (*obviously not*,
    *likely won't*) and leaves it as it is.
    """
    heads = [token]
    if token.dep_ in {"acomp", "advmod", "attr", "oprd", "amod", "aux", "xcomp", "ccomp"}:
        heads.append(token.head)
    if any(child.dep_ == "neg" and child.i < token.i for head in heads for child in head.children):
        return True
    return token.i > 0 and token.doc[token.i - 1].lower_ in {"not", "n't", "n’t", "never"}


def _complement(span: Span) -> bool:
    """*it appears*, *appeared to be*, *seems unlikely*, *seems like*, not *appeared on TV*."""
    children = list(span.root.children)
    return any(
        child.dep_ in {"xcomp", "ccomp", "acomp", "oprd", "attr"}
        or (child.dep_ == "prep" and child.lower_ in {"like", "as"})
        or (child.dep_ in {"nsubj", "expl"} and child.lower_ == "it")
        or (child.pos_ in {"VERB", "AUX"} and any(c.lower_ == "to" for c in child.children))
        for child in children)


def _adjective_complement(span: Span) -> bool:
    return any(child.dep_ in {"acomp", "oprd"} for child in span.root.children)


def _attributive(span: Span) -> bool:
    return span.root.dep_ in {"amod", "compound", "nmod"}


def _predicative(span: Span) -> bool:
    return span.root.dep_ in {"acomp", "attr", "oprd", "ROOT", "ccomp", "conj"} and \
        span.root.head.lemma_ in {"be", "become", "seem", "appear", "remain", "feel", "look"} | {
            span.root.lemma_}


def _clausal(span: Span) -> bool:
    return any(child.dep_ in {"ccomp", "xcomp"} and child.pos_ in {"VERB", "AUX"}
               for child in span.root.children) or any(
        child.dep_ == "prep" and child.lower_ == "like" for child in span.root.children)


def _first_person_clausal(span: Span) -> bool:
    subjects = [c.lower_ for c in span.root.children if c.dep_ == "nsubj"]
    return bool(subjects) and subjects[0] in {"i", "we"} and _clausal(span)


def _before_number(span: Span) -> bool:
    following = span.doc[span.end : span.end + 2]
    return any(token.like_num or token.pos_ == "NUM" for token in following[:1]) or (
        len(following) == 2 and following[0].pos_ in {"DET", "SYM"} and following[1].like_num)


def _modifier(span: Span) -> bool:
    return span.end < len(span.doc) and span.doc[span.end].pos_ in {"ADJ", "ADV", "VERB"}


def _not_negated(span: Span) -> bool:
    return not _negated(span.root)


def _not_after_ask(span: Span) -> bool:
    return span.start == 0 or span.doc[span.start - 1].lemma_ not in {"ask", "wonder"}


_PERSONAL_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "who"})


@cache
def _source_nouns() -> frozenset[str]:
    """The nouns framekit's ``sources`` lexicon knows for people: roles, titles, sources."""
    return frozenset(entry.id for entry in Lexicon.load("sources"))


def _impersonal_subject(span: Span) -> bool:
    """*The findings indicate that …*, *this implies …*; not *he implied that …*.

    Evidence that points somewhere hedges the writer's claim; a person who
    indicates something is reporting it, which attribution covers.
    """
    subjects = [c for c in span.root.children if c.dep_ in {"nsubj", "csubj"}]
    return bool(subjects) and not any(
        subject.lower_ in _PERSONAL_PRONOUNS or subject.pos_ == "PROPN"
        or subject.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
        or subject.lemma_.lower() in _source_nouns()
        for subject in subjects)


def _passive_complement(span: Span) -> bool:
    """*is considered one of the best*, *is considered sacred*; not *is being considered*."""
    children = list(span.root.children)
    return span.root.tag_ == "VBN" and any(c.dep_ in {"nsubjpass", "auxpass"} for c in children) \
        and any(c.dep_ in {"oprd", "attr", "acomp", "xcomp"} for c in children)


def _vague_source(span: Span) -> bool:
    """A plural or generic source noun that is the subject of a reporting verb, with no name."""
    noun = span.root
    if noun.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    if any(t.pos_ == "PROPN" or t.ent_type_ in {"PERSON", "ORG"} for t in noun.subtree):
        return False
    verb = noun.head
    from framekit.reporting import reporting_matcher

    lexicon = reporting_matcher().lexicon
    return verb.lemma_ in lexicon or f"noun:{verb.lemma_}" in lexicon


#: Context constraints a lexicon entry can name in its ``when`` field.
CONSTRAINTS: Mapping[str, Constraint] = {
    "complement": _complement,
    "adjective_complement": _adjective_complement,
    "attributive": _attributive,
    "predicative": _predicative,
    "clausal": _clausal,
    "first_person_clausal": _first_person_clausal,
    "before_number": _before_number,
    "modifier": _modifier,
    "not_negated": _not_negated,
    "not_after_ask": _not_after_ask,
    "vague_source": _vague_source,
    "impersonal_subject": _impersonal_subject,
    "passive_complement": _passive_complement,
}


@register("hedging", default=True)
class HedgingAnalyser(BaseAnalyser[HedgingResult]):
    """Find hedges and boosters, typed, negation-aware, split by voice.

    Args:
        lexicon: the cue lexicon; framekit's ``hedges`` lexicon by default.
            Extend it with :meth:`Lexicon.extend` or pass one of your own; an
            entry's ``data`` may name a ``kind`` (hedge or booster, default
            hedge), a ``when`` constraint from :data:`CONSTRAINTS` and what it
            becomes when ``negated``.

    Example:
        >>> result = HedgingAnalyser().analyse(
        ...     "Obviously, talks may stall. “It is not likely,” an aide said.")
        >>> [(c.text, c.type, c.voice.value) for c in result.hedges]
        [('may', 'epistemic_modal', 'author'), ('likely', 'epistemic_adjective', 'quoted')]
        >>> [c.text for c in result.boosters]
        ['Obviously']
        >>> result.hedges[1].negated
        True
    """

    name = "hedging"
    result_type = HedgingResult

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or Lexicon.load("hedges")
        unknown = {str(e.data["when"]) for e in self.lexicon if "when" in e.data} - set(CONSTRAINTS)
        if unknown:
            from framekit._errors import LexiconError

            raise LexiconError(f"unknown 'when' constraints in the lexicon: {sorted(unknown)}")
        self._matcher = LexiconMatcher(self.lexicon)

    def run(self, article: Article, results: Mapping[str, Result]) -> HedgingResult:
        """Find the cues of ``article`` and compute its figures."""
        cues = [cue for entry, start, end in self._matcher(article.doc)
                if (cue := self._cue(article, entry, article.doc[start:end])) is not None]
        hedges = tuple(cue for cue in cues if cue.kind is CueKind.HEDGE)
        boosters = tuple(cue for cue in cues if cue.kind is CueKind.BOOSTER)
        words = _words(article)
        return HedgingResult(
            hedges=hedges,
            boosters=boosters,
            overall=_figures(words, cues, None),
            by_voice={voice: _figures(words, cues, voice) for voice in Voice},
            by_type=dict(Counter(cue.type for cue in cues)),
        )

    def _cue(self, article: Article, entry: LexiconEntry, span: Span) -> Cue | None:
        constraint = entry.data.get("when")
        if constraint is not None and not CONSTRAINTS[str(constraint)](span):
            return None
        kind = CueKind(str(entry.data.get("kind", CueKind.HEDGE)))
        negated = _negated(span.root) if len(span) == 1 else False
        if negated and "negated" in entry.data:
            kind = CueKind(str(entry.data["negated"]))
        return Cue(
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            kind=kind,
            type=entry.category,
            voice=article.voice_of(span.root),
            sentence=article.sentence_index(span.start),
            negated=negated,
            entry=entry.id,
        )


def _words(article: Article) -> list[tuple[int, Voice]]:
    """Sentence index and voice of each word of ``article``, in one pass over its tokens."""
    return [(index, article.voice_of(i)) for index, sentence in enumerate(article.sentences)
            for i in range(sentence.start, sentence.end) if article.is_word[i]]


def _figures(words: list[tuple[int, Voice]], cues: list[Cue], voice: Voice | None
             ) -> VoiceFigures:
    """Figures for the cues and words in ``voice`` (all of them when ``None``)."""
    mine = [cue for cue in cues if voice is None or cue.voice is voice]
    mine_words = [sentence for sentence, own in words if voice is None or own is voice]
    sentences = set(mine_words)
    hedged = {cue.sentence for cue in mine if cue.kind is CueKind.HEDGE}
    return VoiceFigures.from_counts(
        words=len(mine_words),
        sentences=len(sentences),
        hedges=sum(cue.kind is CueKind.HEDGE for cue in mine),
        boosters=sum(cue.kind is CueKind.BOOSTER for cue in mine),
        hedged_sentences=len(hedged & sentences),
    )
