"""Values a source gives to several names in one list, quotations over several sentences,
and facts a long source sentence states in one phrase: fact-checkers' planted errors
that were supported or missed, through ``pipeline.verify_articles`` on a real store."""

from __future__ import annotations

import pytest

from newsprobe import Article
from newsprobe.pipeline import verify_articles
from newsprobe.sources import Passage, SQLiteStore
from newsprobe.verify import VerifyOptions

TREATY = (
    "The Nordic Corridor Agreement commits the three to maintain a joint brigade of 4,500 "
    "troops, of which Sweden will provide 2,000, Finland 1,500 and Norway 1,000. The three "
    "countries will share costs of 2.4 billion euros over six years, with Norway paying "
    "40%, Sweden 35% and Finland 25%. "
    "Norway was a founding member of the alliance in 1949, Finland joined NATO in April "
    "2023 and Sweden in March 2024."
)
FIRE = (
    '"This fire made a run of nearly six miles in four hours. We have not seen that '
    'before," Battalion Chief Tom Rudd said. The Ridgeback Fire broke out shortly after '
    "2 p.m. on Tuesday near the town of Cazadero and spread east overnight, driven by "
    "gusts of up to 45 mph and humidity below 10%."
)
COURT = (
    "U.S. District Judge Miriam Okafor also ordered Talbot, 58, to pay a fine of $250,000 "
    "and to forfeit $1.3 million in cash and property. A jury in November convicted him on "
    "nine counts, including six counts of honest-services wire fraud. Talbot's lawyer, "
    "Dennis Rourke, had asked for no more than eight years, citing his client's health "
    "and 30 years of public service."
)
CLUBS = (
    "Villa agreed a deal to sign Norwich City winger Luca Devlin, 19, for an initial 12 "
    "million pounds. The port handled 271 million tonnes of cargo in 2025, making it "
    "Europe's second-largest port after Rotterdam. The deal covers the port's roughly "
    "11,200 registered dockworkers."
)
EARNINGS = (
    "Corvane Systems said its third-quarter revenue fell 12% to $4.2 billion. Corvane's "
    "gross margin narrowed by 3.1 percentage points to 38.4%."
)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> SQLiteStore:
    s = SQLiteStore(tmp_path_factory.mktemp("store") / "trusted.sqlite")
    s.add(
        [
            Passage(TREATY, "treaty", "Nordic pact"),
            Passage(FIRE, "fire", "Ridgeback Fire"),
            Passage(COURT, "court", "Talbot sentenced"),
            Passage(CLUBS, "sport", "Villa"),
            Passage(EARNINGS, "earnings", "Corvane results"),
        ]
    )
    return s


def checked(store: SQLiteStore, *claims: str) -> dict[str, object]:
    options = VerifyOptions(max_claims=None)
    found = {}
    for claim in claims:  # one article each: no claim reads another as its context
        (article,) = verify_articles([Article(text=claim)], store, options)
        assert article.claims is not None
        found.update({c.text: c for c in article.claims})
    return found


@pytest.mark.parametrize(
    ("claim", "kind", "values"),
    [
        ("Norway will provide 2,000 of the soldiers.", "number", ("2,000", "1,000")),
        ("Norway will pay 25% of the bill.", "number", ("25%", "40%")),
        ("Sweden joined NATO in April 2023.", "date", ("April 2023", "March 2024")),
    ],
)
def test_a_value_the_sources_list_gives_another_name_is_contradicted(store, claim, kind, values):
    (found,) = checked(store, claim).values()
    assert found.verdict == "contradicted"
    assert [(c.kind, c.claim_value, c.source_value) for c in found.conflicts][:1] == [
        (kind, *values)
    ]


def test_each_names_own_value_in_a_list_is_supported(store):
    claims = checked(
        store,
        "Finland will provide 1,500 of the soldiers.",
        "Sweden will pay 35% of the bill.",
        "Finland joined NATO in April 2023.",
    )
    assert {c.verdict for c in claims.values()} == {"supported"}, claims


