from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest
from spacy.language import Language

import framekit
from framekit import LexiconError, OptionalDependencyError, Report
from framekit.analysers.attribution import Attribution, AttributionKind, AttributionResult
from framekit.analysers.balance import (
    BalanceBasis,
    SourceBalanceAnalyser,
    SourceBalanceResult,
    balance_table,
)
from framekit.article import Article
from framekit.diversity import evenness, gini
from framekit.gender import Gender, NameGender
from framekit.grouping import Grouping, GroupMatcher, MatchKind
from framekit.spans import TextSpan
from framekit.speakers import Speaker, SpeakerType
from tests.conftest import ROOT

SIDES = ROOT / "examples" / "sides.json"

# -- a synthetic article, with its attributions written by hand ------------------
TEXT = ("“We will not give up,” Petro Bondar said. Officials in Kyiv said that talks "
        "failed. Olga Ivanova warned the front “is holding”. “Never,” Bondar added. "
        "Analysts said war goes on.")
BONDAR = Speaker("Petro Bondar", SpeakerType.PERSON, "commander")
IVANOVA = Speaker("Olga Ivanova", SpeakerType.PERSON)
KYIV = Speaker("Officials in Kyiv", SpeakerType.ANONYMOUS)
ANALYSTS = Speaker("Analysts", SpeakerType.VAGUE)
GROUPING = Grouping.from_dict({
    "Ukraine": {"names": ["Petro Bondar"], "cues": ["Kyiv"]},
    "Russia": {"names": ["Olga Ivanova"]},
    "Europe": {"cues": ["Brussels"]},
})


def span(text: str, after: int = 0) -> TextSpan:
    start = TEXT.index(text, after)
    return TextSpan.of_text(TEXT, start, start + len(text))


def attribution(sentence: str, content: str, cue: str, source: str, kind: AttributionKind,
                speaker: Speaker) -> Attribution:
    """An attribution in the sentence that starts with ``sentence``."""
    at = TEXT.index(sentence)
    return Attribution(span(content, at), (span(content, at),), span(cue, at), span(source, at),
                       kind, speaker, "by hand", 1.0)


HAND_MADE = (
    attribution("“We", "“We will not give up,”", "said", "Petro Bondar", AttributionKind.DIRECT,
                BONDAR),
    attribution("Officials", "talks failed", "said", "Officials in Kyiv",
                AttributionKind.INDIRECT, KYIV),
    attribution("Olga", "the front “is holding”", "warned", "Olga Ivanova", AttributionKind.MIXED,
                IVANOVA),
    attribution("“Never", "“Never,”", "added", "Bondar", AttributionKind.DIRECT, BONDAR),
    attribution("Analysts", "war goes on", "said", "Analysts", AttributionKind.INDIRECT,
                ANALYSTS),
)
# Words attributed: Bondar 5 + 1 (all quoted), Kyiv 2, Ivanova 4 (2 quoted), Analysts 3.


@pytest.fixture(scope="module")
def article(nlp: Language) -> Article:
    return Article(nlp(TEXT))


def _HAND_CODED(name: str) -> Gender:  # noqa: N802 - any callable is an estimate
    return {"Petro Bondar": Gender.MALE, "Olga Ivanova": Gender.FEMALE}.get(name, Gender.UNKNOWN)


@pytest.fixture(scope="module")
def hand_made(article: Article) -> AttributionResult:
    return AttributionResult(HAND_MADE, words=article.words, quoted_words=8, attributed_words=15)


def measure(article: Article, attributions: AttributionResult,
            analyser: SourceBalanceAnalyser | None = None) -> SourceBalanceResult:
    analyser = analyser or SourceBalanceAnalyser(GROUPING, gender=_HAND_CODED)
    return analyser.run(article, {"attribution": attributions})


def test_hand_made_spans_are_right() -> None:
    assert [a.content.text for a in HAND_MADE] == [
        "“We will not give up,”", "talks failed", "the front “is holding”", "“Never,”",
        "war goes on"]
    assert [a.source.text for a in HAND_MADE if a.source] == [
        "Petro Bondar", "Officials in Kyiv", "Olga Ivanova", "Bondar", "Analysts"]
    assert [a.cue.start for a in HAND_MADE] == [
        TEXT.index("said"), TEXT.index("said that"), TEXT.index("warned"), TEXT.index("added"),
        TEXT.index("said war")]


