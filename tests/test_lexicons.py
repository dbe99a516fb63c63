from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.matcher import Matcher

from framekit.lexicons import Lexicon, _alternatives
from framekit.lexicons._anchored import AnchoredMatcher
from tests.conftest import ARTICLE_NAMES

LEXICONS = ("hedges", "reporting", "framing_devices", "frames_generic", "frames_policy", "naming")


@pytest.mark.parametrize("name", LEXICONS)
def test_anchored_matches_are_those_of_a_plain_matcher(
        nlp: Language, articles: dict[str, str], name: str) -> None:
    patterns = [(entry.id, pattern) for entry in Lexicon.load(name) for pattern in entry.patterns]
    plain = Matcher(nlp.vocab, validate=True)
    for key, pattern in patterns:
        plain.add(key, [pattern])
    anchored = AnchoredMatcher(nlp.vocab, [(key, alternative) for key, pattern in patterns
                                           for alternative in _alternatives(pattern)])
    for article in ARTICLE_NAMES:
        doc = nlp(articles[article])
        expected = set(plain(doc))
        assert expected, article
        assert anchored(doc) == expected
        part = doc[40:400]
        assert anchored(part) == set(plain(part))


def test_exact_patterns_check_every_token_and_attribute(nlp: Language) -> None:
    matcher = AnchoredMatcher(nlp.vocab, [
        ("may aux", [{"LOWER": "may", "POS": "AUX"}]),
        ("may month", [{"LOWER": "may", "POS": "PROPN"}]),
        ("may be", [{"LOWER": "may"}, {"LEMMA": "be"}]),
        ("may have", [{"LOWER": "may"}, {"LEMMA": "have"}]),
    ])
    doc = nlp("Talks may be over")
    assert {nlp.vocab.strings[key] for key, _, _ in matcher(doc)} == {"may aux", "may be"}
    assert matcher(doc[:2]) == {(nlp.vocab.strings["may aux"], 1, 2)}
