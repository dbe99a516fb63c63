"""framekit's built-in analysers; importing this package registers them."""

from framekit.analysers.attribution import Attribution, AttributionAnalyser, AttributionResult
from framekit.analysers.hedging import HedgingAnalyser, HedgingResult
from framekit.analysers.readability import ReadabilityAnalyser, ReadabilityResult

__all__ = [
    "Attribution",
    "AttributionAnalyser",
    "AttributionResult",
    "HedgingAnalyser",
    "HedgingResult",
    "ReadabilityAnalyser",
    "ReadabilityResult",
]
