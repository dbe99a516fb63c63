"""Analysers and the pipeline that runs them over one parse.

An analyser is anything with a ``name``, the ``needs`` it has of other
analysers' results, a ``result_type`` and a ``run`` method (the
:class:`Analyser` protocol). :class:`BaseAnalyser` adds ``analyse()`` for
use on its own. A :class:`Pipeline` parses each article once, orders its
analysers by their needs and collects their results in a
:class:`~framekit.report.Report`.

An analyser may also say which annotations of the parse it reads
(``annotations``, a subset of :data:`framekit.nlp.ANNOTATIONS`); a pipeline
whose analysers all leave one out does not compute it (a readability-only
pipeline skips the tagger, lemmatizer and entity recogniser). An analyser that
says nothing gets them all.
"""

from __future__ import annotations

import gc
import os
import threading
import time
import warnings
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import nullcontext
from functools import cached_property
from itertools import islice
from pathlib import Path
from typing import (
    Any,
    ClassVar,
    Generic,
    Literal,
    Protocol,
    TypeVar,
    cast,
    overload,
    runtime_checkable,
)

import attrs
from spacy.language import Language
from spacy.tokens import Doc
from tqdm import tqdm

from framekit import registry
from framekit._errors import DependencyError, FramekitError
from framekit.article import Article
from framekit.inputs import batches, check_doc, check_text, chunk_size, parse, warn_if_not_english
from framekit.layers import Lexicons
from framekit.nlp import ANNOTATIONS, load_pipeline, unneeded_pipes
from framekit.report import Report
from framekit.results import Result

__all__ = ["Analyser", "BaseAnalyser", "Pipeline"]

R = TypeVar("R", bound=Result)
C = TypeVar("C")
NlpSpec = Language | str | Path | None
OnError = Literal["raise", "record"]


@runtime_checkable
class Analyser(Protocol):
    """What the pipeline asks of an analyser."""

    @property
    def name(self) -> str:
        """The key of the analyser's result in a report."""

    @property
    def needs(self) -> tuple[str, ...]:
        """Names of the analysers whose results :meth:`run` reads."""

    @property
    def result_type(self) -> type[Result]:
        """The class of the result, used to read reports back from JSON."""

    def run(self, article: Article, results: Mapping[str, Result]) -> Result:
        """Analyse ``article``, given the results of the analysers in :attr:`needs`."""


class BaseAnalyser(ABC, Generic[R]):
    """Base class for analysers: subclasses set the class attributes and ``run``.

    Example:
        >>> import attrs
        >>> from framekit.results import Result
        >>> @attrs.frozen
        ... class Length(Result):
        ...     words: int
        >>> class LengthAnalyser(BaseAnalyser[Length]):
        ...     name, result_type = "length", Length
        ...     def run(self, article, results):
        ...         return Length(article.words)
        >>> LengthAnalyser().analyse("Peace talks resumed on Monday.")
        Length(words=5)
    """

    name: ClassVar[str]
    needs: ClassVar[tuple[str, ...]] = ()
    result_type: ClassVar[type[Result]]
    #: The annotations of the parse :meth:`run` reads (see :data:`framekit.nlp.ANNOTATIONS`).
    annotations: ClassVar[frozenset[str]] = frozenset(ANNOTATIONS)

    @abstractmethod
    def run(self, article: Article, results: Mapping[str, Result]) -> R:
        """Analyse ``article``, given the results of the analysers in :attr:`needs`."""

    def analyse(self, article: str | Doc, *, nlp: NlpSpec = None) -> R:
        """Analyse one article, given as text or as a parsed ``Doc``.

        Analysers this one needs are run first, with their default options.
        """
        return cast(R, Pipeline([cast(Analyser, self)], nlp=nlp).analyse(article)[self.name])


