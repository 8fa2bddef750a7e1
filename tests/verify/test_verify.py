"""Verdicts from the offline checks, through ``pipeline.verify_articles`` on a real store."""

from __future__ import annotations

import pytest

from newsprobe import Article
from newsprobe.pipeline import verify_articles
from newsprobe.sources import Passage, SQLiteStore
from newsprobe.verify import VerifyOptions

TRUSTED = [
    Passage(
        "Poland joined NATO in 1999.", "nato-history", "NATO history", "https://example.org/nato"
    ),
    Passage(
        "Article 4 of the North Atlantic Treaty allows any ally to request consultations "
        "when it feels threatened.",
        "nato-history",
        "NATO history",
        "https://example.org/nato",
    ),
    Passage("Germany invaded Poland in September 1939.", "ww2", "Second World War"),
    Passage(
        "The city council approved a budget of $4.2 billion on Tuesday. The flood killed "
        "14 people in the region.",
        "council",
        "Council minutes",
    ),
    Passage("Prime Minister Donald Tusk signed the agreement in Warsaw.", "gov", "Government"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> SQLiteStore:
    s = SQLiteStore(tmp_path_factory.mktemp("store") / "trusted.sqlite")
    s.add(TRUSTED)
    return s


# The shipped verdict model (default) and the hand rules: the safety rules hold for both.
MODELS = pytest.mark.parametrize("model", ["default", None], ids=["model", "rules"])


def store_of(path, *passages: Passage) -> SQLiteStore:
    """A store of just these passages, in a file under ``path``."""
    s = SQLiteStore(path / "trusted.sqlite")
    s.add(list(passages))
    return s


def verdicts(store: SQLiteStore, text: str, model: str | None = "default") -> dict[str, object]:
    options = VerifyOptions(max_claims=None, verdict_model=model)
    (article,) = verify_articles([Article(text=text)], store, options)
    assert article.claims is not None
    return {c.text: c for c in article.claims}


@MODELS
def test_a_moved_accession_year_is_contradicted_with_both_values(store, model):
    claims = verdicts(store, "Poland joined NATO in 2009, the minister said.", model)
    (claim,) = claims.values()
    assert claim.verdict == "contradicted"
    (conflict,) = claim.conflicts
    assert (conflict.kind, conflict.claim_value, conflict.source_value) == ("date", "2009", "1999")
    assert conflict.source_text == "Poland joined NATO in 1999."
    assert conflict.url == "https://example.org/nato"


@pytest.mark.parametrize(
    ("date", "text", "verdict", "claim_value"),
    [
        (
            "2025-09-10",
            "Poland joined NATO a decade ago, the minister said.",
            "contradicted",
            "a decade ago (2015)",
        ),
        ("2025-09-10", "Poland joined NATO 26 years ago, the minister said.", "supported", None),
        (
            "2025-09-10",
            "Poland joined NATO two decades ago, the minister said.",
            "contradicted",
            "two decades ago (2005)",
        ),
        # A bound, not a year; and with no date to count from, no year at all: a time that
        # cannot be read against the source's year is not confirmed by it.
        (
            "2025-09-10",
            "Poland joined NATO more than 20 years ago, the minister said.",
            "not_enough_evidence",
            None,
        ),
        (None, "Poland joined NATO a decade ago, the minister said.", "not_enough_evidence", None),
    ],
)
def test_a_relative_date_is_counted_from_the_articles_date(store, date, text, verdict, claim_value):
    """ "Moves NATO accession dates by a decade", said as "a decade ago": the year is
    counted back from the article's publication date, give or take a year or two."""
    options = VerifyOptions(max_claims=None)
    (article,) = verify_articles([Article(text=text, date=date)], store, options)
    (claim,) = article.claims or []
    assert claim.verdict == verdict
    if claim_value is not None:
        (conflict,) = claim.conflicts
        assert (conflict.kind, conflict.claim_value, conflict.source_value) == (
            "date",
            claim_value,
            "1999",
        )
    (said,) = claim.parts.to_json()["dates"]
    assert said["relative"] and (said["year"] is not None) == (verdict != "not_enough_evidence")


def test_an_articles_date_may_be_a_date_object_and_anything_else_is_named(store):
    import datetime as dt

    said = "Poland joined NATO a decade ago, the minister said."
    (article,) = verify_articles([Article(text=said, date=dt.date(2025, 9, 10))], store)
    assert article.date == "2025-09-10" and "claims_note" not in article.meta
    assert [c.verdict for c in article.claims or []] == ["contradicted"]
    with pytest.raises(TypeError, match=r"Article\.date: a date is text such as '2025-09-10'"):
        verify_articles([Article(text=said, date=2025)], store)  # type: ignore[arg-type]
    (undated,) = verify_articles([Article(text=said)], store)
    assert "('a decade ago'), which it does not give" in undated.meta["claims_note"]


def test_a_relative_date_in_a_source_is_counted_from_the_sources_date(tmp_path):
    store = store_of(
        tmp_path / "s.sqlite",
        Passage("Poland joined NATO last year.", "wire", "Wire", date="2000-06-01"),
    )
    claims = verdicts(store, "Poland joined NATO in 2009, the minister said.", None)
    (conflict,) = next(iter(claims.values())).conflicts
    assert (conflict.claim_value, conflict.source_value) == ("2009", "last year (1999)")


@MODELS
def test_a_false_descriptor_beside_a_moved_year_does_not_hide_it(store, model):
    # The mission's fabricated story: "a Baltic state" is one entity the source lacks,
    # two of three are there, which is the gate's two thirds.
    claims = verdicts(store, "Poland, a Baltic state, joined NATO in 2009.", model)
    claim = claims["Poland, a Baltic state, joined NATO in 2009."]
    assert claim.verdict == "contradicted"
    assert [(c.kind, c.claim_value, c.source_value) for c in claim.conflicts] == [
        ("date", "2009", "1999")
    ]
    # The descriptor is a claim of its own; no passage here lists the Baltic states.
    assert claims["Poland, a Baltic state"].verdict == "not_enough_evidence"


GROUPS = [
    Passage(
        "Estonia, Latvia and Lithuania, the three Baltic states, joined NATO on 29 March "
        "2004, together with Bulgaria, Romania, Slovakia and Slovenia.",
        "nato-2004",
        "NATO enlargement",
    ),
    Passage(
        "Nordic countries such as Norway and Denmark were founding members of NATO.",
        "nato-nordic",
        "NATO founders",
    ),
]


@pytest.fixture(scope="module")
def group_store(tmp_path_factory) -> SQLiteStore:
    s = SQLiteStore(tmp_path_factory.mktemp("groups") / "trusted.sqlite")
    s.add(GROUPS)
    return s


@MODELS
def test_a_name_put_in_a_group_is_checked_against_the_group_as_a_source_lists_it(
    group_store, model
):
    """The mission's fabricated story calls Poland "a Baltic state": no passage about
    Poland says otherwise, but one that lists the Baltic states leaves it out."""
    claims = verdicts(
        group_store,
        "Poland, a Baltic state on NATO's eastern flank, invoked Article 4 on Wednesday. "
        "Lithuania, a Baltic country, has asked for more air defence. "
        "Sweden, a Nordic country, joined the alliance in 2024. Finland is a Baltic state. "
        "Hungary, one of the Baltic states, said no.",
        model,
    )
    poland = claims["Poland, a Baltic state on NATO's eastern flank"]
    assert poland.verdict == "contradicted"
    assert [(c.kind, c.claim_value, c.source_value) for c in poland.conflicts] == [
        ("group", "Poland, a Baltic state", "Baltic states: Estonia, Latvia, Lithuania")
    ]
    assert poland.evidence[0].relevant and poland.evidence[0].source == "nato-2004"
    assert claims["Lithuania, a Baltic country"].verdict == "supported"
    (said,) = claims["Finland is a Baltic state."].conflicts  # said as the sentence's claim
    assert (said.kind, said.claim_value) == ("group", "Finland is a Baltic state")
    (one,) = claims["Hungary, one of the Baltic states"].conflicts
    assert (one.kind, one.claim_value) == ("group", "Hungary, one of the Baltic states")
    # "Nordic countries such as Norway and Denmark" names some of them, not the group.
    assert claims["Sweden, a Nordic country"].verdict == "not_enough_evidence"
    # The sentences' own facts are claims apart, not judged by the group's list.
    assert (
        claims[
            "Poland, a Baltic state on NATO's eastern flank, invoked Article 4 on Wednesday."
        ].conflicts
        == []
    )


def test_the_right_year_is_supported(store):
    (claim,) = verdicts(store, "Poland joined NATO in 1999.").values()
    assert claim.verdict == "supported" and not claim.conflicts
    assert claim.evidence[0].sentence == "Poland joined NATO in 1999."


@MODELS
def test_a_changed_count_and_amount_are_contradicted(store, model):
    claims = verdicts(
        store,
        "The flood killed 41 people in the region. "
        "The city council approved a budget of $5.1 billion on Tuesday.",
        model,
    )
    assert {c.verdict for c in claims.values()} == {"contradicted"}
    values = {(x.kind, x.claim_value, x.source_value) for c in claims.values() for x in c.conflicts}
    assert values == {("number", "41", "14"), ("number", "$5.1 billion", "$4.2 billion")}


def test_swapped_roles_are_contradicted(store):
    (claim,) = verdicts(store, "Poland invaded Germany in 1939.").values()
    assert claim.verdict == "contradicted"
    assert [c.kind for c in claim.conflicts] == ["role"]


def test_negation_is_contradicted(store):
    (claim,) = verdicts(
        store, "Prime Minister Donald Tusk did not sign the agreement in Warsaw."
    ).values()
    assert claim.verdict == "contradicted"
    assert claim.conflicts[0].kind == "negation"


@pytest.mark.parametrize(
    "text",
    [
        "Brazil won the 1970 World Cup in Mexico City.",
        "Apple sold 12 million phones in China in 2009.",
        "Spain joined NATO in 1982.",  # same relation, another country: the store is silent
        "The Vistula flooded Krakow in 1997, killing 14 people.",
        "The storm killed 14 people in the region.",  # the store knows of a flood, not a storm
    ],
)
@MODELS
def test_claims_on_topics_absent_from_the_store_are_never_supported(store, text, model):
    claims = verdicts(store, text, model)
    assert claims, "expected a claim"
    for claim in claims.values():
        assert claim.verdict == "not_enough_evidence", claim.evidence[:1]
        assert not claim.conflicts
        assert claim.evidence  # the nearest passages are still shown, marked irrelevant
        assert not any(e.relevant for e in claim.evidence)


def test_an_empty_article_gets_no_claims(store):
    (article,) = verify_articles([Article(text="Nothing to see here.")], store)
    assert article.claims == []


def test_a_value_inside_a_source_range_is_supported_and_outside_contradicted(tmp_path):
    s = SQLiteStore(tmp_path / "r.sqlite")
    s.add([Passage("The storm killed between 30 and 40 people in Bavaria.", "storm")])
    (inside,) = verdicts(s, "The storm killed 35 people in Bavaria.").values()
    assert inside.verdict == "supported"
    (outside,) = verdicts(s, "The storm killed 90 people in Bavaria.").values()
    assert outside.verdict == "contradicted"
    assert outside.conflicts[0].source_value == "between 30 and 40"


def test_a_year_of_another_action_is_no_contradiction(store):
    # The source dates Poland's accession, not a visit: the years are of different events.
    (claim,) = verdicts(store, "Poland hosted NATO leaders in 2016.").values()
    assert claim.verdict == "not_enough_evidence"


ARTICLE_5 = Passage(
    "Article 5 says that an armed attack against one ally is considered an attack against "
    "them all. It has been invoked once, after the attacks of 11 September 2001.",
    "nato",
)


@MODELS
def test_a_source_sentence_opening_with_it_is_read_with_its_antecedent(tmp_path, model):
    # Read alone, "It has been invoked once, ..." is about nothing the claim names.
    s = SQLiteStore(tmp_path / "a5.sqlite")
    s.add([ARTICLE_5])
    text = "Article 5 has been invoked once, after the attacks of 11 September 2001."
    (right,) = verdicts(s, text, model).values()
    assert right.verdict == "supported"
    shown = "[Article 5] has been invoked once, after the attacks of 11 September 2001."
    assert right.evidence[0].sentence == shown
    (moved,) = verdicts(s, text.replace("2001", "2003"), model).values()
    assert moved.verdict == "contradicted"
    assert [(c.claim_value, c.source_value, c.source_text) for c in moved.conflicts] == [
        ("11 September 2003", "11 September 2001", shown)
    ]


STOLTENBERG = Passage(
    "Secretary General Jens Stoltenberg said the alliance would deploy additional forces "
    "to its eastern flank.",
    "nato-news",
)


@MODELS
def test_a_statement_is_not_supported_for_a_speaker_the_source_does_not_quote(tmp_path, model):
    # The speaker is left out of the entities (who said it is not what is asserted), so
    # before the speaker gate the entity gate passed the wrong name and the claim was
    # "supported" by the same words in another person's mouth. The same words given to
    # another named person are now a speaker conflict, as a misattributed quote is.
    s = SQLiteStore(tmp_path / "speaker.sqlite")
    s.add([STOLTENBERG])
    claim_text = (
        "Secretary General Mark Rutte said the alliance would deploy additional forces "
        "to its eastern flank."
    )
    (wrong,) = verdicts(s, claim_text, model).values()
    assert wrong.parts.speaker is not None and wrong.parts.speaker.text == "Mark Rutte"
    assert wrong.verdict == "contradicted"
    assert [(c.kind, c.claim_value, c.source_value) for c in wrong.conflicts] == [
        ("speaker", "Mark Rutte", "Jens Stoltenberg")
    ]
    # The surname is enough, as for other people the claim names.
    (right,) = verdicts(s, claim_text.replace("Mark Rutte", "Stoltenberg"), model).values()
    assert right.verdict == "supported"


@MODELS
def test_a_passage_naming_the_speaker_but_quoting_another_does_not_support(tmp_path, model):
    s = SQLiteStore(tmp_path / "speaker2.sqlite")
    s.add(
        [
            Passage(
                "Mark Rutte met ministers in Brussels on Tuesday. " + STOLTENBERG.text,
                "nato-news",
            )
        ]
    )
    text = (
        "Secretary General Mark Rutte said the alliance would deploy additional forces "
        "to its eastern flank."
    )
    (claim,) = verdicts(s, text, model).values()
    assert claim.verdict == "not_enough_evidence"


RATES = [
    Passage("The Bank of England held its main rate at 5.25 percent in September.", "boe"),
    Passage("The floods killed 95 people in the province of Sindh in August 2022.", "floods"),
    Passage("Storms killed 120 people in the province of Punjab in July 2022.", "storms"),
]


@pytest.mark.parametrize(
    ("text", "verdict", "claim_value", "source_value"),
    [
        # "at" and "more than" are not "about": no 10% slack.
        (
            "The Bank of England held its main rate at 5.5 percent in September.",
            "contradicted",
            "5.5 percent",
            "5.25 percent",
        ),
        (
            "The floods killed more than 100 people in the province of Sindh in August 2022.",
            "contradicted",
            "more than 100",
            "95",
        ),
        # An upper bound the source's value lies under agrees; "over" above it conflicts.
        (
            "The floods killed fewer than 100 people in the province of Sindh in August 2022.",
            "supported",
            None,
            None,
        ),
        (
            "Storms killed more than 100 people in the province of Punjab in July 2022.",
            "supported",
            None,
            None,
        ),
        (
            "Storms killed up to 100 people in the province of Punjab in July 2022.",
            "contradicted",
            "up to 100",
            "120",
        ),
        # A real estimate keeps its 10%.
        (
            "The floods killed about 100 people in the province of Sindh in August 2022.",
            "supported",
            None,
            None,
        ),
    ],
)
@MODELS
def test_number_bounds_are_compared_as_bounds(
    tmp_path, text, verdict, claim_value, source_value, model
):
    s = SQLiteStore(tmp_path / "rates.sqlite")
    s.add(RATES)
    (claim,) = verdicts(s, text, model).values()
    assert claim.verdict == verdict, claim.evidence[:1]
    if claim_value is not None:
        assert [(c.kind, c.claim_value, c.source_value) for c in claim.conflicts] == [
            ("number", claim_value, source_value)
        ]


@MODELS
def test_a_changed_rank_is_contradicted(tmp_path, model):
    s = SQLiteStore(tmp_path / "rank.sqlite")
    s.add(
        [Passage("Finland joined NATO on 4 April 2023, becoming the alliance's 31st member.", "n")]
    )
    text = "Finland joined NATO on 4 April 2023, becoming the alliance's 30th member."
    (moved,) = verdicts(s, text, model).values()
    assert moved.verdict == "contradicted"
    assert [(c.kind, c.claim_value, c.source_value) for c in moved.conflicts] == [
        ("number", "30th", "31st")
    ]
    (right,) = verdicts(s, text.replace("30th", "31st"), model).values()
    assert right.verdict == "supported"
    # "the 32nd member state" parses with the rank on "member" here and on "state" there.
    s.add([Passage("Sweden joined NATO in March 2024, becoming its 32nd member state.", "s")])
    for wrong in ("30th", "12th"):
        (ranked,) = verdicts(
            s, f"Sweden joined NATO in March 2024 as its {wrong} member state.", model
        ).values()
        assert [(c.claim_value, c.source_value) for c in ranked.conflicts] == [(wrong, "32nd")]


QA_SOURCES = [
    Passage(
        "The Kelso clinic treated 5,000 patients in 2023, compared with 4,000 patients in 2022.",
        "kelso",
    ),
    Passage("The Brightwater tunnel construction began in 1987 and ended in 1994.", "tunnel"),
    Passage("The Lorvik treaty was signed on 12 March 1999 in Geneva.", "treaty"),
    Passage("The Pellham election took place on 2024-11-05.", "pellham"),
    Passage("The Fenwick charity raised €310,000 for flood victims.", "fenwick"),
    Passage(
        "The Ostrava steelworks paid a fine of 2.5 million dollars to the regulator.", "ostrava"
    ),
    Passage(
        "The lowest temperature recorded in Vesterby was -12 degrees Celsius in January.", "cold"
    ),
    Passage("The Pinecrest company reported revenue of 4.24 billion dollars for the year.", "pine"),
    Passage("The Corbin festival took place last Tuesday in Leeds.", "corbin"),
    Passage("The Vennmark parliament passed the climate law on Tuesday, 14 May 2024.", "law"),
    Passage("Exports from Dunmore fell by 12 percent last year, the trade ministry said.", "exp"),
    Passage("The Harlow company's profits doubled in 2023, its chief executive said.", "harlow"),
    Passage("The Greyfield stadium can hold up to 40,000 spectators.", "stadium"),
    Passage("Four in five voters in Brenton backed the Ashford plan, the survey found.", "poll"),
    Passage("The suspect, Daniel Marsh, aged 54, was arrested in Leeds on Monday.", "marsh"),
    Passage("Inflation in Morland reached six and a half percent in June.", "morland"),
    Passage("The Kestrel app has 1.2k reviews on the Tallis store.", "kestrel"),
    Passage("France, Germany and Spain signed the Lisbon climate deal in 2021.", "lisbon"),
    Passage("Consumer prices in Vesterland rose in February and fell in March.", "prices"),
    Passage("Consumer prices in Tarnby rose in February, the statistics office said.", "tarnby"),
    Passage("The Kaweka cooperative will return NZ$1.2 billion to its farmers.", "kaweka"),
    Passage("Bekele Tola, the defending champion, finished fifth in the Lakeside Marathon.", "run"),
    Passage("The Ashby party holds 403 of the 650 seats in the Vell parliament.", "seats"),
    Passage("The Vell parliament voted 312-118 to lower the voting age to 16.", "vote"),
    Passage("Unemployment in Tarvik rose 0.5 percentage points to 5.3% in March.", "jobs"),
    Passage("The Tarvik central bank cut its main rate by 25 basis points.", "bank"),
    Passage("The Ashby coalition holds 403 of the 650 seats, up from 365 before the vote.", "vote"),
    Passage("Dunmore Rovers won 12 of their 20 matches and drew five, the club said.", "club"),
    Passage("Dunmore Rovers finished second in 2023 and 2024 and third in 2025.", "table"),
    Passage("Mortgage rates in Tarvik rose 0.1 percentage point to 6.9% this week.", "loans"),
    Passage("Inflation in Tarvik rose to 3.1% in May from 2.9% in April.", "prices"),
    Passage("All of the Vell opposition's five lawmakers voted against the bill.", "against"),
    Passage("Sterling rose 0.2% to $1.2650 on Tuesday, the Tarvik exchange said.", "fx"),
    Passage(
        "Uganda's Joshua Kiprotich won the Lakeside Marathon, 9 seconds ahead of Kenya's "
        "Daniel Mutai.",
        "marathon",
    ),
    Passage("Talbot was sentenced to 14 years in prison by the Vell district court.", "court"),
    Passage(
        "The inquiry was led by the Vell Department of Transportation's inspector general.",
        "inquiry",
    ),
    Passage(
        "Over 24 weeks, 4 percent of people on velimab went to an emergency room, compared "
        "with 8 percent on placebo.",
        "trial",
    ),
    Passage(
        "The Vell quake struck at a depth of 38 kilometres, about 64 kilometres (40 miles) "
        "from the coast, the survey said.",
        "quake",
    ),
]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # A value of the source's other action or year is not the claim's value.
        ("The Kelso clinic treated 4,000 patients in 2023.", "contradicted"),
        ("The Kelso clinic treated 5,000 patients in 2022.", "contradicted"),
        ("The Kelso clinic treated 5,000 patients in 2023.", "supported"),
        ("The Brightwater tunnel construction began in 1994.", "contradicted"),
        ("The Brightwater tunnel construction began in 1987.", "supported"),
        # Days of the same month, and ISO dates with their month and day.
        ("The Lorvik treaty was signed on March 21, 1999 in Geneva.", "contradicted"),
        ("The Lorvik treaty was signed on March 12, 1999 in Geneva.", "supported"),
        ("The Pellham election took place on 6 November 2024.", "contradicted"),
        ("The Pellham election took place on 2024-12-05.", "contradicted"),
        ("The Pellham election took place on 5 November 2024.", "supported"),
        # A currency sign outside spaCy's entity, "$25m", a minus sign.
        ("The Fenwick charity raised €510,000 for flood victims.", "contradicted"),
        ("The Ostrava steelworks paid a fine of $25m to the regulator.", "contradicted"),
        ("The Ostrava steelworks paid a fine of $2.5m to the regulator.", "supported"),
        # The same sum in another currency, with the sign or the noun.
        ("The Ostrava steelworks paid a fine of €2.5 million to the regulator.", "contradicted"),
        (
            "The Ostrava steelworks paid a fine of 2.5 million euros to the regulator.",
            "contradicted",
        ),
        # Dollars of other countries: "NZ$", "A$", "New Zealand dollars".
        ("The Kaweka cooperative will return A$1.2 billion to its farmers.", "contradicted"),
        (
            "The Kaweka cooperative will return 1.2 billion New Zealand dollars to its farmers.",
            "supported",
        ),
        ("The Ostrava steelworks paid a fine of US$2.5m to the regulator.", "supported"),
        # A place in a race, a part of a whole, a vote's tally, a share's move (a third
        # fact-checker's trial: each had been supported, or compared with another number).
        ("Defending champion Bekele Tola finished third in the Lakeside Marathon.", "contradicted"),
        ("Bekele Tola, the defending champion, came fifth in the Lakeside Marathon.", "supported"),
        ("The Ashby party controls 430 of the 650 seats in the Vell parliament.", "contradicted"),
        ("The Ashby party controls 403 of the 650 seats in the Vell parliament.", "supported"),
        ("The Vell parliament voted 321-118 to lower the voting age to 16.", "contradicted"),
        (
            "The Vell parliament voted by 312 votes to 118 to lower the voting age to 16.",
            "supported",
        ),
        ("Unemployment in Tarvik rose 0.5% to 5.3% in March.", "contradicted"),
        ("Unemployment in Tarvik rose half a percentage point to 5.3% in March.", "supported"),
        ("The Tarvik central bank cut its main rate by 0.25%.", "contradicted"),
        ("The Tarvik central bank cut its main rate by a quarter of a point.", "supported"),
        # A red-team's true restatements (qa103): the value said without its noun, the
        # source's action with no value of the claim's, a place in a list of seasons.
        ("Before the vote the Ashby coalition held 365 of the 650 seats.", "supported"),
        ("Dunmore Rovers drew five of their 20 matches, the club said.", "supported"),
        ("Dunmore Rovers finished third in 2025 after two second places.", "supported"),
        # Where a change started, against a source giving the change, or another start.
        ("Mortgage rates in Tarvik rose to 6.9% from 6.8% this week.", "supported"),
        ("Inflation in Tarvik rose to 3.1% in May from 2.5% in April.", "contradicted"),
        # Nouns news writes two ways: "MPs" are "lawmakers", "the pound" is "sterling".
        ("All of the Vell opposition's seven MPs voted against the bill.", "contradicted"),
        ("The pound gained 0.2% to $1.2650 on Tuesday, the Tarvik exchange said.", "supported"),
        # One runner's country, whoever else the source says is Kenyan.
        ("Kenya's Joshua Kiprotich won the Lakeside Marathon.", "contradicted"),
        ("Uganda's Joshua Kiprotich won the Lakeside Marathon.", "supported"),
        # A fourth fact-checker's (qa104): a length of time, which spaCy tags as a date; a
        # body one word apart; an actor named otherwise where two values are the same.
        ("Talbot was sentenced to 16 years in prison by the Vell district court.", "contradicted"),
        (
            "The inquiry was led by the Vell Department of Justice's inspector general.",
            "contradicted",
        ),
        (
            "Over 24 weeks, 4% of velimab patients needed emergency care, compared with 8% of "
            "those on placebo.",
            "supported",
        ),
        # The same number in another unit of its measure, whatever the verbs.
        ("The survey said the Vell quake was 38 miles deep.", "contradicted"),
        ("The survey said the Vell quake was 38 km deep, 40 miles from the coast.", "supported"),
        # Another sum in another currency may be a conversion: not a conflict, and not
        # support either, however alike the sentences read.
        (
            "The Ostrava steelworks paid a fine of €2.3 million to the regulator.",
            "not_enough_evidence",
        ),
        # Another month of an unnamed year, another time of a change: the same.
        (
            "Consumer prices in Tarnby fell in March, the statistics office said.",
            "not_enough_evidence",
        ),
        ("Consumer prices in Vesterland fell in April.", "not_enough_evidence"),
        (
            "The lowest temperature recorded in Vesterby was 12 degrees Celsius in January.",
            "contradicted",
        ),
        # Weekdays, alone or beside a full date.
        ("The Corbin festival took place last Friday in Leeds.", "contradicted"),
        ("The Corbin festival took place last Tuesday in Leeds.", "supported"),
        (
            "The Vennmark parliament passed the climate law on Wednesday, 14 May 2024.",
            "contradicted",
        ),
        ("The Vennmark parliament passed the climate law on 14 May 2024.", "supported"),
        # Which way a value moved, and by what factor.
        ("Exports from Dunmore rose by 12 percent last year.", "contradicted"),
        ("Exports from Dunmore fell by 12 percent last year.", "supported"),
        # A change named by a noun: "saw a rise", "a fall in exports", "the export rise".
        ("Exports from Dunmore saw a 12 percent rise last year.", "contradicted"),
        ("Dunmore's exports posted a 12 percent rise last year.", "contradicted"),
        ("Dunmore reported a 12 percent fall in exports last year.", "supported"),
        ("The Harlow company's profits tripled in 2023.", "contradicted"),
        # The second verb of "rose ... and fell" moves the same prices.
        ("Consumer prices in Vesterland fell in March.", "supported"),
        ("Consumer prices in Vesterland rose in March.", "contradicted"),
        ("The Harlow company's profits doubled in 2023.", "supported"),
        # Two limits of the same side, shares, ages, spelled and scaled numbers.
        ("The Greyfield stadium can hold up to 60,000 spectators.", "contradicted"),
        ("The Greyfield stadium can hold 40,000 spectators.", "supported"),
        ("Three in five voters in Brenton backed the Ashford plan.", "contradicted"),
        ("80 percent of voters in Brenton backed the Ashford plan.", "supported"),
        ("The suspect, Daniel Marsh, aged 45, was arrested in Leeds on Monday.", "contradicted"),
        ("Inflation in Morland reached 8.5 percent in June.", "contradicted"),
        ("Inflation in Morland reached 6.5 percent in June.", "supported"),
        ("The Kestrel app has 3,400 reviews on the Tallis store.", "contradicted"),
        ("The Kestrel app has 1,200 reviews on the Tallis store.", "supported"),
        # A list of names with a member swapped; a shorter list is no conflict.
        ("France, Germany and Italy signed the Lisbon climate deal in 2021.", "contradicted"),
        ("France and Germany signed the Lisbon climate deal in 2021.", "supported"),
        # Rounded to the decimals the claim states.
        (
            "The Pinecrest company reported revenue of 4.2 billion dollars for the year.",
            "supported",
        ),
        (
            "The Pinecrest company reported revenue of 4.3 billion dollars for the year.",
            "contradicted",
        ),
    ],
)
def test_values_are_compared_as_a_fact_checker_reads_them(tmp_path, text, verdict):
    """Cases a QA sweep found wrongly supported (or, for rounding, contradicted)."""
    s = SQLiteStore(tmp_path / "qa.sqlite")
    s.add(QA_SOURCES)
    (claim,) = verdicts(s, text).values()
    assert claim.verdict == verdict, [
        (c.kind, c.claim_value, c.source_value) for c in claim.conflicts
    ]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            '"The recovery is strong and we can stop being cautious," central bank governor '
            "Peter Holm told reporters in Stockholm.",
            "contradicted",
        ),
        (
            "Central bank governor Peter Holm told reporters in Stockholm that the recovery "
            'is "fragile".',
            "supported",
        ),
        (
            '"The recovery is fragile and we must stay cautious," central bank governor '
            "Peter Holm told reporters in Stockholm.",
            "supported",
        ),
    ],
)
@MODELS
def test_quoted_words_are_checked_word_for_word(tmp_path, text, verdict, model):
    s = SQLiteStore(tmp_path / "quotes.sqlite")
    said = (
        '"The recovery is fragile and we must stay cautious," central bank governor Peter '
        "Holm told reporters in Stockholm."
    )
    s.add([Passage(said, "holm")])
    (claim,) = verdicts(s, text, model).values()
    assert claim.verdict == verdict
    if verdict == "contradicted":
        assert [(c.kind, c.source_value) for c in claim.conflicts] == [
            ("quote", "The recovery is fragile and we must stay cautious")
        ]


