"""framekit: media-framing analysis of news text.

Analysers for hedging, attribution, source balance, framing cues and
readability, over one spaCy parse per article, with the character offsets of
every piece of evidence.

Example:
    >>> import framekit
    >>> report = framekit.analyse("Analysts say the talks may well fail.")
    >>> [cue.text for cue in report.hedging.hedges]
    ['Analysts', 'may']
"""

from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from framekit._errors import (
    AnalyserNotFoundError,
    CorpusFormatError,
    DependencyError,
    FramekitError,
    FramekitWarning,
    IncompatibleDocError,
    InputTypeError,
    LexiconError,
    MissingResultError,
    NotEnglishWarning,
    OptionalDependencyError,
    PipelineError,
    TextTooLongError,
)
from framekit.analysers.attribution import AttributionAnalyser, AttributionResult
from framekit.analysers.balance import SourceBalanceAnalyser, SourceBalanceResult
from framekit.analysers.framing import FramingAnalyser, FramingResult, fit_thresholds
from framekit.analysers.hedging import HedgingAnalyser, HedgingResult
from framekit.article import Article
from framekit.layers import Lexicons
from framekit.lexicons import Lexicon, LexiconEntry
from framekit.nlp import load_pipeline
from framekit.pipeline import Analyser, BaseAnalyser, Pipeline
from framekit.report import Report
from framekit.results import Result
from framekit.spans import TextSpan

__version__ = "0.1.0"

__all__ = [
    "Analyser",
    "AnalyserNotFoundError",
    "Article",
    "AttributionAnalyser",
    "AttributionResult",
    "BaseAnalyser",
    "CorpusFormatError",
    "DependencyError",
    "FramekitError",
    "FramekitWarning",
    "FramingAnalyser",
    "FramingResult",
    "HedgingAnalyser",
    "HedgingResult",
    "IncompatibleDocError",
    "InputTypeError",
    "Lexicon",
    "LexiconEntry",
    "LexiconError",
    "Lexicons",
    "MissingResultError",
    "NotEnglishWarning",
    "OptionalDependencyError",
    "Pipeline",
    "PipelineError",
    "Report",
    "Result",
    "SourceBalanceAnalyser",
    "SourceBalanceResult",
    "TextSpan",
    "TextTooLongError",
    "__version__",
    "analyse",
    "fit_thresholds",
    "load_pipeline",
]


def analyse(article: str | Doc, *, nlp: Language | str | Path | None = None) -> Report:
    """Analyse one article with the default pipeline of built-in analysers.

    The pipeline is built once per ``nlp`` and reused; see :class:`Pipeline` to
    choose the analysers.
    """
    return _default_pipeline(nlp).analyse(article)


@cache
def _default_pipeline(nlp: Language | str | Path | None) -> Pipeline:
    return Pipeline(nlp=nlp)
