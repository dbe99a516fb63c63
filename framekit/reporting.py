"""Reported speech: reporting cues, their source and the content they report.

A reporting cue is a verb of speech or cognition (*said*, *warned*, *hopes*), a
reporting noun (*claim*, *assertion*) or a phrase such as *according to*, taken
from the ``reporting`` lexicon. For each cue the dependency parse gives its
source (the grammatical subject, the possessor of a noun, the object of *according
to*) and its content (the clausal complement, or an object with its predicate as
in *called the meeting “exceptional”*).

This layer is shared: the attribution analyser builds its relations on it and
the hedging analyser uses it to tell the writer's voice from reported speech.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import attrs
from spacy.tokens import Doc, Span, Token

from framekit import english
from framekit.lexicons import LexiconEntry, LexiconMatcher
from framekit.spans import TextSpan

if TYPE_CHECKING:
    from framekit.article import Article

__all__ = ["ReportedSpeech", "find_reported_speech"]

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_CLAUSES = {"ccomp", "parataxis"}
_HUNG_ON_CUE = {"advcl", "ccomp", "parataxis", "conj", "cc", "punct"}
_PREDICATES = {"oprd", "xcomp", "ccomp", "acomp"}
#: Dependents that make an object and what follows it a small clause (*shows Clinton ahead*).
_SMALL_CLAUSE = {"advmod", "acomp", "oprd", "xcomp", "prep", "ccomp"}
#: Conjunctions of a concessive clause, the writer's counterpoint after a comma.
_CONCESSIVE = english.words("concessive_conjunctions")
#: Dashes that set off a writer's aside as a comma does (*… — a claim nobody checked*).
_DASHES = {"—", "–", "--", "―"}
_QUOTE_MARKS = set("“”\"'‘’«»„‟‹›")
_CLOSING_MARKS = {"”", "\"", "’", "'", "''", "»", "›"}
_INHERITS_SUBJECT = {"conj", "advcl", "xcomp", "acl"}
_AS = {"as", "of", "for"}
#: Prepositions by which a cue's phrase after its object completes it (*compared X to Y*).
_COMPLEMENT_PREPOSITIONS = english.words("complement_prepositions")
#: Entity labels of a time, which a phrase of the writer's gives.
_WHEN = {"DATE", "TIME"}
_FINAL = {".", "!", "?"}
_FINITE = {"VBD", "VBZ", "VBP"}
#: Dependents by which a phrase modifies a verb as an adjunct.
_ADVERBIALS = {"advcl", "prep", "npadvmod", "advmod"}
#: Dependents that are a verb's own complement, not an adjunct.
_COMPLEMENTS = {"dobj", "ccomp", "xcomp", "attr", "oprd", "dative"}
#: Conjunctions that join a second report to a first (*…, and others said …*).
_JOINING = english.words("joining_conjunctions")
#: Words at most in a label that names a speaker (*Sen. Lindsey Graham:*, *― Jane Doe*).
_MAX_LABEL = 4
#: Parts of speech that make a capitalised phrase a headline, not a speaker's label.
_NOT_IN_LABEL = {"VERB", "AUX", "DET", "ADP", "PRON", "SCONJ"}
#: Pronouns that cannot be the source of speech.
_MUTE = english.words("mute_pronouns")
_RELATIVE = english.words("relative_pronouns")
#: Objects that stand for something said before (*said so*, *said as much*).
_PROFORMS = english.words("proform_objects")
#: Verbs whose object noun carries the meaning, its source their subject (*voiced concern*).
_LIGHT_VERBS = english.words("light_verbs")
_RECEIVING = english.words("receiving_verbs")
#: Dependents that make a demonstrative a noun phrase that can speak (*those close to him*).
_MODIFIERS = {"amod", "acl", "relcl", "prep"}
#: Words that open an indirect question (*whether it would close*, *how much it cost*).
_OPEN_QUESTION = english.words("question_openers")
_YES_NO = english.words("yes_no_openers")
_MODALS = english.words("modal_auxiliaries")
_WH = {"WDT", "WP", "WP$"}
#: Entity labels of names that can speak, whatever part of speech the tagger gave them.
_NAMED = {"PERSON", "ORG", "NORP", "GPE"}
#: Dependents left out of a source's phrase; ``aux`` is the *to* of a name the
#: tagger read as a verb (*listened to Trump describe …*).
_NOT_IN_PHRASE = {"relcl", "acl", "punct", "cc", "conj", "aux"}


@attrs.frozen
class ReportedSpeech:
    """A reporting cue with the tokens of its source and of its content.

    Token ranges are ``(start, end)`` indices into the ``Doc``, end exclusive.
    """

    entry: LexiconEntry
    cue: TextSpan
    cue_tokens: tuple[int, int]
    source_tokens: tuple[int, int] | None
    content_tokens: tuple[int, int] | None
    content: TextSpan | None
    source_char: tuple[int, int] | None = None
    impersonal: bool = False
    """Whether the cue is an impersonal passive that names no source (*it was reported that*)."""
    unnamed_by: str | None = None
    """The form by which a cue other than an impersonal passive names no source:
    ``"raised_passive"`` (*The mayor is expected to resign*, *The plan is widely
    seen as a threat*) or ``"unnamed_noun"`` (*growing concerns that …*)."""
    relative: int | None = None
    """The relative pronoun standing for the source in the cue's clause (*officials who said*)."""

    @property
    def unnamed(self) -> bool:
        """Whether the cue names no source by its form (impersonal, raised, a bare noun)."""
        return self.impersonal or self.unnamed_by is not None

    @property
    def source_start(self) -> int:
        """Character offset where the source begins (the cue's when there is none)."""
        return self.source_char[0] if self.source_char else self.cue.start

    @property
    def category(self) -> str:
        """The cue's lexicon category: speech, cognition, noun or according_to."""
        return self.entry.category

    @property
    def cue_class(self) -> str:
        """The kind of attribution the cue makes: speech, thought, intention or evidence."""
        return self.class_of(self.entry)

    @staticmethod
    def class_of(entry: LexiconEntry) -> str:
        """The cue class of a lexicon entry: its ``class``, else by its category."""
        return str(entry.data.get("class") or (
            "thought" if entry.category == "cognition" else "speech"))


