from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

import framekit

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"
GOLD = Path(__file__).resolve().parent / "gold"
ARTICLE_NAMES = ("alaska-summit.txt", "mar-a-lago-meeting.txt", "peace-talks-column.txt")


@pytest.fixture(scope="session")
def nlp() -> Language:
    return framekit.load_pipeline()


@pytest.fixture(scope="session")
def articles() -> dict[str, str]:
    return {name: (ARTICLES / name).read_text(encoding="utf-8") for name in ARTICLE_NAMES}


def load_gold(name: str) -> dict[str, list[dict[str, object]]]:
    articles: dict[str, list[dict[str, object]]] = json.loads(
        (GOLD / f"{name}.json").read_text(encoding="utf-8"))["articles"]
    return articles