def test_sources_per_speaker(article: Article, hand_made: AttributionResult) -> None:
    result = measure(article, hand_made)
    assert [s.name for s in result.sources] == [
        "Petro Bondar", "Officials in Kyiv", "Olga Ivanova", "Analysts"]
    bondar = result.source("Petro Bondar")
    assert (bondar.attributions, bondar.words, bondar.quoted_words) == (2, 6, 6)
    assert bondar.share == pytest.approx(6 / 15)
    assert (bondar.first, bondar.position, bondar.quoted) == (0, 0.0, True)
    assert (bondar.text, bondar.role, bondar.group) == ("Petro Bondar", "commander", "Ukraine")
    ivanova = result.source("Olga Ivanova")
    assert (ivanova.words, ivanova.quoted_words, ivanova.quoted) == (4, 2, True)
    kyiv = result.source("Officials in Kyiv")
    assert (kyiv.words, kyiv.quoted_words, kyiv.quoted, kyiv.group) == (2, 0, False, "Ukraine")
    analysts = result.source("Analysts")
    assert analysts.position == pytest.approx(TEXT.index("Analysts") / len(TEXT))
    assert analysts.group is None and analysts.gender is None
    with pytest.raises(KeyError, match="no source named 'Bondar'"):
        result.source("Bondar")


def test_article_figures(article: Article, hand_made: AttributionResult) -> None:
    result = measure(article, hand_made)
    assert (result.source_count, result.attributions) == (4, 5)
    assert (result.named_share, result.anonymous_share, result.vague_share) == (0.6, 0.2, 0.2)
    assert (result.direct_share, result.mixed_share, result.indirect_share) == (0.4, 0.2, 0.4)
    assert result.attributed_share == pytest.approx(15 / article.words)
    assert result.own_share == pytest.approx(1 - 15 / article.words)
    assert result.quoted_share == pytest.approx(8 / article.words)
    person = result.by_type[SpeakerType.PERSON]
    assert (person.sources, person.attributions, person.words, person.quoted_words) == (2, 3, 10, 8)
    assert person.word_share == pytest.approx(10 / 15)
    assert result.by_type[SpeakerType.ORGANISATION].sources == 0


def test_group_shares_and_indices(article: Article, hand_made: AttributionResult) -> None:
    result = measure(article, hand_made)
    assert list(result.groups) == ["Ukraine", "Russia", "Europe"]
    ukraine, russia, europe = result.groups.values()
    assert (ukraine.sources, ukraine.attributions, ukraine.words, ukraine.quoted_words) == (
        2, 3, 8, 6)
    assert (ukraine.source_share, ukraine.attribution_share, ukraine.quoted_word_share) == (
        0.5, 0.6, 0.75)
    assert ukraine.word_share == pytest.approx(8 / 15)
    assert (russia.source_share, russia.attribution_share, russia.quoted_word_share) == (
        0.25, 0.2, 0.25)
    assert europe.sources == europe.attributions == 0 and europe.attribution_share == 0.0
    assert result.unassigned == ("Analysts",)
    # attributions per group: 3, 1, 0 (the unassigned are left out)
    assert result.basis == BalanceBasis.ATTRIBUTIONS
    assert result.evenness == pytest.approx(
        (0.75 * math.log(1 / 0.75) + 0.25 * math.log(1 / 0.25)) / math.log(3))
    assert result.gini == pytest.approx((2 + 3 + 1) * 2 / (2 * 3 * 4))


def test_indices_on_another_basis(article: Article, hand_made: AttributionResult) -> None:
    result = measure(article, hand_made, SourceBalanceAnalyser(GROUPING, basis="words"))
    # words per group: 8, 4, 0
    assert result.evenness == pytest.approx(
        (2 / 3 * math.log(3 / 2) + 1 / 3 * math.log(3)) / math.log(3))
    assert result.gini == pytest.approx((4 + 8 + 4) * 2 / (2 * 3 * 12))
    with pytest.raises(ValueError, match="'pages'"):
        SourceBalanceAnalyser(basis="pages")