def find_reported_speech(
    article: Article, matcher: LexiconMatcher | None = None
) -> tuple[ReportedSpeech, ...]:
    """Find every reporting cue of ``article`` with its source and content.

    ``matcher`` matches the cues; by default the one of the article's lexicons
    (:attr:`Article.lexicons <framekit.article.Article.lexicons>`).

    Example:
        >>> from framekit import load_pipeline
        >>> from framekit.article import Article
        >>> doc = load_pipeline()("Analysts noted that Putin left Alaska with gains.")
        >>> [(r.cue.text, r.content.text) for r in find_reported_speech(Article(doc))]
        [('noted', 'that Putin left Alaska with gains')]
    """
    doc = article.doc
    found: list[ReportedSpeech] = []
    matches = list((matcher or article.lexicons.reporting_matcher)(doc))
    cues = frozenset(start for _, start, _ in matches)
    for entry, start, end in matches:
        head = doc[start]
        unnamed_by = None
        if entry.data.get("finite") and not _finite(head):
            continue
        if entry.category in {"colon", "dash"}:
            found.extend(_labelled(article, entry, start))
            continue
        if entry.category == "according_to":
            source, content = _according_to(doc[start:end])
        elif entry.category == "noun":
            source, content = _noun_source(head, article), _noun_content(head, entry)
            if content is None and source is None:
                source, content = _received(head)
            if _unnamed_claim(head, entry, source, content):
                unnamed_by = "unnamed_noun"
        elif entry.category == "attitude":
            source, content = _attitude(head, entry, article)
        elif entry.category == "in_document":
            source, content = _in_document(head, entry, article)
        elif (raised := _raised(head, entry)) is not None:
            source, content, unnamed_by = None, raised, "raised_passive"
        else:
            source = _subject(head, article, speech=ReportedSpeech.class_of(entry) == "speech")
            content = _with_coordinated(head, _verb_content(head, entry), cues)
            if entry.data.get("content") != "as":
                content = (content or _that_content(doc[start:end]) or _interrupted(head)
                           or _passive_content(head))
        if content is None and entry.category in {"attitude", "in_document"}:
            continue  # *a critical issue*, *in the city*: no cue at all
        if content is not None and _unanswered(head, doc[content[0]]):
            content = None  # *did not say whether …*: nothing was reported
        content = _with_complementizer(doc, _with_elaboration(doc, content, start))
        phrase = _phrase(source, start) if source is not None else None
        if entry.category in {"speech", "cognition"} and phrase is not None and (
                entry.data.get("content") != "as") and (
                content is None or content[1] <= min(start, phrase[0])):
            content = _content_before(doc, (start, end), phrase) or content
        found.append(
            ReportedSpeech(
                entry=entry,
                cue=article.text_span(start, end),
                cue_tokens=(start, end),
                source_tokens=phrase,
                content_tokens=content,
                content=article.text_span(*content) if content else None,
                source_char=(doc[phrase[0]].idx, doc[phrase[1] - 1].idx
                             + len(doc[phrase[1] - 1])) if phrase else None,
                impersonal=phrase is None and content is not None and _impersonal(head),
                unnamed_by=unnamed_by if content is not None else None,
                relative=_relative_pronoun(head, source),
            )
        )
    return _cut_at_coordinated_reports(doc, found)


def _cut_at_coordinated_reports(doc: Doc,
                                found: list[ReportedSpeech]) -> tuple[ReportedSpeech, ...]:
    """End each content before a coordinated clause that reports someone else.

    *Three in four said they were worried, and more than 4 in 10 said Trump
    would do best*: the first content ends before *and*; so it does before a
    second report of the same source that has no subject of its own (*said
    she was tired and predicted that …*), whatever the parser hung it on; a
    report nested in
    the content (*said that aides believe …*) stays in it, and so does all of
    a labelled answer (*PENCE: …, and I think …*), the speaker's own words.
    """
    found.sort(key=lambda item: item.cue_tokens[0])
    starts = [item.cue_tokens[0] for item in found]
    cut = []
    for item in found:
        if item.content_tokens is not None and item.category != "colon":
            left, right = item.content_tokens
            for other in found[bisect.bisect_right(starts, left) : bisect.bisect_left(starts,
                                                                                      right)]:
                begin = other.cue_tokens[0] if _subjectless(doc[other.cue_tokens[0]]) else min(
                    other.cue_tokens[0], (other.source_tokens or other.cue_tokens)[0])
                joint = begin - 1
                if joint > left and doc[joint].dep_ == "cc" and doc[joint].lower_ in _JOINING:
                    bounds = _trim(doc, left, joint)
                    if bounds is not None:
                        item = attrs.evolve(item, content_tokens=bounds,
                                            content=TextSpan.of(doc[bounds[0] : bounds[1]]))
                    break
        cut.append(item)
    return tuple(cut)


def _attitude(adjective: Token, entry: LexiconEntry, article: Article
              ) -> tuple[Token | None, tuple[int, int] | None]:
    """Source and content of a predicative adjective of attitude: *She is sure it will pass*.

    The adjective complements a copula (*is*, *seemed*, *became*), whose subject
    is the source; its content is the clause or infinitive it governs (*are
    worried that …*, *is eager to run*), or the object of one of its entry's
    ``prepositions`` (*was critical of the deal*), not a pronoun.
    """
    if adjective.dep_ != "acomp":
        return None, None
    clauses = [c for c in adjective.children if c.i > adjective.i and (
        c.dep_ == "ccomp" or (c.dep_ == "xcomp" and _to_infinitive(c)))]
    objects = _objects_of_prepositions(adjective, entry)
    return _subject(adjective.head, article), _clause((clauses or objects)[:1], adjective)


def _in_document(preposition: Token, entry: LexiconEntry, article: Article
                 ) -> tuple[Token | None, tuple[int, int] | None]:
    """Source and content of a document a clause is found in: *In the latest poll, X leads*.

    The object of the preposition, one document named by a noun of the entry's
    ``nouns`` (*poll*, *survey*, *report*), is the source; the clause it
    modifies, without the phrase, is the content. Plural documents (*leads in
    the polls*) are the writer's summary, not a source; a clause whose verb is a
    cue of its own (*In a report, the agency said …*) is that cue's report; a
    relative clause (*who leads in a new poll*) is part of a noun phrase.
    """
    document = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    clause = preposition.head
    if (document is None or document.lemma_.lower() not in entry.data.get("nouns", ())
            or document.tag_ != "NN" or clause.dep_ == "relcl"
            or clause.pos_ not in {"VERB", "AUX"} or clause.lemma_ in article.lexicons.cue_lemmas
            or not any(c.dep_ in _SUBJECTS for c in clause.children)):
        return None, None
    return document, _clause_without(clause, preposition)


