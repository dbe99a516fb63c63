r"""Readers of annotated corpora and of a researcher's own coding.

Each reader streams typed, frozen records: the text of a document and its gold
annotations, with character offsets into that text. The formats are those of
the public corpora framekit is measured on (see :doc:`/accuracy`) and a small
format for your own coding (see :doc:`/guide/validation`):

- :func:`read_polnear`: attributions in brat standoff (PolNeAR);
- :func:`read_szeged`: hedge cues in the Szeged Uncertainty Corpus / BioScope XML;
- :func:`read_semeval_frames`: SemEval-2023 Task 3 subtask 2 article frames;
- :func:`read_ptc`: technique spans of the Propaganda Techniques Corpus (SemEval-2020 Task 11);
- :func:`read_narrative_frames`: the Narrative Frames Corpus TSV;
- :func:`read_coding`: your own coding, JSONL or CSV, with one or several coders.

Malformed input raises :class:`~framekit.CorpusFormatError`, which names the file
and the line.

Example:
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "coding.jsonl").write_text(
    ...     '{"id": "a1", "text": "Talks may fail.", "coder": "ann", '
    ...     '"spans": [{"start": 6, "end": 9, "label": "hedge"}]}\n')
    >>> [document] = read_coding(folder / "coding.jsonl")
    >>> coding = document.codings[0]
    >>> coding.coder, [(s.text(document.text), s.label) for s in coding.spans]
    ('ann', [('may', 'hedge')])
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs

from framekit._errors import CorpusFormatError

__all__ = [
    "NARRATIVE_FRAMES",
    "AttributionDocument",
    "CodedDocument",
    "Coding",
    "Document",
    "FrameDocument",
    "GoldAttribution",
    "GoldSpan",
    "HedgeDocument",
    "SpanDocument",
    "labelled",
    "read_coding",
    "read_narrative_frames",
    "read_polnear",
    "read_ptc",
    "read_semeval_frames",
    "read_szeged",
]

Fragments = tuple[tuple[int, int], ...]


@attrs.frozen
class GoldSpan:
    """An annotated span, possibly in several fragments (``START END;START END`` in brat).

    Attributes:
        label: the annotation's category (``Content``, ``speculation_modal_probable_``,
            ``Loaded_Language``, ...).
        fragments: the ``(start, end)`` character offsets of each fragment, in order.

    Example:
        >>> span = GoldSpan("Content", ((0, 4), (10, 12)))
        >>> span.start, span.end, len(span)
        (0, 12, 6)
    """

    label: str
    fragments: Fragments

    @property
    def start(self) -> int:
        """Offset of the first character of the first fragment."""
        return min(start for start, _ in self.fragments)

    @property
    def end(self) -> int:
        """Offset just past the last fragment."""
        return max(end for _, end in self.fragments)

    def __len__(self) -> int:
        """The characters of the fragments, summed."""
        return sum(end - start for start, end in self.fragments)

    def text(self, document: str) -> str:
        """The span's characters in ``document``, fragments joined by a space."""
        return " ".join(document[start:end] for start, end in self.fragments)


@attrs.frozen
class GoldAttribution:
    """One attribution relation: what was attributed (content), how (cue), to whom (source).

    Attributes:
        id: the relation's id in the annotation file (``E3``).
        content: the attributed content (several ``Content`` parts are merged).
        cue: the cue, if annotated.
        source: the source, or ``None`` for an ``Attribution-no-source`` relation.
    """

    id: str
    content: GoldSpan
    cue: GoldSpan | None
    source: GoldSpan | None


@attrs.frozen
class Document:
    """A document of an annotated corpus, or of your own coding: its id and text.

    Attributes:
        id: the document's id (for PolNeAR, its text file's name without ``.txt``).
        text: its text (for Szeged, its sentences joined by single spaces; for
            SemEval, the title is the first line).
    """

    id: str
    text: str


@attrs.frozen
class AttributionDocument(Document):
    """A :class:`Document` with its gold attributions (PolNeAR).

    Attributes:
        attributions: the attribution relations, in file order.
        discuss: ``Discuss`` spans (talk about a topic, not attributions).
        annotator: the annotator code the gold comes from.
    """

    attributions: tuple[GoldAttribution, ...]
    discuss: tuple[GoldSpan, ...]
    annotator: str


