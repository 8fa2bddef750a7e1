"""Rates over another period, sums given to each of several, votes for and against,
numbered wards, ranks within "the country", other currencies, digits in another order,
a month said without its year, and an actor a second reference names otherwise:
planted errors and true restatements of qa122 and qa121, through
``pipeline.verify_articles`` on a real store."""

from __future__ import annotations

import pytest

from claim_checks import assert_verdict
from newsprobe.claims.nlp import load_nlp
from newsprobe.claims.parts import parse_parts
from newsprobe.sources import Passage, SQLiteStore

MINE = (
    "Tamboro, which employs about 2,900 people in northern Zambia, produced 64,000 tonnes"
    " of copper last year, making it the country's third-largest copper mine. The "
    "operator, Lusaka Ridge Mining, estimated the suspension would cost about 180 tonnes "
    "of lost output a day. It said it would pay each of the three families 400,000 kwacha"
    " and cover funeral costs. Union official Ruth Banda said miners had reported cracks "
    "in the shaft wall at least three times in August."
)
FIRE = (
    "Athens sent 40 firefighters on Monday to a wildfire in the hills southwest of Patras. "
    "Patras is Greece's third-largest city."
)
CARRIER = (
    "Skyline Air, a budget carrier with 30 aircraft, said it had hired 15 additional "
    "licensed engineers since the incident."
)
FORECAST = (
    "Analyst Laura Penn raised her forecast for the drug's peak annual sales to $4.5 "
    "billion from $2.8 billion."
)
MARKETS = (
    "Norport's shares fell 3.1% to 98.20 crowns in Oslo, while Baltline's shares jumped "
    "18% to 45.10 euros in Tallinn."
)
SHELTERS = (
    "The county fairgrounds in Kellam, 25 miles (40 km) south of Ridgeway, had taken in "
    "more than 200 horses by Friday. Evacuation orders covered about 3,500 homes in "
    "Ridgeway. A further 1,200 homes were under evacuation warnings."
)
REPAIRS = (
    "Lusaka Ridge Mining said it had spent 90 million kwacha on shaft repairs this year. "
    "Chief Executive Peter Mulenga said the company planned to invest 45 million kwacha in "
    "a new ventilation system at Tamboro."
)
COUNCIL = (
    "An amendment Park proposed to cut $9 million from parks spending failed on a 4-7 "
    "vote. Councillor Edwin Park, who represents the 7th Ward and voted for the budget, said "
    "the city had put off repairs for too long. The finance office estimates the levy will "
    "cost the owner of a median home an extra $64 a year. The police budget rises to $212 "
    "million from $168 million, funding 85 new officer positions and bringing the force "
    "to 940 officers."
)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> SQLiteStore:
    s = SQLiteStore(tmp_path_factory.mktemp("store") / "trusted.sqlite")
    s.add(
        [
            Passage(MINE, "mine", "Zambia suspends work at Tamboro copper mine"),
            Passage(COUNCIL, "council", "Eastvale council passes budget"),
            Passage(REPAIRS, "repairs", "Tamboro repairs"),
            Passage(FIRE, "fire", "Wildfire near Patras"),
            Passage(MARKETS, "markets", "Norport agrees to buy Baltline"),
            Passage(SHELTERS, "shelters", "Ridgeway fire forces evacuations"),
            Passage(FORECAST, "forecast", "Analysts raise heart drug forecasts"),
            Passage(CARRIER, "carrier", "Report faults Skyline Air maintenance"),
        ]
    )
    return s


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # A rate over another period is the same rate: 180 a day is 1,260 a week.
        (
            "Lusaka Ridge Mining estimates the suspension will cost about 180 tonnes of "
            "output a day, or roughly 1,260 tonnes a week.",
            "supported",
        ),
        ("The levy will cost the owner of a median home an extra $64 a year.", "supported"),
        ("The levy will cost the owner of a median home an extra $64 a month.", "contradicted"),
        # Each of three families 400,000 kwacha: 1.2 million in all, not 2 million.
        (
            "Lusaka Ridge Mining will pay the three families a combined 1.2 million kwacha "
            "and cover funeral costs.",
            "supported",
        ),
        (
            "Lusaka Ridge Mining will pay the three families a combined 2 million kwacha "
            "and cover funeral costs.",
            "contradicted",
        ),
        # The kwacha, a currency, is no rand.
        (
            "Lusaka Ridge Mining said it would pay each of the three families 400,000 rand "
            "and cover funeral costs.",
            "contradicted",
        ),
        # "The country's third-largest" ranks within Zambia, the title's country.
        ("Tamboro is Zambia's largest copper mine.", "contradicted"),
        ("Tamboro is Zambia's third-largest copper mine.", "supported"),
        # Another city's rank: Patras is third, and the page names Athens for another act.
        ("Athens is Greece's third-largest city.", "not supported"),
        ("Greece's third-largest city is Athens.", "not supported"),
        ("Patras is Greece's third-largest city.", "supported"),
        # "The airline" is the story's "carrier".
        ("Since the incident the airline has taken on 15 more licensed engineers.", "supported"),
        (
            "Since the incident the airline has taken on 25 more licensed engineers.",
            "not supported",
        ),
        # Of two moves in one sentence, the one with the claim's values.
        ("Norport's shares rose 3.1% to 98.20 crowns in Oslo.", "contradicted"),
        ("Norport's shares fell 3.1% to 98.20 crowns in Oslo.", "supported"),
        # The point of the compass a distance is said at.
        (
            "The county fairgrounds in Kellam, 25 miles north of Ridgeway, had taken in more "
            "than 200 horses by Friday.",
            "contradicted",
        ),
        (
            "The county fairgrounds in Kellam, 25 miles south of Ridgeway, had taken in more "
            "than 200 horses by Friday.",
            "supported",
        ),
        # "A further 1,200" adds to the 3,500: no total of its own.
        (
            "Some 4,700 homes in total were under evacuation orders or warnings in Ridgeway.",
            "not contradicted",
        ),
        # Voted for is no vote against.
        (
            "Councillor Edwin Park, who voted against the budget, said the city had put off "
            "repairs for too long.",
            "contradicted",
        ),
        # A motion that failed was not approved.
        (
            "Park's amendment to cut $9 million from parks spending was approved.",
            "contradicted",
        ),
        # A claim joining two sentences: the value the closest leaves unsaid is said
        # otherwise in the next.
        (
            "Lusaka Ridge Mining said it had spent 90 million kwacha on shaft repairs this "
            "year and plans to invest 45 million dollars in a new ventilation system.",
            "contradicted",
        ),
        (
            "Lusaka Ridge Mining said it had spent 90 million kwacha on shaft repairs this "
            "year and plans to invest 45 million kwacha in a new ventilation system.",
            "supported",
        ),
        # Digits in another order: a slip of the keys, whatever the verb.
        (
            "The police budget grows to $212 million, bringing the force to 940 officers "
            "with 58 new positions.",
            "contradicted",
        ),
        # How much a change was, against where it started and went.
        ("The police budget rose by $44 million to $212 million.", "supported"),
        ("The police budget rose by $54 million to $212 million.", "contradicted"),
        (
            "Analyst Laura Penn lifted her peak-sales estimate for the drug by $1.7 billion, "
            "to $4.5 billion.",
            "supported",
        ),
        # A ward by its number.
        (
            "Councillor Edwin Park, who represents the 5th Ward, said the city had put off "
            "repairs for too long.",
            "contradicted",
        ),
        # A month without its year, in the source's own sentence otherwise.
        (
            "Union official Ruth Banda said miners had reported cracks in the shaft wall at "
            "least three times in July.",
            "contradicted",
        ),
        (
            "Union official Ruth Banda said miners had reported cracks in the shaft wall at "
            "least three times in August.",
            "supported",
        ),
        # "On three occasions" is "three times".
        (
            "Union official Ruth Banda said miners had reported cracks in the shaft wall on "
            "at least three occasions in August.",
            "supported",
        ),
    ],
)
def test_rates_each_votes_wards_and_ranks(store, claim, expected):
    assert_verdict(store, claim, expected)


@pytest.mark.parametrize(
    ("text", "value", "per", "each"),
    [
        ("The mine lost 240 tonnes of output a day.", 240, "day", 0),
        ("The plant has an annual capacity of 5,000 tonnes.", 5000, "year", 0),
        ("Fees rose to $30 per month.", 30, "month", 0),
        # A time, not a rate: "a day after", "in a year".
        ("Rescuers found 12 survivors a day after the collapse.", 12, "", 0),
        ("Prices rose 5% in a year.", 5, "", 0),
        ("The two winners will get $10,000 each.", 10000, "", 2),
        ("The firm paid each of the four victims 80,000 euros.", 80000, "", 4),
    ],
)
def test_rate_period_and_shares_are_read(text, value, per, each):
    parts = parse_parts(next(load_nlp()(text).sents))
    q = next(q for q in parts.quantities if q.value == value)
    assert (q.per, q.each) == (per, each)
