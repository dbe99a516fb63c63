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

import json
from collections import Counter
from collections.abc import Callable, Mapping
from enum import StrEnum
from functools import cache
from importlib import resources

import attrs
from spacy.tokens import Span, Token

from framekit import english
from framekit.article import Article
from framekit.layers import Lexicons
from framekit.lexicons import Lexicon, LexiconEntry, LexiconMatcher
from framekit.pipeline import BaseAnalyser
from framekit.registry import register
from framekit.results import Result, freeze
from framekit.spans import TextSpan
from framekit.views import Mark, Panel, Table
from framekit.voice import Voice

__all__ = [
    "CONSTRAINTS",
    "Cue",
    "CueKind",
    "CueType",
    "HedgingAnalyser",
    "HedgingResult",
    "Voice",
    "VoiceFigures",
    "cue_types",
]


class CueKind(StrEnum):
    """Whether a cue lowers or raises the speaker's commitment."""

    HEDGE = "hedge"
    BOOSTER = "booster"


@attrs.frozen
class CueType:
    """One type of the hedging taxonomy (``lexicons/hedge_types.json``).

    Attributes:
        name: the type's name, a cue's :attr:`Cue.type`.
        kind: whether cues of this type hedge or boost.
        meaning: what a cue of this type does to the proposition.
        examples: cues of this type.
        negated: the type a cue takes when negation turns its kind over, if any.
    """

    name: str
    kind: CueKind
    meaning: str
    examples: tuple[str, ...]
    negated: str | None = None


@cache
def cue_types() -> Mapping[str, CueType]:
    """The types of framekit's hedging taxonomy by name, hedges first.

    Example:
        >>> types = cue_types()
        >>> types["doxastic"].meaning
        'the proposition is believed, expected, hoped or feared, not known'
        >>> types["certainty_predicate"].negated
        'epistemic_probable'
    """
    source = resources.files("framekit.lexicons").joinpath("hedge_types.json")
    raw = json.loads(source.read_text(encoding="utf-8"))["types"]
    return freeze({item["name"]: CueType(item["name"], CueKind(item["kind"]), item["meaning"],
                                         tuple(item["examples"]), item.get("negated"))
                   for item in raw})