def test_no_grouping_or_one_group_has_no_index(article: Article,
                                               hand_made: AttributionResult) -> None:
    plain = measure(article, hand_made, SourceBalanceAnalyser())
    assert plain.groups == {} and plain.unassigned == ()
    assert plain.evenness is None and plain.gini is None
    assert all(s.group is None and s.gender is None for s in plain.sources)
    assert plain.by_gender == {} and plain.female_share is None
    one = measure(article, hand_made, SourceBalanceAnalyser(
        Grouping({"Ukraine": GroupMatcher(cues=["Kyiv"])})))
    assert one.groups["Ukraine"].sources == 1
    assert one.evenness is None and one.gini is None


def test_gender_shares(article: Article, hand_made: AttributionResult) -> None:
    result = measure(article, hand_made)
    assert result.source("Petro Bondar").gender == Gender.MALE
    assert result.source("Olga Ivanova").gender == Gender.FEMALE
    female = result.by_gender[Gender.FEMALE]
    assert (female.sources, female.source_share, female.attribution_share) == (1, 0.5, 1 / 3)
    assert result.by_gender[Gender.UNKNOWN].sources == 0
    assert result.female_share == 0.5


def test_empty_attribution(article: Article) -> None:
    result = measure(article, AttributionResult((), article.words, 0, 0))
    assert (result.sources, result.source_count, result.named_share) == ((), 0, 0.0)
    assert result.own_share == 1.0
    assert result.evenness is None and result.female_share is None
    assert all(shares.source_share == 0.0 for shares in result.groups.values())


def test_result_round_trips(article: Article, hand_made: AttributionResult) -> None:
    result = measure(article, hand_made)
    assert SourceBalanceResult.from_json(result.to_json()) == result
    summary = result.summary()
    assert summary["groups.Ukraine.attribution_share"] == 0.6
    assert summary["by_gender.female.sources"] == 1
    assert summary["unassigned"] == '["Analysts"]'
    rows = result.rows()
    assert [row["name"] for row in rows] == [s.name for s in result.sources]
    assert rows[0]["evidence"] == "sources" and rows[0]["type"] == "person"


# -- the indices ---------------------------------------------------------------------
def test_indices_bounds() -> None:
    assert evenness([1, 1, 1, 1]) == pytest.approx(1.0)
    assert gini([1, 1, 1, 1]) == 0.0
    assert evenness([7, 0, 0, 0, 0]) == 0.0
    assert gini([7, 0, 0, 0, 0]) == pytest.approx(4 / 5)
    assert evenness([]) is None and gini([]) is None
    with pytest.raises(ValueError, match="negative"):
        gini([1, -1])


# -- groupings -----------------------------------------------------------------------
def test_more_specific_match_wins_and_first_group_on_ties() -> None:
    grouping = Grouping.from_dict({
        "Ukraine": {"cues": ["Ukraine", "Kyiv"]},
        "experts": {"roles": ["think tank"]},
        "Kyiv city": {"cues": ["Kyiv"]},
        "people": {"names": ["Orysia Lutsevych"]},
    })
    role = "head of the Ukraine Forum at the Chatham House think tank"
    assert grouping.assign("Someone", roles=[role]) == "experts"
    assert grouping.assign("Orysia Lutsevych", roles=[role]) == "people"
    assert grouping.assign("officials in Kyiv") == "Ukraine"
    assert grouping.assign("a source", mentions=["a source in Kyiv"]) == "Ukraine"


def test_matching_is_by_whole_words_and_capitals_for_acronyms() -> None:
    us = GroupMatcher(cues=["US", "White House"], fragments=["Trump"])
    assert us.match("Trump administration") == MatchKind.FRAGMENT
    assert us.match("an aide", roles=["white  house aide"]) == MatchKind.CUE
    assert us.match("an aide", roles=["US envoy"]) == MatchKind.CUE
    assert us.match("those who told us") is None
    assert us.match("Trumpington") is None
    assert GroupMatcher(cues=["Putin"]).match("x", roles=["Putin’s spokesman"]) == MatchKind.CUE


