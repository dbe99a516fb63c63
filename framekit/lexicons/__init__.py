"""Lexicons: typed entries with spaCy ``Matcher`` patterns, kept as JSON data files.

A lexicon file holds an ``about`` text and a list of entries. Each entry has a
unique ``id``, a ``category`` (a hedge type, a frame, a kind of reporting cue…)
and its patterns, written in one of three forms:

- ``"pattern"``: a spaCy ``Matcher`` token pattern (a list of token dicts), or
  ``"patterns"``: a list of them;
- ``"lemma"``: one or more space-separated lemmas, matched on ``LEMMA``
  case-insensitively, with an optional ``"pos"`` list for the last token;
- ``"words"``: one or more space-separated words, matched on ``LOWER``.

Any other keys go into the entry's ``data`` mapping for the analyser to read.
Users extend a lexicon with :meth:`Lexicon.extend` or replace it by passing
their own to an analyser's constructor.

Example:
    >>> hedges = Lexicon.load("hedges")
    >>> hedges["perhaps (adverb)"].category
    'epistemic_possible'
    >>> mine = hedges.extend([{"id": "by all accounts", "category": "epistemic_probable",
    ...                        "words": "by all accounts"}])
    >>> "by all accounts" in mine and "by all accounts" not in hedges
    True
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Self

import attrs
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from framekit._errors import LexiconError
from framekit.lexicons._anchored import AnchoredMatcher

__all__ = ["JsonFile", "Lexicon", "LexiconEntry", "LexiconMatcher", "longest_first"]

TokenPattern = list[dict[str, Any]]


@attrs.frozen
class LexiconEntry:
    """One lexicon item: an id, a category, spaCy token patterns and free data.

    Attributes:
        id: unique within its lexicon.
        category: the item's class, e.g. a hedge's cue type.
        patterns: spaCy ``Matcher`` token patterns, any of which matches.
        data: every other key of the JSON entry, for the analyser to read.
    """

    id: str
    category: str
    patterns: tuple[TokenPattern, ...]
    data: Mapping[str, Any] = attrs.field(factory=dict)

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> LexiconEntry:
        """Build an entry from its JSON form (see the module docs)."""
        try:
            entry_id, category = str(raw["id"]), str(raw["category"])
        except KeyError as missing:
            raise LexiconError(f"lexicon entry {dict(raw)!r} lacks {missing}") from None
        data = {k: v for k, v in raw.items()
                if k not in {"id", "category", "pattern", "patterns", "lemma", "words", "pos"}}
        return cls(entry_id, category, _patterns(entry_id, raw), data)


def _patterns(entry_id: str, raw: Mapping[str, Any]) -> tuple[TokenPattern, ...]:
    if "pattern" in raw:
        return (list(raw["pattern"]),)
    if "patterns" in raw:
        return tuple(list(pattern) for pattern in raw["patterns"])
    if "lemma" in raw or "words" in raw:
        key, attr = ("lemma", "LEMMA") if "lemma" in raw else ("words", "LOWER")
        words = str(raw[key]).lower().split()
        if not words:
            raise LexiconError(f"lexicon entry {entry_id!r} has an empty {key!r}")
        if attr == "LEMMA":
            pattern: TokenPattern = [{"LEMMA": {"IN": [w, w.capitalize()]}} for w in words]
        else:
            pattern = [{"LOWER": w} for w in words]
        if "pos" in raw:
            pattern[-1] = {**pattern[-1], "POS": {"IN": list(raw["pos"])}}
        return (pattern,)
    raise LexiconError(f"lexicon entry {entry_id!r} has no pattern, lemma or words")


class JsonFile:
    """Reading from a JSON file, for data classes that parse their JSON text in ``from_json``."""

    __slots__ = ()

    @classmethod
    def from_json(cls, name: str, text: str) -> Self:
        """Parse one from its JSON text, named ``name``."""
        raise NotImplementedError

    @classmethod
    def from_file(cls, path: str | Path) -> Self:
        """Load one from a JSON file of framekit's format, named after the file."""
        path = Path(path)
        return cls.from_json(path.stem, path.read_text(encoding="utf-8"))


