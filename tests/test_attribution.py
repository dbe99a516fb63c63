"""The attribution analyser on sentences of our own, one pattern at a time."""

from __future__ import annotations

import pytest

from framekit import AttributionAnalyser, AttributionResult
from framekit.analysers.attribution import AttributionKind
from framekit.speakers import SpeakerType
from tests.util import only


@pytest.fixture(scope="module")
def analyser() -> AttributionAnalyser:
    return AttributionAnalyser()


def test_quote_with_cue_after(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse("“We will not give up our land,” Zelensky said."))
    assert found.content.text == "“We will not give up our land,”"
    assert (found.cue.text, found.source and found.source.text) == ("said", "Zelensky")
    assert found.kind is AttributionKind.DIRECT
    assert found.rule == "quote_cue_after"


def test_cue_before_with_that(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse("Chancellor Angela Merkel said that the talks had failed."))
    assert found.content.text == "that the talks had failed"
    assert found.kind is AttributionKind.INDIRECT
    assert (found.speaker.name, found.speaker.role) == ("Angela Merkel", "Chancellor")


def test_quote_over_several_sentences(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "“The war must end. Nobody wants it to go on. We are ready,” the foreign minister, "
        "Maria Lopez, told reporters."))
    assert found.content.text.startswith("“The war must end.")
    assert found.content.text.endswith("We are ready,”")
    assert found.speaker.name == "Maria Lopez"
    assert found.speaker.role == "the foreign minister"


def test_according_to(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "The ceasefire is holding, according to United Nations monitors."))
    assert found.cue.text == "according to"
    assert found.content.text == "The ceasefire is holding"
    assert found.source is not None and found.source.text == "United Nations monitors"


def test_colon_introduces_quote(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "Kremlin spokesman Dmitry Peskov summed up the call: “It was a frank conversation.”"))
    assert found.content.text == "“It was a frank conversation.”"
    assert found.rule == "quote_cue_before"
    assert (found.speaker.name, found.speaker.role) == ("Dmitry Peskov", "Kremlin spokesman")


def test_pronoun_resolves_to_person_named_before(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "Senator Jane Holloway visited Kyiv on Monday. “It was moving,” she wrote on X."))
    assert found.source is not None and found.source.text == "she"
    assert found.speaker.name == "Jane Holloway"
    assert found.speaker.type is SpeakerType.PERSON


def test_title_resolves_to_person_with_that_role(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "President Emmanuel Macron met Olaf Scholz in Berlin. "
        "The French president said the talks were useful."))
    assert found.speaker.name == "Emmanuel Macron"


def test_person_named_in_the_quote_is_not_its_speaker(analyser: AttributionAnalyser) -> None:
    result = analyser.analyse(
        "US President Donald Trump met Russian President Vladimir Putin. "
        "“President Putin is working with us,” the president said.")
    assert only(result).speaker.name == "Donald Trump"


def test_partial_quote_is_mixed(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "Donald Trump met Putin in Alaska. Trump called the meeting “exceptional”."))
    assert found.content.text == "the meeting “exceptional”"
    assert found.kind is AttributionKind.MIXED
    assert found.speaker.name == "Donald Trump"


def test_reported_speech_with_cue_last(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse("The deal is close, Zelensky said on Monday."))
    assert found.content.text == "The deal is close"
    assert found.kind is AttributionKind.INDIRECT


def test_split_quote_has_two_parts(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse("“We are close,” Zelensky said, “but not there yet.”"))
    assert [part.text for part in found.parts] == ["“We are close,”", "“but not there yet.”"]
    assert found.kind is AttributionKind.DIRECT


def test_cue_set_off_by_commas_inside_the_content(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "The agreement, the minister said on Monday, would be signed next week."))
    assert (found.cue.text, found.source and found.source.text) == ("said", "the minister")
    assert [part.text for part in found.parts] == ["The agreement", "would be signed next week"]
    assert found.kind is AttributionKind.INDIRECT


def test_quote_in_the_next_sentence_continues_the_speaker(analyser: AttributionAnalyser) -> None:
    result = analyser.analyse(
        "“We will rebuild,” Mayor Anna Kovac said on Monday. “Every house will stand again.”\n\n"
        "“Nobody is leaving.” The council disagreed.")
    found = only(result)  # one source speaking on after one cue: one relation, three parts
    assert (found.speaker.name, found.rule) == ("Anna Kovac", "quote_cue_after+quote_continued")
    assert [part.text for part in found.parts] == [
        "“We will rebuild,”", "“Every house will stand again.”", "“Nobody is leaving.”"]
    assert found.kind is AttributionKind.DIRECT


