from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.matcher import Matcher

from framekit.lexicons import Lexicon, LexiconMatcher, _alternatives
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


def test_operators_and_sets_are_checked_as_the_matcher_checks_them(nlp: Language) -> None:
    patterns = [
        ("raise ... question", [{"LEMMA": "raise"}, {"POS": {"IN": ["DET", "ADJ"]}, "OP": "*"},
                                {"LEMMA": "question"}]),
        ("it is said", [{"LOWER": "it"}, {"LEMMA": "be"}, {"LOWER": "widely", "OP": "?"},
                        {"LEMMA": "say"}]),
        ("see ... as", [{"LEMMA": "see"}, {"POS": {"NOT_IN": ["PUNCT"]}, "OP": "{0,2}"},
                        {"LOWER": "as"}]),
        ("if", [{"LOWER": "if", "DEP": {"NOT_IN": ["ROOT"]}}]),
        ("so called", [{"LEMMA": "so"}, {"ORTH": "-", "OP": "+"}, {"LOWER": "called"}]),
    ]
    plain = Matcher(nlp.vocab, validate=True)
    for key, pattern in patterns:
        plain.add(key, [pattern])
    anchored = AnchoredMatcher(nlp.vocab, patterns)
    doc = nlp("It is widely said that they raised a serious question, and it is said they "
              "see him as weak. If the so-called talks fail, they raised the question again; "
              "some see the old man as a friend.")
    expected = set(plain(doc))
    assert {nlp.vocab.strings[key] for key, _, _ in expected} == {key for key, _ in patterns}
    assert anchored(doc) == expected
    assert anchored(doc[10:30]) == set(plain(doc[10:30]))


def test_patterns_anchored_on_a_set_or_a_number_are_checked_on_the_arrays(nlp: Language) -> None:
    lemmas = ["government", "council", "mayor", "minister", "senate", "agency", "city", "state",
              "court", "board", "office", "party", "union", "police", "army", "bank", "school",
              "church", "club", "firm", "team", "group", "league", "panel", "committee",
              "ministry", "department", "regulator", "authority", "legislature", "commission",
              "parliament", "congress"]
    patterns = [
        ("body fails", [{"LEMMA": {"IN": lemmas}}, {"OP": "?"}, {"LEMMA": "fail"}]),
        ("body can act", [{"LEMMA": {"IN": lemmas}}, {"OP": "?"}, {"OP": "?"},
                          {"LEMMA": {"IN": ["can", "will", "act"]}}]),
        ("aged", [{"LIKE_NUM": True}, {"ORTH": "-", "OP": "?"}, {"LOWER": "year"},
                  {"ORTH": "-", "OP": "?"}, {"LOWER": "old"}]),
        ("money", [{"ORTH": "$"}, {"LIKE_NUM": True}]),
    ]
    plain = Matcher(nlp.vocab, validate=True)
    for key, pattern in patterns:
        plain.add(key, [pattern])
    anchored = AnchoredMatcher(nlp.vocab, patterns)
    doc = nlp("The council will fail again, a 12-year-old girl said. The city council can "
              "surely act, and the mayor must not fail to spend $ 40 on a five year old bus.")
    expected = set(plain(doc))
    assert {nlp.vocab.strings[key] for key, _, _ in expected} == {key for key, _ in patterns}
    assert anchored(doc) == expected
    assert anchored(doc[3:20]) == set(plain(doc[3:20]))
    assert not len(anchored._rest) and not anchored._groups  # none runs a Matcher

@pytest.mark.parametrize(("text", "negation"), [("They did not expect it.", "not"),
                                                ("They didn't expect it.", "n't"),
                                                ("They didn’t expect it.", "n’t")])
def test_a_negation_in_a_lemma_entry_matches_every_spelling_of_it(
        nlp: Language, text: str, negation: str) -> None:
    lexicon = Lexicon.from_json("test", '{"entries": [{"id": "x", "category": "c", '
                                        '"lemma": "not expect"}]}')
    doc = nlp(text)
    found = [(entry.id, doc[start:end].text) for entry, start, end in LexiconMatcher(lexicon)(doc)]
    assert found == [("x", f"{negation} expect")]
