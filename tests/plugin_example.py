"""A third-party analyser, as a plugin package would write it (used by the registry tests)."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from framekit import Article, BaseAnalyser, Result, TextSpan
from framekit.views import Mark


@attrs.frozen
class ExclamationResult(Result):
    exclamations: tuple[TextSpan, ...]
    hedges_seen: int

    def marks(self, key: str) -> tuple[Mark, ...]:
        return tuple(Mark(span.start, span.end, "exclamation", "exclamation mark", f"{key}-{i}")
                     for i, span in enumerate(self.exclamations))


class ExclamationAnalyser(BaseAnalyser[ExclamationResult]):
    """Counts exclamation marks, and reads the hedging result to show a need."""

    name = "exclamations"
    needs = ("hedging",)
    result_type = ExclamationResult

    def run(self, article: Article, results: Mapping[str, Result]) -> ExclamationResult:
        hedging = results["hedging"]
        found = tuple(TextSpan.of(t) for t in article.doc if t.text == "!")
        return ExclamationResult(found, len(getattr(hedging, "hedges", ())))
