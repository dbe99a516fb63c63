"""The analyser registry: framekit's own analysers and those of installed plugins.

Built-in analysers register themselves with :func:`register`. Third-party
packages declare theirs under the ``framekit.analysers`` entry-point group::

    [project.entry-points."framekit.analysers"]
    sentiment = "my_package.sentiment:SentimentAnalyser"

and they are found by name, like the built-ins, without any import.
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Callable
from functools import cache
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, TypeVar

from framekit._errors import AnalyserNotFoundError

if TYPE_CHECKING:
    from framekit.pipeline import Analyser

__all__ = ["ENTRY_POINT_GROUP", "available", "create", "default_names", "get", "register"]

ENTRY_POINT_GROUP = "framekit.analysers"

_ANALYSERS: dict[str, Callable[[], Analyser]] = {}
_DEFAULTS: list[str] = []
_F = TypeVar("_F", bound=Callable[[], "Analyser"])


def register(name: str, *, default: bool = False) -> Callable[[_F], _F]:
    """Class decorator registering an analyser factory under ``name``.

    ``default=True`` puts the analyser into the pipeline that
    :func:`framekit.analyse` runs.

    Example:
        >>> from framekit.registry import register, get
        >>> @register("shouting")
        ... class ShoutingAnalyser:
        ...     name, needs = "shouting", ()
        >>> get("shouting") is ShoutingAnalyser
        True
    """

    def add(factory: _F) -> _F:
        _ANALYSERS[name] = factory
        if default and name not in _DEFAULTS:
            _DEFAULTS.append(name)
        return factory

    return add


def get(name: str) -> Callable[[], Analyser]:
    """The factory (usually the class) registered under ``name``.

    Raises:
        AnalyserNotFoundError: no analyser has that name; the message suggests
            the nearest name and lists the others.

    Example:
        >>> get("framin")
        Traceback (most recent call last):
        ...
        framekit._errors.AnalyserNotFoundError: no analyser named 'framin' (did you mean 'framing'?); available: ...
    """  # noqa: E501
    _load_builtins()
    if name not in _ANALYSERS:
        _load_entry_points()
    try:
        return _ANALYSERS[name]
    except KeyError:
        names = available()
        nearest = difflib.get_close_matches(name, names, n=1)
        hint = f" (did you mean {nearest[0]!r}?)" if nearest else ""
        raise AnalyserNotFoundError(
            f"no analyser named {name!r}{hint}; available: {', '.join(names)}"
        ) from None


def create(name: str) -> Analyser:
    """A new instance of the analyser ``name`` with its default options.

    Each call builds a fresh analyser, so two pipelines never share one.

    Example:
        >>> create("hedging") is create("hedging")
        False
    """
    return get(name)()


def available() -> tuple[str, ...]:
    """Names of every registered analyser, built-in and plugged in.

    Example:
        >>> "hedging" in available()
        True
    """
    _load_builtins()
    _load_entry_points()
    return tuple(sorted(_ANALYSERS))


def default_names() -> tuple[str, ...]:
    """Names of the analysers :func:`framekit.analyse` runs, in registration order."""
    _load_builtins()
    return tuple(_DEFAULTS)


@cache
def _load_builtins() -> None:
    importlib.import_module("framekit.analysers")


@cache
def _load_entry_points() -> None:
    for point in entry_points(group=ENTRY_POINT_GROUP):
        if point.name not in _ANALYSERS:
            _ANALYSERS[point.name] = point.load()
