"""What a value is said of: its noun ("3.8% in August"), the whole it is part of ("27 of
34"), a score ("2-0"), the count of the other casualties, a place in a table, a
superlative said with "be": fact-checkers' planted errors and true restatements
(qa109, qa110) through ``pipeline.verify_articles`` on a real store."""

from __future__ import annotations

import pytest

from claim_checks import assert_verdict, verdict
from newsprobe import Article
from newsprobe.pipeline import verify_articles
from newsprobe.sources import Passage, SQLiteStore
from newsprobe.verify import VerifyOptions

RATES = (
    "Consumer price inflation eased to 3.6% in September from 3.8% in August, the Office "
    "for National Statistics said last month, still well above the Bank's 2% target. "
    "Britain's rate is now the second highest among the Group of Seven economies, behind "
    "only the United States. The Bank trimmed its forecast for economic growth this year "
    "to 1.1% from 1.3%, and cut its 2026 forecast to 0.9%."
)
COURT = (
    "Judge Maria Delgado ordered Whitcombe to serve 12 years in state prison, followed by "
    "five years of probation, and to pay $3.9 million in restitution. A jury convicted him "
    'on 14 of 17 counts. District Attorney Kevin Hayden called the case "one of the '
    'largest charity frauds in Massachusetts history".'
)
LEAGUE = (
    "Feyenoord finished second on 79 points after a 2-0 win at Utrecht, while Ajax "
    "finished third on 71 points. NAC Breda, who finished 16th, go into the relegation "
    "play-offs. PSV won 27 league matches, drew three and lost four. Feyenoord coach Robin "
    'van Dijk said: "Five points is not a lot, but over 34 games it is the truth." PSV '
    "ended the season having scored 94 goals and conceded 33."
)
QUAKE = (
    "A magnitude 6.8 earthquake struck the island of Mindanao on Saturday, killing at least "
    "142 people and injuring 1,280 others, disaster officials said. Japan pledged 500 "
    "million yen in emergency grants, Australia committed A$5 million, the United States "
    "offered $2.5 million and the European Union released 1.5 million euros."
)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> SQLiteStore:
    s = SQLiteStore(tmp_path_factory.mktemp("store") / "trusted.sqlite")
    s.add(
        [
            Passage(RATES, "rates", "Bank of England"),
            Passage(COURT, "court", "Whitcombe sentenced"),
            Passage(LEAGUE, "league", "PSV champions"),
            Passage(QUAKE, "quake", "Mindanao earthquake"),
        ]
    )
    return s


def expect(path, passages: list[Passage], claim: str, expected: str) -> None:
    """The claim's verdict against a store of ``passages`` is ``expected``, or anything
    but what follows "not "."""
    s = SQLiteStore(path)
    s.add(passages)
    assert_verdict(s, claim, expected)


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # The value with its noun, word for word in the source, whatever else it says.
        ("Inflation is still well above the Bank's 2% target.", "supported"),
        ("Whitcombe must serve five years of probation after his release.", "supported"),
        # A value equal to the source's but said of another noun ("3.8% in August").
        ("Consumer price inflation slowed to 3.8% in September.", "contradicted"),
        ("Consumer price inflation slowed to 3.6% in September.", "supported"),
        ("Whitcombe must serve 12 years of probation after his release.", "contradicted"),
        # The whole of a part is no count of the action.
        ("A jury convicted him on 14 of the 17 counts.", "supported"),
        ("A jury convicted him on 17 counts.", "contradicted"),
        # A score is two values, compared with a score only.
        ("Feyenoord won 2-0 away at Utrecht on the final day.", "supported"),
        ("Feyenoord won 3-0 away at Utrecht on the final day.", "contradicted"),
        # A place in a table written with digits ("15th").
        ("NAC Breda finished 15th and face the relegation play-offs.", "contradicted"),
        ("NAC Breda finished 16th and face the relegation play-offs.", "supported"),
        # A superlative said with "be"; "one of the largest" ranks nothing.
        ("Britain's rate is now the highest in the Group of Seven.", "contradicted"),
        ("Britain's rate is now the second highest in the Group of Seven.", "supported"),
        # The claim's quoted words are the source's: its "not" is in other words.
        ('Van Dijk said that over 34 games "it is the truth".', "supported"),
        # The toll is "at least 142"; 1,280 is the count of the injured.
        ("By Saturday evening, 1,280 people had been killed.", "contradicted"),
        ("By Saturday evening, at least 142 people had been killed.", "supported"),
        # A bare number joined to a count takes its noun ("94 goals and conceded 33").
        ("PSV conceded just 23 goals.", "contradicted"),
        ("PSV lost just two league matches.", "contradicted"),
        ("PSV lost four league matches.", "supported"),
        # The same number in another currency.
        ("Japan pledged 500 million dollars in emergency grants.", "contradicted"),
        ("Japan pledged 500 million yen in emergency grants.", "supported"),
    ],
)
def test_what_a_value_is_said_of(store, claim, expected):
    got, conflicts = verdict(store, claim)
    assert got == expected, conflicts