def test_grouping_from_bad_data() -> None:
    with pytest.raises(LexiconError, match="unknown group matcher keys"):
        Grouping.from_dict({"Russia": {"nouns": ["Kremlin"]}})
    with pytest.raises(LexiconError, match="must be a list of strings"):
        Grouping.from_dict({"Russia": {"cues": "Kremlin"}})
    with pytest.raises(LexiconError, match="maps each group name"):
        Grouping.from_dict({"Russia": ["Kremlin"]})
    with pytest.raises(TypeError, match="got the string"):
        GroupMatcher(cues="Kremlin")


def test_sides_grouping_loads(tmp_path: Path) -> None:
    sides = Grouping.load(SIDES)
    assert sides.names == ("United States", "Russia", "Ukraine",
                           "Europe and international bodies", "independent experts")
    assert "Russia–Ukraine" in sides.about
    copy = tmp_path / "plain.json"
    copy.write_text(json.dumps(json.loads(SIDES.read_text(encoding="utf-8"))["groups"]),
                    encoding="utf-8")
    assert Grouping.load(copy).groups == sides.groups
    assert sides.assign("a spokesman", roles=["Kremlin spokesman"]) == "Russia"
    assert sides.assign("Boris Bondarev", roles=["Former Russian diplomat"]) == (
        "independent experts")
    assert sides.assign("a source", mentions=["a source close to Moscow"]) == "Russia"


# -- gender --------------------------------------------------------------------------
def test_name_gender() -> None:
    estimate = NameGender()
    assert estimate("Kaja Kallas") == Gender.FEMALE
    assert estimate("Volodymyr Zelensky") == Gender.MALE
    assert estimate("Zelensky") == Gender.UNKNOWN  # no given name
    assert estimate("Sasha Petrenko") == Gender.UNKNOWN  # used for both
    assert NameGender({"Sasha": "female"})("Sasha Petrenko") == Gender.FEMALE
    assert NameGender({"Kaja": Gender.UNKNOWN})("Kaja Kallas") == Gender.UNKNOWN


def test_name_gender_needs_its_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nomquamgender", None)  # as if not installed
    with pytest.raises(OptionalDependencyError, match=r"framekit\[gender\]"):
        NameGender()


# -- end to end on sentences -----------------------------------------------------------
def test_one_source_under_several_mentions() -> None:
    result = SourceBalanceAnalyser(Grouping.load(SIDES)).analyse(
        "Kremlin spokesman Dmitry Peskov said that talks would resume. “We are ready,” Peskov "
        "said. The Kremlin spokesman added that Moscow wanted guarantees. Officials in Kyiv "
        "said that nothing had changed.")
    assert [(s.name, s.type, s.group) for s in result.sources] == [
        ("Dmitry Peskov", SpeakerType.PERSON, "Russia"),
        ("Officials in Kyiv", SpeakerType.ANONYMOUS, "Ukraine")]
    peskov = result.sources[0]
    assert (peskov.attributions, peskov.words, peskov.quoted_words) == (3, 11, 3)
    assert result.groups["Russia"].attribution_share == 0.75
    # attributions per group: 0, 3, 1, 0, 0; |x_i - x_j| over unordered pairs sums to 14
    assert result.gini == pytest.approx(2 * (3 * 3 + 1 * 3 + (3 - 1)) / (2 * 5 * 4))


def test_report_property_and_registry() -> None:
    report = framekit.analyse("Analysts said that the talks failed.")
    assert "balance" in framekit.registry.default_names()
    assert report.balance.sources[0].type == SpeakerType.VAGUE
    assert report.balance.sources[0].gender is None and report.balance.by_gender == {}
    assert report.balance.vague_share == 1.0
    assert Report.from_json(report.to_json()).balance == report.balance