@MODELS
def test_the_fabricated_nato_story_is_caught_on_the_examples_trusted_notes(tmp_path, model):
    """The mission's case: a machine-written story on a real event moves NATO's accession
    dates, renumbers its members, miscounts Article 5 and calls Poland a Baltic state, each
    in a sentence that also says something else; the notes in examples/trusted refute each
    fact on its own."""
    from pathlib import Path

    from newsprobe.sources import iter_documents

    notes = Path(__file__).parents[2] / "examples" / "trusted"
    s = SQLiteStore(tmp_path / "notes.sqlite")
    for doc in iter_documents([str(notes)]):
        s.add(doc)
    story = (
        "Poland joined NATO in 2009, a decade after the Baltic states, and Sweden became the "
        "alliance's 30th member in 2024. Article 5 has been invoked twice since NATO was "
        "founded in 1949. Poland, a Baltic state on NATO's eastern flank, invoked Article 4 "
        "on Wednesday."
    )
    found = {
        text: [(c.kind, c.claim_value) for c in claim.conflicts]
        for text, claim in verdicts(s, story, model).items()
        if claim.verdict == "contradicted"
    }
    assert found == {
        "Poland joined NATO in 2009, a decade after the Baltic states": [("date", "2009")],
        "Sweden became the alliance's 30th member in 2024.": [("number", "30th")],
        "Article 5 has been invoked twice since NATO was founded in 1949.": [("number", "twice")],
        "Poland, a Baltic state on NATO's eastern flank": [("group", "Poland, a Baltic state")],
    }


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (
            "The museum bought the painting for €2.3 million at auction in Paris.",
            "The museum bought the painting for $2.5 million at auction in Paris.",
        ),
        (
            "Consumer prices in Germany rose in February, the statistics office said.",
            "Consumer prices in Germany fell in March, the statistics office said.",
        ),
    ],
)
def test_the_model_does_not_support_a_value_the_source_states_otherwise(tmp_path, source, text):
    """The shipped model called both supported (near-identical wording, similarity 0.96):
    a value stated otherwise where no check can call it a conflict vetoes that."""
    s = store_of(tmp_path, Passage(source, "one"))
    (claim,) = verdicts(s, text).values()
    assert claim.verdict == "not_enough_evidence"
    assert claim.features["unresolved"] >= 1


