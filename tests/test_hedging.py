from __future__ import annotations

import pytest

from framekit import HedgingAnalyser, Lexicon
from framekit.analysers.hedging import CueKind, Voice


@pytest.fixture(scope="module")
def analyser() -> HedgingAnalyser:
    return HedgingAnalyser()


def hedges(analyser: HedgingAnalyser, text: str) -> list[tuple[str, str]]:
    return [(c.text, c.type) for c in analyser.analyse(text).hedges]


def boosters(analyser: HedgingAnalyser, text: str) -> list[str]:
    return [c.text for c in analyser.analyse(text).boosters]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks may resume in May.", [("may", "epistemic_possible")]),
        ("Russia might use its might.", [("might", "epistemic_possible")]),
        ("It seems the envoy left early.", [("seems", "epistemic_probable")]),
        ("It appeared, at least superficially, to have been a success.",
         [("appeared", "epistemic_probable"), ("at least", "approximator"),
          ("superficially", "approximator")]),
        ("The apparent removal of a ceasefire changed everything.",
         [("apparent", "epistemic_probable")]),
        ("A deal is likely, and perhaps soon.",
         [("likely", "epistemic_probable"), ("perhaps", "epistemic_possible")]),
        ("I think that the plan will fail.", [("think", "doxastic")]),
        ("If the talks fail, fighting resumes.", [("If", "conditional")]),
        ("Nobody knows whether Moscow will agree.", [("whether", "investigation")]),
        ("About 300 soldiers crossed; nearly 40 died.",
         [("About", "approximator"), ("nearly", "approximator")]),
        ("Analysts say the summit was a win for Putin.", [("Analysts", "vague_attribution")]),
        ("It is widely believed that the truce will hold.",
         [("It is widely believed", "doxastic")]),
        ("You can't rule out a sudden change.", [("can't rule out", "epistemic_possible")]),
        ("The talks are expected to resume on Monday.",
         [("are expected to", "doxastic")]),
        ("Such deals tend to collapse; officials often exaggerate.",
         [("tend to", "approximator"), ("often", "approximator")]),
        ("These findings indicate that the truce is fragile.",
         [("indicate", "epistemic_probable")]),
        ("This implies that the offer was never serious.", [("implies", "epistemic_probable")]),
        ("He is considered the most hawkish of the envoys.",
         [("considered", "doxastic")]),
    ],
)
def test_hedge_types(analyser: HedgingAnalyser, text: str, expected: list[tuple[str, str]]) -> None:
    assert hedges(analyser, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The envoy appeared on television on Monday.",  # appear without a complement
        "Disagreements are becoming increasingly apparent.",  # apparent = evident
        "The summit was held in May.",  # the month
        "He spoke about the war.",  # about without a number
        "I understand that position.",  # understand with an object, not a clause
        "The talks created uncertainty for all sides.",  # a topic, not a hedge
        "He looked like a central-casting general.",  # look like, not an epistemic look
        "Zelensky indicated that a referendum is needed.",  # a person reports: attribution
        "The proposal is being considered by the committee.",  # consider, not is considered X
    ],
)
def test_non_hedges_by_lemma_pos_and_context(analyser: HedgingAnalyser, text: str) -> None:
    assert hedges(analyser, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Obviously, a war doesn't stop in an instant.", ["Obviously"]),
        ("This, of course, includes the territory.", ["of course"]),
        ("Second, it became clear that the process matters.", ["it became clear"]),
        ("The decision lies entirely with him.", ["entirely"]),
        ("There is no doubt that he will sign.", ["There is no doubt"]),
        ("Obviously it will not work.", ["Obviously"]),  # the negation is in its scope
    ],
)
def test_boosters(analyser: HedgingAnalyser, text: str, expected: list[str]) -> None:
    assert boosters(analyser, text) == expected


def test_negation_keeps_hedges_and_turns_boosters(analyser: HedgingAnalyser) -> None:
    result = analyser.analyse("A deal is not likely. It is not clear who benefits.")
    assert [(c.text, c.negated, c.kind) for c in result.hedges] == [
        ("likely", True, CueKind.HEDGE), ("clear", True, CueKind.HEDGE)]
    assert result.boosters == ()


def test_voice_author_quoted_and_reported(analyser: HedgingAnalyser) -> None:
    text = ("The deal may collapse. “Perhaps it will,” an aide said. "
            "Rubio suggested the U.S. might withdraw.")
    voices = {c.text: c.voice for c in analyser.analyse(text).hedges}
    assert voices == {"may": Voice.AUTHOR, "Perhaps": Voice.QUOTED, "suggested": Voice.AUTHOR,
                      "might": Voice.REPORTED}


def test_cue_carries_offsets_sentence_and_entry(analyser: HedgingAnalyser) -> None:
    text = "Peace is far.\nTalks could resume."
    (cue,) = analyser.analyse(text).hedges
    assert text[cue.start : cue.end] == cue.text == "could"
    assert cue.sentence == 1
    assert cue.entry == "could"


def test_figures_by_voice(analyser: HedgingAnalyser) -> None:
    result = analyser.analyse("It may rain. “It will clearly rain,” she said. It is sunny.")
    assert result.overall.words == 12
    assert result.overall.hedges == 1 and result.overall.boosters == 1
    assert result.overall.sentences == 3 and result.overall.hedged_sentences == 1
    assert result.overall.hedged_sentence_share == pytest.approx(1 / 3)
    assert result.by_voice[Voice.QUOTED].words == 4
    assert result.by_voice[Voice.QUOTED].boosters_per_100_words == pytest.approx(25.0)
    assert result.by_voice[Voice.AUTHOR].hedges == 1
    assert dict(result.by_type) == {"epistemic_possible": 1, "certainty_adverb": 1}


def test_lexicon_can_be_extended_and_replaced() -> None:
    base = Lexicon.load("hedges")
    extended = HedgingAnalyser(base.extend([
        {"id": "by all accounts", "category": "epistemic_probable", "words": "by all accounts"}]))
    text = "By all accounts the truce holds."
    assert HedgingAnalyser(base).analyse(text).hedges == ()
    assert [c.text for c in extended.analyse(text).hedges] == ["By all accounts"]
    only_boosters = HedgingAnalyser(Lexicon.from_entries("mine", [
        {"id": "surely", "category": "certainty_adverb", "kind": "booster", "words": "surely"}]))
    result = only_boosters.analyse("Surely it may end.")
    assert result.hedges == () and [c.text for c in result.boosters] == ["Surely"]


def test_unknown_constraint_in_a_lexicon_is_refused() -> None:
    from framekit import LexiconError

    bad = Lexicon.from_entries("bad", [{"id": "x", "category": "c", "words": "x", "when": "nope"}])
    with pytest.raises(LexiconError, match="nope"):
        HedgingAnalyser(bad)