class Pipeline:
    """Several analysers over one parse of each article.

    Args:
        analysers: analyser objects or registered names; ``None`` for the
            default set (:func:`framekit.registry.default_names`). Analysers
            that those given need are added from the registry.
        nlp: the spaCy pipeline (see :func:`framekit.load_pipeline`).
        lexicons: the ``reporting`` and ``sources`` lexicons of the layers every
            analyser shares (reported speech, voice, speakers); framekit's own
            by default. Given here once, they hold for all analysers alike.

    Raises:
        DependencyError: a need no registered analyser meets, a circular need,
            or two analysers with one name.

    Example:
        >>> pipeline = Pipeline(["hedging"])
        >>> report = pipeline.analyse("Talks could resume, officials said.")
        >>> [cue.text for cue in report.hedging.hedges]
        ['could']
    """

    def __init__(self, analysers: Iterable[Analyser | str] | None = None, *,
                 nlp: NlpSpec = None, lexicons: Lexicons | None = None) -> None:
        chosen = registry.default_names() if analysers is None else analysers
        self.analysers: tuple[Analyser, ...] = _in_order_of_needs(
            [registry.create(a) if isinstance(a, str) else a for a in chosen])
        self._nlp_spec = nlp
        self.lexicons = lexicons or Lexicons.default()

    @cached_property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use."""
        return load_pipeline(self._nlp_spec)

    @property
    def names(self) -> tuple[str, ...]:
        """The analysers' names, in the order they run."""
        return tuple(analyser.name for analyser in self.analysers)

    @property
    def annotations(self) -> frozenset[str]:
        """The annotations of the parse the analysers read, all of them unless they say.

        Example:
            >>> sorted(Pipeline(["readability"]).annotations)
            ['parse']
        """
        return frozenset().union(*(getattr(a, "annotations", ANNOTATIONS) for a in self.analysers))

    @cached_property
    def _unneeded(self) -> tuple[str, ...]:
        """Components of :attr:`nlp` that no analyser needs, left out of each parse."""
        return unneeded_pipes(self.nlp, self.annotations)

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the analysers and the pipeline's name, not a loaded pipeline."""
        state = dict(self.__dict__)
        if not isinstance(self._nlp_spec, Language):
            state.pop("nlp", None)
        return state

    def analyse(self, article: str | Doc) -> Report:
        """Analyse one article, given as text or as a parsed ``Doc``."""
        if isinstance(article, Doc):
            given = self.nlp if self._nlp_spec is not None else None
            return self.analyse_doc(check_doc(article, given))
        text = check_text(article)
        return self._analyse(self._parse(text), text)

    def _parse(self, text: str) -> Doc:
        unneeded = self._unneeded
        with self.nlp.select_pipes(disable=unneeded) if unneeded else nullcontext():
            return parse(self.nlp, text)

    def analyse_doc(self, doc: Doc) -> Report:
        """Run the analysers over a ``Doc`` already parsed by :attr:`nlp`."""
        return self._analyse(doc, None)

    def _analyse(self, doc: Doc, text: str | None) -> Report:
        """Run the analysers over ``doc``, parsed from ``text`` when that is given."""
        warn_if_not_english(doc)
        article = Article(doc, text, lexicons=self.lexicons)
        results: dict[str, Result] = {}
        for analyser in self.analysers:
            results[analyser.name] = analyser.run(article, results)
        return Report(article.text, results)

    @overload
    def analyse_many(self, articles: Iterable[str], *, batch_size: int = ...,
                     n_process: int = ..., progress: bool = ..., on_error: OnError = ...,
                     as_tuples: Literal[False] = ...) -> Iterator[Report]: ...

    @overload
    def analyse_many(self, articles: Iterable[tuple[str, C]], *, batch_size: int = ...,
                     n_process: int = ..., progress: bool = ..., on_error: OnError = ...,
                     as_tuples: Literal[True]) -> Iterator[tuple[Report, C]]: ...

    def analyse_many(self, articles: Iterable[Any], *, batch_size: int = 64,
                     n_process: int = 1, progress: bool = False, on_error: OnError = "raise",
                     as_tuples: bool = False) -> Iterator[Any]:
        """Stream reports for many texts, parsed in batches by ``nlp.pipe``.

        Reports come in input order, one at a time, so memory stays flat however
        long the corpus. With ``as_tuples=True`` the input is ``(text, context)``
        pairs and the output ``(report, context)`` pairs, as in spaCy.

        With ``n_process`` above 1, each worker process parses and analyses whole
        batches and sends back only their reports (contexts stay in the calling
        process); a few batches per worker are in flight at a time.

        Args:
            articles: texts (or ``(text, context)`` pairs), any iterable.
            batch_size: texts per batch given to spaCy (and to a worker); a batch
                given to spaCy also stops at
                :data:`~framekit.inputs.BATCH_CHARACTERS` characters, which
                bounds the memory the parse takes however long the articles.
            n_process: processes to parse and analyse with (``-1`` for one per core).
            progress: show a progress bar on standard error.
            on_error: ``"raise"`` stops at the first document framekit cannot
                analyse; ``"record"`` gives that document a report with its
                ``error`` set and goes on with the others.
            as_tuples: whether items are ``(text, context)`` pairs.

        Example:
            >>> texts = ["It may rain.", None, "It will rain."]
            >>> reports = Pipeline(["hedging"]).analyse_many(texts, on_error="record")
            >>> [r.error or len(r.hedging.hedges) for r in reports]
            [1, 'InputTypeError: expected an article as str or spaCy Doc, got None', 0]
        """
        total = len(articles) if isinstance(articles, Sized) else None
        items = articles if as_tuples else ((text, None) for text in articles)
        checked = (self._check(text, context, on_error) for text, context in items)
        processes = (os.cpu_count() or 1) if n_process == -1 else n_process
        stream: Iterator[tuple[Report, Any]] = (
            self._in_processes(checked, batch_size, processes, on_error) if processes > 1
            else ((report, context.value)
                  for report, context in self._reports(checked, batch_size, on_error)))
        if progress:
            stream = iter(tqdm(stream, total=total, unit="article", desc="framekit"))
        return stream if as_tuples else (report for report, _ in stream)

    def _reports(self, checked: Iterable[tuple[str, _Context]], batch_size: int,
                 on_error: OnError) -> Iterator[tuple[Report, _Context]]:
        disabled = list(self._unneeded)
        for batch in batches(checked, batch_size):
            parsed = self.nlp.pipe(batch, batch_size=len(batch), as_tuples=True,
                                   disable=disabled)
            for (text, _), (doc, context) in zip(batch, parsed, strict=True):
                yield self._report(doc, text, context, on_error), context

    def _in_processes(self, checked: Iterator[tuple[str, _Context]], batch_size: int,
                      processes: int, on_error: OnError) -> Iterator[tuple[Report, Any]]:
        """Reports of ``checked`` made by ``processes`` workers, in input order."""
        self.nlp  # noqa: B018  (loaded here, a forked worker inherits it)
        pool = ProcessPoolExecutor(processes, initializer=_start_worker, initargs=(self,))
        pending: deque[tuple[list[Any], Future[_Batch]]] = deque()
        try:
            while batch := list(islice(checked, batch_size)):
                sent = [(text, attrs.evolve(context, value=None)) for text, context in batch]
                pending.append(([context.value for _, context in batch],
                                pool.submit(_analyse_batch, sent, batch_size, on_error)))
                if len(pending) > 2 * processes:
                    yield from _received(*pending.popleft())
            while pending:
                yield from _received(*pending.popleft())
        finally:
            pool.shutdown(cancel_futures=True)

    def _check(self, text: object, context: Any, on_error: OnError) -> tuple[str, _Context]:
        """The text for ``nlp.pipe``, with what ``_report`` needs to finish the job.

        A text long enough to be parsed in chunks (:data:`~framekit.inputs.CHUNK_SIZE`)
        goes through ``nlp.pipe`` as an empty string and is parsed by ``_report``;
        a bad input is replaced by an empty string and its error kept.
        """
        try:
            checked = check_text(text)
        except FramekitError as error:
            if on_error == "raise":
                raise
            return "", _Context(context, error=_describe(error))
        if len(checked) > chunk_size(self.nlp):
            return "", _Context(context, long_text=checked)
        return checked, _Context(context)

    def _report(self, doc: Doc, text: str, context: _Context, on_error: OnError) -> Report:
        if context.error is not None:
            return Report("", {}, context.error)
        try:
            if context.long_text is not None:
                doc, text = parse(self.nlp, context.long_text), context.long_text
            return self._analyse(doc, text)
        except Exception as failure:
            if on_error == "raise":
                raise
            return Report(text, {}, _describe(failure))


