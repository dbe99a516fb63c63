"""The shared rule layers on parses built by hand, apart from the statistical model.

Each parse is what a good parser gives for the sentence, so that these tests
say what the rules do with a given analysis, whatever the model's errors.
"""

from __future__ import annotations

import pytest

from framekit.reporting import find_reported_speech
from framekit.speakers import SpeakerResolver, SpeakerType
from tests.util import Token, hand_article

OUT = "O"  # outside any entity

SAID_TALKS_RESUME = [
    ("Peskov", "Peskov", "PROPN", "NNP", "nsubj", 1, "B-PERSON"),
    ("said", "say", "VERB", "VBD", "ROOT", 1, OUT),
    ("talks", "talk", "NOUN", "NNS", "nsubj", 4, OUT),
    ("would", "would", "AUX", "MD", "aux", 4, OUT),
    ("resume", "resume", "VERB", "VB", "ccomp", 1, OUT),
    (".", ".", "PUNCT", ".", "punct", 1, OUT),
]


# -- reported speech ----------------------------------------------------------------
def test_a_speech_verb_gives_its_subject_as_source_and_its_clause_as_content() -> None:
    article = hand_article(SAID_TALKS_RESUME)
    found = find_reported_speech(article)
    assert len(found) == 1
    speech = found[0]
    assert (speech.cue.text, speech.category) == ("said", "speech")
    assert speech.content is not None and speech.content.text == "talks would resume"
    assert speech.source_tokens == (0, 1)


def test_according_to_gives_its_object_as_source_and_the_clause_as_content() -> None:
    article = hand_article([
        ("Talks", "talk", "NOUN", "NNS", "nsubj", 1, OUT),
        ("failed", "fail", "VERB", "VBD", "ROOT", 1, OUT),
        (",", ",", "PUNCT", ",", "punct", 1, OUT),
        ("according", "accord", "VERB", "VBG", "prep", 1, OUT),
        ("to", "to", "ADP", "IN", "prep", 3, OUT),
        ("officials", "official", "NOUN", "NNS", "pobj", 4, OUT),
        (".", ".", "PUNCT", ".", "punct", 1, OUT),
    ])
    found = find_reported_speech(article)
    assert [(s.cue.text, s.category) for s in found] == [("according to", "according_to")]
    speech = found[0]
    assert speech.content is not None and speech.content.text == "Talks failed"
    assert speech.source_tokens == (5, 6)


def test_a_verb_that_reports_nothing_is_no_cue() -> None:
    article = hand_article([
        ("Peskov", "Peskov", "PROPN", "NNP", "nsubj", 1, "B-PERSON"),
        ("left", "leave", "VERB", "VBD", "ROOT", 1, OUT),
        ("Moscow", "Moscow", "PROPN", "NNP", "dobj", 1, "B-GPE"),
        (".", ".", "PUNCT", ".", "punct", 1, OUT),
    ])
    assert find_reported_speech(article) == ()


def test_reported_speech_marks_the_content_as_reported() -> None:
    article = hand_article(SAID_TALKS_RESUME)
    reported = [token.text for token in article.doc if article.in_reported_speech(token)]
    assert reported == ["talks", "would", "resume"]


# -- quotations ---------------------------------------------------------------------
def test_quotation_marks_pair_into_a_quotation_over_the_tokens_inside() -> None:
    article = hand_article([
        ("Peskov", "Peskov", "PROPN", "NNP", "nsubj", 1, "B-PERSON"),
        ("said", "say", "VERB", "VBD", "ROOT", 1, OUT),
        ("“", "“", "PUNCT", "``", "punct", 4, OUT),
        ("talks", "talk", "NOUN", "NNS", "nsubj", 4, OUT),
        ("failed", "fail", "VERB", "VBD", "ccomp", 1, OUT),
        ("”", "”", "PUNCT", "''", "punct", 4, OUT),
        (".", ".", "PUNCT", ".", "punct", 1, OUT),
    ], spaces=[True, True, False, True, False, False, False])
    assert article.text == "Peskov said “talks failed”."
    assert [q.content.text for q in article.quotations] == ["talks failed"]
    inside = [token.text for token in article.doc if article.in_quotation(token)]
    assert "talks" in inside and "failed" in inside and "said" not in inside


# -- speakers -----------------------------------------------------------------------
DESCRIBED_THEN_PRONOUN = [
    ("Kremlin", "Kremlin", "PROPN", "NNP", "compound", 1, "B-ORG"),
    ("spokesman", "spokesman", "NOUN", "NN", "compound", 3, OUT),
    ("Dmitry", "Dmitry", "PROPN", "NNP", "compound", 3, "B-PERSON"),
    ("Peskov", "Peskov", "PROPN", "NNP", "nsubj", 4, "I-PERSON"),
    ("spoke", "speak", "VERB", "VBD", "ROOT", 4, OUT),
    (".", ".", "PUNCT", ".", "punct", 4, OUT),
    ("He", "he", "PRON", "PRP", "nsubj", 7, OUT),
    ("said", "say", "VERB", "VBD", "ROOT", 7, OUT),
    ("talks", "talk", "NOUN", "NNS", "nsubj", 9, OUT),
    ("failed", "fail", "VERB", "VBD", "ccomp", 7, OUT),
    (".", ".", "PUNCT", ".", "punct", 7, OUT),
    ("Peskov", "Peskov", "PROPN", "NNP", "nsubj", 12, "B-PERSON"),
    ("left", "leave", "VERB", "VBD", "ROOT", 12, OUT),
    (".", ".", "PUNCT", ".", "punct", 12, OUT),
]