def test_a_quotation_over_two_sentences_is_its_speakers_at_its_end(store):
    words = '"This fire made a run of nearly six miles in four hours,"'
    claims = checked(
        store,
        f"{words} Sheriff Elena Marsh told reporters.",
        f"{words} Battalion Chief Tom Rudd told reporters.",
        '"We have not seen that before," Rudd said.',
        '"We have never seen that before," Rudd said.',
    )
    marsh, rudd, seen, never = claims.values()
    assert marsh.verdict == "contradicted"
    assert [(c.kind, c.source_value) for c in marsh.conflicts] == [("speaker", "Tom Rudd")]
    assert rudd.verdict == seen.verdict == "supported"
    assert never.verdict == "contradicted"
    assert never.conflicts[0].kind == "quote"


def test_a_phrase_of_a_long_sentence_is_evidence_compared_with_the_whole(store):
    claims = checked(
        store,
        "Talbot must also forfeit $1.3 million in cash and property.",
        "Talbot must also forfeit $3.1 million in cash and property.",
        "Gusts of up to 45 km/h drove the flames east overnight.",
    )
    same, other, gusts = claims.values()
    assert same.verdict == "supported"
    assert other.verdict == "contradicted"
    assert [(c.claim_value, c.source_value) for c in other.conflicts] == [
        ("$3.1 million", "$1.3 million")
    ]
    assert gusts.verdict == "contradicted"
    assert [(c.claim_value, c.source_value) for c in gusts.conflicts] == [("45 km/h", "45 mph")]


@pytest.mark.parametrize(
    ("claim", "values"),
    [
        # An age between commas after a name was not read.
        ("Villa have agreed to sign Norwich City winger Luca Devlin, 21.", ("21", "19")),
        # "Jurors" are the jury; "sales" the revenue.
        ("Jurors found him guilty on 11 counts of wire fraud.", ("11", "nine")),
        (
            "Corvane Systems third-quarter sales came to just $4.2 million, down 12% from a "
            "year earlier.",
            ("just $4.2 million", "$4.2 billion"),
        ),
        # "Narrowed" is a fall, and a fall in points is not one in percent.
        (
            "Corvane's gross margin shrank 3.1 percent to 38.4%.",
            ("3.1 percent", "3.1 percentage points"),
        ),
        # "roughly 12,400" is said to the hundred: 11,200 is not it.
        (
            "The deal covers the port's roughly 12,400 registered dockworkers.",
            ("roughly 12,400", "roughly 11,200"),
        ),
        # A one-word place the parser read as a person, in the same words.
        (
            "The port handled 271 million tonnes of cargo in 2025, making it Europe's "
            "second-largest port after Hamburg.",
            ("Hamburg", "Rotterdam"),
        ),
    ],
)
def test_values_said_otherwise_are_contradicted(store, claim, values):
    (found,) = checked(store, claim).values()
    assert found.verdict == "contradicted"
    assert values in [(c.claim_value, c.source_value) for c in found.conflicts]


def test_restatements_in_other_words_are_supported(store):
    claims = checked(
        store,
        # An attorney named in apposition is the lawyer the source names; three decades
        # are 30 years.
        "His attorney, Dennis Rourke, argued for a term of no more than eight years, "
        "pointing to Talbot's health and three decades in public service.",
        "Villa agreed to sign Luca Devlin, 19, for an initial 12 million pounds.",
        "The deal covers the port's roughly 11,000 registered dockworkers.",
    )
    assert {c.verdict for c in claims.values()} == {"supported"}, claims