@attrs.frozen
class _Context:
    """What travels beside a text through ``nlp.pipe``: the caller's context and more."""

    value: Any
    error: str | None = None
    long_text: str | None = None


#: What a worker sends back for a batch: reports (an error in place of the rest
#: when the batch had to stop) and the warnings raised while making them.
_Batch = tuple[list["Report | BaseException"], list[Warning]]
_worker: Pipeline | None = None


#: How often, in seconds, a worker checks that the process that started it still runs.
_PARENT_CHECK = 1.0


def _start_worker(pipeline: Pipeline) -> None:
    global _worker
    # What the worker inherited (the spaCy pipeline above all) lives as long as it does:
    # kept out of the collector, it is not traversed again at each collection, which
    # made a worker's first batch (loading textstat's dictionary) seconds slower.
    gc.freeze()
    _worker = pipeline
    parent = os.getppid()
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()


def _exit_when_orphaned(parent: int) -> None:
    """End this worker when its parent is gone (killed outright, it could not stop us)."""
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK)
    os._exit(1)


def _analyse_batch(batch: list[tuple[str, _Context]], batch_size: int,
                   on_error: OnError) -> _Batch:
    """Parse and analyse one batch in a worker process."""
    assert _worker is not None
    reports: list[Report | BaseException] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            reports.extend(report for report, _ in _worker._reports(batch, batch_size, on_error))
        except Exception as error:
            reports.append(error)
    return reports, [warning.message for warning in caught
                     if isinstance(warning.message, Warning)]


