"""Senses decided in context: the same word hedges in one construction and not in another.

Every sentence here is written for the test. Each case gives the cues expected as
(text, kind, type); an empty list means the word in question is not a cue there.
"""

from __future__ import annotations

import pytest

from framekit import HedgingAnalyser
from framekit.analysers.hedging import cue_types


@pytest.fixture(scope="module")
def analyser() -> HedgingAnalyser:
    return HedgingAnalyser()


def cues(analyser: HedgingAnalyser, text: str) -> list[tuple[str, str, str]]:
    return [(c.text, c.kind.value, c.type) for c in analyser.analyse(text).cues]


def check(analyser: HedgingAnalyser, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert cues(analyser, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hypothetical and counterfactual: the content is not asserted
        ("If the talks fail, prices would rise.",
         [("If", "hedge", "conditional"), ("would", "hedge", "conditional")]),
        ("Without the deal, prices would rise.", [("would", "hedge", "conditional")]),
        ("The war would not have occurred had he been president.",
         [("would", "hedge", "conditional"), ("had", "hedge", "conditional")]),
        ("A ceasefire would help both sides.", [("would", "hedge", "conditional")]),
        # future in the past: what was said or decided, told as it was
        ("Officials announced that the ceasefire would start at noon.", []),
        ("She said she would attend the summit.", []),
        # habit and narrative sequence in the past
        ("As a boy he would walk to school every day.", []),
        ("The minister would often change his mind.", [("often", "hedge", "approximator")]),
        ("He left the party in 1990 and would later found his own.", []),
        # refusal and wish
        ("The ministry would not comment on the report.", []),
        ("She would like to meet him.", []),
        ("The talks would rather stall than fail.", []),
        ("A would-be buyer walked away.", []),
    ],
)
def test_would(analyser: HedgingAnalyser, text: str, expected: list[tuple[str, str, str]]) -> None:
    check(analyser, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks could collapse next week.", [("could", "hedge", "epistemic_possible")]),
        ("It may rain tomorrow.", [("may", "hedge", "epistemic_possible")]),
        ("You may find that the report is wrong.", [("may", "hedge", "epistemic_possible")]),
        ("You can't rule out a sudden change.",
         [("can't rule out", "hedge", "epistemic_possible")]),
        # inability, past ability, purpose: what someone was able to do
        ("Officials could not agree on a date.", []),
        ("The minister could not be reached for comment.", []),
        ("He could swim when he was six.", []),
        ("He left early so that he could catch the train.", []),
        # should of expectation, not of obligation
        ("The new rules should improve liquidity.", [("should", "hedge", "epistemic_probable")]),
        ("Officials should resign.", []),
        ("The law should be changed.", []),
        # permission and ability
        ("You may leave now.", []),
        ("Citizens can vote at 18.", []),
    ],
)
def test_could_may_can(analyser: HedgingAnalyser, text: str,
                       expected: list[tuple[str, str, str]]) -> None:
    check(analyser, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("If the truce holds, aid will flow.", [("If", "hedge", "conditional")]),
        ("Aid will flow unless the truce breaks.", [("unless", "hedge", "conditional")]),
        ("Sanctions stay until the troops leave.", [("until", "hedge", "conditional")]),
        ("Sanctions stayed until 1990.", []),
        ("Should the talks fail, the army is ready.", [("Should", "hedge", "conditional")]),
        # embedded questions are investigations, not conditions
        ("Reporters asked if the president enjoyed the food.",
         [("asked if", "hedge", "investigation")]),
        ("She checked if the door was locked.", [("if", "hedge", "investigation")]),
        ("Nobody knows whether Moscow will agree.", [("whether", "hedge", "investigation")]),
        ("It remains to be seen how the market reacts.",
         [("remains to be seen", "hedge", "investigation")]),
    ],
)
def test_if_whether(analyser: HedgingAnalyser, text: str,
                    expected: list[tuple[str, str, str]]) -> None:
    check(analyser, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I am not sure the talks will resume.", [("sure", "hedge", "epistemic_probable")]),
        ("Others were less sure.", [("sure", "hedge", "epistemic_probable")]),
        ("Nobody is sure what happens next.", [("sure", "hedge", "epistemic_probable")]),
        ("She is sure the talks will resume.", [("sure", "booster", "certainty_predicate")]),
        ("No one doubts that he will sign.", [("doubts", "booster", "doxastic")]),
        ("Clearly, nobody wants a war.", [("Clearly", "booster", "certainty_adverb")]),
        # a question asserts nothing for a booster to raise; a hedge in it stays
        ("Is it clear that he will sign?", []),
        ("Could the talks collapse?", [("Could", "hedge", "epistemic_possible")]),
    ],
)
def test_negation_and_questions(analyser: HedgingAnalyser, text: str,
                                expected: list[tuple[str, str, str]]) -> None:
    check(analyser, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Analysts expect a deal by Friday.",
         [("Analysts", "hedge", "vague_attribution"), ("expect", "hedge", "doxastic")]),
        ("The talks are expected to resume.", [("are expected to", "hedge", "doxastic")]),
        ("Profits were higher than expected.", []),
        ("The expected gain never came.", []),
        ("Kyiv hopes the talks succeed.", [("hopes", "hedge", "doxastic")]),
        ("It is a deal which Zelensky hopes could happen.",
         [("hopes", "hedge", "doxastic"), ("could", "hedge", "epistemic_possible")]),
        ("He hopes to win the seat.", []),
        ("The offer gave the villagers hope.", []),
        ("Residents fear that the dam will break.", [("fear", "hedge", "doxastic")]),
        ("The fear that the dam will break is real.", [("fear", "hedge", "doxastic")]),
        ("Residents live in fear.", []),
        ("Police suspect the fire was arson.", [("suspect", "hedge", "doxastic")]),
        ("Two men suspected of arson were arrested.", [("suspected of", "hedge", "doxastic")]),
        ("It looks like the talks will fail.", [("looks like", "hedge", "epistemic_probable")]),
        ("He looked like a general.", []),
        ("The suspect was arrested on Monday.", []),
        ("We assume the figures are right.", [("assume", "hedge", "doxastic")]),
        ("He assumed office in May.", []),
        ("It is thought that the envoy left early.", [("It is thought", "hedge", "doxastic")]),
        ("The plan is widely regarded as a failure.",
         [("widely regarded", "hedge", "doxastic")]),
        ("Critics consider the plan a failure.",
         [("Critics", "hedge", "vague_attribution"), ("consider", "hedge", "doxastic")]),
        ("The committee will consider the plan.", []),
    ],
)
def test_doxastic_verbs_and_nouns(analyser: HedgingAnalyser, text: str,
                                  expected: list[tuple[str, str, str]]) -> None:
    check(analyser, text, expected)


def test_every_lexicon_category_is_a_documented_type() -> None:
    from framekit import Lexicon

    types = cue_types()
    lexicon = Lexicon.load("hedges")
    assert lexicon.categories() <= set(types)
    assert all(str(entry.data.get("kind", "hedge")) == types[entry.category].kind
               for entry in lexicon)
