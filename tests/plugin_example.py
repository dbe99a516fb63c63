"""A third-party analyser, as a plugin package would write it (used by the registry tests)."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from framekit import Article, BaseAnalyser, Result, TextSpan


@attrs.frozen
class ExclamationResult(Result):
    marks: tuple[TextSpan, ...]
    hedges_seen: int


class ExclamationAnalyser(BaseAnalyser[ExclamationResult]):
    """Counts exclamation marks, and reads the hedging result to show a need."""

    name = "exclamations"
    needs = ("hedging",)
    result_type = ExclamationResult

    def run(self, article: Article, results: Mapping[str, Result]) -> ExclamationResult:
        hedging = results["hedging"]
        marks = tuple(TextSpan.of(t) for t in article.doc if t.text == "!")
        return ExclamationResult(marks, len(getattr(hedging, "hedges", ())))
