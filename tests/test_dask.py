from __future__ import annotations

from collections.abc import Iterator

import pytest

import framekit

dask_bag = pytest.importorskip("dask.bag")
dask_dataframe = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

from framekit.dask import analyse_bag, analyse_column  # noqa: E402
from framekit.layers import Lexicons  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def in_process(articles: dict[str, str]) -> list[framekit.Report]:
    return list(framekit.Pipeline().analyse_many(articles.values()))


def test_bag_on_two_worker_processes_gives_the_in_process_reports(
        client: distributed.Client, articles: dict[str, str],
        in_process: list[framekit.Report]) -> None:
    texts = dask_bag.from_sequence(list(articles.values()), npartitions=2)
    reports = analyse_bag(texts).compute()
    assert reports == in_process
    assert len(client.scheduler_info()["workers"]) == 2
    assert reports[0].hedging.hedges[0].text == "If"


def test_column_keeps_the_index_in_summary_and_evidence_rows(
        client: distributed.Client, articles: dict[str, str],
        in_process: list[framekit.Report]) -> None:
    frame = pd.DataFrame({"text": list(articles.values())}, index=["a", "b", "c"])
    texts = dask_dataframe.from_pandas(frame, npartitions=2)
    summary = analyse_column(texts, analysers=None).compute()
    assert summary == [{"index": key, **report.summary()}
                       for key, report in zip("abc", in_process, strict=True)]
    rows = analyse_column(texts, output="rows").compute()
    assert rows == [{"index": key, **row} for key, report in zip("abc", in_process, strict=True)
                    for row in report.rows()]
    pairs = analyse_column(texts, output="reports").compute()
    assert pairs == list(zip("abc", in_process, strict=True))


def test_a_bad_text_is_recorded_not_fatal(client: distributed.Client) -> None:
    texts = dask_bag.from_sequence(["It may rain.", None, "It will rain."], npartitions=1)
    reports = analyse_bag(texts, ["hedging"]).compute()
    assert [r.error or len(r.hedging.hedges) for r in reports] == [
        1, "InputTypeError: expected an article as str or spaCy Doc, got None", 0]


def test_the_lexicons_given_reach_the_workers(client: distributed.Client) -> None:
    reporting = framekit.Lexicon.load("reporting").extend(
        [{"id": "grumble", "category": "speech", "lemma": "grumble", "pos": ["VERB"]}])
    texts = dask_bag.from_sequence(["The mayor grumbled that the budget may fail."],
                                   npartitions=1)
    default, custom = (analyse_bag(texts, ["attribution", "hedging"], lexicons=lexicons).compute()
                       for lexicons in (None, Lexicons(reporting=reporting)))
    assert [len(r.attribution.attributions) for r in default + custom] == [0, 1]
    assert custom[0].hedging.hedges[0].voice.value == "reported"


def test_unknown_output_is_refused() -> None:
    with pytest.raises(ValueError, match="output must be"):
        analyse_bag(dask_bag.from_sequence(["x"]), output="table")  # type: ignore[arg-type]


def test_a_worker_keeps_only_the_pipeline_of_its_last_job() -> None:
    from framekit import dask as framekit_dask

    keys = []
    for words in (["Talks may resume."], ["Talks resumed."]):
        bag = dask_bag.from_sequence(words, npartitions=1)
        analyse_bag(bag, ["hedging"]).compute(scheduler="synchronous")
        keys.append(tuple(framekit_dask._last_job))
    assert len(keys[0]) == len(keys[1]) == 1 and keys[0] != keys[1]
