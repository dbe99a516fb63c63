"""The base of every analyser result: JSON round trips and flat rows for tables.

Results are frozen ``attrs`` classes with slots that derive from :class:`Result`.
They convert to plain dicts (and back) through one shared ``cattrs`` converter,
and flatten to ``summary()`` (one dict of article-level figures) and ``rows()``
(one dict per piece of evidence), which ``pandas.DataFrame`` takes as they are.
"""


import json
from collections.abc import Mapping
from typing import Any, Self, get_args, get_origin

import attrs
from cattrs.preconf.json import make_converter

__all__ = ["Result", "Scalar", "converter", "flatten"]

#: The cattrs converter framekit uses for every result (enums become their values).
converter = make_converter()

Scalar = str | int | float | bool | None


class Result:
    """Mixin for analyser results: serialisation and flattening.

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


_EVIDENCE_FIELDS: dict[type[Any], tuple[str, ...]] = {}


def _evidence_fields(cls: type[Any]) -> tuple[str, ...]:
    """Names of the fields typed as a tuple of attrs objects (the evidence lists)."""
    if cls not in _EVIDENCE_FIELDS:
        _EVIDENCE_FIELDS[cls] = _find_evidence_fields(cls)
    return _EVIDENCE_FIELDS[cls]


def _find_evidence_fields(cls: type[Any]) -> tuple[str, ...]:
    if any(isinstance(field.type, str) for field in attrs.fields(cls)):
        attrs.resolve_types(cls)
    names = []
    for field in attrs.fields(cls):
        args = get_args(field.type)
        if get_origin(field.type) is tuple and args and attrs.has(args[0]):
            names.append(field.name)
    return tuple(names)


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
