"""Speakers: who a source mention refers to, under one canonical name.

An article names a person in many ways: *US President Donald Trump*, *Trump*,
*the US president*, *he*. Three small classes, one job each, gather what the
article says of its sources, once per article:

* :class:`People`, the **people** it names: spaCy's ``PERSON`` entities
  grouped by surname, with the fullest form as canonical name (*Donald
  Trump*), every later proper-noun mention of that surname, whatever label the
  entity recogniser gave it, and the **roles** the article gives each person:
  the title before a name (*Kremlin adviser Yuri Ushakov*) and appositions
  (*Peskov, the Kremlin spokesman*; *Putin's spokesman, Dmitry Peskov*);
* :class:`Organisations`, the **organisations**: ``ORG`` entities, with
  acronyms joined to their long form (*IAEA* to *International Atomic Energy
  Agency*);
* :class:`SourceNouns`, what the ``sources`` lexicon says of a word (a role,
  a title, a source noun, an institution).

:class:`SpeakerResolver` then resolves a source mention, in this order: a name
in the mention; a personal pronoun, to the nearest person named or described
before it; a definite description (*the US president*, *the Russian leader*), to the most recently
mentioned person whose role fits it; an institutional description (*the UN
nuclear watchdog*), to the organisation named just before; a thing that
speaks for someone named (*a report by the World Bank*), to them; a source noun
without a name, as **anonymous** when it is anchored (*one observer*,
*officials in Kyiv*, *a senior official*) or **vague** when it is not
(*analysts*, *critics*, *some*). Anything else keeps its own words as name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
from spacy.tokens import Span, Token

from framekit import english
from framekit.gender import Gender, GenderEstimator

if TYPE_CHECKING:
    from framekit.article import Article
    from framekit.layers import Lexicons

__all__ = ["Organisations", "People", "Person", "SourceNouns", "Speaker", "SpeakerResolver",
           "SpeakerType"]

from enum import StrEnum


class SpeakerType(StrEnum):
    """What kind of source a speaker is."""

    PERSON = "person"
    """A named person."""
    ORGANISATION = "organisation"
    """A named organisation, institution, government or country."""
    ANONYMOUS = "anonymous"
    """An unnamed but specific individual or group: "one observer", "officials in Kyiv"."""
    VAGUE = "vague"
    """A weasel source: "analysts", "critics", "some say"."""


@attrs.frozen
class Speaker:
    """A resolved speaker: canonical name, type, and the role the article gives it.

    Attributes:
        name: the fullest name the article uses (*Donald Trump*), or for an
            unnamed source the mention's own words (*one observer*).
        type: person, organisation, anonymous or vague.
        role: the title or description the article gives the speaker
            (*Kremlin adviser*, *head of the Ukraine Forum …*), if any.
    """

    name: str
    type: SpeakerType
    role: str | None = None


_PRONOUN_GENDER = {**dict.fromkeys(english.words("male_pronouns"), Gender.MALE),
                   **dict.fromkeys(english.words("female_pronouns"), Gender.FEMALE)}
_PERSONAL = frozenset(_PRONOUN_GENDER)
#: Pronouns that stand for a thing or an institution, not a person.
_NEUTER = english.words("neuter_pronouns")
_ENTITY_ORGS = {"ORG", "GPE", "NORP"}
_INITIAL = re.compile(r"[A-Z]\.")
_NAME_EDGE = re.compile(r"^[\W_]+|(?:['’]s)?[\W_]+$")
#: Equivalent spellings of modifiers in descriptions (*US*/*American*).
_SAME = english.spellings()
_COUNTRIES = frozenset(_SAME.values())
#: Sentences back a pronoun looks for an unnamed person described as a subject.
_RECENT = 2


def _key(text: str) -> str:
    return _SAME.get(text.lower(), text.lower())


@attrs.frozen
class Person:
    """A person an article names: the fullest form of the name, and the roles given."""

    name: str
    roles: tuple[str, ...]


class SourceNouns:
    """The ``sources`` lexicon as speaker resolution reads it: a word's category, titles.

    Example:
        >>> from framekit import load_pipeline
        >>> from framekit.layers import Lexicons
        >>> doc = load_pipeline()("Mr Smith and the analysts")
        >>> nouns = SourceNouns(Lexicons.default())
        >>> nouns.is_title(doc[0]), nouns.category(doc[4])
        (True, 'source')
    """

    def __init__(self, lexicons: Lexicons) -> None:
        self._words = lexicons.source_categories
        self._titles = lexicons.titles

    def category(self, token: Token) -> str | None:
        """The category of ``token``'s lemma or word: role, title, source, institution."""
        return self._words.get(token.lemma_.lower()) or self._words.get(token.lower_)

    def is_title(self, token: Token) -> bool:
        """Whether ``token`` is a word written before names (*Mr*, *President*)."""
        return token.lower_.rstrip(".") in self._titles or token.lemma_.lower() in self._titles


