"""Resumable corpus runs: analyse in parts, pick up where a killed run stopped.

:func:`analyse_corpus` streams a :class:`~framekit.corpus.reading.Corpus`
through :meth:`Pipeline.analyse_many <framekit.pipeline.Pipeline.analyse_many>`
and writes the tables of :mod:`framekit.corpus.tables` to a results folder:

``run.json``
    what the run is: the corpus (its size and a digest of its ids), the
    analysers, the part size; a second run into the folder must match it;
``parts/NNNNN/``
    the tables of articles ``NNNNN * part_size`` onwards, written to a
    temporary folder and renamed into place once whole, so that a part is
    either complete or absent;
``TABLE.parquet``
    each table, merged from the parts once every part is there (the parts are
    then removed and ``run.json`` says ``"complete": true``).

Killed at any moment and started again with the same arguments, a run keeps
its complete parts, does the rest, and ends with the same tables as a run never
interrupted: parts are cut at fixed positions of the corpus, reports are
deterministic, and an article is in exactly one part. Memory holds the corpus
metadata and one part's reports at a time.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from framekit import __version__
from framekit._errors import CorpusError
from framekit.corpus.reading import Corpus, CorpusText
from framekit.corpus.tables import TABLES, CorpusTables, merge_parts, part_tables, read_tables
from framekit.pipeline import Pipeline
from framekit.report import Report

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = ["analyse_corpus"]

#: Articles per part unless told otherwise.
PART_SIZE = 100


def analyse_corpus(corpus: Corpus, results: str | Path, *, pipeline: Pipeline | None = None,
                   n_process: int = 1, batch_size: int = 64, part_size: int = PART_SIZE,
                   progress: bool = False) -> CorpusTables:
    """Analyse ``corpus`` into tidy tables in the folder ``results``, resuming a partial run.

    Args:
        corpus: the articles and their metadata (:func:`~framekit.corpus.read_corpus`).
        results: the results folder; created if need be.
        pipeline: the analysers; the default set if ``None``.
        n_process: processes to analyse with (see ``analyse_many``).
        batch_size: texts per batch given to spaCy and to a worker.
        part_size: articles per part written to disk.
        progress: show a progress bar on standard error.

    Returns:
        The tables, read back from the folder.

    Raises:
        CorpusError: the folder holds a run of another corpus, other analysers
            or another part size.
    """
    if part_size < 1:
        raise CorpusError(f"part_size must be 1 or more, not {part_size}")
    pipeline = pipeline or Pipeline()
    folder = Path(results)
    folder.mkdir(parents=True, exist_ok=True)
    record = _record(corpus, pipeline, part_size)
    done = _resume(folder, record)
    parts = folder / "parts"
    if not done:
        metadata = _metadata_table(corpus.metadata)
        count = -(-len(corpus) // part_size)
        first = _complete_parts(parts)
        for part, analysed in _analysed(corpus, pipeline, first * part_size, part_size,
                                        n_process, batch_size, progress):
            index = first + part
            rows = metadata.slice(index * part_size, part_size)
            _write_part(parts, index, part_tables(analysed, rows))
        names = [parts / f"{i:05d}" for i in range(count)]
        for table in TABLES:
            _atomic(folder / f"{table}.parquet",
                    lambda path, table=table: merge_parts(names, table, path))
        _write_record(folder, {**record, "complete": True})
    shutil.rmtree(parts, ignore_errors=True)
    return read_tables(folder)


def _record(corpus: Corpus, pipeline: Pipeline, part_size: int) -> dict[str, Any]:
    digest = hashlib.sha256("\n".join(corpus.ids).encode("utf-8")).hexdigest()
    return {"framekit": __version__, "source": corpus.source, "articles": len(corpus),
            "ids_sha256": digest, "analysers": list(pipeline.names), "part_size": part_size}


def _resume(folder: Path, record: dict[str, Any]) -> bool:
    """Check the folder's run against this one; whether it is already complete."""
    path = folder / "run.json"
    if not path.exists():
        if any(folder.iterdir()):
            raise CorpusError(f"{str(folder)!r} is not empty and holds no framekit run: "
                              "give a new or empty results folder")
        _write_record(folder, record)
        return False
    found = json.loads(path.read_text(encoding="utf-8"))
    for key in ("articles", "ids_sha256", "analysers", "part_size"):
        if found.get(key) != record[key]:
            raise CorpusError(
                f"{str(folder)!r} holds a run of another corpus or with other options "
                f"({key}: {found.get(key)!r} there, {record[key]!r} now): give another "
                "results folder to start afresh, or the same input and options to resume")
    return bool(found.get("complete"))


def _write_record(folder: Path, record: dict[str, Any]) -> None:
    _atomic(folder / "run.json", lambda path: path.write_text(
        json.dumps(record, indent=2) + "\n", encoding="utf-8"))


def _atomic(target: Path, write: Any) -> None:
    """Write ``target`` through a temporary file renamed into place."""
    temporary = target.with_name(f".{target.name}.tmp")
    write(temporary)
    os.replace(temporary, target)


def _complete_parts(parts: Path) -> int:
    """How many parts from the first are complete; leftovers after them are removed."""
    parts.mkdir(exist_ok=True)
    count = 0
    while (parts / f"{count:05d}").is_dir():
        count += 1
    for leftover in parts.iterdir():
        if not (leftover.is_dir() and leftover.name.isdigit() and int(leftover.name) < count):
            shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
    return count


def _write_part(parts: Path, index: int, tables: dict[str, pa.Table]) -> None:
    import pyarrow.parquet as pq

    temporary = parts / f".{index:05d}.tmp"
    temporary.mkdir()
    for name, table in tables.items():
        pq.write_table(table, temporary / f"{name}.parquet")
    os.replace(temporary, parts / f"{index:05d}")


def _metadata_table(metadata: pd.DataFrame) -> pa.Table:
    """The metadata as Arrow, text columns with few distinct values as categories."""
    import pandas as pd
    import pyarrow as pa

    frame = metadata.copy()
    for column in frame.columns[1:]:
        values = frame[column]
        if (pd.api.types.is_string_dtype(values) or values.dtype == object) and \
                values.nunique() <= max(1, len(values) // 2):
            frame[column] = values.astype("category")
    return pa.Table.from_pandas(frame, preserve_index=False).replace_schema_metadata(None)


@attrs.frozen
class _Remaining:
    """The texts still to analyse, with their number for the progress bar."""

    texts: Iterator[CorpusText]
    count: int

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[tuple[str, CorpusText]]:
        return ((item.text, item) for item in self.texts)


def _analysed(corpus: Corpus, pipeline: Pipeline, start: int, part_size: int,
              n_process: int, batch_size: int, progress: bool
              ) -> Iterator[tuple[int, list[tuple[str, Report]]]]:
    """The reports of the corpus from position ``start``, a part's worth at a time."""
    remaining = _Remaining(corpus.texts(start), max(0, len(corpus) - start))
    part: list[tuple[str, Report]] = []
    number = 0
    for report, item in pipeline.analyse_many(remaining, as_tuples=True, n_process=n_process,
                                              batch_size=batch_size, progress=progress,
                                              on_error="record"):
        part.append((item.id, report if item.problem is None
                     else Report("", {}, f"CorpusError: {item.problem}")))
        if len(part) == part_size:
            yield number, part
            number, part = number + 1, []
    if part:
        yield number, part