@pytest.mark.parametrize(
    ("source", "claim", "verdict"),
    [
        # A red-team of the rules above. Each name's own value in a list, the unit said
        # once ("2,000 troops, Finland 1,500") or not at all for the others.
        (
            "Sweden will provide 2,000 troops, Finland 1,500 and Norway 1,000 to the new "
            "Nordic brigade, the defence ministers said on Monday.",
            "Finland will provide 1,500 troops to the new brigade.",
            "supported",
        ),
        (
            "Sweden will provide 2,000 troops, Finland 1,500 and Norway 1,000 to the new "
            "Nordic brigade, the defence ministers said on Monday.",
            "Sweden will provide 1,500 troops to the brigade.",
            "contradicted",
        ),
        (
            "Smith scored 24 points and Jones added 18 as the Hawks beat the Bulls 102-98.",
            "Jones scored 18 points as the Hawks beat the Bulls.",
            "supported",
        ),
        # Two people's ages in one sentence, and an age said otherwise.
        (
            "Johnson, 62, a retired teacher, and his wife, Mary, 60, were rescued from the roof.",
            "Mary Johnson, 60, was rescued from the roof.",
            "supported",
        ),
        (
            "The victim, Ana Ruiz, a 34-year-old nurse from Tucson, died at the scene.",
            "Ana Ruiz, 43, died at the scene.",
            "contradicted",
        ),
        # Lengths of time of other units, and a bound spaCy reads as a share.
        (
            "The strike lasted two weeks and cost the carmaker $300 million.",
            "The strike lasted two months.",
            "contradicted",
        ),
        (
            "The strike lasted two weeks and cost the carmaker $300 million.",
            "The strike lasted 14 days.",
            "supported",
        ),
        (
            "Judge Patel sentenced Mercer to no more than eight years in prison.",
            "Mercer was sentenced to 12 years in prison.",
            "contradicted",
        ),
        # The dead and the injured are counted apart.
        (
            "The blast killed 14 people and wounded 30 others.",
            "The blast wounded 14 people.",
            "contradicted",
        ),
        (
            "The blast killed 14 people and wounded 30 others.",
            "The blast wounded 30 people.",
            "supported",
        ),
        # A value given to the name after it, and a claim that is itself a list.
        (
            "The reconstruction fund received $3 million from Germany, $2 million from "
            "France and $1 million from Italy.",
            "France contributed $2 million to the reconstruction fund.",
            "supported",
        ),
        (
            "The reconstruction fund received $3 million from Germany, $2 million from "
            "France and $1 million from Italy.",
            "Italy contributed $3 million to the reconstruction fund.",
            "contradicted",
        ),
        (
            "Civic Renewal took 31.4% of the vote and 30 of the 90 seats, Homeland Union "
            "14.6% and 14 seats and the Left Alliance 6.1% and 6 seats.",
            "Civic Renewal got 31.4% and 30 seats, Homeland Union 14.6% and 14 seats and the "
            "Left Alliance 9.2% and 9 seats.",
            "contradicted",
        ),
        # "Start" and "begin" are one action; another value under another verb is no
        # confirmation.
        (
            "President Ana Horvat said she would begin consultations with party leaders on "
            "Oct. 20.",
            "President Ana Horvat will start consultations with party leaders on Oct. 27.",
            "contradicted",
        ),
        (
            "Air traffic controllers walked out in a strike that forced airlines to cancel "
            "about 1,500 flights, disrupting travel for roughly 300,000 passengers.",
            "Airlines were forced to cancel about 1,500 flights, hitting some 3 million "
            "passengers.",
            # no confirmation; since "hit" is kin to "strike" (a quake's), the passengers'
            # count is compared, and ten times the source's is a conflict
            "contradicted",
        ),
        # Another change's date is not this one's.
        (
            "The trade deficit narrowed in March after widening by 5% in February.",
            "The trade deficit widened by 5% in February.",
            "supported",
        ),
        # "7m" is seven metres here, not seven million.
        (
            "If the Greenland ice sheet were to melt away completely, the world's sea level "
            "would rise by more than 7 m.",
            "The Greenland ice sheet would raise sea levels by around 7m should it melt.",
            "supported",
        ),
    ],
)
def test_red_team_cases_of_lists_ages_and_times(tmp_path, source, claim, verdict):
    s = SQLiteStore(tmp_path / "trusted.sqlite")
    s.add([Passage(source, "wire")])
    (found,) = checked(s, claim).values()
    assert found.verdict == verdict, found.conflicts