@attrs.frozen
class Cue(TextSpan):
    """One hedge or booster in the text.

    Besides the :class:`~framekit.spans.TextSpan` of the cue as written:

    Attributes:
        kind: hedge or booster.
        type: the cue type (:func:`cue_types`), the lexicon entry's category or,
            when negation turns the cue over, the type it becomes (*not sure* is
            ``epistemic_probable``).
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


#: A context constraint: whether a match, in the article it stands in, is a cue.
Constraint = Callable[[Span, Article], bool]


def _negated(token: Token) -> bool:
    """Whether a negation before ``token`` scopes over it (*not likely*, *isn't clear*).

    A diminisher counts as one (*less sure*, *hardly certain*), and so does a
    negative subject of the cue or of the predicate it is (*no one doubts*,
    *nobody is sure*; but *no referendum could pass* is still a possibility and
    in *clearly, nobody wants war* the negation is under the adverb). A negation after the
    cue is under the cue's scope instead (*obviously not*, *likely won't*) and
    leaves it as it is.
    """
    heads = [token]
    if token.dep_ in {"acomp", "advmod", "attr", "oprd", "amod", "aux", "xcomp", "ccomp"}:
        heads.append(token.head)
    for head in heads:
        for child in head.children:
            if child.i < token.i and (child.dep_ == "neg" or (
                    child.dep_ == "advmod" and child.lower_ in _words_of("diminishers"))):
                return True
            if (head is token or token.dep_ in {"acomp", "attr", "oprd"}) and token.tag_ != "MD" \
                    and child.dep_ in {"nsubj", "nsubjpass"} and (
                    child.lower_ in _words_of("negative_subjects")
                    or any(c.dep_ == "det" and c.lower_ == "no" for c in child.children)):
                return True
    return token.i > 0 and token.doc[token.i - 1].lower_ in _words_of("negators")


def _complement(span: Span, article: Article) -> bool:
    """*it appears that*, *appeared to be*, *seems unlikely*, *seems like*.

    Not *appeared on TV*, nor *it appears in several films*.
    """
    children = list(span.root.children)
    return any(
        child.dep_ in {"xcomp", "ccomp", "acomp", "oprd", "attr"}
        or (child.dep_ == "prep" and child.lower_ in _words_of("likeness_prepositions"))
        or (child.dep_ == "conj" and child.i > span.root.i
            and any(c.lower_ == "to" and c.dep_ == "aux" for c in child.children))
        for child in children)


def _adjective_complement(span: Span, article: Article) -> bool:
    return any(child.dep_ in {"acomp", "oprd"} for child in span.root.children)


def _attributive(span: Span, article: Article) -> bool:
    return span.root.dep_ in {"amod", "compound", "nmod"}


def _predicative(span: Span, article: Article) -> bool:
    return span.root.dep_ in {"acomp", "attr", "oprd", "ROOT", "ccomp", "conj"} and \
        span.root.head.lemma_ in english.words("copulas") | {span.root.lemma_}


def _clausal(span: Span, article: Article) -> bool:
    return _extracted(span) or any(
        child.dep_ in {"ccomp", "xcomp"} and child.pos_ in {"VERB", "AUX"}
        for child in span.root.children) or any(
        child.dep_ == "prep" and child.lower_ == "like" for child in span.root.children)


def _first_person_clausal(span: Span, article: Article) -> bool:
    subjects = [c.lower_ for c in span.root.children if c.dep_ == "nsubj"]
    return bool(subjects) and subjects[0] in {"i", "we"} and _clausal(span, article)


def _before_number(span: Span, article: Article) -> bool:
    following = span.doc[span.end : span.end + 2]
    return any(token.like_num or token.pos_ == "NUM" for token in following[:1]) or (
        len(following) == 2 and following[0].pos_ in {"DET", "SYM"} and following[1].like_num)


def _modifier(span: Span, article: Article) -> bool:
    return span.end < len(span.doc) and span.doc[span.end].pos_ in {"ADJ", "ADV", "VERB"}


def _not_negated(span: Span, article: Article) -> bool:
    return not _negated(span.root)


def _not_after_ask(span: Span, article: Article) -> bool:
    return span.start == 0 or span.doc[span.start - 1].lemma_ not in _words_of("asking_verbs")


def _impersonal_subject(span: Span, article: Article) -> bool:
    """*The findings indicate that …*, *this implies …*; not *he implied that …*.

    Evidence that points somewhere hedges the writer's claim; a person who
    indicates something is reporting it, which attribution covers.
    """
    subjects = [c for c in span.root.children if c.dep_ in {"nsubj", "csubj"}]
    return bool(subjects) and not any(
        subject.lower_ in _words_of("person_pronouns") or subject.pos_ == "PROPN"
        or subject.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
        or subject.lemma_.lower() in article.lexicons.source_categories
        for subject in subjects)


def _passive_complement(span: Span, article: Article) -> bool:
    """*is considered one of the best*, *is considered sacred*; not *is being considered*."""
    children = list(span.root.children)
    return span.root.tag_ == "VBN" and any(c.dep_ in {"nsubjpass", "auxpass"} for c in children) \
        and any(c.dep_ in {"oprd", "attr", "acomp", "xcomp"} for c in children)


def _vague_source(span: Span, article: Article) -> bool:
    """A plural or generic source noun that is the subject of a reporting verb, with no name."""
    noun = span.root
    if noun.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    if any(t.pos_ == "PROPN" or t.ent_type_ in {"PERSON", "ORG"} for t in noun.subtree):
        return False
    return noun.head.lemma_ in article.lexicons.cue_lemmas


@cache
def _words_of(key: str) -> frozenset[str]:
    """A closed class of words from ``lexicons/hedge_context.json`` (``"condition_markers"``…)."""
    source = resources.files("framekit.lexicons").joinpath("hedge_context.json")
    return frozenset(json.loads(source.read_text(encoding="utf-8"))[key])


def _reporting_verbs(lexicons: Lexicons) -> frozenset[str]:
    """Verbs of speech and thought of the ``reporting`` lexicon, and the other past governors."""
    return lexicons.speech_lemmas | _words_of("past_governors")


def _clause_head(verb: Token) -> Token:
    """The first verb of a coordination (*said it would rise and* **would** *fall*)."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _past(verb: Token) -> bool:
    return verb.tag_ in {"VBD", "VBN"} or any(
        child.dep_ in {"aux", "auxpass"} and child.tag_ == "VBD" for child in verb.children)


def _question_if(token: Token) -> bool:
    """*if* opening an embedded yes/no question (*asked if*, *wonder if*), not a condition."""
    governor = token.head.head if token.head.dep_ in {"ccomp", "xcomp", "dobj"} else None
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (governor is not None and governor.lemma_.lower() in _words_of("question_verbs")) or (
        before is not None and before.lemma_.lower() in _words_of("question_verbs"))


