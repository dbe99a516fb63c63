"""Matching many token patterns fast: check a pattern only where a match can start.

spaCy's ``Matcher`` tries every pattern at every token, so its cost grows with
the size of the lexicon times the length of the text. Most lexicon patterns
start with a token of a fixed text, lower-case form or lemma (*may*, *say*,
*according*), or of one of a set of them (``{"LEMMA": {"IN": [...]}}``), or
with a number (``{"LIKE_NUM": true}``): :class:`AnchoredMatcher` finds the
tokens that carry one of those *anchors* with one vectorised look-up over the
``Doc``'s attribute arrays, and checks each pattern of the anchor from there on
the same arrays, without a ``Matcher``: tokens tested on exact values, ``IN``
and ``NOT_IN`` sets of the text, lower-case form, lemma, norm, tag, part of
speech, dependency or entity type, and on whether they are like a number,
with the operators ``?``, ``*``, ``+`` and ``{n,m}``. A pattern
anchored on its first token but with anything else (another attribute, a
regular expression, the ``!`` operator) runs on a window of the pattern's
length from the anchor; the rest (a first token with an operator or no fixed
value) run over the whole text. The matches are exactly those of one
``Matcher`` holding all the patterns.

The attribute arrays are read once per ``Doc``, for the last ``Doc`` matched,
so that several lexicons matched on one article share them.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from typing import Any

import numpy as np
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

__all__ = ["AnchoredMatcher"]

TokenPattern = list[dict[str, Any]]

#: Token attributes a pattern's first token can be anchored on, by pattern key.
_ANCHORS = {"ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER", "LEMMA": "LEMMA", "NORM": "NORM"}
#: Token flags a pattern's first token can be anchored on when nothing else anchors it.
_FLAGS = {"LIKE_NUM": "LIKE_NUM"}
#: Attributes whose values are checked on the ``Doc``'s arrays, by pattern key.
_COLUMNS = {**_ANCHORS, **_FLAGS, "TAG": "TAG", "POS": "POS", "DEP": "DEP",
            "ENT_TYPE": "ENT_TYPE"}
#: The arrays' columns, in order.
_ATTRS = sorted(set(_COLUMNS.values()))
_COLUMN = {attr: index for index, attr in enumerate(_ATTRS)}
#: Operators that let a token match at most one token, so that a pattern's length is bounded.
_BOUNDED = {"?", "!", "1"}
#: Repetitions (least, most; ``None`` for no bound) of the operators checked on the arrays.
_REPEATS: dict[str, tuple[int, int | None]] = {"1": (1, 1), "?": (0, 1), "*": (0, None),
                                               "+": (1, None)}
#: Slots that a column's values (64-bit hashes) are spread over by their low bits,
#: so that the tokens that may be anchors are found by one look-up in a table of
#: booleans: a few hundred anchors leave most slots empty.
_SLOTS = 1 << 16
_RANGE = re.compile(r"\{(\d*)(,?)(\d*)\}")

#: One token test: column, kind (0 equal to, 1 in, 2 not in) and value or set of values.
_Test = tuple[int, int, Any]
#: One pattern token: least and most repetitions and its tests.
_Token = tuple[int, int | None, tuple[_Test, ...]]
#: One pattern as checked from its anchor: its key, then either its length and the
#: (token offset, *test) checks of a pattern of single tokens, or -1 and its tokens.
_Check = tuple[int, int, Any]
#: The checks of one anchor: those read at every anchor, and those of patterns of
#: single tokens by the column and value their second token must have.
_Dispatch = tuple[list[_Check], dict[int, dict[int, list[_Check]]]]
_NOTHING: _Dispatch = ([], {})


class AnchoredMatcher:
    """The patterns of a lexicon compiled for one vocabulary.

    Calling it on a ``Doc`` or ``Span`` gives the set of ``(key, start, end)``
    matches, token offsets relative to what it was called on, as spaCy's
    ``Matcher`` gives them (without duplicates).

    Example:
        >>> from framekit import load_pipeline
        >>> nlp = load_pipeline()
        >>> matcher = AnchoredMatcher(nlp.vocab, [("may", [{"LOWER": "may"}]),
        ...                                       ("to be", [{"LEMMA": "be"}, {"LOWER": "to"}]),
        ...                                       ("be ... to", [{"LEMMA": "be"}, {"OP": "*"},
        ...                                                      {"LOWER": "to"}]),
        ...                                       ("modal", [{"TAG": "MD"}])])
        >>> doc = nlp("It may be to rain.")
        >>> sorted((nlp.vocab.strings[key], start, end) for key, start, end in matcher(doc))
        [('be ... to', 2, 4), ('may', 1, 2), ('modal', 1, 2), ('to be', 2, 4)]
    """

    def __init__(self, vocab: Vocab, patterns: Iterable[tuple[str, TokenPattern]]) -> None:
        self._rest = Matcher(vocab, validate=True)
        self._groups: dict[tuple[int, int], tuple[Matcher, int]] = {}
        checked: dict[tuple[int, int], list[_Check]] = {}
        for key, pattern in patterns:
            anchor = _anchor(pattern, vocab)
            tokens = _compiled(pattern, vocab) if anchor is not None else None
            if anchor is None or (tokens is None and not _bounded(pattern)):
                self._rest.add(key, [pattern])
                continue
            column, kind, value = anchor
            groups = [(column, one) for one in (sorted(value) if kind == 1 else [value])]
            if tokens is None:
                for group in groups:
                    matcher, length = (self._groups.get(group)
                                       or (Matcher(vocab, validate=True), 0))
                    matcher.add(key, [pattern])
                    self._groups[group] = matcher, max(length, len(pattern))
                continue
            match_id = vocab.strings.add(key)
            first = tuple(test for test in tokens[0][2] if test != anchor)
            variants: list[_Check] = []
            for fixed in _spelt_out(((1, 1, first), *tokens[1:])):
                if all(token[:2] == (1, 1) for token in fixed):
                    variants.append((match_id, len(fixed), tuple(
                        (offset, *test) for offset, (_, _, tests) in enumerate(fixed)
                        for test in tests)))
                else:
                    variants.append((match_id, -1, fixed))
            for group in groups:
                checked.setdefault(group, []).extend(variants)
        anchors = self._groups.keys() | checked.keys()
        #: The columns the checks read.
        self._columns = sorted({column for column, _ in anchors} | {
            test[1 if length >= 0 else 0] for checks in checked.values()
            for _, length, tests in checks
            for test in (tests if length >= 0 else (t for token in tests for t in token[2]))})
        #: Patterns checked on the arrays, by anchor column and value (see :func:`_dispatched`).
        self._checked: dict[int, dict[int, _Dispatch]] = {}
        for (column, value), checks in checked.items():
            self._checked.setdefault(column, {})[value] = _dispatched(checks)
        #: By column, which slots (see :data:`_SLOTS`) the anchors' values fall in, for
        #: a vectorised look-up of the tokens that may be anchors.
        self._slots: dict[int, np.ndarray[Any, np.dtype[np.bool_]]] = {}
        for column, value in sorted(anchors):
            self._slots.setdefault(column, np.zeros(_SLOTS, dtype=np.bool_))[value % _SLOTS] = True

    def __call__(self, doclike: Doc | Span) -> set[tuple[int, int, int]]:
        """The matches in ``doclike``, offsets relative to its first token."""
        found = {(key, start, end) for key, start, end in self._rest(doclike)} \
            if len(self._rest) else set()
        if not self._slots or not len(doclike):
            return found
        doc, first = (doclike.doc, doclike.start) if isinstance(doclike, Span) else (doclike, 0)
        size = len(doclike)
        end = first + size
        arrays = _Arrays.of(doc)
        columns = arrays.columns(self._columns)
        for column, slots in self._slots.items():
            values, by_value = columns[column], self._checked.get(column, {})
            # a token whose value falls in an anchor's slot may be an anchor: look it up
            for i in np.flatnonzero(slots[arrays.slots(column)[first:end]]).tolist():
                position = first + i
                checks, second = by_value.get(values[position], _NOTHING)
                if second and position + 1 < end:
                    checks = [*checks, *(check for after, by_value in second.items()
                                         for check in by_value.get(columns[after][position + 1],
                                                                   ()))]
                for key, length, tests in checks:
                    if length < 0:
                        found.update((key, i, stop - first)
                                     for stop in _ends(columns, tests, 0, position, end))
                        continue
                    if i + length > size:
                        continue
                    for offset, test_column, kind, value in tests:
                        got = columns[test_column][position + offset]
                        if (got != value) if kind == 0 else ((got in value) != (kind == 1)):
                            break
                    else:
                        found.add((key, i, i + length))
                if self._groups and (anchor := (column, values[position])) in self._groups:
                    matcher, length = self._groups[anchor]
                    window = doclike[i : i + length]
                    found.update((key, i, i + stop) for key, start, stop in matcher(window)
                                 if start == 0)
        return found


class _Arrays:
    """The attribute arrays of one ``Doc``, each column also as a list when asked for."""

    _last: _Arrays | None = None

    def __init__(self, doc: Doc) -> None:
        self.doc = weakref.ref(doc)
        self.length = len(doc)
        attrs: list[int | str] = list(_ATTRS)
        self.array = doc.to_array(attrs).reshape(len(doc), len(attrs))
        self._columns: list[list[int]] = [[] for _ in attrs]
        self._slots: dict[int, np.ndarray[Any, np.dtype[np.intp]]] = {}

    @classmethod
    def of(cls, doc: Doc) -> _Arrays:
        """The arrays of ``doc``, read again unless it was the last ``Doc`` asked for."""
        last = cls._last
        if last is None or last.doc() is not doc or last.length != len(doc):
            last = cls._last = cls(doc)
        return last

    def columns(self, wanted: Iterable[int]) -> list[list[int]]:
        """The columns as lists, those in ``wanted`` filled in."""
        for column in wanted:
            if not self._columns[column]:
                self._columns[column] = self.array[:, column].tolist()
        return self._columns

    def slots(self, column: int) -> np.ndarray[Any, np.dtype[np.intp]]:
        """The slot (see :data:`_SLOTS`) of each token's value in ``column``."""
        found = self._slots.get(column)
        if found is None:
            found = self._slots[column] = (self.array[:, column] % _SLOTS).astype(np.intp)
        return found


