"""The base of every analyser result: JSON round trips and flat rows for tables.

Results are frozen ``attrs`` classes with slots that derive from :class:`Result`.
They convert to plain dicts (and back) through one shared ``cattrs`` converter,
and flatten to ``summary()`` (one dict of article-level figures) and ``rows()``
(one dict per piece of evidence), which ``pandas.DataFrame`` takes as they are.
They are immutable all the way down: a mapping field holds a
:class:`FrozenMapping`, so every result can be hashed and none can be changed.
"""


import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol, Self, TypeVar, get_args, get_origin, overload

import attrs
from cattrs.preconf.json import make_converter

from framekit.views import Mark, Panel, Table

__all__ = ["NOT_COMPUTED", "FrozenMapping", "Result", "Scalar", "converter", "flatten", "freeze",
           "named"]

#: The cattrs converter framekit uses for every result (enums become their values).
converter = make_converter()

Scalar = str | int | float | bool | None

#: Why a figure of :meth:`Result.unavailable` has no value, unless a result says better.
NOT_COMPUTED = "not computed for this text"

K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")
N = TypeVar("N", bound="_Named")


class _Named(Protocol):
    @property
    def name(self) -> str: ...


def named(items: Iterable[N], name: str, what: str) -> N:
    """The item of ``items`` called ``name`` (a source of a result, a measure …).

    Raises:
        KeyError: none is called ``name``; the message lists the names there are.

    Example:
        >>> from framekit.speakers import Speaker, SpeakerType
        >>> named([Speaker("Ann Lee", SpeakerType.PERSON)], "Ann Lee", "speaker").type.value
        'person'
    """
    items = tuple(items)
    for item in items:
        if item.name == name:
            return item
    raise KeyError(f"no {what} named {name!r}; there are: {', '.join(i.name for i in items)}")


class FrozenMapping(Mapping[K, V]):
    """A read-only, hashable mapping that keeps its keys' order.

    It equals any mapping with the same items, dicts included, and serialises
    as a plain dict.

    Example:
        >>> counts = FrozenMapping({"modal": 2, "adverb": 1})
        >>> counts["modal"], list(counts), counts == {"adverb": 1, "modal": 2}
        (2, ['modal', 'adverb'], True)
        >>> hash(counts) == hash(FrozenMapping({"adverb": 1, "modal": 2}))
        True
        >>> counts["modal"] = 3
        Traceback (most recent call last):
        TypeError: 'FrozenMapping' object does not support item assignment
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[K, V] | None = None) -> None:
        self._items: dict[K, V] = dict(items or {})

    def __getitem__(self, key: K) -> V:
        return self._items[key]

    @overload
    def get(self, key: K, /) -> V | None: ...

    @overload
    def get(self, key: K, /, default: V | T) -> V | T: ...

    def get(self, key: K, /, default: object = None) -> object:
        """The dict's own ``get`` (``Mapping.get`` goes through ``KeyError``)."""
        return self._items.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __repr__(self) -> str:
        return f"FrozenMapping({self._items!r})"

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)


def freeze(mapping: Mapping[K, V]) -> FrozenMapping[K, V]:
    """``mapping`` as a :class:`FrozenMapping` (itself if it is one): an attrs converter.

    Example:
        >>> freeze({"a": 1})
        FrozenMapping({'a': 1})
    """
    return mapping if isinstance(mapping, FrozenMapping) else FrozenMapping(mapping)