def test_a_quote_after_reported_speech_is_a_relation_of_its_own(
        analyser: AttributionAnalyser) -> None:
    result = analyser.analyse(
        "The mayor said the city would recover. “Every house will stand again.”")
    assert [(a.rule, a.kind.value) for a in result.attributions] == [
        ("reported_speech", "indirect"), ("quote_continued", "direct")]


@pytest.mark.parametrize("text", [
    "“We will rebuild,” Anna Kovac said. The council met. “Every house will stand again.”",
    "“We will rebuild,” Anna Kovac said. “Reconstruction” is the council's word for it.",
    "Anna Kovac thinks the city will recover. “Every house will stand again.”",
])
def test_a_quote_after_a_gap_a_label_or_a_thought_has_no_speaker(
        analyser: AttributionAnalyser, text: str) -> None:
    assert [a.rule for a in analyser.analyse(text).attributions
            if a.rule == "quote_continued"] == []


@pytest.mark.parametrize(("sentence", "content"), [
    ("The minister warned that prices would rise.", "that prices would rise"),
    ("The minister noted that prices had risen.", "that prices had risen"),
    ("The minister acknowledged that mistakes were made.", "that mistakes were made"),
    ("Critics accused the government of lying.", "the government of lying"),
    ("Zelensky dismissed the claim as a lie.", "the claim as a lie"),
    ("The minister reiterated that the offer stands.", "that the offer stands"),
    ("The minister vowed to keep fighting.", "to keep fighting"),
    ("Trump described the meeting as terrific.", "the meeting as terrific"),
    ("The minister suggested that talks resume in January.", "that talks resume in January"),
    ("The minister proposed that talks resume in January.", "that talks resume in January"),
    ("The minister emphasized that the offer stands.", "that the offer stands"),
    ("Maria Lopez wrote that the offer stands.", "that the offer stands"),
])
def test_reporting_verbs_beyond_say(analyser: AttributionAnalyser, sentence: str,
                                    content: str) -> None:
    assert only(analyser.analyse(sentence)).content.text == content


def test_the_one_asked_is_not_the_speaker_of_the_question(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse("Asked about the talks, Peskov said that Moscow was ready."))
    assert (found.cue.text, found.content.text) == ("said", "that Moscow was ready")
    smiled = analyser.analyse("Asked whether he would resign, the minister smiled.")
    assert smiled.attributions == ()


def test_the_one_quoted_as_saying_is_the_source(analyser: AttributionAnalyser) -> None:
    found = only(analyser.analyse(
        "Peskov was quoted by Interfax as saying that no meeting was planned."))
    assert (found.source and found.source.text, found.content.text) == (
        "Peskov", "that no meeting was planned")


def test_agreeing_to_act_is_not_speech(analyser: AttributionAnalyser) -> None:
    assert analyser.analyse("Putin will agree to end the war.").attributions == ()


@pytest.mark.parametrize("quote", ["'We want peace,'", '"We want peace,"', "‘We want peace,’"])
def test_straight_and_single_quotation_marks(analyser: AttributionAnalyser, quote: str) -> None:
    found = only(analyser.analyse(f"{quote} the mayor said."))
    assert found.content.text == quote
    assert found.kind is AttributionKind.DIRECT


@pytest.mark.parametrize(("sentence", "content"), [
    ("The Russian president warned Europeans not to interfere, a remark seen as a threat.",
     "Europeans not to interfere"),
    ("The minister said the army had taken the village, a claim Kyiv denied.",
     "the army had taken the village"),
    ("Trump described Putin as “very good” on the plant, which Russia seized in 2022.",
     "Putin as “very good” on the plant"),
])
def test_writer_aside_after_content_is_left_out(analyser: AttributionAnalyser, sentence: str,
                                                content: str) -> None:
    assert only(analyser.analyse(sentence)).content.text == content


@pytest.mark.parametrize(("sentence", "kind", "name"), [
    ("“It is a clear win,” one observer said.", SpeakerType.ANONYMOUS, "one observer"),
    ("Officials in Kyiv said the plan was dead.", SpeakerType.ANONYMOUS, "Officials in Kyiv"),
    ("A senior official said the plan was dead.", SpeakerType.ANONYMOUS, "a senior official"),
    ("Analysts noted that little had changed.", SpeakerType.VAGUE, "Analysts"),
    ("Critics claim the deal is a trap.", SpeakerType.VAGUE, "Critics"),
    ("Some say the war will end soon.", SpeakerType.VAGUE, "Some"),
])
def test_unnamed_sources(analyser: AttributionAnalyser, sentence: str, kind: SpeakerType,
                         name: str) -> None:
    speaker = only(analyser.analyse(sentence)).speaker
    assert (speaker.type, speaker.name) == (kind, name)


