from __future__ import annotations

import os
from collections.abc import Mapping
from importlib.metadata import EntryPoint, EntryPoints
from pathlib import Path

import attrs
import pytest

import framekit
from framekit import Article, BaseAnalyser, Pipeline, Result, registry
from tests.conftest import ROOT
from tests.plugin_example import ExclamationAnalyser, ExclamationResult


@attrs.frozen
class Empty(Result):
    pass


def make(name: str, needs: tuple[str, ...] = ()) -> BaseAnalyser[Empty]:
    class Named(BaseAnalyser[Empty]):
        result_type = Empty

        def run(self, article: Article, results: Mapping[str, Result]) -> Empty:
            return Empty()

    Named.name, Named.needs = name, needs
    return Named()


def test_user_analyser_runs_after_what_it_needs_which_is_added() -> None:
    pipeline = Pipeline([ExclamationAnalyser()])
    assert pipeline.names == ("hedging", "exclamations")
    report = pipeline.analyse("Peace may come! Or not!")
    result = report["exclamations"]
    assert isinstance(result, ExclamationResult)
    assert [m.start for m in result.exclamations] == [14, 22]
    assert result.hedges_seen == 1


def test_analyser_analyse_runs_its_needs_too() -> None:
    assert ExclamationAnalyser().analyse("It may rain!").hedges_seen == 1


def test_needs_order_analysers() -> None:
    pipeline = Pipeline([make("c", ("b",)), make("b", ("a",)), make("a")])
    assert pipeline.names == ("a", "b", "c")


def test_circular_needs_fail_clearly() -> None:
    with pytest.raises(framekit.DependencyError, match="circular needs: x -> y -> x"):
        Pipeline([make("x", ("y",)), make("y", ("x",))])


def test_unmet_need_fails_clearly() -> None:
    with pytest.raises(framekit.DependencyError, match="'x' needs 'nowhere'"):
        Pipeline([make("x", ("nowhere",))])


def test_two_analysers_with_one_name_fail() -> None:
    with pytest.raises(framekit.DependencyError, match="two analysers"):
        Pipeline([make("same"), make("same")])


def test_unknown_analyser_name_lists_the_available_ones() -> None:
    with pytest.raises(framekit.AnalyserNotFoundError, match=r"available: .*hedging"):
        Pipeline(["no-such-analyser"])