@attrs.frozen
class HedgeDocument(Document):
    """A :class:`Document` with its gold hedge (uncertainty) cues (Szeged / BioScope).

    Attributes:
        sentences: the ``(start, end)`` offsets of each sentence in ``text``.
        cues: the cues, labelled with the corpus's class.
    """

    sentences: Fragments
    cues: tuple[GoldSpan, ...]


@attrs.frozen
class FrameDocument(Document):
    """A :class:`Document` with the frames coders gave it (SemEval-2023 T3, Narrative Frames).

    Attributes:
        frames: the corpus's labels of the frames present, in the corpus's own names.
    """

    frames: tuple[str, ...]


@attrs.frozen
class SpanDocument(Document):
    """A :class:`Document` with labelled gold spans (the PTC's technique spans).

    Attributes:
        spans: the gold spans with their labels.
    """

    spans: tuple[GoldSpan, ...]


@attrs.frozen
class Coding:
    """One coder's coding of one document.

    Attributes:
        coder: the coder's name (``""`` when the file names none).
        labels: the article-level labels (frames, categories) the coder gave.
        spans: the labelled spans the coder marked.
    """

    coder: str
    labels: tuple[str, ...]
    spans: tuple[GoldSpan, ...]


@attrs.frozen
class CodedDocument(Document):
    """A :class:`Document` of your own coding, with each coder's coding of it.

    Attributes:
        codings: one :class:`Coding` per coder, in the order of the file.
    """

    codings: tuple[Coding, ...]


# --------------------------------------------------------------------- PolNeAR (brat)

_BRAT_ID = re.compile(r"^([TEARN#])[0-9]*\t")
_FRAGMENT = re.compile(r"^(\d+) (\d+)$")


def read_polnear(path: str | Path, split: str | None = None, *,
                 annotators: Literal["first", "all"] = "first") -> Iterator[AttributionDocument]:
    """Stream the documents of a PolNeAR folder with their gold attributions.

    Args:
        path: a folder with ``text/`` and ``attributions/``, or the corpus root
            holding split folders (``train/``, ``dev/``).
        split: the split folder under ``path`` to read, if any.
        annotators: ``"first"`` uses, for each article, the annotator file that
            sorts first by file name (the scoring rule); ``"all"`` yields one
            record per annotator file.

    Raises:
        CorpusFormatError: a missing folder, an article without annotation, or a
            malformed line.
    """
    folder = Path(path) / split if split else Path(path)
    texts, annotations = folder / "text", folder / "attributions"
    for needed in (texts, annotations):
        if not needed.is_dir():
            raise CorpusFormatError(needed, None, "no such folder (expected text/ and "
                                                  "attributions/ of a PolNeAR split)")
    files = sorted(annotations.glob("*.ann"))
    for text_file in sorted(texts.glob("*.txt")):
        name = text_file.stem
        own = [f for f in files if f.stem.rpartition("_")[0] == name]
        if not own:
            raise CorpusFormatError(text_file, None, "no annotation file for this article")
        text = _read_text(text_file)
        for ann in own if annotators == "all" else own[:1]:
            yield _read_brat(ann, name, text)


def _read_text(path: Path) -> str:
    try:
        with path.open(encoding="utf-8", newline="") as handle:  # offsets count \r too
            return handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise CorpusFormatError(path, None, f"cannot read: {error}") from error


def _read_brat(path: Path, name: str, text: str) -> AttributionDocument:
    spans: dict[str, GoldSpan] = {}
    events: list[tuple[int, str, list[tuple[str, str]]]] = []
    previous = ""
    for number, line in enumerate(_read_text(path).splitlines(), 1):
        found = _BRAT_ID.match(line)
        if found is None:
            if previous == "T" or not line.strip():
                continue  # a span's text that runs over a line break
            raise CorpusFormatError(path, number, f"not a brat standoff line: {line[:40]!r}")
        previous = found.group(1)
        fields = line.split("\t")
        if previous == "T":
            spans[fields[0]] = _brat_span(path, number, fields, len(text))
        elif previous == "E":
            if len(fields) < 2:
                raise CorpusFormatError(path, number, "an event line needs its arguments")
            arguments = []
            for argument in fields[1].split():
                role, colon, target = argument.partition(":")
                if not colon or not target:
                    raise CorpusFormatError(path, number, f"bad event argument {argument!r}")
                arguments.append((role, target))
            events.append((number, fields[0], arguments))
    attributions = []
    for number, event, arguments in events:
        roles: dict[str, list[GoldSpan]] = {}
        for role, target in arguments:
            if target not in spans:
                raise CorpusFormatError(path, number, f"{event} refers to unknown span {target}")
            roles.setdefault(role.rstrip("0123456789"), []).append(spans[target])
        contents = roles.get("Content")
        if not contents:
            continue  # a relation with no content attributes nothing
        fragments = tuple(sorted(f for span in contents for f in span.fragments))
        attributions.append(GoldAttribution(
            event, GoldSpan("Content", fragments),
            _first(roles.get("Cue")), _first(roles.get("Source"))))
    discuss = tuple(span for span in spans.values() if span.label == "Discuss")
    return AttributionDocument(name, text, tuple(attributions), discuss,
                               path.stem.rpartition("_")[2])