class People:
    """The people one article names, with their names, roles, mentions and genders.

    spaCy's ``PERSON`` entities are grouped by surname, the fullest form the
    canonical name; every later proper-noun mention of that surname counts,
    whatever label the entity recogniser gave it.

    Example:
        >>> from framekit import load_pipeline
        >>> from framekit.article import Article
        >>> article = Article(load_pipeline()("Kremlin adviser Yuri Ushakov spoke. Ushakov left."))
        >>> people = People(article, SourceNouns(article.lexicons))
        >>> people.by_key["ushakov"]
        Person(name='Yuri Ushakov', roles=('Kremlin adviser',))
    """

    def __init__(self, article: Article, nouns: SourceNouns, *,
                 gender: GenderEstimator | None = None) -> None:
        self.article = article
        self.doc = article.doc
        self.nouns = nouns
        self.gender = gender

    @cached_property
    def _names(self) -> dict[str, list[str]]:
        """Every form of each named person's name, by surname key."""
        names: dict[str, list[str]] = {}
        for entity in self.doc.ents:
            if entity.label_ != "PERSON" and not (
                    entity.label_ == "ORG" and self._has_personal_role(entity.root)):
                continue
            words = self._name_words(entity)
            if words:
                names.setdefault(_key(words[-1]), []).append(" ".join(words))
        keys, of_token = self._text_keys
        places = {keys[of_token[i]] for i in self._tokens_keyed(names) if _is_place(self.doc[i])}
        return {key: forms for key, forms in names.items()
                if key not in places or any(" " in form for form in forms)}

    @cached_property
    def by_key(self) -> dict[str, Person]:
        """Each named person by surname key, with canonical name and roles."""
        roles: dict[str, list[str]] = {}
        for token in self._name_tokens(self._names):
            role = self.role_of(token)
            if role:
                roles.setdefault(_key(token.text), []).append(role)
        return {key: Person(max(forms, key=lambda f: (len(f.split()), len(f))),
                             tuple(dict.fromkeys(roles.get(key, ()))))
                for key, forms in self._names.items()}

    def _has_personal_role(self, name: Token) -> bool:
        """Whether a name is in apposition with a role noun (*X, head of the forum*)."""
        nouns = [c for c in name.children if c.dep_ == "appos"]
        if name.dep_ == "appos":
            nouns.append(name.head)
        return any(self.nouns.category(noun) == "role" for noun in nouns)

    def _name_words(self, entity: Span) -> list[str]:
        """The proper-noun words of a ``PERSON`` entity, without titles, roles or possessive.

        A role noun the recogniser took into the name opens it (*Spokeswoman
        Maria Alvarez* at a sentence's start): it is a role, not a name.
        """
        tokens = list(entity)
        while tokens and self.nouns.category(tokens[0]) == "role" and len(tokens) > 1:
            tokens = tokens[1:]
        words = [_NAME_EDGE.sub("", t.text) for t in tokens
                 if t.pos_ == "PROPN" and not self.nouns.is_title(t)]
        return [w for w in words if w and w[0].isupper()]

    def _name_tokens(self, names: Iterable[str]) -> list[Token]:
        return [token for i in self._tokens_keyed(set(names))
                if _proper(token := self.doc[i]) and not self.article.in_quotation(token)]

    @cached_property
    def _text_keys(self) -> tuple[list[str], np.ndarray[Any, np.dtype[np.intp]]]:
        """The key of each distinct token text, and by token the index of its text's key."""
        texts, of_token = self.article.distinct("ORTH")
        return [_key(text) for text in texts], of_token

    def _tokens_keyed(self, keys: Collection[str]) -> list[int]:
        """Indices of the tokens whose text's key is one of ``keys``."""
        texts, of_token = self._text_keys
        chosen = np.fromiter((key in keys for key in texts), dtype=np.bool_, count=len(texts))
        return np.flatnonzero(chosen[of_token]).tolist()

    @cached_property
    def _mentions(self) -> tuple[list[int], list[str]]:
        """Token index and surname key of every person mention outside quotations, in order."""
        tokens = [t for t in self._name_tokens(self.by_key)
                  if t.i + 1 >= len(self.doc) or _key(self.doc[t.i + 1].text) not in self.by_key]
        return [t.i for t in tokens], [_key(t.text) for t in tokens]

    @cached_property
    def _keys(self) -> list[str | None]:
        """The surname key of each token that names a known person, else ``None``."""
        names = self._names
        texts, of_token = self.article.distinct("ORTH")
        found = [key if text[:1].isupper() and (key := _key(_NAME_EDGE.sub("", text))) in names
                 else None for text in texts]
        return [found[index] for index in of_token.tolist()]

    def key_of(self, token: Token) -> str | None:
        """The surname key of the person ``token`` names, if it names one."""
        return self._keys[token.i]

    def keys_in(self, start: int, end: int) -> set[str]:
        """The surname keys of the people named by tokens ``start`` to ``end``."""
        return {key for key in self._keys[start:end] if key}

    def role_of(self, name: Token) -> str | None:
        """The title before a name, or an apposition beside it."""
        for child in name.children:
            if child.dep_ == "appos" and child.pos_ in {"NOUN", "PROPN"} \
                    and self.key_of(child) is None:
                return _text(child, skip_det=False)
        if name.dep_ == "appos" and name.head.pos_ == "NOUN" and self.nouns.category(name.head):
            head = name.head
            left = min((c.left_edge.i for c in head.children if c.i < head.i), default=head.i)
            return self.doc[left : head.i + 1].text
        if name.dep_ == "conj" and self.key_of(name.head) is not None:
            name = name.head  # *Presidents Donald Trump and Volodymyr Zelensky*
        return self._title_before(name)

    def _title_before(self, name: Token) -> str | None:
        """The words right before a name that describe its bearer (*Kremlin adviser*).

        A plural title shared by coordinated names is given in the singular.
        """
        doc = self.doc
        end = name.i
        while end > 0 and doc[end - 1].pos_ == "PROPN" and not self.nouns.is_title(doc[end - 1]) \
                and self.nouns.category(doc[end - 1]) != "role" \
                and doc[end - 1].ent_type_ == name.ent_type_ and doc[end - 1].ent_iob_ != "O":
            end -= 1  # first names
        start = end
        while start > 0 and (self._describes(doc[start - 1]) or (
                start > 1 and doc[start - 1].lower_ == "of"
                and self.nouns.is_title(doc[start - 2]))):
            start -= 1  # *Secretary of State*
        words = doc[start:end]
        while len(words) and (words[-1].dep_ == "case" or words[-1].is_punct):
            words = words[:-1]
        if not any(t.pos_ == "NOUN" or self.nouns.is_title(t) or t.ent_type_ in {"ORG", "GPE"}
                   or self.nouns.category(t) == "role" for t in words):
            return None  # adjectives alone (*a frustrated Trump*) are no role
        last = words[-1]
        if last.tag_ in {"NNS", "NNPS"} and self.nouns.is_title(last):
            return f"{doc[words.start : last.i].text_with_ws}{last.lemma_.title()}"
        return words.text

    def _describes(self, token: Token) -> bool:
        if token.pos_ in {"VERB", "AUX", "PUNCT", "ADP", "DET", "CCONJ"} and token.dep_ != "case":
            return False
        if _INITIAL.fullmatch(token.text) or self.key_of(token) is not None or (
                token.ent_type_ == "PERSON" and self.nouns.category(token) != "role"):
            return False
        return (self.nouns.is_title(token) or token.ent_type_ in _ENTITY_ORGS
                or token.dep_ in {"case", "compound", "amod", "nmod"})

    def nearest(self, before: int, fits: set[str] | None = None,
                        exclude: set[str] | frozenset[str] = frozenset()) -> tuple[int, str] | None:
        """Token index and surname key of the last fitting person mentioned before ``before``."""
        positions, keys = self._mentions
        index = bisect.bisect_left(positions, before) - 1
        while index >= 0:
            key = keys[index]
            if (fits is None or key in fits) and key not in exclude:
                return positions[index], key
            index -= 1
        return None

    @cached_property
    def described(self) -> list[int]:
        """Token index of each unnamed person described as a subject (*the mayor said*)."""
        subjects = set(self.article.tokens_where("DEP", {"nsubj", "nsubjpass"}.__contains__))
        nouns = (self.doc[i] for i in self.article.tokens_where("TAG", "NN".__eq__)
                 if i in subjects)
        return [t.i for t in nouns if self.nouns.category(t) in {"role", "source"}
                and not self.article.in_quotation(t)
                and not any(self.key_of(c) is not None for c in t.subtree)]

    @cached_property
    def _genders(self) -> dict[str, Gender]:
        """Each named person's gender where a title tells it (*Mr.*, *Mrs.*), or the estimate."""
        genders: dict[str, Gender] = {}
        for key, person in self.by_key.items():
            titles = {w.lower().rstrip(".") for role in person.roles for w in role.split()}
            if titles & english.words("male_titles"):
                genders[key] = Gender.MALE
            elif titles & english.words("female_titles"):
                genders[key] = Gender.FEMALE
            elif self.gender is not None and (
                    guess := self.gender(person.name)) in {Gender.FEMALE, Gender.MALE}:
                genders[key] = guess
        return genders

    def disagreeing(self, pronoun: Token) -> set[str]:
        """People a pronoun cannot stand for: *she* is not a man the article named."""
        wanted = _PRONOUN_GENDER.get(pronoun.lower_)
        return {key for key, gender in self._genders.items() if wanted and gender != wanted}

    def fitting(self, head: Token) -> set[str]:
        """Surname keys of people whose roles fit a description's head and modifiers.

        A role fits when it holds the head noun and every modifier (*the
        Russian president*: *Russian President*); failing that, when it holds
        the head noun and names no other country (*President* fits *the US
        president*, *Russian President* does not).
        """
        wanted = {_key(c.text) for c in head.children
                  if c.dep_ in {"compound", "amod", "nmod"} and c.lower_ not in {"former"}}
        strict, loose = set(), set()
        for key, person in self.by_key.items():
            for role in person.roles:
                words = {_key(w) for w in re.findall(r"[\w.]+", role)}
                if head.lemma_.lower() not in {w.rstrip("s") for w in words} | words:
                    continue
                if wanted <= words:
                    strict.add(key)
                elif not (words & _COUNTRIES) - wanted:
                    loose.add(key)
        return strict or loose


