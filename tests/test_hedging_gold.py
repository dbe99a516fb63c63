"""The hedging analyser against the hand gold of the three example articles.

Scored as the issue states: a gold cue is found when a predicted cue of the
same kind overlaps it; a predicted hedge that overlaps no gold hedge (required or
not) is a false positive; voice is checked on matched required cues.
"""

from __future__ import annotations

import pytest

from framekit import HedgingAnalyser
from framekit.analysers.hedging import Cue, Voice
from tests.conftest import load_gold

GOLD_VOICE = {"author": {Voice.AUTHOR}, "quoted": {Voice.QUOTED, Voice.REPORTED}}


def overlaps(cue: Cue, start: int, end: int) -> bool:
    return cue.start < end and start < cue.end


@pytest.fixture(scope="module")
def scores(articles: dict[str, str]) -> dict[str, float]:
    analyser = HedgingAnalyser()
    found = {"hedge": 0, "booster": 0}
    required = {"hedge": 0, "booster": 0}
    false_positives = predicted = voice_right = matched = 0
    for name, cues in load_gold("hedges").items():
        text = articles[name]
        result = analyser.analyse(text)
        gold = []
        for cue in cues:
            start = text.index(str(cue["context"])) + str(cue["context"]).index(str(cue["cue"]))
            gold.append((start, start + len(str(cue["cue"])), cue))
        predicted += len(result.hedges)
        false_positives += sum(
            not any(g[2]["type"] == "hedge" and overlaps(p, g[0], g[1]) for g in gold)
            for p in result.hedges)
        for start, end, cue in gold:
            kind = str(cue["type"])
            if not cue.get("required", True):
                continue
            required[kind] += 1
            hits = [p for p in (result.hedges if kind == "hedge" else result.boosters)
                    if overlaps(p, start, end)]
            if hits:
                found[kind] += 1
                matched += 1
                voice_right += hits[0].voice in GOLD_VOICE[str(cue["voice"])]
    return {
        "hedge_recall": found["hedge"] / required["hedge"],
        "hedge_precision": 1 - false_positives / predicted,
        "booster_recall": found["booster"] / required["booster"],
        "voice_accuracy": voice_right / matched,
    }


def test_hedge_recall(scores: dict[str, float]) -> None:
    assert scores["hedge_recall"] >= 0.95


def test_hedge_precision(scores: dict[str, float]) -> None:
    assert scores["hedge_precision"] >= 0.90


def test_booster_recall(scores: dict[str, float]) -> None:
    assert scores["booster_recall"] >= 0.85


def test_voice_accuracy(scores: dict[str, float]) -> None:
    assert scores["voice_accuracy"] >= 0.90


def test_writer_hedges_more_than_quoted_sources_in_the_column(articles: dict[str, str]) -> None:
    result = HedgingAnalyser().analyse(articles["peace-talks-column.txt"])
    assert result.by_voice[Voice.AUTHOR].hedges > result.by_voice[Voice.QUOTED].hedges
    assert [c.text for c in result.boosters][:3] == ["entirely", "Obviously", "it became clear"]