@pytest.mark.parametrize(
    ("source", "text", "verdict"),
    [
        (
            "The storm brought winds of 150 km/h to the coast of Galicia on Monday.",
            "The storm brought winds of 93 mph to the coast of Galicia on Monday.",
            "supported",
        ),
        (
            "The storm brought winds of 150 km/h to the coast of Galicia on Monday.",
            "The storm brought winds of 120 mph to the coast of Galicia on Monday.",
            "contradicted",
        ),
        (
            "Temperatures in Seville reached 40C on Monday.",
            "Temperatures in Seville reached 104F on Monday.",
            "supported",
        ),
        (
            "Temperatures in Seville reached 40C on Monday.",
            "Temperatures in Seville reached 110 degrees Fahrenheit on Monday.",
            "contradicted",
        ),
        (
            "The Baltic pipeline runs for 1,200 kilometres across Poland.",
            "The Baltic pipeline runs for 746 miles across Poland.",
            "supported",
        ),
        (
            "The Baltic pipeline runs for 1,200 kilometres across Poland.",
            "The Baltic pipeline runs for 950 miles across Poland.",
            "contradicted",
        ),
        (
            "The Marlow wildfire burned 10,000 hectares of forest in Oregon.",
            "The Marlow wildfire burned 24,700 acres of forest in Oregon.",
            "supported",
        ),
        (
            "The record catfish caught in the Ebro weighed 12 kg.",
            "The record catfish caught in the Ebro weighed 26 pounds.",
            "supported",
        ),
        (
            "The record catfish caught in the Ebro weighed 12 kg.",
            "The record catfish caught in the Ebro weighed 40 pounds.",
            "contradicted",
        ),
        (
            "The Kestrel tower in Leeds is 120 metres tall.",
            "The Kestrel tower in Leeds is 394 feet tall.",
            "supported",
        ),
        (
            "The Kestrel tower in Leeds is 120 metres tall.",
            "The Kestrel tower in Leeds is 120 feet tall.",
            "contradicted",
        ),
        # A "ton" may be a US short ton: 5,500 of them is 4,990 tonnes.
        (
            "The Ostra freighter carried 5,000 tonnes of grain to Gdansk.",
            "The Ostra freighter carried 5,500 tons of grain to Gdansk.",
            "supported",
        ),
        (
            "The Ostra freighter carried 5,000 tonnes of grain to Gdansk.",
            "The Ostra freighter carried 8,000 tons of grain to Gdansk.",
            "contradicted",
        ),
        # Square units are areas: "40 square miles" is 104 square kilometres, not 64 km.
        (
            "The Tarn national park covers 104 square kilometres of moorland.",
            "The Tarn national park covers 40 square miles of moorland.",
            "supported",
        ),
        (
            "The Tarn national park covers 40 square kilometres of moorland.",
            "The Tarn national park covers 40 square miles of moorland.",
            "contradicted",
        ),
        # "7m high" is metres; "25m euros" and "7m residents" are millions.
        (
            "The sea wall at Dunmore is 23 feet high.",
            "The sea wall at Dunmore is 7m high.",
            "supported",
        ),
        (
            "The sea wall at Dunmore is 23 feet high.",
            "The sea wall at Dunmore is 12 m high.",
            "contradicted",
        ),
        (
            "The Ostra shipyard lost €25 million in 2023.",
            "The Ostra shipyard lost 25m euros in 2023.",
            "supported",
        ),
        (
            "The Ostra shipyard lost €25 million in 2023.",
            "The Ostra shipyard lost 40m euros in 2023.",
            "contradicted",
        ),
        (
            "The Marlow region has 7 million residents, the census found.",
            "The Marlow region has 9m residents, the census found.",
            "contradicted",
        ),
        # A nautical mile is 1,852 m: 40 of them are 74 km, not 64.
        (
            "The Ostra freighter sailed 74 km from Gdansk before it sank.",
            "The Ostra freighter sailed 40 nautical miles from Gdansk before it sank.",
            "supported",
        ),
    ],
)
def test_a_value_in_another_unit_of_measure_is_converted(tmp_path, source, text, verdict):
    """An agency's "150 km/h" is an American paper's "93 mph" (both had been "not enough
    evidence": no number of the same unit), and "120 feet" for "120 metres" is wrong."""
    s = store_of(tmp_path, Passage(source, "one"))
    for model in ("default", None):
        (claim,) = verdicts(s, text, model).values()
        assert claim.verdict == verdict, (model, claim.conflicts)