class Organisations:
    """The organisations one article names, acronyms joined to their long form.

    Example:
        >>> from framekit import load_pipeline
        >>> from framekit.article import Article
        >>> article = Article(load_pipeline()(
        ...     "The International Atomic Energy Agency met. The IAEA said little."))
        >>> nouns = SourceNouns(article.lexicons)
        >>> Organisations(article, People(article, nouns)).canonical("IAEA")
        'International Atomic Energy Agency'
    """

    def __init__(self, article: Article, people: People) -> None:
        self.article = article
        self.doc = article.doc
        self.people = people

    @cached_property
    def _found(self) -> list[tuple[int, str]]:
        """Token index and canonical name of each ``ORG`` entity, in order."""
        found = [(e.start, _text(e)) for e in self.doc.ents if e.label_ == "ORG"
                 and not self.article.in_quotation(e.root) and self.people.key_of(e.root) is None]
        longest: dict[str, str] = {}
        for _, name in found:
            longest[_acronym(name)] = max(longest.get(_acronym(name), name), name, key=len)
        return [(i, longest.get(name, longest.get(_acronym(name), name))) for i, name in found]

    @cached_property
    def _canonical(self) -> dict[str, str]:
        """Each organisation's canonical name by itself and by its acronym."""
        canonical: dict[str, str] = {}
        for _, known in self._found:
            canonical.setdefault(known, known)
            canonical.setdefault(_acronym(known), known)
        return canonical

    def canonical(self, name: str) -> str:
        """The long form of an organisation's name or acronym (``name`` if unknown)."""
        return self._canonical.get(name, name)

    def before(self, at: int) -> str | None:
        """The last organisation named before token ``at``."""
        found = self.last_before(at)
        return found[1] if found is not None else None

    def last_before(self, at: int) -> tuple[int, str] | None:
        """Token index and name of the last organisation named before token ``at``."""
        index = bisect.bisect_left(self._found, (at, "")) - 1
        return self._found[index] if index >= 0 else None