def test_entry_point_plugin_is_found_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    point = EntryPoint("exclamations", "tests.plugin_example:ExclamationAnalyser",
                       registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr(registry, "entry_points", lambda group: EntryPoints([point]))
    monkeypatch.setattr(registry, "_ANALYSERS", dict(registry._ANALYSERS))
    registry._load_entry_points.cache_clear()
    try:
        assert "exclamations" in registry.available()
        report = Pipeline(["exclamations"]).analyse("Stop!")
        assert report["exclamations"] == ExclamationResult(
            (framekit.TextSpan(4, 5, "!"),), 0)
        # the plugin's result reads back from JSON through the registry
        assert framekit.Report.from_json(report.to_json()) == report
    finally:
        registry._load_entry_points.cache_clear()


def test_pipelines_never_share_an_analyser() -> None:
    first, second = Pipeline(["hedging", "balance"]), Pipeline(["hedging", "balance"])
    assert first.names == second.names
    shared = {id(a) for a in first.analysers} & {id(a) for a in second.analysers}
    assert not shared


def test_analyse_many_streams_reports_in_order() -> None:
    texts = (f"Report {i} may matter." if i % 2 else f"Report {i} matters." for i in range(6))
    reports = Pipeline(["hedging"]).analyse_many(texts, batch_size=2)
    assert not isinstance(reports, list)
    assert [len(r.hedging.hedges) for r in reports] == [0, 1, 0, 1, 0, 1]


def test_analyse_many_keeps_context_with_as_tuples() -> None:
    pairs = [("It may rain.", "a"), ("It rains.", "b")]
    out = [(len(r.hedging.hedges), ctx)
           for r, ctx in Pipeline(["hedging"]).analyse_many(pairs, as_tuples=True)]
    assert out == [(1, "a"), (0, "b")]


def test_analyse_many_with_two_processes_gives_the_same_reports() -> None:
    texts = ["Talks could resume.", "“It is clearly over,” he said.", "Perhaps."] * 2
    pipeline = Pipeline(["hedging"])
    assert list(pipeline.analyse_many(texts, n_process=2, batch_size=2)) == [
        pipeline.analyse(text) for text in texts]


def test_progress_bar_is_written_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    list(Pipeline(["hedging"]).analyse_many(["a", "b"], progress=True))
    assert "2/2" in capsys.readouterr().err


def test_recorded_errors_do_not_lose_the_other_documents() -> None:
    texts = ["It may rain.", b"bytes", "x" * 2_000_000, "Perhaps."]
    reports = list(Pipeline(["hedging"]).analyse_many(texts, on_error="record"))
    assert [r.error is None for r in reports] == [True, False, False, True]
    assert reports[1].error is not None and "decode it first" in reports[1].error
    assert reports[2].error is not None and reports[2].error.startswith("TextTooLongError")
    assert [len(reports[i].hedging.hedges) for i in (0, 3)] == [1, 1]
    with pytest.raises(framekit.MissingResultError, match="could not be analysed"):
        reports[1]["hedging"]
    assert framekit.Report.from_json(reports[1].to_json()) == reports[1]


def test_analyser_failure_is_recorded_for_that_document_only() -> None:
    class Fragile(BaseAnalyser[Empty]):
        name, result_type = "fragile", Empty

        def run(self, article: Article, results: Mapping[str, Result]) -> Empty:
            if "boom" in article.text:
                raise RuntimeError("exploded")
            return Empty()

    reports = list(Pipeline([Fragile()]).analyse_many(["calm", "boom", "calm"], on_error="record"))
    assert [r.error for r in reports] == [None, "RuntimeError: exploded", None]
    with pytest.raises(RuntimeError, match="exploded"):
        list(Pipeline([Fragile()]).analyse_many(["boom"]))


def test_a_plugin_shows_in_the_html_report_and_in_the_features(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from framekit.display import render_html
    from framekit.sklearn import FramekitFeatures

    monkeypatch.setattr(registry, "_ANALYSERS", dict(registry._ANALYSERS))
    registry.register("exclamations")(ExclamationAnalyser)
    report = Pipeline(["exclamations"]).analyse("Peace may come! Or not!")
    page = render_html(report)
    assert page.count('class="fk-exclamation fk-other" title="exclamation mark"') == 2
    assert 'data-layer="exclamation"' in page  # in the legend, with a box to hide it
    features = FramekitFeatures(analysers=("exclamations",)).fit(["Stop! Now!"])
    names = list(features.get_feature_names_out())
    assert "exclamations.hedges_seen" in names
    assert features.transform(["May it stop!"])[0][names.index("exclamations.hedges_seen")] == 1


_ORPHAN_SCRIPT = """
import multiprocessing, sys, time
import framekit
texts = ("Talks may resume, officials said. " * 40 for _ in range(10_000))
reports = framekit.Pipeline(["hedging"]).analyse_many(texts, n_process=2, batch_size=4)
next(iter(reports))
print(" ".join(str(child.pid) for child in multiprocessing.active_children()), flush=True)
time.sleep(600)
"""


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\\nState:\\tZ" not in status  # a zombie has ended


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads worker states from /proc")
def test_workers_end_when_their_parent_is_killed() -> None:
    import signal
    import subprocess
    import sys
    import time

    parent = subprocess.Popen([sys.executable, "-c", _ORPHAN_SCRIPT], stdout=subprocess.PIPE,
                              text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert parent.stdout is not None
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    assert workers, "the pipeline started no worker process"
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 30
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_running(pid) for pid in workers)
