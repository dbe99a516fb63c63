from __future__ import annotations

import json

import pytest

import framekit
from framekit import Pipeline, Report


@pytest.fixture(scope="module")
def report() -> Report:
    return Pipeline(["hedging"]).analyse("“It may well fail,” an aide said. Obviously it will not.")


def test_round_trips_through_json(report: Report) -> None:
    text = report.to_json()
    assert json.loads(text)["results"]["hedging"]["hedges"][0]["voice"] == "quoted"
    assert Report.from_json(text) == report
    assert framekit.HedgingResult.from_json(report.hedging.to_json()) == report.hedging


def test_missing_result_says_what_to_do(report: Report) -> None:
    with pytest.raises(framekit.MissingResultError, match="Add the 'framing' analyser"):
        report["framing"]
    assert "hedging" in report and "framing" not in report


def test_summary_is_one_flat_row_of_figures(report: Report) -> None:
    summary = report.summary()
    assert summary["hedging.overall.hedges"] == 1
    assert summary["hedging.overall.boosters"] == 1
    assert summary["hedging.by_voice.quoted.hedges"] == 1
    assert summary["hedging.by_type.epistemic_possible"] == 1
    assert all(not isinstance(v, dict | list) for v in summary.values())


def test_rows_give_one_flat_row_per_cue(report: Report) -> None:
    rows = report.rows()
    assert [(r["analyser"], r["evidence"], r["text"]) for r in rows] == [
        ("hedging", "hedges", "may"), ("hedging", "boosters", "Obviously")]
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(rows)
    assert list(frame["start"]) == [4, 34]