class SpeakerResolver:
    """Resolve source mentions of one article to speakers.

    It reads the article's :class:`People` and :class:`Organisations` and the
    :class:`SourceNouns` of the article's ``sources`` lexicon.

    Example:
        >>> from framekit import load_pipeline
        >>> from framekit.article import Article
        >>> article = Article(load_pipeline()(
        ...     "US President Donald Trump met Zelensky. The US president said little."))
        >>> resolver = SpeakerResolver(article)
        >>> resolver.resolve(article.doc[7:10])
        Speaker(name='Donald Trump', type=<SpeakerType.PERSON: 'person'>, role='US president')
    """

    def __init__(self, article: Article, *, gender: GenderEstimator | None = None) -> None:
        self.article = article
        self.doc = article.doc
        self.nouns = SourceNouns(article.lexicons)
        self.people = People(article, self.nouns, gender=gender)
        self.organisations = Organisations(article, self.people)

    def resolve(self, mention: Span | None, at: int | None = None,
                content: Span | None = None) -> Speaker | None:
        """The speaker a source mention refers to; ``None`` if nothing is said of it.

        Args:
            mention: the source's words as written.
            at: token index the mention is read at (its start by default),
                for pronouns and descriptions that look back.
            content: what the speaker said, if known: people named in it in the
                third person are not taken for the speaker of a pronoun or
                description (*“Putin is working with Ukraine,” the president said*).
        """
        if mention is None or not len(mention):
            return None
        head = mention.root
        at = mention.start if at is None else at
        named = self.people.keys_in(content.start, content.end) if content else set()
        for token in (head, *(c for c in head.children if c.dep_ == "appos")):
            key = self.people.key_of(token)
            if key is not None:
                person = self.people.by_key[key]
                return Speaker(person.name, SpeakerType.PERSON, self._own_role(token, person))
        if head.lower_ in _PERSONAL:
            return self._pronoun(head, at, named)
        if head.lower_ in _NEUTER:
            return self._neuter(head, at)
        if head.pos_ == "PROPN" or head.ent_type_ in _ENTITY_ORGS:
            return Speaker(self.organisations.canonical(_text(mention)), SpeakerType.ORGANISATION)
        author = self._author(head)
        if author is not None:  # *a report by the World Bank*: the bank speaks
            return self.resolve(author, at, content)
        return self._description(mention, head, at, named)

    def _pronoun(self, pronoun: Token, at: int, named: set[str]) -> Speaker:
        """A personal pronoun: the nearer of the last person named and the last one described.

        A description within the few sentences before wins over a name further
        back (*The mayor spoke. “…,” she said*); it then resolves as any
        description does, to a person whose role fits it or to itself.
        """
        person = self.people.nearest(at, exclude=named | self.people.disagreeing(pronoun))
        index = bisect.bisect_left(self.people.described, at) - 1
        if index >= 0 and (person is None or self.people.described[index] > person[0]):
            noun = self.doc[self.people.described[index]]
            if self.article.sentence_index(noun) >= self.article.sentence_index(at) - _RECENT:
                return self._description(self.doc[noun.left_edge.i : noun.i + 1], noun, noun.i,
                                         named)
        if person is None:
            return Speaker(pronoun.text, SpeakerType.ANONYMOUS)
        found = self.people.by_key[person[1]]
        return Speaker(found.name, SpeakerType.PERSON, _first(found.roles))

    def _neuter(self, pronoun: Token, at: int) -> Speaker:
        """*it*: the organisation named last within the few sentences before, if any.

        *The council met on Monday. It said the bridge would reopen*: the
        council speaks; with no organisation near, *it* stays an anonymous source.
        """
        found = self.organisations.last_before(at)
        if found is not None and self.article.sentence_index(found[0]) >= (
                self.article.sentence_index(at) - _RECENT):
            return Speaker(found[1], SpeakerType.ORGANISATION)
        return Speaker(pronoun.text, SpeakerType.ANONYMOUS)

    def _author(self, head: Token) -> Span | None:
        """Who is behind a thing that speaks (*a statement from the ministry*), if named."""
        if self.nouns.category(head) is not None:
            return None
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in {"by", "from", "of"}:
                for noun in prep.children:
                    if noun.dep_ == "pobj" and (noun.pos_ == "PROPN" or noun.ent_type_
                                                or self.nouns.category(noun) is not None):
                        return self.doc[noun.left_edge.i : noun.right_edge.i + 1]
        return None

    def _own_role(self, token: Token, person: Person) -> str | None:
        return self.people.role_of(token) or _first(person.roles)

    def _description(self, mention: Span, head: Token, at: int, named: set[str]) -> Speaker:
        category = self.nouns.category(head)
        determiner = next((c.lower_ for c in head.children if c.dep_ in {"det", "poss"}), None)
        definite = determiner in {"the", "this", "that"}
        if definite and category == "role":
            fits = self.people.fitting(head)
            nearest = self.people.nearest(at, fits, exclude=named) if fits else None
            if nearest is not None:
                person = self.people.by_key[nearest[1]]
                return Speaker(person.name, SpeakerType.PERSON, _text(mention))
        if definite and category == "institution":
            earlier = self.organisations.before(mention.start)
            if earlier and not any(t.pos_ == "PROPN" and t.ent_type_ not in _ENTITY_ORGS
                                   for t in mention):
                return Speaker(earlier, SpeakerType.ORGANISATION, _text(mention))
            return Speaker(_text(mention), SpeakerType.ORGANISATION)
        if category in {"source", "role"}:  # *some*, *many*, *others* are sources
            kind = SpeakerType.ANONYMOUS if _anchored(head) else SpeakerType.VAGUE
            if category == "role" and head.tag_ in {"NN", "NNP"}:
                kind = SpeakerType.ANONYMOUS
            return Speaker(_text(mention, skip_det=False), kind)
        if category == "institution":
            return Speaker(_text(mention), SpeakerType.ORGANISATION)
        return Speaker(_text(mention, skip_det=False), SpeakerType.ANONYMOUS)


