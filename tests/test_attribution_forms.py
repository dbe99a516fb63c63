"""PARC-complete attribution: cue classes and the forms news uses, on sentences of our own."""

from __future__ import annotations

import pytest

from framekit import AttributionAnalyser
from framekit.analysers.attribution import AttributionKind, CueClass
from framekit.analysers.balance import SourceBalanceAnalyser
from framekit.gender import NameGender
from framekit.quotes import find_quotations
from framekit.speakers import SpeakerType
from tests.util import only


@pytest.fixture(scope="module")
def analyser() -> AttributionAnalyser:
    return AttributionAnalyser()


# -- cue classes -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "cue_class", "content"), [
    ("The mayor said the bridge would reopen in May.", CueClass.SPEECH,
     "the bridge would reopen in May"),
    ("The mayor believes the bridge will reopen in May.", CueClass.THOUGHT,
     "the bridge will reopen in May"),
    ("Local business owners fear the new rules will drive customers away.", CueClass.THOUGHT,
     "the new rules will drive customers away"),
    ("The governor wants to raise the minimum wage.", CueClass.INTENTION,
     "to raise the minimum wage"),
    ("The union plans to strike next week.", CueClass.INTENTION, "to strike next week"),
    ("The senator opposes the new pipeline.", CueClass.INTENTION, "the new pipeline"),
    ("The council called for an inquiry into the fire.", CueClass.INTENTION,
     "an inquiry into the fire"),
    ("The minister vowed to rebuild every school.", CueClass.INTENTION,
     "to rebuild every school"),
    ("The governor urged residents to stay indoors.", CueClass.INTENTION,
     "residents to stay indoors"),
    ("A new poll shows the mayor ahead in the race.", CueClass.EVIDENCE,
     "the mayor ahead in the race"),
    ("The report found that the agency had ignored the warnings.", CueClass.EVIDENCE,
     "that the agency had ignored the warnings"),
])
def test_each_relation_has_a_cue_class(analyser: AttributionAnalyser, text: str,
                                       cue_class: CueClass, content: str) -> None:
    found = only(analyser.analyse(text))
    assert (found.cue_class, found.content.text) == (cue_class, content)
    assert found.rule == f"reported_{cue_class.value}"


def test_a_user_can_keep_speech_only(analyser: AttributionAnalyser) -> None:
    result = analyser.analyse("The mayor said the bridge was safe. Residents fear it is not.")
    assert [a.cue_class for a in result.attributions] == [CueClass.SPEECH, CueClass.THOUGHT]
    speech = [a for a in result.attributions if a.cue_class is CueClass.SPEECH]
    assert [a.speaker.name for a in speech] == ["the mayor"]


def test_balance_counts_speech_and_evidence_not_ascribed_wishes() -> None:
    result = SourceBalanceAnalyser().analyse(
        "Mayor Anna Kovac said the bridge was safe. Governor Tom Reilly wants to close it. "
        "A city report found that the cables were worn.")
    assert [s.name for s in result.sources] == ["Anna Kovac", "a city report"]
    everyone = SourceBalanceAnalyser(classes=list(CueClass)).analyse(
        "Mayor Anna Kovac said the bridge was safe. Governor Tom Reilly wants to close it.")
    assert [s.name for s in everyone.sources] == ["Anna Kovac", "Tom Reilly"]


# -- forms -------------------------------------------------------------------------

def test_headline_colon_names_the_speaker(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse("Kovac: Bridge will not reopen before spring\n\n"
                                  "The city closed the bridge on Monday."))
    assert (found.rule, found.cue.text, found.content.text) == (
        "colon_label", ":", "Bridge will not reopen before spring")
    assert found.source is not None and found.source.text == "Kovac"


def test_interview_transcript_labels(analyser: AttributionAnalyser) -> None:
    result = analyser.analyse(
        "The interview was recorded on Sunday.\n\n"
        "HOST: Will the bridge reopen this year?\n\n"
        "KOVAC: Not this year. The cables have to be replaced first.")
    assert [(a.source and a.source.text, a.content.text) for a in result.attributions] == [
        ("HOST", "Will the bridge reopen this year"),
        ("KOVAC", "Not this year. The cables have to be replaced first")]


@pytest.mark.parametrize("label", ["Update", "Photo", "Editor's note", "The Latest"])
def test_labels_that_name_no_speaker(analyser: AttributionAnalyser, label: str) -> None:
    result = analyser.analyse(f"{label}: the bridge reopened on Monday.\n\nIt rained.")
    assert result.attributions == ()