class Result:
    """Mixin for analyser results: serialisation, flattening, and how a result is seen.

    Subclasses override :meth:`findings`, :meth:`unavailable`, :meth:`marks`,
    :meth:`panel` and :meth:`features` to show themselves on the command line,
    in the HTML report and to scikit-learn (see :mod:`framekit.views`).

    Example:
        >>> import attrs
        >>> from framekit.spans import TextSpan
        >>> @attrs.frozen
        ... class Found(Result):
        ...     words: int
        ...     cues: tuple[TextSpan, ...]
        >>> found = Found(3, (TextSpan(0, 3, "may"),))
        >>> found.summary()
        {'words': 3}
        >>> found.rows()
        [{'evidence': 'cues', 'start': 0, 'end': 3, 'text': 'may'}]
        >>> Found.from_dict(found.to_dict()) == found
        True
    """

    __slots__ = ()

    def __attrs_post_init__(self) -> None:
        for name in _mapping_fields(type(self)):
            value = getattr(self, name)
            object.__setattr__(self, name, freeze(value))

    def to_dict(self) -> dict[str, Any]:
        """The result as plain JSON-compatible Python data."""
        data: dict[str, Any] = converter.unstructure(self)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Rebuild a result from :meth:`to_dict`'s output."""
        result: Self = converter.structure(dict(data), cls)
        return result

    def to_json(self, **kwargs: Any) -> str:
        """The result as a JSON string (``kwargs`` go to :func:`json.dumps`)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    @classmethod
    def from_json(cls, text: str) -> Self:
        """Rebuild a result from :meth:`to_json`'s output."""
        return cls.from_dict(json.loads(text))

    def findings(self) -> tuple[Table, ...]:
        """The evidence a reader wants first, for the command line's table.

        Each table's rows begin with the offset where the finding starts. None by default.
        """
        return ()

    def unavailable(self) -> dict[str, str]:
        """The :meth:`summary` figures that have no value here, each with why.

        By default every figure that is ``None``, as not computed for this text.
        """
        return {key: NOT_COMPUTED for key, value in self.summary().items()
                if value is None}

    def marks(self, key: str) -> tuple[Mark, ...]:
        """The stretches of the text the HTML report highlights for this result.

        ``key`` (the analyser's name) starts each mark's :attr:`~framekit.views.Mark.key`,
        so that marks of different results never share one. None by default.
        """
        return ()

    def panel(self, name: str) -> Panel:
        """The box of figures the HTML report shows beside the article.

        By default the :meth:`summary` under the analyser's ``name``.
        """
        return Panel(name, facts=tuple(self.summary().items()))

    def features(self) -> dict[str, float]:
        """Numeric figures for machine learning (:class:`framekit.sklearn.FramekitFeatures`).

        By default every number of the :meth:`summary`.
        """
        return {key: float(value) for key, value in self.summary().items()
                if isinstance(value, int | float)}

    def summary(self) -> dict[str, Scalar]:
        """Article-level figures: every field that is not a list of evidence, flattened."""
        evidence = _evidence_fields(type(self))
        return flatten({key: value for key, value in self.to_dict().items()
                        if key not in evidence})

    def rows(self) -> list[dict[str, Scalar]]:
        """One flat dict per piece of evidence, with the name of the list it came from."""
        rows: list[dict[str, Scalar]] = []
        for name in _evidence_fields(type(self)):
            items = converter.unstructure(getattr(self, name))
            rows.extend({"evidence": name, **flatten(item)} for item in items)
        return rows


def _evidence_fields(cls: type[Any]) -> tuple[str, ...]:
    """Names of the fields typed as a tuple of attrs objects (the evidence lists)."""
    return _field_kinds(cls)[0]


def _mapping_fields(cls: type[Any]) -> tuple[str, ...]:
    """Names of the fields typed as a mapping, which :class:`Result` freezes."""
    return _field_kinds(cls)[1]


#: Per result class, its evidence fields and its mapping fields, found once.
_FIELD_KINDS: dict[type[Any], tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _field_kinds(cls: type[Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if cls not in _FIELD_KINDS:
        fields = _resolved_fields(cls)
        evidence = tuple(field.name for field in fields if get_origin(field.type) is tuple
                         and (args := get_args(field.type)) and attrs.has(args[0]))
        mappings = tuple(field.name for field in fields
                         if get_origin(field.type) in {Mapping, dict})
        _FIELD_KINDS[cls] = evidence, mappings
    return _FIELD_KINDS[cls]


def _resolved_fields(cls: type[Any]) -> tuple["attrs.Attribute[Any]", ...]:
    if any(isinstance(field.type, str) for field in attrs.fields(cls)):
        attrs.resolve_types(cls)
    return tuple(attrs.fields(cls))


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Scalar]:
    """Flatten nested dicts to ``a.b`` keys; lists become JSON text.

    A nested span ``{"cue": {"start": 1, ...}}`` becomes ``cue.start`` and so on,
    except that a top-level span's keys stay as they are.

    Example:
        >>> flatten({"cue": {"start": 1, "end": 4}, "type": "modal", "parts": [1, 2]})
        {'cue.start': 1, 'cue.end': 4, 'type': 'modal', 'parts': '[1, 2]'}
    """
    flat: dict[str, Scalar] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, prefix=f"{name}."))
        elif isinstance(value, list | tuple):
            flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat
