from __future__ import annotations

from pathlib import Path

import pytest

import framekit
from framekit import FramingAnalyser, FramingResult, LexiconError
from framekit.analysers.framing import Device, fit_thresholds
from framekit.analysers.hedging import Voice
from framekit.frames import FrameScheme
from framekit.pipeline import Pipeline


@pytest.fixture(scope="module")
def analyser() -> FramingAnalyser:
    return FramingAnalyser()


def devices(result: FramingResult, category: Device) -> list[str]:
    return [cue.text for cue in result.of_category(category)]


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        ("The regime’s brutal onslaught ended in a horrific massacre.",
         Device.LOADED_LANGUAGE, ["brutal", "onslaught", "horrific"]),
        ("Critics call the probe a witch hunt, a blatant smear by crazy zealots.",
         Device.LOADED_LANGUAGE, ["witch hunt", "blatant", "smear", "crazy"]),
        ("Critics accuse the West of trying to placate Moscow.",
         Device.LOADED_LANGUAGE, ["placate"]),
        ("The regime’s brutal onslaught ended in a horrific massacre.",
         Device.NAME_CALLING, ["regime"]),
        ("Protesters branded the general a dictator and a warmonger.",
         Device.NAME_CALLING, ["dictator", "warmonger"]),
        ("It was an extremely awkward and very painful meeting.",
         Device.INTENSIFIER, ["extremely", "very"]),
        ("It was an extremely awkward and very painful meeting.",
         Device.EVALUATIVE, ["awkward", "painful"]),
        ("Unsurprisingly, the summit ended in a stunning failure.",
         Device.EVALUATIVE, ["Unsurprisingly", "stunning"]),
    ],
)
def test_device_cues(analyser: FramingAnalyser, text: str, category: Device,
                     expected: list[str]) -> None:
    assert devices(analyser.analyse(text), category) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks became a tug of war, then a diplomatic merry-go-round.",
         [("tug of war", "sport"), ("merry-go-round", "motion")]),
        ("Putin was given a red-carpet welcome on the world stage.",
         [("red-carpet", "theatre"), ("world stage", "theatre")]),
        ("The remark could drive a wedge between the allies.", [("drive a wedge", "structure")]),
        ("Kyiv fears becoming a bargaining chip in a zero-sum game.",
         [("bargaining chip", "game"), ("zero-sum", "game"), ("game", "game")]),
        ("The summit amounted to a clear win for Moscow.", [("win", "sport")]),
    ],
)
def test_metaphors_with_their_domain(analyser: FramingAnalyser, text: str,
                                     expected: list[tuple[str, str]]) -> None:
    result = analyser.analyse(text)
    assert [(c.text, c.detail) for c in result.of_category(Device.METAPHOR)] == expected


def test_literal_uses_are_not_metaphors(analyser: FramingAnalyser) -> None:
    result = analyser.analyse("The soldiers walked down the road past the theatre box office.")
    assert devices(result, Device.METAPHOR) == []


def test_scare_quotes_are_short_quotations_without_a_speaker(analyser: FramingAnalyser) -> None:
    result = analyser.analyse(
        "Moscow is planning a “review” of its position. “We are close to a deal,” the minister "
        "said. Trump called the talks “exceptional”. The sign read “We will never give up our "
        "land to anyone, not now and not ever”.")
    assert devices(result, Device.SCARE_QUOTES) == ["review"]
    assert result.of_category(Device.SCARE_QUOTES)[0].voice is Voice.AUTHOR


def test_scare_quote_span_leaves_out_closing_punctuation(analyser: FramingAnalyser) -> None:
    text = "His demands are “Denazification,” and a “new security architecture.”"
    cues = analyser.analyse(text).of_category(Device.SCARE_QUOTES)
    assert [c.text for c in cues] == ["Denazification", "new security architecture"]
    assert all(text[c.start:c.end] == c.text for c in cues)


def test_scare_quote_length_is_tunable() -> None:
    text = "They promised a “fair and lasting settlement”."
    assert devices(FramingAnalyser().analyse(text), Device.SCARE_QUOTES) == [
        "fair and lasting settlement"]
    assert devices(FramingAnalyser(scare_quote_words=3).analyse(text), Device.SCARE_QUOTES) == []