def _finite(verb: Token) -> bool:
    """Whether ``verb`` is finite or has an auxiliary: *discussed*, *is discussing*.

    Not an infinitive or participle that is the bare complement of another
    verb (*began discussing*, *not authorized to discuss*).
    """
    return verb.tag_ in _FINITE or any(c.dep_ in {"aux", "auxpass"} and c.lower_ != "to"
                                       for c in verb.children)


def _to_infinitive(verb: Token) -> bool:
    """Whether ``verb`` is a to-infinitive: *(vowed) to keep fighting*."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def _objects_of_prepositions(head: Token, entry: LexiconEntry) -> list[Token]:
    """The objects of ``head``'s prepositions of ``entry`` after it, not pronouns.

    *was critical of the deal*, *criticism of the plan*, *support for the bill*.
    """
    return [g for c in head.children if c.dep_ == "prep" and c.i > head.i
            and c.lower_ in entry.data.get("prepositions", ())
            for g in c.children if g.dep_ in {"pobj", "pcomp"} and g.pos_ != "PRON"]


def _raised(verb: Token, entry: LexiconEntry) -> tuple[int, int] | None:
    """The content of a raised passive: *The mayor is expected to resign*.

    A passive cue of thought with no agent, whose subject is the subject of an
    infinitive or a predicate after it (*is thought to be*, *is widely seen as
    a threat*, *is considered the favourite*), or one of speech with an
    infinitive (*is said to be*, *is reported to have*), reports the whole
    clause, its subject and cue included, and names no source. A passive of
    speech with a predicate is mostly another sense (*was admitted as*, *is
    observed as*); the subject of a cue with an addressee (*was told to
    leave*) is who was told, not part of what was said.
    """
    cue_class = ReportedSpeech.class_of(entry)
    thought = cue_class == "thought"
    if (verb.tag_ != "VBN" or entry.data.get("addressee") or cue_class not in {"speech", "thought"}
            or not any(c.dep_ == "auxpass" for c in verb.children)
            or any(c.dep_ == "agent" for c in verb.children)):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    predicate = next((c for c in verb.children if c.i > verb.i and (
        (c.dep_ == "xcomp" and _to_infinitive(c))
        or (thought and (c.dep_ in {"oprd", "attr"} or (c.dep_ == "prep"
                                                         and c.lower_ == "as"))))), None)
    if subject is None or predicate is None or subject.lower_ in _MUTE or subject.i > verb.i:
        return None
    return _trim(verb.doc, subject.left_edge.i, predicate.right_edge.i + 1)


def _with_coordinated(verb: Token, content: tuple[int, int] | None,
                      cues: frozenset[int]) -> tuple[int, int] | None:
    """Widen a content over a predicate coordinated after it: *said she was safe and left*.

    The parser often hangs a second predicate of the content on the cue
    instead; without a subject of its own and not a report itself (see
    :func:`_cut_at_coordinated_reports`), it goes on with what was reported,
    as PolNeAR marks it.
    """
    if content is None or content[0] <= verb.i or not any(
            c.dep_ in {"ccomp", "xcomp"} and content[0] <= c.i < content[1]
            for c in verb.children):
        return content  # an object's cue does something else after it (*praised X and left*)
    doc = verb.doc
    left, right = content
    for conj in sorted((c for c in verb.children if c.dep_ == "conj" and c.i >= right),
                       key=lambda c: c.i):
        joint = [t for t in doc[right : conj.left_edge.i] if not t.is_space]
        if (conj.i in cues or conj.pos_ not in {"VERB", "AUX"}
                or any(c.dep_ in _SUBJECTS for c in conj.children)
                or len(joint) != 1 or joint[-1].dep_ != "cc"
                or doc[conj.left_edge.i - 1].i != joint[-1].i
                or not _same_sentence(verb, conj)):
            break
        right = conj.right_edge.i + 1
    return _trim(doc, left, right)


def _with_elaboration(doc: Doc, content: tuple[int, int] | None,
                      cue: int) -> tuple[int, int] | None:
    """Widen a content that a colon ends over what the colon introduces.

    *notes that three things are happening at once: prices rise, …*: what
    follows the colon in the same paragraph spells out the reported clause.
    """
    if content is None or content[0] <= cue or content[1] + 1 >= len(doc):
        return content
    colon = doc[content[1]]
    if colon.text != ":" or _breaks_line(colon) or _breaks_line(doc[colon.i + 1]):
        return content
    end = doc[colon.i + 1].sent.end
    stop = next((t.i for t in doc[colon.i + 1 : end] if _breaks_line(t)), end)
    return _trim(doc, content[0], stop)


def _subjectless(verb: Token) -> bool:
    """Whether a coordinated verb has no subject of its own: *… and predicted that …*."""
    return verb.dep_ == "conj" and verb.pos_ == "VERB" and not any(
        c.dep_ in _SUBJECTS for c in verb.children)


def _with_complementizer(doc: Doc, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """Widen ``content`` to the *that* which opens it: *said that the deal is off*.

    The complementizer belongs to the complement clause the cue governs, as
    PARC and PolNeAR mark it; a content that is a quotation (*said that “…”*)
    stays the quotation.
    """
    if content is None or content[0] == 0 or doc[content[0]].text in _QUOTE_MARKS:
        return content
    that = doc[content[0] - 1]
    if that.lower_ == "that" and that.dep_ == "mark" and content[0] <= that.head.i < content[1]:
        return that.i, content[1]
    return content


def _impersonal(verb: Token) -> bool:
    """Whether a cue is an impersonal passive: *It was reported that …*, *it is believed …*."""
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children) and any(
        c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children)


def _unanswered(verb: Token, first: Token) -> bool:
    """Whether a negated cue leaves an open question: *did not say whether it would close*.

    A question the source did not answer is no content: the writer reports an
    absence (as with *declined to comment*), and no relation is made.
    """
    return any(c.dep_ == "neg" for c in verb.children) and (
        first.lower_ in _OPEN_QUESTION or first.tag_ in _WH)


def _content_before(doc: Doc, cue: tuple[int, int],
                    source: tuple[int, int]) -> tuple[int, int] | None:
    """The content of a cue that closes its sentence: *…, the source added*; *…, said X*.

    When the source and cue (in either order) follow a comma and only the
    cue's adjuncts come after them, the content is the whole sentence before
    that comma, whatever the parser made of it (a coordination it split, a
    clause it hung elsewhere).
    """
    first, last = min(cue[0], source[0]), max(cue[1], source[1])
    sentence = doc[first].sent
    if first - 1 <= sentence.start or doc[first - 1].text != ",":
        return None
    between = doc[min(cue[1], source[1]) : max(cue[0], source[0])]
    if any(t.pos_ in {"VERB", "AUX"} or t.is_punct for t in between):
        return None
    for token in doc[last : sentence.end]:
        if token.text == "," and token.i + 1 < len(doc) and (
                source[0] <= doc[token.i + 1].head.i < source[1]
                or source[0] <= doc[token.i + 1].head.head.i < source[1]):
            break  # *said Priya Natarajan, who runs a bakery*: the source's own clause
        if token.pos_ in {"VERB", "AUX"} or token.dep_ in _COMPLEMENTS or (
                token.is_punct and token.text not in _FINAL and token.text not in _QUOTE_MARKS):
            return None  # *Clearly, nobody wants a war*: the cue has a complement of its own
    content = _trim(doc, sentence.start, first - 1)
    if content is None or not any(t.pos_ in {"VERB", "AUX"} for t in doc[content[0] : content[1]]):
        return None  # what is reported is a clause
    if _adverbial_of(doc, content, cue[0]):
        return None  # *When the time came, the city backed down*: the writer's framing
    return content


def _adverbial_of(doc: Doc, span: tuple[int, int], cue: int) -> bool:
    """Whether the phrases of ``span`` all modify the cue: its adverbial clause, not its content."""
    heads = [t for t in doc[span[0] : span[1]] if not span[0] <= t.head.i < span[1]
             and not (t.is_punct or t.is_space or t.pos_ == "CCONJ")]
    return bool(heads) and all(t.head.i == cue and t.dep_ in _ADVERBIALS for t in heads)


def _labelled(article: Article, entry: LexiconEntry, at: int) -> Iterator[ReportedSpeech]:
    """A speaker named by a label, not a verb: *WALLACE: …*, *Pence: …*, *“…” ― Name*.

    A colon after a label of at most :data:`_MAX_LABEL` capitalised words that opens
    a paragraph reports the rest of the paragraph (headline and lead attributions,
    interview transcripts); a dash right after a closing quotation mark names the
    speaker of that quotation in the capitalised words after it.
    """
    doc = article.doc
    if entry.category == "colon":
        start = at
        while start > 0 and at - start <= _MAX_LABEL and not _breaks_line(doc[start - 1]):
            start -= 1
        while start < at and doc[start].text in _QUOTE_MARKS:  # "WALLACE: …" quoted whole
            start += 1
        label = doc[start:at]
        end = _label_content_end(article, start, at)
        content = _trim(doc, at + 1, end)
        if (not 0 < len(label) <= _MAX_LABEL or content is None or content[1] - content[0] < 2
                or label.text.lower() in entry.data.get("not_labels", ())
                or not all(t.text[:1].isupper() or t.is_punct for t in label)
                or label[0].is_punct or any(t.pos_ in _NOT_IN_LABEL for t in label)):
            return
        source: tuple[int, int] = (start, at)
    else:
        before = doc[at - 1] if at else None
        if before is None or before.text not in _CLOSING_MARKS:
            return
        first = at + 1
        while first < len(doc) and doc[first].is_space and not _breaks_line(doc[first]):
            first += 1
        end = first
        while (end < len(doc) and end - first <= _MAX_LABEL and not _breaks_line(doc[end])
               and doc[end].text not in {",", "(", ".", ";"}):
            end += 1
        if end == first or not doc[first].text[:1].isupper():
            return
        source, content = (first, end), None
    yield ReportedSpeech(
        entry=entry, cue=article.text_span(at, at + 1), cue_tokens=(at, at + 1),
        source_tokens=source, content_tokens=content,
        content=article.text_span(*content) if content else None,
        source_char=(doc[source[0]].idx, doc[source[1] - 1].idx + len(doc[source[1] - 1])))


def _label_content_end(article: Article, start: int, colon: int) -> int:
    """Where the answer after a speaker's label ends: its paragraph's end, or a later one's.

    A transcript that quotes each answer whole in AP style (*"PENCE: …* with
    no closing mark at the paragraph's end, the next paragraph opening with
    the same mark, *"But …*) runs on over those paragraphs, up to the next
    label or note.
    """
    doc = article.doc
    mark = doc[start - 1].text if start and doc[start - 1].text in _QUOTE_MARKS else None
    end = colon + 1
    while True:
        while end < len(doc) and not _breaks_line(doc[end]):
            end += 1
        following = end + 1 if end < len(doc) and doc[end].is_space else end
        while following < len(doc) and doc[following].is_space:
            following += 1
        last = _trim(doc, colon + 1, end)
        if (mark is None or following + 1 >= len(doc) or doc[following].text != mark
                or last is None or doc[last[1] - 1].text in _CLOSING_MARKS
                or _opens_with_label(doc, following + 1)):
            return end
        end = following + 1


def _opens_with_label(doc: Doc, at: int) -> bool:
    """Whether the paragraph at ``at`` opens with a speaker's label or a note (*(APPLAUSE)*)."""
    if doc[at].text == "(":
        return True
    colon = next((i for i in range(at, min(at + _MAX_LABEL + 1, len(doc)))
                  if doc[i].text == ":" or _breaks_line(doc[i])), None)
    return colon is not None and colon > at and doc[colon].text == ":" and all(
        t.text[:1].isupper() or t.is_punct for t in doc[at:colon])


def _breaks_line(token: Token) -> bool:
    """Whether ``token`` is or ends with a line break (a paragraph's edge)."""
    return "\n" in token.text or "\n" in token.whitespace_


def _subject(verb: Token, article: Article, *, speech: bool = True) -> Token | None:
    """The subject of ``verb``, inherited through coordination and participles.

    A subject inside a quotation the cue is not in, or a pronoun that cannot
    speak (*it*, *this*), is passed over for the subject of the governing verb;
    a relative pronoun (*who*) stands for the noun its clause modifies; a verb
    without a subject of its own after a noun (*listened to Trump describe*)
    takes that noun. A passive participle (*Asked whether …, the minister
    said*) inherits no subject: the one asked is not the one asking; the one
    *quoted as saying* is the source, not who quoted them. A participle of a
    cue of ``speech`` after a noun (*a statement announcing …*) has that noun
    for source; one of intention (*a policy urging …*) does not.
    """
    quoted = article.in_quotation(verb)
    reported = _quoted_as_saying(verb)
    if reported is not None:
        return reported
    # a participle after a preposition (*before asking*, *by announcing*) shares the subject
    climbs = _INHERITS_SUBJECT | ({"ccomp", "pcomp", "prep"} if verb.tag_ == "VBG" else set())
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:  # *was first reported by the Courier*: the agent, not the subject
        return next((c for c in agent.children if c.dep_ == "pobj"), None)
    modified = False  # climbed over an adjective: *it is worth noting* names no one
    for _ in range(6):
        # the nearest subject first: *LONDON (Reuters) - Trump said*, a dateline before it
        for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
            if article.in_quotation(child) and not quoted:
                continue
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
            if child.dep_ not in _SUBJECTS:
                continue
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head
            speaking_it = not modified and child.lower_ == "it" and child.dep_ == "nsubj" and (
                verb.tag_ in {"VBZ", "VBD"} or any(c.dep_ == "aux" for c in verb.children))
            if child.lower_ not in _MUTE or speaking_it or any(
                    c.dep_ in _MODIFIERS for c in child.children):
                return child  # *It says the campaign broke the law*: a document speaks
        if verb.head.pos_ in {"NOUN", "PROPN"} and (verb.dep_ == "relcl" or (
                speech and verb.dep_ == "acl" and verb.tag_ == "VBG")):
            return verb.head  # *a statement announcing …*: the noun the participle is of
        before = verb.doc[verb.i - 1] if verb.i else None
        if (before is not None and (before.pos_ == "PROPN" or before.ent_type_ in _NAMED)
                and not article.in_quotation(before)):
            return before
        # *was able to tout*, *stopped short of calling*: the adjective or adverb the
        # cue's phrase hangs on passes the subject of its verb on
        if (verb.dep_ not in climbs and not (verb.pos_ in {"ADJ", "ADV"}
                                             and verb.dep_ in {"acomp", "advmod"})) \
                or verb.head.i == verb.i or _passive_participle(verb):
            return None
        modified = modified or verb.pos_ in {"ADJ", "ADV"}
        verb = verb.head
    return None


def _relative_pronoun(verb: Token, source: Token | None) -> int | None:
    """The index of the relative pronoun by which ``verb``'s clause names ``source``.

    *officials who said …*: the source is the officials, and in the cue's own
    clause it is *who*, the mention PARC and PolNeAR mark.
    """
    for _ in range(6):
        if source is None or verb.head.i == verb.i:
            return None
        if verb.dep_ == "relcl" and verb.head.i == source.i:
            pronoun = next((c for c in verb.children
                            if c.dep_ in _SUBJECTS and c.lower_ in _RELATIVE), None)
            return pronoun.i if pronoun is not None else None
        if verb.dep_ not in _INHERITS_SUBJECT:
            return None
        verb = verb.head
    return None


def _quoted_as_saying(verb: Token) -> Token | None:
    """*Peskov was quoted by Interfax as saying …*: the one quoted, not the agency."""
    passive = verb.head.head
    if (verb.dep_ == "pcomp" and verb.head.lower_ == "as"
            and passive.lemma_ in english.words("quoting_verbs")):
        return next((c for c in passive.children if c.dep_ == "nsubjpass"), None)
    return None


def _passive_participle(verb: Token) -> bool:
    """Whether ``verb`` is a passive participle whose inherited subject does not speak.

    *Asked whether he would resign, the minister said no*: the minister is asked.
    """
    return verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acl"} and not any(
        c.dep_ == "aux" for c in verb.children)