@pytest.mark.parametrize(
    ("claim", "conflict"),
    [
        ("Consumer price inflation slowed to 3.8% in September.", ("3.8%", "3.6%")),
        ("Feyenoord won 3-0 away at Utrecht on the final day.", ("3-0", "2-0")),
        ("By Saturday evening, 1,280 people had been killed.", ("1,280", "at least 142")),
    ],
)
def test_the_conflict_names_the_sources_value_of_that_noun(store, claim, conflict):
    assert conflict in verdict(store, claim)[1]


def test_a_whole_and_a_part_are_not_compared(store):
    """ "won 27 of their 34" had been refuted by "won 27 league matches" (34 against 27)."""
    got, conflicts = verdict(store, "PSV won 27 of their 34 league matches.")
    assert got != "contradicted", conflicts


def test_this_year_in_both_is_the_same_words_not_the_sources_other_year(store):
    """The source's "this year" has no date of its own to count from (no dateline year);
    the claim's is 2025 by its article's date: not the 2026 of the source's next clause."""
    claim = "The growth forecast for this year was cut to 1.1% from 1.3%."
    article = Article(text=claim, date="2025-11-06")
    (article,) = verify_articles([article], store, VerifyOptions(max_claims=None))
    (found,) = article.claims or []
    assert found.verdict == "supported", found.conflicts


@pytest.mark.parametrize(
    ("source", "claim", "expected"),
    [
        # A red-team of the rules above (qa111): the same score told by the other side.
        (
            "Chelsea lost 2-0 to Brighton, a week after a 3-1 win over Everton.",
            "Brighton won 2-0 against Chelsea.",
            "not contradicted",
        ),
        (
            "Chelsea lost 2-0 to Brighton, a week after a 3-1 win over Everton.",
            "Chelsea suffered a 3-1 defeat to Brighton.",
            "not supported",
        ),
        ("Djokovic won 6-4, 6-2 in the second round.", "Djokovic won 6-4, 6-2.", "supported"),
        # The claim's own verb given another value in the source's words.
        (
            "The champions scored 94 goals and conceded 33 in the league.",
            "The champions conceded 94 goals in the league.",
            "contradicted",
        ),
        # Where a change started is not where it went.
        (
            "The fine was cut to 40 million euros from 60 million euros on appeal.",
            "The fine was cut to 60 million euros on appeal.",
            "contradicted",
        ),
        (
            "The fine was cut to 40 million euros from 60 million euros on appeal.",
            "The fine was cut to 40 million euros on appeal.",
            "supported",
        ),
        # The equal value's words are another's ("on all imports"); the claim's ("on
        # steel") are the other value's.
        (
            "The plan includes a 10% tariff on all imports and a 25% tariff on steel.",
            "The plan imposes a 10% tariff on steel.",
            "contradicted",
        ),
        (
            "Japan's debt is the highest in the G7, and Italy's is the second highest.",
            "Italy's debt is the second highest in the G7.",
            "supported",
        ),
        # Where a change started, said as where it started, is the source's start.
        (
            "The fine was cut to 40 million euros from 60 million euros on appeal.",
            "The original fine of 60 million euros was reduced on appeal.",
            "supported",
        ),
        # "kept" is "held"; the source's 4.1% is another rate's.
        (
            "The Bank held its main rate at 5.25% for a third meeting. Core inflation was "
            "4.1% in October.",
            "The Bank kept its main rate at 4.1% for a third meeting.",
            "contradicted",
        ),
        # A value aimed at is not one reached: "the Bank's 2% target".
        (
            "Inflation fell to 3.6% in September, still well above the Bank's 2% target.",
            "Inflation fell to 2% in September.",
            "contradicted",
        ),
        # The quote's speaker is the subject of the verb that "saying" hangs on.
        (
            'Chancellor Rachel Reeves welcomed the decision, saying: "This will help '
            'millions of families with their mortgages."',
            'Business Secretary Peter Kyle welcomed the decision, saying: "This will help '
            'millions of families with their mortgages."',
            "contradicted",
        ),
        (
            'Chancellor Rachel Reeves welcomed the decision, saying: "This will help '
            'millions of families with their mortgages."',
            'Peter Kyle said: "This will help millions of families with their mortgages."',
            "contradicted",
        ),
    ],
)
def test_red_team_cases_of_scores_starts_and_nouns(tmp_path, source, claim, expected):
    expect(tmp_path / "trusted.sqlite", [Passage(source, "wire")], claim, expected)