def _dispatched(checks: list[_Check]) -> _Dispatch:
    """The checks of one anchor, indexed by an exact test of the token after it if they have one.

    An anchor such as the lemma *be* starts dozens of patterns (*be likely*, *be
    unclear* …): only those whose second token is the one that follows are checked.
    """
    unindexed: list[_Check] = []
    second: dict[int, dict[int, list[_Check]]] = {}
    for key, length, tests in checks:
        test = next((t for t in tests if t[0] == 1 and t[2] == 0), None) if length > 1 else None
        if test is None:
            unindexed.append((key, length, tests))
            continue
        rest = tuple(t for t in tests if t is not test)
        second.setdefault(test[1], {}).setdefault(test[3], []).append((key, length, rest))
    return unindexed, second


def _holds(columns: list[list[int]], position: int, tests: tuple[_Test, ...]) -> bool:
    for column, kind, value in tests:
        got = columns[column][position]
        if (got != value) if kind == 0 else ((got in value) != (kind == 1)):
            return False
    return True


def _ends(columns: list[list[int]], tokens: tuple[_Token, ...], index: int, position: int,
          end: int) -> set[int]:
    """Where a match of ``tokens[index:]`` starting at ``position`` can end (before ``end``)."""
    if index == len(tokens):
        return {position}
    least, most, tests = tokens[index]
    ends: set[int] = set()
    count = 0
    while True:
        if count >= least:
            ends |= _ends(columns, tokens, index + 1, position, end)
        if (most is not None and count >= most) or position >= end \
                or not _holds(columns, position, tests):
            return ends
        position += 1
        count += 1