@attrs.frozen
class Lexicon(JsonFile):
    """An ordered, immutable collection of :class:`LexiconEntry` with unique ids.

    Attributes:
        name: the lexicon's name, e.g. ``"hedges"``.
        entries: the entries, in file order.
        about: what the lexicon holds and the research it follows.
    """

    name: str
    entries: tuple[LexiconEntry, ...]
    about: str = ""
    _by_id: Mapping[str, LexiconEntry] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, LexiconEntry] = {}
        for entry in self.entries:
            if entry.id in by_id:
                raise LexiconError(f"lexicon {self.name!r} has two entries with id {entry.id!r}")
            by_id[entry.id] = entry
        object.__setattr__(self, "_by_id", by_id)

    @classmethod
    def load(cls, name: str) -> Lexicon:
        """Load one of framekit's own lexicons by name (e.g. ``"hedges"``)."""
        source = resources.files(__package__).joinpath(f"{name}.json")
        if not source.is_file():
            raise LexiconError(f"framekit ships no lexicon named {name!r}")
        return cls.from_json(name, source.read_text(encoding="utf-8"))

    @classmethod
    def from_json(cls, name: str, text: str) -> Lexicon:
        """Parse a lexicon from its JSON text."""
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as error:
            raise LexiconError(f"lexicon {name!r} is not valid JSON: {error}") from None
        if not isinstance(raw, dict) or not isinstance(raw.get("entries"), list):
            raise LexiconError(f"lexicon {name!r} must be an object with a list of 'entries'")
        return cls.from_entries(name, raw["entries"], about=str(raw.get("about", "")))

    @classmethod
    def from_entries(
        cls, name: str, entries: Iterable[LexiconEntry | Mapping[str, Any]], about: str = ""
    ) -> Lexicon:
        """Build a lexicon from entries or their JSON-like dicts."""
        built = tuple(e if isinstance(e, LexiconEntry) else LexiconEntry.from_dict(e)
                      for e in entries)
        return cls(name, built, about)

    def extend(self, entries: Iterable[LexiconEntry | Mapping[str, Any]]) -> Lexicon:
        """Return a new lexicon with ``entries`` added; an entry with a known id replaces it."""
        added = Lexicon.from_entries(self.name, entries).entries
        replaced = {entry.id for entry in added}
        kept = tuple(entry for entry in self.entries if entry.id not in replaced)
        return Lexicon(self.name, kept + added, self.about)

    def without(self, ids: Iterable[str]) -> Lexicon:
        """Return a new lexicon without the entries whose id is in ``ids``."""
        dropped = set(ids)
        return Lexicon(self.name, tuple(e for e in self.entries if e.id not in dropped), self.about)

    def categories(self) -> frozenset[str]:
        """The set of categories used by the entries."""
        return frozenset(entry.category for entry in self.entries)

    def __getitem__(self, entry_id: str) -> LexiconEntry:
        """The entry of that id."""
        return self._by_id[entry_id]

    def __contains__(self, entry_id: object) -> bool:
        """Whether an entry has that id."""
        return entry_id in self._by_id

    def __iter__(self) -> Iterator[LexiconEntry]:
        """The entries (not their ids), in file order."""
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