TREATY = (
    'Article 4 of the North Atlantic Treaty says: "The Parties will consult together '
    "whenever, in the opinion of any of them, the territorial integrity, political "
    'independence or security of any of the Parties is threatened."'
)


@MODELS
def test_a_treaty_quoted_with_other_words_is_contradicted(tmp_path, model):
    """The mission's wire story quotes the treaty; a fabricated one can quote it wrong. A
    quote attributed to a named document or body is checked word for word, as a person's
    is (the misquote had been "supported": the sentences read alike, similarity 0.9)."""
    s = store_of(tmp_path, Passage(TREATY, "treaty"))
    wrong = TREATY.replace("consult together", "deploy troops")
    (claim,) = verdicts(s, wrong, model).values()
    assert claim.verdict == "contradicted"
    assert [(c.kind, c.claim_value[:30]) for c in claim.conflicts] == [
        ("quote", "The Parties will deploy troops")
    ]
    # Another voice quoted with those words is not the treaty misquoted.
    (other,) = verdicts(
        s, wrong.replace("Article 4 of the North Atlantic Treaty", "Mr Tusk"), model
    ).values()
    assert not [c for c in other.conflicts if c.kind == "quote"]


@MODELS
def test_the_wire_storys_treaty_quote_is_checked_against_the_examples_trusted_notes(
    tmp_path, model
):
    """The real story quotes Article 4 (scored 0 before: the attribution frame held its
    only name); the notes quote the treaty, so the same words are supported and other
    words are a quote conflict."""
    from pathlib import Path

    from newsprobe.sources import iter_documents

    s = SQLiteStore(tmp_path / "notes.sqlite")
    for doc in iter_documents([str(Path(__file__).parents[2] / "examples" / "trusted")]):
        s.add(doc)
    quoted = (
        'Article 4 of the treaty says that the parties "will consult together whenever, in '
        "the opinion of any of them, the territorial integrity, political independence or "
        'security of any of the Parties is threatened."'
    )
    (claim,) = verdicts(s, quoted, model).values()
    assert claim.verdict == "supported"
    (claim,) = verdicts(s, quoted.replace("consult together", "send troops"), model).values()
    assert claim.verdict == "contradicted" and claim.conflicts[0].kind == "quote"


@MODELS
def test_a_quote_is_not_supported_by_a_source_that_reports_other_words(tmp_path, model):
    """A source reporting the same voice without quotation marks confirms a quote only in
    the quote's own words: its paraphrase (similarity 0.9) had "supported" a misquote."""
    reported = (
        "Article 4 of the North Atlantic Treaty says that the parties will consult together "
        "whenever the security of any of them is threatened."
    )
    s = store_of(tmp_path, Passage(reported, "notes"))
    claim = (
        'Article 4 of the North Atlantic Treaty says that the parties "will act together" '
        "whenever the security of any of them is threatened."
    )
    (found,) = verdicts(s, claim, model).values()
    assert found.verdict == "not_enough_evidence"
    (found,) = verdicts(s, claim.replace("act together", "consult together"), model).values()
    assert found.verdict == "supported"


def test_an_empty_store_is_an_error_not_claims_without_evidence(tmp_path):
    """A mistyped store path opens a new, empty store: every claim would read "not enough
    evidence", as if it had been checked."""
    from newsprobe.errors import InputError

    empty = SQLiteStore(tmp_path / "typo" / "s.sqlite")
    assert empty.search_many(["Poland joined NATO"]) == [[]]
    with pytest.raises(InputError, match="the source store is empty"):
        verify_articles([Article(text="Poland joined NATO in 2009, officials said.")], empty)


@pytest.mark.parametrize("dateline", ["STOCKHOLM — ", "WARSAW, Sept 10 — ", "LONDON (Reuters) - "])
def test_a_dateline_is_not_part_of_the_claim(store, dateline):
    """A wire story's first sentence: the city was parsed as its subject and as an entity
    no source names, and the claim lost its evidence."""
    text = f"{dateline}Poland joined NATO in 2009, the minister said."
    (claim,) = verdicts(store, text).values()
    assert claim.text == "Poland joined NATO in 2009, the minister said."
    assert claim.start == len(dateline) and claim.verdict == "contradicted"


COUNCIL = (
    "The Harbour Town council voted on 14 May 2024 to build a new sea wall costing £4.5 "
    'million. Mayor Jane Hollis said the project was "long overdue and vital for the town". '
    "The wall will be 1,200 metres long and is due to be finished in 2026. The council has "
    "21 members, and 15 of them voted in favour."
)


