"""The input contract: every kind of bad input gets a clear error or a valid empty result."""

from __future__ import annotations

import pytest
import spacy

import framekit
from framekit import HedgingAnalyser, Pipeline


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "got None"),
        (b"Talks may resume.", "decode it first"),
        (bytearray(b"x"), "decode it first"),
        (42, "got int"),
        (["a list"], "got list"),
    ],
)
def test_wrong_types_raise_input_type_error(value: object, message: str) -> None:
    with pytest.raises(framekit.InputTypeError, match=message):
        HedgingAnalyser().analyse(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        framekit.analyse(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \n"])
def test_empty_or_blank_text_gives_a_valid_empty_report(text: str) -> None:
    report = framekit.analyse(text)
    assert report.text == text
    assert report.hedging.hedges == ()
    assert report.hedging.overall.words == 0
    assert report.hedging.overall.hedges_per_100_words == 0.0


def test_text_longer_than_max_length_is_refused_clearly(nlp: spacy.language.Language) -> None:
    with pytest.raises(framekit.TextTooLongError, match="max_length"):
        HedgingAnalyser().analyse("word " * (nlp.max_length // 5 + 1))


def test_parsed_doc_is_analysed_without_parsing_again(nlp: spacy.language.Language) -> None:
    doc = nlp("Talks could resume.")
    assert [c.text for c in HedgingAnalyser().analyse(doc).hedges] == ["could"]


def test_unparsed_doc_is_refused() -> None:
    doc = spacy.blank("en")("Talks could resume.")
    with pytest.raises(framekit.IncompatibleDocError, match="dependency parse"):
        HedgingAnalyser().analyse(doc)


def test_doc_from_another_pipeline_is_refused(nlp: spacy.language.Language) -> None:
    other = spacy.blank("en")("Talks could resume.")
    with pytest.raises(framekit.IncompatibleDocError, match="another pipeline"):
        Pipeline(["hedging"], nlp=nlp).analyse(other)


def test_batch_mode_applies_the_same_contract() -> None:
    with pytest.raises(framekit.InputTypeError):
        list(Pipeline(["hedging"]).analyse_many(["fine", None]))  # type: ignore[list-item]


def test_every_framekit_error_is_catchable_by_the_base_class() -> None:
    for error in (framekit.InputTypeError, framekit.IncompatibleDocError, framekit.PipelineError,
                  framekit.TextTooLongError, framekit.DependencyError, framekit.LexiconError,
                  framekit.MissingResultError, framekit.AnalyserNotFoundError):
        assert issubclass(error, framekit.FramekitError)


def test_batches_stop_at_the_size_or_the_character_budget() -> None:
    from framekit.inputs import BATCH_CHARACTERS, batches

    long, short = "x" * (BATCH_CHARACTERS // 2 + 1), "y"
    huge = "z" * BATCH_CHARACTERS * 2
    items = [(long, 0), (long, 1), (short, 2), (short, 3), (short, 4), (huge, 5)]
    cut = [[context for _, context in batch] for batch in batches(items, 2)]
    assert cut == [[0], [1, 2], [3, 4], [5]]