class LexiconMatcher:
    """A spaCy ``Matcher`` over a lexicon, built once per vocabulary.

    Calling it on a ``Doc`` yields ``(entry, start, end)`` token ranges, longest
    match first among overlapping ones when ``greedy`` is set (of two matches of
    one range, the entry that comes first in the lexicon). Patterns are run only
    where they can start (see :mod:`framekit.lexicons._anchored`), so the cost
    hardly grows with the size of the lexicon.
    """

    def __init__(self, lexicon: Lexicon, *, greedy: bool = True) -> None:
        self.lexicon = lexicon
        self.greedy = greedy
        self._order = {entry.id: index for index, entry in enumerate(lexicon)}
        self._built: dict[int, tuple[Vocab, AnchoredMatcher]] = {}

    def _matcher(self, vocab: Vocab) -> AnchoredMatcher:
        key = id(vocab)
        if key not in self._built:
            patterns = ((entry.id, alternative) for entry in self.lexicon
                        for pattern in entry.patterns for alternative in _alternatives(pattern))
            self._built[key] = (vocab, AnchoredMatcher(vocab, patterns))
        return self._built[key][1]

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the lexicon, not the built matchers (they hold a whole vocabulary)."""
        return {**self.__dict__, "_built": {}}

    def __call__(self, doc: Doc | Span) -> list[tuple[LexiconEntry, int, int]]:
        """Match ``doc`` (a ``Doc`` or ``Span``) and return entries with token ranges."""
        return self._resolved(self._found(doc))

    def by_category(self, doc: Doc | Span) -> dict[str, list[tuple[LexiconEntry, int, int]]]:
        """The matches of ``doc`` by entry category, each as a matcher of its own would give them.

        Overlaps are resolved within a category, so categories never hide each
        other's matches; one pass over ``doc`` serves every category.
        """
        grouped: dict[str, list[tuple[LexiconEntry, int, int]]] = {
            category: [] for category in sorted(self.lexicon.categories())}
        for item in self._found(doc):
            grouped[item[0].category].append(item)
        return {category: self._resolved(found) for category, found in grouped.items()}

    def _found(self, doc: Doc | Span) -> list[tuple[LexiconEntry, int, int]]:
        """Every match, by position, the entry first in the lexicon first among equals."""
        vocab = doc.vocab
        offset = doc.start if isinstance(doc, Span) else 0
        return sorted(((self.lexicon[vocab.strings[key]], offset + start, offset + end)
                       for key, start, end in self._matcher(vocab)(doc)),
                      key=lambda item: (item[1], item[2], self._order[item[0].id]))

    def _resolved(self, found: list[tuple[LexiconEntry, int, int]]
                  ) -> list[tuple[LexiconEntry, int, int]]:
        if self.greedy:
            found = longest_first(found)
        return sorted(found, key=lambda item: (item[1], item[2]))


def _alternatives(pattern: TokenPattern) -> list[TokenPattern]:
    """The same pattern with each ``{"IN": [...]}`` of strings spelt out as exact values.

    spaCy checks an exact value in compiled code but calls back into Python for
    every ``IN`` set, for every token against every pattern: spelling the sets
    out into several patterns matches the same tokens many times faster. Tokens
    with an operator keep their sets, and so does a pattern that would grow past
    :data:`_MAX_ALTERNATIVES` patterns.

    Example:
        >>> _alternatives([{"LEMMA": {"IN": ["may", "May"]}, "POS": {"IN": ["AUX"]}}])
        [[{'LEMMA': 'may', 'POS': 'AUX'}], [{'LEMMA': 'May', 'POS': 'AUX'}]]
    """
    alternatives: list[TokenPattern] = [[]]
    for token in pattern:
        choices: list[dict[str, Any]] = [{}]
        for attr, value in token.items():
            values = _spelt_out(value) if "OP" not in token else None
            if values is None or len(alternatives) * len(choices) * len(values) \
                    > _MAX_ALTERNATIVES:
                choices = [{**choice, attr: value} for choice in choices]
            else:
                choices = [{**choice, attr: one} for choice in choices for one in values]
        alternatives = [[*done, choice] for done in alternatives for choice in choices]
    return alternatives


_MAX_ALTERNATIVES = 32


def _spelt_out(value: object) -> list[str] | None:
    """The distinct strings of an ``{"IN": [...]}`` of strings, else ``None``."""
    if not (isinstance(value, dict) and list(value) == ["IN"] and isinstance(value["IN"], list)
            and value["IN"] and all(isinstance(v, str) for v in value["IN"])):
        return None
    return list(dict.fromkeys(value["IN"]))


def longest_first(
    found: Iterable[tuple[LexiconEntry, int, int]],
) -> list[tuple[LexiconEntry, int, int]]:
    """Of overlapping matches, the longest (then the first) only."""
    taken: set[int] = set()
    kept = []
    for item in sorted(found, key=lambda m: (m[1] - m[2], m[1])):
        tokens = range(item[1], item[2])
        if taken.isdisjoint(tokens):
            kept.append(item)
            taken.update(tokens)
    return kept
