"""A claim that joins two of the source's facts, quotes given as what someone called a
thing, and words that only look like a cause, a count or a new date: true restatements
that ended "not enough evidence" and planted errors of qa117, qa118 and qa121, through
``pipeline.verify_articles`` on a real store."""

from __future__ import annotations

import pytest

from claim_checks import assert_verdict
from newsprobe import Article
from newsprobe.pipeline import verify_articles
from newsprobe.sources import Passage, SQLiteStore
from newsprobe.verify import VerifyOptions

SATELLITE = (
    "Kestrel-2, built at a cost of 3.2 billion rupees ($38 million), will map soil moisture "
    "across the Deccan plateau to guide irrigation. It replaces Kestrel-1, launched in March "
    "2019, and is designed to operate for eight years."
)
FUNDING = (
    "Skyloom raised 900 million rupees from investors last year, up from 250 million "
    "rupees in 2023, the company said."
)
REVIEW = (
    "The space agency said a review board headed by former mission director K. Menon "
    "would report within 45 days."
)
ANALYST = (
    '"The outage is an embarrassment, but financially it is small change next to the '
    'cloud business," said Priya Rao, an analyst at Halden Securities.'
)
LOSSES = (
    "Risk modelling firm Brandt Analytics estimated insured losses at between $1.8 billion "
    "and $2.6 billion. The government put total damage at $4 billion."
)
CREW = (
    "The captain, 52, and the first officer, 29, had reported for duty at 06:20 GMT after a "
    "rest period of just over ten hours. The marathon final lasted 51 minutes. The previous "
    "record, set in 2012, was 44 minutes."
)
ANALYST_UK = (
    '"The order is impressive, but the real question is who pays for the ships," said '
    "Nadia Osei, a shipping analyst at Redfern Capital. Dr. Tomas Varga, the trial's chief "
    "investigator, said no serious side effects were found. Lena Hart, chief economist at "
    "Ostbank, said the figures made a rate cut at the central bank's June 12 meeting less "
    "likely."
)
TOTALS = (
    "Skyrail has carried 9.4 million passengers since the start of the year, up 7 percent "
    "on the same period of 2024. Ortiz said 27 signal failures had been recorded so far this "
    "year, including one on Monday that stopped trains for two hours. The line is one of 11 "
    "projects Skyrail has opened so far this year, up from six in all of last year."
)
SHARES = (
    "In Port Vell, Mayor Ines Roca said about a third of the town's 9,000 houses had been "
    "damaged. Full-time positions accounted for 35,600 of the 48,200 new jobs in Varna. The "
    "bureau said the response rate to its Varna survey had recovered to 71 percent, from a "
    "low of 58 percent in 2023."
)
AIRPORT = (
    "Corwen's airport closed on Sunday and is expected to reopen on Wednesday morning for "
    "relief flights only; commercial service will resume on Thursday."
)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> SQLiteStore:
    s = SQLiteStore(tmp_path_factory.mktemp("store") / "trusted.sqlite")
    s.add(
        [
            Passage(SATELLITE, "satellite", "Kestrel-2 reaches orbit"),
            Passage(FUNDING, "funding", "Skyloom funding"),
            Passage(REVIEW, "review", "Launch failure review"),
            Passage(ANALYST, "analyst", "Cloud outage"),
            Passage(AIRPORT, "airport", "Storm closes Corwen airport"),
            Passage(LOSSES, "losses", "Storm losses"),
            Passage(TOTALS, "totals", "Skyrail traffic"),
            Passage(SHARES, "shares", "Storm and jobs"),
            Passage(CREW, "crew", "Crew fatigue report"),
            Passage(ANALYST_UK, "analyst-uk", "Shipyard order"),
        ]
    )
    return s


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # The cost in one sentence, the design life in the next ("It ... is designed to
        # operate for eight years"): each value said alike, none otherwise.
        (
            "Kestrel-2 cost 3.2 billion rupees, or about $38 million, to build and is "
            "designed to work for eight years.",
            "supported",
        ),
        # One of them said otherwise nowhere, and said alike nowhere either.
        (
            "Kestrel-2 cost 3.2 billion rupees, or about $38 million, to build and is "
            "designed to work for twelve years.",
            "not supported",
        ),
        # "What someone described as" is their quote: the words are checked.
        (
            'Halden Securities analyst Priya Rao described the outage as "an embarrassment."',
            "supported",
        ),
        (
            'Halden Securities analyst Priya Rao described the outage as "a catastrophe."',
            "contradicted",
        ),
        # "is due to report" is a schedule, not a cause the source must state.
        (
            "A review board led by former mission director K. Menon is due to report its "
            "findings within 45 days.",
            "supported",
        ),
        # "last year" in both, and "three times the" a ratio, no sum in rupees.
        (
            "Skyloom raised 900 million rupees from investors last year, more than three "
            "times the 250 million rupees it raised in 2023.",
            "supported",
        ),
        # Commercial flights resume on Thursday; Wednesday is the reopening for relief.
        ("Commercial flights at Corwen's airport are due to restart on Wednesday.", "contradicted"),
        ("Commercial flights at Corwen's airport are due to restart on Thursday.", "supported"),
    ],
)
def test_joined_facts_and_what_only_looks_like_a_value(store, claim, expected):
    assert_verdict(store, claim, expected)


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # Two ranges agree when both their ends do.
        # ... and "put losses at" is an estimate, as "estimated losses at" is.
        (
            "Brandt Analytics put insured losses at between $1.8 billion and $4 billion.",
            "contradicted",
        ),
        # The year said after a value the source dates otherwise, whatever the verbs.
        (
            "Varna's survey response rate is back up to 71 percent, having sunk to 58 "
            "percent in 2022.",
            "contradicted",
        ),
        (
            "Varna's survey response rate is back up to 71 percent, having sunk to 58 "
            "percent in 2023.",
            "supported",
        ),
        # "just over ten hours" is a length of time, which spaCy tags as a time.
        (
            "The pilots reported for duty at 06:20 GMT after a rest period of just over "
            "twelve hours.",
            "contradicted",
        ),
        # A quote in single marks, in copy that has no double ones, is a quote.
        (
            "Redfern Capital analyst Nadia Osei said: 'The order is modest, but the real "
            "question is who pays for the ships.'",
            "contradicted",
        ),
        # The office given in apposition: a chief investigator is no chief medical officer.
        (
            "Dr. Tomas Varga, the company's chief medical officer, said no serious side "
            "effects were found.",
            "contradicted",
        ),
        (
            "Dr. Tomas Varga, the trial's chief investigator, said no serious side effects "
            "were found.",
            "not contradicted",
        ),
        # Reported words, near word for word, given to another named person.
        (
            "Opposition spokesman Paul Wren said the figures made a rate cut at the central "
            "bank's June 12 meeting less likely.",
            "contradicted",
        ),
        (
            "Ostbank economist Lena Hart said the figures made a rate cut at the central "
            "bank's June 12 meeting less likely.",
            "not contradicted",
        ),
        # "the same period of 2024" is what the total is compared with, not its year.
        ("Skyrail has carried 9.4 million passengers so far this year.", "supported"),
        ("Skyrail has carried 11.4 million passengers so far this year.", "contradicted"),
        # "so far this year" said a few words after the value is still its period.
        ("Skyrail has recorded 27 signal failures so far this year.", "supported"),
        # "up from six in all of last year" is last year's count, not this year's.
        ("Skyrail has opened six projects so far this year.", "not supported"),
        # A part of a whole is a count or a share of its own, within 5%.
        ("Roughly 3,000 houses in Port Vell were damaged, according to its mayor.", "supported"),
        ("Roughly 4,000 houses in Port Vell were damaged, its mayor said.", "not supported"),
        ("Almost three-quarters of the new jobs in Varna were full-time.", "supported"),
        ("Two-thirds of the new jobs in Varna were full-time.", "not supported"),
    ],
)
def test_what_values_are_said_of(store, claim, expected):
    """Ranges, lengths of time, quotes in single marks, offices, reported words, running
    totals and shares of a whole, each as a fact-checker's restatement or planted error."""
    assert_verdict(store, claim, expected)


