"""Matching many token patterns fast: run spaCy's ``Matcher`` only where a match can start.

spaCy's ``Matcher`` tries every pattern at every token, so its cost grows with
the size of the lexicon times the length of the text. Most lexicon patterns
start with a token of a fixed text, lower-case form or lemma (*may*, *say*,
*according*): :class:`AnchoredMatcher` finds the tokens that carry one of those
*anchors* with one vectorised look-up over the ``Doc``'s attribute arrays, and
runs the few patterns of each anchor on a window of the pattern's length from
there; a pattern of exact values only (``[{"LOWER": "may", "POS": "AUX"}]``)
is checked on those arrays directly, without a matcher. The other patterns (those opening
with an operator or with no fixed first token) run over the whole text as
before. The matches are exactly those of one ``Matcher`` holding all the
patterns.
"""

from __future__ import annotations

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
#: Operators that let a token match at most one token, so that a pattern's length is bounded.
_BOUNDED = {"?", "!", "1"}


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
        ...                                       ("modal", [{"TAG": "MD"}])])
        >>> doc = nlp("It may be to rain.")
        >>> sorted((nlp.vocab.strings[key], start, end) for key, start, end in matcher(doc))
        [('may', 1, 2), ('modal', 1, 2), ('to be', 2, 4)]
    """

    def __init__(self, vocab: Vocab, patterns: Iterable[tuple[str, TokenPattern]]) -> None:
        self._rest = Matcher(vocab, validate=True)
        self._groups: dict[tuple[str, int], tuple[Matcher, int]] = {}
        exact: list[tuple[tuple[str, int], int, tuple[tuple[tuple[str, int], ...], ...]]] = []
        for key, pattern in patterns:
            anchor = _anchor(pattern)
            if anchor is None:
                self._rest.add(key, [pattern])
                continue
            attr, value = anchor
            group = (attr, vocab.strings.add(value))
            tests = _exact(pattern, vocab)
            if tests is not None:
                exact.append((group, vocab.strings.add(key), tests))
                continue
            matcher, length = self._groups.get(group) or (Matcher(vocab, validate=True), 0)
            matcher.add(key, [pattern])
            self._groups[group] = matcher, max(length, len(pattern))
        anchors = self._groups.keys() | {group for group, _, _ in exact}
        self._anchor_attrs = sorted({attr for attr, _ in anchors})
        self._values = {attr: np.array([value for a, value in anchors if a == attr],
                                       dtype=np.uint64) for attr in self._anchor_attrs}
        self._attrs = sorted({attr for _, _, tests in exact for checks in tests
                              for attr, _ in checks} | set(self._anchor_attrs))
        column = {attr: index for index, attr in enumerate(self._attrs)}
        #: Patterns of exact values only, by anchor: key, length and the (token offset,
        #: column, value) tests other than the anchor's own.
        self._exact: dict[tuple[str, int], list[tuple[int, int, _Tests]]] = {}
        for group, match_id, tests in exact:
            self._exact.setdefault(group, []).append((match_id, len(tests), tuple(
                (offset, column[attr], value) for offset, checks in enumerate(tests)
                for attr, value in checks if (offset, attr, value) != (0, *group))))

    def __call__(self, doclike: Doc | Span) -> set[tuple[int, int, int]]:
        """The matches in ``doclike``, offsets relative to its first token."""
        found = {(key, start, end) for key, start, end in self._rest(doclike)} \
            if len(self._rest) else set()
        if not self._attrs or not len(doclike):
            return found
        doc, first = (doclike.doc, doclike.start) if isinstance(doclike, Span) else (doclike, 0)
        attrs: list[int | str] = list(self._attrs)
        size = len(doclike)
        columns = doc.to_array(attrs).reshape(len(doc), len(attrs))[first : first + size]
        rows = columns.tolist() if self._exact else []
        for attr in self._anchor_attrs:
            values = columns[:, self._attrs.index(attr)]
            for i in np.flatnonzero(np.isin(values, self._values[attr])).tolist():
                anchor = attr, int(values[i])
                for key, length, tests in self._exact.get(anchor, ()):
                    if i + length > size:
                        continue
                    for offset, column, value in tests:
                        if rows[i + offset][column] != value:
                            break
                    else:
                        found.add((key, i, i + length))
                if anchor not in self._groups:
                    continue
                matcher, length = self._groups[anchor]
                window = doclike[i : i + length]
                found.update((key, i, i + end) for key, start, end in matcher(window)
                             if start == 0)
        return found


_Tests = tuple[tuple[int, int, int], ...]
#: Attributes whose exact values are checked on the ``Doc``'s arrays, by pattern key.
_COLUMNS = {**_ANCHORS, "TAG": "TAG", "POS": "POS", "DEP": "DEP", "ENT_TYPE": "ENT_TYPE"}


def _exact(pattern: TokenPattern, vocab: Vocab) -> tuple[tuple[tuple[str, int], ...], ...] | None:
    """Per token, the (attribute, value) tests of a pattern of exact string values only.

    Such a pattern matches where every test holds, with no need of a
    ``Matcher``; ``None`` for a pattern with an operator or anything else.
    """
    tests = []
    for token in pattern:
        checks = []
        for name, value in token.items():
            attr = _COLUMNS.get(name.upper())
            if attr is None or not isinstance(value, str):
                return None
            checks.append((attr, vocab.strings.add(value)))
        tests.append(tuple(checks))
    return tuple(tests)


def _anchor(pattern: TokenPattern) -> tuple[str, str] | None:
    """The attribute and value every match's first token has, if the pattern is bounded."""
    if not pattern or any(token.get("OP", "1") not in _BOUNDED for token in pattern):
        return None
    first = {name.upper(): value for name, value in pattern[0].items()}
    if "OP" in first:
        return None
    return next(((_ANCHORS[name], value) for name, value in first.items()
                 if name in _ANCHORS and isinstance(value, str)), None)
