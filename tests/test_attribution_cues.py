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
     "that she will not run again"),
    # a participle of speech after a noun has that noun for source
    ("The union released a statement announcing that its members would strike.",
     "a statement", "that its members would strike"),
])
def test_sources_the_parse_leaves_implicit(analyser: AttributionAnalyser, text: str,
                                           source: str, content: str) -> None:
    found = only(analyser.analyse(text))
    assert found.source is not None
    assert (found.source.text, found.content.text) == (source, content)


@pytest.mark.parametrize(("text", "source", "content"), [
    ("The governor stopped short of calling the protest a riot.", "The governor",
     "the protest a riot"),
    ("The senator was able to tout her record on taxes.", "The senator",
     "her record on taxes"),
])
def test_a_cue_under_an_adjective_or_adverb_takes_the_subject_of_its_verb(
        analyser: AttributionAnalyser, text: str, source: str, content: str) -> None:
    found = only(analyser.analyse(text))
    assert found.source is not None
    assert (found.source.text, found.content.text) == (source, content)


def test_an_expletive_it_over_an_adjective_names_no_source(
        analyser: AttributionAnalyser) -> None:
    assert analyser.analyse(
        "It is worth noting that the bill passed without a vote.").attributions == ()


@pytest.mark.parametrize(("text", "content"), [
    ("The coach called his players “the best team in the league.”",
     "his players “the best team in the league.”"),
    ("She called her rival “third-rate” and left the stage.", "her rival “third-rate”"),
])
def test_a_quoted_name_the_parser_split_from_its_object(analyser: AttributionAnalyser,
                                                        text: str, content: str) -> None:
    assert only(analyser.analyse(text)).content.text == content


def test_asked_reports_its_question_after_the_one_asked(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse("Reporters asked the mayor if she had been warned."))
    assert found.source is not None
    assert (found.source.text, found.content.text) == ("Reporters", "if she had been warned")


def test_a_stance_received_is_about_the_subject_and_made_by_from(
        analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse("The new tax has drawn sharp criticism from farmers."))
    assert found.source is not None
    assert (found.source.text, found.cue.text, found.content.text) == (
        "farmers", "criticism", "The new tax")


def test_a_stance_received_from_no_one_named_is_no_attribution(
        analyser: AttributionAnalyser) -> None:
    assert analyser.analyse("The new tax has drawn sharp criticism.").attributions == ()


def test_a_participle_of_intention_does_not_make_its_noun_speak(
        analyser: AttributionAnalyser) -> None:
    assert analyser.analyse("The city adopted a policy urging residents to recycle.") \
        .attributions == ()


def test_hopes_is_a_cue_of_thought_whatever_its_lemma(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse("She now hopes the council will change its mind."))
    assert (found.cue.text, found.cue_class, found.content.text) == (
        "hopes", CueClass.THOUGHT, "the council will change its mind")


@pytest.mark.parametrize(("text", "cue_class", "content"), [
    ("The senators discussed the new budget on Friday.", CueClass.SPEECH, "the new budget"),
    ("The mayor boasted that the city had never been safer.", CueClass.SPEECH,
     "that the city had never been safer"),
    ("Her letter implied that the board had lied.", CueClass.SPEECH, "that the board had lied"),
    ("The candidate railed against the new tax.", CueClass.SPEECH, "the new tax"),
    ("The governor talked about the long drought.", CueClass.SPEECH, "the long drought"),
    ("The minister apologized for the delays.", CueClass.SPEECH, "the delays"),
    ("The ad portrays the senator as a friend of the banks.", CueClass.SPEECH,
     "the senator as a friend of the banks"),
    ("Many voters wonder whether the bridge will ever be finished.", CueClass.THOUGHT,
     "whether the bridge will ever be finished"),
    ("The inspectors learned that the pumps had failed.", CueClass.THOUGHT,
     "that the pumps had failed"),
    ("The union endorsed the plan to cut working hours.", CueClass.INTENTION,
     "the plan to cut working hours"),
    ("Most residents prefer to keep the old park.", CueClass.INTENTION, "to keep the old park"),
    ("The judge ordered the company to pay the workers.", CueClass.INTENTION,
     "the company to pay the workers"),
])
def test_cues_of_speech_thought_and_stance(analyser: AttributionAnalyser, text: str,
                                           cue_class: CueClass, content: str) -> None:
    found = only(analyser.analyse(text))
    assert (found.cue_class, found.content.text) == (cue_class, content)