def _spelt_out(tokens: tuple[_Token, ...]) -> list[tuple[_Token, ...]]:
    """The same tokens with each ``?`` spelt out as present or absent, up to 8 variants.

    A pattern of single tokens is checked faster than one with repetitions.
    """
    optional = sum(token[:2] == (0, 1) for token in tokens)
    if not optional or optional > 3:
        return [tokens]
    variants: list[tuple[_Token, ...]] = [()]
    for token in tokens:
        if token[:2] == (0, 1):
            variants = [*variants, *((*done, (1, 1, token[2])) for done in variants)]
        else:
            variants = [(*done, token) for done in variants]
    return variants


def _compiled(pattern: TokenPattern, vocab: Vocab) -> tuple[_Token, ...] | None:
    """Each token's repetitions and tests, for a pattern checked on the arrays.

    ``None`` for a pattern with anything else: another attribute or predicate,
    a value that is not a string, or the ``!`` operator.
    """
    tokens = []
    for token in pattern:
        repeats = _repeats(str(token.get("OP", "1")))
        if repeats is None:
            return None
        tests: list[_Test] = []
        for name, value in token.items():
            if name.upper() == "OP":
                continue
            test = _test(name, value, vocab)
            if test is None:
                return None
            tests.append(test)
        tokens.append((*repeats, tuple(tests)))
    return tuple(tokens)