def _inverted_condition(token: Token) -> bool:
    """*had he been president*, *should he survive*, *were it to fail*: a condition by inversion."""
    if token.lower_ not in _words_of("inversion_modals"):
        return False
    head = token.head if token.dep_ in {"aux", "auxpass"} else token
    subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
    if not subjects or subjects[0].i < token.i or token.sent[-1].text == "?":
        return False
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    if before is not None and before.lower_ in _words_of("negative_inversion"):
        return False  # *nor had he*, *only then had she*: inversion after a negative
    return head.dep_ != "ROOT"


def _conditioned(verb: Token) -> bool:
    """Whether the sentence of ``verb`` sets a condition (*if*, *unless*, *had he*, *without*)."""
    clause = _clause_head(verb)
    for token in verb.sent:
        if token.lower_ in _words_of("condition_markers") and not _question_if(token):
            return True
        if token.dep_ in {"aux", "auxpass", "ROOT", "advcl"} and _inverted_condition(token):
            return True
        if token.lower_ in _words_of("condition_prepositions") and token.head in {verb, clause} \
                and token.i < verb.i:
            return True
    return False


def _future_in_the_past(verb: Token, lexicons: Lexicons) -> bool:
    """*said it* **would** *extend the bid*: the content of a past verb of speech or thought."""
    clause = _clause_head(verb)
    reporting = _reporting_verbs(lexicons)
    if clause.dep_ in {"ccomp", "xcomp"}:
        governor = _clause_head(clause.head)
        if governor.lemma_.lower() in reporting and (
                _past(governor) or (governor.tag_ == "VBG" and _past(governor.head))):
            return True
    return any(child.dep_ == "parataxis" and child.lemma_.lower() in reporting
               and _past(child) for child in clause.children)


def _hypothetical(span: Span, article: Article) -> bool:
    """*would* of a hypothesis or counterfactual, not of a future in the past or a habit.

    *If talks fail, prices would rise* and *the war would not have occurred had he
    been president* keep it; *she said she would attend*, *he would often walk home*,
    *would rather*, *would like* and *would-be* drop it.
    """
    modal = span.root
    doc = modal.doc
    if modal.i + 1 < len(doc) and doc[modal.i + 1].lower_ in _words_of("volitional_after_would"):
        return False
    verb = modal.head if modal.dep_ == "aux" else modal
    if _conditioned(verb):
        return True
    if _negated_after(verb) and verb.lemma_.lower() in _words_of("refusal_verbs"):
        return False  # *the company would not comment*: a refusal
    if _past_narrative(modal) or any(
            (child.dep_ in {"advmod", "npadvmod"} and child.lower_ in _words_of("habitual_adverbs"))
            or (child.dep_ == "npadvmod" and any(c.lower_ in {"every", "each"}
                                                  for c in child.children))
            for child in verb.children) or (
            verb.lemma_ in _words_of("narrative_verbs")
            and any(child.lower_ == "on" for child in verb.children)):
        return False
    return not _future_in_the_past(verb, article.lexicons)


def _negated_after(verb: Token) -> bool:
    return any(child.dep_ == "neg" for child in verb.children)


def _past_narrative(modal: Token) -> bool:
    """Another verb of the sentence in the past tense: *would* tells what came later."""
    return any(token.tag_ == "VBD" and token.i != modal.i for token in modal.sent)


def _possibility(span: Span, article: Article) -> bool:
    """*could* of possibility, not of (past) ability or inability.

    *Talks could collapse* keeps it; *could not agree*, *could be reached for
    comment*, *so that he could work* drop it.
    """
    modal = span.root
    verb = modal.head if modal.dep_ == "aux" else modal
    if _negated(modal) or _negated_after(verb):
        return False
    if verb.dep_ == "advcl" and any(child.lower_ in {"so", "that"} and child.dep_ == "mark"
                                    for child in verb.children):
        return False
    times = _words_of("time_conjunctions")
    if any(child.dep_ == "advcl" and _past(child)
           and any(c.dep_ == "advmod" and c.lower_ in times for c in child.children)
           for child in verb.children):
        return False  # *he could swim when he was six*: an ability in the past
    passive = any(child.dep_ == "auxpass" for child in verb.children)
    return not (passive and verb.lemma_.lower() in _words_of("ability_verbs"))


def _not_permission(span: Span, article: Article) -> bool:
    """*may* of possibility, not of permission (*you may leave now*; but *you may find that…*)."""
    modal = span.root
    verb = modal.head if modal.dep_ == "aux" else modal
    addressee = any(child.dep_ == "nsubj" and child.lower_ == "you" for child in verb.children)
    return not (addressee and verb.lemma_.lower() not in _words_of("stative_verbs"))