@pytest.mark.parametrize(("text", "cue"), [
    ("The mayor is expected to announce her decision on Monday.", "expected"),
    ("The plan is widely seen as a threat to the coast.", "seen"),
    ("The country is not thought to be capable of building such a weapon.", "thought"),
    ("The senator is said to be furious with her party.", "said"),
])
def test_a_raised_passive_reports_its_whole_clause_and_names_no_one(
        analyser: AttributionAnalyser, text: str, cue: str) -> None:
    found = only(analyser.analyse(text))
    assert (found.rule, found.cue.text, found.source) == ("raised_passive", cue, None)
    assert found.content.text == text.rstrip(".")
    assert found.speaker.name == "unnamed source"


@pytest.mark.parametrize("text", [
    "The holiday is observed as a day of rest.",  # a passive of speech with a predicate
    "The plan was seen by the fishermen as a threat.",  # an agent: the source is named
])
def test_other_passives_are_not_raised(analyser: AttributionAnalyser, text: str) -> None:
    assert all(a.rule != "raised_passive" for a in analyser.analyse(text).attributions)


def test_a_topic_cue_counts_only_as_a_finite_verb(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "An aide who was not allowed to discuss the budget said the vote would fail."))
    assert (found.cue.text, found.content.text) == ("said", "the vote would fail")
    assert only(analyser.analyse("The council is discussing the budget.")).content.text == (
        "the budget")


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The union endorsed Maria Lopez for mayor.", "endorsed", "Maria Lopez for mayor"),
    ("The senator asked for a recount.", "asked for", "a recount"),
    ("The governor warned of higher taxes.", "warned of", "higher taxes"),
])
def test_stance_towards_a_party_and_cues_with_their_preposition(
        analyser: AttributionAnalyser, text: str, cue: str, content: str) -> None:
    found = only(analyser.analyse(text))
    assert (found.cue.text, found.content.text) == (cue, content)


def test_a_stance_towards_a_pronoun_is_no_content(analyser: AttributionAnalyser) -> None:
    assert analyser.analyse("The union endorsed her.").attributions == ()


@pytest.mark.parametrize(("text", "content"), [
    ("The company agreed to pay a fine of two million dollars.",
     "to pay a fine of two million dollars"),
    ("The two teachers agreed that the exam had been too hard.",
     "that the exam had been too hard"),
])
def test_agreed_reports_its_infinitive_or_its_clause(analyser: AttributionAnalyser, text: str,
                                                    content: str) -> None:
    found = only(analyser.analyse(text))
    assert (found.source.text if found.source else None, found.content.text) == (
        text.split(" agreed")[0], content)


@pytest.mark.parametrize("text", [
    "The odds that the council will agree to close the library look slim.",
    "The union could agree to end the strike next week.",
])
def test_an_agreement_foreseen_is_not_one_made(analyser: AttributionAnalyser,
                                               text: str) -> None:
    assert analyser.analyse(text).attributions == ()


def test_a_colon_after_continued_opens_the_quotation(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse('The mayor continued: "We will rebuild the bridge."'))
    assert (found.cue.text, found.rule) == ("continued:", "quote_cue_before")
    assert found.content.text == '"We will rebuild the bridge."'


@pytest.mark.parametrize(("text", "cue_class", "source", "content"), [
    ("Her promise to cut the budget worried the council.", CueClass.INTENTION, "Her",
     "to cut the budget"),
    ("His call for a new vote surprised his party.", CueClass.INTENTION, "His", "a new vote"),
    ("They heard his attack on the judge.", CueClass.SPEECH, "his", "the judge"),
    # the subject of a light verb is the source of its object noun
    ("The senator made comments about the new tax.", CueClass.SPEECH, "The senator",
     "the new tax"),
])
def test_reporting_nouns_with_an_infinitive_or_a_preposition(
        analyser: AttributionAnalyser, text: str, cue_class: CueClass, source: str,
        content: str) -> None:
    found = only(analyser.analyse(text))
    assert found.source is not None
    assert (found.rule, found.cue_class, found.source.text, found.content.text) == (
        "reporting_noun", cue_class, source, content)