def _test(name: str, value: Any, vocab: Vocab) -> _Test | None:
    """The test of one attribute of a pattern token on the arrays, ``None`` if it has none."""
    attr = _COLUMNS.get(name.upper())
    if attr is None:
        return None
    if attr in _FLAGS.values():
        return (_COLUMN[attr], 0, int(value)) if isinstance(value, bool) else None
    if isinstance(value, str):
        return _COLUMN[attr], 0, vocab.strings.add(value)
    if (isinstance(value, dict) and len(value) == 1 and next(iter(value)) in {"IN", "NOT_IN"}
            and isinstance(value[next(iter(value))], list)
            and all(isinstance(v, str) for v in value[next(iter(value))])):
        kind, values = next(iter(value.items()))
        return (_COLUMN[attr], 1 if kind == "IN" else 2,
                frozenset(vocab.strings.add(v) for v in values))
    return None


def _repeats(op: str) -> tuple[int, int | None] | None:
    """The least and most repetitions of an operator, ``None`` for ``!`` or an unknown one."""
    if op in _REPEATS:
        return _REPEATS[op]
    found = _RANGE.fullmatch(op)
    if found is None:
        return None
    low, comma, high = found.groups()
    least = int(low or 0)
    return least, (int(high) if high else None) if comma else least


def _bounded(pattern: TokenPattern) -> bool:
    return all(token.get("OP", "1") in _BOUNDED for token in pattern)


def _anchor(pattern: TokenPattern, vocab: Vocab) -> _Test | None:
    """The test every match's first token passes that finds where matches can start.

    A fixed text, lower-case form, lemma or norm, else a set of them (an
    ``IN``), else a flag (``LIKE_NUM``); ``None`` when the first token has an
    operator or none of these.
    """
    if not pattern:
        return None
    first = {name.upper(): value for name, value in pattern[0].items()}
    if "OP" in first:
        return None
    tests = [test for name, value in first.items() if name in _ANCHORS or name in _FLAGS
             if (test := _test(name, value, vocab)) is not None and test[1] != 2]
    return min(tests, key=lambda test: (_ATTRS[test[0]] in _FLAGS, test[1]), default=None)