def _received(contexts: list[Any], future: Future[_Batch]) -> Iterator[tuple[Report, Any]]:
    reports, caught = future.result()
    for warning in caught:
        warnings.warn(warning, stacklevel=4)
    for report, context in zip(reports, contexts, strict=False):
        if isinstance(report, BaseException):
            raise report
        yield report, context


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def _in_order_of_needs(analysers: list[Analyser]) -> tuple[Analyser, ...]:
    """Order analysers so that each runs after those it needs, adding missing ones."""
    by_name: dict[str, Analyser] = {}
    for analyser in analysers:
        if analyser.name in by_name:
            raise DependencyError(f"two analysers are named {analyser.name!r}")
        by_name[analyser.name] = analyser
    ordered: list[Analyser] = []
    done: set[str] = set()

    def visit(name: str, chain: tuple[str, ...]) -> None:
        if name in done:
            return
        if name in chain:
            raise DependencyError("circular needs: " + " -> ".join((*chain, name)))
        if name not in by_name:
            try:
                by_name[name] = registry.create(name)
            except LookupError:
                raise DependencyError(
                    f"analyser {chain[-1]!r} needs {name!r}, which is neither in the "
                    "pipeline nor registered") from None
        for need in by_name[name].needs:
            visit(need, (*chain, name))
        done.add(name)
        ordered.append(by_name[name])

    for analyser in analysers:
        visit(analyser.name, ())
    return tuple(ordered)
