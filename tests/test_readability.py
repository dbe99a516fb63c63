from __future__ import annotations

import pickle
import random

import pytest
import textstat

from framekit.analysers import readability
from framekit.analysers.readability import ReadabilityAnalyser, ReadabilityResult
from tests.conftest import ARTICLE_NAMES


@pytest.fixture(scope="module")
def analyser() -> ReadabilityAnalyser:
    return ReadabilityAnalyser()


def test_counts_words_and_sentences_from_the_parse(analyser: ReadabilityAnalyser) -> None:
    result = analyser.analyse("The talks ended without a deal. Both sides blamed each other.")
    assert (result.words, result.sentences, result.words_per_sentence) == (11, 2, 5.5)


def test_simple_prose_reads_easier_than_dense_prose(analyser: ReadabilityAnalyser) -> None:
    simple = analyser.analyse("The war goes on. The talks stop. Both sides wait.")
    dense = analyser.analyse(
        "Notwithstanding considerable diplomatic pressure, the negotiators' "
        "comprehensive memorandum conspicuously circumvented territorial "
        "considerations, jeopardising implementation.")
    assert simple.flesch_reading_ease is not None and dense.flesch_reading_ease is not None
    assert simple.flesch_reading_ease > dense.flesch_reading_ease + 40
    assert dense.difficult_words > simple.difficult_words


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_text_has_no_scores(analyser: ReadabilityAnalyser, text: str) -> None:
    result = analyser.analyse(text)
    assert result == ReadabilityResult(0, 0, None, None, None, None, None, None, None, 0)
    assert ReadabilityResult.from_json(result.to_json()) == result


def test_headline_and_caption_lines_are_sentences_of_their_own(
        analyser: ReadabilityAnalyser) -> None:
    result = analyser.analyse("Talks collapse\nThe talks collapsed on Monday")
    assert result.sentences == 2


# Agreement with textstat. The counts are the same words as textstat's (a run of
# characters between whitespace, punctuation dropped), syllables from its own
# counter, so on text whose sentences both split alike every formula agrees to
# rounding, save Coleman–Liau, where textstat's letter coefficient is 0.058 for
# the published 0.0588. On news, the sentence count differs (the parse keeps
# headlines and does not stop at "Mr."; textstat stops at every full stop and
# drops fragments of two words or fewer): hence the wider tolerance there.
FORMULAS = {
    "flesch_reading_ease": textstat.flesch_reading_ease,
    "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
    "gunning_fog": textstat.gunning_fog,
    "smog_index": textstat.smog_index,
    "coleman_liau_index": textstat.coleman_liau_index,
    "dale_chall": textstat.dale_chall_readability_score,
}
#: On news articles: points of reading ease, grades for the others.
ARTICLE_TOLERANCE = {"flesch_reading_ease": 3.0, "flesch_kincaid_grade": 1.2,
                     "gunning_fog": 1.2, "smog_index": 1.0, "coleman_liau_index": 0.8,
                     "dale_chall": 0.5}
SUBJECTS = ("the negotiators", "both governments", "international observers", "the minister",
            "officials from seven countries", "the humanitarian agency", "the president")
VERBS = ("rejected", "announced", "welcomed", "criticised", "considered", "postponed")
OBJECTS = ("the ceasefire agreement", "a comprehensive plan", "the territorial proposal",
           "new talks", "the deal", "an immediate evacuation of civilians")
ADJUNCTS = ("", " on Monday", " after long negotiations", " without explanation",
            " in the capital", " despite considerable diplomatic pressure")


def generated(seed: int) -> str:
    """Grammatical sentences from the lists above, one a line."""
    rng = random.Random(seed)
    lines = []
    for _ in range(rng.randint(5, 40)):
        sentence = (f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
                    f"{rng.choice(ADJUNCTS)}.")
        lines.append(sentence[0].upper() + sentence[1:])
    return "\n".join(lines)


def textstat_figures(text: str) -> dict[str, float]:
    return {name: float(formula(text)) for name, formula in FORMULAS.items()}


@pytest.mark.parametrize("seed", range(8))
def test_formulas_agree_with_textstat_when_sentences_agree(
        analyser: ReadabilityAnalyser, seed: int) -> None:
    text = generated(seed)
    result = analyser.analyse(text)
    assert result.sentences == textstat.sentence_count(text)
    expected = textstat_figures(text)
    expected["coleman_liau_index"] += 0.0008 * 100 * textstat.avg_letter_per_word(text)
    for name, value in expected.items():
        assert getattr(result, name) == pytest.approx(value, abs=1e-6), name


@pytest.mark.parametrize("name", ARTICLE_NAMES)
def test_formulas_agree_with_textstat_on_news(
        analyser: ReadabilityAnalyser, articles: dict[str, str], name: str) -> None:
    text = articles[name]
    result = analyser.analyse(text)
    for formula, value in textstat_figures(text).items():
        assert getattr(result, formula) == pytest.approx(value, abs=ARTICLE_TOLERANCE[formula]), \
            formula
    assert result.difficult_words == pytest.approx(textstat.difficult_words(text), rel=0.1)


def test_contractions_and_compounds_are_one_word_each(analyser: ReadabilityAnalyser) -> None:
    text = "They don’t trust the cease-fire. Talks aren't over."
    result = analyser.analyse(text)
    assert result.words_per_sentence == 5.5  # tokens: do n’t, cease - fire
    assert result.flesch_kincaid_grade == pytest.approx(textstat.flesch_kincaid_grade(text),
                                                        abs=1e-6)


def test_word_cache_is_bounded_and_not_pickled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readability, "CACHE_SIZE", 5)
    analyser = ReadabilityAnalyser()
    analyser.analyse(generated(0))
    assert 0 < len(analyser._words) <= 5
    assert pickle.loads(pickle.dumps(analyser))._words == {}
