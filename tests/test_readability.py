from __future__ import annotations

import pytest

from framekit.analysers.readability import ReadabilityAnalyser, ReadabilityResult


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
