"""A pluggable, name-based gender estimate for person sources.

Counting the gender of the people a newsroom quotes is how the Gender Gap
Tracker (Asr et al. 2021) and the BBC's 50:50 project measure whose voices are
heard. framekit does it only when asked, and only as an **estimate**: a person's
gender is guessed from the given name in the canonical name the article uses,
through a list of given names shipped with framekit (``framekit/data/
first_names.json``; its ``source`` and ``licence`` fields say how it was made
and under which terms: MIT, as framekit). A name that is not in the list, given
to both genders, or missing (*Trump*) is :attr:`Gender.UNKNOWN`.

Any callable from a name to a :class:`Gender` can take the list's place (see
:class:`GenderEstimator`), for instance a wrapper around a larger name database
or a hand-coded table of the people in a corpus.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Protocol

__all__ = ["Gender", "GenderEstimator", "NameListGender"]


class Gender(StrEnum):
    """The estimated gender of a person source."""

    FEMALE = "female"
    MALE = "male"
    UNKNOWN = "unknown"
    """Not in the name list, given to both genders, or no given name."""


class GenderEstimator(Protocol):
    """What the balance analyser asks of a gender estimate: a guess from a person's name."""

    def __call__(self, name: str) -> Gender:
        """The estimated gender of the person called ``name`` (e.g. *Orysia Lutsevych*)."""


_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


class NameListGender:
    """Estimate a person's gender from the first word of the name, through a name list.

    Args:
        names: given names (any case) with their gender, added to framekit's
            list or, with ``replace=True``, used instead of it. A name mapped
            to :attr:`Gender.UNKNOWN` is taken out of the list.
        replace: whether ``names`` replaces framekit's list.

    Example:
        >>> estimate = NameListGender()
        >>> estimate("Orysia Lutsevych"), estimate("Boris Bondarev"), estimate("Trump")
        (<Gender.FEMALE: 'female'>, <Gender.MALE: 'male'>, <Gender.UNKNOWN: 'unknown'>)
        >>> NameListGender({"Kaja": "unknown"})("Kaja Kallas")
        <Gender.UNKNOWN: 'unknown'>
    """

    def __init__(self, names: Mapping[str, Gender | str] | None = None, *,
                 replace: bool = False) -> None:
        table = {} if replace else dict(_shipped())
        table.update({name.lower(): Gender(gender) for name, gender in (names or {}).items()})
        self.names: Mapping[str, Gender] = {
            name: gender for name, gender in table.items() if gender != Gender.UNKNOWN}

    def __call__(self, name: str) -> Gender:
        """The gender the list gives the name's first word; unknown for a single word."""
        words = _WORD.findall(name)
        if len(words) < 2:
            return Gender.UNKNOWN
        return self.names.get(words[0].lower(), Gender.UNKNOWN)


@cache
def _shipped() -> Mapping[str, Gender]:
    data = json.loads(resources.files("framekit").joinpath("data", "first_names.json")
                      .read_text(encoding="utf-8"))
    return {name: Gender(gender) for gender in ("female", "male") for name in data[gender]}