def _expectation_should(span: Span, article: Article) -> bool:
    """*should* of expectation (*the move should improve liquidity*), not of obligation.

    The subject is a thing or an event, not a person or an institution, and the verb
    is active: *prices should rise*, not *officials should resign*, *the law should
    be changed*.
    """
    modal = span.root
    verb = modal.head if modal.dep_ == "aux" else modal
    if _inverted_condition(modal) or any(child.dep_ == "auxpass" for child in verb.children):
        return False
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    return bool(subjects) and not any(
        subject.lower_ in _words_of("person_pronouns") or subject.pos_ == "PROPN"
        or subject.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
        or subject.lemma_.lower() in article.lexicons.source_categories for subject in subjects)


def _seeming_like(span: Span, article: Article) -> bool:
    """*it looks like the West wants war*, *what looked like the inevitable*.

    An appearance of a state of affairs, not of a person's looks (*he looked like a
    general*).
    """
    verb = span.root
    subjects = [child.lower_ for child in verb.children if child.dep_ == "nsubj"]
    like = span.doc[span.start + 1]
    clause = any(child.pos_ in {"VERB", "AUX"} for child in like.children) or \
        any(child.dep_ in {"ccomp", "advcl"} and child.i > like.i for child in verb.children)
    return clause or bool(set(subjects) & _words_of("impersonal_subjects"))


def _condition_by_inversion(span: Span, article: Article) -> bool:
    """*should he survive*, *had he been president*: an inverted conditional clause."""
    return _inverted_condition(span.root)


def _non_past_clause(span: Span, article: Article) -> bool:
    """*until Iraq pays*, *until the level is reached*: a condition on what has not happened."""
    verb = span.root.head
    return span.root.dep_ == "mark" and not _past(verb) and verb.tag_ != "VBG"


def _expectation(span: Span, article: Article) -> bool:
    """*expect* with what is expected (*expects margins of 10%*, *is expected to rise*).

    Not in a comparison (*faster than expected*), nor bare (*the expected gain*, *the sale
    was expected*).
    """
    verb = span.root
    if span.start > 0 and span.doc[span.start - 1].lower_ in _words_of("comparison_before"):
        return False
    return any(child.dep_ in {"dobj", "ccomp", "xcomp", "oprd", "attr"} for child in verb.children)


def _doxastic_complement(span: Span, article: Article) -> bool:
    """*consider him the best*, *is regarded as*, *is believed to be*, not *consider the offer*."""
    children = list(span.root.children)
    return any(child.dep_ in {"oprd", "ccomp", "xcomp", "attr", "acomp"}
               or (child.dep_ == "prep" and child.lower_ == "as") for child in children)


def _noun_complement(span: Span, article: Article) -> bool:
    """*the belief that*, *fears that*, *belief in*: a noun with what is believed."""
    noun = span.root
    return any(
        (child.dep_ in {"acl", "ccomp", "appos"} and any(
            (c.dep_ == "mark" or c.pos_ == "SCONJ") and c.lower_ in {"that", "whether", "if"}
            for c in child.children))
        or (child.dep_ == "prep" and child.lower_ in {"in", "about"})
        for child in noun.children) or (
        span.end < len(span.doc) and span.doc[span.end].lower_ == "that"
        and span.doc[span.end].dep_ == "mark")


def _finite_clause(span: Span, article: Article) -> bool:
    """*hope that it holds*, *hopes the deal could happen*: a finite clause, not *hope to win*."""
    return _extracted(span) or any(
        child.dep_ == "ccomp" and child.pos_ in {"VERB", "AUX"} and (
            child.tag_ in {"VBD", "VBZ", "VBP", "MD"}
            or any(c.dep_ in {"nsubj", "nsubjpass", "expl", "aux"} and c.lower_ != "to"
                   for c in child.children))
        for child in span.root.children)


def _extracted(span: Span) -> bool:
    """*a deal which Zelensky* **hopes** *could happen*: a belief verb read as a subject.

    The clause lost its subject to a relative pronoun, and the parser takes the
    verb of belief for the clause's subject.
    """
    verb = span.root
    return verb.dep_ == "nsubj" and verb.tag_ in {"VBZ", "VBD", "VBP"} \
        and verb.head.pos_ in {"VERB", "AUX"}


