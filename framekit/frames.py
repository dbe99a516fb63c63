"""Frame schemes: named sets of frames, each with the lexicon cues that signal it.

A scheme is a JSON file of the lexicon format (see :mod:`framekit.lexicons`)
with one more key, ``frames``: the scheme's frames in order, each with a
``name``, a ``label``, a ``description`` and the framing-device categories
(``devices``) whose cues also count for it. Every lexicon entry's ``category``
names the frame it signals. framekit ships two schemes:

- ``"generic"``: the five generic news frames of Semetko and Valkenburg (2000);
- ``"policy"``: the 15 frames of the Policy Frames Codebook (Boydstun et al.
  2014), the scheme of the Media Frames Corpus (Card et al. 2015), each
  definition put as two or three yes/no questions.

Extend a scheme with :meth:`FrameScheme.extend`, or build your own with
:meth:`FrameScheme.from_file` or :meth:`FrameScheme.build`.

Example:
    >>> generic = FrameScheme.load("generic")
    >>> generic.names
    ('conflict', 'human_interest', 'economic_consequences', 'morality', 'responsibility')
    >>> [q.id for q in FrameScheme.load("policy").frames[0].questions]
    ['EC1', 'EC2', 'EC3']
    >>> mine = generic.extend([{"id": "conflict/spar", "category": "conflict", "lemma": "spar"}])
    >>> "conflict/spar" in mine.lexicon and "conflict/spar" not in generic.lexicon
    True
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from framekit._errors import LexiconError
from framekit.lexicons import JsonFile, Lexicon, LexiconEntry

__all__ = ["BUILT_IN_SCHEMES", "FrameDefinition", "FrameQuestion", "FrameScheme"]

#: The schemes framekit ships, by name, with the lexicon file each is kept in.
BUILT_IN_SCHEMES: Mapping[str, str] = {"generic": "frames_generic", "policy": "frames_policy"}


@attrs.frozen
class FrameQuestion:
    """One yes/no coding question of a frame, answered from the cues tagged with its id.

    Attributes:
        id: the question's key within its scheme (``C1``, ``R3``).
        text: the question as the codebook asks it.
        evidence: what in a text answers it, for people reading a result.
        devices: framing-device categories whose cues also answer it
            (``name_calling`` for "does one party reproach another?").
    """

    id: str
    text: str = ""
    evidence: str = ""
    devices: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> FrameQuestion:
        """Build a question from its JSON form."""
        if "id" not in raw:
            raise LexiconError(f"frame question {dict(raw)!r} has no 'id'")
        return cls(str(raw["id"]), str(raw.get("text", "")), str(raw.get("evidence", "")),
                   tuple(str(d) for d in raw.get("devices", ())))


@attrs.frozen
class FrameDefinition:
    """One frame of a scheme.

    Attributes:
        name: the frame's key, in snake_case (``human_interest``).
        label: its name for people (``Human interest``).
        description: what the frame is, after the scheme's codebook.
        devices: framing-device categories whose cues also count for the frame
            (as evidence of no particular question).
        questions: the codebook's yes/no questions for the frame; a lexicon
            entry answers the question its ``question`` key names. A frame
            without questions has its cues answer one question named after it.
        threshold: the score from which the frame is present, as
            :func:`~framekit.analysers.framing.fit_thresholds` sets it on coded
            articles; ``None`` leaves it to the analyser's ``threshold``.
    """

    name: str
    label: str = ""
    description: str = ""
    devices: tuple[str, ...] = ()
    questions: tuple[FrameQuestion, ...] = ()
    threshold: float | None = None

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> FrameDefinition:
        """Build a frame from its JSON form."""
        if "name" not in raw:
            raise LexiconError(f"frame {dict(raw)!r} has no 'name'")
        threshold = raw.get("threshold")
        return cls(str(raw["name"]), str(raw.get("label", "")), str(raw.get("description", "")),
                   tuple(str(d) for d in raw.get("devices", ())),
                   tuple(FrameQuestion.from_dict(q) for q in raw.get("questions", ())),
                   None if threshold is None else float(threshold))

    def with_threshold(self, threshold: float | None) -> FrameDefinition:
        """The same frame with another default ``threshold``."""
        return attrs.evolve(self, threshold=threshold)


@attrs.frozen
class FrameScheme(JsonFile):
    """A named set of frames and the lexicon of cues that signal them.

    Attributes:
        name: the scheme's name (``"generic"``, ``"policy"`` or your own).
        frames: the frames, in the scheme's order.
        lexicon: the cues; each entry's ``category`` is one of the frames' names.

    Raises:
        LexiconError: when an entry names a frame the scheme lacks, or two
            frames share a name.
    """

    name: str
    frames: tuple[FrameDefinition, ...]
    lexicon: Lexicon

    def __attrs_post_init__(self) -> None:
        names = [frame.name for frame in self.frames]
        if len(set(names)) != len(names):
            raise LexiconError(f"frame scheme {self.name!r} names a frame twice")
        unknown = self.lexicon.categories() - set(names)
        if unknown:
            raise LexiconError(
                f"frame scheme {self.name!r} has cues for frames it does not define: "
                f"{sorted(unknown)}")

    @property
    def names(self) -> tuple[str, ...]:
        """The frames' names, in order."""
        return tuple(frame.name for frame in self.frames)

    @classmethod
    def load(cls, name: str | Path) -> FrameScheme:
        """A built-in scheme by name (``"generic"``, ``"policy"``) or a scheme file by path."""
        if str(name) in BUILT_IN_SCHEMES:
            source = resources.files("framekit.lexicons").joinpath(
                f"{BUILT_IN_SCHEMES[str(name)]}.json")
            return cls.from_json(str(name), source.read_text(encoding="utf-8"))
        path = Path(name)
        if not path.is_file():
            raise LexiconError(
                f"no frame scheme {str(name)!r}: give one of {sorted(BUILT_IN_SCHEMES)} "
                "or the path of a scheme file")
        return cls.from_file(path)

    @classmethod
    def from_json(cls, name: str, text: str) -> FrameScheme:
        """Parse a scheme from its JSON text."""
        lexicon = Lexicon.from_json(name, text)
        raw = json.loads(text)
        if not isinstance(raw.get("frames"), list):
            raise LexiconError(f"frame scheme {name!r} must have a list of 'frames'")
        return cls(name, tuple(FrameDefinition.from_dict(f) for f in raw["frames"]), lexicon)

    @classmethod
    def build(cls, name: str, frames: Iterable[FrameDefinition | Mapping[str, Any]],
              entries: Iterable[LexiconEntry | Mapping[str, Any]]) -> FrameScheme:
        """A scheme of your own from frames and cue entries (or their JSON-like dicts).

        Example:
            >>> scheme = FrameScheme.build(
            ...     "blame", [{"name": "blame", "label": "Blame"}],
            ...     [{"id": "blame", "category": "blame", "lemma": "blame"}])
            >>> scheme.names, len(scheme.lexicon)
            (('blame',), 1)
        """
        built = tuple(f if isinstance(f, FrameDefinition) else FrameDefinition.from_dict(f)
                      for f in frames)
        return cls(name, built, Lexicon.from_entries(name, entries))

    def extend(self, entries: Iterable[LexiconEntry | Mapping[str, Any]] = (),
               frames: Iterable[FrameDefinition | Mapping[str, Any]] = ()) -> FrameScheme:
        """A new scheme with cue ``entries`` and ``frames`` added (same ids and names replace)."""
        added = [f if isinstance(f, FrameDefinition) else FrameDefinition.from_dict(f)
                 for f in frames]
        replaced = {frame.name for frame in added}
        kept = tuple(frame for frame in self.frames if frame.name not in replaced)
        return FrameScheme(self.name, kept + tuple(added), self.lexicon.extend(entries))

    def with_thresholds(self, thresholds: Mapping[str, float]) -> FrameScheme:
        """A new scheme whose frames named in ``thresholds`` take those thresholds.

        Example:
            >>> scheme = FrameScheme.load("generic").with_thresholds({"morality": 3.0})
            >>> [f.threshold for f in scheme.frames if f.name == "morality"]
            [3.0]
        """
        unknown = set(thresholds) - set(self.names)
        if unknown:
            raise LexiconError(f"frame scheme {self.name!r} has no frames {sorted(unknown)}")
        return FrameScheme(self.name, tuple(
            frame.with_threshold(thresholds[frame.name]) if frame.name in thresholds else frame
            for frame in self.frames), self.lexicon)

    def without(self, ids: Iterable[str]) -> FrameScheme:
        """A new scheme without the cue entries whose id is in ``ids``."""
        return FrameScheme(self.name, self.frames, self.lexicon.without(ids))
