"""Reading a corpus: articles with their metadata, from files or a data frame.

:func:`read_corpus` takes

* a **folder** of ``.txt`` files: each file is one article, its id the file
  name without ``.txt``; metadata come from a sidecar CSV (``metadata=``, one
  row per id) or from the file names themselves (``name_pattern=``, a regular
  expression with named groups, e.g. ``(?P<outlet>[^_]+)_(?P<date>[0-9-]+)_.*``);
* a **CSV**, **JSON Lines** or **Parquet** file with one article per row: the
  text in ``text_column``, the id in ``id_column`` (the row number, from 1,
  when there is none), every other column metadata;
* a pandas **DataFrame** of the same shape.

It returns a :class:`Corpus`: the metadata of every article at once (small)
and the texts one at a time (:meth:`Corpus.texts`), so that a corpus far
larger than memory streams through the analysis. Date columns (``date`` by
default) are parsed to datetimes. A missing, empty or unreadable text is no
error: it comes through as a :class:`CorpusText` with its ``problem`` set, and
the analysis records it among the failures. An input that cannot be read at
all, a column that is not there, or ids that are missing or repeated raise
:class:`~framekit._errors.CorpusError`.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from framekit._errors import CorpusError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Corpus", "CorpusText", "read_corpus"]

#: Names of the columns framekit adds to the article table, which metadata may not use.
RESERVED = frozenset({"id", "error"})
_CHUNK = 1_000
_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet",
             ".pq": "parquet"}


@attrs.frozen
class CorpusText:
    """One article's text as read, or why it could not be.

    Attributes:
        id: the article's id.
        text: the text; empty when there is a ``problem``.
        problem: why there is no text to analyse (missing, empty, unreadable),
            or ``None``.
    """

    id: str
    text: str
    problem: str | None = None


def _checked(article_id: str, text: object) -> CorpusText:
    """The text of one row, or the problem with it."""
    if text is None or (isinstance(text, float) and text != text):  # None or NaN
        return CorpusText(article_id, "", "missing text")
    if not isinstance(text, str):
        return CorpusText(article_id, "", f"the text is a {type(text).__name__}, not a string")
    if not text.strip():
        return CorpusText(article_id, "", "empty text")
    return CorpusText(article_id, text)


@attrs.frozen(eq=False)
class Corpus:
    """Articles with their metadata: the metadata at once, the texts as a stream.

    Attributes:
        metadata: one row per article, in corpus order: ``id`` (strings, unique)
            and the metadata columns, dates parsed.
        source: where the corpus came from, for the record of a run.
    """

    metadata: pd.DataFrame
    source: str
    _texts: Callable[[], Iterator[CorpusText]] = attrs.field(alias="texts")

    def __len__(self) -> int:
        return len(self.metadata)

    @property
    def ids(self) -> list[str]:
        """The article ids, in corpus order."""
        return [str(i) for i in self.metadata["id"]]

    def texts(self, start: int = 0) -> Iterator[CorpusText]:
        """The articles' texts in corpus order, read one at a time, from position ``start``.

        Example:
            >>> import pandas as pd
            >>> corpus = read_corpus(pd.DataFrame({"text": ["It may rain.", ""]}))
            >>> [(t.id, t.problem) for t in corpus.texts()]
            [('1', None), ('2', 'empty text')]
        """
        return islice(self._texts(), start, None)


def read_corpus(source: str | Path | pd.DataFrame, *, text_column: str = "text",
                id_column: str | None = None, metadata: str | Path | None = None,
                name_pattern: str | None = None, dates: Sequence[str] | None = None,
                encoding: str = "utf-8") -> Corpus:
    """Read a corpus from a folder of ``.txt`` files, a CSV, JSONL or Parquet file, or a frame.

    Args:
        source: the folder, the file, or a pandas ``DataFrame``.
        text_column: the column holding the texts (tables only).
        id_column: the column holding the ids; ``id`` if there is one, else the
            row number from 1 (tables); in a sidecar CSV, ``id`` by default.
        metadata: a sidecar CSV for a folder, one row per article id.
        name_pattern: a regular expression with named groups matched against
            each file name (without ``.txt``) of a folder; each group becomes
            a metadata column.
        dates: the columns to parse as dates; by default ``date`` if present.
        encoding: the encoding of the text files of a folder.

    Raises:
        CorpusError: the input does not exist or cannot be read, a named column
            is absent, ids are missing or repeated, a file name does not match
            ``name_pattern``.

    Example:
        >>> import pandas as pd
        >>> frame = pd.DataFrame({"url": ["a", "b"], "outlet": ["X", "Y"],
        ...                       "date": ["2025-08-16", "2025-12-28"],
        ...                       "body": ["Talks may resume.", None]})
        >>> corpus = read_corpus(frame, text_column="body", id_column="url")
        >>> corpus.metadata.dtypes["date"]
        dtype('<M8[...]')
        >>> [(t.id, t.problem) for t in corpus.texts()]
        [('a', None), ('b', 'missing text')]
    """
    try:
        import pandas as pd
    except ImportError as missing:  # pragma: no cover - the corpus extra is absent
        raise ImportError("framekit.corpus needs pandas and pyarrow: "
                          "pip install 'framekit[corpus]'") from missing
    if isinstance(source, pd.DataFrame):
        corpus = _from_frame(source, text_column, id_column)
    else:
        path = Path(source)
        if path.is_dir():
            corpus = _from_folder(path, metadata, name_pattern, id_column, encoding)
        elif not path.exists():
            raise CorpusError(f"cannot read the corpus {str(path)!r}: no such file or folder")
        else:
            kind = _SUFFIXES.get(path.suffix.lower())
            if kind is None:
                raise CorpusError(
                    f"cannot tell the format of {str(path)!r}: give a folder of .txt files "
                    f"or a file ending in {', '.join(sorted(_SUFFIXES))}")
            reader = {"csv": _from_csv, "jsonl": _from_jsonl, "parquet": _from_parquet}[kind]
            corpus = reader(path, text_column, id_column)
    return attrs.evolve(corpus, metadata=_parse_dates(corpus.metadata, dates))


def _parse_dates(frame: pd.DataFrame, dates: Sequence[str] | None) -> pd.DataFrame:
    import pandas as pd

    columns = list(dates) if dates is not None else [c for c in ("date",) if c in frame]
    _require(frame, columns, "date")
    frame = frame.copy()
    for column in columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            continue
        parsed = pd.to_datetime(frame[column], errors="coerce", format="mixed")
        bad = int(parsed.isna().sum() - frame[column].isna().sum())
        if bad:
            warnings.warn(f"{bad} value(s) of the date column {column!r} could not be read as "
                          "dates and are left empty", stacklevel=3)
        frame[column] = parsed
    return frame


def _require(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise CorpusError(f"no {what} column {', '.join(map(repr, missing))}; the columns are "
                          f"{', '.join(map(repr, map(str, frame.columns)))}")


def _metadata(frame: pd.DataFrame, id_column: str | None, source: str) -> pd.DataFrame:
    """The metadata frame: ``id`` as unique strings first, then the other columns."""
    import pandas as pd

    if id_column is not None:
        _require(frame, [id_column], "id")
        if frame[id_column].isna().any():
            row = int(frame[id_column].isna().to_numpy().argmax()) + 1
            raise CorpusError(f"{source}: row {row} has no id in column {id_column!r}")
        ids = frame[id_column].astype(str)
        rest = frame.drop(columns=[id_column])
    else:
        ids = pd.Series([str(i) for i in range(1, len(frame) + 1)], index=frame.index)
        rest = frame
    repeated = ids[ids.duplicated()]
    if len(repeated):
        raise CorpusError(f"{source}: the id {repeated.iloc[0]!r} is given to more than one "
                          "article; ids must be unique")
    clash = sorted(RESERVED & {str(c) for c in rest.columns})
    if clash:
        raise CorpusError(f"{source}: metadata may not have a column named "
                          f"{', '.join(map(repr, clash))} (framekit's own); rename it")
    out = rest.reset_index(drop=True)
    out.insert(0, "id", ids.to_numpy(dtype=object))
    out.columns = [str(c) for c in out.columns]
    return out


def _default_id(columns: Sequence[object], id_column: str | None) -> str | None:
    return id_column if id_column is not None else ("id" if "id" in columns else None)


def _from_frame(frame: pd.DataFrame, text_column: str, id_column: str | None) -> Corpus:
    _require(frame, [text_column], "text")
    id_column = _default_id(list(frame.columns), id_column)
    meta = _metadata(frame.drop(columns=[text_column]), id_column, "the data frame")
    texts = frame[text_column].tolist()

    def stream() -> Iterator[CorpusText]:
        for article_id, text in zip(meta["id"], texts, strict=True):
            yield _checked(article_id, text)

    return Corpus(meta, "<DataFrame>", texts=stream)


def _from_folder(folder: Path, metadata: str | Path | None, name_pattern: str | None,
                 id_column: str | None, encoding: str) -> Corpus:
    import pandas as pd

    files = {path.name[: -len(".txt")]: path for path in sorted(folder.glob("*.txt"))}
    if not files and metadata is None:
        raise CorpusError(f"the folder {str(folder)!r} holds no .txt files")
    frame = pd.DataFrame({"id": list(files)})
    if name_pattern is not None:
        frame = _names_matched(frame, name_pattern)
    if metadata is not None:
        sidecar = _read_csv(Path(metadata))
        side = _metadata(sidecar, id_column or "id", str(metadata))
        frame = frame.merge(side, on="id", how="outer", sort=False,
                            suffixes=("", " (sidecar)"))
    meta = frame.reset_index(drop=True)

    def stream() -> Iterator[CorpusText]:
        for article_id in meta["id"]:
            path = files.get(article_id)
            if path is None:
                yield CorpusText(article_id, "", f"missing text: no file {article_id}.txt")
                continue
            try:
                text = path.read_bytes().decode(encoding)
            except OSError as error:
                yield CorpusText(article_id, "", f"cannot read {path.name}: {error.strerror}")
            except UnicodeDecodeError as error:
                yield CorpusText(article_id, "", f"cannot decode {path.name} as {encoding}: "
                                 f"byte at offset {error.start} is not valid {encoding}")
            else:
                yield _checked(article_id, text)

    return Corpus(meta, str(folder), texts=stream)


def _names_matched(frame: pd.DataFrame, name_pattern: str) -> pd.DataFrame:
    try:
        pattern = re.compile(name_pattern)
    except re.error as error:
        raise CorpusError(f"name_pattern {name_pattern!r} is not a regular expression: "
                          f"{error}") from None
    if not pattern.groupindex:
        raise CorpusError(f"name_pattern {name_pattern!r} has no named group "
                          "such as (?P<outlet>...)")
    rows = []
    for name in frame["id"]:
        found = pattern.fullmatch(name)
        if found is None:
            raise CorpusError(f"the file name {name + '.txt'!r} does not match "
                              f"name_pattern {name_pattern!r}")
        rows.append(found.groupdict())
    for group in pattern.groupindex:
        if group in RESERVED:
            raise CorpusError(f"name_pattern may not have a group named {group!r}")
        frame[group] = [row[group] for row in rows]
    return frame


def _read_csv(path: Path, **options: Any) -> pd.DataFrame:
    import pandas as pd

    try:
        frame: pd.DataFrame = pd.read_csv(path, **options)
        return frame
    except FileNotFoundError:
        raise CorpusError(f"cannot read {str(path)!r}: no such file") from None
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise CorpusError(f"cannot read {str(path)!r} as CSV: {error}") from None


def _from_csv(path: Path, text_column: str, id_column: str | None) -> Corpus:
    header = _read_csv(path, nrows=0)
    _require(header, [text_column], "text")
    id_column = _default_id(list(header.columns), id_column)
    as_text = {text_column: str} | ({id_column: str} if id_column else {})
    meta = _metadata(_read_csv(path, usecols=lambda c: c != text_column,
                               dtype={id_column: str} if id_column else None),
                     id_column, str(path))

    def stream() -> Iterator[CorpusText]:
        chunks: Iterable[pd.DataFrame] = _read_csv(  # type: ignore[assignment]
            path, usecols=[text_column], dtype=as_text, chunksize=_CHUNK, keep_default_na=False)
        ids = iter(meta["id"])
        for chunk in chunks:
            for text in chunk[text_column]:
                yield _checked(next(ids), text)

    return Corpus(meta, str(path), texts=stream)


def _from_jsonl(path: Path, text_column: str, id_column: str | None) -> Corpus:
    import pandas as pd

    def rows() -> Iterator[dict[str, Any]]:
        try:
            with path.open(encoding="utf-8") as lines:
                for number, line in enumerate(lines, start=1):
                    if not line.strip():
                        continue
                    try:
                        row = json.loads(line)
                    except ValueError as error:
                        raise CorpusError(f"{path}: line {number} is not JSON: {error}"
                                          ) from None
                    if not isinstance(row, dict):
                        raise CorpusError(f"{path}: line {number} is not a JSON object")
                    yield row
        except OSError as error:
            raise CorpusError(f"cannot read {str(path)!r}: {error.strerror}") from None
        except UnicodeDecodeError as error:
            raise CorpusError(f"cannot read {str(path)!r} as UTF-8: {error}") from None

    metadata_rows = []
    seen_text = False
    for row in rows():
        seen_text = seen_text or text_column in row
        metadata_rows.append({k: v for k, v in row.items() if k != text_column})
    if metadata_rows and not seen_text:
        columns = ", ".join(map(repr, dict.fromkeys(k for r in metadata_rows for k in r)))
        raise CorpusError(f"no text column {text_column!r}; the columns are {columns}")
    frame = pd.DataFrame(metadata_rows)
    meta = _metadata(frame, _default_id(list(frame.columns), id_column), str(path))

    def stream() -> Iterator[CorpusText]:
        for article_id, row in zip(meta["id"], rows(), strict=True):
            yield _checked(article_id, row.get(text_column))

    return Corpus(meta, str(path), texts=stream)


def _from_parquet(path: Path, text_column: str, id_column: str | None) -> Corpus:
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(path)
    except (OSError, ValueError) as error:  # pyarrow's ArrowInvalid is a ValueError
        raise CorpusError(f"cannot read {str(path)!r} as Parquet: {error}") from None
    columns = list(schema.names)
    if text_column not in columns:
        raise CorpusError(f"no text column {text_column!r}; the columns are "
                          f"{', '.join(map(repr, columns))}")
    id_column = _default_id(columns, id_column)
    frame = pq.read_table(path, columns=[c for c in columns if c != text_column]).to_pandas()
    meta = _metadata(frame, id_column, str(path))

    def stream() -> Iterator[CorpusText]:
        ids = iter(meta["id"])
        for batch in pq.ParquetFile(path).iter_batches(batch_size=_CHUNK,
                                                       columns=[text_column]):
            for text in batch.column(0).to_pylist():
                yield _checked(next(ids), text)

    return Corpus(meta, str(path), texts=stream)