HALVARD = (
    "Operating profit before interest, tax, depreciation and amortisation (EBITDA) dropped "
    "to 2.1 billion crowns from 3.8 billion crowns. Revenue fell 14% to 18.6 billion crowns "
    "in the July-September period from 21.6 billion crowns a year earlier. The company will "
    "publish its fourth-quarter results on February 5, 2026."
)


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # Where a change went and where it started, swapped.
        (
            "Halvard's EBITDA dropped to 3.8 billion crowns from 2.1 billion crowns.",
            "contradicted",
        ),
        # "Halvard's" is Halvard, named in the headline; "Norwegian crowns" are crowns.
        ("Halvard's EBITDA dropped to 2.1 billion crowns from 3.8 billion crowns.", "supported"),
        (
            "Third-quarter revenue at Halvard fell 14 percent to 18.6 billion Norwegian crowns.",
            "supported",
        ),
        # "Halvard Group" is the headline's; the passage calls it "the company". Another
        # day of the same year is no confirmation.
        ("Halvard Group will publish its fourth-quarter results on February 5, 2026.", "supported"),
        (
            "Halvard Group will publish its fourth-quarter results on February 12, 2026.",
            "not supported",
        ),
    ],
)
def test_a_story_rewritten_from_wire_copy(tmp_path, claim, expected):
    """Found by a blind fact-checker (qa112): each was `not_enough_evidence`."""
    passage = Passage(HALVARD, "halvard", "Halvard Group swings to quarterly loss")
    expect(tmp_path / "trusted.sqlite", [passage], claim, expected)


@pytest.mark.parametrize(
    ("source", "claim", "expected"),
    [
        # "three of them" are three of the firefighters counted before.
        (
            "Eleven firefighters were treated for burns and smoke inhalation, and three of "
            "them remained in hospital on Monday night.",
            "Three of the eleven firefighters treated for burns were still in hospital on "
            "Monday night.",
            "supported",
        ),
        (
            "Eleven firefighters were treated for burns and smoke inhalation, and three of "
            "them remained in hospital on Monday night.",
            "Five of the eleven firefighters treated for burns were still in hospital on "
            "Monday night.",
            "contradicted",
        ),
        # A score is not what was beaten: who beat whom is compared.
        (
            "Brazil beat Argentina 2-0 in the final.",
            "Argentina beat Brazil 2-0 in the final.",
            "contradicted",
        ),
        (
            "Brazil beat Argentina 2-0 in the final.",
            "Brazil beat Argentina 2-0 in the final.",
            "supported",
        ),
        # "X is Y" is "Y is X".
        (
            'Kefalogiannis said: "Our priority is human life."',
            "Kefalogiannis said human life was the priority.",
            "not contradicted",
        ),
    ],
)
def test_parts_and_sides_of_a_statement(tmp_path, source, claim, expected):
    expect(tmp_path / "trusted.sqlite", [Passage(source, "wire")], claim, expected)


