"""Span and label scoring, agreement statistics and the corpus evaluations."""

from __future__ import annotations

import itertools
import json
import math

import pytest

from framekit.corpora import (
    AttributionDocument,
    CodedDocument,
    Coding,
    FrameDocument,
    GoldAttribution,
    GoldSpan,
    HedgeDocument,
    SpanDocument,
    read_narrative_frames,
    read_polnear,
    read_szeged,
)
from framekit.evaluate import (
    Scores,
    bootstrap_f1,
    cohen_kappa,
    cross_validate_frames,
    evaluate_attribution,
    evaluate_coding,
    evaluate_frames,
    evaluate_hedging,
    evaluate_loaded_language,
    krippendorff_alpha,
    label_scores,
    mappings,
    match_spans,
    span_scores,
)
from tests.corpora_path import CORPORA, needs_corpora


def test_krippendorff_published_nominal_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
    # four observers, twelve units, missing values; nominal alpha = 0.743.
    n = None
    data = [[1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
            [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n]]
    assert round(krippendorff_alpha(data), 3) == 0.743


def test_cohen_kappa_published_example() -> None:
    # Wikipedia, "Cohen's kappa", worked example: 50 grant proposals, both readers yes 20,
    # A yes / B no 5, A no / B yes 10, both no 15: p_o = 0.7, p_e = 0.5, kappa = 0.4.
    first = ["yes"] * 25 + ["no"] * 25
    second = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(first, second) == pytest.approx(0.4)


def test_agreement_edge_cases() -> None:
    assert math.isnan(cohen_kappa("aaa", "aaa"))
    assert math.isnan(krippendorff_alpha([["a", "a"], ["a", "a"]]))
    assert cohen_kappa("ab", "ba") == pytest.approx(-1.0)
    with pytest.raises(ValueError, match="equally long"):
        cohen_kappa("ab", "a")


def test_match_rules() -> None:
    predicted = [((0, 10),), ((20, 24),), ((30, 31),)]
    gold = [((0, 10),), ((21, 40),), ((29, 33),)]
    assert match_spans(predicted, gold, "exact") == ((0, 0),)
    assert match_spans(predicted, gold, "overlap") == ((0, 0), (1, 1), (2, 2))
    # (20, 24) shares 3 of the 19 characters of (21, 40): less than half of that side.
    assert match_spans(predicted, gold, "half") == ((0, 0),)


def test_matching_is_one_to_one_largest_overlap_first() -> None:
    # One long prediction over two gold spans takes the one it overlaps most.
    assert match_spans([((0, 20),)], [((0, 5),), ((8, 20),)], "overlap") == ((0, 1),)
    assert match_spans([((0, 5),), ((3, 8),)], [((0, 8),)], "overlap") == ((0, 0),)


def test_half_rule_sums_fragments() -> None:
    # A gold content in two fragments (5 + 5 characters); the prediction covers both.
    assert match_spans([((0, 12),)], [((0, 5), (7, 12))], "half") == ((0, 0),)
    assert match_spans([((0, 5),)], [((0, 5), (7, 12))], "half") == ((0, 0),)
    assert match_spans([((0, 4),)], [((0, 5), (7, 12))], "half") == ()


def test_span_scores_per_label_micro_macro() -> None:
    predicted = [GoldSpan("hedge", ((0, 3),)), GoldSpan("hedge", ((10, 12),)),
                 GoldSpan("booster", ((20, 25),))]
    gold = [GoldSpan("hedge", ((1, 3),)), GoldSpan("booster", ((40, 45),))]
    table = span_scores(predicted, gold)
    hedge = table.measure("hedge")
    assert (hedge.tp, hedge.fp, hedge.fn) == (1, 1, 0)
    assert table.measure("booster").f1 == 0.0
    micro = table.measure("micro")
    assert (micro.tp, micro.fp, micro.fn) == (1, 2, 1)
    assert table.measure("macro").f1 == round((2 / 3 + 0) / 2, 3)
    unlabelled = span_scores(predicted, gold, labelled=False).measure("micro")
    assert (unlabelled.tp, unlabelled.fp, unlabelled.fn) == (1, 2, 1)


def test_label_scores_counts_pairs_and_outside_labels() -> None:
    table = label_scores([{"a", "x"}, {"b"}], [{"a"}, {"a", "b"}], labels=["a", "b"])
    micro = table.measure("micro")
    assert (micro.tp, micro.fp, micro.fn) == (2, 1, 1)  # x counts against precision
    assert [m.name for m in table.measures] == ["a", "b", "micro", "macro"]
    with pytest.raises(ValueError, match="predicted label sets"):
        label_scores([{"a"}], [])


def test_bootstrap_interval_brackets_f1_and_is_reproducible() -> None:
    counts = [Scores(3, 1, 0), Scores(0, 2, 3), Scores(5, 0, 1), Scores(1, 1, 1)] * 5
    low, high = bootstrap_f1(counts, seed=3)
    total = sum(counts, Scores(0, 0, 0))
    assert low < total.f1 < high
    assert bootstrap_f1(counts, seed=3) == (low, high)
    assert bootstrap_f1([]) == (0.0, 0.0)


def test_mappings_follow_first_word_rule_and_leave_out() -> None:
    frames = mappings()["frames"]["semeval2023"]["labels"]
    assert all(k.split("_")[0].lower() == v.split("_")[0] for k, v in frames.items())
    assert len(frames) == 14
    assert set(mappings()["frames"]["narrative"]["labels"]) == {"RE", "HI", "CO", "MO", "EC"}
    assert "approximator" in mappings()["hedging"]["szeged"]["leave_out"]


def test_evaluate_hedging_leaves_out_approximators_and_keeps_errors() -> None:
    text = "About 40 people may have died. The fire was put out."
    gold = (GoldSpan("speculation_modal_possible_", ((16, 19),)),)
    document = HedgeDocument("d", text, ((0, 30), (31, 52)), gold)
    result = evaluate_hedging([document], errors=5, bootstrap=0)
    assert result.measure("cue").tp == 1
    assert result.measure("cue").fp == 0  # 'About' is an approximator, left out
    assert result.measure("sentence").f1 == 1.0
    assert result.measure("cue:epistemic").tp == 1
    missed = HedgeDocument("e", "They suspect fraud.", ((0, 19),),
                           (GoldSpan("speculation_hypo_doxastic", ((5, 12),)),))
    result = evaluate_hedging([missed], errors=5, bootstrap=0)
    kinds = {e.kind for e in result.errors}
    assert result.errors
    assert kinds <= {"miss", "false_alarm"}
    as_json = json.loads(json.dumps(result.as_dict()))
    assert set(as_json["measures"]["cue"]) >= {"P", "R", "F1"}
    assert as_json["framekit_version"]


def test_evaluate_attribution_content_and_source() -> None:
    text = 'The plan will fail, said Senator Maria Lopez. "We are ready," the mayor said.'
    content = GoldSpan("Content", ((0, 18),))
    source = GoldSpan("Source", ((25, 44),))
    wrong = GoldSpan("Source", ((0, 3),))
    right = GoldAttribution("E1", content, GoldSpan("Cue", ((20, 24),)), source)
    result = evaluate_attribution([AttributionDocument("d", text, (right,), (), "a")],
                                  bootstrap=0, errors=3)
    assert result.measure("content").tp == 1
    assert result.measure("content+source").tp == 1
    assert result.predicted >= 1
    bad = GoldAttribution("E1", content, None, wrong)
    result = evaluate_attribution([AttributionDocument("d", text, (bad,), (), "a")],
                                  bootstrap=0)
    assert result.measure("content").tp == 1
    assert result.measure("content+source").tp == 0


def test_evaluate_frames_and_loaded_language_on_written_articles() -> None:
    text = ("The dispute between the rival parties escalated as both sides attacked each "
            "other and critics accused the government of a bitter fight over the budget.")
    result = evaluate_frames([FrameDocument("1", text, ("CO",))], "narrative", bootstrap=0)
    assert result.measure("conflict").tp == 1
    assert result.measures[0].name == "micro"
    loaded = "The corrupt regime unleashed a horrific crackdown."
    gold = (GoldSpan("Loaded_Language", ((31, 39),)), GoldSpan("Doubt", ((0, 3),)))
    result = evaluate_loaded_language([SpanDocument("p", loaded, gold)], bootstrap=0)
    span = result.measure("span")
    assert span.tp == 1
    assert result.gold == 1  # the Doubt span is not compared


def test_evaluate_coding_labels_against_coders() -> None:
    conflict = "Both sides attacked each other in a bitter dispute and rivals clashed."
    calm = "The library opens at nine on weekdays."
    docs = [CodedDocument("1", conflict, (Coding("ann", ("conflict",), ()),
                                          Coding("bob", ("conflict",), ()))),
            CodedDocument("2", calm, (Coding("ann", (), ()), Coding("bob", ("conflict",), ())))]
    result = evaluate_coding(docs, "frames")
    assert result.measure("framekit~ann").f1 == 1.0
    pairs = {a.between: a for a in result.agreement}
    assert pairs["ann ~ bob"].kappa == 0.0
    assert pairs["framekit ~ ann"].units == 2
    assert "framekit + coders" in pairs


def test_cross_validate_frames_runs_both_models_on_same_folds() -> None:
    texts = ["Both sides clashed over the deal.", "Prices and costs soared.",
             "Rivals attacked each other.", "The economy lost billions.",
             "Critics fought the plan.", "Trade and jobs suffered."] * 2
    docs = [FrameDocument(str(i), t, ("CO",) if i % 2 == 0 else ("EC",))
            for i, t in enumerate(texts)]
    result = cross_validate_frames(docs, "narrative", folds=3)
    names = {m.name for m in result.measures}
    assert {"classifier:micro", "tfidf:micro", "classifier:macro", "tfidf:macro"} <= names


@needs_corpora
def test_real_corpus_slices_score_in_range() -> None:
    polnear = list(itertools.islice(read_polnear(CORPORA / "polnear", "dev"), 4))
    attribution = evaluate_attribution(polnear, bootstrap=0)
    assert attribution.gold == sum(len(d.attributions) for d in polnear)
    assert 0 < attribution.measure("content").f1 <= 1
    hedges = list(itertools.islice(read_szeged(CORPORA / "szeged" / "factbank-dev.xml"), 10))
    assert 0 < evaluate_hedging(hedges, bootstrap=0).measure("cue").f1 <= 1
    frames = list(itertools.islice(
        read_narrative_frames(CORPORA / "narrative-frames" / "articles.tsv"), 12))
    assert 0 <= evaluate_frames(frames, "narrative", bootstrap=0).measure("micro").f1 <= 1