def _that_clause(head: Token) -> bool:
    """Whether ``head`` heads a finite clause introduced by *that* (a claim's content)."""
    return head.left_edge.lower_ == "that" or any(
        c.dep_ == "mark" and c.lower_ == "that" for c in head.children)


def _noun_source(noun: Token, article: Article) -> Token | None:
    """Who made a claim: its possessor, its agent, or the subject of a light verb.

    *his claim*, *a claim by the union*, *the senator voiced criticism of …*.
    """
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if noun.dep_ == "dobj" and noun.head.lemma_ in _LIGHT_VERBS:
        return _subject(noun.head, article)
    return None


def _received(noun: Token) -> tuple[Token | None, tuple[int, int] | None]:
    """Who received a stance, and from whom: *The plan has drawn criticism from rivals*.

    A reporting noun that is the object of a verb of receiving
    (:data:`_RECEIVING`) is about that verb's subject, and made by the object
    of *from* (after the noun or the verb); without a *from* there is no source.
    """
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_ not in _RECEIVING:
        return None, None
    source = next((g for c in (*noun.children, *verb.children)
                   if c.dep_ == "prep" and c.lower_ == "from" and c.i > noun.i
                   for g in c.children if g.dep_ == "pobj"), None)
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < verb.i
                and c.lower_ not in _MUTE and c.lower_ not in _RELATIVE]
    if source is None or not subjects:
        return None, None
    return source, _clause(subjects[:1], noun)