def _first(spans: list[GoldSpan] | None) -> GoldSpan | None:
    return spans[0] if spans else None


def _brat_span(path: Path, number: int, fields: list[str], length: int) -> GoldSpan:
    label, _, offsets = fields[1].partition(" ") if len(fields) > 1 else ("", "", "")
    fragments = []
    for piece in offsets.split(";"):
        found = _FRAGMENT.match(piece.strip())
        if not label or found is None:
            raise CorpusFormatError(path, number,
                                    "a span line needs 'Type START END[;START END]'")
        start, end = int(found.group(1)), int(found.group(2))
        _check_offsets(path, number, start, end, length)
        fragments.append((start, end))
    return GoldSpan(label, tuple(fragments))


def _check_offsets(path: Path, number: int | None, start: int, end: int, length: int) -> None:
    if not 0 <= start <= end <= length:
        raise CorpusFormatError(path, number, f"offsets {start}-{end} fall outside the "
                                              f"text of {length} characters")


# --------------------------------------------------------------------- Szeged / BioScope XML

def read_szeged(path: str | Path) -> Iterator[HedgeDocument]:
    """Stream the documents of a Szeged Uncertainty Corpus / BioScope XML file.

    A document's sentences (title included) are joined by single spaces, the
    scoring rule; each inline ``<ccue type="...">`` becomes a cue labelled with
    its type, without the trailing ``" _"`` some types carry.

    Raises:
        CorpusFormatError: a file that is not well-formed XML, or has no documents.
    """
    path = Path(path)
    found = False
    try:
        for _, element in ET.iterparse(path, events=("end",)):
            if element.tag == "Document":
                found = True
                yield _hedge_document(element, path)
                element.clear()
    except ET.ParseError as error:
        raise CorpusFormatError(path, error.position[0], f"malformed XML: {error}") from error
    except OSError as error:
        raise CorpusFormatError(path, None, f"cannot read: {error}") from error
    if not found:
        raise CorpusFormatError(path, None, "no <Document> elements")


def _hedge_document(document: ET.Element, path: Path) -> HedgeDocument:
    parts: list[str] = []
    sentences: list[tuple[int, int]] = []
    cues: list[GoldSpan] = []
    offset = 0
    for sentence in document.iter("Sentence"):
        if parts:
            parts.append(" ")
            offset += 1
        start = offset
        for piece, cue_type in _pieces(sentence):
            if cue_type is not None:
                cues.append(GoldSpan(cue_type, ((offset, offset + len(piece)),)))
            parts.append(piece)
            offset += len(piece)
        sentences.append((start, offset))
    identifier = document.findtext("DocID") or f"{path.name}#{len(sentences)}"
    return HedgeDocument(identifier.strip(), "".join(parts), tuple(sentences), tuple(cues))


def _pieces(sentence: ET.Element) -> Iterator[tuple[str, str | None]]:
    """The sentence's text in pieces, each cue's text with its type."""
    yield sentence.text or "", None
    for child in sentence:
        label = child.get("type", "").removesuffix(" _").strip() if child.tag == "ccue" else None
        yield "".join(child.itertext()), label
        yield child.tail or "", None


# --------------------------------------------------------------------- SemEval / PTC / Narrative

def read_semeval_frames(path: str | Path,
                        labels: str = "labels-subtask-2.txt") -> Iterator[FrameDocument]:
    """Stream SemEval-2023 Task 3 subtask 2 articles with their frames.

    Args:
        path: the folder with ``articles/articleID.txt`` and the labels file.
        labels: the labels file's name (``ID<TAB>Frame,Frame,...``).

    Raises:
        CorpusFormatError: a malformed labels line, or a labelled article without text.
    """
    folder = Path(path)
    for number, identifier, rest in _tab_lines(folder / labels, 2):
        frames = tuple(frame.strip() for frame in rest[0].split(",") if frame.strip())
        article = folder / "articles" / f"article{identifier}.txt"
        if not article.is_file():
            raise CorpusFormatError(folder / labels, number, f"no article file {article.name}")
        yield FrameDocument(identifier, _read_text(article), frames)