@pytest.mark.parametrize(
    ("source", "claim", "expected"),
    [
        # Another people's currency of the same sum.
        (
            "Halvard ASA reported fourth-quarter EBITDA of 2.1 billion Norwegian crowns.",
            "Halvard's fourth-quarter EBITDA was 2.1 billion Swedish crowns.",
            "contradicted",
        ),
        # A target reached is the value reached; a forecast is not the result.
        (
            "UK inflation fell to the Bank of England's 2% target in May.",
            "UK inflation fell to 2% in May.",
            "supported",
        ),
        (
            "Halvard reported EBITDA of 2.1 billion crowns, above the 1.9 billion crowns "
            "analysts had forecast.",
            "Analysts had forecast Halvard's EBITDA at 2.1 billion crowns.",
            "not supported",
        ),
        # How much a change was, against where it started and went.
        (
            "The European Commission cut Halvard's fine to 40 million euros from 60 million "
            "euros on Tuesday.",
            "Halvard's fine was cut by 20 million euros to 40 million euros.",
            "not contradicted",
        ),
        # A dateline as some outlets write it is not the sentence's subject.
        (
            "Buenos Aires, March 26 - Argentina beat Brazil 2-0 in a World Cup qualifier.",
            "Brazil beat Argentina 2-0 in a World Cup qualifier.",
            "contradicted",
        ),
        # A value of another subject in the same sentence; the subject's own value.
        (
            "Slovenia's budget deficit narrowed to 2.6% of GDP in 2024, while public debt "
            "stood at 67% of output.",
            "Slovenia's public debt stood at 2.6% of GDP in 2024.",
            "contradicted",
        ),
        (
            "Slovenia's budget deficit narrowed to 2.6% of GDP in 2024, while public debt "
            "stood at 67% of output.",
            "Slovenia's public debt stood at 67% of GDP in 2024.",
            "not contradicted",
        ),
        # "30 of them" are 30 of the people the verb acts on, not of the sites; the 40 are
        # the arrested, not the released.
        (
            "Police arrested 40 people at 12 sites, and 30 of them were later released "
            "without charge.",
            "Thirty people were later released without charge.",
            "supported",
        ),
        (
            "Police arrested 40 people at 12 sites, and 30 of them were later released "
            "without charge.",
            "Forty people were later released without charge.",
            "not supported",
        ),
        # A sum in another currency named by its noun ("francs" for "crowns").
        (
            "Halvard reported EBITDA of 2.1 billion Norwegian crowns.",
            "Halvard reported EBITDA of 2.1 billion Swiss francs.",
            "contradicted",
        ),
        # Where a change started, said with "original" or "initially" and no "from".
        (
            "The European Commission cut the fine it imposed on Halvard to 40 million euros "
            "from 60 million euros on Tuesday.",
            "The original fine of 40 million euros imposed on Halvard was reduced.",
            "contradicted",
        ),
        (
            "The European Commission cut the fine it imposed on Halvard to 40 million euros "
            "from 60 million euros on Tuesday.",
            "The fine on Halvard, initially 60 million euros, was cut to 40 million euros.",
            "supported",
        ),
        # The Bank's target is no value of the Bank's forecast.
        (
            "UK inflation rose to 3.8% in July from 3.6% in June, well above the Bank of "
            "England's 2% target. The Bank forecasts inflation will peak at 4% in September.",
            "The Bank of England forecasts inflation will peak at 4% in September.",
            "not contradicted",
        ),
    ],
)
def test_a_red_team_of_the_days_rules(tmp_path, source, claim, expected):
    """qa114 and qa113: each failed on a first form of these rules or before them."""
    expect(tmp_path / "trusted.sqlite", [Passage(source, "wire")], claim, expected)
