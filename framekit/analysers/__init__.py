"""framekit's built-in analysers; importing this package registers them."""

from framekit.analysers.attribution import Attribution, AttributionAnalyser, AttributionResult
from framekit.analysers.balance import SourceBalanceAnalyser, SourceBalanceResult
from framekit.analysers.framing import FramingAnalyser, FramingResult
from framekit.analysers.hedging import HedgingAnalyser, HedgingResult
from framekit.analysers.readability import ReadabilityAnalyser, ReadabilityResult

__all__ = [
    "Attribution",
    "AttributionAnalyser",
    "AttributionResult",
    "FramingAnalyser",
    "FramingResult",
    "HedgingAnalyser",
    "HedgingResult",
    "ReadabilityAnalyser",
    "ReadabilityResult",
    "SourceBalanceAnalyser",
    "SourceBalanceResult",
]
