"""Analysing a corpus with Dask: a bag of texts or a text column, on one machine or a cluster.

Install the extra with ``pip install "framekit[dask]"``. :func:`analyse_bag`
maps a :class:`~framekit.Pipeline` over the partitions of a ``dask.bag``;
:func:`analyse_column` does the same for a text column of a
``dask.dataframe``, keeping each row's index. Each worker process builds the
pipeline (and loads spaCy) once, on its first partition, and reuses it for all
the others; within a partition texts are parsed in batches by ``nlp.pipe``.

The output is a bag of :class:`~framekit.report.Report` objects, or of flat
rows ready for a data frame: ``"summary"`` gives one row of article-level
figures per text (:meth:`Report.summary <framekit.report.Report.summary>`),
``"rows"`` one row per piece of evidence (:meth:`Report.rows
<framekit.report.Report.rows>`). Failures are recorded in the report's
``error`` by default, so that one bad text does not stop a long job.

Example:
    >>> import dask.bag as db
    >>> texts = db.from_sequence(["Talks may resume.", "Talks resumed."], npartitions=2)
    >>> reports = analyse_bag(texts, ["hedging"]).compute(scheduler="synchronous")
    >>> [len(report.hedging.hedges) for report in reports]
    [1, 0]
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal, cast

import attrs

from framekit.layers import Lexicons
from framekit.pipeline import Analyser, OnError, Pipeline
from framekit.report import Report
from framekit.results import Scalar

try:
    import dask.bag as db
    import dask.dataframe as dd
except ImportError as missing:  # pragma: no cover - depends on the environment
    raise ImportError(
        'framekit.dask needs Dask: pip install "framekit[dask]"') from missing

__all__ = ["Output", "analyse_bag", "analyse_column"]

#: What the analysis gives for each text: its report, one summary row, or its evidence rows.
Output = Literal["reports", "summary", "rows"]


@attrs.frozen
class _Job:
    """What each task needs to rebuild the pipeline once per worker process."""

    key: str
    pipeline: Pipeline
    batch_size: int
    on_error: OnError
    output: Output


#: The pipeline of the job this worker process ran last, keyed by the job's id.
_last_job: dict[str, Pipeline] = {}


def _worker_pipeline(job: _Job) -> Pipeline:
    """The worker's copy of the job's pipeline, kept for the job it ran last only.

    Every partition of one job then shares the spaCy pipeline that the first
    one loaded; a new job replaces it, so a long-lived worker holds one at most.
    """
    if job.key not in _last_job:
        _last_job.clear()
        _last_job[job.key] = job.pipeline
    return _last_job[job.key]


def analyse_bag(texts: db.Bag, analysers: Iterable[Analyser | str] | None = None, *,
                nlp: str | Path | None = None, lexicons: Lexicons | None = None,
                batch_size: int = 32, on_error: OnError = "record",
                output: Output = "reports") -> db.Bag:
    """Analyse a bag of texts, each partition in batches, in text order.

    Args:
        texts: a ``dask.bag`` of strings.
        analysers: as for :class:`~framekit.Pipeline`; ``None`` for the defaults.
        nlp: the name or path of the spaCy pipeline each worker loads (see
            :func:`framekit.load_pipeline`); a ``Language`` object cannot be
            shipped to workers.
        lexicons: the shared layers' lexicons, as for :class:`~framekit.Pipeline`.
        batch_size: texts per ``nlp.pipe`` batch within a partition.
        on_error: as for :meth:`Pipeline.analyse_many
            <framekit.pipeline.Pipeline.analyse_many>`; ``"record"`` by default.
        output: ``"reports"``, ``"summary"`` (one flat dict per text) or
            ``"rows"`` (one flat dict per piece of evidence).

    Returns:
        A lazy bag; call ``.compute()`` or write it out (``.to_textfiles``,
        ``.to_dataframe``).
    """
    job = _job(analysers, nlp, lexicons, batch_size, on_error, output)
    return cast(db.Bag, texts.map_partitions(  # type: ignore[no-untyped-call]
        _analyse_partition, job, keyed=False))


def analyse_column(frame: dd.DataFrame, column: str = "text",
                   analysers: Iterable[Analyser | str] | None = None, *,
                   nlp: str | Path | None = None, lexicons: Lexicons | None = None,
                   batch_size: int = 32, on_error: OnError = "record",
                   output: Output = "summary") -> db.Bag:
    """Analyse the text column of a data frame, keeping each row's index.

    Arguments are those of :func:`analyse_bag`. With ``output="reports"`` the
    bag holds ``(index, report)`` pairs; the rows of ``"summary"`` and
    ``"rows"`` carry the index under the key ``"index"``, so that
    ``pandas.DataFrame(bag.compute()).set_index("index")`` joins back onto the
    input.

    Example:
        >>> import pandas as pd, dask.dataframe as dd
        >>> frame = dd.from_pandas(pd.DataFrame(
        ...     {"text": ["Talks may resume.", "Talks resumed."]}, index=[10, 11]), npartitions=1)
        >>> rows = analyse_column(frame, analysers=["hedging"]).compute(scheduler="synchronous")
        >>> [(row["index"], row["hedging.overall.hedges"]) for row in rows]
        [(10, 1), (11, 0)]
    """
    job = _job(analysers, nlp, lexicons, batch_size, on_error, output)
    pairs = frame[column].to_bag(index=True)
    return cast(db.Bag, pairs.map_partitions(_analyse_partition, job, keyed=True))


def _job(analysers: Iterable[Analyser | str] | None, nlp: str | Path | None,
         lexicons: Lexicons | None, batch_size: int, on_error: OnError, output: Output) -> _Job:
    if output not in {"reports", "summary", "rows"}:
        raise ValueError(f"output must be 'reports', 'summary' or 'rows', not {output!r}")
    pipeline = Pipeline(None if analysers is None else list(analysers), nlp=nlp,
                        lexicons=lexicons)
    return _Job(uuid.uuid4().hex, pipeline, batch_size, on_error, output)


def _analyse_partition(items: Iterable[Any], job: _Job, *, keyed: bool) -> list[Any]:
    """Analyse one partition in a worker, with the worker's copy of the pipeline."""
    pipeline = _worker_pipeline(job)
    pairs = ((text, key) for key, text in items) if keyed else ((text, None) for text in items)
    reports = pipeline.analyse_many(pairs, batch_size=job.batch_size, on_error=job.on_error,
                                    as_tuples=True)
    return list(_outputs(reports, job.output, keyed))


def _outputs(reports: Iterator[tuple[Report, Any]], output: Output, keyed: bool
             ) -> Iterator[Any]:
    for report, key in reports:
        if output == "reports":
            yield (key, report) if keyed else report
            continue
        rows: list[dict[str, Scalar]] = (
            [report.summary()] if output == "summary" else report.rows())
        yield from ({"index": key, **row} for row in rows) if keyed else rows