def _epistemic_possible(span: Span, article: Article) -> bool:
    """*it is possible that*, *peace is possible*, *a possible link*.

    Not *made possible*, *as soon as possible*, *the best possible*, *it is possible to
    travel*: what can be done, not what may be true.
    """
    adjective = span.root
    doc = adjective.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in _words_of("circumstance_openers"):
        return False
    if adjective.head.lemma_ == "make" or (before is not None and before.tag_ in {"JJS", "RBS"}):
        return False
    if adjective.dep_ in {"amod", "compound", "nmod"}:
        return not any(c.lower_ in _words_of("exhaustive_determiners") or c.tag_ in {"JJS"}
                       for c in adjective.head.children if c.i < adjective.i)
    head = adjective.head if adjective.dep_ != "ROOT" else adjective
    return adjective.dep_ in {"acomp", "attr", "ROOT", "conj"} and not any(
        child.dep_ == "xcomp" and any(c.lower_ == "to" for c in child.children)
        for child in list(head.children) + list(adjective.children))


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
    "hypothetical": _hypothetical,
    "possibility": _possibility,
    "not_permission": _not_permission,
    "expectation_should": _expectation_should,
    "seeming_like": _seeming_like,
    "condition_by_inversion": _condition_by_inversion,
    "non_past_clause": _non_past_clause,
    "expectation": _expectation,
    "doxastic_complement": _doxastic_complement,
    "noun_complement": _noun_complement,
    "finite_clause": _finite_clause,
    "epistemic_possible": _epistemic_possible,
    "question_if": lambda span, article: _question_if(span.root),
    "condition_if": lambda span, article: not _question_if(span.root),
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
        [('may', 'epistemic_possible', 'author'), ('likely', 'epistemic_probable', 'quoted')]
        >>> [c.text for c in result.boosters]
        ['Obviously']
        >>> result.hedges[1].negated
        True
    """

    name = "hedging"
    result_type = HedgingResult

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or Lexicon.load("hedges")
        from framekit._errors import LexiconError

        unknown = {str(e.data["when"]) for e in self.lexicon if "when" in e.data} - set(CONSTRAINTS)
        if unknown:
            raise LexiconError(f"unknown 'when' constraints in the lexicon: {sorted(unknown)}")
        astray = sorted(e.id for e in self.lexicon if "otherwise" in e.data and (
            e.data["otherwise"] not in self.lexicon or e.data["otherwise"] == e.id))
        if astray:
            raise LexiconError(f"entries whose 'otherwise' names no other entry: {astray}")
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
        if constraint is not None and not CONSTRAINTS[str(constraint)](span, article):
            otherwise = entry.data.get("otherwise")
            return None if otherwise is None else self._cue(article, self.lexicon[otherwise], span)
        kind = CueKind(str(entry.data.get("kind", CueKind.HEDGE)))
        negated = _negated(span.root) if len(span) == 1 else False
        cue_type = entry.category
        if negated and "negated" in entry.data:
            kind = CueKind(str(entry.data["negated"]))
            known = cue_types().get(cue_type)
            cue_type = known.negated if known is not None and known.negated else cue_type
        if kind is CueKind.BOOSTER and _in_question(span):
            return None  # a question asserts nothing for a booster to raise (*is it clear?*)
        return Cue(
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            kind=kind,
            type=cue_type,
            voice=article.voice_of(span.root),
            sentence=article.sentence_index(span.start),
            negated=negated,
            entry=entry.id,
        )


def _in_question(span: Span) -> bool:
    """Whether ``span`` stands in a direct question (its sentence ends with a question mark)."""
    ending = [token for token in span.root.sent if not token.is_space][-2:]
    return any(token.text == "?" for token in ending)


def _words(article: Article) -> dict[Voice | None, list[int]]:
    """The sentence index of each word of ``article``, by voice (``None``: all), in one pass."""
    voices, is_word = article.voices, article.is_word
    by_voice: dict[Voice | None, list[int]] = {voice: [] for voice in Voice}
    for index, sentence in enumerate(article.sentences):
        for i in range(sentence.start, sentence.end):
            if is_word[i]:
                by_voice[voices[i]].append(index)
    by_voice[None] = [index for voice in Voice for index in by_voice[voice]]
    return by_voice


def _figures(words: dict[Voice | None, list[int]], cues: list[Cue], voice: Voice | None
             ) -> VoiceFigures:
    """Figures for the cues and words in ``voice`` (all of them when ``None``)."""
    mine = [cue for cue in cues if voice is None or cue.voice is voice]
    mine_words = words[voice]
    sentences = set(mine_words)
    hedged = {cue.sentence for cue in mine if cue.kind is CueKind.HEDGE}
    return VoiceFigures.from_counts(
        words=len(mine_words),
        sentences=len(sentences),
        hedges=sum(cue.kind is CueKind.HEDGE for cue in mine),
        boosters=sum(cue.kind is CueKind.BOOSTER for cue in mine),
        hedged_sentences=len(hedged & sentences),
    )