def test_naming_reports_the_variants_used(analyser: FramingAnalyser) -> None:
    result = analyser.analyse(
        "Strikes hit Kiev overnight. “Kyiv will not give in,” the mayor said. Moscow calls the "
        "invasion a special military operation and the fighting in Donbass goes on.")
    choices = {choice.group: choice for choice in result.naming}
    assert choices["kyiv_kiev"].used == ("Kiev", "Kyiv")
    assert choices["kyiv_kiev"].own_voice == ("Kiev",)
    assert dict(choices["kyiv_kiev"].counts) == {"Kiev": 1, "Kyiv": 1}
    assert choices["war_name"].used == ("invasion", "special military operation")
    assert choices["donbas_donbass"].used == ("Donbass",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The regime hit back, but talk of regime change grew.", ["regime"]),
        ("He is not a dictator, she said, but his rival is a tyrant.", ["tyrant"]),
        ("The criminal justice bill passed; the criminal fled.", ["criminal"]),
    ],
)
def test_labels_in_neutral_terms_or_negated_are_no_name_calling(
        analyser: FramingAnalyser, text: str, expected: list[str]) -> None:
    assert devices(analyser.analyse(text), Device.NAME_CALLING) == expected


def test_regime_label_is_a_naming_variant_and_name_calling(analyser: FramingAnalyser) -> None:
    result = analyser.analyse("It is time for the Ukrainian regime to decide.")
    assert [c.detail for c in result.of_category(Device.NAMING)] == ["the Ukrainian regime"]
    assert devices(result, Device.NAME_CALLING) == ["regime"]
    neutral = analyser.analyse("It is time for the Ukrainian government to decide.")
    assert [c.detail for c in neutral.of_category(Device.NAMING)] == ["the Ukrainian government"]
    assert devices(neutral, Device.NAME_CALLING) == []


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ("Both sides rejected the deal and accused each other of provocation.", "conflict"),
        ("A grieving mother held her child’s photo; the family is devastated.",
         "human_interest"),
        ("Sanctions cost the economy billions of dollars and thousands of jobs.",
         "economic_consequences"),
        ("It is morally wrong, a betrayal of decency and a sin before God.", "morality"),
        ("The government is responsible and must urgently find a solution.", "responsibility"),
    ],
)
def test_generic_frames(analyser: FramingAnalyser, text: str, frame: str) -> None:
    result = analyser.analyse(text)
    assert result.dominant == (frame,)
    assert result.frame(frame).present


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ("Troops and missiles massed at the border as NATO warned of an attack.",
         "security_and_defense"),
        ("The court ruled that the law was unconstitutional and illegal.",
         "legality_constitutionality_and_jurisprudence"),
        ("A new poll shows voters back the protest; public opinion has shifted.",
         "public_opinion"),
        ("Hospitals reported injuries and deaths as the disease spread.", "health_and_safety"),
    ],
)
def test_policy_frames(text: str, frame: str) -> None:
    result = FramingAnalyser("policy").analyse(text)
    assert result.scheme == "policy"
    assert result.dominant[0] == frame


def test_policy_scheme_has_the_fifteen_codebook_frames() -> None:
    assert FrameScheme.load("policy").names == (
        "economic", "capacity_and_resources", "morality", "fairness_and_equality",
        "legality_constitutionality_and_jurisprudence", "policy_prescription_and_evaluation",
        "crime_and_punishment", "security_and_defense", "health_and_safety", "quality_of_life",
        "cultural_identity", "public_opinion", "political", "external_regulation_and_reputation",
        "other")


def test_generic_scheme_has_the_five_news_frames() -> None:
    assert FrameScheme.load("generic").names == (
        "conflict", "human_interest", "economic_consequences", "morality", "responsibility")


def test_one_repeated_word_does_not_make_a_frame(analyser: FramingAnalyser) -> None:
    text = "The war, the war, the war goes on."
    result = analyser.analyse(text)
    assert result.frame("conflict").score == pytest.approx(100 * 3 / 8)
    assert not result.frame("conflict").present
    assert FramingAnalyser(min_distinct=1).analyse(text).present == ("conflict",)


def test_threshold_is_tunable() -> None:
    text = ("The delegates met in a large hall in the capital on Tuesday morning to discuss "
            "the agenda for the coming months, and they rejected the draft and disputed it.")
    assert FramingAnalyser().analyse(text).frame("conflict").present
    assert not FramingAnalyser(threshold=20).analyse(text).frame("conflict").present


def test_intensifiers_and_evaluative_words_alone_make_no_frame(analyser: FramingAnalyser) -> None:
    result = analyser.analyse("It was an extremely bizarre, very awkward and truly great meeting.")
    assert result.of_category(Device.INTENSIFIER)
    assert result.frame("human_interest").cues == ()
    assert not result.frame("human_interest").present