def test_dash_after_a_quotation_names_its_speaker(analyser: AttributionAnalyser) -> None:
    result = analyser.analyse(
        "We asked readers about the bridge.\n\n"
        "“It has been closed for too long. We need it back.” ― Maria Lopez, 34\n\n"
        "“Fix it properly this time.” — Tom Reilly")
    assert [(a.speaker.name, a.cue.text, a.kind) for a in result.attributions] == [
        ("Maria Lopez", "―", AttributionKind.DIRECT), ("Tom Reilly", "—", AttributionKind.DIRECT)]


def test_quote_continued_over_a_paragraph_break_without_a_closing_mark(
        analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "“The bridge has served us for ninety years,” Mayor Anna Kovac said. “It will serve us "
        "for ninety more.\n\n“But only if we pay for it now.”"))
    assert found.speaker.name == "Anna Kovac"
    assert [p.text for p in found.parts] == [
        "“The bridge has served us for ninety years,”",
        "“It will serve us for ninety more.\n\n“But only if we pay for it now.”"]


def test_cue_after_indirect_speech(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "The bridge will stay closed until May, but the ferry will run daily, the mayor added."))
    assert found.content.text == ("The bridge will stay closed until May, but the ferry will "
                                  "run daily")
    found = only(analyser.analyse(
        "Sales have fallen by half since the closure, said Priya Natarajan, who runs a bakery."))
    assert (found.speaker.name, found.content.text) == (
        "Priya Natarajan", "Sales have fallen by half since the closure")


def test_according_to_in_the_middle_and_at_the_end(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "The repairs, according to the city engineer, will cost four million dollars."))
    assert [p.text for p in found.parts] == ["The repairs", "will cost four million dollars"]
    found = only(analyser.analyse(
        "The cables are worn and the deck is cracked, according to a city report."))
    assert found.content.text == "The cables are worn and the deck is cracked"


def test_reporting_noun_with_that_clause(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "Residents were angered by the mayor's claim that the bridge is safe."))
    assert (found.rule, found.content.text) == ("reporting_noun", "that the bridge is safe")


def test_nested_attribution_keeps_the_outer_relation(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "Local business owners fear the closure will ruin them, said Priya Natarajan."))
    assert found.speaker.name == "Priya Natarajan"
    assert found.content.text == "Local business owners fear the closure will ruin them"


def test_impersonal_passive_has_an_unnamed_source(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse("It was reported that the mayor would resign."))
    assert (found.rule, found.source, found.content.text) == (
        "impersonal_passive", None, "that the mayor would resign")
    assert found.speaker.type is SpeakerType.VAGUE


def test_passive_with_agent_reports_its_subject(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse("The closure was first reported by the Daily Courier."))
    assert (found.content.text, found.source and found.source.text) == (
        "The closure", "the Daily Courier")


def test_put_it_introduces_a_quote(analyser: AttributionAnalyser) -> None:
    result = analyser.analyse(
        "Harbor commissioner Dana Webb spoke on Monday. Webb put it bluntly: “We are broke.”")
    found = only(result)
    assert (found.speaker.name, found.speaker.type, found.content.text) == (
        "Dana Webb", SpeakerType.PERSON, "“We are broke.”")


def test_writer_adjunct_after_a_quoted_clause_is_left_out(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "The mayor acknowledged “we did not get there” after three hours of talks."))
    assert found.content.text == "“we did not get there”"


def test_coordinated_reports_are_two_relations(analyser: AttributionAnalyser) -> None:
    result = analyser.analyse(
        "Three in four voters said the bridge mattered, and more than half said they would "
        "pay a toll.")
    assert [a.content.text for a in result.attributions] == [
        "the bridge mattered", "they would pay a toll"]


def test_double_apostrophes_are_a_quotation_mark(analyser: AttributionAnalyser) -> None:
    assert [q.content.text for q in find_quotations("''It is worn out,'' he said.")] == [
        "It is worn out,"]
    found = only(analyser.analyse(
        "Engineer Alan Webb inspected it. ''It is worn out,'' Mr. Webb said."))
    assert (found.kind, found.speaker.name) == (AttributionKind.DIRECT, "Alan Webb")


# -- speakers ------------------------------------------------------------------------