def read_ptc(path: str | Path, labels: str = "techniques.labels") -> Iterator[SpanDocument]:
    """Stream Propaganda Techniques Corpus articles with their technique spans.

    Args:
        path: the folder with ``articles/articleID.txt`` and the labels file.
        labels: the labels file's name (``ID<TAB>Technique<TAB>START<TAB>END``).

    Raises:
        CorpusFormatError: a malformed labels line or offsets outside the article.
    """
    folder = Path(path)
    by_article: dict[str, list[tuple[int, str, int, int]]] = {}
    for number, identifier, rest in _tab_lines(folder / labels, 4):
        try:
            start, end = int(rest[1]), int(rest[2])
        except ValueError:
            raise CorpusFormatError(folder / labels, number,
                                    "START and END must be whole numbers") from None
        by_article.setdefault(identifier, []).append((number, rest[0], start, end))
    articles = sorted(folder.joinpath("articles").glob("article*.txt"))
    if not articles:
        raise CorpusFormatError(folder / "articles", None, "no article*.txt files")
    for article in articles:
        identifier = article.stem.removeprefix("article")
        text = _read_text(article)
        spans = []
        for number, technique, start, end in by_article.get(identifier, []):
            _check_offsets(folder / labels, number, start, end, len(text))
            spans.append(GoldSpan(technique, ((start, end),)))
        yield SpanDocument(identifier, text, tuple(sorted(spans, key=lambda s: s.fragments)))


def _tab_lines(path: Path, fields: int) -> Iterator[tuple[int, str, list[str]]]:
    """The non-empty lines of a tab-separated file: line number, first field, the others."""
    for number, line in enumerate(_read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) < fields or not parts[0].strip():
            raise CorpusFormatError(path, number, f"expected {fields} tab-separated fields, "
                                                  f"got {len(parts)}")
        yield number, parts[0].strip(), parts[1:]


NARRATIVE_FRAMES = ("RE", "HI", "CO", "MO", "EC")
"""The frame columns of the Narrative Frames Corpus TSV."""


def read_narrative_frames(path: str | Path) -> Iterator[FrameDocument]:
    """Stream Narrative Frames Corpus articles with their generic frames.

    The TSV has the columns ``ID, source, mbfc, date, text, RE, HI, CO, MO, EC``,
    the frame columns ``True`` or ``False``; a record's frames are the codes of
    the columns that are ``True``. A row with all five empty (an article left
    uncoded) is skipped.

    Raises:
        CorpusFormatError: a missing column or a frame value other than True/False.
    """
    path = Path(path)
    with _open_csv(path) as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        missing = {"ID", "text", *NARRATIVE_FRAMES} - set(reader.fieldnames or ())
        if missing:
            raise CorpusFormatError(path, 1, f"missing columns: {', '.join(sorted(missing))}")
        for row in reader:
            if not any((row[code] or "").strip() for code in NARRATIVE_FRAMES):
                continue  # an article the coders left uncoded
            frames = []
            for code in NARRATIVE_FRAMES:
                value = (row[code] or "").strip()
                if value not in ("True", "False"):
                    raise CorpusFormatError(path, reader.line_num,
                                            f"{code} must be True or False, not {value!r}")
                if value == "True":
                    frames.append(code)
            yield FrameDocument(row["ID"].strip(), row["text"] or "", tuple(frames))


def _open_csv(path: Path) -> Any:
    try:
        return path.open(encoding="utf-8", newline="")
    except OSError as error:
        raise CorpusFormatError(path, None, f"cannot read: {error}") from error


# --------------------------------------------------------------------- your own coding

