"""Corpus readers on hand-written fixtures in each format, malformed ones included."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from framekit import CorpusFormatError, FramekitError
from framekit.corpora import (
    GoldSpan,
    read_coding,
    read_narrative_frames,
    read_polnear,
    read_ptc,
    read_semeval_frames,
    read_szeged,
)
from tests.corpora_path import CORPORA, needs_corpora

TEXT = "The mayor said the bridge will close. Critics, she added, are wrong."


def _polnear(tmp_path: Path, ann: str, *, second: str | None = None) -> Path:
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "article-one.txt").write_text(TEXT, encoding="utf-8")
    (split / "attributions" / "article-one_b2.ann").write_text(ann, encoding="utf-8")
    if second is not None:
        (split / "attributions" / "article-one_a1.ann").write_text(second, encoding="utf-8")
    return tmp_path


BRAT = (
    "T1\tSource 0 9\tThe mayor\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 36\tthe bridge will close\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tContent 38 45;58 68\tCritics are wrong.\n"
    "T6\tCue 51 56\tadded\n"
    "T7\tAttribution-no-source 51 56\tadded\n"
    "E2\tAttribution-no-source:T7 Content:T5 Cue:T6\n"
    "E3\tAttribution:T4 \n"
    "T8\tDiscuss 0 9\tThe mayor\n"
    "#1\tAnnotatorNotes T1\ta note\n"
)


def test_polnear_reads_relations_fragments_and_discuss(tmp_path: Path) -> None:
    [document] = read_polnear(_polnear(tmp_path, BRAT), "dev")
    assert document.id == "article-one"
    assert document.annotator == "b2"
    assert len(document.attributions) == 2  # E3 has no content
    first, second = document.attributions
    assert first.content.text(TEXT) == "the bridge will close"
    assert first.source is not None
    assert first.source.text(TEXT) == "The mayor"
    assert second.source is None
    assert second.content.fragments == ((38, 45), (58, 68))
    assert second.content.text(TEXT) == "Critics are wrong."
    assert len(second.content) == 17
    assert [d.text(TEXT) for d in document.discuss] == ["The mayor"]


def test_polnear_uses_first_annotator_file_unless_all(tmp_path: Path) -> None:
    other = "T1\tContent 38 67\tCritics, she added, are wrong.\nE1\tAttribution:T1 Content:T1\n"
    root = _polnear(tmp_path, BRAT, second=other)
    [first] = read_polnear(root, "dev")
    assert first.annotator == "a1"
    assert len(first.attributions) == 1
    every = list(read_polnear(root, "dev", annotators="all"))
    assert [d.annotator for d in every] == ["a1", "b2"]


def test_polnear_span_text_running_over_a_line_break_is_read(tmp_path: Path) -> None:
    ann = "T1\tContent 15 36\tthe bridge\nwill close\nE1\tAttribution:T1 Content:T1\n"
    [document] = read_polnear(_polnear(tmp_path, ann), "dev")
    assert document.attributions[0].content.fragments == ((15, 36),)


@pytest.mark.parametrize(("ann", "line", "problem"), [
    ("T1\tContent 15 360\tx\n", 1, "outside the text"),
    ("T1\tContent fifteen 36\tx\n", 1, "START END"),
    ("T1\tContent 15 36\tx\nE1\tAttribution:T1 Content:T9\n", 2, "unknown span T9"),
    ("T1\tContent 15 36\tx\nE1\tAttribution:T1 Content\n", 2, "bad event argument"),
    ("T1\tContent 15 36\tx\nE1\tAttribution:T1 Content:T1\nContent 1 2\n", 3,
     "not a brat standoff line"),
])
def test_polnear_malformed_lines_name_file_and_line(tmp_path: Path, ann: str, line: int,
                                                   problem: str) -> None:
    with pytest.raises(CorpusFormatError, match=problem) as caught:
        list(read_polnear(_polnear(tmp_path, ann), "dev"))
    assert caught.value.line == line
    assert caught.value.path.endswith("article-one_b2.ann")
    assert f"line {line}" in str(caught.value)
    assert isinstance(caught.value, FramekitError)


def test_polnear_missing_folders_and_annotations(tmp_path: Path) -> None:
    with pytest.raises(CorpusFormatError, match="no such folder"):
        list(read_polnear(tmp_path, "dev"))
    root = _polnear(tmp_path, BRAT)
    (root / "dev" / "text" / "article-two.txt").write_text("No one spoke.", encoding="utf-8")
    with pytest.raises(CorpusFormatError, match="no annotation file"):
        list(read_polnear(root, "dev"))


SZEGED = """<?xml version="1.0" encoding="UTF-8"?>
<Annotation><DocumentSet>
<Document type="unknown"><DocID type="FILENAME">doc-1</DocID>
<DocumentPart type="Title"><Sentence id="S1.1">Storm warning</Sentence></DocumentPart>
<DocumentPart type="Text"><Sentence id="S1.2">The storm <ccue type="speculation_modal_probable_">\
may</ccue> reach the coast, officials <ccue type="speculation_hypo_doxastic _">believe</ccue>.\
</Sentence><Sentence id="S1.3">Roads were closed.</Sentence></DocumentPart></Document>
<Document type="unknown"><DocID type="FILENAME">doc-2</DocID><DocumentPart type="Text">\
<Sentence id="S2.1"><ccue type="speculation_hypo_condition _">If</ccue> it rains, we stay.\
</Sentence></DocumentPart></Document>
</DocumentSet></Annotation>
"""


def test_szeged_joins_sentences_and_keeps_cue_offsets(tmp_path: Path) -> None:
    path = tmp_path / "part.xml"
    path.write_text(SZEGED, encoding="utf-8")
    first, second = read_szeged(path)
    assert first.id == "doc-1"
    assert first.text == ("Storm warning The storm may reach the coast, officials believe. "
                          "Roads were closed.")
    assert [first.text[s:e] for s, e in first.sentences] == [
        "Storm warning", "The storm may reach the coast, officials believe.",
        "Roads were closed."]
    assert [(c.text(first.text), c.label) for c in first.cues] == [
        ("may", "speculation_modal_probable_"), ("believe", "speculation_hypo_doxastic")]
    assert [(c.text(second.text), c.label) for c in second.cues] == [
        ("If", "speculation_hypo_condition")]


def test_szeged_malformed_xml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text(SZEGED.replace("</Sentence><Sentence id=\"S1.3\">", "<Sentence>", 1),
                    encoding="utf-8")
    with pytest.raises(CorpusFormatError, match="malformed XML") as caught:
        list(read_szeged(path))
    assert caught.value.line is not None
    empty = tmp_path / "empty.xml"
    empty.write_text("<Annotation/>", encoding="utf-8")
    with pytest.raises(CorpusFormatError, match="no <Document>"):
        list(read_szeged(empty))


def test_semeval_frames_and_missing_article(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "article7.txt").write_text("Budget row\n\nMPs argued over taxes.",
                                                        encoding="utf-8")
    (tmp_path / "labels-subtask-2.txt").write_text("7\tEconomic,Political\n",
                                                    encoding="utf-8")
    [document] = read_semeval_frames(tmp_path)
    assert document.frames == ("Economic", "Political")
    assert document.text.splitlines()[0] == "Budget row"
    (tmp_path / "labels-subtask-2.txt").write_text("7\tEconomic\n8\tPolitical\n",
                                                    encoding="utf-8")
    with pytest.raises(CorpusFormatError, match="line 2: no article file"):
        list(read_semeval_frames(tmp_path))
    (tmp_path / "labels-subtask-2.txt").write_text("7 Economic\n", encoding="utf-8")
    with pytest.raises(CorpusFormatError, match="line 1: expected 2"):
        list(read_semeval_frames(tmp_path))


def test_ptc_spans_and_bad_offsets(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    text = "The corrupt regime crushed dissent."
    (tmp_path / "articles" / "article42.txt").write_text(text, encoding="utf-8")
    (tmp_path / "articles" / "article43.txt").write_text("Nothing here.", encoding="utf-8")
    labels = tmp_path / "techniques.labels"
    labels.write_text("42\tName_Calling,Labeling\t4\t18\n42\tLoaded_Language\t19\t26\n",
                      encoding="utf-8")
    first, second = read_ptc(tmp_path)
    assert [(s.label, s.text(text)) for s in first.spans] == [
        ("Name_Calling,Labeling", "corrupt regime"), ("Loaded_Language", "crushed")]
    assert second.spans == ()
    labels.write_text("42\tLoaded_Language\t19\tx\n", encoding="utf-8")
    with pytest.raises(CorpusFormatError, match="line 1: START and END"):
        list(read_ptc(tmp_path))
    labels.write_text("42\tLoaded_Language\t19\t99\n", encoding="utf-8")
    with pytest.raises(CorpusFormatError, match="line 1: offsets 19-99"):
        list(read_ptc(tmp_path))


NARRATIVE_HEADER = "ID\tsource\tmbfc\tdate\ttext\tRE\tHI\tCO\tMO\tEC\n"


def test_narrative_frames_true_columns_and_uncoded_rows(tmp_path: Path) -> None:
    path = tmp_path / "articles.tsv"
    path.write_text(NARRATIVE_HEADER
                    + '1\tpaper\tleast\t2019-01-01\t"Farmers ""fear"" the\ndrought."\t'
                      "True\tFalse\tTrue\tFalse\tFalse\n"
                    + "2\tpaper\tleast\t2019-01-02\tUncoded.\t\t\t\t\t\n", encoding="utf-8")
    [document] = read_narrative_frames(path)
    assert document.text == 'Farmers "fear" the\ndrought.'
    assert document.frames == ("RE", "CO")


def test_narrative_frames_bad_value_and_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "articles.tsv"
    path.write_text(NARRATIVE_HEADER + "1\tp\tl\td\tText.\tTrue\tyes\tTrue\tFalse\tFalse\n",
                    encoding="utf-8")
    with pytest.raises(CorpusFormatError, match="line 2: HI must be True or False"):
        list(read_narrative_frames(path))
    path.write_text("ID\ttext\tRE\n1\tText.\tTrue\n", encoding="utf-8")
    with pytest.raises(CorpusFormatError, match="missing columns: CO, EC, HI, MO"):
        list(read_narrative_frames(path))


def test_coding_jsonl_groups_coders(tmp_path: Path) -> None:
    path = tmp_path / "coding.jsonl"
    path.write_text(
        '{"id": "a", "coder": "ann", "text": "Talks may fail.", "labels": ["conflict"],'
        ' "spans": [{"start": 6, "end": 9, "label": "hedge"}]}\n'
        '\n'
        '{"id": "a", "coder": "bob", "labels": []}\n'
        '{"id": 2, "text": "Prices rose.", "labels": ["economic_consequences"]}\n',
        encoding="utf-8")
    first, second = read_coding(path)
    assert [c.coder for c in first.codings] == ["ann", "bob"]
    assert first.codings[0].labels == ("conflict",)
    assert first.codings[0].spans == (GoldSpan("hedge", ((6, 9),)),)
    assert first.codings[1].spans == ()
    assert second.id == "2"
    assert second.codings[0].coder == ""


@pytest.mark.parametrize(("lines", "problem"), [
    ('{"id": "a", "text": "x"\n', "line 1: not JSON"),
    ('["a"]\n', "line 1: each line must be an object"),
    ('{"id": "a", "coder": "ann"}\n', "line 1: document 'a' needs its text"),
    ('{"id": "a", "text": "Short."}\n{"id": "a", "text": "Other."}\n', "line 2: document"),
    ('{"id": "a", "text": "Short.", "spans": [{"start": 0, "end": 40}]}\n', "offsets 0-40"),
    ('{"id": "a", "text": "Short.", "spans": [{"start": "0", "end": 4}]}\n', "whole-number"),
    ('{"id": "a", "text": "Short.", "labels": "conflict"}\n', "list of strings"),
])
def test_coding_jsonl_malformed(tmp_path: Path, lines: str, problem: str) -> None:
    path = tmp_path / "coding.jsonl"
    path.write_text(lines, encoding="utf-8")
    with pytest.raises(CorpusFormatError, match=problem):
        read_coding(path)


def test_coding_csv_labels_spans_and_empty_codings(tmp_path: Path) -> None:
    path = tmp_path / "coding.csv"
    path.write_text("id,coder,text,label,start,end\n"
                    'a,ann,"Talks may fail, they say.",hedge,6,9\n'
                    "a,ann,,conflict,,\n"
                    "a,bob,,,,\n", encoding="utf-8")
    [document] = read_coding(path)
    ann, bob = document.codings
    assert ann.labels == ("conflict",)
    assert [s.text(document.text) for s in ann.spans] == ["may"]
    assert (bob.labels, bob.spans) == ((), ())
    path.write_text("id,coder,text,label,start,end\na,ann,Text.,hedge,1,\n", encoding="utf-8")
    with pytest.raises(CorpusFormatError, match="line 2: start and end"):
        read_coding(path)
    path.write_text("id,text\na,Text.\n", encoding="utf-8")
    with pytest.raises(CorpusFormatError, match="line 1: missing columns: label"):
        read_coding(path)




@needs_corpora
def test_real_corpora_read_with_offsets_in_range() -> None:
    for document in itertools.islice(read_polnear(CORPORA / "polnear", "dev"), 10):
        assert document.attributions
        for attribution in document.attributions:
            assert attribution.content.end <= len(document.text)
    hedges = list(itertools.islice(read_szeged(CORPORA / "szeged" / "factbank-dev.xml"), 20))
    assert any(d.cues for d in hedges)
    assert all(not c.label.endswith("_ ") and " " not in c.label for d in hedges for c in d.cues)
    frames = list(itertools.islice(read_semeval_frames(CORPORA / "semeval2023-t3-en"), 20))
    assert all(d.frames and d.text for d in frames)
    spans = list(itertools.islice(read_ptc(CORPORA / "ptc"), 20))
    assert any(s.spans for s in spans)
    narrative = list(itertools.islice(
        read_narrative_frames(CORPORA / "narrative-frames" / "articles.tsv"), 20))
    assert len(narrative) == 20