def test_pronoun_agrees_in_gender_with_its_antecedent(analyser: AttributionAnalyser) -> None:
    she = only(analyser.analyse(
        "Ms. Maria Lopez met Mr. John Smith on Monday. She said the deal was off."))
    he = only(analyser.analyse(
        "Ms. Maria Lopez met Mr. John Smith on Monday. He said the deal was off."))
    assert (she.speaker.name, he.speaker.name) == ("Maria Lopez", "John Smith")
    by_names = AttributionAnalyser(gender=NameGender())
    she = only(by_names.analyse("Maria Lopez met John Smith on Monday. She said the deal was off."))
    assert she.speaker.name == "Maria Lopez"


def test_lone_surname_takes_the_type_of_the_full_mention(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "Port director Alan Webb toured the site. Webb said the port would reopen."))
    assert (found.speaker.name, found.speaker.type) == ("Alan Webb", SpeakerType.PERSON)


def test_anonymous_source_named_by_its_head_phrase(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "Two people close to the mayor who spoke on condition of anonymity because they were "
        "not authorized to discuss the talks said the deal was off."))
    assert found.speaker.name == "two people close to the mayor"
    assert found.speaker.type is SpeakerType.ANONYMOUS


# -- no relation without content ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The company declined to comment.",
    "Officials did not say whether the plant would close.",
    "The mayor would not say how much the repairs would cost.",
    "A spokesman did not immediately respond to a request for comment.",
])
def test_no_relation_without_content(analyser: AttributionAnalyser, text: str) -> None:
    assert analyser.analyse(text).attributions == ()


@pytest.mark.parametrize("text", [
    "Moscow is planning a “review” of its position.",
    "Both sides rejected the “review” in Kiev.",
])
def test_a_quoted_noun_as_object_stays_a_scare_quote(analyser: AttributionAnalyser,
                                                     text: str) -> None:
    assert analyser.analyse(text).attributions == ()


def test_cue_after_needs_a_clause_before_and_no_complement_after(
        analyser: AttributionAnalyser) -> None:
    assert analyser.analyse("Clearly, nobody wants a war.").attributions == ()
    assert analyser.analyse("In the end, the mayor said nothing.").attributions == ()


# -- content extent -------------------------------------------------------------------

def test_content_keeps_the_complementizer(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse("The mayor said that the bridge would reopen in May."))
    assert found.content.text == "that the bridge would reopen in May"


def test_a_quoted_complement_stays_the_quotation(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse("The mayor said that “the bridge is safe.”"))
    assert (found.content.text, found.kind) == ("“the bridge is safe.”", AttributionKind.DIRECT)


@pytest.mark.parametrize(("text", "content"), [
    ("The senator compared the new tax to a toll on every family.",
     "the new tax to a toll on every family"),
    ("The union criticized the plan for its cost.", "the plan for its cost"),
    ("The council proposed new funds to help farmers repair their barns.",
     "new funds to help farmers repair their barns"),
    ("The senator criticized the plan on Tuesday.", "the plan"),
])
def test_object_content_takes_the_cues_own_complements(analyser: AttributionAnalyser,
                                                        text: str, content: str) -> None:
    assert only(analyser.analyse(text)).content.text == content


@pytest.mark.parametrize(("text", "content"), [
    ("The senator criticized the governor.", "the governor"),
    ("The union praised her.", "her"),
])
def test_the_party_a_stance_is_about_is_its_content(analyser: AttributionAnalyser, text: str,
                                                    content: str) -> None:
    assert only(analyser.analyse(text)).content.text == content


def test_a_quotation_over_two_paragraphs_is_one_content(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "“The river rose in an hour.\n\n“By noon the square was under water,” the mayor said."))
    assert (found.content.text, found.kind) == (
        "“The river rose in an hour.\n\n“By noon the square was under water,”",
        AttributionKind.DIRECT)


def test_a_quotation_that_is_part_of_the_clause_keeps_the_rest(
        analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "The chief said that “exactly who set the fire” remains unknown."))
    assert found.content.text == "“exactly who set the fire” remains unknown"


def test_a_transcript_answer_runs_over_its_quoted_paragraphs(
        analyser: AttributionAnalyser) -> None:
    text = ("Part of the interview:\n\n\"HOST: Will she be there?\n\n"
            "\"GUEST: Well, look, she will not. It is all a stunt, and I think voters know it."
            "\n\n\"But the truth is that we are focused on the issues.\n\n\"HOST: Thank you.")
    result = analyser.analyse(text)
    assert [a.content.text for a in result.attributions] == [
        "Will she be there",
        "Well, look, she will not. It is all a stunt, and I think voters know it.\n\n"
        "\"But the truth is that we are focused on the issues",
        "Thank you"]


