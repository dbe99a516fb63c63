"""Corpus analysis: reading each input kind, tidy tables, resumable runs, comparisons, CLI."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")
if TYPE_CHECKING:
    import pandas as pd

from framekit import Pipeline  # noqa: E402
from framekit.corpus import (  # noqa: E402
    CorpusError,
    CorpusTables,
    analyse_corpus,
    bootstrap_ratio,
    compare,
    read_corpus,
    read_tables,
)

from .conftest import ROOT  # noqa: E402

TEXTS = {
    "a1": "“We may reach a deal,” Kremlin spokesman Dmitry Peskov said. Talks could resume.",
    "a2": "Officials in Kyiv said that the offer was clearly unacceptable. Kiev disagreed.",
    "b1": "Analysts noted that the ceasefire might not hold. Kyiv is preparing for winter.",
    "b2": "The summit will certainly go ahead, the White House said on Monday.",
}
OUTLETS = {"a1": "Alpha", "a2": "Alpha", "b1": "Beta", "b2": "Beta"}
DATES = {"a1": "2025-08-16", "a2": "2025-09-02", "b1": "2025-08-20", "b2": "2025-09-15"}


def frame() -> pd.DataFrame:
    return pd.DataFrame({"id": list(TEXTS), "outlet": list(OUTLETS.values()),
                         "date": list(DATES.values()), "text": list(TEXTS.values())})


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> CorpusTables:
    results = tmp_path_factory.mktemp("results")
    return analyse_corpus(read_corpus(frame()), results, pipeline=pipeline, part_size=3)


# -- reading -------------------------------------------------------------------------------

def test_folder_takes_ids_from_file_names_and_metadata_from_a_sidecar(tmp_path: Path) -> None:
    for name, text in TEXTS.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 talks")
    (tmp_path / "blank.txt").write_text("  \n", encoding="utf-8")
    sidecar = tmp_path / "meta.csv"
    frame().drop(columns="text").assign(id=lambda f: f["id"]).to_csv(sidecar, index=False)
    with sidecar.open("a", encoding="utf-8") as out:
        out.write("gone,Gamma,2025-10-01\n")
    corpus = read_corpus(tmp_path, metadata=sidecar)
    assert set(corpus.ids) == {*TEXTS, "bad", "blank", "gone"}
    meta = corpus.metadata.set_index("id")
    assert meta.loc["a1", "outlet"] == "Alpha"
    assert meta["date"].dtype.kind == "M"
    assert pd.isna(meta.loc["bad", "outlet"])
    problems = {t.id: t.problem for t in corpus.texts()}
    assert problems["a1"] is None
    assert "cannot decode bad.txt as utf-8" in str(problems["bad"])
    assert problems["blank"] == "empty text"
    assert problems["gone"] == "missing text: no file gone.txt"


def test_folder_metadata_from_a_file_name_pattern(tmp_path: Path) -> None:
    (tmp_path / "nyt_2016-01-02_talks-stall.txt").write_text("Talks stalled.", encoding="utf-8")
    (tmp_path / "politico_2016-02-03_a-deal.txt").write_text("A deal.", encoding="utf-8")
    pattern = r"(?P<publisher>[^_]+)_(?P<date>\d{4}-\d{2}-\d{2})_(?P<slug>.*)"
    corpus = read_corpus(tmp_path, name_pattern=pattern)
    assert corpus.metadata["publisher"].tolist() == ["nyt", "politico"]
    assert corpus.metadata["date"].dt.month.tolist() == [1, 2]
    (tmp_path / "README.txt").write_text("Not an article.", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"'README\.txt' does not match"):
        read_corpus(tmp_path, name_pattern=pattern)
    with pytest.raises(CorpusError, match="no named group"):
        read_corpus(tmp_path, name_pattern=r"\w+")


def test_csv_with_named_columns(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    frame().rename(columns={"id": "url", "text": "body"}).assign(
        body=lambda f: f["body"].where(f["url"] != "b2", "")).to_csv(path, index=False)
    corpus = read_corpus(path, text_column="body", id_column="url")
    assert corpus.ids == list(TEXTS)
    assert list(corpus.metadata.columns) == ["id", "outlet", "date"]
    texts = list(corpus.texts())
    assert texts[0].text == TEXTS["a1"]
    assert texts[3].problem == "empty text"
    with pytest.raises(CorpusError, match="no text column 'text'"):
        read_corpus(path)
    with pytest.raises(CorpusError, match="no id column 'id'"):
        read_corpus(path, text_column="body", id_column="id")
    with pytest.raises(CorpusError, match="no such file"):
        read_corpus(tmp_path / "absent.csv")


def test_jsonl_with_missing_texts_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    rows = [{"id": "x", "outlet": "Alpha", "text": "It may rain."}, {"id": "y", "outlet": "Beta"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    corpus = read_corpus(path)
    assert [(t.id, t.problem) for t in corpus.texts()] == [("x", None), ("y", "missing text")]
    with pytest.raises(CorpusError, match="no text column 'body'"):
        read_corpus(path, text_column="body")
    path.write_text('{"id": "x", "text": "fine"}\n{"id": "y", "text": \n', encoding="utf-8")
    with pytest.raises(CorpusError, match="line 2 is not JSON"):
        read_corpus(path)


def test_parquet_and_its_errors(tmp_path: Path) -> None:
    path = tmp_path / "corpus.parquet"
    frame().to_parquet(path)
    corpus = read_corpus(path)
    assert corpus.ids == list(TEXTS)
    assert [t.text for t in corpus.texts(start=2)] == [TEXTS["b1"], TEXTS["b2"]]
    with pytest.raises(CorpusError, match="no text column 'body'"):
        read_corpus(path, text_column="body")
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"not parquet at all")
    with pytest.raises(CorpusError, match=r"cannot read .* as Parquet"):
        read_corpus(broken)


def test_data_frame_and_its_errors() -> None:
    corpus = read_corpus(frame().assign(text=[*list(TEXTS.values())[:3], None]))
    assert corpus.metadata["date"].dtype.kind == "M"
    assert [t.problem for t in corpus.texts()] == [None, None, None, "missing text"]
    with pytest.raises(CorpusError, match="is given to more than one article"):
        read_corpus(frame().assign(id=["a", "a", "b", "c"]))
    with pytest.raises(CorpusError, match="may not have a column named 'error'"):
        read_corpus(frame().assign(error=1))
    with pytest.raises(CorpusError, match="no text column 'body'"):
        read_corpus(frame(), text_column="body")
    numbered = read_corpus(frame().drop(columns="id"))
    assert numbered.ids == ["1", "2", "3", "4"]


# -- tables --------------------------------------------------------------------------------

def test_tables_keep_the_article_id_and_sensible_dtypes(tables: CorpusTables) -> None:
    articles = tables.articles
    assert articles["id"].tolist() == list(TEXTS)
    assert articles["date"].dtype.kind == "M"
    assert articles["error"].isna().all()
    attributions = tables.attributions
    peskov = attributions[attributions["name"] == "Dmitry Peskov"]
    assert len(peskov) == 1
    row = peskov.iloc[0]
    assert (row["id"], row["kind"], row["cue_class"], row["type"]) == (
        "a1", "direct", "quotation", "person")
    assert TEXTS["a1"][row["start"]:row["end"]] == "“We may reach a deal,”"
    assert attributions["kind"].dtype == "category"
    cues = tables.cues
    may = cues[(cues["id"] == "a1") & (cues["text"] == "may")].iloc[0]
    assert (may["kind"], may["voice"]) == ("hedge", "quoted")
    naming = tables.naming
    assert set(naming.loc[naming["id"] == "a2", "variant"]) == {"Kyiv", "Kiev"}
    frames = tables.frames
    assert len(frames) == 5 * len(TEXTS)
    for table in ("attributions", "sources", "cues", "frames", "naming"):
        ids = getattr(tables, table)["id"]
        assert len(ids) and ids.isin(list(TEXTS)).all()


def test_failed_articles_are_recorded_and_the_run_goes_on(tmp_path: Path,
                                                          pipeline: Pipeline) -> None:
    corpus = read_corpus(frame().assign(text=[TEXTS["a1"], "", None, TEXTS["b2"]]))
    tables = analyse_corpus(corpus, tmp_path, pipeline=pipeline)
    assert tables.failures["id"].tolist() == ["a2", "b1"]
    assert tables.failures["error"].tolist() == ["CorpusError: empty text",
                                                 "CorpusError: missing text"]
    assert tables.articles["error"].notna().tolist() == [False, True, True, False]
    assert set(tables.attributions["id"]) == {"a1", "b2"}


def test_a_results_folder_of_another_run_is_refused(tmp_path: Path,
                                                    pipeline: Pipeline) -> None:
    analyse_corpus(read_corpus(frame()), tmp_path, pipeline=pipeline)
    again = analyse_corpus(read_corpus(frame()), tmp_path, pipeline=pipeline)
    assert len(again.articles) == len(TEXTS)
    with pytest.raises(CorpusError, match="holds a run of another corpus"):
        analyse_corpus(read_corpus(frame().iloc[:2]), tmp_path, pipeline=pipeline)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(CorpusError, match="is not empty"):
        analyse_corpus(read_corpus(frame()), tmp_path / "other", pipeline=pipeline)


# -- resuming ------------------------------------------------------------------------------

SENTENCES = ["“We may reach a deal soon,” Kremlin spokesman Dmitry Peskov said on {day}.",
             "Officials in Kyiv said that the offer was clearly unacceptable.",
             "Analysts noted that the ceasefire might not hold through the winter.",
             "The summit will certainly go ahead, the White House said."]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _long_corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        sentences = [s.format(day=DAYS[(i + j) % 5]) for j, s in enumerate(SENTENCES)]
        text = "\n".join(" ".join(sentences[(i + k) % 4:] + sentences[:(i + k) % 4])
                         for k in range(20))
        (folder / f"outlet{i % 3}_2025-0{1 + i % 9}-1{i % 10}_story{i:02d}.txt").write_text(
            text, encoding="utf-8")


def _command(corpus: Path, results: Path) -> list[str]:
    return [sys.executable, "-m", "framekit", "corpus", "analyse", str(corpus), "-o",
            str(results), "--name-pattern",
            r"(?P<outlet>[^_]+)_(?P<date>[\d-]+)_(?P<slug>.*)", "--part-size", "1",
            "--batch-size", "1", "--analysers", "hedging,attribution,balance,framing"]


def _environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.mark.slow
def test_a_killed_run_resumes_to_the_same_tables(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _long_corpus(corpus, 30)
    whole = subprocess.run(_command(corpus, tmp_path / "whole"), env=_environment(),
                           capture_output=True, text=True, check=False)
    assert whole.returncode == 0, whole.stderr
    killed = tmp_path / "killed"
    process = subprocess.Popen(_command(corpus, killed), env=_environment(),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    third = killed / "parts" / "00002"
    while not third.exists() and process.poll() is None:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    record = json.loads((killed / "run.json").read_text(encoding="utf-8"))
    assert not record.get("complete"), "the run ended before it could be killed"
    assert not (killed / "articles.parquet").exists()
    resumed = subprocess.run(_command(corpus, killed), env=_environment(),
                             capture_output=True, text=True, check=False)
    assert resumed.returncode == 0, resumed.stderr
    assert "30 of 30 articles analysed" in resumed.stderr
    for table in ("articles", "attributions", "sources", "cues", "frames", "naming",
                  "failures", "reports"):
        expected = pd.read_parquet(tmp_path / "whole" / f"{table}.parquet")
        found = pd.read_parquet(killed / f"{table}.parquet")
        pd.testing.assert_frame_equal(found, expected)
    assert len(pd.read_parquet(killed / "articles.parquet")) == 30
    assert not (killed / "parts").exists()


@pytest.mark.slow
def test_a_terminated_run_stops_cleanly_and_resumes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _long_corpus(corpus, 12)
    results = tmp_path / "results"
    command = [*_command(corpus, results), "--n-process", "2"]
    process = subprocess.Popen(command, env=_environment(), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    while not (results / "parts" / "00000").exists() and process.poll() is None:
        time.sleep(0.02)
    process.terminate()
    assert process.wait() == 130  # stopped as by Ctrl-C, its workers shut down
    assert not json.loads((results / "run.json").read_text(encoding="utf-8")).get("complete")
    resumed = subprocess.run(command, env=_environment(), capture_output=True, text=True,
                             check=False)
    assert resumed.returncode == 0, resumed.stderr
    assert len(pd.read_parquet(results / "articles.parquet")) == 12


# -- comparisons ---------------------------------------------------------------------------

def test_bootstrap_interval_of_a_mean_computed_by_hand() -> None:
    # Three articles scoring 0, 0 and 3. A resample holds k copies of the 3 with
    # probability C(3,k) (1/3)^k (2/3)^(3-k): k = 0, 1, 2, 3 with 8, 12, 6, 1 in 27,
    # giving means 0, 1, 2, 3. Cumulative: 0.296, 0.741, 0.963, 1. The 2.5th
    # percentile is 0 and the 97.5th is 3 (0.963 < 0.975); the 5th is 0 and the
    # 95th is 2 (0.741 < 0.95 <= 0.963).
    value, low, high = bootstrap_ratio([0, 0, 3], [1, 1, 1], resamples=20_000, seed=1)
    assert (value[0], low[0], high[0]) == (1.0, 0.0, 3.0)
    _, low90, high90 = bootstrap_ratio([0, 0, 3], [1, 1, 1], confidence=0.9,
                                       resamples=20_000, seed=1)
    assert (low90[0], high90[0]) == (0.0, 2.0)


def test_bootstrap_pools_ratios_of_sums() -> None:
    # 2 of 4 and 0 of 1: pooled 2/5, not the mean of the ratios (1/4). Resamples:
    # both first (4/8, p 1/4), one each (2/5, p 1/2), both second (0/2, p 1/4).
    value, low, high = bootstrap_ratio(np.array([[2.0, 1.0], [0.0, 0.0]]),
                                       np.array([[4.0, 0.0], [1.0, 0.0]]), resamples=4000)
    assert value[0] == pytest.approx(0.4)
    assert (low[0], high[0]) == (0.0, 0.5)
    assert np.isnan(value[1]) and np.isnan(low[1])  # nothing to divide by


def test_comparisons_by_outlet_carry_sizes_and_intervals(tables: CorpusTables) -> None:
    made = {c.name: c for c in compare(tables, "outlet")}
    assert {"voice_by_type", "quoted_share", "hedging_by_voice", "frame_prevalence",
            "naming", "readability"} <= set(made)
    assert "voice_by_side" not in made  # no sides were given
    hedging = made["hedging_by_voice"].table.set_index(["outlet", "category"])
    alpha = hedging.loc[("Alpha", "boosters, author")]
    # "clearly" is in reported speech, so Alpha's writer has no booster
    assert alpha["value"] == 0.0 and alpha["n_articles"] == 2
    quoted = made["hedging_by_voice"].table
    assert (quoted["low"] <= quoted["value"]).all() and (quoted["value"] <= quoted["high"]).all()
    naming = made["naming"].table.set_index(["outlet", "category"])
    assert naming.loc[("Alpha", "Kiev"), "value"] == 0.5  # a2: Kyiv once, Kiev once
    assert naming.loc[("Beta", "Kyiv"), "n_articles"] == 1
    figure = made["frame_prevalence"].plot()
    assert figure.axes[0].get_title().startswith("Frame prevalence")


def test_comparisons_over_months(tables: CorpusTables) -> None:
    quoted, = compare(tables, every="month", what=["quoted_share"])
    assert sorted(set(quoted.table["period"].dt.strftime("%Y-%m"))) == ["2025-08", "2025-09"]
    assert quoted.table.groupby("period")["n_articles"].max().tolist() == [2, 2]
    by_both, = compare(tables, "outlet", every="week",
                       what=["readability"])
    assert {"outlet", "period", "category", "value", "low", "high", "n_articles"} <= set(
        by_both.table.columns)
    assert len(by_both.plot().axes) >= 3
    with pytest.raises(CorpusError, match="no metadata column 'publisher'"):
        compare(tables, "publisher")
    with pytest.raises(CorpusError, match="no comparison 'tone'"):
        compare(tables, what=["tone"])


# -- the command line ----------------------------------------------------------------------

@pytest.mark.slow
def test_cli_analyse_and_compare(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    frame().rename(columns={"text": "body"}).to_csv(path, index=False)
    sides = ROOT / "examples" / "sides.json"
    results = tmp_path / "results"
    done = subprocess.run([sys.executable, "-m", "framekit", "corpus", "analyse", str(path),
                           "-o", str(results), "--text-column", "body", "--sides", str(sides),
                           "--n-process", "2", "--batch-size", "1"],
                          env=_environment(), capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert read_tables(results).sources["side"].notna().any()
    shown = subprocess.run([sys.executable, "-m", "framekit", "corpus", "compare",
                            str(results), "--by", "outlet", "--format", "json",
                            "--html", str(tmp_path / "overview.html")],
                           env=_environment(), capture_output=True, text=True, check=False)
    assert shown.returncode == 0, shown.stderr
    data = {c["comparison"]: c["rows"] for c in json.loads(shown.stdout)}
    russia = {r["outlet"]: r for r in data["voice_by_side"] if r["category"] == "Russia"}
    assert russia["Alpha"]["value"] > 0 and russia["Beta"]["value"] == 0
    assert {"value", "low", "high", "n_articles"} <= set(russia["Alpha"])
    assert (tmp_path / "overview_articles" / "a1.html").exists()
    csv = subprocess.run([sys.executable, "-m", "framekit", "corpus", "compare",
                          str(results), "--every", "month", "--format", "csv"],
                         env=_environment(), capture_output=True, text=True, check=False)
    assert csv.stdout.splitlines()[0] == "comparison,period,category,value,low,high,n_articles"
    wrong = subprocess.run([sys.executable, "-m", "framekit", "corpus", "compare",
                            str(results), "--by", "publisher"],
                           env=_environment(), capture_output=True, text=True, check=False)
    assert wrong.returncode == 2
    assert "no metadata column 'publisher'" in wrong.stderr