@MODELS
@pytest.mark.parametrize(
    ("claim", "kind", "mine", "theirs"),
    [
        # A bare count of the same action: "9 voted" against "15 of them voted".
        ("Of the council's 21 members, 9 voted in favour.", "number", "9", "15"),
        # Of two sentences sharing the claim's words, the one stating its length.
        ("The new wall will be 3,000 metres long.", "number", "3,000 metres", "1,200 metres"),
        # Other words quoted of the same speaker, none of them shared.
        (
            'Mayor Jane Hollis said the project was "a waste of public money and unnecessary '
            'for the town".',
            "quote",
            "a waste of public money and unnecessary for the town",
            "long overdue and vital for the town",
        ),
        # The same words, word for word, given to someone else.
        (
            'Mayor Peter Quinn said the sea wall project was "long overdue and vital for the '
            'town".',
            "speaker",
            "Peter Quinn",
            "Jane Hollis",
        ),
    ],
    ids=["bare-count", "length", "other-quote", "other-speaker"],
)
def test_changed_facts_of_a_council_story_are_contradicted(
    tmp_path, model, claim, kind, mine, theirs
):
    """Found by a new user altering a story against its source (all three were "supported"
    or "not enough evidence")."""
    s = store_of(tmp_path, Passage(COUNCIL, "council"))
    (found,) = verdicts(s, claim, model).values()
    assert found.verdict == "contradicted"
    assert [(c.kind, c.claim_value, c.source_value) for c in found.conflicts] == [
        (kind, mine, theirs)
    ]
    (same,) = verdicts(s, "The wall will be 1,200 metres long.", model).values()
    assert same.verdict == "supported"


@MODELS
def test_each_changed_value_of_a_from_to_pair_is_named(tmp_path, model):
    """ "about £628m" is within an estimate's 10% of the source's other value, 682m: values
    of one unit are paired one to one, so it is compared with 528m."""
    source = (
        "The authority said its resources had reduced from £682m a year in 2010/11 to about "
        "£528m a year, with a 40% reduction in the workforce."
    )
    s = store_of(tmp_path, Passage(source, "manchester"))
    claim = source.replace("£528m", "£628m").replace("40%", "20%")
    (found,) = verdicts(s, claim, model).values()
    assert found.verdict == "contradicted"
    assert [(c.claim_value, c.source_value) for c in found.conflicts] == [
        # each with the period it is a rate for
        ("about £628m a year", "about £528m a year"),
        ("20%", "40%"),
    ]
    (same,) = verdicts(s, source, model).values()
    assert same.verdict == "supported"


@MODELS
def test_a_quote_changed_where_no_speaker_is_recognised_is_a_quote_conflict(tmp_path, model):
    """The parser names nobody in "Conservative John Leech, said": the same sentence around
    the quote is the same statement, and other quoted words are a conflict."""
    source = (
        "Manchester's sole opposition councillor, Liberal Democrat John Leech, said people "
        'would be "understandably shocked and frustrated" at the job losses just weeks after '
        "a number of senior managers were awarded above-inflationary pay rises."
    )
    s = store_of(tmp_path, Passage(source, "manchester"))
    claim = source.replace("understandably shocked and frustrated", "deeply angry and betrayed")
    (found,) = verdicts(s, claim, model).values()
    assert found.verdict == "contradicted" and found.conflicts[0].kind == "quote"
    (same,) = verdicts(s, source, model).values()
    assert same.verdict == "supported"


@MODELS
def test_a_quote_given_to_another_in_a_passage_naming_both_is_a_speaker_conflict(tmp_path, model):
    passage = (
        'Mayor Jane Hollis said the project was "long overdue and vital for the town". Peter '
        "Quinn, her deputy, voted against the project."
    )
    s = store_of(tmp_path, Passage(passage, "council"))
    claim = 'Peter Quinn said the project was "long overdue and vital for the town".'
    (found,) = verdicts(s, claim, model).values()
    assert found.verdict == "contradicted"
    assert [(c.kind, c.claim_value, c.source_value) for c in found.conflicts] == [
        ("speaker", "Peter Quinn", "Jane Hollis")
    ]


@MODELS
@pytest.mark.parametrize(
    ("source", "claim"),
    [
        # The source negates another action of the same sentence.
        (
            "We have a difficult game in Baku on Sunday, but we couldn't go into it in better "
            "shape, the coach said.",
            "We have a difficult game in Baku on Sunday, the coach said.",
        ),
        # The source's sentence gives the quote to the claim's speaker after another's words.
        (
            "The UK government has said anti-terror budgets have been protected but Lord "
            'Wigley said: "Units such as safer neighbourhood teams have been cut to the bone."',
            'Lord Wigley said: "Units such as safer neighbourhood teams have been cut to the '
            'bone."',
        ),
    ],
    ids=["other-negation", "two-speakers"],
)
def test_a_sentence_of_the_source_is_not_a_contradiction_of_itself(tmp_path, model, source, claim):
    """False alarms a benchmark of changed BBC stories found (bench_alterations)."""
    s = store_of(tmp_path, Passage(source, "wire"))
    found = list(verdicts(s, claim, model).values())
    assert found and all(c.verdict != "contradicted" for c in found), [
        (c.text, c.conflicts) for c in found
    ]


@MODELS
def test_a_speaker_named_in_apposition_to_a_title_is_the_speaker(tmp_path, model):
    """Wire copy names most speakers after their title ("Poland's defence minister, Mariusz
    Blaszczak, said"): the quote is his, so giving it to another is a speaker conflict and
    giving it to him is confirmed."""
    passage = (
        "Defence Secretary Lloyd Austin approved the deployment on Wednesday. Poland's defence "
        'minister, Mariusz Blaszczak, said the deployment was "a strong signal of solidarity".'
    )
    s = store_of(tmp_path, Passage(passage, "wire"))
    quote = 'the deployment was "a strong signal of solidarity".'
    (wrong,) = verdicts(s, f"Lloyd Austin said {quote}", model).values()
    assert wrong.verdict == "contradicted"
    assert [(c.kind, c.claim_value, c.source_value) for c in wrong.conflicts] == [
        ("speaker", "Lloyd Austin", "Mariusz Blaszczak")
    ]
    (right,) = verdicts(s, f"Mariusz Blaszczak said {quote}", model).values()
    assert right.verdict == "supported"


@MODELS
def test_a_surname_that_is_also_a_word_is_not_the_sources_speaker(tmp_path, model):
    """ "May" is not named by "I may not be": the words given to Theresa May are
    Cracknell's. Surnames are matched as written, and a common word is no name."""
    passage = (
        "Cracknell told the BBC's Gabby Logan: \"I haven't run for four or five weeks and I "
        'may not be the most efficient runner."'
    )
    s = store_of(tmp_path, Passage(passage, "bbc"))
    (found,) = verdicts(s, passage.replace("Cracknell", "Theresa May"), model).values()
    assert found.verdict == "contradicted"
    assert [(c.kind, c.claim_value) for c in found.conflicts] == [("speaker", "Theresa May")]


@MODELS
@pytest.mark.parametrize(
    ("source", "claim"),
    [
        # The source's sentence names her as written: her words, repeated by another.
        (
            'David Davis said: "Brexit means Brexit," repeating the words May had used.',
            'Theresa May said: "Brexit means Brexit."',
        ),
        # A surname in capitals, a name's other form: found by the red-team of the rules.
        (
            "MCDONALD said the club had signed 12 players.",
            "Steve McDonald said the club had signed 12 players.",
        ),
        (
            "European gas storage was 95% full at the start of November, analysts said.",
            "Gas storage in Europe was 95% full at the start of November, analysts said.",
        ),
    ],
    ids=["named-as-written", "capitals", "european"],
)
def test_a_name_as_the_source_writes_it_is_found(tmp_path, model, source, claim):
    s = store_of(tmp_path, Passage(source, "wire"))
    (found,) = verdicts(s, claim, model).values()
    assert found.verdict == "supported", found.conflicts


@MODELS
def test_a_bodys_quote_given_to_another_body_is_a_speaker_conflict(tmp_path, model):
    """ "Office" is no surname: the Home Office's words are not the Foreign Office's; a
    body's spokesman named in the source still speaks for it."""
    words = '"British nationals should leave Lebanon immediately by any means available."'
    s = store_of(
        tmp_path,
        Passage(f"The Foreign Office said: {words}", "fco"),
        Passage('Kremlin spokesman Dmitry Peskov said: "We see no grounds for talks."', "tass"),
    )
    (other,) = verdicts(s, f"The Home Office said: {words}", model).values()
    assert other.verdict == "contradicted"
    assert [c.kind for c in other.conflicts] == ["speaker"]
    (same,) = verdicts(s, f"The Foreign Office said: {words}", model).values()
    assert same.verdict == "supported"
    (kremlin,) = verdicts(s, 'The Kremlin said: "We see no grounds for talks."', model).values()
    assert kremlin.verdict != "contradicted"


@MODELS
def test_an_offices_quote_given_to_another_office_is_a_speaker_conflict(tmp_path, model):
    """The deputy is not the prime minister, nor the Home Secretary the Foreign one; a
    name on one side and an office on the other may be one person, and "the minister"
    may be either."""
    words = '"We will build 1.5 million homes by 2029."'
    s = store_of(tmp_path, Passage(f"The Deputy Prime Minister said: {words}", "gov"))
    (other,) = verdicts(s, f"The Prime Minister said: {words}", model).values()
    assert other.verdict == "contradicted"
    assert [(c.kind, c.claim_value, c.source_value) for c in other.conflicts] == [
        ("speaker", "Prime Minister", "Deputy Prime Minister")
    ]
    (same,) = verdicts(s, f"The Deputy Prime Minister said: {words}", model).values()
    assert same.verdict == "supported"
    words = '"British nationals should leave Lebanon immediately by any means available."'
    (tmp_path / "fco").mkdir()
    s = store_of(tmp_path / "fco", Passage(f"The Foreign Secretary said: {words}", "fco"))
    (home,) = verdicts(s, f"The Home Secretary said: {words}", model).values()
    assert [c.kind for c in home.conflicts] == ["speaker"]
    for source, claim in (
        ("The Foreign Minister said", "The minister said"),
        ("A spokesman said", "A spokeswoman said"),
    ):
        (tmp_path / source).mkdir()
        s = store_of(tmp_path / source, Passage(f"{source}: {words}", "fco"))
        (found,) = verdicts(s, f"{claim}: {words}", model).values()
        assert found.verdict == "supported", (claim, found.conflicts)


