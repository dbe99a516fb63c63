"""The report: every analyser's result for one article, by analyser name."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast, overload

import attrs

from framekit import registry
from framekit._errors import MissingResultError
from framekit.results import Result, Scalar, freeze

if TYPE_CHECKING:
    from framekit.analysers.attribution import AttributionResult
    from framekit.analysers.balance import SourceBalanceResult
    from framekit.analysers.framing import FramingResult
    from framekit.analysers.hedging import HedgingResult
    from framekit.analysers.readability import ReadabilityResult

__all__ = ["Report"]

R = TypeVar("R", bound=Result)


class _ResultOf(Generic[R]):
    """A built-in analyser's result as a typed attribute of a report (``report.hedging``)."""

    def __init__(self, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, report: None, owner: type[Report]) -> _ResultOf[R]: ...

    @overload
    def __get__(self, report: Report, owner: type[Report]) -> R: ...

    def __get__(self, report: Report | None, owner: type[Report]) -> _ResultOf[R] | R:
        return self if report is None else cast(R, report[self.name])

    def __repr__(self) -> str:
        return f"report[{self.name!r}]"


def _frozen(results: Mapping[str, Result]) -> Mapping[str, Result]:
    return freeze(results)


@attrs.frozen
class Report:
    """The results of a pipeline's analysers for one article.

    Results are reached by name, ``report["hedging"]``, or for the built-in
    analysers as attributes, ``report.hedging``. In batch mode with
    ``on_error="record"``, a document that could not be analysed gets a report
    with no results and the error's message in ``error``.

    Attributes:
        text: the article's text, as analysed.
        results: each analyser's result, by analyser name, in the order they ran.
        error: why the document could not be analysed, or ``None``.

    Example:
        >>> from framekit import analyse
        >>> report = analyse("Talks could resume, officials said.")
        >>> report.hedging.hedges[0].text
        'could'
        >>> Report.from_json(report.to_json()) == report
        True
    """

    text: str
    results: Mapping[str, Result] = attrs.field(converter=_frozen)
    error: str | None = None

    def __getitem__(self, name: str) -> Result:
        try:
            return self.results[name]
        except KeyError:
            if self.error is not None:
                raise MissingResultError(
                    f"the document could not be analysed: {self.error}") from None
            raise MissingResultError(
                f"the report has no {name!r} result; it holds {', '.join(self.results)}. "
                f"Add the {name!r} analyser to the pipeline."
            ) from None

    def result(self, name: str, kind: type[R]) -> R:
        """The result of analyser ``name``, checked to be a ``kind``.

        Typed access to any analyser's result, your own included; the built-in
        ones are also attributes (``report.hedging``).

        Raises:
            MissingResultError: the report holds no ``kind`` under ``name``.

        Example:
            >>> from framekit import analyse
            >>> from framekit.analysers.hedging import HedgingResult
            >>> analyse("Talks could resume.").result("hedging", HedgingResult).hedges[0].text
            'could'
        """
        found = self[name]
        if not isinstance(found, kind):
            raise MissingResultError(f"the report's {name!r} result is a "
                                     f"{type(found).__name__}, not a {kind.__name__}")
        return found

    def __contains__(self, name: object) -> bool:
        return name in self.results

    def __iter__(self) -> Iterator[str]:
        return iter(self.results)

    #: The :class:`~framekit.analysers.hedging.HedgingAnalyser` result.
    hedging: ClassVar[_ResultOf[HedgingResult]] = _ResultOf("hedging")
    #: The :class:`~framekit.analysers.attribution.AttributionAnalyser` result.
    attribution: ClassVar[_ResultOf[AttributionResult]] = _ResultOf("attribution")
    #: The :class:`~framekit.analysers.balance.SourceBalanceAnalyser` result.
    balance: ClassVar[_ResultOf[SourceBalanceResult]] = _ResultOf("balance")
    #: The :class:`~framekit.analysers.framing.FramingAnalyser` result.
    framing: ClassVar[_ResultOf[FramingResult]] = _ResultOf("framing")
    #: The :class:`~framekit.analysers.readability.ReadabilityAnalyser` result.
    readability: ClassVar[_ResultOf[ReadabilityResult]] = _ResultOf("readability")

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON-compatible data."""
        return {"text": self.text,
                "results": {name: result.to_dict() for name, result in self.results.items()},
                "error": self.error}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        """Rebuild a report; each result's class is found through the registry."""
        results = {name: _result_type(name).from_dict(value)
                   for name, value in data["results"].items()}
        return cls(data["text"], results, data.get("error"))

    def to_json(self, **kwargs: Any) -> str:
        """The report as JSON text (``kwargs`` go to :func:`json.dumps`)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    @classmethod
    def from_json(cls, text: str) -> Report:
        """Rebuild a report from :meth:`to_json`'s output."""
        return cls.from_dict(json.loads(text))

    def summary(self) -> dict[str, Scalar]:
        """One flat row of article-level figures, keys prefixed by analyser name."""
        row: dict[str, Scalar] = {"error": self.error} if self.error is not None else {}
        row.update({f"{name}.{key}": value for name, result in self.results.items()
                    for key, value in result.summary().items()})
        return row

    def rows(self) -> list[dict[str, Scalar]]:
        """One flat row per piece of evidence of every analyser."""
        return [{"analyser": name, **row} for name, result in self.results.items()
                for row in result.rows()]


def _result_type(name: str) -> type[Result]:
    factory = registry.get(name)
    declared = getattr(factory, "result_type", None)  # a class attribute: no instance needed
    if isinstance(declared, type) and issubclass(declared, Result):
        return declared
    return registry.create(name).result_type
