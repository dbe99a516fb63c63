"""Tidy tables of a corpus analysis: one row per article, attribution, source, cue, frame.

Every table has the article ``id`` on every row, so that any finding leads back
to its text; offsets (``start``, ``end``) point into that text.

``articles``
    one row per article: ``id``, the metadata, ``error`` (why it was not
    analysed, or empty) and every figure of :meth:`Report.summary
    <framekit.report.Report.summary>` (``hedging.by_voice.author.hedges``,
    ``balance.quoted_share``, ``readability.flesch_reading_ease``…).
``attributions``
    one row per attribution: speaker as written, canonical ``name``, ``type``,
    ``role``, ``side`` (the balance analyser's group), ``cue``, ``cue_class``,
    ``rule``, ``kind``, ``content_words``, offsets of content, cue and source.
``sources``
    one row per source per article, as :class:`~framekit.analysers.balance.Source`.
``cues``
    one row per hedge, booster and framing device: ``kind`` (hedge, booster
    or device), ``category`` (the hedge type or the device category),
    ``detail``, ``voice``, ``negated``, ``entry`` and offsets.
``frames``
    one row per frame per article: ``score``, ``present``, ``dominant``,
    ``distinct`` cue entries and ``cues`` (the evidence count).
``naming``
    one row per contested-name variant used in an article: ``group``,
    ``variant``, ``count`` and ``own_voice`` (the writer uses it outside
    quotations).
``failures``
    one row per article that was not analysed, with its ``error``.
``reports``
    each article's whole :class:`~framekit.report.Report` as JSON (the text
    included), from which the HTML pages are drawn.

Closed sets (types, kinds, voices, sides) are categories, dates datetimes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pyarrow as pa
import pyarrow.parquet as pq

from framekit._errors import CorpusError
from framekit.analysers.attribution import Attribution, AttributionKind, AttributionResult
from framekit.analysers.balance import SourceBalanceResult
from framekit.analysers.framing import FramingResult
from framekit.analysers.hedging import HedgingResult
from framekit.report import Report
from framekit.results import Scalar

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SCHEMAS", "TABLES", "CorpusTables", "part_tables", "read_tables"]

_CATEGORY = pa.dictionary(pa.int32(), pa.string())
_STR, _INT, _FLOAT, _BOOL = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_WORD = re.compile(r"\w+")
#: The class of cue each attribution rule stands for.
CUE_CLASSES: Mapping[str, str] = {
    "quote_cue_after": "quotation", "quote_cue_before": "quotation",
    "quote_continued": "quotation", "reported_speech": "speech",
    "reported_thought": "thought", "reporting_noun": "noun", "according_to": "according_to"}


def _schema(*fields: tuple[str, pa.DataType]) -> pa.Schema:
    return pa.schema([("id", _STR), *fields])


#: The columns and types of every table but ``articles``, whose figures follow the pipeline.
SCHEMAS: Mapping[str, pa.Schema] = {
    "attributions": _schema(
        ("n", _INT), ("speaker", _STR), ("name", _STR), ("type", _CATEGORY), ("role", _STR),
        ("side", _CATEGORY), ("cue", _STR), ("cue_class", _CATEGORY), ("rule", _CATEGORY),
        ("kind", _CATEGORY), ("quoted", _BOOL), ("content_words", _INT),
        ("confidence", _FLOAT), ("start", _INT), ("end", _INT), ("cue_start", _INT),
        ("cue_end", _INT), ("source_start", _INT), ("source_end", _INT)),
    "sources": _schema(
        ("name", _STR), ("text", _STR), ("type", _CATEGORY), ("role", _STR),
        ("side", _CATEGORY), ("gender", _CATEGORY), ("attributions", _INT), ("words", _INT),
        ("quoted_words", _INT), ("share", _FLOAT), ("position", _FLOAT), ("quoted", _BOOL),
        ("start", _INT), ("end", _INT)),
    "cues": _schema(
        ("kind", _CATEGORY), ("category", _CATEGORY), ("detail", _STR), ("text", _STR),
        ("voice", _CATEGORY), ("negated", _BOOL), ("sentence", _INT), ("entry", _STR),
        ("start", _INT), ("end", _INT)),
    "frames": _schema(
        ("frame", _CATEGORY), ("score", _FLOAT), ("present", _BOOL), ("dominant", _BOOL),
        ("distinct", _INT), ("cues", _INT)),
    "naming": _schema(
        ("group", _CATEGORY), ("variant", _CATEGORY), ("count", _INT), ("own_voice", _BOOL)),
    "failures": _schema(("error", _STR)),
    "reports": _schema(("report", _STR)),
}
#: Every table, in the order they are listed above.
TABLES: tuple[str, ...] = ("articles", *SCHEMAS)

Row = dict[str, Any]


def part_tables(analysed: Sequence[tuple[str, Report]], metadata: pa.Table
                ) -> dict[str, pa.Table]:
    """The tables of a run of articles: ``(id, report)`` pairs and their metadata rows.

    A report with its ``error`` set gives a row of ``articles`` with the error,
    one of ``failures``, and nothing else.
    """
    rows: dict[str, list[Row]] = {name: [] for name in SCHEMAS}
    figures: list[dict[str, Scalar]] = []
    for article_id, report in analysed:
        rows["reports"].append({"id": article_id, "report": report.to_json()})
        figures.append({"error": report.error, **_plain(report.summary())})
        if report.error is not None:
            rows["failures"].append({"id": article_id, "error": report.error})
            continue
        for name, items in _rows(report):
            rows[name].extend({"id": article_id, **item} for item in items)
    tables = {name: pa.Table.from_pylist(items, schema=SCHEMAS[name])
              for name, items in rows.items()}
    keys = list(dict.fromkeys(key for row in figures for key in row))
    columns = {key: pa.array([row.get(key) for row in figures]) for key in keys}
    articles = metadata
    for key, column in columns.items():
        articles = articles.append_column(key, column)
    tables["articles"] = articles.replace_schema_metadata(None)
    return tables


def _plain(summary: Mapping[str, Scalar]) -> dict[str, Scalar]:
    return {key: value.value if isinstance(value, Enum) else value
            for key, value in summary.items()}


def _rows(report: Report) -> Iterator[tuple[str, list[Row]]]:
    results = list(report.results.values())
    sides = {source.name: source.group for result in results
             if isinstance(result, SourceBalanceResult) for source in result.sources}
    for result in results:
        if isinstance(result, AttributionResult):
            yield "attributions", [_attribution(i, a, sides)
                                   for i, a in enumerate(result.attributions)]
        elif isinstance(result, SourceBalanceResult):
            yield "sources", [{
                "name": s.name, "text": s.text, "type": s.type.value, "role": s.role,
                "side": s.group, "gender": s.gender.value if s.gender else None,
                "attributions": s.attributions, "words": s.words,
                "quoted_words": s.quoted_words, "share": s.share, "position": s.position,
                "quoted": s.quoted, "start": s.start, "end": s.end} for s in result.sources]
        elif isinstance(result, HedgingResult):
            yield "cues", [{
                "kind": c.kind.value, "category": c.type, "detail": "", "text": c.text,
                "voice": c.voice.value, "negated": c.negated, "sentence": c.sentence,
                "entry": c.entry, "start": c.start, "end": c.end} for c in result.cues]
        elif isinstance(result, FramingResult):
            yield "cues", [{
                "kind": "device", "category": c.category.value, "detail": c.detail,
                "text": c.text, "voice": c.voice.value, "negated": None,
                "sentence": c.sentence, "entry": c.entry, "start": c.start, "end": c.end}
                for c in result.cues]
            yield "frames", [{
                "frame": f.name, "score": f.score, "present": f.present,
                "dominant": f.name in result.dominant, "distinct": f.distinct,
                "cues": len(f.cues)} for f in result.frames]
            yield "naming", [{
                "group": choice.group, "variant": variant, "count": count,
                "own_voice": variant in choice.own_voice}
                for choice in result.naming for variant, count in choice.counts.items()]


def _attribution(n: int, item: Attribution, sides: Mapping[str, str | None]) -> Row:
    source = item.source
    return {
        "n": n, "speaker": source.text if source else None, "name": item.speaker.name,
        "type": item.speaker.type.value, "role": item.speaker.role,
        "side": sides.get(item.speaker.name), "cue": item.cue.text,
        "cue_class": CUE_CLASSES.get(item.rule, item.rule), "rule": item.rule,
        "kind": item.kind.value, "quoted": item.kind != AttributionKind.INDIRECT,
        "content_words": sum(len(_WORD.findall(part.text)) for part in item.parts),
        "confidence": item.confidence, "start": item.content.start, "end": item.content.end,
        "cue_start": item.cue.start, "cue_end": item.cue.end,
        "source_start": source.start if source else None,
        "source_end": source.end if source else None}


def merge_parts(parts: Sequence[Path], name: str, target: Path) -> None:
    """Write the parts of table ``name`` into one Parquet file, one part at a time.

    The parts' schemas are unified first (a column that is empty in one part
    and filled in another, a column only some parts have), so that memory
    holds one part at a time however long the corpus.
    """
    files = [part / f"{name}.parquet" for part in parts]
    schemas = [pq.read_schema(f).remove_metadata() for f in files]
    schema = (pa.unify_schemas(schemas, promote_options="permissive") if schemas
              else SCHEMAS.get(name, pa.schema([("id", _STR)])))
    with pq.ParquetWriter(target, schema) as writer:
        for file in files:
            table = pq.read_table(file).replace_schema_metadata(None)
            for field in schema:
                if field.name not in table.column_names:
                    table = table.append_column(field.name, pa.nulls(len(table), field.type))
            writer.write_table(table.select(schema.names).cast(schema))


@attrs.frozen(eq=False)
class CorpusTables:
    """The tables of a finished corpus analysis, as pandas data frames.

    Attributes:
        articles: one row per article (metadata, ``error``, figures).
        attributions: one row per attribution.
        sources: one row per source per article.
        cues: one row per hedge, booster and framing device.
        frames: one row per frame per article.
        naming: one row per contested-name variant per article.
        failures: one row per article not analysed, with its error.
    """

    articles: pd.DataFrame
    attributions: pd.DataFrame
    sources: pd.DataFrame
    cues: pd.DataFrame
    frames: pd.DataFrame
    naming: pd.DataFrame
    failures: pd.DataFrame

    @property
    def analysed(self) -> pd.DataFrame:
        """The rows of :attr:`articles` that were analysed (no ``error``)."""
        return self.articles[self.articles["error"].isna()]


def read_tables(results: str | Path) -> CorpusTables:
    """Read the tables of a finished run from its results folder.

    Raises:
        CorpusError: the folder holds no finished run.
    """
    import pandas as pd

    def frame(name: str) -> pd.DataFrame:
        table = pq.read_table(folder / f"{name}.parquet")
        read: pd.DataFrame = table.to_pandas(types_mapper={pa.bool_(): pd.BooleanDtype()}.get)
        return read

    folder = Path(results)
    names = [field.name for field in attrs.fields(CorpusTables)]
    missing = [n for n in names if not (folder / f"{n}.parquet").exists()]
    if missing:
        raise CorpusError(f"{str(folder)!r} holds no finished corpus analysis (no "
                          f"{missing[0]}.parquet): run 'framekit corpus analyse' first, "
                          "or again to finish it")
    return CorpusTables(**{n: frame(n) for n in names})