def test_a_noun_no_one_is_said_to_have_made_is_no_attribution(
        analyser: AttributionAnalyser) -> None:
    assert analyser.analyse("The mayor faced criticism of her budget.").attributions == ()


@pytest.mark.parametrize(("text", "cue_class", "source", "content"), [
    ("Her advisers are not convinced that the plan will work.", CueClass.THOUGHT,
     "Her advisers", "that the plan will work"),
    ("Many residents are worried that the plant will close.", CueClass.THOUGHT,
     "Many residents", "that the plant will close"),
    ("Voters are wary of the new tax.", CueClass.THOUGHT, "Voters", "the new tax"),
    ("The senator was critical of the deal.", CueClass.SPEECH, "The senator", "the deal"),
    ("She is eager to run again.", CueClass.INTENTION, "She", "to run again"),
])
def test_adjectives_of_attitude(analyser: AttributionAnalyser, text: str,
                                cue_class: CueClass, source: str, content: str) -> None:
    found = only(analyser.analyse(text))
    assert found.source is not None
    assert (found.cue_class, found.source.text, found.content.text) == (
        cue_class, source, content)


def test_an_adjective_of_attitude_without_content_is_no_attribution(
        analyser: AttributionAnalyser) -> None:
    assert analyser.analyse("She is sure. The senator was critical.").attributions == ()


def test_a_free_relative_reports_the_name_the_source_gives(
        analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse("The police investigated what officials called a hate crime."))
    assert found.source is not None and found.source.text == "officials"
    assert [part.text for part in found.parts] == ["what", "a hate crime"]


@pytest.mark.parametrize(("text", "content"), [
    ("The mayor said as much in an interview.", "as much"),
    ("Asked about the vote, she said so.", "so"),
    ("The senator has said the same thing for years.", "the same thing"),
    ("He does not think so.", "so"),
])
def test_a_pro_form_stands_for_what_was_said(analyser: AttributionAnalyser, text: str,
                                             content: str) -> None:
    assert only(analyser.analyse(text)).content.text == content


def test_saying_not_much_is_no_pro_form(analyser: AttributionAnalyser) -> None:
    assert analyser.analyse("The governor has not said much.").attributions == ()


def test_a_claim_no_one_is_said_to_make_names_no_one(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "Amid repeated warnings that the dam would not hold, the town was evacuated."))
    assert (found.rule, found.source, found.speaker.name) == (
        "unnamed_noun", None, "unnamed source")
    assert found.content.text == "that the dam would not hold"
    # a claim the subject of a verb holds (*had assurances that …*) is not unnamed
    assert analyser.analyse("The town had assurances that the dam would hold.") \
        .attributions == ()


def test_continued_is_the_cue_of_a_quotation_only(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse('"We will rebuild every house," the mayor continued.'))
    assert (found.cue.text, found.rule) == ("continued", "quote_cue_after")
    assert analyser.analyse("The mayor continued to work on the bridge.").attributions == ()


def test_yelled_reports_its_clause(analyser: AttributionAnalyser) -> None:
    assert only(analyser.analyse("She yelled that the door was locked.")).content.text == (
        "that the door was locked")


@pytest.mark.parametrize(("text", "source", "content"), [
    ("In the latest poll, the senator leads by six points.", "the latest poll",
     "the senator leads by six points"),
    ("The senator leads by six points in a new survey.", "a new survey",
     "The senator leads by six points"),
])
def test_a_clause_found_in_a_poll(analyser: AttributionAnalyser, text: str, source: str,
                                  content: str) -> None:
    found = only(analyser.analyse(text))
    assert found.source is not None
    assert (found.cue_class, found.source.text, found.content.text) == (
        CueClass.EVIDENCE, source, content)


def test_in_a_place_or_a_clause_with_its_own_cue_is_no_document(
        analyser: AttributionAnalyser) -> None:
    assert analyser.analyse("The senator lives in the city.").attributions == ()
    # plural polls are the writer's summary, not a source
    assert analyser.analyse("The senator has risen in the polls.").attributions == ()
    found = only(analyser.analyse("In a new report, the agency said the dam was safe."))
    assert (found.cue.text, found.content.text) == ("said", "the dam was safe")