def test_pronoun_after_an_unnamed_person_is_that_person(analyser: AttributionAnalyser) -> None:
    result = analyser.analyse(
        "Donald Trump left early. The mayor stayed. “We will rebuild,” she said. "
        "“This city has survived worse,” said the mayor.")
    assert [(a.source and a.source.text, a.speaker.name) for a in result.attributions] == [
        ("she", "the mayor"), ("the mayor", "the mayor")]


@pytest.mark.parametrize(("sentence", "name"), [
    ("According to a report by the World Bank, growth will slow.", "World Bank"),
    ("A statement from the Defence Ministry said the strikes hit military targets.",
     "Defence Ministry"),
])
def test_a_document_speaks_for_whoever_issued_it(analyser: AttributionAnalyser, sentence: str,
                                                  name: str) -> None:
    speaker = only(analyser.analyse(sentence)).speaker
    assert (speaker.name, speaker.type) == (name, SpeakerType.ORGANISATION)


def test_organisation_acronym_joins_its_long_form(analyser: AttributionAnalyser) -> None:
    result = analyser.analyse(
        "The International Atomic Energy Agency inspected the plant. "
        "The IAEA said repairs had begun.")
    speaker = only(result).speaker
    assert (speaker.name, speaker.type) == ("International Atomic Energy Agency",
                                            SpeakerType.ORGANISATION)


@pytest.mark.parametrize("text", [
    "The talks on “Denazification” and the “Coalition of the Will” went nowhere.",
    "Nobody believes in a “review” of the treaty.",
    "Her novel “The Long Night” sold well.",
])
def test_scare_quotes_and_titles_have_no_speaker(analyser: AttributionAnalyser, text: str) -> None:
    assert analyser.analyse(text).attributions == ()


def test_unbalanced_quote_leaves_the_rest_intact(analyser: AttributionAnalyser) -> None:
    text = ("He said “we will win. And then the mayor left.\n\n"
            "Zelensky said: “This is a test.” The minister said that the talks failed.")
    result = analyser.analyse(text)
    contents = [a.content.text for a in result.attributions]
    assert "“This is a test.”" in contents
    assert "that the talks failed" in contents


def test_quotes_by_speaker_and_word_shares(analyser: AttributionAnalyser) -> None:
    result = analyser.analyse(
        "Zelensky arrived late. “We are ready,” Zelensky said. "
        "“We are not,” the Kremlin said. Zelensky added that talks would continue.")
    grouped = result.by_speaker()
    assert list(grouped) == ["Zelensky", "Kremlin"]
    assert len(grouped["Zelensky"]) == 2
    assert result.quoted_words == 6
    assert 0 < result.quoted_share < 1 - result.own_share <= 1


def test_offsets_point_into_the_text(analyser: AttributionAnalyser) -> None:
    text = "“We are close,” he said, “but not there yet.” Analysts noted that little changed."
    for found in analyser.analyse(text).attributions:
        for span in (found.content, found.cue, found.source, *found.parts):
            assert span is not None
            assert text[span.start : span.end] == span.text


def test_result_round_trips_through_json(analyser: AttributionAnalyser) -> None:
    result = analyser.analyse("“We are close,” Zelensky said. Analysts noted that little changed.")
    assert AttributionResult.from_json(result.to_json()) == result
    rows = result.rows()
    assert [row["speaker.name"] for row in rows] == ["Zelensky", "Analysts"]


def test_empty_text_gives_an_empty_result(analyser: AttributionAnalyser) -> None:
    result = analyser.analyse("   ")
    assert (result.attributions, result.words, result.quoted_share) == ((), 0, 0.0)


def test_name_tagged_as_a_common_word_is_still_its_person(analyser: AttributionAnalyser) -> None:
    # the small model tags *Trump* in "listened to Trump describe" as an auxiliary
    text = ("Presidents Donald Trump and Volodymyr Zelensky met on Sunday. The Ukrainian "
            "president shifted uncomfortably as he listened to Trump describe Putin as “very "
            "good” on the plant. “President Putin is working with Ukraine,” the US president said.")
    found = analyser.analyse(text).attributions
    assert [(a.source and a.source.text, a.speaker.name) for a in found] == [
        ("Trump", "Donald Trump"), ("the US president", "Donald Trump")]