def _unnamed_claim(noun: Token, entry: LexiconEntry, source: Token | None,
                   content: tuple[int, int] | None) -> bool:
    """Whether a reporting noun reports a claim that no one is named as making.

    *the warnings that the showdown was fruitless*, *amid suggestions that …*: a
    noun of speech with a *that* clause and no source of its own. Not one that is
    the object of a verb (*had assurances that …*, *embraced the idea that …*),
    whose subject holds the claim without having made it, nor a noun of thought
    or intention (*the idea that …*), which is as often the writer's own.
    """
    return (source is None and content is not None and noun.dep_ != "dobj"
            and ReportedSpeech.class_of(entry) == "speech"
            and noun.doc[content[0] - 1].lower_ == "that")


def _noun_content(noun: Token, entry: LexiconEntry) -> tuple[int, int] | None:
    """What a reporting noun reports: a *that* clause, else an infinitive or a phrase.

    *the claim that taxes rose*; a noun whose entry says ``"infinitive": true``
    reports its to-infinitive (*her plan to run*); one with ``"prepositions"``
    reports the object of one of them (*his criticism of the plan*, *their
    support for the bill*), unless that is a pronoun.
    """
    # a relative clause whose *that* is a mark, not a pronoun, is a content the parser misread
    clauses = [c for c in noun.children if (c.dep_ in {"acl", "ccomp"} and _that_clause(c)) or (
        c.dep_ == "relcl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))]
    if clauses:
        return _clause(clauses, noun)
    if entry.data.get("infinitive"):
        infinitives = [c for c in noun.children
                       if c.dep_ == "acl" and c.i > noun.i and _to_infinitive(c)]
        if infinitives:
            return _clause(infinitives[:1], noun)
    return _clause(_objects_of_prepositions(noun, entry)[:1], noun)


def _verb_content(verb: Token, entry: LexiconEntry) -> tuple[int, int] | None:
    """The content of a reporting verb: its clause, or its object with a predicate.

    Clauses after the cue are preferred to clauses before it, so that an
    earlier clause the parser hung on the verb is not taken for its content.
    Verbs whose lexicon entry says ``"content": "object"`` (*expressed relief
    that …*) report their object; those whose entry says ``"infinitive"``
    report their infinitive (*vowed to keep fighting*).
    """
    clauses = [c for c in verb.children if (c.dep_ in _CLAUSES or _asked(entry, verb, c))
               and _same_sentence(verb, c)]
    after = [c for c in clauses if c.i > verb.i]
    if entry.data.get("content") == "as":  # *sees Cruz as a uniter*, not *sees that …*
        clauses = after = []
    elif not clauses and (proform := _proform(verb)) is not None:
        # its own words only, not an adjunct the parser hung on it (*as much in an interview*)
        end = min([c.i for c in proform.children if c.dep_ == "prep" and c.i > proform.i
                   and c.lower_ != "of"],
                  default=proform.right_edge.i + 1)
        return _trim(verb.doc, proform.left_edge.i, end)
    if after or clauses or (entry.category == "cognition" and entry.data.get("content") != "as"):
        return _clause(after or clauses, verb)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if (quoted := _quoted_predicate(verb, objects)) is not None:
        return quoted
    if entry.data.get("content") == "any":
        return _stance(verb, objects, addressee=bool(entry.data.get("addressee")),
                       named=ReportedSpeech.class_of(entry) == "intention")
    if not objects or entry.data.get("content") == "infinitive":  # *plans a review*: no content
        infinitives = [c for c in verb.children
                       if c.dep_ == "xcomp" and c.i > verb.i and _to_infinitive(c)]
        if entry.data.get("realis") and _modal(verb):
            return None  # *will agree to end the war*: an agreement foreseen, not made
        return _clause(infinitives, verb) if entry.data.get("content") == "infinitive" else None
    if objects[0].tag_ in _WH:  # *what he called …*: the object is the clause's own
        return _what_called(verb, objects[0])
    if entry.data.get("class") == "evidence":
        return _small_clause(verb, objects[0])
    predicates = [c for c in verb.children if c.i > objects[0].i and (
        c.dep_ in _PREDICATES or (c.dep_ == "prep" and c.lower_ in _AS))]
    if predicates:
        return _clause([objects[0], *predicates], verb)
    if entry.data.get("content") == "object":
        return _with_complements(verb, _clause(objects, verb)) if _reportable(objects[0]) \
            else None
    if any(c.dep_ == "prep" and c.lower_ in _AS for c in objects[0].children):
        return _clause(objects, verb)
    return None


def _modal(verb: Token) -> bool:
    """Whether a modal auxiliary makes ``verb`` a possibility: *will agree*, *could agree*."""
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)


def _asked(entry: LexiconEntry, verb: Token, clause: Token) -> bool:
    """Whether ``clause`` is the question of a cue of asking the parser took for an adverbial.

    *asked the mayor if she had been warned*: a clause opened by *if* or
    *whether* after a cue whose entry says ``"questions": true``.
    """
    return bool(entry.data.get("questions")) and clause.dep_ == "advcl" and clause.i > verb.i \
        and any(c.dep_ == "mark" and c.lower_ in _YES_NO for c in clause.children)


def _quoted_predicate(verb: Token, objects: list[Token]) -> tuple[int, int] | None:
    """An object and the quoted name a cue gives it, which the parser split or merged.

    *called his players “the best team in the league”* parsed as an apposition
    to the object, or *called her rival “third-rate”* as one predicate with no
    object: the quotation marks show a name the source gave, so the object
    and its predicate are what was reported.
    """
    doc = verb.doc
    if objects:
        thing = objects[0]
        named = [c for c in thing.children if c.dep_ == "appos" and c.i > thing.i
                 and doc[c.left_edge.i - 1].text in _QUOTE_MARKS]
        return _clause([thing], verb) if named and thing.i > verb.i else None
    predicates = [c for c in verb.children if c.dep_ == "oprd" and c.i > verb.i]
    if predicates and any(t.text in _QUOTE_MARKS for t in predicates[0].subtree) and (
            predicates[0].left_edge.text not in _QUOTE_MARKS):
        return _clause(predicates[:1], verb)
    return None


def _proform(verb: Token) -> Token | None:
    """An object that stands for what was said before.

    *said so*, *said as much* (not *did not say much*), *has said the same
    thing*, *thinks otherwise*.
    """
    return next((c for c in verb.children if c.i > verb.i and c.dep_ in {"dobj", "advmod"}
                 and ((c.lower_ in _PROFORMS and (c.lower_ != "much" or any(
                     a.lower_ == "as" for a in c.children))) or (c.dep_ == "dobj" and any(
                     t.lower_ in _PROFORMS and t.dep_ == "amod" for t in c.children)))), None)


def _what_called(verb: Token, what: Token) -> tuple[int, int] | None:
    """The content of a cue in a free relative: *investigated what officials called a crime*.

    The relative word and the predicate the cue gives it (*what … a crime*);
    the source and cue between them are left out of its parts as of any
    content a cue interrupts. Without a predicate (*what he said*) there is none.
    """
    predicates = [c for c in verb.children if c.i > verb.i and (
        c.dep_ in _PREDICATES or c.dep_ in {"dobj", "attr"}
        or (c.dep_ == "prep" and c.lower_ == "as"))]
    if what.i > verb.i or what.lower_ != "what" or not predicates:
        return None
    return _trim(verb.doc, what.i, max(p.right_edge.i for p in predicates) + 1)


def _with_complements(verb: Token, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """Widen an object content over the cue's complements right after it.

    *compared the plan to a tax*, *criticized the bill for its cost*, *proposed
    funds to help states*: a phrase of the cue's own preposition
    (:data:`_COMPLEMENT_PREPOSITIONS`) or its to-infinitive completes what was
    reported; a time (*on Tuesday*), a place or any phrase after a comma is
    the writer's.
    """
    if content is None:
        return None
    left, right = content
    doc = verb.doc
    following = sorted((c for c in verb.children if c.i >= right), key=lambda c: c.i)
    for child in following:
        if child.left_edge.i != right or not _completes(child):
            break
        right = _before_aside(doc, right, child.right_edge.i + 1)
    return _trim(doc, left, right)


def _completes(child: Token) -> bool:
    """Whether a dependent of a cue after its object is its complement, not an adjunct."""
    if child.dep_ == "prep":
        objects = [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
        return child.lower_ in _COMPLEMENT_PREPOSITIONS and bool(objects) and not any(
            g.ent_type_ in _WHEN for g in objects)
    return child.dep_ in {"advcl", "xcomp"} and any(
        a.dep_ == "aux" and a.lower_ == "to" and a.i == child.left_edge.i for a in child.children)


def _small_clause(verb: Token, thing: Token) -> tuple[int, int] | None:
    """What data show of someone: *a poll shows Clinton ahead*, *… Trump leading*.

    An object with a predicate of its own after it; a bare object (*the
    study found 31 cases*) is no finding that framekit reports.
    """
    after = [c for c in verb.children if c.i > thing.i and c.dep_ in _SMALL_CLAUSE]
    if not after and not any(c.dep_ == "acl" and c.tag_ == "VBG" for c in thing.children):
        return None
    return _clause([thing, *after], verb)


def _reportable(thing: Token) -> bool:
    """Whether an object can be what was reported: not a *wh*-word or a scare-quoted noun.

    *announced his resignation*, *praised the deal*, and, as PARC and PolNeAR
    mark them, the party a stance is about (*criticised Trump*, *praised her*).
    """
    return thing.tag_ not in _WH and not _quoted_noun(thing)


def _quoted_noun(thing: Token) -> bool:
    """Whether an object is (a determiner and) a quoted name: *rejected the “review”*.

    The marks are the writer's distance from the word, a scare quote, not the
    words of the one who rejected it.
    """
    doc = thing.doc
    words = [t for t in thing.subtree if t.dep_ not in {"det", "poss"}]
    first, last = words[0].i, words[-1].i
    closing = doc[last] if doc[last].text in _QUOTE_MARKS else (
        doc[last + 1] if last + 1 < len(doc) else None)
    return doc[first].text in _QUOTE_MARKS and closing is not None and (
        closing.text in _QUOTE_MARKS)


def _stance(verb: Token, objects: list[Token], *, addressee: bool = False,
            named: bool = False) -> tuple[int, int] | None:
    """What a cue of intention or stance reports: its infinitive, else its object.

    *wants to run*, *supports the bill*, *called for a ban* (the object of the
    cue's own preposition). The object of a verb with an ``addressee`` (*urged
    residents*, *asked reporters*) is who was addressed, content only with the
    infinitive that follows it (*urged residents to stay indoors*). With
    ``named``, a named object is content too: a stance can be taken towards
    a party (*supports Clinton*, *endorsed the senator*), not towards a pronoun.
    """
    infinitives = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
    after = [c for c in objects if c.i > verb.i]
    if infinitives:  # *urged supporters to monitor polling places*: who is to do what
        return _clause([*after[:1], infinitives[0]], verb)
    if addressee:
        return None
    if not after:
        after = [g for c in verb.children if c.dep_ == "prep" and c.i == verb.i + 1
                 for g in c.children if g.dep_ in {"pobj", "pcomp"}]
    return _with_complements(verb, _clause(after[:1], verb)) if after and _reportable(
        after[0]) and after[0].pos_ != "PRON" and (named or after[0].ent_type_ not in _NAMED
                                                   ) else None


def _passive_content(verb: Token) -> tuple[int, int] | None:
    """The content of a passive cue with its agent: *The story was first reported by the Post*.

    The passive subject is what was reported (or endorsed, or supported); the
    agent, taken as the source by :func:`_subject`, is who did it.
    """
    if not any(c.dep_ == "agent" for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ != "PRON"]
    return _clause(subjects[:1], verb)


def _interrupted(verb: Token) -> tuple[int, int] | None:
    """The clause a cue set off by commas interrupts: *The deal, she said, is off*.

    Its whole extent, the cue included, as for a quotation split around its cue.
    """
    clause, doc = verb.head, verb.doc
    # the cue with its subject and its own phrases, not a clause the parser hung on it
    # (*To see the city, the mayor said, one should walk*)
    own = [c for c in verb.children if c.dep_ not in _HUNG_ON_CUE]
    left = min([verb.i, *(t.left_edge.i for t in own)])
    right = max([verb.i, *(t.right_edge.i for t in own)])
    # the parser may hang either comma on the clause, not on the cue
    if doc[left].text != "," and left > 0:
        left -= 1
    if doc[right].text != "," and right + 1 < len(doc):
        right += 1
    while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
        clause = clause.head  # *The problem now, she told me, is that …*: hung on a noun
    start = min(clause.left_edge.i, verb.left_edge.i)
    end = max(clause.right_edge.i, verb.right_edge.i)
    if (verb.dep_ != "parataxis" or clause.pos_ not in {"VERB", "AUX"}
            or doc[left].text != "," or doc[right].text != ","
            or not start < left < right < end):
        return None
    return _trim(doc, start, end + 1)


def _same_sentence(verb: Token, clause: Token) -> bool:
    """Whether no sentence-final mark stands between ``verb`` and ``clause``.

    The parser sometimes hangs the next sentence on a reporting verb
    (*…, he wrote in a post on X. Bondarev struck a less optimistic tone.*).
    """
    doc = verb.doc
    low, high = sorted((verb.i, clause.left_edge.i if clause.i > verb.i else clause.right_edge.i))
    return not any(token.text in _FINAL or _ends_sentence(token) for token in doc[low:high])


def _ends_sentence(token: Token) -> bool:
    """Whether a token with a glued full stop ends a sentence (*a post on X.* *Former …*)."""
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return (len(token) == 2 and token.text[0].isupper() and token.text[1] == "."
            and following is not None and following.is_title and not following.is_sent_start
            and following.pos_ != "PROPN")


def _that_content(cue: Span) -> tuple[int, int] | None:
    """Content the parser missed: *noted in a call with reporters that …*.

    After the cue and any prepositional phrases that follow it, a *that* (or a
    colon) opens the content, which runs to the end of the sentence.
    """
    sentence = cue.sent
    i = cue.end
    while i < sentence.end and (cue.doc[i].dep_ == "prep" or (cue.doc[i].head.i >= cue.end
                                and cue.doc[i].lower_ not in {"that", ":"}
                                and cue.doc[i].pos_ in {"ADP", "DET", "NOUN", "PROPN", "ADJ",
                                                        "ADV", "NUM", "PRON"}
                                and i - cue.end < 12)):
        i += 1
    if i < sentence.end and cue.doc[i].lower_ in {"that", ":"}:
        return _trim(cue.doc, i + 1, sentence.end)
    return None


def _according_to(phrase: Span) -> tuple[Token | None, tuple[int, int] | None]:
    according = phrase[0]
    to = phrase[-1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is not None:  # *…, according to the survey.*: the whole sentence before it
        before = _content_before(phrase.doc, (phrase.start, phrase.end),
                                 (source.left_edge.i, source.right_edge.i + 1))
        if before is not None:
            return source, before
    clause = according.head if according.head.i != according.i else None
    if clause is None:
        return source, None
    return source, _clause_without(clause, according)


def _clause_without(clause: Token, phrase: Token) -> tuple[int, int] | None:
    """The tokens of ``clause`` without ``phrase`` at its start or end (*according to X*)."""
    bounds = _trim(clause.doc, clause.left_edge.i, clause.right_edge.i + 1)
    if bounds is None:
        return None
    left, right = bounds
    own = phrase.left_edge.i, phrase.right_edge.i + 1
    if own[0] <= left:
        left = own[1]
    elif own[1] >= right:
        right = own[0]
    return _trim(clause.doc, left, right)


def _clause(heads: Iterable[Token], cue: Token | None = None) -> tuple[int, int] | None:
    """The tokens of the phrases under ``heads``, kept on their side of ``cue``."""
    heads = list(heads)
    if not heads:
        return None
    left = min(h.left_edge.i for h in heads)
    right = max(h.right_edge.i for h in heads) + 1
    doc = heads[0].doc
    if cue is not None and heads[0].i > cue.i:
        left = max(left, cue.i + 1)
        right = _before_aside(doc, left, right)
    elif cue is not None:
        right = min(right, cue.i)
    return _trim(doc, left, right)


def _before_aside(doc: Doc, left: int, right: int) -> int:
    """Where content ends before a closing aside of the writer's.

    A comma followed by a phrase that runs to the end of the content and is an
    apposition (*…, a remark seen as …*), a non-restrictive relative clause
    (*…, which Russia seized …*) or a participle clause (*…, asking …*) is
    the writer's comment, not part of what was reported; so is a clause of
    its own after a semicolon (*…; they only learned of it on Friday*).
    """
    for comma in range(left + 1, right - 1):
        if doc[comma].text == ";" and _opens_clause(doc, comma + 1, right):
            return comma
        if doc[comma].text != "," and doc[comma].text not in _DASHES:
            continue
        aside = doc[comma + 1]
        while aside.head.i != aside.i and aside.head.left_edge.i == comma + 1 \
                and aside.head.i < right:
            aside = aside.head
        if aside.right_edge.i < right - 1 or aside.left_edge.i != comma + 1:
            continue
        if ((aside.dep_ == "appos" and not _listed(aside))
                or (aside.dep_ == "relcl" and aside.left_edge.tag_ in _WH)
                or (aside.dep_ in {"advcl", "acl"} and aside.tag_ == "VBG")
                or (aside.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE
                                                  for c in aside.children))
                or _summary(aside)):
            return comma
    return right


def _opens_clause(doc: Doc, at: int, right: int) -> bool:
    """Whether a clause with a subject of its own starts at ``at``: *…; they only learned …*."""
    heads = [t for t in doc[at:right] if not at <= t.head.i < right or t.head.i == t.i]
    return any(t.pos_ in {"VERB", "AUX"} and any(c.dep_ in _SUBJECTS for c in t.children)
               for t in heads)


def _listed(head: Token) -> bool:
    """Whether a phrase taken for an apposition goes on a list: *on Israel, the deal and taxes*.

    A coordination inside it makes the phrase the next items of a list the
    content goes on with, not the writer's comment on the word before it.
    """
    children = {c.dep_ for c in head.children}
    return "conj" in children and "cc" in children


def _trim(doc: Doc, left: int, right: int) -> tuple[int, int] | None:
    """Drop a leading *that*, and punctuation other than quotation marks, at both ends."""
    def loose(token: Token) -> bool:
        return token.is_space or (token.is_punct and token.text not in _QUOTE_MARKS)

    while left < right and (loose(doc[left]) or (doc[left].dep_ == "mark"
                                                  and doc[left].lower_ == "that")):
        left += 1
    while right > left and loose(doc[right - 1]):
        right -= 1
    return (left, right) if left < right else None


def _summary(head: Token) -> bool:
    """Whether a phrase is an indefinite noun summing up the clause before it.

    *…, a remark seen as a threat*; *…, a claim Kyiv denied*: whatever the
    parser made of it, an indefinite noun with a clause of its own after a
    comma comments on what came before.
    """
    return (head.pos_ == "NOUN" and head.left_edge.lower_ in {"a", "an"}
            and any(c.dep_ in {"acl", "relcl"} for c in head.children))


def _phrase(head: Token, cue: int) -> tuple[int, int]:
    """The token range of the noun phrase headed by ``head`` on its side of the cue.

    Relative clauses (also those of a noun inside it: *two people close to her
    who spoke on condition of anonymity*), coordinated phrases and anything the
    parser hung on the phrase across the cue are left out.
    """
    inside = [head, *(t for c in head.children if c.dep_ not in _NOT_IN_PHRASE
                      for t in c.subtree)]
    inside = [t for t in inside if (t.i < cue) == (head.i < cue)]
    clauses = [t for t in inside if t.dep_ == "relcl" and t.i != head.i]
    if clauses:
        cut = min(t.left_edge.i for t in clauses)
        inside = [t for t in inside if t.i < cut] or [head]
    return min(t.i for t in inside), max(t.i for t in inside) + 1