def test_a_stray_quotation_mark_joins_no_sentences(tmp_path):
    """Scraped text leaves marks unclosed: a sentence that does not open with one, or a
    quotation never said to be anyone's, stays a sentence of its own."""
    s = SQLiteStore(tmp_path / "trusted.sqlite")
    s.add(
        [
            Passage(
                "Pivac was already without long-term absentees Liam Williams and Scott "
                "Williams.\" At my age you don't lose too much sleep over selection.",
                "wire",
            )
        ]
    )
    claim = "Pivac was already without long-term absentees Liam Williams and Scott Williams."
    (found,) = checked(s, claim).values()
    assert found.verdict == "supported"


def test_another_subject_in_the_sources_same_words_is_a_name_conflict(tmp_path):
    """A content farm's swapped country, in a sentence otherwise word for word the
    source's; the country the source's list does name keeps its own value."""
    s = SQLiteStore(tmp_path / "trusted.sqlite")
    s.add(
        [
            Passage(
                "Spain sent four Canadair water-bombing aircraft under the EU civil "
                "protection mechanism, and Italy sent two more.",
                "wire",
            )
        ]
    )
    france, italy, more = checked(
        s,
        "France sent four Canadair water-bombing aircraft under the EU civil protection mechanism.",
        "Italy sent two Canadair aircraft under the EU civil protection mechanism.",
        "Italy sent four Canadair aircraft under the EU civil protection mechanism.",
    ).values()
    assert france.verdict == "contradicted"
    assert [(c.kind, c.claim_value, c.source_value) for c in france.conflicts] == [
        ("name", "France", "Spain")
    ]
    assert italy.verdict == "supported"
    assert more.verdict == "contradicted"


AIRLINES = (
    "LONDON, July 4 (Reuters) - Ryanair cancelled 400 flights on Friday, while easyJet "
    "cancelled 274, the airlines said. In the local elections, Labour and the "
    "Conservatives won 34% and 24% of the vote, respectively. Wizz said it had scrapped "
    "90 flights on Saturday, while Vueling cancelled 40 flights. Serrana Forward and the "
    "Greens won eight and five seats, respectively, while Patria Nueva entered the assembly "
    "for the first time with three seats."
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # A name the parse tags as no entity ("easyJet") still owns its value.
        ("EasyJet cancelled 400 flights on Friday.", "contradicted"),
        ("Ryanair cancelled 400 flights on Friday.", "supported"),
        ("Ryanair scrapped 274 flights on Friday.", "contradicted"),
        # "respectively" pairs the lists in order; a claim's two whole lists pair alike.
        ("The Conservatives won 34% of the vote.", "contradicted"),
        ("The Conservatives won 24% of the vote.", "supported"),
        ("Labour won 34% of the vote.", "supported"),
        ("Labour and the Conservatives won 24% and 34% of the vote.", "contradicted"),
        ("Labour and the Conservatives won 34% and 24% of the vote.", "supported"),
        # The list before "respectively", not a later clause's value (qa117).
        ("The Greens won eight seats and Serrana Forward won five.", "contradicted"),
        ("Serrana Forward won eight seats and the Greens won five.", "supported"),
        # "Wizz said it had scrapped 90": the value said of "it" is the speaker's.
        ("Vueling scrapped 90 flights on Saturday.", "contradicted"),
        ("Wizz scrapped 90 flights on Saturday.", "supported"),
    ],
)
def test_lists_paired_in_order_and_names_the_parse_missed(tmp_path, claim, verdict):
    s = SQLiteStore(tmp_path / "trusted.sqlite")
    s.add([Passage(AIRLINES, "wire")])
    (found,) = checked(s, claim).values()
    assert found.verdict == verdict, found.conflicts
