"""framekit's exceptions and warnings, with their messages in one place.

Every error framekit raises on purpose derives from :class:`FramekitError`, so a
caller can catch them all with one ``except`` clause. Each subclass also
derives from the matching built-in (``TypeError``, ``ValueError``,
``LookupError``), so code written against the built-ins keeps working.
"""

from __future__ import annotations

__all__ = [
    "AnalyserNotFoundError",
    "CorpusFormatError",
    "DependencyError",
    "FramekitError",
    "FramekitWarning",
    "IncompatibleDocError",
    "InputTypeError",
    "LexiconError",
    "MissingResultError",
    "NotEnglishWarning",
    "PipelineError",
    "TextTooLongError",
]


class FramekitError(Exception):
    """Base class of every error framekit raises on purpose."""


class InputTypeError(FramekitError, TypeError):
    """The input is neither a ``str`` nor a parsed spaCy ``Doc``."""

    @classmethod
    def for_value(cls, value: object) -> InputTypeError:
        """Build the error for ``value``, with a hint for the usual mistakes."""
        if value is None:
            return cls("expected an article as str or spaCy Doc, got None")
        if isinstance(value, bytes | bytearray):
            return cls(
                "expected an article as str, got bytes: decode it first, "
                "e.g. data.decode('utf-8')"
            )
        return cls(f"expected an article as str or spaCy Doc, got {type(value).__name__}")


class IncompatibleDocError(FramekitError, ValueError):
    """A ``Doc`` lacks the annotations framekit needs or comes from another pipeline."""


class TextTooLongError(FramekitError, ValueError):
    """The text is longer than the spaCy pipeline's ``max_length``."""


class PipelineError(FramekitError, RuntimeError):
    """No usable spaCy pipeline: not installed, not English, or missing components."""


class DependencyError(FramekitError, ValueError):
    """An analyser needs another analyser's result that cannot be provided."""


class AnalyserNotFoundError(FramekitError, LookupError):
    """No analyser is registered under the requested name."""


class MissingResultError(FramekitError, LookupError):
    """A report holds no result for the requested analyser."""


class LexiconError(FramekitError, ValueError):
    """A lexicon file or entry is malformed."""


class CorpusFormatError(FramekitError, ValueError):
    """An annotated corpus or coding file is malformed; the message names the file and line."""

    def __init__(self, path: object, line: int | None, problem: str) -> None:
        where = f"{path}, line {line}" if line is not None else f"{path}"
        super().__init__(f"{where}: {problem}")
        self.path = str(path)
        self.line = line
        self.problem = problem


class FramekitWarning(UserWarning):
    """Base class of framekit's warnings."""


class NotEnglishWarning(FramekitWarning):
    """The text looks mostly not English; it is analysed all the same."""