def test_balance_table(article: Article, hand_made: AttributionResult) -> None:
    result = measure(article, hand_made)
    table = balance_table([result, result], ["a", "b"], share="quoted_word_share")
    assert list(table.columns) == ["Ukraine", "Russia", "Europe", "unassigned", "evenness",
                                   "gini"]
    assert list(table.index) == ["a", "b"]
    assert table.loc["a", "Ukraine"] == 0.75 and table.loc["b", "unassigned"] == 0.0
    assert table.loc["a", "gini"] == pytest.approx(gini([6, 2, 0]))
    full = balance_table([result])
    assert full.loc[0, "source_count"] == 4 and full.loc[0, "groups.Russia.sources"] == 1


def test_balance_table_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'framekit\[pandas\]'"):
        balance_table([])


# -- the example articles ----------------------------------------------------------------
@pytest.fixture(scope="module")
def reports(articles: dict[str, str]) -> dict[str, Report]:
    pipeline = framekit.Pipeline([SourceBalanceAnalyser(Grouping.load(SIDES))])
    return {name: pipeline.analyse(text) for name, text in articles.items()}


MAR_A_LAGO = {
    "Donald Trump": "United States",
    "Volodymyr Zelensky": "Ukraine",
    "Dmitry Peskov": "Russia",
    "Yuri Ushakov": "Russia",
    "Sergei Lavrov": "Russia",
    "Rafael Grossi": "Europe and international bodies",
    "International Atomic Energy Agency": "Europe and international bodies",
    "Orysia Lutsevych": "independent experts",
    "Boris Bondarev": "independent experts",
}


@pytest.mark.slow
def test_mar_a_lago_sources_each_once(reports: dict[str, Report]) -> None:
    balance = reports["mar-a-lago-meeting.txt"].balance
    names = [s.name for s in balance.sources]
    for name, group in MAR_A_LAGO.items():
        assert names.count(name) == 1, name
        assert balance.source(name).group == group, name
    split = {"Trump", "Zelensky", "Peskov", "Ushakov", "Lavrov", "Grossi", "IAEA",
             "the US president", "US president", "Lutsevych", "Bondarev", "he"}
    assert not split & set(names)
    assert balance.source("Boris Bondarev").type == SpeakerType.PERSON
    assert balance.source("International Atomic Energy Agency").type == (
        SpeakerType.ORGANISATION)
    assert balance.unassigned == ()


@pytest.mark.slow
def test_mar_a_lago_us_president_is_trump(reports: dict[str, Report]) -> None:
    attributions = reports["mar-a-lago-meeting.txt"].attribution.attributions
    described = [a for a in attributions if a.source and a.source.text == "the US president"]
    assert described
    assert {a.speaker.name for a in described} == {"Donald Trump"}


@pytest.mark.slow
def test_alaska_unnamed_sources(reports: dict[str, Report]) -> None:
    balance = reports["alaska-summit.txt"].balance
    types = {s.name.casefold(): s.type for s in balance.sources}
    assert types["one observer"] == SpeakerType.ANONYMOUS
    assert types["officials in kyiv"] == SpeakerType.ANONYMOUS
    assert types["analysts"] == SpeakerType.VAGUE
    assert balance.source("officials in Kyiv").group == "Ukraine"
    assert balance.source("Analysts").group == "independent experts"
    assert balance.anonymous_share > 0 and balance.vague_share > 0


@pytest.mark.slow
def test_group_shares_of_the_three_articles(reports: dict[str, Report]) -> None:
    ordered = [reports[name] for name in sorted(reports)]
    table = balance_table(ordered, [name.removesuffix(".txt") for name in sorted(reports)],
                          share="attribution_share")
    groups = ["United States", "Russia", "Ukraine", "Europe and international bodies",
              "independent experts"]
    assert list(table.columns) == [*groups, "unassigned", "evenness", "gini"]
    for _, row in table.iterrows():
        assert sum(row[groups]) + row["unassigned"] == pytest.approx(1.0)
    column = reports["peace-talks-column.txt"].balance
    assert [s.name for s in column.sources] == ["Marco Rubio"]
    assert table.loc["peace-talks-column", "United States"] == 1.0
    assert table.loc["peace-talks-column", "evenness"] == 0.0
    mar_a_lago = table.loc["mar-a-lago-meeting"]
    assert mar_a_lago["evenness"] > table.loc["alaska-summit", "evenness"] > 0.0