@pytest.mark.parametrize(("mention", "name"), [((11, 12), "Dmitry Peskov"),  # surname
                                                 ((6, 7), "Dmitry Peskov")])  # pronoun
def test_a_surname_or_pronoun_resolves_to_the_full_name_given_earlier(
        mention: tuple[int, int], name: str) -> None:
    article = hand_article(DESCRIBED_THEN_PRONOUN)
    speaker = SpeakerResolver(article).resolve(article.doc[mention[0]:mention[1]])
    assert speaker is not None
    assert (speaker.name, speaker.type) == (name, SpeakerType.PERSON)


def said_talks_failed(subject: list[Token]) -> list[Token]:
    """*SUBJECT said talks failed.*, the subject's last token its head."""
    n = len(subject)
    return [*((word, lemma, pos, tag, dep, n - 1 if i < n - 1 else n, ent)
              for i, (word, lemma, pos, tag, dep, _, ent) in enumerate(subject)),
            ("said", "say", "VERB", "VBD", "ROOT", n, OUT),
            ("talks", "talk", "NOUN", "NNS", "nsubj", n + 2, OUT),
            ("failed", "fail", "VERB", "VBD", "ccomp", n, OUT),
            (".", ".", "PUNCT", ".", "punct", n, OUT)]


@pytest.mark.parametrize(("subject", "name", "kind"), [
    ([("The", "the", "DET", "DT", "det", 0, OUT),
      ("Kremlin", "Kremlin", "PROPN", "NNP", "nsubj", 0, "B-ORG")],
     "Kremlin", SpeakerType.ORGANISATION),
    ([("Analysts", "analyst", "NOUN", "NNS", "nsubj", 0, OUT)], "Analysts", SpeakerType.VAGUE),
])
def test_organisations_and_unnamed_groups(subject: list[Token], name: str,
                                          kind: SpeakerType) -> None:
    article = hand_article(said_talks_failed(subject))
    assert article.text.endswith(" said talks failed.")
    speaker = SpeakerResolver(article).resolve(article.doc[0:len(subject)])
    assert speaker is not None
    assert (speaker.name, speaker.type) == (name, kind)


def test_a_predicate_the_parser_hung_on_the_cue_goes_on_with_the_content() -> None:
    # *said the plant was safe and shut the gate*, *shut* attached to *said*
    article = hand_article([
        ("Kovac", "Kovac", "PROPN", "NNP", "nsubj", 1, "B-PERSON"),
        ("said", "say", "VERB", "VBD", "ROOT", 1, OUT),
        ("the", "the", "DET", "DT", "det", 3, OUT),
        ("plant", "plant", "NOUN", "NN", "nsubj", 4, OUT),
        ("was", "be", "AUX", "VBD", "ccomp", 1, OUT),
        ("safe", "safe", "ADJ", "JJ", "acomp", 4, OUT),
        ("and", "and", "CCONJ", "CC", "cc", 1, OUT),
        ("shut", "shut", "VERB", "VBD", "conj", 1, OUT),
        ("the", "the", "DET", "DT", "det", 9, OUT),
        ("gate", "gate", "NOUN", "NN", "dobj", 7, OUT),
        (".", ".", "PUNCT", ".", "punct", 1, OUT),
    ])
    speech = next(s for s in find_reported_speech(article) if s.cue.text == "said")
    assert speech.content is not None
    assert speech.content.text == "the plant was safe and shut the gate"


def test_what_a_colon_introduces_goes_on_with_the_content() -> None:
    # *said prices rise: rents climb*, the parser ending the sentence at the colon
    article = hand_article([
        ("Kovac", "Kovac", "PROPN", "NNP", "nsubj", 1, "B-PERSON"),
        ("said", "say", "VERB", "VBD", "ROOT", 1, OUT),
        ("prices", "price", "NOUN", "NNS", "nsubj", 3, OUT),
        ("rise", "rise", "VERB", "VBP", "ccomp", 1, OUT),
        (":", ":", "PUNCT", ":", "punct", 1, OUT),
        ("rents", "rent", "NOUN", "NNS", "nsubj", 6, OUT),
        ("climb", "climb", "VERB", "VBP", "ROOT", 6, OUT),
        (".", ".", "PUNCT", ".", "punct", 6, OUT),
    ])
    (speech,) = find_reported_speech(article)
    assert speech.content is not None and speech.content.text == "prices rise: rents climb"


def test_a_concessive_clause_the_parser_hung_in_the_content_is_left_out() -> None:
    # *said prices rose, although rents fell*, *fell* attached to *rose*
    article = hand_article([
        ("Kovac", "Kovac", "PROPN", "NNP", "nsubj", 1, "B-PERSON"),
        ("said", "say", "VERB", "VBD", "ROOT", 1, OUT),
        ("prices", "price", "NOUN", "NNS", "nsubj", 3, OUT),
        ("rose", "rise", "VERB", "VBD", "ccomp", 1, OUT),
        (",", ",", "PUNCT", ",", "punct", 3, OUT),
        ("although", "although", "SCONJ", "IN", "mark", 7, OUT),
        ("rents", "rent", "NOUN", "NNS", "nsubj", 7, OUT),
        ("fell", "fall", "VERB", "VBD", "advcl", 3, OUT),
        (".", ".", "PUNCT", ".", "punct", 1, OUT),
    ])
    (speech,) = find_reported_speech(article)
    assert speech.content is not None and speech.content.text == "prices rose"
