"""Groupings: which side of a story each source speaks for.

A :class:`Grouping` maps group names (the sides of a conflict, the parties of
an election, government / opposition / civil society…) to a
:class:`GroupMatcher` each. A matcher describes its group's sources in four
ways, from the most to the least specific:

``names``
    canonical names, matched whole (*Volodymyr Zelensky*);
``fragments``
    words or phrases of a name (*Zelensky*, *Trump* for *the Trump
    administration*, *IAEA*);
``roles``
    words or phrases of a role the article gives the source (*think tank*,
    *former*);
``cues``
    words or phrases found anywhere in the name, a role, or a mention as
    written, typically nationality, place and institution words (*Kremlin*,
    *Russian*, *Moscow*, *Kyiv*).

Matching is by whole words and ignores case, except that a matcher written in
capitals (*US*, *UN*, *U.S.*) matches only in capitals. A source joins the group
with the most specific match, so a role match (*head of the Ukraine Forum at the
Chatham House* **think tank**: independent experts) beats a cue (**Ukraine**);
between equally specific matches the group listed first wins. A source no
matcher describes is unassigned.

Groupings are written in code or loaded from JSON (:meth:`Grouping.load`)::

    {"about": "…",
     "groups": {"Russia": {"fragments": ["Putin"], "cues": ["Kremlin", "Russian"]},
                "Ukraine": {"cues": ["Kyiv", "Ukrainian"]}}}
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from enum import IntEnum
from pathlib import Path
from typing import Any

import attrs

from framekit._errors import LexiconError

__all__ = ["GroupMatcher", "Grouping", "MatchKind"]


class MatchKind(IntEnum):
    """How specifically a matcher describes a source; a higher value wins."""

    CUE = 1
    ROLE = 2
    FRAGMENT = 3
    NAME = 4


def _words(items: Iterable[str]) -> tuple[str, ...]:
    if isinstance(items, str):
        raise TypeError(f"expected a list of words or phrases, got the string {items!r}")
    return tuple(items)


def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex finding any of ``phrases`` as whole words (capitals only for acronyms)."""
    if not phrases:
        return None
    parts = [(r"\s+".join(map(re.escape, p.split())), p.isupper()) for p in phrases]
    alternatives = [body if upper else f"(?i:{body})" for body, upper in parts]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


@attrs.frozen
class GroupMatcher:
    """What puts a source in a group (see the module docs for the four kinds).

    Example:
        >>> russia = GroupMatcher(fragments=["Putin"], cues=["Kremlin", "Russian"])
        >>> russia.match("Dmitry Peskov", roles=["the Kremlin spokesman"])
        <MatchKind.CUE: 1>
        >>> russia.match("Vladimir Putin"), russia.match("Analysts")
        (<MatchKind.FRAGMENT: 3>, None)
    """

    names: tuple[str, ...] = attrs.field(default=(), converter=_words)
    fragments: tuple[str, ...] = attrs.field(default=(), converter=_words)
    roles: tuple[str, ...] = attrs.field(default=(), converter=_words)
    cues: tuple[str, ...] = attrs.field(default=(), converter=_words)
    _patterns: tuple[re.Pattern[str] | None, ...] = attrs.field(
        init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_patterns", tuple(
            _pattern(phrases) for phrases in (self.fragments, self.roles, self.cues)))

    def match(self, name: str, roles: Iterable[str] = (), mentions: Iterable[str] = ()
              ) -> MatchKind | None:
        """The most specific way this matcher describes a source, or ``None``.

        Args:
            name: the source's canonical name.
            roles: the roles the article gives it.
            mentions: the source's mentions as written (*the Russian president*).
        """
        if name.casefold() in {n.casefold() for n in self.names}:
            return MatchKind.NAME
        fragments, role_words, cues = self._patterns
        roles = tuple(roles)
        if fragments is not None and fragments.search(name):
            return MatchKind.FRAGMENT
        if role_words is not None and any(role_words.search(role) for role in roles):
            return MatchKind.ROLE
        if cues is not None and any(cues.search(text) for text in (name, *roles, *mentions)):
            return MatchKind.CUE
        return None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> GroupMatcher:
        """A matcher from its JSON form, ``{"names": [...], "cues": [...], ...}``.

        Raises:
            LexiconError: an unknown key, or a value that is not a list of strings.
        """
        unknown = set(data) - {"names", "fragments", "roles", "cues"}
        if unknown:
            raise LexiconError(f"unknown group matcher keys {sorted(unknown)}; "
                               "expected names, fragments, roles or cues")
        for key, value in data.items():
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise LexiconError(f"group matcher {key!r} must be a list of strings, "
                                   f"got {value!r}")
        return cls(**data)


@attrs.frozen
class Grouping:
    """Named groups of sources, each described by a :class:`GroupMatcher`.

    Attributes:
        groups: the matcher of each group, in order of precedence on ties.
        about: what the grouping is for and how it was made.

    Example:
        >>> sides = Grouping.from_dict({
        ...     "Russia": {"fragments": ["Putin"], "cues": ["Kremlin", "Russian"]},
        ...     "Ukraine": {"cues": ["Kyiv", "Ukrainian"]},
        ...     "experts": {"roles": ["think tank", "former"]}})
        >>> sides.assign("officials in Kyiv")
        'Ukraine'
        >>> sides.assign("Boris Bondarev", roles=["Former Russian diplomat"])
        'experts'
        >>> print(sides.assign("Analysts"))
        None
    """

    groups: Mapping[str, GroupMatcher]
    about: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """The groups' names, in order."""
        return tuple(self.groups)

    def assign(self, name: str, roles: Iterable[str] = (), mentions: Iterable[str] = ()
               ) -> str | None:
        """The group with the most specific match for a source, first on ties; else ``None``.

        The arguments are those of :meth:`GroupMatcher.match`.
        """
        roles, mentions = tuple(roles), tuple(mentions)
        best: tuple[MatchKind, str] | None = None
        for group, matcher in self.groups.items():
            kind = matcher.match(name, roles, mentions)
            if kind is not None and (best is None or kind > best[0]):
                best = (kind, group)
        return best[1] if best else None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Grouping:
        """A grouping from ``{"about": ..., "groups": {name: matcher}}`` or ``{name: matcher}``.

        Raises:
            LexiconError: the data are not a mapping of group names to matchers.
        """
        about = ""
        if "groups" in data and isinstance(data["groups"], Mapping):
            about, data = str(data.get("about", "")), data["groups"]
        if not all(isinstance(matcher, Mapping) for matcher in data.values()):
            raise LexiconError("a grouping maps each group name to a matcher object")
        return cls({str(group): GroupMatcher.from_dict(matcher)
                    for group, matcher in data.items()}, about)

    @classmethod
    def load(cls, path: str | Path) -> Grouping:
        """A grouping from a JSON file (see :meth:`from_dict` for the format)."""
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