@MODELS
def test_a_place_is_named_as_a_whole_word(tmp_path, model):
    """ "Niger" was found inside "Nigeria", and Nigeria's figures confirmed Niger's."""
    s = store_of(tmp_path, Passage("Nigeria's inflation rose to 24 percent in 2023.", "cb"))
    text = "Niger's inflation rose to 24 percent in 2023, the central bank said."
    (found,) = verdicts(s, text, model).values()
    assert found.verdict == "not_enough_evidence"
    (same,) = verdicts(s, text.replace("Niger's", "Nigeria's"), model).values()
    assert same.verdict == "supported"


@MODELS
def test_an_offices_quote_with_a_not_put_in_is_contradicted(tmp_path, model):
    """An office's quoted words were no claim at all, so a "not" put into them went
    unchecked."""
    quote = 'The Prime Minister said: "We will rebuild every home that was destroyed."'
    s = store_of(tmp_path, Passage(f"The storm destroyed 400 homes. {quote}", "ministry"))
    (found,) = verdicts(s, quote.replace("will rebuild", "will not rebuild"), model).values()
    assert found.verdict == "contradicted"
    assert [c.kind for c in found.conflicts] == ["negation"]
    (same,) = verdicts(s, quote, model).values()
    assert same.verdict == "supported"


@MODELS
def test_a_quote_given_to_a_name_the_parser_did_not_tag_is_a_speaker_conflict(tmp_path, model):
    """The source's speaker read from its attribution as written ("Manager O'Neill")."""
    s = store_of(tmp_path, Passage("Manager O'Neill said: \"We're in a great position.\"", "fc"))
    claim = 'Manager Mauricio Pochettino said: "We\'re in a great position."'
    (found,) = verdicts(s, claim, model).values()
    assert found.verdict == "contradicted"
    assert [(c.kind, c.claim_value) for c in found.conflicts] == [
        ("speaker", "Mauricio Pochettino")
    ]


@MODELS
def test_counts_of_one_vote_are_paired_by_what_they_count(tmp_path, model):
    """ "6 in favour and 15 against" reverses "15 in favour and 6 against": the same two
    numbers had confirmed it, and other numbers were paired 9 with 6."""
    source = "Of the 21 councillors present, 15 voted in favour and 6 against the plan."
    s = store_of(tmp_path, Passage(source, "council"))
    swapped = "Of the 21 councillors present, 6 voted in favour and 15 against the plan."
    (found,) = verdicts(s, swapped, model).values()
    assert found.verdict == "contradicted"
    assert [(c.claim_value, c.source_value) for c in found.conflicts] == [("6", "15"), ("15", "6")]
    other = "Of the 21 councillors present, 9 voted in favour and 12 against the plan."
    (found,) = verdicts(s, other, model).values()
    assert [(c.claim_value, c.source_value) for c in found.conflicts] == [("9", "15"), ("12", "6")]
    (same,) = verdicts(s, source, model).values()
    assert same.verdict == "supported"


BALTIC = (
    "Poland, Hungary and the Czech Republic joined NATO on 12 March 1999. Estonia, Latvia "
    "and Lithuania joined on 29 March 2004. Finland became the 31st member of NATO on 4 "
    "April 2023. The Bank of Examplia raised its main interest rate by 0.25 percentage "
    "points to 5.5 percent. The alliance did not invoke Article 4 after the 2014 annexation "
    "of Crimea was first reported; Article 5 has been invoked once, after the attacks of 11 "
    "September 2001. The troops of the 82nd Airborne Division will be based in Rzeszow, "
    "about 90 kilometres from the Ukrainian border."
)


@MODELS
@pytest.mark.parametrize(
    "claim",
    [
        "Estonia, Latvia and Lithuania did not join NATO in 1999.",
        "The Bank of Examplia did not raise its interest rate to 6 percent.",
        "Poland and Hungary joined NATO in 1999, five years before the Baltic states joined "
        "in 2004.",
        "The Bank of Examplia raised its main interest rate by 25 basis points to 5.5 percent.",
        "Sweden became the 32nd member of NATO in 2024.",
        "The alliance did not invoke Article 4 after the 2014 annexation of Crimea.",
    ],
    ids=[
        "denied-year",
        "denied-value",
        "two-events",
        "basis-points",
        "another-country",
        "dated-noun",
    ],
)
def test_true_claims_a_fact_checker_wrote_are_not_contradicted(tmp_path, model, claim):
    """A denied value, a year the claim gives another event, basis points, and a sentence
    about another country: each had been "contradicted" (a fact-checker's trial)."""
    s = store_of(tmp_path, Passage(BALTIC, "wire"))
    (found,) = verdicts(s, claim, model).values()
    assert found.verdict != "contradicted", found.conflicts


@MODELS
@pytest.mark.parametrize(
    ("claim", "kind"),
    [
        ("Estonia, Latvia and Lithuania did not join NATO in 2004.", "negation"),
        ("The Bank of Examplia did not raise its interest rate to 5.5 percent.", "negation"),
        ("The Bank of Examplia raised its main interest rate by 50 basis points.", "number"),
        ("The Bank of Examplia raised its main interest rate by 0.25 percent.", "number"),
        ("Finland became the 32nd member of NATO on 4 April 2023.", "number"),
    ],
)
def test_the_same_claims_made_false_are_still_contradicted(tmp_path, model, claim, kind):
    s = store_of(tmp_path, Passage(BALTIC, "wire"))
    (found,) = verdicts(s, claim, model).values()
    assert found.verdict == "contradicted"
    assert kind in [c.kind for c in found.conflicts]


@MODELS
def test_a_value_in_the_same_words_place_is_compared_whatever_the_verb(tmp_path, model):
    """ "stationed in Rzeszow, about 900 km from the border" against "based in Rzeszow,
    about 90 km from the border" was not enough evidence: another verb, so another
    action. The words around the distance say it is the same one. (The division named in
    the other's place is not compared: a body goes by too many names.)"""
    s = store_of(tmp_path, Passage(BALTIC, "wire"))
    claim = (
        "The troops, from the 101st Airborne Division, will be stationed in Rzeszow, about "
        "900 kilometres from the Ukrainian border."
    )
    (found,) = verdicts(s, claim, model).values()
    assert found.verdict == "contradicted"
    assert [(c.kind, c.claim_value, c.source_value) for c in found.conflicts] == [
        ("number", "about 900 kilometres", "about 90 kilometres"),
    ]
    right = claim.replace("101st", "82nd").replace("900", "90")
    (same,) = verdicts(s, right, model).values()
    assert same.verdict == "supported"


@MODELS
def test_a_clause_of_a_long_sentence_is_evidence_of_its_own(tmp_path, model):
    """The sentence is 0.50 alike the claim, under the gate, for its first clause is on
    the currency: its second, on swap rates, is what the claim restates (a fact-checker's
    "21 basis points" for 12 had been not enough evidence). Only that clause is compared:
    the currency's 0.8% is no value of the swap rates."""
    from newsprobe.verify.options import MIN_SIMILARITY

    source = (
        "The New Zealand dollar fell 0.8% to US$0.5630 after the decision, while two-year "
        "swap rates dropped 12 basis points to 2.91%."
    )
    s = store_of(tmp_path, Passage(source, "wire"))
    (wrong,) = verdicts(s, "Two-year swap rates tumbled 21 basis points to 2.91%.", model).values()
    (evidence,) = wrong.evidence
    assert evidence.relevant and evidence.similarity < MIN_SIMILARITY
    assert [(c.claim_value, c.source_value) for c in wrong.conflicts] == [
        ("21 basis points", "12 basis points")
    ]
    (right,) = verdicts(s, "Two-year swap rates dropped 12 basis points to 2.91%.", model).values()
    assert right.verdict == "supported"


@pytest.mark.parametrize(
    ("source", "claim", "shown"),
    [
        # "source says '2.5 million'" hid what differs; "'150 km/h.'" kept the full stop.
        (
            "The government has allocated 2.5 million euros in emergency aid.",
            "The government has allocated $2.5 million in emergency aid.",
            [("$2.5 million", "2.5 million euros")],
        ),
        (
            "Winds reached 150 km/h on the coast on Tuesday.",
            "Winds reached 250 km/h on the coast on Tuesday.",
            [("250 km/h", "150 km/h")],
        ),
        # "voted 4-2" against "voted 5-1" named '4' against '1' and '2' against '5'.
        (
            "The Tarvik central bank's board voted 5-1 to hold rates.",
            "The Tarvik central bank's board voted 4-2 to hold rates.",
            [("4", "5"), ("2", "1")],
        ),
        # "rose 0.5%" for "rose 0.5 percentage points" was not compared at all.
        (
            "Unemployment in Tarvik rose 0.5 percentage points to 5.3% in March.",
            "Unemployment in Tarvik rose 0.5% to 5.3% in March.",
            [("0.5%", "0.5 percentage points")],
        ),
    ],
)
@MODELS
def test_a_conflict_shows_both_values_as_written(tmp_path, model, source, claim, shown):
    s = store_of(tmp_path, Passage(source, "wire"))
    (found,) = verdicts(s, claim, model).values()
    assert [(c.claim_value, c.source_value) for c in found.conflicts] == shown


@MODELS
def test_a_country_named_by_its_adjective_or_initials_is_the_same_country(tmp_path, model):
    """ "Polish defence minister" is "Poland's defence minister"; "US troops" are "United
    States troops": a changed quote or number there is caught, the true claim is not
    contradicted."""
    s = store_of(
        tmp_path,
        Passage(
            "Poland's defence minister, Mariusz Blaszczak, said the deployment was \"a strong "
            'signal of solidarity". The United States will send 3,000 additional troops to '
            "Poland, the Pentagon said.",
            "wire",
        ),
    )
    weak = (
        "Polish defence minister Mariusz Blaszczak called the deployment "
        '"a weak signal of solidarity".'
    )
    (found,) = verdicts(s, weak, model).values()
    assert found.verdict == "contradicted" and found.conflicts[0].kind == "quote"
    (more,) = verdicts(s, "The US will send 30,000 additional troops to Poland.", model).values()
    assert more.verdict == "contradicted" and more.conflicts[0].kind == "number"
    (true,) = verdicts(s, "The US will send 3,000 additional troops to Poland.", model).values()
    assert true.verdict == "supported"


def test_initials_are_found_as_whole_words_only():
    from newsprobe.claims.aliases import named_in

    assert named_in("US", "the united states said") and named_in("Polish", "poland's army")
    assert not named_in("US", "the bus was late") and not named_in("UN", "under way")


NORDIC = (
    "Finland applied to join NATO in May 2022 and joined the alliance in April 2023. Sweden "
    "joined NATO in March 2024. Austria has never joined NATO. The harsh 1946/1947 winter "
    "caused fuel shortages across Britain. The World Health Organization declared a global "
    "pandemic on 11 March 2020, as the coronavirus spread across more than 100 countries."
)


