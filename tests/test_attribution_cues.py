"""Attribution cues beyond *said*: the cue words and forms news uses, on sentences of our own."""

from __future__ import annotations

import pytest

from framekit import AttributionAnalyser
from framekit.analysers.attribution import CueClass
from tests.util import only


@pytest.fixture(scope="module")
def analyser() -> AttributionAnalyser:
    return AttributionAnalyser()


@pytest.mark.parametrize(("text", "source", "content"), [
    # the parser hangs the comma before the cue on the cue, the one after it on the clause
    ("But in recent weeks, aides to the governor say, the governor has grown tired of the race.",
     "aides to the governor",
     "But in recent weeks, aides to the governor say, the governor has grown tired of the race"),
    # a demonstrative with a modifier of its own is a noun phrase that speaks
    ("Those close to the mayor say that she will not run again.", "Those close to the mayor",
     "she will not run again"),
    # a participle of speech after a noun has that noun for source
    ("The union released a statement announcing that its members would strike.",
     "a statement", "its members would strike"),
])
def test_sources_the_parse_leaves_implicit(analyser: AttributionAnalyser, text: str,
                                           source: str, content: str) -> None:
    found = only(analyser.analyse(text))
    assert found.source is not None
    assert (found.source.text, found.content.text) == (source, content)


def test_a_participle_of_intention_does_not_make_its_noun_speak(
        analyser: AttributionAnalyser) -> None:
    assert analyser.analyse("The city adopted a policy urging residents to recycle.") \
        .attributions == ()


def test_hopes_is_a_cue_of_thought_whatever_its_lemma(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse("She now hopes the council will change its mind."))
    assert (found.cue.text, found.cue_class, found.content.text) == (
        "hopes", CueClass.THOUGHT, "the council will change its mind")
