"""A parsed article and the layers every analyser shares, each computed once.

:class:`Article` wraps the spaCy ``Doc`` of one article. Layers that several
analysers read (the quotation layer, reported speech, word counts, sentence
indices) are computed on first use, with the lexicons the pipeline was given
(:class:`~framekit.layers.Lexicons`), and then reused, so a :class:`~framekit.Pipeline`
of many analysers still does each of these steps once per article. Analysers
never modify the ``Doc``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import cached_property
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span, Token

from framekit.layers import Lexicons
from framekit.quotes import Quotation, find_quotations
from framekit.reporting import ReportedSpeech, find_reported_speech
from framekit.spans import TextSpan
from framekit.voice import Voice

__all__ = ["Article"]


class Article:
    """One parsed article: the ``Doc`` plus its shared analysis layers.

    Example:
        >>> from framekit import load_pipeline
        >>> article = Article(load_pipeline()("Trump said “progress was made”. It rained."))
        >>> article.words
        7
        >>> [q.content.text for q in article.quotations]
        ['progress was made']
        >>> article.in_quotation(article.doc[3]), article.in_quotation(article.doc[0])
        (True, False)
    """

    def __init__(self, doc: Doc, text: str | None = None, *,
                 lexicons: Lexicons | None = None) -> None:
        """``text`` is the text ``doc`` was parsed from, if the caller has it at hand.

        spaCy joins ``Doc.text`` anew from every token on each call, which
        costs more than some analysers. ``lexicons`` are the lexicons of the
        shared layers (the pipeline's; framekit's own by default).
        """
        self.doc = doc
        self.lexicons = lexicons or Lexicons.default()
        self._distinct: dict[str, tuple[list[str], np.ndarray[Any, np.dtype[np.intp]]]] = {}
        if text is not None:
            self.__dict__["text"] = text

    @cached_property
    def text(self) -> str:
        """The article's original text (spaCy joins it anew on each ``Doc.text``)."""
        return self.doc.text

    @cached_property
    def token_texts(self) -> tuple[str, ...]:
        """Each token's text, by token index.

        Read from the ``Doc``'s arrays (see :meth:`distinct`): iterating the
        ``Doc`` makes a spaCy ``Token`` object for each token, which costs
        more than most rules that scan the article for candidates.

        Example:
            >>> from framekit import load_pipeline
            >>> Article(load_pipeline()("Talks may resume.")).token_texts
            ('Talks', 'may', 'resume', '.')
        """
        values, of_token = self.distinct("ORTH")
        return tuple(map(values.__getitem__, of_token.tolist()))

    def distinct(self, attribute: str) -> tuple[list[str], np.ndarray[Any, np.dtype[np.intp]]]:
        """The distinct values of ``attribute`` and, by token, the index of its value among them.

        Read once per article and attribute, each distinct value looked up
        once, so that a rule can test each distinct word once, not each token.

        Example:
            >>> from framekit import load_pipeline
            >>> values, of_token = Article(load_pipeline()("No, no, no.")).distinct("LOWER")
            >>> [values[i] for i in of_token]
            ['no', ',', 'no', ',', 'no', '.']
        """
        found = self._distinct.get(attribute)
        if found is None:
            ids = self.doc.to_array(attribute) if len(self.doc) else np.zeros(0, np.uint64)
            unique, of_token = np.unique(ids, return_inverse=True)
            strings = self.doc.vocab.strings
            found = self._distinct[attribute] = ([strings[value] for value in unique.tolist()],
                                                 of_token.reshape(-1).astype(np.intp))
        return found

    def tokens_where(self, attribute: str, test: Callable[[str], bool]) -> list[int]:
        """Indices of the tokens whose ``attribute`` passes ``test`` (each value tested once).

        Example:
            >>> from framekit import load_pipeline
            >>> Article(load_pipeline()("Talks may resume.")).tokens_where("TAG", str.isalpha)
            [0, 1, 2]
        """
        values, of_token = self.distinct(attribute)
        chosen = np.fromiter((test(value) for value in values), dtype=np.bool_, count=len(values))
        return np.flatnonzero(chosen[of_token]).tolist()

    @cached_property
    def _token_chars(self) -> tuple[list[int], list[int]]:
        """The offsets of each token's first character and of the one after its last."""
        if not len(self.doc):
            return [], []
        offsets = self.doc.to_array(["IDX", "LENGTH"]).astype(np.int64)
        return offsets[:, 0].tolist(), (offsets[:, 0] + offsets[:, 1]).tolist()

    def text_span(self, start: int, end: int) -> TextSpan:
        """The text of tokens ``start`` to ``end`` (end exclusive), without trailing whitespace.

        As ``TextSpan.of(doc[start:end])``, read off the text instead of joining
        the tokens' texts.

        Example:
            >>> from framekit import load_pipeline
            >>> Article(load_pipeline()("Talks may resume soon.")).text_span(1, 3)
            TextSpan(start=6, end=16, text='may resume')
        """
        if end <= start:
            return TextSpan.of(self.doc[start:end])
        starts, ends = self._token_chars
        return TextSpan.of_text(self.text, starts[start], ends[end - 1])

    def words_within(self, start: int, end: int) -> list[int]:
        """Indices of the words among the tokens wholly inside characters ``start`` to ``end``.

        The tokens of ``doc.char_span(start, end, alignment_mode="contract")``
        that are words (see :attr:`is_word`), found by bisection over the
        token offsets.

        Example:
            >>> from framekit import load_pipeline
            >>> Article(load_pipeline()("Talks, he said, may resume.")).words_within(0, 14)
            [0, 2, 3]
        """
        starts, ends = self._token_chars
        first, last = bisect.bisect_left(starts, start), bisect.bisect_right(ends, end)
        is_word = self.is_word
        return [i for i in range(first, last) if is_word[i]]

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """The sentences of the article, as parsed."""
        return tuple(self.doc.sents) if len(self.doc) else ()

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    def sentence_index(self, token: Token | int) -> int:
        """Index of the sentence holding ``token`` (a ``Token`` or a token index)."""
        i = token if isinstance(token, int) else token.i
        return max(0, bisect.bisect_right(self._sentence_starts, i) - 1)

    @cached_property
    def is_word(self) -> tuple[bool, ...]:
        """Whether each token, by index, is a word: neither punctuation nor whitespace."""
        if not len(self.doc):
            return ()
        flags = self.doc.to_array(["IS_PUNCT", "IS_SPACE"])  # one vectorised pass
        return tuple(np.logical_not(flags.any(axis=1)).tolist())

    @cached_property
    def words(self) -> int:
        """Number of words: tokens that are neither punctuation nor whitespace."""
        return sum(self.is_word)

    @cached_property
    def quotations(self) -> tuple[Quotation, ...]:
        """The article's quotations (see :mod:`framekit.quotes`)."""
        return find_quotations(self.text)

    @cached_property
    def _quotation_of_token(self) -> list[int]:
        """Innermost quotation index of each token's content, or -1."""
        owner = [-1] * len(self.doc)
        order = sorted(range(len(self.quotations)), key=lambda i: self.quotations[i].depth)
        for index in order:
            content = self.quotations[index].content
            span = self.doc.char_span(content.start, content.end, alignment_mode="expand")
            if span is not None:
                owner[span.start : span.end] = [index] * len(span)
        return owner

    def quotation_of(self, token: Token | int) -> Quotation | None:
        """The innermost quotation whose words include ``token``, if any."""
        index = self._quotation_of_token[token if isinstance(token, int) else token.i]
        return self.quotations[index] if index >= 0 else None

    def in_quotation(self, token: Token | int) -> bool:
        """Whether ``token`` is among the words of a quotation."""
        return self.quotation_of(token) is not None

    @cached_property
    def reported_speech(self) -> tuple[ReportedSpeech, ...]:
        """Reporting cues with their source and reported content (see :mod:`framekit.reporting`)."""
        return find_reported_speech(self, self.lexicons.reporting_matcher)

    @cached_property
    def voices(self) -> tuple[Voice, ...]:
        """Whose voice each token is in, by token index (see :meth:`voice_of`).

        Computed once per article, from the quotation and reported-speech layers.

        Example:
            >>> from framekit import load_pipeline
            >>> [v.value for v in Article(load_pipeline()("Peskov said talks may fail.")).voices]
            ['author', 'author', 'reported', 'reported', 'reported', 'author']
        """
        voice = np.full(len(self.doc), 2, dtype=np.int8)  # the writer's own
        for item in self.reported_speech:
            if item.content_tokens is not None:
                voice[item.content_tokens[0] : item.content_tokens[1]] = 1
        voice[np.asarray(self._quotation_of_token, dtype=np.int64) >= 0] = 0
        return tuple(map(_VOICES.__getitem__, voice.tolist()))

    def in_reported_speech(self, token: Token | int) -> bool:
        """Whether ``token`` lies in the content of reported speech (quoted or not)."""
        return self.voice_of(token) is not Voice.AUTHOR

    def voice_of(self, token: Token | int) -> Voice:
        """Whose voice ``token`` is in: quoted, reported, or the writer's own (author).

        Example:
            >>> from framekit import load_pipeline
            >>> article = Article(load_pipeline()("Peskov said talks may fail. It rained."))
            >>> article.voice_of(3), article.voice_of(7)
            (<Voice.REPORTED: 'reported'>, <Voice.AUTHOR: 'author'>)
        """
        return self.voices[token if isinstance(token, int) else token.i]


#: The voices by the codes :attr:`Article.voices` computes them with.
_VOICES = (Voice.QUOTED, Voice.REPORTED, Voice.AUTHOR)