def read_coding(path: str | Path) -> tuple[CodedDocument, ...]:
    """Read your own coding from a JSONL or CSV file (chosen by the file's suffix).

    **JSONL**: one object per line and coder, with ``id``, ``text`` (needed on
    the first line of each document, optional after), optional ``coder``, and
    ``labels`` (a list of article labels) and/or ``spans`` (a list of
    ``{"start", "end", "label"}``, ``end`` exclusive)::

        {"id": "a1", "coder": "ann", "text": "Talks may fail.", "labels": ["conflict"],
         "spans": [{"start": 6, "end": 9, "label": "hedge"}]}

    **CSV**: a header with ``id``, ``text``, ``coder``, ``label``, ``start``,
    ``end``; one row per label, an article label when ``start`` and ``end`` are
    empty, a span otherwise; a row with an empty ``label`` records a coding with
    nothing in it. ``text`` is needed on a document's first row.

    Raises:
        CorpusFormatError: bad JSON, a missing field, offsets outside the text,
            or a document whose texts differ.
    """
    path = Path(path)
    rows = _csv_rows(path) if path.suffix.lower() == ".csv" else _jsonl_rows(path)
    texts: dict[str, str] = {}
    codings: dict[str, dict[str, tuple[list[str], list[GoldSpan]]]] = {}
    for number, identifier, text, coder, labels, spans in rows:
        if text is not None and texts.setdefault(identifier, text) != text:
            raise CorpusFormatError(path, number, f"document {identifier!r} has another text "
                                                  "than on an earlier line")
        if identifier not in texts:
            raise CorpusFormatError(path, number, f"document {identifier!r} needs its text "
                                                  "on its first line")
        for span in spans:
            _check_offsets(path, number, span.start, span.end, len(texts[identifier]))
        coding = codings.setdefault(identifier, {}).setdefault(coder, ([], []))
        coding[0].extend(label for label in labels if label not in coding[0])
        coding[1].extend(spans)
    return tuple(
        CodedDocument(identifier, texts[identifier], tuple(
            Coding(coder, tuple(labels), tuple(sorted(spans, key=lambda s: s.fragments)))
            for coder, (labels, spans) in by_coder.items()))
        for identifier, by_coder in codings.items())


_Row = tuple[int, str, str | None, str, list[str], list[GoldSpan]]


def _jsonl_rows(path: Path) -> Iterator[_Row]:
    for number, line in enumerate(_read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise CorpusFormatError(path, number, f"not JSON: {error.msg}") from None
        if not isinstance(item, dict) or not isinstance(item.get("id"), str | int):
            raise CorpusFormatError(path, number, "each line must be an object with an 'id'")
        text = item.get("text")
        labels, spans = item.get("labels", []), item.get("spans", [])
        if text is not None and not isinstance(text, str):
            raise CorpusFormatError(path, number, "'text' must be a string")
        if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
            raise CorpusFormatError(path, number, "'labels' must be a list of strings")
        if not isinstance(spans, list):
            raise CorpusFormatError(path, number, "'spans' must be a list")
        yield (number, str(item["id"]), text, str(item.get("coder", "")), labels,
               [_json_span(path, number, span) for span in spans])


def _json_span(path: Path, number: int, span: object) -> GoldSpan:
    if not isinstance(span, dict):
        raise CorpusFormatError(path, number, "each span must be an object")
    start, end, label = span.get("start"), span.get("end"), span.get("label", "")
    if not isinstance(start, int) or not isinstance(end, int) or not isinstance(label, str):
        raise CorpusFormatError(path, number, "a span needs whole-number 'start' and 'end' "
                                              "and a string 'label'")
    return GoldSpan(label, ((start, end),))


def _csv_rows(path: Path) -> Iterator[_Row]:
    with _open_csv(path) as handle:
        reader = csv.DictReader(handle)
        missing = {"id", "label"} - set(reader.fieldnames or ())
        if missing:
            raise CorpusFormatError(path, 1, f"missing columns: {', '.join(sorted(missing))}")
        for row in reader:
            number = reader.line_num
            label = (row.get("label") or "").strip()
            start, end = (row.get("start") or "").strip(), (row.get("end") or "").strip()
            spans: list[GoldSpan] = []
            labels: list[str] = []
            if start or end:
                if not (start.isdigit() and end.isdigit()):
                    raise CorpusFormatError(path, number, "start and end must be whole "
                                                          "numbers, or both empty")
                spans.append(GoldSpan(label, ((int(start), int(end)),)))
            elif label:
                labels.append(label)
            text = row.get("text") or None
            yield (number, (row["id"] or "").strip(), text, (row.get("coder") or "").strip(),
                   labels, spans)


def labelled(documents: Iterable[FrameDocument]) -> tuple[Sequence[str], Sequence[Sequence[str]]]:
    """The texts and frame label lists of ``documents``, for a classifier.

    Example:
        >>> labelled([FrameDocument("1", "Prices rose.", ("EC",))])
        (('Prices rose.',), (('EC',),))
    """
    chosen = tuple(documents)
    return tuple(d.text for d in chosen), tuple(d.frames for d in chosen)
