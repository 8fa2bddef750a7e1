"""What the page around a passage tells a reader: its headline's words, the names said
in the paragraphs before it, the owner an opening "her" stands for. Two blind
fact-checkers' sets (qa113, qa115) lost true restatements and planted errors alike to
passages that leave these to the page; through ``pipeline.verify_articles`` on a real
store, several passages to a document as ``sources add`` stores them."""

from __future__ import annotations

import pytest

from claim_checks import assert_verdict, verdict
from newsprobe.claims.nlp import load_nlp
from newsprobe.sources import Passage, SQLiteStore

TENNIS = (
    "Markovic stuns top seed Park to win Madrid Open title",
    [
        "MADRID, May 4 (AP) - Serbia's Elena Markovic beat world No. 1 Jessica Park 6-4, "
        "3-6, 7-5 in the Madrid Open final on Saturday, claiming the biggest title of her "
        "career.",
        "Markovic saved 11 of the 14 break points she faced and hit 38 winners. Her fastest "
        "serve was clocked at 189 kph (117 mph).",
        "The victory earns Markovic 963,225 euros ($1.03 million) and 1,000 ranking points.",
    ],
)
VACCINE = (
    "Single-dose dengue vaccine cuts hospitalisations by 81% in large trial",
    [
        "The vaccine, known as VLD-4 and developed by Swiss biotech company Veralis "
        "Therapeutics, was tested on 16,240 volunteers aged 4 to 59.",
        "Serious adverse events were reported in 1.9% of vaccine recipients. Pain at the "
        "injection site was the most common side effect, reported by 38% of those "
        "vaccinated.",
    ],
)
FIRES = (
    "Wildfires in Iberia",
    [
        "A wildfire in Spain's Ourense province killed four people on Sunday.",
        "In Portugal, a fire near Coimbra killed 14 people.",
    ],
)
TRANSFER = (
    "Kingsbridge sign Nogueira for club-record fee",
    [
        "Premier League club Kingsbridge United have signed Brazilian striker Rafael "
        "Nogueira from Portuguese side Estrela Atlantico for 62 million euros.",
        "Estrela are third in the Portuguese top flight, five points behind leaders Sporting.",
        "British media reported that Nogueira will earn about 140,000 pounds a week, which "
        "would make him Kingsbridge's second-highest-paid player behind captain Daniel "
        "Oduya.",
    ],
)
COURT = (
    "Dutch court fines shipper Nordhaven 48 million euros",
    [
        "A Dutch court on Thursday fined shipping group Nordhaven Maritime 48 million euros "
        "($55.7 million) for helping to move Russian oil in breach of European Union "
        "sanctions.",
        "The former finance chief, Pieter Brandsma, 58, was convicted of sanctions "
        "violations but acquitted of money laundering, a charge the three-judge panel said "
        "prosecutors had failed to prove. Prosecutors had demanded a six-year prison term "
        "for Brandsma and a fine of 75 million euros for the company.",
    ],
)


QUOTES = (
    "Nordhaven appeal",
    [
        "Brandsma's lawyer, Sanne Oosterhuis, said her client would appeal. \"My client "
        "acted on the legal advice he was given at the time, and the court has simply "
        'brushed that aside," she said, describing the prison term as disproportionate.',
        '"Rafael is exactly the type of forward we have been missing," said Kingsbridge '
        'manager Andres Ocana. "He is young, but he plays like someone who has been doing '
        'this for ten years."',
        'Public prosecutor Jeroen Kuipers said the verdict sent "a clear signal to the '
        'maritime sector that sanctions are not optional".',
    ],
)
ORDER = (
    "India's Vayura Air orders 150 Aldane jets in $21.4 billion deal",
    [
        "As part of the agreement, Aldane will build a pilot training centre in Bengaluru, "
        "investing 4.2 billion rupees ($50 million).",
        '"This is not a bet on the next five years, it is a bet on the next 25," Vayura '
        "Chief Executive Rohan Mehtani, 47, said at the signing. He said the wide-body jets "
        "would allow the carrier to launch non-stop flights to Europe and East Asia from "
        "2030.",
    ],
)


QUAKE = (
    "Peru earthquake",
    [
        "The magnitude 7.4 quake struck at 4:17 a.m. local time on Saturday near Ayacucho, "
        "according to the U.S. Geological Survey."
    ],
)