def test_device_cues_answer_the_question_that_names_them(analyser: FramingAnalyser) -> None:
    result = analyser.analyse("Protesters called the minister a thug and a puppet.")
    frame = result.frame("conflict")
    reproach = {answer.question: answer for answer in frame.answers}["C2"]
    assert [(c.text, c.device) for c in reproach.cues] == [
        ("thug", Device.NAME_CALLING), ("puppet", Device.NAME_CALLING)]
    assert reproach.yes
    assert frame.score == pytest.approx(100 * (0.5 + 0.5) / result.words)


def test_generic_frames_ask_semetko_and_valkenburgs_twenty_questions() -> None:
    scheme = FrameScheme.load("generic")
    assert {frame.name: len(frame.questions) for frame in scheme.frames} == {
        "conflict": 4, "human_interest": 5, "economic_consequences": 3, "morality": 3,
        "responsibility": 5}
    asked = {q.id for frame in scheme.frames for q in frame.questions}
    assert {str(entry.data["question"]) for entry in scheme.lexicon} <= asked


def test_policy_frames_ask_codebook_questions_and_every_cue_answers_its_frames() -> None:
    scheme = FrameScheme.load("policy")
    asked = {frame.name: {q.id for q in frame.questions} for frame in scheme.frames}
    assert all(len(ids) >= 2 for name, ids in asked.items() if name != "other")
    assert len(asked["other"]) == 1
    for entry in scheme.lexicon:
        assert str(entry.data["question"]) in asked[entry.category], entry.id


def test_policy_answers_separate_courts_from_laws_and_jurisdiction() -> None:
    frame = FramingAnalyser("policy").analyse(
        "A judge ruled that the decree breached the constitution, and the lawyers said "
        "they would sue again.").frame("legality_constitutionality_and_jurisprudence")
    answers = {answer.question: answer for answer in frame.answers}
    assert frame.yes == ("LE1", "LE2", "LE3")
    assert [c.text for c in answers["LE3"].cues] == ["judge", "lawyers", "sue"]
    assert [c.text for c in answers["LE2"].cues] == ["constitution"]
    assert "court" in answers["LE3"].text


def test_answers_show_which_questions_fired_and_why(analyser: FramingAnalyser) -> None:
    result = analyser.analyse(
        "The government must act now: lawmakers will pass a plan to tackle the flooding "
        "before it is too late.")
    frame = result.frame("responsibility")
    answers = {answer.question: answer for answer in frame.answers}
    assert frame.yes == ("R1", "R3", "R5")
    assert [c.text for c in answers["R5"].cues] == ["act now", "too late"]
    assert "solution" in answers["R3"].text
    assert not answers["R4"].yes and answers["R4"].cues == ()
    assert frame.present


def test_a_person_by_age_is_a_human_face(analyser: FramingAnalyser) -> None:
    frame = analyser.analyse(
        "Maria Lopez, a 38-year-old teacher, lost her home and her family is devastated."
    ).frame("human_interest")
    assert {"H1", "H2", "H3"} <= set(frame.yes)
    assert frame.present


def test_fit_thresholds_learns_each_frames_decision(analyser: FramingAnalyser) -> None:
    texts = ["Both sides rejected the deal and accused each other of lying.",
             "Rivals clashed and traded accusations; the dispute deepened.",
             "The bakery opened at nine and sold bread all day.",
             "The talks went on; one delegate disagreed, then all agreed."]
    results = [analyser.analyse(text) for text in texts]
    thresholds = fit_thresholds(results, [{"conflict"}, {"conflict"}, set(), set()])
    assert set(thresholds) == set(FrameScheme.load("generic").names)
    calibrated = FramingAnalyser(threshold=thresholds)
    assert [calibrated.analyse(t).frame("conflict").present for t in texts] == [
        True, True, False, False]
    with pytest.raises(ValueError, match="one coding per result"):
        fit_thresholds(results, [{"conflict"}])


def test_shipped_thresholds_are_the_schemes_and_can_be_overridden() -> None:
    scheme = FrameScheme.load("generic")
    assert all(frame.threshold is not None for frame in scheme.frames)
    morality = next(f for f in scheme.frames if f.name == "morality")
    assert FramingAnalyser().threshold_of(morality) == morality.threshold
    assert FramingAnalyser(threshold=9.0).threshold_of(morality) == 9.0
    assert FramingAnalyser(threshold={"conflict": 2.0}).threshold_of(morality) == \
        morality.threshold
    raised = FramingAnalyser(scheme.with_thresholds({"morality": 60.0}))
    assert not raised.analyse("It is morally wrong, a sin before God.").frame(
        "morality").present