def test_lengths_of_time_and_differences_as_read():
    """ "just over ten hours" is a bounded length in hours; "seven minutes longer than the
    previous record" how far apart two lengths are, no length of its own."""
    from newsprobe.claims.nlp import load_nlp
    from newsprobe.claims.parts import parse_parts

    nlp = load_nlp()
    rest = parse_parts(nlp("The crew rested for just over ten hours before the flight.")[:])
    assert [(q.value, q.unit, q.bound) for q in rest.quantities] == [(10, "hour", "lower")]
    final = parse_parts(
        nlp("The final ran seven minutes longer than the previous record of 44 minutes.")[:]
    )
    assert [(q.value, q.unit) for q in final.quantities] == [(44, "minute")]


def test_what_a_number_is_said_of():
    """ "130 km/h." at a sentence's end is a speed; "a third of the town's 6,000 houses"
    and "the 67-seat assembly" give a whole, not a count of the action; "a 10-point
    tiebreak" the tiebreak's size, while "a 10-point lead" measures the lead."""
    from newsprobe.claims.nlp import load_nlp
    from newsprobe.claims.parts import parse_parts

    nlp = load_nlp()

    def read(text: str) -> list[tuple[float, str, str]]:
        return [(q.value, q.unit, q.bound) for q in parse_parts(nlp(text)[:]).quantities]

    assert read("The motorway speed limit is now 130 km/h.") == [(130, "km/h", "")]
    assert (6000, "house", "whole") in read(
        "About a third of the town's 6,000 houses were damaged."
    )
    assert read("The Civic Alliance won 30 seats in the 67-seat assembly.") == [
        (30, "seat", ""),
        (67, "seat", "whole"),
    ]
    assert read("Ferrer won the deciding set in a 10-point tiebreak.") == [(10, "point", "whole")]
    assert read("Labour holds a 10-point lead in the polls.") == [(10, "point", "")]