MAYOR = (
    "Greens win Ostmark mayoral race",
    [
        "Green candidate Lina Farago won the Ostmark mayoral election on Sunday with 54 "
        "percent of the vote, the electoral commission said.",
        "Her rival, Conservative Peter Haldane, took 39 percent. His campaign failed to win "
        "a single district in the city centre.",
        "Turnout was 48 percent, down from 55 percent in 2021.",
    ],
)
BLAZE = (
    "Wildfire near Patras forces thousands to flee",
    [
        "The blaze broke out shortly after 2 p.m. on Sunday near the village of Kato Achaia, "
        "about 25 kilometres (15.5 miles) southwest of Patras, the country's third-largest "
        "city. By Monday evening it had burned about 14,500 hectares (35,800 acres) of "
        "forest and farmland, according to the European Union's Copernicus monitoring "
        "service.",
        "Greece has recorded 3,880 wildfires since the start of the year, according to fire "
        "service data. The area burned so far in 2025 has risen to 52,000 hectares from "
        "31,000 hectares a year earlier.",
    ],
)
SERRANA = (
    "Civic Alliance wins Alta Serrana vote but falls short of majority",
    [
        "The centre-right Civic Alliance won the most seats in Sunday's election to the "
        "regional parliament of Alta Serrana but fell four seats short of a majority.",
        "The regionalist party Serrana Forward and the Greens won eight and five seats, "
        "respectively, while the hard-right Patria Nueva entered the assembly for the first "
        "time with three seats.",
        "Patria Nueva's regional leader, Ignacio Soler, said his party would vote against any "
        "government that included the Greens.",
    ],
)
EARNINGS = (
    "Merivale beats profit forecasts despite pill recall",
    [
        "Net profit fell to 1.12 billion francs from 1.31 billion francs, mainly because of "
        "the recall charge.",
        "Over the two-year follow-up, 96 people in the vaccine group developed symptomatic "
        "dengue, compared with 184 in the placebo group.",
    ],
)
RECALL = (
    "Merivale recalls blood-pressure pill",
    [
        "Chief Financial Officer Thomas Brugger said production at the Cork plant had been "
        "halted pending an investigation.",
        "Helen Marchetti, chair of the regional district's board, said more than 2,900 "
        "people had registered by noon on Wednesday.",
        '"Patient safety comes before everything else," Chief Executive Annika Lindqvist told '
        'reporters. "Patients should not stop taking their medicine without talking to their '
        'doctor first."',
    ],
)
AIRLINE = (
    "Nordvik Air passenger numbers climb",
    [
        "Nordvik Air carried 2.4 million passengers in July, up 12 percent from a year earlier.",
        "Nordvik has carried 13.1 million passengers since the start of the year.",
        "Tellan shares fell 6 percent to 84.20 francs on Wednesday. The stock has lost 11 "
        "percent since the start of the year.",
    ],
)
SIGNING = (
    "Stoke midfielder out for a month",
    [
        "The Switzerland midfielder, 24, joined Stoke for a then club record 18 million "
        "pounds from Inter Milan in July and has scored three goals, with five assists, so "
        "far."
    ],
)
FINAL = (
    "Ferrer wins Australian Open",
    [
        "Ferrer and Lindqvist hit 31 and 24 aces, respectively, in the final.",
        "Ferrer will rise to a career-high No. 2 in the world rankings from No. 5 when the "
        "new list is published.",
    ],
)
DENGUE = (
    "Single-dose dengue vaccine",
    [
        "The vaccine was tested on more than 16,000 people in Brazil and Thailand.",
        "The World Health Organization recorded more than 14 million dengue cases worldwide "
        "in 2024.",
    ],
)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> SQLiteStore:
    s = SQLiteStore(tmp_path_factory.mktemp("store") / "trusted.sqlite")
    for name, (title, passages) in {
        "tennis": TENNIS,
        "vaccine": VACCINE,
        "fires": FIRES,
        "transfer": TRANSFER,
        "court": COURT,
        "quotes": QUOTES,
        "order": ORDER,
        "quake": QUAKE,
        "mayor": MAYOR,
        "blaze": BLAZE,
        "dengue": DENGUE,
        "serrana": SERRANA,
        "earnings": EARNINGS,
        "recall": RECALL,
        "airline": AIRLINE,
        "final": FINAL,
        "signing": SIGNING,
    }.items():
        s.add([Passage(p, name, title) for p in passages])
    return s


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # The headline's words: the passage on the prize never says "Madrid Open" or "win";
        # a sum read out of the name spaCy runs it into ("Markovic 963,225 euros").
        ("Elena Markovic earns 963,225 dollars for winning the Madrid Open.", "contradicted"),
        ("Elena Markovic earns 963,225 euros for winning the Madrid Open.", "supported"),
        # "Her fastest serve", after a sentence on Markovic, is Markovic's.
        ("Elena Markovic's fastest serve in the Madrid final reached 117 mph.", "supported"),
        (
            "Elena Markovic's fastest serve in the Madrid final was clocked at 189 mph.",
            "contradicted",
        ),
        # VLD-4, named a paragraph before: the side effect's share is VLD-4's.
        (
            "Pain at the injection site, the most common side effect of the VLD-4 vaccine, "
            "was reported by 48% of vaccinated participants.",
            "contradicted",
        ),
        (
            "Pain at the injection site, the most common side effect of the VLD-4 vaccine, "
            "was reported by 38% of vaccinated participants.",
            "supported",
        ),
        # But not where the passage names another place of its own: Portugal's 14 dead
        # are not Spain's.
        ("A wildfire in Spain killed 14 people.", "not supported"),
        # A red-team's: "His campaign", after "Her rival, Conservative Peter Haldane", is
        # no campaign of the Lina Farago named a paragraph before.
        (
            "Lina Farago's campaign failed to win a single district in the city centre.",
            "not supported",
        ),
        # "Estrela", short for the club the page named whole, and its place in the table.
        ("Estrela Atlantico sit second in the Portuguese top flight.", "contradicted"),
        ("Estrela Atlantico sit third in the Portuguese top flight.", "supported"),
        # A superlative said with an adverb ("highest-paid"), ranked within the club by
        # any word of its name.
        (
            "Rafael Nogueira will earn about 140,000 pounds a week, making him Kingsbridge "
            "United's highest-paid player.",
            "contradicted",
        ),
        (
            "Rafael Nogueira will earn about 140,000 pounds a week, making him Kingsbridge "
            "United's second-highest-paid player.",
            "supported",
        ),
        # A company, an office and a person that spaCy reads as one name.
        (
            "Prosecutors had sought an eight-year prison sentence for former Nordhaven CFO "
            "Pieter Brandsma.",
            "contradicted",
        ),
        # "failed to prove" is "did not prove".
        (
            "Pieter Brandsma was acquitted of money laundering because prosecutors had not "
            "proved the charge.",
            "not contradicted",
        ),
        # "quake" is the head of "earthquake", and "struck" is "hit".
        ("The earthquake hit near Ayacucho on Saturday.", "supported"),
        ("The earthquake hit near Ayacucho on Sunday.", "contradicted"),
        # The fine's day, in a sentence the parser alone cut after "shipping group".
        ("A Dutch court fined Nordhaven Maritime 48 million euros on Friday.", "contradicted"),
        ("A Dutch court fined Nordhaven Maritime 48 million euros on Thursday.", "supported"),
        # The page's headline and names make "Turnout was 48 percent" the claim's event;
        # and "down from 55 percent" is the turnout before, not this one (a red-team's).
        ("Turnout in the Ostmark mayoral election was 55 percent.", "contradicted"),
        ("Turnout in the Ostmark mayoral election was 48 percent.", "supported"),
        ("Turnout in the 2021 Ostmark mayoral election was 55 percent.", "not contradicted"),
        # A total so far this year is no one fire's area (qa112)...
        (
            "The Patras fire had scorched roughly 14,500 hectares, or about 35,800 acres, by "
            "Monday evening, according to Copernicus.",
            "not contradicted",
        ),
        # ... nor a count worldwide one country's, named before it (qa115).
        ("Thailand recorded more than 100,000 dengue cases in 2024.", "not contradicted"),
        # "compared with ... a year earlier" gives the level before, as "from" does; not
        # "compared with 184 in the placebo group", another group's (qa117).
        (
            "Merivale's net profit was 1.31 billion francs, compared with 1.12 billion "
            "francs a year earlier.",
            "contradicted",
        ),
        (
            "Merivale's net profit was 1.12 billion francs, compared with 1.31 billion "
            "francs a year earlier.",
            "supported",
        ),
        ("184 people in the placebo group developed symptomatic dengue.", "supported"),
        # An office said after the name, in apposition, is compared with the source's; one
        # person's other office is a conflict however else the sentences differ (qa117).
        (
            "Thomas Brugger, Merivale's chief operating officer, said production at the "
            "Cork plant had been halted pending an investigation.",
            "contradicted",
        ),
        (
            "Thomas Brugger, Merivale's CFO, said production at the Cork plant had been "
            "halted pending an investigation.",
            "not contradicted",
        ),
        (
            "Helen Marchetti, the mayor of Vernon, said more than 2,900 people had "
            "registered for evacuee support.",
            "contradicted",
        ),
        # "fell four seats short of a majority" denies a majority; "vote against" is the
        # opposite of "support"; "not to stop ... before" and "should not stop ...
        # without" deny one action (qa117).
        ("The Civic Alliance won an outright majority in Alta Serrana.", "contradicted"),
        (
            "Ignacio Soler, Patria Nueva's regional leader, said his party would support a "
            "government that included the Greens.",
            "contradicted",
        ),
        (
            "Ignacio Soler, Patria Nueva's regional leader, said his party would oppose any "
            "government that included the Greens.",
            "supported",
        ),
        (
            "Lindqvist, Merivale's chief executive, advised patients not to stop their "
            "medicine before talking to a doctor.",
            "not contradicted",
        ),
        # A month's count is not the year's running total, nor the year's the day's (qa119).
        ("Nordvik Air carried 13.1 million passengers in July.", "contradicted"),
        ("Nordvik Air carried 2.4 million passengers in July.", "supported"),
        ("Tellan shares have lost 11 percent since the start of the year.", "not contradicted"),
        # A claim with values of both kinds compares each as before (bench_alterations).
        (
            "The Switzerland midfielder joined Stoke for a club record 19 million pounds "
            "from Inter Milan in July and has scored three goals, with five assists, so far.",
            "contradicted",
        ),
        # "Ferrer and Lindqvist", one name to spaCy before "respectively", and "31" read as
        # a day; "seven more than" is a difference; "from No. 5" where it started (qa118).
        ("Jonas Lindqvist hit 31 aces in the final.", "contradicted"),
        ("Mateo Ferrer hit 31 aces in the final, seven more than Jonas Lindqvist.", "supported"),
        (
            "Ferrer is set to climb from No. 5 to a career-best No. 2 in the world rankings.",
            "not contradicted",
        ),
        # The headline's party is not the one a sentence naming two others is about: their
        # three seats are no "three seats short" of its (qa117).
        (
            "The Civic Alliance ended up three seats short of a majority in the Alta Serrana "
            "assembly.",
            "not supported",
        ),
    ],
)
def test_what_the_page_says_around_a_passage(store, claim, expected):
    assert_verdict(store, claim, expected)


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # "she said", after a sentence that names her beside the client whose lawyer she
        # is; the quote's own clause compared whole, with the words that say who said it.
        (
            '"My client acted on the financial advice he was given at the time," said Sanne '
            "Oosterhuis, Pieter Brandsma's lawyer.",
            "contradicted",
        ),
        (
            '"My client acted on the legal advice he was given at the time," said Sanne '
            "Oosterhuis, Pieter Brandsma's lawyer.",
            "supported",
        ),
        # A quotation on its own is the words of the one quoted just before; one word in
        # it changed is the quote changed, however little else the sentences share.
        (
            'Kingsbridge United manager Andres Ocana said of Rafael Nogueira: "He is young, '
            'but he plays like someone who has been doing this for twenty years."',
            "contradicted",
        ),
        (
            'Kingsbridge United manager Andres Ocana said of Rafael Nogueira: "He is young, '
            'but he plays like someone who has been doing this for ten years."',
            "supported",
        ),
        # An office written in lower case is an office.
        (
            "Dutch Justice Minister Jeroen Kuipers said the verdict sent a clear signal to "
            "the maritime sector that sanctions are not optional.",
            "contradicted",
        ),
    ],
)
def test_who_said_it(store, claim, expected):
    got, conflicts = verdict(store, claim)
    assert got == expected, conflicts


def test_a_sentence_that_denies_and_affirms_is_no_negation_against_the_claim(store):
    claim = (
        "Vayura Air Chief Executive Rohan Mehtani, 47, said the Aldane order was a bet on "
        "the next 25 years rather than the next five."
    )
    assert verdict(store, claim)[0] != "contradicted"


def test_a_sum_in_another_currency_is_shown_with_its_currency_once(store):
    claim = "Aldane will invest 4.2 billion euros in a pilot training centre in Bengaluru."
    assert verdict(store, claim) == (
        "contradicted",
        [("4.2 billion euros", "4.2 billion rupees")],
    )


def test_a_sentence_starts_after_its_punctuation_or_a_line_break():
    nlp = load_nlp()
    text = (
        f"{COURT[1][0]} He said so.\nA headline without a stop\n\nROTTERDAM, Nov 13 "
        "(Reuters) - A court ruled."
    )
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[0] == COURT[1][0]
    assert "He said so." in sents
    assert all(s[-1] in '.-"' or s.endswith("stop") for s in sents)
