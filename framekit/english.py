"""Closed-class English words the rule code reads, kept as data.

As spaCy keeps its ``lang/en`` word lists apart from its rules, framekit keeps
the closed classes its rules need (pronouns, gendered titles, locative
prepositions, quantifiers, spellings of countries) in
``lexicons/english.json``; open classes (reporting cues, source nouns, hedges)
are lexicons of their own. Rule code reads them here, never as inline sets.

Example:
    >>> sorted(words("male_pronouns"))
    ['he', 'him', 'his']
    >>> spellings()["british"]
    'uk'
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from framekit.results import FrozenMapping

__all__ = ["spellings", "words"]


@cache
def _data() -> dict[str, Any]:
    source = resources.files("framekit.lexicons").joinpath("english.json")
    raw: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return raw


@cache
def words(key: str) -> frozenset[str]:
    """The words of one closed class (``"male_pronouns"``, ``"copulas"`` …).

    Raises:
        KeyError: framekit keeps no class of that name.
    """
    value = _data()[key]
    if not isinstance(value, list):
        raise KeyError(key)
    return frozenset(str(word) for word in value)


@cache
def spellings() -> Mapping[str, str]:
    """Equivalent spellings in descriptions, each word to its canonical form (*US*/*American*)."""
    return FrozenMapping({str(k): str(v) for k, v in _data()["spellings"].items()})
