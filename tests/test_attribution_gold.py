"""The attribution analyser against the hand gold of the three example articles.

Scored as the issue states: a gold relation is found when a predicted one
shares at least half of each side's characters (one to one); a predicted
relation matching no gold relation, required or not, is a false positive;
speaker, kind and source type are checked on matched required relations.
"""

from __future__ import annotations

import pytest

from framekit import AttributionAnalyser
from framekit.analysers.attribution import Attribution
from tests.conftest import load_gold

SOURCE_TYPES = {"named_person": "person", "named_organisation": "organisation",
                "anonymous": "anonymous", "vague": "vague"}


def matches(found: Attribution, start: int, end: int) -> bool:
    shared = min(found.content.end, end) - max(found.content.start, start)
    return shared >= 0.5 * (end - start) and shared >= 0.5 * len(found.content.text)


@pytest.fixture(scope="module")
def scores(articles: dict[str, str]) -> dict[str, float]:
    analyser = AttributionAnalyser()
    required = found = false_positives = predicted = speaker = kind = source_type = 0
    for name, relations in load_gold("attributions").items():
        text = articles[name]
        attributions = analyser.analyse(text).attributions
        gold = []
        for relation in relations:
            start = text.index(str(relation["content"]))
            gold.append((start, start + len(str(relation["content"])), relation))
        predicted += len(attributions)
        false_positives += sum(not any(matches(a, g[0], g[1]) for g in gold)
                               for a in attributions)
        used: set[int] = set()
        for start, end, relation in gold:
            if not relation.get("required", True):
                continue
            required += 1
            hit = next((i for i, a in enumerate(attributions)
                        if i not in used and matches(a, start, end)), None)
            if hit is None:
                continue
            used.add(hit)
            found += 1
            attribution = attributions[hit]
            source = attribution.source.text if attribution.source else ""
            said_by = f"{attribution.speaker.name} {source}".lower()
            speaker += any(str(s).lower() in said_by for s in list(relation["speaker"]))
            kind += attribution.kind == relation["kind"]
            source_type += attribution.speaker.type == SOURCE_TYPES[str(relation["source_type"])]
    return {"recall": found / required, "precision": 1 - false_positives / predicted,
            "speaker": speaker / found, "kind": kind / found, "source_type": source_type / found}


def test_content_recall(scores: dict[str, float]) -> None:
    assert scores["recall"] >= 0.90


def test_content_precision(scores: dict[str, float]) -> None:
    assert scores["precision"] >= 0.85


def test_speaker_accuracy(scores: dict[str, float]) -> None:
    assert scores["speaker"] >= 0.90


def test_kind_accuracy(scores: dict[str, float]) -> None:
    assert scores["kind"] >= 0.85


def test_source_type_accuracy(scores: dict[str, float]) -> None:
    assert scores["source_type"] >= 0.85


def test_mar_a_lago_speakers_are_resolved_once(articles: dict[str, str]) -> None:
    result = AttributionAnalyser().analyse(articles["mar-a-lago-meeting.txt"])
    speakers = set(result.by_speaker())
    assert {"Donald Trump", "Volodymyr Zelensky", "Dmitry Peskov", "Yuri Ushakov",
            "Sergei Lavrov", "Rafael Grossi", "International Atomic Energy Agency",
            "Orysia Lutsevych", "Boris Bondarev"} <= speakers
    assert not {"Trump", "the US president", "Zelensky", "IAEA"} & speakers