@MODELS
@pytest.mark.parametrize(
    "claim",
    [
        "Finland joined NATO in 2019, while Austria did not join.",
        "Finland joined NATO in 2024, a year after Sweden joined in 2023.",
        "The harsh 1947/1948 winter caused fuel shortages across Britain.",
        "The WHO declared a global pandemic on 11 March 2021, as the coronavirus spread "
        "across more than 100 countries.",
    ],
    ids=["negation-elsewhere", "swapped-years", "other-season", "acronym"],
)
def test_a_red_teams_false_claims_stay_contradicted(tmp_path, model, claim):
    """Each slipped through a first form of today's rules: a negation of another actor's
    action, a year the claim gives another actor, a season that shares a year, and a
    body named by its initials taken for another actor."""
    s = store_of(tmp_path, Passage(NORDIC, "wire"))
    (found,) = verdicts(s, claim, model).values()
    assert found.verdict == "contradicted", found.conflicts
    assert "date" in [c.kind for c in found.conflicts]


@MODELS
@pytest.mark.parametrize(
    "claim",
    [
        "Finland did not join NATO until 2023.",
        "Finland joined NATO in April 2023, but Austria has not joined.",
        "The WHO declared a global pandemic on 11 March 2020.",
    ],
)
def test_a_red_teams_true_claims_get_no_value_conflict(tmp_path, model, claim):
    s = store_of(tmp_path, Passage(NORDIC, "wire"))
    (found,) = verdicts(s, claim, model).values()
    assert not [c for c in found.conflicts if c.kind in ("date", "number")], found.conflicts
    assert not any(c.claim_value.startswith("not ") for c in found.conflicts)


WIRE = (
    "Lithuania formally requested consultations under Article 4 of the North Atlantic Treaty "
    "on Wednesday after five military drones crossed its border from Belarus. Prime Minister "
    "Gintautas Paluckas told reporters that the government had placed 3,000 troops on "
    "heightened alert along the border."
)


@MODELS
def test_a_persons_other_office_is_an_office_conflict(tmp_path, model):
    """ "President Paluckas" and "Defence Minister Paluckas" were supported by a source
    naming him Prime Minister (red-team, 3 of 3)."""
    s = store_of(tmp_path, Passage(WIRE, "wire"))
    told = "told reporters that the government had placed 3,000 troops on heightened alert"
    for office in ("President", "Defence Minister"):
        (found,) = verdicts(s, f"{office} Gintautas Paluckas {told}.", model).values()
        assert found.verdict == "contradicted", office
        assert [(c.kind, c.claim_value, c.source_value) for c in found.conflicts] == [
            ("office", f"{office} Gintautas Paluckas", "Prime Minister Gintautas Paluckas")
        ]
    # The same office, a part of it, or none: nothing to contradict.
    for office in ("Prime Minister", "Minister", "Mr"):
        (same,) = verdicts(s, f"{office} Gintautas Paluckas {told}.", model).values()
        assert same.verdict == "supported", office


@MODELS
def test_a_refused_or_denied_action_contradicts_a_source_saying_it_was_done(tmp_path, model):
    """ "Lithuania refused to request consultations" and "Paluckas denied that 3,000
    troops had been placed" were supported by the source saying both were done."""
    s = store_of(tmp_path, Passage(WIRE, "wire"))
    refused = (
        "Lithuania refused to request consultations under Article 4 after five military "
        "drones crossed its border from Belarus."
    )
    denied = (
        "Prime Minister Gintautas Paluckas denied that 3,000 troops had been placed on "
        "heightened alert along the border."
    )
    found = verdicts(s, f"{refused} {denied}", model)
    assert [c.verdict for c in found.values()] == ["contradicted", "contradicted"]
    assert {c.conflicts[0].kind for c in found.values()} == {"negation"}
    (done,) = verdicts(s, refused.replace("refused to request", "requested"), model).values()
    assert done.verdict == "supported"


@MODELS
@pytest.mark.parametrize(
    ("claim", "wrong", "right", "kind"),
    [
        # "consultations under Article 5" was supported by a source on Article 4: a
        # content farm's favourite swap.
        (
            "Lithuania formally requested consultations under Article 5 of the North "
            "Atlantic Treaty after five military drones crossed its border from Belarus.",
            "Article 5",
            "Article 4",
            "number",
        ),
        # Drones that crossed "from Russia" were supported by a source saying "from Belarus".
        (
            "Lithuania formally requested consultations under Article 4 after five military "
            "drones crossed its border from Russia.",
            "Russia",
            "Belarus",
            "name",
        ),
    ],
    ids=["another-numbered-article", "the-same-action-from-another-place"],
)
def test_another_numbered_article_or_place_is_a_conflict(
    tmp_path, model, claim, wrong, right, kind
):
    s = store_of(tmp_path, Passage(WIRE, "wire"))
    (found,) = verdicts(s, claim, model).values()
    assert found.verdict == "contradicted"
    assert [(c.kind, c.claim_value, c.source_value) for c in found.conflicts] == [
        (kind, wrong, right)
    ]
    (same,) = verdicts(s, claim.replace(wrong, right), model).values()
    assert same.verdict == "supported"


MYANMAR = (
    "The quake hit at 12:50 p.m. local time on Friday at a depth of 10 kilometres, with its "
    "epicentre about 16 kilometres northwest of the city of Sagaing, the U.S. Geological "
    "Survey said. Myanmar, a Southeast Asian nation of about 55 million people, has been "
    "ruled by the military since a coup in February 2021. Thai Prime Minister Paetongtarn "
    'Shinawatra declared a state of emergency in Bangkok. "I want everyone to stay calm. We '
    'have the situation under control," she said.'
)
DEPTH = (
    "The quake hit at a depth of 10 kilometres, with its epicentre about 16 kilometres "
    "northwest of the city of Sagaing, the U.S. Geological Survey said."
)
NATION = (
    "Myanmar, a Southeast Asian nation of about 55 million people, has been ruled by the "
    "military since a coup in February 2021."
)


@MODELS
@pytest.mark.parametrize(
    ("claim", "said", "planted", "kind"),
    [
        # A name the source lacks was "not enough evidence": the entity gate threw out the
        # very sentence that says otherwise (fact-checker trials, 5 of 5).
        (NATION, "Southeast Asian", "South Asian", "name"),
        (DEPTH, "Sagaing", "Mandalay", "name"),
        # "10 miles" was read against the epicentre's "about 16 kilometres", which it
        # matches once converted; in the claim's words' place the source says 10 km.
        (DEPTH, "10 kilometres", "10 miles", "number"),
    ],
    ids=["region", "city", "unit"],
)
def test_a_name_or_value_where_the_source_words_it_otherwise_is_a_conflict(
    tmp_path, model, claim, said, planted, kind
):
    s = store_of(tmp_path, Passage(MYANMAR, "wire"))
    found = verdicts(s, claim.replace(said, planted), model)[claim.replace(said, planted)]
    assert found.verdict == "contradicted"
    assert [(c.kind, c.claim_value, c.source_value) for c in found.conflicts] == [
        (kind, planted, said)
    ]
    assert verdicts(s, claim, model)[claim].verdict == "supported"


@MODELS
def test_a_year_the_source_writes_without_a_date_is_no_conflict(tmp_path, model):
    """ "That makes 2025 the second-worst fire season" was contradicted by "2023, 2017"
    (the seasons the source ranks ahead of it, in "the 2025 season the third-worst on
    record, behind 2023 and 2017"): the parser reads no date in "the 2025 season", so the
    claim's year looked absent, and the conflict shown was not what is wrong."""
    source = (
        "That makes the 2025 season the third-worst on record in the province by area "
        "burned, behind 2023 and 2017."
    )
    s = store_of(tmp_path, Passage(source, "wire"))
    for rank in ("second", "third"):
        claim = f"That makes 2025 the {rank}-worst fire season on record in the province."
        (found,) = verdicts(s, claim, model).values()
        assert not [c for c in found.conflicts if c.kind == "date"], rank


@MODELS
@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("The summit opened in Geneva on Sept. 13, officials said.", "contradicted"),
        ("The summit opened in Geneva on 13 September, officials said.", "contradicted"),
        ("The summit opened in Geneva on September 3, officials said.", "supported"),
    ],
)
def test_a_day_of_the_month_is_compared_when_no_year_is_said(tmp_path, model, claim, verdict):
    """ "Sept. 13" against the source's "Sept. 3" was supported (a second red-team, 4 of
    4): with no year said only months were compared."""
    s = store_of(tmp_path, Passage("The summit opened in Geneva on Sept. 3, officials said.", "w"))
    (found,) = verdicts(s, claim, model).values()
    assert found.verdict == verdict
    assert [c.kind for c in found.conflicts] == (["date"] if verdict == "contradicted" else [])


@MODELS
def test_another_countrys_same_figure_is_no_conflict(tmp_path, model):
    """ "Germany's exports" are not France's with a name swapped: whose the subject is
    makes it another actor, as "Sweden became ..." is not "Finland became ..."."""
    text = "Germany's exports rose 3 percent in May, the statistics office said."
    s = store_of(tmp_path, Passage(text.replace("Germany", "France"), "wire"))
    (found,) = verdicts(s, text, model).values()
    assert found.verdict == "not_enough_evidence"


