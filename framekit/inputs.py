"""The input contract: what an analyser accepts, refuses and treats as empty.

=========================================  ===========================================
input                                      outcome
=========================================  ===========================================
``str``                                    parsed and analysed
``str`` empty or whitespace only           a valid result with nothing found
``str`` longer than 50,000 characters      parsed in chunks at line breaks, then joined
(:data:`CHUNK_SIZE`)                       (offsets unchanged); a single paragraph
                                           longer than ``nlp.max_length`` raises
                                           :class:`~framekit.TextTooLongError`
``str`` that is mostly not English         analysed, with a
                                           :class:`~framekit.NotEnglishWarning`
``Doc`` from a tagged and parsed pipeline  analysed as it is, without parsing again
``Doc`` without tags or dependencies       :class:`~framekit.IncompatibleDocError`
``Doc`` of another vocabulary than the     :class:`~framekit.IncompatibleDocError`
pipeline's, when a pipeline is given
``None``, ``bytes``, numbers, others       :class:`~framekit.InputTypeError`
=========================================  ===========================================

Text is never altered: HTML remnants, control and zero-width characters stay
where they are, so every offset points into the text as given.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from typing import TypeVar

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from framekit._errors import (
    IncompatibleDocError,
    InputTypeError,
    NotEnglishWarning,
    TextTooLongError,
)

__all__ = [
    "BATCH_CHARACTERS",
    "CHUNK_SIZE",
    "batches",
    "check_doc",
    "check_text",
    "chunk_size",
    "parse",
    "warn_if_not_english",
]

C = TypeVar("C")

_LINE_ENDS = re.compile(r"\n+")
#: Below this many alphabetic words a text is too short to judge its language.
_MIN_WORDS = 20
#: English running text has 35-50 % stop words; other languages far fewer.
_MIN_STOP_WORD_SHARE = 0.12


def check_text(item: object) -> str:
    """Return ``item`` if it is a ``str``; raise :class:`InputTypeError` otherwise.

    Example:
        >>> check_text(b"Kyiv")
        Traceback (most recent call last):
        ...
        framekit._errors.InputTypeError: expected an article as str, got bytes: ...
    """
    if not isinstance(item, str):
        raise InputTypeError.for_value(item)
    return item


#: Characters above which a text is parsed in chunks at line breaks. spaCy's
#: parse of one ``Doc`` grows faster than its length past about 100,000
#: characters (a 50,000-word article costs 12 times a 5,000-word one, not 10);
#: chunks keep the cost linear, and no news article of ordinary length is cut.
CHUNK_SIZE = 50_000


def chunk_size(nlp: Language) -> int:
    """The length above which :func:`parse` cuts a text into chunks for ``nlp``."""
    return min(CHUNK_SIZE, nlp.max_length)


#: Characters of text given to spaCy at a time. While a batch is parsed, spaCy's
#: embedding layer holds some 3 KB per character of it: 400 MB for 32 news
#: articles, 55 MB for 20,000 characters. Batches this size parse no slower on
#: a CPU (a little faster: they stay in the cache), and the memory no longer
#: grows with the length of the articles.
BATCH_CHARACTERS = 20_000


def batches(items: Iterable[tuple[str, C]], size: int) -> Iterator[list[tuple[str, C]]]:
    """Cut ``(text, context)`` pairs into batches for ``nlp.pipe``.

    A batch holds at most ``size`` pairs and, unless its one text is longer,
    at most :data:`BATCH_CHARACTERS` characters of text.

    Example:
        >>> [len(batch) for batch in batches([("a" * 15_000, 1), ("b", 2), ("c" * 9_000, 3)], 8)]
        [2, 1]
    """
    batch: list[tuple[str, C]] = []
    characters = 0
    for item in items:
        if batch and (len(batch) == size or characters + len(item[0]) > BATCH_CHARACTERS):
            yield batch
            batch, characters = [], 0
        batch.append(item)
        characters += len(item[0])
    if batch:
        yield batch


def parse(nlp: Language, text: str) -> Doc:
    r"""Parse ``text``, in chunks at line breaks when it is longer than :data:`CHUNK_SIZE`.

    Sentences never cross a line break in framekit's pipelines, so chunking
    there changes no sentence; the chunks' ``Doc`` objects are joined into one
    whose text is ``text``. Only the first and last few words of a chunk can
    be tagged differently, as the model sees less context around them.

    Example:
        >>> from framekit import load_pipeline
        >>> nlp = load_pipeline()
        >>> parse(nlp, "It may rain.\nIt will.").text == "It may rain.\nIt will."
        True
    """
    size = chunk_size(nlp)
    if len(text) <= size:
        return nlp(text)
    chunks = list(_chunks(text, size))
    longest = max(len(chunk) for chunk in chunks)
    if longest > nlp.max_length:
        raise TextTooLongError(
            f"the text has a paragraph of {longest:,} characters, more than the pipeline's "
            f"max_length of {nlp.max_length:,}: split it, or raise nlp.max_length if you have "
            "the memory (spaCy's parser needs about 1 GB per 100,000 characters)"
        )
    return Doc.from_docs(list(nlp.pipe(chunks, batch_size=1)), ensure_whitespace=False)


def _chunks(text: str, size: int) -> list[str]:
    """Split ``text`` after line breaks into pieces of at most ``size`` where possible."""
    chunks: list[str] = []
    start = 0
    ends = [match.end() for match in _LINE_ENDS.finditer(text)] + [len(text)]
    cut = start
    for end in ends:
        if end - start > size and cut > start:
            chunks.append(text[start:cut])
            start = cut
        cut = end
    chunks.append(text[start:])
    return [chunk for chunk in chunks if chunk]


def warn_if_not_english(doc: Doc) -> None:
    """Warn with :class:`NotEnglishWarning` when ``doc`` looks mostly not English.

    The test is the share of English stop words among alphabetic tokens, over
    texts of at least 20 such tokens: analyses of other languages are not
    meaningful with framekit's English lexicons, but they still run.
    """
    if len(doc) < _MIN_WORDS:
        return
    flags = doc.to_array(["IS_ALPHA", "IS_STOP"])  # one vectorised pass
    alphabetic = flags[:, 0].astype(bool)
    words = int(np.count_nonzero(alphabetic))
    if words < _MIN_WORDS:
        return
    share = int(np.count_nonzero(flags[alphabetic, 1])) / words
    if share < _MIN_STOP_WORD_SHARE:
        warnings.warn(
            NotEnglishWarning(
                f"the text looks mostly not English ({share:.0%} English function words): "
                "framekit's lexicons and rules are English, so its findings will be sparse "
                "or wrong"
            ),
            stacklevel=3,
        )


def check_doc(doc: Doc, nlp: Language | None) -> Doc:
    """Return ``doc`` if it carries the annotations framekit reads; raise otherwise."""
    if nlp is not None and doc.vocab is not nlp.vocab:
        raise IncompatibleDocError(
            "the Doc was made by another pipeline than this one: parse the text with the "
            "pipeline's own nlp, or pass the text instead"
        )
    if len(doc) and not (doc.has_annotation("DEP") and doc.has_annotation("TAG")):
        raise IncompatibleDocError(
            "the Doc has no part-of-speech tags or dependency parse: make it with a "
            "pipeline that has a tagger and a parser, such as framekit.load_pipeline()"
        )
    return doc