def test_a_named_persons_reported_words_are_a_claim():
    """ "X said the carrier had rejected ..." has no number, date or quote, but who said
    what can be checked: it is extracted, as a quote's words are."""
    from newsprobe.claims import extract_claims

    (claim,) = extract_claims(
        "Chief executive Tomas Lindqvist said the carrier had rejected some of the "
        "recommendations addressed to it."
    )
    assert claim.parts.speaker is not None and claim.parts.speaker.text == "Tomas Lindqvist"


def test_a_claim_joining_two_sentences_shows_both(store):
    """The evidence of a joined claim is the sentences that say its values, in order."""
    claim = (
        "Kestrel-2 cost 3.2 billion rupees, or about $38 million, to build and is designed "
        "to work for eight years."
    )
    (article,) = verify_articles([Article(text=claim)], store, VerifyOptions(max_claims=None))
    (found,) = article.claims
    (shown,) = [e.sentence for e in found.evidence if e.relevant]
    assert shown.startswith("Kestrel-2, built at a cost of 3.2 billion rupees")
    assert shown.endswith("is designed to operate for eight years.")
    assert " ... " in shown


def test_a_year_far_from_the_claim_completes_nothing(tmp_path):
    """A sentence unlike the claim that happens to give its year ("completed 52,000 new
    homes in 2024") does not complete "rents rose 3% in 2024" with a cap of 3%."""
    s = SQLiteStore(tmp_path / "trusted.sqlite")
    s.add(
        [
            Passage(
                "The government met its goal of 50,000 new homes in 2024, completing 52,000. "
                "It has set a cap of 3% on annual rent increases.",
                "homes",
                "Housing",
            )
        ]
    )
    assert_verdict(s, "Rents rose 3% in 2024.", "not supported")
