"""The lexicons of the shared layers, given once to the pipeline, hold for every analyser."""

from __future__ import annotations

import pickle

from spacy.language import Language

from framekit import Lexicon, Pipeline
from framekit.article import Article
from framekit.layers import Lexicons
from framekit.voice import Voice

#: An invented reporting verb, in no lexicon framekit ships.
SNARFLE = {"id": "snarfle", "category": "speech", "lemma": "snarfle", "pos": ["VERB"]}
TEXT = ("The minister snarfled that the talks may fail because of a humanitarian crisis "
        "and the huge cost to taxpayers.")


def _report(lexicons: Lexicons | None) -> tuple[list[str], list[Voice], list[Voice]]:
    report = Pipeline(["attribution", "hedging", "framing"], lexicons=lexicons).analyse(TEXT)
    cues = [a.cue.text for a in report.attribution.attributions]
    hedges = [cue.voice for cue in report.hedging.hedges]
    framing = [cue.voice for frame in report.framing.frames for cue in frame.cues]
    framing += [cue.voice for cue in report.framing.cues]
    assert hedges and framing
    return cues, hedges, framing


def test_a_reporting_verb_given_once_holds_for_attribution_hedging_and_framing() -> None:
    reporting = Lexicon.load("reporting").extend([SNARFLE])
    cues, hedges, framing = _report(Lexicons(reporting=reporting))
    assert cues == ["snarfled"]
    assert set(hedges) == set(framing) == {Voice.REPORTED}


def test_without_the_verb_no_analyser_reads_reported_speech() -> None:
    cues, hedges, framing = _report(None)
    assert cues == []
    assert set(hedges) == set(framing) == {Voice.AUTHOR}


def test_an_article_reads_the_lexicons_it_is_given(nlp: Language) -> None:
    doc = nlp("Officials snarfled that the bridge was closed.")
    assert Article(doc).reported_speech == ()
    given = Lexicons(reporting=Lexicon.load("reporting").extend([SNARFLE]))
    [found] = Article(doc, lexicons=given).reported_speech
    assert (found.cue.text, found.content is not None and found.content.text) == (
        "snarfled", "that the bridge was closed")


def test_the_pipeline_keeps_its_lexicons_through_pickling() -> None:
    given = Lexicons(reporting=Lexicon.load("reporting").extend([SNARFLE]))
    assert pickle.loads(pickle.dumps(Pipeline(["hedging"], lexicons=given))).lexicons == given
    assert Pipeline(["hedging"]).lexicons is Lexicons.default()