def test_scheme_can_be_extended_and_replaced() -> None:
    generic = FrameScheme.load("generic")
    text = "The ministers sparred and bickered all day."
    assert FramingAnalyser(generic).analyse(text).present == ()
    extended = generic.extend([
        {"id": "conflict/spar", "category": "conflict", "lemma": "spar"},
        {"id": "conflict/bicker", "category": "conflict", "lemma": "bicker"}])
    assert FramingAnalyser(extended).analyse(text).present == ("conflict",)
    mine = FrameScheme.build("gossip", [{"name": "gossip"}],
                             [{"id": "bicker", "category": "gossip", "lemma": "bicker"},
                              {"id": "spar", "category": "gossip", "lemma": "spar"}])
    result = FramingAnalyser(mine).analyse(text)
    assert (result.scheme, result.present) == ("gossip", ("gossip",))


def test_scheme_rejects_cues_for_unknown_frames() -> None:
    with pytest.raises(LexiconError, match="does not define"):
        FrameScheme.build("bad", [{"name": "a"}], [{"id": "x", "category": "b", "lemma": "x"}])
    with pytest.raises(LexiconError, match="no frame scheme"):
        FrameScheme.load("no-such-scheme")


def test_scheme_loads_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text('{"frames": [{"name": "blame"}], "entries": '
                    '[{"id": "blame", "category": "blame", "lemma": "blame"}]}')
    assert FrameScheme.load(path).names == ("blame",)


def test_result_round_trips_and_is_on_the_report() -> None:
    report = framekit.analyse("Both sides rejected the “review” in Kiev.")
    assert report.framing.present == ("conflict",)
    assert FramingResult.from_json(report.framing.to_json()) == report.framing
    assert report.framing.summary()["by_category.scare_quotes"] == 1


# -- the example articles ---------------------------------------------------------------


@pytest.fixture(scope="module")
def reports(articles: dict[str, str]) -> dict[str, framekit.Report]:
    pipeline = Pipeline(["framing"])
    return {name: pipeline.analyse(text) for name, text in articles.items()}


@pytest.mark.slow
def test_conflict_frame_is_present_in_every_article(reports: dict[str, framekit.Report]) -> None:
    for report in reports.values():
        assert report.framing.frame("conflict").present


@pytest.mark.slow
def test_mar_a_lago_metaphors_and_naming(reports: dict[str, framekit.Report]) -> None:
    framing = reports["mar-a-lago-meeting.txt"].framing
    metaphors = devices(framing, Device.METAPHOR)
    assert "tug of war" in metaphors
    assert "merry-go-round" in metaphors
    naming = {choice.group: choice for choice in framing.naming}
    assert set(naming["kyiv_kiev"].used) == {"Kiev", "Kyiv"}


@pytest.mark.slow
def test_alaska_uses_kyiv_alone(reports: dict[str, framekit.Report]) -> None:
    naming = {choice.group: choice for choice in reports["alaska-summit.txt"].framing.naming}
    assert naming["kyiv_kiev"].used == ("Kyiv",)


@pytest.mark.slow
def test_peace_talks_scare_quotes(reports: dict[str, framekit.Report]) -> None:
    scare = devices(reports["peace-talks-column.txt"].framing, Device.SCARE_QUOTES)
    assert {"Denazification", "demilitarization", "new security architecture"} <= set(scare)


@pytest.mark.slow
def test_quotations_with_a_speaker_are_never_scare_quotes(
        reports: dict[str, framekit.Report]) -> None:
    for report in reports.values():
        spoken = [part for a in report.attribution.attributions
                  for part in (a.content, *a.parts)]
        for cue in report.framing.of_category(Device.SCARE_QUOTES):
            assert not any(cue.start < s.end and s.start < cue.end for s in spoken), cue.text
    mar_a_lago = devices(reports["mar-a-lago-meeting.txt"].framing, Device.SCARE_QUOTES)
    assert "exceptional" not in mar_a_lago
    assert "another lie" not in mar_a_lago


@pytest.mark.slow
def test_cue_offsets_point_into_the_text(reports: dict[str, framekit.Report]) -> None:
    for report in reports.values():
        for cue in report.framing.cues:
            assert report.text[cue.start:cue.end] == cue.text
        for frame in report.framing.frames:
            for frame_cue in frame.cues:
                assert report.text[frame_cue.start:frame_cue.end] == frame_cue.text