@MODELS
@pytest.mark.parametrize(
    ("sources", "claim"),
    [
        # A red-team of the slot and pronoun checks (2026-12-06): 23 of its 51 true
        # claims were contradicted; these were among them.
        (
            ["Ukrainian President Volodymyr Zelenskyy met Biden at the White House on Thursday."],
            "Ukrainian President Volodymyr Zelenskiy met Biden at the White House on Thursday.",
        ),
        (
            ["The bid was approved by Turkish President Recep Tayyip Erdoğan in January 2024."],
            "The bid was approved by Turkish President Recep Tayyip Erdogan in January 2024.",
        ),
        (
            ["The medal was presented by President Joseph R. Biden Jr. at a ceremony on Friday."],
            "The medal was presented by President Joe Biden at a ceremony on Friday.",
        ),
        (
            ["The resolution was adopted by the United Nations General Assembly on Friday."],
            "The resolution was adopted by the UN General Assembly on Friday.",
        ),
        # A second red-team: a short form and a city's old name.
        (
            ["Protesters gathered outside the courthouse in St. Louis on Friday, police said."],
            "Protesters gathered outside the courthouse in Saint Louis on Friday, police said.",
        ),
        (
            ["The train derailed outside Mumbai on Wednesday, killing 12 passengers."],
            "The train derailed outside Bombay on Wednesday, killing 12 passengers.",
        ),
        (
            [
                "An Israeli strike hit a residential building in the Lebanese capital on "
                "Sunday, killing at least four people, the health ministry said."
            ],
            "An Israeli strike hit a residential building in Beirut on Sunday, killing at "
            "least four people, the health ministry said.",
        ),
        (
            ["The $10 billion cloud contract was awarded by the Defense Department in 2019."],
            "The $10 billion cloud contract was awarded by the Pentagon in 2019.",
        ),
        (
            [
                "Flights were suspended at Gatwick Airport after a drone sighting, the airport "
                "said.",
                "Flights were suspended at Stansted Airport after a drone sighting near the "
                "runway, the airport said.",
            ],
            "Flights were suspended at Gatwick Airport after a drone sighting.",
        ),
        (
            ["The unemployment rate rose to 4.3 percent in June, the Labor Department said."],
            "The unemployment rate stood at 4.1 percent in May, the Labor Department said.",
        ),
        (
            ["Exports to China rose 3 percent in May, the trade ministry said on Monday."],
            "Exports to Japan rose 5 percent in May, the trade ministry said.",
        ),
        (
            [
                "A 45-year-old man, John Harris, was charged with fraud on Monday. A police "
                'spokesman said the investigation had taken eight months. "We are not looking '
                'for anyone else in connection with this case," he said.'
            ],
            '"We are not looking for anyone else in connection with this case," Detective '
            "Inspector Mark Evans said.",
        ),
        (
            [
                "Serena Williams said on Tuesday that her sister Venus Williams would miss the "
                'doubles. "She is still recovering from illness," she said.'
            ],
            'Serena Williams said: "She is still recovering from illness."',
        ),
    ],
    ids=[
        "spelling",
        "accents",
        "first-name",
        "initials",
        "short-form",
        "old-name",
        "capital",
        "body",
        "other-story",
        "other-month",
        "exports-to",
        "unnamed-spokesman",
        "same-surname",
    ],
)
def test_a_name_written_otherwise_or_another_fact_in_the_same_words_is_no_conflict(
    tmp_path, model, sources, claim
):
    s = store_of(tmp_path, *(Passage(text, f"wire-{i}") for i, text in enumerate(sources)))
    found = verdicts(s, claim, model)[claim]
    assert found.verdict != "contradicted", found.conflicts


@MODELS
def test_a_quote_the_source_gives_to_she_is_hers(tmp_path, model):
    """The source's "..., she said" after naming Thailand's prime minister supported the
    same words given to Myanmar's junta chief; and an article's own "he said" after naming
    him is his."""
    s = store_of(tmp_path, Passage(MYANMAR, "wire"))
    said = '"We have the situation under control," {} said.'
    (wrong,) = verdicts(s, said.format("Min Aung Hlaing"), model).values()
    assert wrong.verdict == "contradicted"
    assert [(c.kind, c.claim_value, c.source_value) for c in wrong.conflicts] == [
        ("speaker", "Min Aung Hlaing", "Paetongtarn Shinawatra")
    ]
    (right,) = verdicts(s, said.format("Paetongtarn Shinawatra"), model).values()
    assert right.verdict == "supported"
    text = "Senior General Min Aung Hlaing visited Mandalay on Saturday. " + said.format("he")
    he = verdicts(s, text, model)[said.format("he")]
    assert [(c.kind, c.claim_value) for c in he.conflicts] == [("speaker", "Min Aung Hlaing")]


@MODELS
def test_she_said_after_a_titled_name_the_parser_hung_on_of(tmp_path, model):
    """ "Reserve Bank of New Zealand Governor Claire Whitmore told reporters" is parsed as
    the bank telling them, so her "she said" was no one's, and the same words given to her
    deputy were not enough evidence (a third fact-checker's trial). The quote is also the
    claim's subject however little else the sentences share (0.64 alike)."""
    source = (
        '"The economy has more spare capacity than we assumed in August," Reserve Bank of '
        "New Zealand Governor Claire Whitmore told reporters in Wellington. "
        '"We stand ready to do more if needed," she said.'
    )
    s = store_of(tmp_path, Passage(source, "wire"))
    said = '"We stand ready to do more if needed," {} said.'
    (wrong,) = verdicts(s, said.format("Deputy Governor Paul Kemp"), model).values()
    assert [(c.kind, c.claim_value, c.source_value) for c in wrong.conflicts] == [
        ("speaker", "Paul Kemp", "Claire Whitmore")
    ]
    (right,) = verdicts(s, said.format("Governor Claire Whitmore"), model).values()
    assert right.verdict == "supported"


def test_a_contradicted_verdict_no_conflict_explains_says_why(tmp_path):
    """The verdict model's "contradicted" on a quote whose speaker is a pronoun named no
    conflict: the terminal showed the verdict and nothing against it. (Two people named
    before "She said", so whose words these are is not read.)"""
    quote = '"Our airspace was violated deliberately and we will not stay silent."'
    s = store_of(
        tmp_path, Passage(f"Lithuanian Defence Minister Dovile Sakaliene said: {quote}", "wire")
    )
    text = (
        "Lithuanian Defence Minister Dovile Sakaliene and Foreign Minister Kestutis Budrys "
        "spoke to reporters in Vilnius on Wednesday. "
        'She said: "Our airspace was violated by accident and we will stay silent."'
    )
    found = verdicts(s, text, "default")
    said = next(c for t, c in found.items() if t.startswith("She said"))
    assert said.verdict == "contradicted" and said.conflicts == []
    assert said.reason is not None and said.reason.startswith(
        "the closest source sentence negates what the claim affirms"
    )
    assert said.to_json()["reason"] == said.reason
    # A verdict its conflicts explain carries no other reason.
    (office,) = verdicts(s, f"Lithuanian Foreign Minister Dovile Sakaliene said: {quote}").values()
    assert [c.kind for c in office.conflicts] == ["office"] and office.reason is None
    assert "reason" not in office.to_json()


QUAKE = (
    "The death toll from a magnitude 7.7 earthquake that struck central Myanmar on Friday "
    "rose to 1,644, the country's military government said on Saturday, with 3,408 people "
    "injured and 139 missing."
)
JOBS = (
    "Statistics Canada said the economy added just 1,100 jobs in February. The unemployment "
    "rate held steady at 6.6 percent. Ontario, Canada's most populous province, sends most "
    "of its exports to the United States. Home sales fell 9.8 percent in February from "
    "January. NATO allies placed 3,000 troops in Poland in 2017."
)


@MODELS
def test_the_day_a_source_says_it_was_told_is_no_conflict(tmp_path, model):
    """A fact-checker's false alarm: "rose to 1,644 on Saturday" was contradicted by
    "struck on Friday", in a source that says the toll was given on Saturday."""
    s = store_of(tmp_path, Passage(QUAKE, "quake"))
    (told,) = verdicts(
        s, "The death toll rose to 1,644 on Saturday, officials said.", model
    ).values()
    assert told.verdict == "supported" and not told.conflicts
    (moved,) = verdicts(s, "The earthquake struck central Myanmar on Thursday.", model).values()
    assert moved.verdict == "contradicted"
    assert [(c.kind, c.claim_value) for c in moved.conflicts] == [("date", "Thursday")]


@MODELS
@pytest.mark.parametrize(
    ("claim", "kind", "values"),
    [
        # A fact-checker's planted errors that were "supported".
        ("The economy shed 1,100 jobs in February.", "direction", ("shed", "added")),
        ("The unemployment rate rose to 6.6 percent.", "direction", ("rose", "held")),
        (
            "Ontario, Canada's second most populous province, sends most of its exports "
            "to the United States.",
            "number",
            ("second most populous province", "most populous province"),
        ),
        # Another verb for the same action ("put", "placed") was "not enough evidence".
        ("NATO allies put 30,000 troops in Poland in 2017.", "number", ("30,000", "3,000")),
    ],
)
def test_a_changed_direction_rank_or_count_under_another_verb_is_contradicted(
    tmp_path, model, claim, kind, values
):
    s = store_of(tmp_path, Passage(JOBS, "statcan"))
    (found,) = verdicts(s, claim, model).values()
    assert found.verdict == "contradicted"
    assert [(c.kind, c.claim_value, c.source_value) for c in found.conflicts][:1] == [
        (kind, *values)
    ]


@MODELS
def test_a_cause_the_source_does_not_state_is_not_supported(tmp_path, model):
    """ "The bank cut rates because home sales fell 9.8 percent" was supported by a source
    stating the fall alone."""
    s = store_of(tmp_path, Passage(JOBS, "statcan"))
    fell = "Home sales fell 9.8 percent in February from January"
    (caused,) = verdicts(s, f"Interest rates were cut because {fell.lower()}.", model).values()
    assert caused.verdict == "not_enough_evidence"
    (plain,) = verdicts(s, f"{fell}.", model).values()
    assert plain.verdict == "supported"
    steady = "The unemployment rate held steady at 6.6 percent."
    assert verdicts(s, steady, model)[steady].verdict == "supported"
    # "the results were published" and "lead investigator" state no cause, though their
    # words can (a fact-checker's invented buyback was supported by them).
    s = store_of(
        tmp_path / "trial",
        Passage(
            "Shares in Halvorsen rose 6.2 percent on Tuesday after the results were "
            "published. The trial's lead investigator presented the results on Tuesday.",
            "wire",
        ),
    )
    claim = "Shares in Halvorsen rose 6.2 percent on Tuesday because of a share buyback."
    assert verdicts(s, claim, model)[claim].verdict == "not_enough_evidence"


@MODELS
def test_red_team_false_alarms_of_the_new_checks_stay_unsaid(tmp_path, model):
    """A red-team of the checks above: a rank in another scope, a steady month after a
    rise, and a day only the telling is dated by were contradicted or supported."""
    s = store_of(
        tmp_path,
        Passage(
            "Nvidia became the third most valuable company in the world in June 2024. The "
            "unemployment rate held steady at 3.9 percent in May after it rose to 3.9 "
            "percent in April. The central bank cut its main rate to 4 percent in January, "
            "the governor said in a speech on Tuesday.",
            "wire",
        ),
    )
    scoped = "Nvidia became the most valuable company in the chip industry in June 2024."
    assert verdicts(s, scoped, model)[scoped].verdict != "contradicted"
    rose = "The unemployment rate rose to 3.9 percent in April."
    assert verdicts(s, rose, model)[rose].verdict == "supported"
    told = "The central bank lowered its main rate to 4 percent on Tuesday."
    assert verdicts(s, told, model)[told].verdict == "not_enough_evidence"