def _proper(token: Token) -> bool:
    """Whether a token is a proper name: so tagged, or capitalised inside a sentence.

    The second test catches names the tagger reads as common words (*listened
    to Trump describe …*, with *Trump* tagged as a verb).
    """
    return token.pos_ == "PROPN" or (token.text[:1].isupper() and not token.is_sent_start
                                     and token.pos_ not in {"PRON", "DET"})


def _is_place(token: Token) -> bool:
    """Whether a name is used as a place (*in Kyiv*, *visited Kiev*), whatever its entity label."""
    if token.ent_type_ in {"GPE", "LOC", "FAC"}:
        return True
    head = token.head
    return (token.dep_ == "pobj" and head.lower_ in english.words("locative_prepositions")) or (
        token.dep_ == "dobj" and head.lemma_ in english.words("place_verbs"))


def _anchored(head: Token) -> bool:
    """Whether an unnamed source is pinned down: *one observer*, *officials in Kyiv*."""
    for child in head.children:
        vague = english.words("vague_quantifiers")
        if child.dep_ in {"nummod", "det"} and child.lower_ in (
                english.words("specific_quantifiers") | vague):
            return child.lower_ not in vague
        if child.dep_ == "prep" and any(t.ent_type_ or t.pos_ == "PROPN" for t in child.subtree):
            return True
        if child.dep_ in {"compound", "amod", "nmod", "poss"} and (
                child.ent_type_ in _ENTITY_ORGS or child.pos_ == "PROPN"
                or child.lower_ in english.words("anchoring_modifiers")):
            return True
        if child.dep_ == "acl" or child.dep_ == "relcl":
            return True
    return head.tag_ in {"NN", "NNP"}


def _acronym(name: str) -> str:
    capitals = [w[0] for w in name.split() if w[:1].isupper()]
    return "".join(capitals) if len(capitals) > 1 else name


def _text(span: Span | Token, *, skip_det: bool = True) -> str:
    """A mention's words without a leading determiner or trailing possessive.

    A determiner or number opening the sentence is lower-cased, so that one
    unnamed source has one name wherever it stands.
    """
    tokens = list(span.subtree) if isinstance(span, Token) else list(span)
    if skip_det and tokens and tokens[0].dep_ == "det":
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "case"):
        tokens = tokens[:-1]
    if not tokens:
        return span.text
    text = span.doc[tokens[0].i : tokens[-1].i + 1].text
    if tokens[0].is_sent_start and tokens[0].pos_ in {"DET", "NUM"}:
        return text[:1].lower() + text[1:]  # *The mayor said* and *said the mayor* alike
    return text


def _first(items: tuple[str, ...]) -> str | None:
    return items[0] if items else None
