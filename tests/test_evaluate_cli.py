"""The ``framekit evaluate`` command on hand-written fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framekit.cli import main

SZEGED = """<?xml version="1.0" encoding="UTF-8"?>
<Annotation><DocumentSet><Document type="unknown"><DocID type="FILENAME">doc-1</DocID>
<DocumentPart type="Text"><Sentence id="S1">The storm <ccue type="speculation_modal_probable_">\
may</ccue> reach the coast.</Sentence><Sentence id="S2">Officials <ccue \
type="speculation_hypo_doxastic _">suspect</ccue> a leak.</Sentence></DocumentPart></Document>
</DocumentSet></Annotation>
"""


@pytest.fixture
def szeged(tmp_path: Path) -> Path:
    path = tmp_path / "part.xml"
    path.write_text(SZEGED, encoding="utf-8")
    return path


def test_hedging_json_has_stable_keys(szeged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "hedging", "--corpus", "szeged", str(szeged), "--format", "json",
                 "--no-progress"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["corpus"] == "szeged"
    assert found["documents"] == 1
    assert found["gold"] == 2
    assert found["framekit_version"]
    assert set(found["measures"]["cue"]) >= {"P", "R", "F1", "tp", "fp", "fn", "F1_CI"}
    assert set(found["measures"]["sentence"]) >= {"P", "R", "F1"}


def test_table_with_errors_and_limit(szeged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "hedging", "--corpus", "szeged", str(szeged), "--errors", "3",
                 "--limit", "1", "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("framekit ")
    assert "cue " in out
    assert "rule: " in out


def test_wrong_corpus_and_malformed_input(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "hedging", "--corpus", "ptc", str(tmp_path)]) == 2
    assert "cannot be scored" in capsys.readouterr().err
    bad = tmp_path / "bad.xml"
    bad.write_text("<Annotation><Document>", encoding="utf-8")
    assert main(["evaluate", "hedging", "--corpus", "szeged", str(bad), "--no-progress"]) == 1
    assert "bad.xml, line" in capsys.readouterr().err
    assert main(["evaluate", "hedging", "--corpus", "szeged", str(bad), "--train"]) == 2


def test_own_coding_prints_agreement(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "coding.jsonl"
    lines = [{"id": "1", "coder": "ann", "text": "Talks may fail. Prices might rise.",
              "spans": [{"start": 6, "end": 9, "label": "hedge"}]},
             {"id": "1", "coder": "bob",
              "spans": [{"start": 6, "end": 9, "label": "hedge"},
                        {"start": 23, "end": 28, "label": "hedge"}]}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert main(["evaluate", "hedging", "--corpus", "jsonl", str(path), "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "framekit~ann" in out
    assert "ann ~ bob" in out
    assert main(["evaluate", "hedging", "--corpus", "jsonl", str(path), "--format", "json",
                 "--no-progress"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert {a["between"] for a in found["agreement"]} >= {"framekit ~ ann", "ann ~ bob"}