def test_a_relative_pronoun_is_the_source_mention_of_its_clause(
        analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "The council heard from tenants who said the tower was unsafe."))
    assert found.source is not None
    assert (found.source.text, found.speaker.name) == ("who", "tenants")


def test_a_dateline_is_not_the_source(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "LONDON (Reuters) - Donald Trump said he was unlikely to meet the prime minister."))
    assert found.source is not None
    assert (found.source.text, found.speaker.name) == ("Donald Trump", "Donald Trump")


def test_a_second_report_of_the_same_source_ends_the_first_content(
        analyser: AttributionAnalyser) -> None:
    result = analyser.analyse(
        "The mayor said she was tired of the delays and predicted that the bridge would open.")
    assert [a.content.text for a in result.attributions] == [
        "she was tired of the delays", "that the bridge would open"]


@pytest.mark.parametrize("text", [
    "“I like the plan,” she said, but “it costs too much.”",
    "“I like the plan,” she told the council, “but it costs too much.”",
])
def test_a_quotation_split_around_its_cue_is_one_relation(analyser: AttributionAnalyser,
                                                          text: str) -> None:
    found = only(analyser.analyse(text))
    assert len(found.parts) == 2
    assert (found.kind, found.speaker.name) == (AttributionKind.DIRECT, "she")


def test_a_dash_sets_off_the_writers_aside(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "The mayor said the bridge would reopen in May — a promise she has made before."))
    assert found.content.text == "the bridge would reopen in May"


def test_an_adverbial_clause_before_a_closing_cue_is_not_its_content(
        analyser: AttributionAnalyser) -> None:
    result = analyser.analyse("When the storm came, the council backed down.")
    assert result.attributions == ()


def test_an_objects_cue_coordinated_with_another_act_keeps_its_object(
        analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse("The senator praised the bill and left the chamber."))
    assert found.content.text == "the bill"


def test_what_a_colon_introduces_spells_out_the_content(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "The mayor said the city faces two problems: the bridge is old and the budget is small."))
    assert found.content.text == (
        "the city faces two problems: the bridge is old and the budget is small")


def test_it_is_the_organisation_named_just_before(analyser: AttributionAnalyser) -> None:
    result = analyser.analyse(
        "The World Health Organization met in Geneva on Monday. It said the outbreak was over.")
    found = only(result)
    assert (found.speaker.name, found.speaker.type) == (
        "World Health Organization", SpeakerType.ORGANISATION)


def test_it_with_an_auxiliary_can_speak(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "The World Health Organization met on Monday. It is urging countries to share vaccines."))
    assert (found.speaker.name, found.content.text) == (
        "World Health Organization", "countries to share vaccines")


def test_a_role_noun_opening_a_sentence_is_no_part_of_the_name(
        analyser: AttributionAnalyser) -> None:
    result = analyser.analyse(
        "Spokeswoman Maria Alvarez said the plant would close. The company, Alvarez said, "
        "had no choice.")
    assert [(a.speaker.name, a.speaker.role) for a in result.attributions] == [
        ("Maria Alvarez", "Spokeswoman"), ("Maria Alvarez", "Spokeswoman")]


def test_a_clause_after_a_semicolon_is_the_writers(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "Officials said the delay was not deliberate; the contractor had only learned of the "
        "fault on Friday."))
    assert found.content.text == "the delay was not deliberate"



def test_a_quotation_that_spells_out_the_clause_before_it_joins_it(
        analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "The mayor argued that the bridge should close, “because nobody can pay for it.”"))
    assert (found.content.text, found.kind) == (
        "that the bridge should close, “because nobody can pay for it.”", AttributionKind.MIXED)


@pytest.mark.parametrize(("text", "parts"), [
    # the parser hangs the cue on the subject noun, not on the verb of the clause
    ("The problem now, she told me on Monday, is that the budget is too small.",
     ["The problem now", "is that the budget is too small"]),
    # and hangs the clause's opening infinitive on the cue
    ("To see the real city, the mayor said, one should walk its streets.",
     ["To see the real city", "one should walk its streets"]),
])
def test_a_cue_set_off_by_commas_inside_its_clause(analyser: AttributionAnalyser, text: str,
                                                   parts: list[str]) -> None:
    found = only(analyser.analyse(text))
    assert [p.text for p in found.parts] == parts
