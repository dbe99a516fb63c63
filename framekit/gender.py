"""A pluggable, name-based gender estimate for person sources.

Counting the gender of the people a newsroom quotes is how the Gender Gap
Tracker (Asr et al. 2021) and the BBC's 50:50 project measure whose voices are
heard. framekit does it only when asked, and only as an **estimate**: a person's
gender is guessed from the given name in the canonical name the article uses.

:class:`NameGender` asks `nomquamgender <https://pypi.org/project/nomquamgender/>`_
(Van Buskirk, Clauset and Larremore 2023; MIT), a naive-Bayes classifier over
given names from many countries' name data that answers *unknown* when a name
is used for both genders or is too rare to tell. It is an optional extra::

    pip install "framekit[gender]"

Any callable from a name to a :class:`Gender` can take its place (see
:class:`GenderEstimator`), for instance a hand-coded table of the people in a
corpus.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, Protocol

from framekit._errors import OptionalDependencyError

__all__ = ["Gender", "GenderEstimator", "NameGender"]


class Gender(StrEnum):
    """The estimated gender of a person source."""

    FEMALE = "female"
    MALE = "male"
    UNKNOWN = "unknown"
    """Used for both genders, too rare to tell, or no given name."""


class GenderEstimator(Protocol):
    """What the balance analyser asks of a gender estimate: a guess from a person's name."""

    def __call__(self, name: str) -> Gender:
        """The estimated gender of the person called ``name`` (e.g. *Orysia Lutsevych*)."""


_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_CLASSES = {"gf": Gender.FEMALE, "gm": Gender.MALE}


class NameGender:
    """Estimate a person's gender from the first word of a full name, with nomquamgender.

    Args:
        names: given names (any case) with the gender to use for them instead of
            the classifier's, e.g. a correction for the people of a corpus.
        threshold: the largest uncertainty (0 to 0.49) at which nomquamgender
            still answers; above it the name is :attr:`Gender.UNKNOWN`. Its
            authors' default, 0.1, is kept.

    A single word (*Trump*) has no given name and is always unknown.

    Raises:
        OptionalDependencyError: nomquamgender is not installed.

    Example:
        >>> estimate = NameGender()
        >>> estimate("Orysia Lutsevych"), estimate("Dmitry Peskov"), estimate("Trump")
        (<Gender.FEMALE: 'female'>, <Gender.MALE: 'male'>, <Gender.UNKNOWN: 'unknown'>)
        >>> estimate("Sasha Petrenko"), NameGender({"Sasha": "female"})("Sasha Petrenko")
        (<Gender.UNKNOWN: 'unknown'>, <Gender.FEMALE: 'female'>)
    """

    def __init__(self, names: Mapping[str, Gender | str] | None = None, *,
                 threshold: float = 0.1) -> None:
        self.names: Mapping[str, Gender] = {
            name.lower(): Gender(gender) for name, gender in (names or {}).items()}
        self._classifier = _classifier(threshold)
        self._known: dict[str, Gender] = {}

    def __call__(self, name: str) -> Gender:
        """The estimated gender of the name's first word; unknown for a single word."""
        words = _WORD.findall(name)
        if len(words) < 2:
            return Gender.UNKNOWN
        given = words[0].lower()
        if given in self.names:
            return self.names[given]
        if given not in self._known:
            answer = self._classifier.classify([given])[0]
            self._known[given] = _CLASSES.get(answer, Gender.UNKNOWN)
        return self._known[given]


def _classifier(threshold: float) -> Any:
    try:
        module = importlib.import_module("nomquamgender")
    except ImportError:
        raise OptionalDependencyError(
            "the gender estimate needs nomquamgender: pip install 'framekit[gender]'") from None
    return module.NBGC(threshold=threshold)
