"""Pull the checkable parts out of a parsed sentence: numbers with units, dates, entities,
who-did-what relations, negation, quotes and attribution.

Works on any spaCy ``Span`` so the same code parses claims and evidence sentences; the
consistency checks then compare like with like.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from newsprobe.claims.groups import groups, memberships
from newsprobe.claims.model import Change, ClaimParts, DateRef, Entity, Quantity, Relation
from newsprobe.claims.numbers import (
    APPROX,
    CURRENCIES,
    CURRENCY_SIGN,
    DOLLAR_COUNTRIES,
    MONEY,
    NUMBER,
    QUALIFIERS,
    SCALES,
    START,
    WHOLE,
    WORDS,
    bound_of,
    number_value,
    numbers_in,
    ordinal_value,
)
from newsprobe.claims.units import convert, is_unit, refine, unit_words_after

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NAMED = {"PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT", "LAW", "FAC", "PRODUCT", "WORK_OF_ART"}
NUMERIC = {"CARDINAL", "QUANTITY", "PERCENT", "MONEY"}
WORD = re.compile(r"\w+")
#: Titles that tell a person's sex, for the "he" or "she" that stands for them.
FEMALE = frozenset({"mrs", "ms", "miss", "lady", "dame", "madam"})
MALE = frozenset({"mr", "sir", "lord"})
SUBJECTS = ("nsubj", "nsubjpass")
#: The pronouns a quote is said by, read as the person named before them.
PRONOUN_SPEAKERS = frozenset({"he", "she"})
REPORTING = {
    "say",
    "tell",
    "state",
    "announce",
    "claim",
    "report",
    "confirm",
    "deny",
    "add",
    "insist",
    "warn",
    "write",
    "allege",
    "argue",
    "admit",
    "explain",
}
#: Verbs that give a quote as what someone called a thing ("Mehta described the recall as
#: 'a reputational headache'", "she called it 'a disgrace'"): its speaker's words, but
#: only where there is a quote ("called a meeting" reports nothing).
CHARACTERIZING = frozenset({"describe", "call", "term", "dub", "label", "brand"})
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
YEAR = re.compile(r"\b((?:1[5-9]|20)\d\ds?)\b")
# Verbs (and a few nouns) that say which way a value moved, and the factor of those that
# say by how much: "profits tripled" against "profits doubled" is a number conflict.
UP = {"rise", "increase", "grow", "climb", "jump", "soar", "surge", "gain", "raise", "boost"}
UP |= {"double", "triple", "quadruple", "rebound", "spike", "swell", "widen"}
DOWN = {"fall", "decrease", "decline", "drop", "shrink", "slide", "plunge", "sink", "slump"}
DOWN |= {"dip", "lose", "cut", "reduce", "lower", "halve", "tumble", "contract", "slash"}
DOWN |= {"narrow", "trim"}  # "the margin narrowed by 3.1 points", "trimmed its forecast"
# Verbs that say a count moved only of their object: "the economy added 1,100 jobs", "shed
# 1,100 jobs"; "she added that ..." moves nothing.
OBJECT_UP = {"add", "create"}
OBJECT_DOWN = {"shed", "eliminate", "axe"}
# A value said not to have moved ("held steady at 6.6 percent", "was unchanged", "held
# rates at 2.75 percent"): a change of direction 0, which "rose to 6.6 percent" refutes.
STEADY_WORDS = {"steady", "unchanged", "flat", "stable"}
STEADY_VERBS = {"hold", "remain", "stay", "be", "keep"}
# Verbs a source may use for the claim's action: "put 30,000 troops" is about the action
# "placed 3,000 troops" states; "climbed to 8.5 percent" about "rose to 6.5 percent".
_KIN = [
    frozenset(UP | OBJECT_UP),
    frozenset(DOWN | OBJECT_DOWN),
    frozenset({"put", "place", "station", "deploy", "send"}),
    # "holds 403 of the seats", "kept its main rate at 5.25%"
    frozenset({"hold", "control", "occupy", "command", "own", "keep", "maintain"}),
    frozenset({"vote", "pass", "approve", "adopt", "back", "endorse"}),  # "passed 312-118"
    frozenset({"seek", "ask", "request", "demand"}),  # "sought 20 years", "asked for 17"
    frozenset({"start", "begin", "launch", "commence"}),  # "start talks on Oct. 27"
    frozenset({"resume", "restart", "restore"}),  # "commercial service will resume Thursday"
    frozenset({"estimate", "put", "value", "assess", "peg", "reckon"}),  # "put losses at"
    frozenset({"burn", "scorch", "char", "blacken"}),  # "scorched 14,500 hectares"
    frozenset({"evacuate", "displace", "relocate"}),  # "forcing the evacuation of 6,000"
    frozenset({"record", "register", "report", "log"}),  # "has recorded 3,880 wildfires"
    frozenset({"win", "secure", "capture", "clinch"}),  # "had secured 29 seats"
    frozenset({"hit", "strike", "jolt", "rock", "shake"}),  # "the quake struck at 4:17 a.m."
]


def verb_kin(verb: str) -> frozenset[str]:
    """The verbs that name the same action as ``verb`` (itself among them if any), of
    every sense it has ("put" troops somewhere, "put" losses at a sum)."""
    return frozenset().union(*(k for k in _KIN if verb in k))


# Nouns of change and their direction ("a 12 percent fall in exports", "the unemployment
# rise"); "growth" and "loss" are not the verbs' lemmas, so they are named here.
CHANGE_NOUNS = {
    **dict.fromkeys(("rise", "increase", "growth", "gain", "jump", "surge", "rebound"), 1),
    **dict.fromkeys(("decrease", "decline", "drop", "fall", "loss", "slump", "dip"), -1),
    **dict.fromkeys(("cut", "plunge", "contraction", "reduction"), -1),
}
# Verbs whose subject is what underwent a change named by their object: "exports saw a
# 12 percent drop", "the pound suffered its biggest fall".
UNDERGO = {"see", "post", "record", "suffer", "experience", "register", "show", "log", "enjoy"}
# What a place in a race or a table is said with: "finished third", "took fourth place",
# "came second in 2:07:01", "was third".
PLACE_VERBS = {"finish", "come", "place", "end", "be", "rank", "take", "cross"}
PLACE_VERBS |= {"sit", "lie", "stand", "remain", "stay"}  # "sit second in the table"
PLACE_NOUNS = {"place", "position", "spot"}
# A vote's tally: "voted 312-118", "by 321 votes to 118" (not "from 16 to 18").
VOTE_LEMMAS = {"vote", "pass", "approve", "reject", "adopt", "defeat", "back", "endorse"}
TALLY = re.compile(
    r"\b(?P<ayes>\d{1,4})(?:\s*[-–]\s*| votes? to )(?P<noes>\d{1,4})\b(?!\s*(?:%|per|years?))"
)
# A length of time as spaCy tags it: "16 years", "a 20-year", "about two weeks", "no
# more than eight years", "just over nine hours" (a time, to spaCy), "four minutes".
DURATION = re.compile(
    r"(?:an? |the )?(?:(?:about|around|nearly|almost|some|roughly|approximately|more than"
    r"|at least|up to|over|just over|just under|well over|(?:no|not) (?:more|less|fewer) than"
    r"|less than|fewer than|at most|under) )?"
    r"(?P<n>\d[\d,.]*|[a-z]+(?:-[a-z]+)?)[ -]"
    r"(?P<unit>years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?)",
    re.IGNORECASE,
)
# A share written as one: "0.5%", "12 per cent".
PERCENT_SIGN = re.compile(r"%|\bper ?cent\b")
FACTORS = {"double": 2.0, "triple": 3.0, "quadruple": 4.0, "halve": 0.5}
# "one in three adults", "4 out of 10 voters": a share, compared as a percentage.
RATIO = re.compile(
    r"\b(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)"
    # not "lowered the voting age to 16 in 2020"
    r" (?:in|out of) (?!(?:1[5-9]|20)\d\d\b)"
    r"(\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)\b"
    r"(?! (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|games?|matches)\b)",
    re.IGNORECASE,
)
# "a quarter of a million homes", "two thirds of a billion": spaCy reads "a quarter" as a
# date (a quarter of the year) and the sentence then held no number at all.
SCALED_FRACTION = re.compile(
    r"\b(a|one|two|three|four)[ -](half|halves|third|thirds|quarter|quarters|fifth|fifths)"
    r" of an? (hundred|thousand|million|billion|trillion)\b(?!-)",
    re.IGNORECASE,
)
DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5}
# A share written as a fraction ("about half of the stolen money", "a quarter of a
# percentage point", "three-quarters of the vote"): "half" alone, the others after a
# count ("third" alone is a rank); not a part of a year ("the first half of 2027").
FRACTION = re.compile(
    r"(?<!first )(?<!second )(?<!third )(?<!fourth )(?<!last )(?<!next )(?<!the )"
    r"\b(?:(a|one|two|three|four)[ -](?=(?:half|halves|thirds?|quarters?|fifths?)\b))?"
    r"(half|halves|thirds?|quarters?|fifths?)\b"
    r"(?P<point> (?:of )?an? (?:percentage )?point\b)?"
    # not "a quarter of a million" (a number), nor "half of that nine-tenths" (a part of
    # a part)
    r"(?(point)|(?= of (?!an? (?:hundred|thousand|million|billion|trillion)\b)"
    r"(?!(?:that|this|these|those|it)\b)))",
    re.IGNORECASE,
)
HOW_OFTEN = {"once": 1.0, "twice": 2.0, "thrice": 3.0}
# "aged 54", "a 54-year-old", "54 years old": an age, which spaCy tags as a date.
AGE = re.compile(r"^(?:aged\s+)?(\d{1,3}|[a-z]+(?:-[a-z]+)?)(?:[- ]years?[- ]old)?$", re.I)


def _up_to_verb(tok: Token, compared: bool = False) -> Token:
    """The verb a token hangs from, or the root when there is none on the way; with
    ``compared``, not a verb that only sets the value beside another (:func:`_comparing`)."""
    seen = 0
    while (
        (tok.pos_ not in ("VERB", "AUX") or (compared and _comparing(tok)))
        and tok.head is not tok
        and seen < 20
    ):
        tok, seen = tok.head, seen + 1
    return tok


def _comparing(tok: Token) -> bool:
    """Whether a verb only sets a value beside another ("developed dengue, compared with
    184"): the value is the other's action's."""
    return tok.lemma_.lower() == "compare" and tok.dep_ in ("prep", "advcl") and tok.tag_ == "VBN"


def _verb_of(tok: Token, compared: bool = False) -> str:
    """The lemma of the verb a token hangs from ("" if none before the root)."""
    verb = _up_to_verb(tok, compared)
    return verb.lemma_.lower() if verb.pos_ in ("VERB", "AUX") else ""


def _unit(span: Span, label: str) -> str:
    """The unit a number counts: currency, percent, a unit of measure (``claims.units``:
    "150 km/h", "40 degrees Celsius"), or the noun it modifies (lemma)."""
    lower = span.text.lower()
    after = " ".join(t.lower_ for t in span.doc[span.end : span.end + 3])
    if "percentage point" in lower or re.match(r"(?:an? )?percentage points?\b", after):
        return "point"  # a share's move ("rose 0.3 percentage points"), not a share
    if label == "PERCENT" or "%" in lower or "percent" in lower or "per cent" in lower:
        return "percent"
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in CURRENCIES:  # "€310,000", "NZ$4.5bn": spaCy leaves the sign outside
        return CURRENCIES[before]
    if _verb_of(span.root) == "weigh" and re.search(r"\bpounds?\b", lower):
        return "lb"  # "weighed 26 pounds" is a weight, not a sum
    if sign := CURRENCY_SIGN.search(lower):
        return CURRENCIES[sign.group()]
    for tok in span:
        if (code := _currency(tok)) in MONEY:
            return code
    for key, code in CURRENCIES.items():
        if key.isalpha() and key in lower:
            return code
    return refine(_named_unit(span, label, lower), span)


#: Currencies a people's adjective names ("Mexican pesos"), besides those of CURRENCIES
#: ("Norwegian crowns", "Swiss francs"), which are read as money too.
_MONEY_NOUNS = frozenset({"peso", "real", "lira", "dinar", "rial", "zloty"})


def _money_noun(tok: Token) -> bool:
    return tok.lemma_.lower() in CURRENCIES or tok.lemma_.lower() in _MONEY_NOUNS


def _currency(noun: Token) -> str:
    """The currency a noun names ("euros" is "eur"; "New Zealand dollars" is "nzd", a
    bare "dollars" the US dollar), else its lemma."""
    lemma = noun.lemma_.lower()
    if lemma != "dollar" or noun.i == 0:
        return CURRENCIES.get(lemma, lemma)
    return DOLLAR_COUNTRIES.get(noun.doc[noun.i - 1].lower_, "usd")


def _named_unit(span: Span, label: str, lower: str) -> str:
    if label == "QUANTITY":
        tail = [
            t for t in span if t.is_alpha and t.lower_ not in SCALES and t.lower_ not in QUALIFIERS
        ]
        if tail:
            return tail[-1].lemma_.lower()
    # "1.5c", "10km"; "1.2k" is a scale, not a unit; "9/8c" is a TV listing's time (9
    # Eastern, 8 Central), not a temperature
    m = re.search(r"\d([a-z]+)$", lower)
    if m and m.group(1) not in ("k", "bn", "mn", "tn") and not re.search(r"/\d+[a-z]+$", lower):
        return m.group(1)
    head = span.root
    after = span.doc[span.end] if span.end < len(span.doc) else None
    counted = head.head
    # "2.5 million euros" is "€2.5 million"; "Finland 1,500" counts nothing named Finland
    named_before = counted.pos_ == "PROPN" and counted.i < head.i
    if after is not None and after.lemma_.lower() in CURRENCIES:
        return _currency(after)  # "400,000 kwacha", which spaCy may hang on another noun
    if head.dep_ in ("nummod", "quantmod", "compound") and counted.pos_ in ("NOUN", "PROPN"):
        return "" if named_before else _currency(counted)
    if after is not None and after.pos_ == "NOUN":
        return _currency(after)
    if after is not None and is_unit(after.lower_):
        return after.lower_  # "26 lb": spaCy tags the abbreviation as no noun
    # "430 of the 650 seats": seats, as the whole is (a count of them, no more than it)
    of = [g for c in head.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    part = number_value(span.text)
    if not of or of[0].pos_ != "NOUN" or part is None or part != int(part):
        return ""
    wholes = [number_value(c.text) for c in of[0].children if c.dep_ == "nummod"]
    return _currency(of[0]) if any(w is not None and part <= w for w in wholes) else ""


ISO_DATE = re.compile(r"\b((?:1[5-9]|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")


#: The year an article or source was published, set on its parsed ``Doc`` (``user_data``)
#: so that "last year" and "a decade ago" can be read as years.
REFERENCE_YEAR = "newsprobe_reference_year"

RELATIVE_YEAR = re.compile(
    # Not "the past year" (the last twelve months) nor "the previous year" (the year
    # before another the text names): neither is a calendar year counted from now.
    r"\b(?:(?P<which>last|this|next) year"
    r"|(?P<count>[\w-]+(?: [\w-]+)?) (?P<unit>years?|decades?) ago)\b",
    re.I,
)


_ROUGHLY = {
    "some",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "over",
    "than",
    "just",
    "under",
    "least",
    "most",
    "within",
    "up",
}


def reference_year(date: str | None) -> int | None:
    """The year of an ISO-like date ("2025-09-10"), as trafilatura and PDFs give it."""
    m = re.match(r"\s*((?:1[5-9]|20)\d\d)\b", date or "")
    return int(m.group(1)) if m else None


_ISO_DATE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:[T ]\d\d:\d\d\S*)?")
_MONTH_WORD = re.compile(r"[A-Za-z]{3,}")


def read_date(value: object) -> str:
    """An article's publication date as ISO text (``2025-09-10``, ``2025-09``, ``2025``),
    from a ``datetime.date``, an ISO date (a time after it dropped) or a date written with
    its month's name ("10 September 2025"). What ``check --date``, the service's ``date``,
    a record file's date column and ``Article(date=...)`` give; a typo is a ValueError
    saying why, not relative dates silently left unread. "10/09/2025" is refused: day or
    month first cannot be told."""
    import datetime as dt

    if isinstance(value, dt.date):  # datetime too
        return value.isoformat()[:10]
    if not isinstance(value, str):
        raise ValueError(
            f"a date is text such as '2025-09-10' or a datetime.date, got {type(value).__name__}"
        )
    text = value.strip()
    if m := _ISO_DATE.fullmatch(text):
        year, month, day = m.group(1), m.group(2), m.group(3)
        given = "-".join(x for x in (year, month, day) if x)
    elif _MONTH_WORD.search(text):
        given = _worded_date(text)
    else:
        raise ValueError(_not_a_date(value))
    y, mo, d = [*given.split("-"), "01", "01"][:3]
    try:
        dt.date(int(y), int(mo), int(d))
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a calendar date ({exc})") from None
    if reference_year(given) is None:
        raise ValueError(f"{value!r}: the year must be between 1500 and 2099")
    return given


def _not_a_date(value: str) -> str:
    return (
        "a date is YYYY-MM-DD, YYYY-MM or YYYY (or with the month's name, 10 September "
        f"2025), got {value!r}"
    )


def _worded_date(text: str) -> str:
    """ "10 September 2025", "Sept. 10, 2025", "September 2025": the parts it names."""
    import datetime as dt

    from dateutil import parser

    try:
        # Parsed against two defaults: a part that differs between them was not given.
        a = parser.parse(text, default=dt.datetime(2000, 1, 1))
        b = parser.parse(text, default=dt.datetime(2001, 2, 2))
    except (ValueError, OverflowError):
        raise ValueError(_not_a_date(text)) from None
    if a.year != b.year:
        raise ValueError(f"{text!r} names no year")
    parts = [f"{a.year:04d}"]
    if a.month == b.month:
        parts.append(f"{a.month:02d}")
        if a.day == b.day:
            parts.append(f"{a.day:02d}")
    return "-".join(parts)


#: Beyond this many years, "ago" dates an era ("55,000 years ago"), not a news year.
CALENDAR_YEARS = 200


def _years_back(text: str, before: str = "") -> tuple[int, int] | bool:
    """How far back from the text's own date "last year", "26 years ago", "a decade ago"
    point, with the slack a reader allows: (years back, slack). True for one that names no
    year ("more than 20 years ago", a bound), False for none or an era."""
    m = RELATIVE_YEAR.search(text)
    if m is None:
        return False
    if m.group("which"):
        return {"last": 1, "this": 0, "next": -1}[m.group("which").lower()], 0
    words = m.group("count").lower().split()
    n = 1.0 if words in (["a"], ["an"]) else number_value(" ".join(words))
    decades = m.group("unit").lower().startswith("decade")
    if n is not None and n * (10 if decades else 1) > CALENDAR_YEARS:
        return False
    lead = f"{before} {text[: m.start()]}".lower().split()[-2:]
    if n is None or n != int(n) or n < 1 or _ROUGHLY & set(words) or _ROUGHLY & set(lead):
        return True  # "more than 70 years ago" bounds a year, it does not name one
    if decades:
        return 10 * int(n), 2  # "a decade ago" is said of 8 to 12 years
    return int(n), 1  # "25 years ago" in September is 1999 or 2000


def _date(ent: Span) -> DateRef:
    text = ent.text
    years = YEAR.findall(text)
    reference = ent.doc.user_data.get(REFERENCE_YEAR)
    before = ent.doc[max(0, ent.start - 2) : ent.start].text  # "more than", "over"
    back = False if years else _years_back(text, before)
    if back is not False:
        # A year when the text's date is known and the count names one; else a date that
        # cannot be read, which no source's year can confirm.
        year, slack = None, 0
        if isinstance(back, tuple) and reference is not None:
            year, slack = reference - back[0], back[1]
        return DateRef(
            text=text,
            start=ent.start_char,
            end=ent.end_char,
            year=year,
            verb=_verb_of(ent.root),
            relative=True,
            slack=slack,
        )
    month = day = weekday = None
    iso = ISO_DATE.search(text)  # "2024-11-05": year, month and day, not a year alone
    if iso:
        month, day = int(iso.group(2)), int(iso.group(3))
    for tok in [] if iso else ent:
        low = tok.lower_.rstrip(".")
        if low in WEEKDAYS:
            weekday = WEEKDAYS[low]
        elif low in MONTHS:
            month = MONTHS[low]
        elif tok.like_num and tok.text.isdigit() and 1 <= int(tok.text) <= 31:
            day = int(tok.text)
    event, of_noun = _event_of(ent.root)
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ == "since":
        event = SINCE  # "its lowest level since March 2023": when it was last so, not when
    # "1945/1946", "1976-77": a season across two years, either of them.
    span = re.fullmatch(r"\s*(\d{4})\s*[/–-]\s*(\d{2}|\d{4})\s*", text)
    two_years = bool(span) and int(span.group(2)[-2:]) == (int(span.group(1)) + 1) % 100
    return DateRef(
        text=text,
        start=ent.start_char,
        end=ent.end_char,
        year=int(years[0][:4]) if years else None,
        month=month,
        day=day if month else None,
        decade=bool(re.search(r"\b\d{3}0s\b", text)),
        verb=event,
        weekday=weekday,
        years=2 if two_years else 1,
        of_noun=of_noun,
        subject=_subject_of(ent.root),
    )


def _subject_of(tok: Token) -> str:
    """The lemma of the subject of the verb a token hangs from: whose action a date is
    ("Sweden" in "a year after Sweden joined in 2023"); a verb joined to another by
    "and" shares its subject."""
    verb = _up_to_verb(tok)
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects:
            return subjects[0].lemma_.lower()
        if verb.dep_ != "conj" or verb.head is verb:
            break
        verb = verb.head
    return ""


def _token_at(sent: Span, at: int) -> Token | None:
    """The sentence's token at a character offset of its document."""
    return next((t for t in sent if t.idx <= at < t.idx + len(t.text)), None)


def _value_subject(sent: Span, q: Quantity) -> str:
    """Whose value a number is: the subject of its clause, a pronoun left out."""
    tok = _token_at(sent, q.start)
    subject = _subject_of(tok) if tok is not None else ""
    # a pronoun, or the number itself ("three of them remained"): nobody said
    pronoun = subject in ("it", "they", "he", "she", "we", "i", "this", "that")
    return "" if pronoun or subject in q.text.lower() or subject.isdigit() else subject


def _event_of(tok: Token) -> tuple[str, bool]:
    """What a date dates, and whether it is a noun: the noun it stands before ("the 2014
    annexation" dates the annexation, not the sentence's "did not invoke"), else the verb
    it hangs from."""
    head = tok.head
    if tok.dep_ in ("compound", "nummod", "amod") and head.pos_ == "NOUN" and head.i > tok.i:
        return head.lemma_.lower(), True
    return _verb_of(tok), False


TEMPORAL_MARKS = {"since", "when", "after", "before", "until", "as"}


def _background(sent: Span) -> set[int]:
    """Tokens of a clause that only dates the assertion ("since NATO was founded in
    1949"): its words are not what a source must repeat to be about the claim (its dates
    and names are still checked)."""
    out: set[int] = set()
    for tok in sent:
        if tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in tok.children
        ):
            out |= {t.i for t in tok.subtree}
    return out


def _name_lists(sent: Span, entities: list[Entity]) -> list[list[Entity]]:
    """Named entities of one label coordinated with each other ("Poland, the Czech
    Republic and Hungary"), grouped by the first of the list."""
    doc = sent.doc
    groups: dict[tuple[int, str], list[Entity]] = {}
    for e in entities:
        span = doc.char_span(e.start, e.end)
        if span is None:
            continue
        tok = span.root
        while tok.dep_ == "conj" and tok.head is not tok:
            tok = tok.head
        groups.setdefault((tok.i, e.label), []).append(e)
    return [g for g in groups.values() if len(g) >= 2]


def _counts_times(tok: Token) -> bool:
    """Whether "once" / "twice" counts how often something happened: an adverb of an
    action, not "at once", "once again", "once more" or "was once" (formerly)."""
    nxt = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
    prev = tok.nbor(-1).lower_ if tok.i > 0 else ""
    return (
        tok.pos_ == "ADV"
        and tok.head.pos_ == "VERB"
        and tok.head.lemma_.lower() != "be"
        and nxt not in ("again", "more", "upon")
        and prev not in ("at", "all")
    )


def _age(ent: Span) -> Quantity | None:
    """An age ("aged 54", "a 54-year-old") as a number of unit "age"; None for other dates
    ("54 years" of a sentence is a duration)."""
    m = AGE.match(ent.text.strip())
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if m is None or not (before in ("aged", "age") or "old" in ent.text.lower() or _set_off(ent)):
        return None
    value = number_value(m.group(1).replace("-", " "))
    if value is None:
        return None
    # Set off after a name, the age is that person's: "Luca Devlin, 21, and his brother
    # Marco, 19" gives Devlin 21 whatever else the sentence says.
    unit = f"age:{_name_before(ent.doc[ent.start - 2])}" if _set_off(ent) else "age"
    return Quantity(value, unit, ent.text, ent.start_char, ent.end_char, verb=_verb_of(ent.root))


#: Scales written as words ("12 million"), not the letters glued to a number ("7m").
SCALE_WORDS = {"thousand", "million", "billion", "trillion"}


def _name_before(last: Token) -> str:
    """The name a word ends ("Mary Johnson" of "Johnson"), lower-cased."""
    first = last.i
    while first > 0 and last.doc[first - 1].pos_ == "PROPN":
        first -= 1
    return last.doc[first : last.i + 1].text.lower()


def _counted_word(tok: Token, nxt: Token | None) -> bool:
    """Whether a number word stands before a plural noun it counts ("Eleven people"),
    outside any entity: spaCy tags some, opening a sentence, as adjectives."""
    return (
        tok.is_alpha
        and tok.like_num
        and number_value(tok.lower_) is not None
        and nxt is not None
        and nxt.tag_ == "NNS"
    )


def _set_off(ent: Span) -> bool:
    """Whether a bare number follows a name between commas, as news gives ages: "Norwich
    winger Luca Devlin, 21, will join in July"."""
    doc = ent.doc
    if not ent.text.isdigit() or not 0 < int(ent.text) < 120 or ent.start < 2:
        return False
    after = doc[ent.end].text if ent.end < len(doc) else ""
    return doc[ent.start - 1].text == "," and doc[ent.start - 2].pos_ == "PROPN" and after in ",."


def _duration(ent: Span, sent: Span) -> Quantity | None:
    """A length of time ("16 years in prison", "a 20-year sentence", "within 60 days"),
    which spaCy tags as a date: a number of its unit, compared as other numbers are."""
    m = DURATION.fullmatch(ent.text.strip())
    value = number_value(m.group("n").replace("-", " ")) if m else None
    if m is None or value is None or ent.text.strip().lower() == "one day":
        return None  # "I have to retire one day": some day, not a day long
    if _difference(sent.doc[ent.end : min(ent.end + 2, sent.end)]):
        return None  # "ran five minutes longer than the previous record": a difference
    return Quantity(
        value,
        m.group("unit").lower().removesuffix("s"),
        ent.text,
        ent.start_char,
        ent.end_char,
        approximate=_approximate(ent),
        verb=_verb_of(ent.root),
        bound=bound_of(_lead(ent, sent)),
    )


def _matched(sent: Span, m: re.Match[str]) -> tuple[int, int, set[int]]:
    """A match in ``sent.text`` as offsets into the document and the tokens it covers."""
    start, end = sent.start_char + m.start(), sent.start_char + m.end()
    return start, end, {t.i for t in sent if start <= t.idx < end}


def _ratios(sent: Span) -> list[tuple[Quantity, set[int]]]:
    """Shares written "one in three" / "4 out of 10", as percentages, with their tokens."""
    out = []
    for m in RATIO.finditer(sent.text):
        part, whole = number_value(m.group(1)), number_value(m.group(2))
        if part is None or not whole or part >= whole:
            continue
        start, end, tokens = _matched(sent, m)
        value = 100.0 * part / whole
        first = sent.doc[min(tokens)]
        out.append(
            (
                Quantity(
                    value,
                    "percent",
                    m.group(0),
                    start,
                    end,
                    approximate=not float(value).is_integer(),  # "one in three" is 33%
                    verb=_verb_of(first),
                ),
                tokens,
            )
        )
    return out


#: A score ("a 2-0 win", "beat the Bulls 102-98"): the larger number first, which a range
#: ("3-5 people") does not put.
SCORE = re.compile(r"(?<![\d.,/–-])(\d{1,3}) ?[-–] ?(\d{1,3})(?!\d|[.,/]\d|[-–]\w)")


#: The verb of a date said after "since": a time compared with, not when the action was.
SINCE = "since"
#: Verbs that put a score right after them ("lost 0-2", "drew 1-1").
RESULT_VERBS = {"win", "lose", "beat", "draw", "trail", "lead", "edge", "defeat"}


def _scores(sent: Span) -> list[tuple[Quantity, set[int]]]:
    """A score as two values written as one ("2-0"): the winner's ("score") and
    the other side's ("score against"), each compared only with its kind, never with a
    count ("79 points after a 2-0 win"). A vote's tally is ``_tallies``'."""
    out: list[tuple[Quantity, set[int]]] = []
    if _voted(sent):
        return out
    for m in SCORE.finditer(sent.text):
        won, lost = int(m.group(1)), int(m.group(2))
        start, end, tokens = _matched(sent, m)
        if not tokens:
            continue
        first, last = sent.doc[min(tokens)], sent.doc[max(tokens)]
        before = first.nbor(-1).lemma_.lower() if first.i > 0 else ""
        if won < lost:  # a range, unless a result's verb says it ("lost 0-2")
            if before not in RESULT_VERBS:
                continue
            won, lost = lost, won
        after = last.nbor().lemma_.lower() if last.i + 1 < len(sent.doc) else ""
        # "lost 2-0", "a 2-0 defeat": the subject's is the smaller, which "a 2-0 win" is not
        side = " (lost)" if before in ("lose", "trail") or after in ("defeat", "loss") else ""
        verb = _verb_of(first)
        for value, unit in ((won, "score" + side), (lost, "score against" + side)):
            out.append((Quantity(float(value), unit, m.group(0), start, end, verb=verb), tokens))
    return out


def _fractions(sent: Span) -> list[tuple[Quantity, set[int]]]:
    """Shares written as fractions, as percentages ("about half of the stolen money" is
    50%), and fractions of a point as points ("a quarter of a percentage point")."""
    out = []
    for m in FRACTION.finditer(sent.text):
        count, name = (m.group(1) or "a").lower(), m.group(2).lower()
        whole = DENOMINATORS[name.removesuffix("s").replace("halve", "half")]
        if (count == "a" and m.group(1) is None and whole != 2) or count not in WORDS | {"a": 1}:
            continue
        start, end, tokens = _matched(sent, m)
        if not tokens:
            continue
        share = (1 if count == "a" else WORDS[count]) / whole
        span = sent.doc[min(tokens) : max(tokens) + 1]
        unit, value = ("point", share) if m.group("point") else ("percent", 100 * share)
        quantity = Quantity(
            value,
            unit,
            m.group(0),
            start,
            end,
            approximate=_approximate(span) or not float(value).is_integer(),  # "a third"
            verb=_verb_of(span.root),
        )
        out.append((quantity, tokens))
    return out


def _scaled_fractions(sent: Span) -> list[tuple[Quantity, set[int]]]:
    """Numbers written as a fraction of a scale ("nearly a quarter of a million homes" is
    about 250,000 homes), with their tokens."""
    out = []
    for m in SCALED_FRACTION.finditer(sent.text):
        part = 1 if m.group(1).lower() == "a" else WORDS[m.group(1).lower()]
        whole = DENOMINATORS[m.group(2).lower().removesuffix("s").replace("halve", "half")]
        start, end, tokens = _matched(sent, m)
        if not tokens:
            continue
        span = sent.doc[min(tokens) : max(tokens) + 1]
        quantity = Quantity(
            part / whole * SCALES[m.group(3).lower()],
            _unit(span, "CARDINAL"),
            m.group(0),
            start,
            end,
            approximate=_approximate(span),
            verb=_verb_of(span.root),
            bound=bound_of(sent.doc[max(sent.start, span.start - 3) : span.start].text),
        )
        out.append((quantity, tokens))
    return out


def _changed(tok: Token) -> str:
    """What a change word says moved: the object of "raised rates", the subject of "prices
    rose", the noun after "a rise in"; "" when the sentence does not say."""
    kids = list(tok.children)
    if tok.pos_ == "NOUN":
        heads = [g for c in kids if c.lower_ in ("in", "of") for g in c.children]
        heads = [c for c in heads if c.dep_ == "pobj"]
        # "exports saw a drop"; "a 12 percent export rise". A bare "sea level rise" is a
        # topic, not a statement that it rose ("sea level rise is not accelerating"): on
        # ClimateFEVER it made five such claims "supported" by any passage on the rise.
        said = tok.dep_ == "dobj" and tok.head.lemma_.lower() in UNDERGO
        if not heads and (said or any(c.ent_type_ in NUMERIC for c in kids)):
            heads = [
                c
                for c in kids
                if c.dep_ in ("compound", "poss") and c.ent_type_ not in NUMERIC | {"DATE"}
            ]
        if not heads and said:
            heads = [c for c in tok.head.children if c.dep_ == "nsubj"]
    else:
        while tok.dep_ == "conj" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in tok.children
        ):
            tok = tok.head  # "prices rose in February and fell in March": prices fell
            kids = list(tok.children)
        heads = [c for c in kids if c.dep_ == "dobj"] or [c for c in kids if c.dep_ in SUBJECTS]
    heads = [h for h in heads if h.pos_ in ("NOUN", "PROPN")]
    return heads[0].lemma_.lower() if heads else ""


def _steady(verb: Token) -> bool:
    """Whether ``verb`` says a value stayed where it was: "held steady", "was unchanged",
    "held rates at 2.75 percent" (a number after "at"; not "held talks at the summit")."""
    held = verb.lemma_.lower() == "hold"
    return any(
        c.lower_ in STEADY_WORDS
        or (
            held
            and c.lower_ == "at"
            and any(g.like_num or g.ent_type_ in NUMERIC for g in c.subtree if g is not c)
        )
        for c in verb.children
    )


def _own_tokens(tok: Token) -> set[int]:
    """A verb's words without those of verbs joined to it ("rose in February" of "rose in
    February and fell in March") or of a clause of its own ("held steady in May" of "held
    steady in May after it rose in April")."""
    out = {tok.i}
    for child in tok.children:
        if child.dep_ not in ("conj", "advcl"):
            out |= {t.i for t in child.subtree}
    return out


def _changes(
    sent: Span, content: set[int], dates: list[DateRef]
) -> tuple[list[Change], list[Quantity]]:
    """Which way the sentence says values moved, and the factors it states ("tripled"),
    each tied to what moved: "ice loss tripled" says nothing about sea level."""
    changes, factors = [], []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.i not in content or not (
            tok.pos_ == "VERB" or (tok.pos_ == "NOUN" and lemma in CHANGE_NOUNS)
        ):
            continue
        steady = False
        if tok.pos_ == "NOUN":
            direction = CHANGE_NOUNS[lemma]
        elif lemma in OBJECT_UP | OBJECT_DOWN:
            moved = any(c.dep_ == "dobj" for c in tok.children)
            direction = 0 if not moved else 1 if lemma in OBJECT_UP else -1
        else:
            direction = 1 if lemma in UP else -1 if lemma in DOWN else 0
            steady = lemma in STEADY_VERBS and _steady(tok)
        what = _changed(tok) if direction or steady else ""
        if not what or any(c.dep_ == "neg" for c in tok.children):  # "isn't rising"
            continue
        end = tok.idx + len(tok)
        own = _own_tokens(tok)
        # Not a date of another change said in the same words: "narrowed in March after
        # widening by 5% in February" narrowed in March only.
        when = tuple(
            d
            for d in dates
            if any(d.start <= sent.doc[i].idx < d.end for i in own)
            and (d.verb == lemma or d.verb not in UP | DOWN | OBJECT_UP | OBJECT_DOWN)
        )
        changes.append(Change(tok.text, direction, tok.idx, end, what, when))
        if lemma in FACTORS and tok.pos_ == "VERB":
            # The factor is the action itself, so it has no verb: "tripled" meets "doubled".
            factors.append(Quantity(FACTORS[lemma], f"times {what}", tok.text, tok.idx, end))
    return changes, factors


# "7m high", "a 300m-long ship", "7 m in height": the letter is metres, not a million.
DIMENSIONS = {"high", "tall", "long", "deep", "wide", "thick", "across", "away", "above"}
DIMENSION_NOUNS = {"height", "length", "depth", "width", "diameter"}
SCALE_LETTERS = {"m", "mn", "bn", "tn", "k"}


def _letters_after(ent: Span, unit: str) -> tuple[float, str, int]:
    """A scale or unit written in letters after the number's entity, which spaCy leaves
    outside it: (scale, unit, words taken). "$25m" and "€3bn" are millions and billions of
    the currency; "7m residents" and "25m euros" millions of the noun that follows; "7m
    high" and "7 m in height" metres."""
    doc = ent.doc
    if ent.end >= len(doc) or any(t.lower_ in SCALES for t in ent):
        return 1.0, unit, 0
    letters = doc[ent.end]
    word = letters.lower_.rstrip(".")
    if word not in SCALE_LETTERS or letters.idx > ent.end_char + 1:
        return 1.0, unit, 0
    if unit in MONEY:
        # "$25m last year"; only glued: "$25 m" is not how money is written
        return (SCALES[word], unit, 1) if letters.idx == ent.end_char else (1.0, unit, 0)
    after = doc[ent.end + 1 : ent.end + 3]
    first, second = ([t.lower_ for t in after] + ["", ""])[:2]
    if word == "m" and (
        first in DIMENSIONS
        or (first == "-" and second in DIMENSIONS)
        or (first == "in" and second in DIMENSION_NOUNS)
    ):
        return 1.0, "metre", 1
    noun = after[0] if len(after) and after[0].pos_ in ("NOUN", "PROPN") else None
    if noun is not None and not is_unit(noun.lower_):
        return SCALES[word], _currency(noun), 1  # "25m euros" is €25 million
    # "turnout was 7m": 7 million, as "7 million" would read
    return SCALES[word], "" if unit.rstrip(".") == word else unit, 1


#: Words that make a value where a change started, said without "from".
STARTING = frozenset({"original", "initial", "initially", "originally", "previous"})


#: Words after a compared value that make it an earlier one ("a year earlier").
_EARLIER_AFTER = frozenset({"earlier", "ago", "previous", "prior", "last", "before"})


def _compared_with_earlier(ent: Span, sent: Span) -> bool:
    """Whether a value is one the sentence compares its own with, from an earlier time:
    "compared with 58.9 percent in 2021", "against 1.31 billion a year earlier"; not
    another group's ("compared with 184 in the placebo group")."""
    before = ent.doc[max(sent.start, ent.start - 2) : ent.start].text.lower()
    if before not in ("compared with", "compared to") and not before.endswith("against"):
        return False
    after = ent.doc[ent.end : min(sent.end, ent.end + 5)]
    return any(t.lower_ in _EARLIER_AFTER or (t.ent_type_ == "DATE" and t.like_num) for t in after)


def _difference(after: Span) -> bool:
    """Whether the words after a value make it a difference between two ("seven more
    than Lindqvist", "two fewer than in 2023", "five minutes longer than the record")."""
    words = [t.lower_ for t in after]
    return (
        len(words) >= 2
        and (words[0] in ("more", "fewer", "less") or after[0].tag_ in ("JJR", "RBR"))
        and words[1] == "than"
    )


def _quantities(ent: Span, label: str, sent: Span) -> list[Quantity]:
    """The values a number's entity states (a range is one, a list several), each with
    its unit, verb and bound."""
    scale, unit, taken = _letters_after(ent, _unit(ent, label))
    # a value's own action, not its date's: "5,000 patients in 2023, compared with 4,000
    # in 2022" treated both counts, but 2022 is the 4,000's year only
    verb, approximate = _verb_of(ent.root, compared=True), _approximate(ent)
    bound = bound_of(_lead(ent, sent))
    before = {t.lower_ for t in ent.doc[max(sent.start, ent.start - 4) : ent.start]}
    # "from No. 5": the word before the rank's "No."
    first = ent.start - 2 if ent.doc[max(ent.start - 2, 0) : ent.start].text == "No." else ent.start
    if first > 0 and ent.doc[first - 1].lower_ == "from" and verb in UP | DOWN:
        bound = START  # "rose to 6.9% from 6.8%": where it started, not where it went
    elif ent.doc[max(0, ent.start - 2) : ent.start].text.lower() in ("up from", "down from"):
        bound = START  # "turnout was 48 percent, down from 55 percent": an earlier level
    elif _compared_with_earlier(ent, sent):
        bound = START  # "1.12 billion francs, compared with 1.31 billion a year earlier"
    elif before & STARTING and verb in UP | DOWN:
        bound = START  # "the original fine of 40 million euros was reduced"
    elif _of_whole(ent, sent) or _sized(ent, sent):
        bound = WHOLE
    taken = max(taken, unit_words_after(ent))
    shown = sent.doc[ent.start : min(ent.end + taken, sent.end)]
    if _difference(sent.doc[shown.end : min(shown.end + 3, sent.end)]):
        return []  # "31 aces, seven more than Lindqvist": how far apart, no count of its own
    if _multiple(sent.doc[ent.end : min(ent.end + 2, sent.end)]):
        return []  # "more than three times the 350 million rupees": a ratio, no sum
    out = []
    for value, high in numbers_in(ent.text):
        value, high = value * scale, None if high is None else high * scale
        out.append(
            Quantity(
                value,
                unit,
                shown.text,
                shown.start_char,
                shown.end_char,
                approximate,
                high,
                verb,
                # A bound word before a range is the range's start, not a bound of it
                # ("fell from over 100 to 80" is 100 to 80, not 80 and above).
                bound if high is None else "",
            )
        )
    return out


def _multiple(after: Span) -> bool:
    """Whether a number is a ratio by the words after it: "three times the 350 million",
    "four times as many", "twice ... five times higher"; not how often ("flown 62 times")."""
    words = list(after)
    return (
        len(words) == 2
        and words[0].lower_ == "times"
        and (words[1].lower_ in _MULTIPLE_NEXT or words[1].tag_ in ("JJR", "RBR"))
    )


_MULTIPLE_NEXT = frozenset({"the", "as", "that", "its", "their", "his", "her", "what"})


#: Words between "of" and a whole ("of their 34", "of the last four").
_BEFORE_WHOLE = {"the", "their", "its", "his", "her", "our", "all", "last", "past", "first"}


def _of_whole(ent: Span, sent: Span) -> bool:
    """Whether a number is the whole a number before it is part of: "won 27 of their 34
    matches", "14 of 17 counts", "three of the last four cuts". The whole is no count of
    the action ("won 34") and is compared only with a source's whole."""
    i = ent.start - 1
    while (
        i > sent.start
        and (sent.doc[i].lower_ in _BEFORE_WHOLE or _owner_word(sent.doc[i]))
        and ent.start - i < 5
    ):
        i -= 1  # "of the town's 6,000 houses": an owner's name between too
    part = sent.doc[i - 1]
    return (
        i > sent.start
        and sent.doc[i].lower_ == "of"
        and (part.like_num or part.lower_ in _FRACTIONS or part.text in ("%", "percent"))
        and part.ent_type_ not in ("DATE", "TIME")  # "found guilty on Feb. 21 of 11 counts"
    )


def _sized(ent: Span, sent: Span) -> bool:
    """Whether a number gives the size of the thing its hyphened noun describes: "the
    67-seat assembly", "a 10-point tiebreak", "a 96-page report". It is the whole, like
    "of the 67 seats", not a count of the sentence's action ("won 30 seats in the 67-seat
    assembly" did not win 67), nor of any "187 points" the source counts. A measure ("a
    4.5-metre surge") is the thing's own value, and stays one."""
    doc = ent.doc
    if ent.end + 1 >= sent.end or doc[ent.end].text != "-":
        return False
    noun, head = doc[ent.end + 1], doc[ent.end + 1].head
    # "point" counts a tiebreak's points, but measures a cut, a lead or a swing
    measure = is_unit(noun.lemma_.lower()) and not (
        noun.lemma_.lower() == "point" and head.lemma_.lower() not in _POINT_MEASURES
    )
    return (
        noun.pos_ == "NOUN" and not measure and head.pos_ in ("NOUN", "PROPN") and head.i > noun.i
    )


#: What "N-point" measures rather than counts: "a 25-point cut", "a 10-point lead".
_POINT_MEASURES = frozenset({*CHANGE_NOUNS, "hike", "lead", "gap", "margin", "swing", "move"})


#: Parts written as words: "about a third of the town's 6,000 houses".
_FRACTIONS = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths"})


def _owner_word(tok: Token) -> bool:
    """Whether a word is an owner before a noun ("town's" in "the town's 6,000 houses")."""
    return tok.tag_ == "POS" or tok.dep_ == "poss"


def _move_and_level(ent: Span) -> list[Span]:
    """A number's entity, or its two halves when it is a move and the level it reached:
    "unemployment rose 0.5% to 5.3%" moved by 0.5 to 5.3, no range of 0.5 to 5.3 ("rose
    from 2% to 3%" and "between 5% and 6%" stay ranges)."""
    to = [t for t in ent if t.lower_ == "to"]
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    verb = _up_to_verb(ent.root)
    # A move that happened ("rose", "has risen"), not a forecast's range ("is forecast to
    # grow 2% to 3% a year")
    done = verb.tag_ == "VBD" or (
        verb.tag_ == "VBN" and any(c.lower_ in ("has", "have", "had") for c in verb.children)
    )
    if len(to) != 1 or before in ("from", "between") or verb.lemma_.lower() not in UP | DOWN:
        return [ent]
    if not done or ent.doc[ent.end : ent.end + 2].text.lower() in ("a year", "per year"):
        return [ent]
    move, level = ent.doc[ent.start : to[0].i], ent.doc[to[0].i + 1 : ent.end]
    shares = PERCENT_SIGN.search(move.text) and PERCENT_SIGN.search(level.text)
    if not (move and level and (shares or before == "by")):  # "rose by $44 million to $412 million"
        return [ent]
    return [move, level]


#: Units a bare number after them does not take: shares, sums, scores, ages, measures.
_OWN_UNITS = ("percent", "point", "basis point", "score", "age", "votes")


#: Words that set a bare number beside a count before it, of the same noun.
_COMPARED = re.compile(r"(?:compared (?:with|to)|against|versus|vs\.?)\s*$", re.I)


def _unit_said_once(sent: Span, quantities: list[Quantity]) -> list[Quantity]:
    """A bare number joined to a count before it takes its noun: "scored 94 goals and
    conceded 33" (33 goals), "won 27 league matches, drew three and lost four", "Sweden
    will provide 2,000 troops, Finland 1,500". Within five words, joined by "and" or a
    comma, and only a count's noun: not a share, a sum, a score, an age or a measure."""
    out: list[Quantity] = []
    for q in sorted(quantities, key=lambda q: q.start):
        prev = out[-1] if out else None
        if q.unit or q.high is not None or prev is None or not _counted_noun(prev.unit):
            out.append(q)
            continue
        if re.match(r" of (?:them|those)\b", sent.doc.text[q.end : q.end + 12], re.I):
            # "Eleven firefighters were treated ..., and three of them remained": three
            # firefighters, however far the count before; of two counts, the one the verb
            # acts on ("arrested 40 people at 12 sites, and 30 of them")
            counts = [p for p in out if _counted_noun(p.unit)]
            acted = [p for p in counts if _argument(sent, p)]
            out.append(replace(q, unit=(acted or counts)[-1].unit))
            continue
        between = sent.doc.text[prev.end : q.start]
        words = WORD.findall(between)
        joined = (len(words) <= 5 and ("and" in words or "," in between)) or bool(
            _COMPARED.search(between)  # "96 people ..., compared with 184 in the placebo group"
        )
        out.append(replace(q, unit=prev.unit) if joined and not re.search(r"[.;:]", between) else q)
    return out


def _argument(sent: Span, q: Quantity) -> bool:
    """Whether a count's noun is its verb's subject or object ("40 people" in "arrested 40
    people at 12 sites"), not a phrase's ("12 sites")."""
    tok = _token_at(sent, q.start)
    return tok is not None and tok.head.dep_ in ("dobj", "nsubj", "nsubjpass")


def _counted_noun(unit: str) -> bool:
    return bool(unit) and not (
        unit.startswith(_OWN_UNITS) or unit in MONEY or convert(1.0, unit, unit) is not None
    )


def _voted(sent: Span) -> bool:
    """Whether a sentence speaks of a vote: a word of voting, but not "defeat" as a noun
    ("a 3-1 defeat to Brighton" is a game's)."""
    return any(
        t.lemma_.lower() in VOTE_LEMMAS and not (t.lemma_.lower() == "defeat" and t.pos_ == "NOUN")
        for t in sent
    )


def _tallies(sent: Span, quantities: list[Quantity]) -> list[Quantity]:
    """A vote's tally as votes for and votes against ("voted 312-118", "by 321 votes to
    118"), so that each is compared with its own: the two had been bare numbers, paired
    crosswise ("4-2" against "5-1") or with the voting age of the same sentence."""
    if not _voted(sent):
        return quantities
    sides: dict[int, tuple[str, re.Match[str]]] = {}
    for m in TALLY.finditer(sent.text):
        sides[sent.start_char + m.start("ayes")] = ("votes for", m)
        sides[sent.start_char + m.start("noes")] = ("votes against", m)
    out = []
    for q in quantities:
        if q.start not in sides or q.unit.startswith("score"):
            out.append(q)
        elif q.high is None:
            out.append(replace(q, unit=sides[q.start][0]))
        else:  # "endorsed the deal 52-48", one entity read as a range of 48 to 52
            m = sides[q.start][1]
            for unit, side in (("votes for", "ayes"), ("votes against", "noes")):
                number, (start, end) = m.group(side), m.span(side)
                at = {"start": sent.start_char + start, "end": sent.start_char + end}
                out.append(replace(q, value=float(number), high=None, unit=unit, text=number, **at))
    return out


def _approximate(span: Span) -> bool:
    """Whether a number is an estimate: "about" in it or just before it."""
    return any(t.lower_ in APPROX for t in span) or (
        span.start > 0 and span.doc[span.start - 1].lower_ in APPROX
    )


def _lead(ent: Span, sent: Span) -> str:
    """The words just before an entity's first number, inside it and up to three before it
    ("killed more than 100": "killed more than"), where bounds are stated."""
    first = next((t.i for t in ent if t.like_num or t.text[:1].isdigit()), ent.end)
    return sent.doc[max(sent.start, ent.start - 3) : first].text


# Words that tie one fact to another as its cause: "because", "due to", "forced".
CAUSE_VERBS = {"cause", "force", "prompt", "trigger", "spark"}
# The words in which a source may state a cause, more than a claim is read for: "the main
# cause of", "contributed 42% to", "can be attributed to", "responsible for".
CAUSE_LEMMAS = CAUSE_VERBS | {"because", "due", "owing", "thanks", "result", "lead", "drive"}
CAUSE_LEMMAS |= {"attribute", "contribute", "responsible", "effect", "consequence", "blame"}
_CAUSE_PAIRS = {("due", "to"), ("owing", "to"), ("thanks", "to"), ("result", "of"), ("lead", "to")}
_CAUSE_PAIRS |= {("result", "in")}


def _cause_words(sent: Span) -> list[str]:
    """The words of ``CAUSE_LEMMAS`` the sentence uses as a cause is stated, not as a
    modifier or a thing: "the results were published" and "the trial's lead
    investigator" state none (a claim's invented "because the company announced a
    buyback" was supported by them); "as a result of", "led to", "due to" do."""
    words = set()
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma not in CAUSE_LEMMAS or tok.dep_ in ("amod", "compound"):
            continue
        following = tok.nbor().lower_ if tok.i + 1 < sent.end else ""
        if tok.pos_ != "NOUN" or (following == "of" and tok.tag_ == "NN"):
            words.add(lemma)
    return sorted(words)


def _causal(sent: Span, content: set[int]) -> bool:
    """Whether the sentence's assertion links a cause to an effect."""
    for tok in sent:
        if tok.i not in content:
            continue
        lemma = tok.lemma_.lower()
        following = tok.nbor().lower_ if tok.i + 1 < sent.end else ""
        # "was forced to retract" names no cause; "was caused by", "prompted by" do.
        passive = lemma == "force" and any(c.dep_ == "auxpass" for c in tok.children)
        if lemma == "because" or (tok.pos_ == "VERB" and lemma in CAUSE_VERBS and not passive):
            return True
        infinitive = tok.i + 1 < sent.end and tok.nbor().dep_ == "aux"  # "due to report"
        if not infinitive and (
            (lemma, following) in _CAUSE_PAIRS or (tok.lower_, following) in _CAUSE_PAIRS
        ):
            return True
    return False


def _superlative(noun: Token) -> Token | None:
    """The superlative adjective on ``noun``: "largest" in "the largest city", "populous"
    in "the most populous province"."""
    for a in noun.children:
        if a.lower_ in ("most", "least", "fewest"):  # "the least greenhouse gases": a share
            continue
        if a.dep_ == "amod" and (
            a.tag_ == "JJS"
            or any(c.lower_ in ("most", "least") for c in a.children)
            # "the highest-paid player", "the best-selling album"
            or (a.tag_ in ("VBN", "VBG") and any(c.tag_ == "RBS" for c in a.children))
        ):
            return a
    return None


def _superlative_ranks(sent: Span, content: set[int]) -> list[Quantity]:
    """Ranks a superlative states: "Canada's most populous province" is its first, "the
    second-largest city" the second; the unit is the superlative with its noun as one word
    ("most populous province" ranks nothing but that), so ranks of other superlatives or
    of other nouns are never compared."""
    out = [rank for tok in sent if tok.i in content and (rank := _said_superlative(tok))]
    for noun in sent:
        adj = _superlative(noun) if noun.pos_ in ("NOUN", "PROPN") else None
        if adj is None or noun.i not in content:
            continue
        among = noun.head.lower_ in ("of", "among") and noun.head.head.lower_ in ("one", "some")
        if among or noun.head.lower_ == "among":
            continue  # "one of the largest charity frauds": no rank
        most = [c for c in adj.children if c.lower_ in ("most", "least") or c.tag_ == "RBS"]
        rank = [
            t
            for t in (*adj.children, *noun.children, *(g for m in most for g in m.children))
            if t.ent_type_ == "ORDINAL" and ordinal_value(t.text) is not None
        ]
        value = ordinal_value(rank[0].text) if rank else 1
        unit = "_".join([*(m.lower_ for m in most), adj.lower_, noun.lemma_.lower()])
        # Within what: "Canada's", "in the world", "of the 2021 season", "in the chip
        # industry" are other rankings; only the same scope, or none on both sides, is
        # compared.
        # (a name by all its words, each its own: "Kingsbridge United's" and "Kingsbridge's")
        scope = [_name_words(c) for c in noun.children if c.dep_ == "poss"]
        scope += [
            g.lemma_.lower()
            for c in (*noun.children, *adj.children)
            if c.dep_ == "prep" and c.lower_ in ("in", "of", "among", "on")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        unit += "".join(f"@{w}" for w in sorted(scope))
        first = min([adj, *most, *rank], key=lambda t: t.i)
        out.append(
            Quantity(
                float(value or 1),
                unit,
                sent.doc[first.i : noun.i + 1].text,
                first.idx,
                noun.idx + len(noun),
                verb=_verb_of(noun),
            )
        )
    return out


def _said_superlative(adj: Token) -> Quantity | None:
    """A rank said of the subject with "be" and no noun: "Britain's rate is now the highest
    in the Group of Seven" (its first), "... the second highest among ..." (its second);
    the unit is the superlative and the subject, or whose it is ("highest:britain")."""
    verb = adj.head
    if adj.tag_ != "JJS" or adj.dep_ not in ("attr", "acomp") or verb.lemma_ != "be":
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS and c.pos_ != "PRON"), None)
    if subject is None:
        return None
    # whose: "Japan's debt is the highest ..., and Italy's is the second highest"
    subject = next((c for c in subject.children if c.dep_ == "poss"), subject)
    rank = [c for c in adj.children if c.ent_type_ == "ORDINAL" and ordinal_value(c.text)]
    first = rank[0] if rank else adj
    return Quantity(
        float(ordinal_value(rank[0].text) or 1) if rank else 1.0,
        f"{adj.lower_}:{subject.lemma_.lower()}",
        adj.doc[first.i : adj.i + 1].text,
        first.idx,
        adj.idx + len(adj),
        verb="be",
    )


def _holder(sent: Span, rank: Quantity) -> str:
    """Who holds a rank that "be" gives: "athens" in "Athens is Greece's third-largest
    city" and in "Greece's third-largest city is Athens"; "" where no "be" says it."""
    noun = next((t for t in sent if t.idx + len(t) == rank.end), None)
    if noun is None or noun.head.lemma_ != "be":
        return ""
    other = ("attr",) if noun.dep_ in SUBJECTS else SUBJECTS if noun.dep_ == "attr" else ()
    held = next((c for c in noun.head.children if c.dep_ in other), None)
    return held.lemma_.lower() if held is not None and held.pos_ == "PROPN" else ""


def _ordinal(ent: Span) -> Quantity | None:
    """A rank ("the alliance's 30th member") with the noun it ranks as its unit; None when
    it ranks nothing named, which cannot be compared safely ("for the first time" would
    else meet "the first member"), or ranks it by a superlative ("second most populous
    province": :func:`_superlative_ranks`)."""
    value = ordinal_value(ent.text)
    head = ent.root.head
    if head.dep_ == "amod" and _superlative(head.head) is head:  # "second-largest city"
        return None
    after = [t for t in ent.doc[ent.end : ent.end + 2] if t.text != "-"]
    if after and after[0].tag_ == "JJS":  # "third-largest", however the parse hangs it
        return None
    if value is not None and (whose := _placed(ent.root)):
        # "Tola finished fifth": Tola's place, not another's; each word of a name its own
        # ("Estrela Atlantico sit second" and "Estrela are third" rank one club)
        unit = " ".join(f"place:{w}" for w in whose.split())
        return Quantity(float(value), unit, ent.text, ent.start_char, ent.end_char)
    if value is None or head is ent.root or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if _superlative(head) is not None:
        return None
    # "the 32nd member state" parses with the rank on "member" or on "state": the unit is
    # the whole noun compound either way ("member state"), and ranks of compounds that
    # share a word are compared (checks: "30th member" against "32nd member state").
    while head.dep_ == "compound" and head.head is not head and head.head.i > head.i:
        head = head.head
    compound = [t for t in head.children if t.dep_ == "compound" and t.i < head.i]
    unit = " ".join(t.lemma_.lower() for t in [*compound, head])
    return Quantity(
        float(value),
        unit,
        ent.text,
        ent.start_char,
        ent.end_char,
        verb=_verb_of(ent.root),
    )


def _untagged_places(sent: Span, covered: set[int], content: set[int]) -> list[Quantity]:
    """Places in a race or a table that spaCy did not tag as ordinals ("and finished
    seventh in 2023-24")."""
    out = []
    for tok in sent:
        if tok.i in covered or tok.i not in content:
            continue
        place = _ordinal(sent.doc[tok.i : tok.i + 1])
        if place is not None and place.unit.startswith("place:"):
            out.append(place)
    return out


def _name_words(head: Token) -> str:
    """A subject's lemma with the words of a name it ends ("estrela atlantico")."""
    name = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join(t.lemma_.lower() for t in [*name, head])


def _placed(rank: Token) -> str:
    """Whose place in a race or a table an ordinal is ("Tola finished fifth", "Morita
    took fourth place", "came second"): the subject's lemma; "" for another ordinal or
    a subject only a pronoun names."""
    placed = rank.dep_ == "amod" and rank.head.lower_ in PLACE_NOUNS  # "in fourth place"
    # "conj": "finished second in 2023 and 2024 and third in 2025", parsed so
    # "dobj": "NAC Breda finished 15th", as the parser reads a numbered rank
    if not placed and rank.dep_ not in (
        "advmod",
        "acomp",
        "attr",
        "oprd",
        "npadvmod",
        "conj",
        "dobj",
    ):
        return ""
    verb = _up_to_verb(rank)  # the parser may hang "third" on "on Sunday"
    if verb.lemma_.lower() not in PLACE_VERBS:
        return ""
    if verb.dep_ in ("acl", "relcl"):  # "Tola, the defending champion, (who) finished fifth"
        noun = verb.head.head if verb.head.dep_ == "appos" else verb.head
        return _name_words(noun) if noun.pos_ == "PROPN" else ""
    # "Gebre faded late and finished fourth": the subject of the verb it is joined to
    for tok in [verb, *verb.ancestors][:3]:
        subject = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            return "" if subject.pos_ == "PRON" else _name_words(subject)
    # A subject the parser missed ("Defending champion Bekele Tola of Ethiopia finished
    # third", read as a clause of "Defending"): the one person named before the verb.
    people = {
        t.lemma_.lower()
        for left in verb.lefts
        for t in left.subtree
        if t.ent_type_ == "PERSON" and t.dep_ != "compound"
    }
    return people.pop() if len(people) == 1 else ""


def _head_text(tok: Token) -> str:
    """A noun's name, lower-cased: its entity if it is in one, else compounds + head."""
    return _written_head(tok).lower().removeprefix("the ")


def _written_head(tok: Token) -> str:
    """:func:`_head_text` as written (its capitals kept)."""
    if tok.ent_type_ and tok.ent_iob_ != "O":
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                return ent.text
    parts = [t.text for t in tok.lefts if t.dep_ in ("compound", "amod") and t.pos_ != "NUM"]
    return " ".join([*parts, tok.text])


#: A score the parser took into a name ("Argentina 2-0").
_SCORE_AFTER = re.compile(r"\s+\d+\s*[-–]\s*\d+$")


def _relations(sent: Span) -> list[Relation]:
    out = []
    refused = {t.i for t in _refused(sent)}
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        subj = [c for c in tok.children if c.dep_ in SUBJECTS]
        if not subj and tok.dep_ == "xcomp" and tok.i in refused:
            # "Lithuania refused to request consultations": Lithuania did not request them.
            subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
        # Not a score read as the object: "Argentina beat Brazil 2-0" is parsed with "0"
        # as what was beaten and Brazil as a modifier of the verb.
        objs = [c for c in tok.children if c.dep_ in ("dobj", "attr", "oprd") and c.pos_ != "NUM"]
        objs = objs or [
            c for c in tok.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i > tok.i
        ]
        objs += [
            g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
        ]
        negated = any(c.dep_ == "neg" for c in tok.children) or tok.i in refused
        passive = any(c.dep_ == "nsubjpass" for c in tok.children)
        for s in subj:
            for o in objs:
                if s.pos_ == "PRON" or o.pos_ == "PRON":
                    continue
                a, b = _head_text(s), _SCORE_AFTER.sub("", _head_text(o))
                if passive:  # "Poland was invaded by Germany" -> (germany, invade, poland)
                    a, b = b, a
                out.append(Relation(a, tok.lemma_.lower(), b, negated))
    return out


def _content(sent: Span) -> set[int]:
    """Token indices of what is asserted, without the attribution frame around it.

    In "X joined Y in 1999, the minister told reporters" the source must match "X joined Y
    in 1999"; the minister and the reporters are who said it, checked apart.
    """
    keep = {t.i for t in sent}
    root = sent.root
    if root.lemma_.lower() in REPORTING:
        said = [c for c in root.children if c.dep_ in ("ccomp", "parataxis")]
        if said:
            keep = {t.i for c in said for t in c.subtree}
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            keep -= {t.i for t in tok.subtree}
    return keep


_QUOTE_SPANS = "newsprobe_quote_spans"
_OPENS_AFTER = "([{/—–-"
_CLOSES_BEFORE = ".,;:!?)]}/—–-"


def quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the words inside double quotation marks, read from the start of
    the document: a sentence that begins inside a quotation ('..."There are key decisions
    ... SRIT."He added: "It is important') then knows which of its marks open and which
    close, as a reader of the page does, instead of quoting 'He added: '. Curly marks say
    which they are; a straight one opens after a space and before a word, closes after a
    word and before a space or punctuation, and otherwise does what the quotation needs."""
    cached = doc.user_data.get(_QUOTE_SPANS)
    if cached is not None:
        return list(cached)
    text = doc.text
    if not any(m in text for m in '"“”'):
        spans = _single_quoted(text)
        doc.user_data[_QUOTE_SPANS] = spans
        return list(spans)
    spans = []
    start: int | None = None
    for i, ch in enumerate(text):
        if ch not in '"“”':
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch != '"':
            opening = ch == "“"
        else:
            opens = before.isspace() or before in _OPENS_AFTER
            closes = after.isspace() or after in _CLOSES_BEFORE
            opening = opens if opens != closes else start is None
        if opening:
            start = i + 1  # a quotation not closed before the next one opens is dropped
        elif start is not None:
            spans.append((start, i))
            start = None
    doc.user_data[_QUOTE_SPANS] = spans
    return list(spans)


def _single_quoted(text: str) -> list[tuple[int, int]]:
    """Quotations in single marks, in a text with no double ones (British copy: "Kulkarni
    said: 'The headline number is modest ...'"). A mark opens after a space, a colon or a
    dash and before a letter or digit, and closes after anything but a space before a
    space or punctuation: an apostrophe ("Ferrer's", "players' union") opens nothing, and
    closes only a quotation already open."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, ch in enumerate(text):
        if ch not in "'‘’":
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if (
            start is None
            and ch != "’"
            and (before.isspace() or before in ":—–-(")
            and after.isalnum()
        ):
            start = i + 1
        elif (
            start is not None
            and ch != "‘"
            and not before.isspace()
            and (after.isspace() or after in _CLOSES_BEFORE)
        ):
            spans.append((start, i))
            start = None
    return spans


def _quoted_in(sent: Span) -> list[tuple[int, int]]:
    """The quoted character spans within ``sent`` (a quotation running over its edges cut
    at them)."""
    lo, hi = sent.start_char, sent.end_char
    return [(max(a, lo), min(b, hi)) for a, b in quote_spans(sent.doc) if a < hi and b > lo]


_SIDE_WORDS = frozenset({"against", "for", "pro", "anti"})


def _context(sent: Span, q: Quantity) -> tuple[str, ...]:
    """Up to three content words after a number, before the next number, comma or "and":
    "voted", "favour" for "15 voted in favour", "against" for "and 6 against"."""
    out: list[str] = []
    for tok in sent:
        if tok.idx < q.end:
            continue
        if tok.like_num or tok.pos_ in ("CCONJ", "NUM") or (tok.is_punct and tok.text != "-"):
            break
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "ADV") or lemma in _SIDE_WORDS:
            out.append(lemma)
            if len(out) == 3:
                break
    return tuple(out)


#: The period of a rate, after its value: "a day", "per year", "each month", "annually";
#: not a time ("a day after", "a year earlier", "in a year"). Nothing but words between
#: ("240 tonnes of lost production a day"), no number or clause.
_RATE_AFTER = re.compile(
    r"^[^,;:.()\d]{0,40}?(?<!\bin )(?<!\bwithin )(?<!\bfor )(?<!\bover )"
    r"\b(?:(?:a|an|per|each|every)\s+(hour|day|week|month|quarter|year)|"
    r"(hourly|daily|weekly|monthly|quarterly|annually|yearly))\b"
    r"(?!\s+(?:after|before|later|earlier|ago|early|late|longer|shorter|old|from|since))"
)
#: ... or before it: "a daily output of 240 tonnes", "an annual salary of $50,000".
_RATE_BEFORE = re.compile(
    r"\b(hourly|daily|weekly|monthly|quarterly|annual|yearly)\s+(?:[a-z-]+\s+){0,2}of\s+$"
)
_PERIOD_OF = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month"}
_PERIOD_OF |= {"quarterly": "quarter", "annually": "year", "yearly": "year", "annual": "year"}


def _rate_period(sent: Span, q: Quantity) -> str:
    """The period ``q`` is a rate per ("day", "year"), or "" for a value of no period."""
    text = sent.doc.text
    after = _RATE_AFTER.match(text[q.end : sent.end_char])
    if after is not None and not re.search(r"\b(?:and|or|but|which|while|when)\b", after.group(0)):
        word = after.group(1) or after.group(2)
        return _PERIOD_OF.get(word.lower(), word.lower())
    before = _RATE_BEFORE.search(text[max(sent.start_char, q.start - 50) : q.start].lower())
    return _PERIOD_OF[before.group(1)] if before is not None else ""


_EACH_OF = re.compile(r"\beach of (?:the |its |their |these |those )?([a-z\d,]+) [a-z]+")
_EACH_AFTER = re.compile(r"^[^,;:.()\d]{0,25}?\b(?:each|apiece)\b")
_THE_COUNT = re.compile(r"\b(?:the|its|their|all) ([a-z\d,]+) [a-z]+")


def _given_each(sent: Span, q: Quantity) -> int:
    """How many the sentence gives ``q`` each: 2 in "pay each of the two families 500,000
    kwacha" and in "the two families will get 500,000 kwacha each"; 0 if none."""
    text = sent.doc.text.lower()
    before = text[sent.start_char : q.start]
    counts = [m.group(1) for m in _EACH_OF.finditer(before)]
    if not counts and _EACH_AFTER.match(text[q.end : sent.end_char]):
        counts = [m.group(1) for m in _THE_COUNT.finditer(before)]
    values = [v for c in counts[-1:] if (v := number_value(c)) is not None]
    return int(values[0]) if values and values[0] == int(values[0]) and values[0] > 1 else 0


def _quoted_terms(sent: Span, terms: list[str]) -> list[str]:
    """The terms whose every use in ``sent`` is inside quotation marks."""
    spans = _quoted_in(sent)
    if not spans:
        return []
    inside: set[str] = set()
    outside: set[str] = set()
    for t in sent:
        lemma = t.lemma_.lower()
        if lemma in terms:
            (inside if any(a <= t.idx < b for a, b in spans) else outside).add(lemma)
    return sorted(inside - outside)


#: Offices that stand between a company and a person in one name spaCy reads whole.
_OFFICE_WORDS = frozenset(
    {
        *("ceo", "cfo", "coo", "cto", "chairman", "chairwoman", "chair", "president"),
        *("spokesman", "spokeswoman", "spokesperson", "director", "manager", "coach"),
        *("captain", "founder"),
    }
)


def _office_at(ent: Span) -> int | None:
    """Where an office stands inside a name spaCy reads whole ("Nordhaven CFO Pieter
    Brandsma"): the office's token index, or None."""
    return next((t.i for t in ent[1:-1] if t.lower_ in _OFFICE_WORDS), None)


def _entities(sent: Span) -> list[tuple[Span, str]]:
    """The sentence's entities and their labels, a name run into the sum or measure after
    it cut in two: spaCy reads "earns Markovic 963,225 euros" as one PERSON, which would
    lose the sum. Only a number with a currency or a unit is cut off ("Boeing 737" and
    "Article 4" stay whole). So is a name run into an office and a person's name."""
    doc = sent.doc
    out: list[tuple[Span, str]] = []
    for ent in sent.ents:
        office = _office_at(ent)
        if office is not None and ent.label_ in ("PERSON", "ORG"):
            # "Nordhaven CFO Pieter Brandsma", one PERSON to spaCy: the company, the person
            out += [(doc[ent.start : office], "ORG"), (doc[office + 1 : ent.end], "PERSON")]
            continue
        cut = next((t.i for t in ent if t.like_num and any(c.isdigit() for c in t.text)), None)
        words = [t.lower_ for t in doc[cut : ent.end]] if cut is not None else []
        if any(w in CURRENCIES or w.rstrip("s") in CURRENCIES for w in words):
            measure = "MONEY"
        elif words and is_unit(words[-1]):
            measure = "QUANTITY"
        else:
            measure = ""
        joint = next((t.i for t in ent[1:-1] if t.lower_ == "and"), None)
        if ent.label_ in NAMED and cut is not None and cut > ent.start and measure:
            out += [(doc[ent.start : cut], ent.label_), (doc[cut : ent.end], measure)]
        elif (
            joint is not None
            and doc[joint + 1].is_title
            and (ent.label_ == "PERSON" or (ent.label_ == "ORG" and _says_respectively(sent)))
        ):
            # "Ferrer and Lindqvist hit 31 and 24 aces, respectively", one ORG to spaCy:
            # two names (but "Procter and Gamble reported" is one company)
            out += [(doc[ent.start : joint], ent.label_), (doc[joint + 1 : ent.end], ent.label_)]
        elif ent.label_ == "DATE" and _count_in_list(ent):
            out.append((ent, "CARDINAL"))  # the "31" of "hit 31 and 24 aces", read as a day
        else:
            out.append((ent, ent.label_))
    return out


def _says_respectively(sent: Span) -> bool:
    return any(t.lower_ == "respectively" for t in sent)


def _count_in_list(ent: Span) -> bool:
    """Whether a bare number read as a date is the first of a list of counts ("31 and 24
    aces"): a number, "and", a number and a plural noun."""
    doc = ent.doc
    after = doc[ent.end : ent.end + 3]
    return (
        len(ent) == 1
        and ent[0].text.isdigit()
        and len(after) == 3
        and after[0].lower_ == "and"
        and after[1].like_num
        and after[2].tag_ == "NNS"
    )


def parse_parts(sent: Span) -> ClaimParts:
    """The checkable parts of one sentence (offsets are into the parsed document's text)."""
    parts = ClaimParts()
    date_tokens: set[int] = set()
    content = _content(sent)
    for share, tokens in [
        *_ratios(sent),
        *_fractions(sent),
        *_scaled_fractions(sent),
        *_scores(sent),
    ]:
        if tokens & content:
            parts.quantities.append(share)
            date_tokens |= tokens

    for ent, label in _entities(sent):
        if ent.start not in content:  # who said it and when: not part of the assertion
            date_tokens.update(range(ent.start, ent.end))
            if ent.label_ == "DATE":
                parts.frame_dates.append(_date(ent))
            continue
        if label == "DATE" and re.search(r"%|\bper ?cent\b", ent.text, re.I):
            label = "PERCENT"  # "six and a half percent", which spaCy reads as a date
        elif label == "DATE" and ent[0].lower_ in CURRENCIES:
            label = "MONEY"  # "NZ$10.00", read as a date too
        elif label == "PERCENT" and DURATION.fullmatch(ent.text.strip()):
            label = "DATE"  # "no more than eight years", read as a share
        age = _age(ent) if label == "DATE" else None
        if age is not None or any(t.i in date_tokens for t in ent):
            if age is not None:
                parts.quantities.append(age)
            date_tokens.update(range(ent.start, ent.end))
            continue
        if label in NAMED and is_unit(ent.text.lower()):
            date_tokens.update(range(ent.start, ent.end))  # "Fahrenheit" read as an ORG
            continue
        if label in NAMED:
            if label == "NORP" and ent.end < sent.end and _money_noun(sent.doc[ent.end]):
                # "Norwegian crowns": the currency's name, not a people in the story
                parts.money_peoples.append(ent.text.lower())
                continue
            # "Halvard's EBITDA": the name, not its possessive ending, is what a source says
            name = ent[:-1] if len(ent) > 1 and ent[-1].tag_ == "POS" else ent
            parts.entities.append(Entity(name.text, label, name.start_char, name.end_char))
        elif label in ("DATE", "TIME"):
            ref = _date(ent)
            if ref.year or ref.month or ref.weekday is not None or ref.relative:
                parts.dates.append(ref)
            elif (lasted := _duration(ent, sent)) is not None:
                parts.quantities.append(lasted)
            date_tokens.update(range(ent.start, ent.end))
        elif label in NUMERIC:
            if label == "CARDINAL" and YEAR.fullmatch(ent.text.strip()):
                event, of_noun = _event_of(ent.root)
                parts.dates.append(
                    DateRef(
                        ent.text,
                        ent.start_char,
                        ent.end_char,
                        year=int(ent.text.strip()[:4]),
                        verb=event,
                        of_noun=of_noun,
                        subject=_subject_of(ent.root),
                    )
                )
                date_tokens.update(range(ent.start, ent.end))
                continue
            for part in _move_and_level(ent):
                parts.quantities += _quantities(part, label, sent)
            date_tokens.update(range(ent.start, ent.end))
        elif label == "ORDINAL":
            rank = _ordinal(ent)
            if rank is not None:
                parts.ordinals.append(rank)
            date_tokens.update(range(ent.start, ent.end))
    parts.ordinals += [
        replace(q, subject=_holder(sent, q)) for q in _superlative_ranks(sent, content)
    ]
    parts.cause = _causal(sent, content)
    parts.cause_words = _cause_words(sent)
    for tok in sent:  # "invoked once" against "invoked twice"; "three times" is a number
        if tok.lower_ in HOW_OFTEN and tok.i in content and _counts_times(tok):
            parts.quantities.append(
                Quantity(
                    HOW_OFTEN[tok.lower_],
                    "time",
                    tok.text,
                    tok.idx,
                    tok.idx + len(tok),
                    verb=_verb_of(tok),
                )
            )
    covered = date_tokens | {i for e in sent.ents for i in range(e.start, e.end)}
    parts.ordinals += _untagged_places(sent, covered, content)
    for tok in sent:  # digits spaCy left outside any entity ("rose to 12")
        if tok.i in covered or tok.i not in content:
            continue
        nxt = sent.doc[tok.i + 1] if tok.i + 1 < sent.end else None
        if _counted_word(tok, nxt):
            # "Eleven people were treated", a number word spaCy tagged as an adjective
            parts.quantities += _quantities(sent.doc[tok.i : tok.i + 1], "CARDINAL", sent)
            continue
        if not NUMBER.fullmatch(tok.text):
            continue
        scaled = nxt is not None and nxt.lower_ in SCALE_WORDS and bool(tok.whitespace_)
        if scaled and nxt.i not in covered:
            # "an initial 12 million pounds", which spaCy tagged no entity: the sum whole,
            # its scale and its currency, as the entity's would be.
            parts.quantities += _quantities(sent.doc[tok.i : tok.i + 2], "CARDINAL", sent)
            continue
        value = number_value(tok.text)
        if value is not None:
            span = sent.doc[tok.i : tok.i + 1]
            parts.quantities.append(
                Quantity(
                    value,
                    _unit(span, "CARDINAL"),
                    tok.text,
                    tok.idx,
                    tok.idx + len(tok),
                    approximate=_approximate(span),
                    verb=_verb_of(tok),
                    bound=bound_of(_lead(span, sent)),
                )
            )
    parts.changes, factors = _changes(sent, content, parts.dates)
    parts.quantities += factors
    parts.quantities = [
        replace(
            q,
            context=_context(sent, q),
            subject=_value_subject(sent, q),
            per=_rate_period(sent, q),
            each=_given_each(sent, q),
        )
        for q in _unit_said_once(sent, _tallies(sent, parts.quantities))
    ]
    parts.name_lists = _name_lists(sent, parts.entities)
    parts.memberships = memberships(sent)
    parts.groups = groups(sent)
    parts.relations = _relations(sent)
    negated = [
        t.head
        for t in sent
        if t.dep_ == "neg" and t.head.pos_ in ("VERB", "AUX") and t.i in content
    ] + _refused(sent)
    parts.negated = bool(negated)
    parts.negated_verbs = sorted({t.lemma_.lower() for t in negated})
    parts.denied_verbs = _denied(sent, negated)
    parts.offices = _offices(sent)
    parts.places = _places(sent, content)
    parts.references = [
        (m.group(1).lower(), m.group(2).upper(), m.group(0)) for m in _REFERENCE.finditer(sent.text)
    ] + [
        (m.group(2).lower(), str(ordinal_value(m.group(1))), m.group(0))
        for m in _NUMBERED_BEFORE.finditer(sent.text)
        # a word in lower case is a count as often ("a second amendment she proposed")
        if m.group(1)[0].isdigit() or m.group(1)[0].isupper() or m.group(2).lower() == "floor"
    ]
    background = _background(sent)
    parts.terms = sorted(
        {
            t.lemma_.lower()
            for t in sent
            if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ")
            and not t.is_stop
            and t.is_alpha
            and t.i not in date_tokens
            and len(t.text) > 1
            and t.i in content
            and t.i not in background
        }
    )
    parts.lemmas = sorted({t.lemma_.lower() for t in sent if t.is_alpha})
    parts.words = [(m[0].lower(), sent.start_char + m.start()) for m in WORD.finditer(sent.text)]
    parts.subjects = sorted(
        {
            a.lemma_.lower()
            for t in sent
            if t.dep_ in SUBJECTS and t.pos_ in ("NOUN", "PROPN") and t.i in content
            for a in _named_actor(_actor(t, date_tokens))
        }
    )
    parts.named_subjects = sorted(
        {
            t.lower_
            for t in sent
            if t.dep_ in SUBJECTS
            and t.i in content
            and not t.ent_type_
            and (t.pos_ == "PROPN" or (t.i > sent.start and not t.is_lower and t.is_alpha))
        }
    )
    parts.owners = sorted(
        {
            c.lemma_.lower()
            for t in sent
            if t.dep_ in SUBJECTS and t.i in content
            for c in [*t.children, *(g for p in t.children if p.dep_ == "prep" for g in p.children)]
            if c.dep_ in ("poss", "pobj") and c.pos_ == "PROPN"
        }
    )
    spans = _quoted_in(sent)
    parts.quote = any(t.text in ('"', "“", "”") for t in sent) or bool(spans)
    quoted = [sent.doc.text[a:b].strip().rstrip(",;:").strip() for a, b in spans]
    parts.quoted = [q for q in quoted if len(q) >= 2]
    parts.quoted_terms = _quoted_terms(sent, parts.terms)
    for tok in sent:  # "according to X" names the source more surely than a verb does
        if tok.lower_ == "according" and tok.i + 2 < len(tok.doc) and tok.nbor().lower_ == "to":
            parts.attribution = _head_text(tok.nbor(2))
            parts.attributed_as = _written_head(tok.nbor(2))
            parts.attributed_to = _named(tok.nbor(2))
            parts.speaker = _speaker(tok.nbor(2))
            return parts

    def quoted(t: Token) -> bool:  # what the speaker said ("Businesses are telling us"),
        return any(a <= t.idx < b for a, b in spans)  # not who said it

    for tok in sent:
        framing = tok.lemma_.lower() in REPORTING or (
            parts.quoted and tok.lemma_.lower() in CHARACTERIZING
        )
        if framing and tok.pos_ == "VERB" and not quoted(tok):
            subjects = [c for c in tok.children if c.dep_ == "nsubj" and not quoted(c)]
            if not subjects and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "conj"):
                # "Reeves welcomed the move, saying it would help ...": the one who welcomed
                subjects = [c for c in tok.head.children if c.dep_ == "nsubj" and not quoted(c)]
            speakers = [c for c in subjects if c.pos_ != "PRON"]
            if speakers:
                parts.attribution = _head_text(speakers[0])
                parts.attributed_as = _written_head(speakers[0])
                parts.attributed_to = _named(speakers[0])
                parts.speaker = _speaker(speakers[0])
                break
            said = [c for c in subjects if c.lower_ in PRONOUN_SPEAKERS]
            if said and parts.quoted and (person := _antecedent(said[0])) is not None:
                parts.attribution = said[0].lower_
                parts.attributed_as = said[0].text
                parts.attributed_to = parts.speaker = person
                break
    else:
        if parts.quoted and _quotation_only(sent) and sent.start > 0:
            # A quotation on its own after one attributed to a person is theirs, as wire
            # copy goes on quoting: '"Rafael is exactly the type ...," said manager Andres
            # Ocana. "He is young, but he plays like ..."'
            before = parse_parts(sent.doc[sent.start - 1].sent)
            if before.speaker is not None and before.quoted:
                parts.attribution = before.attribution
                parts.attributed_as = before.attributed_as
                parts.attributed_to = before.attributed_to
                parts.speaker = before.speaker
    return parts


def _quotation_only(sent: Span) -> bool:
    """Whether the sentence is one quotation and nothing else."""
    text = sent.text.strip()
    return (
        len(text) > 2
        and text[0] in '"“'
        and text.rstrip(".")[-1] in '"”'
        and sum(text.count(m) for m in '"“”') == 2
    )


_PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "near", "into"})


def _antecedent(pronoun: Token) -> Entity | None:
    """The person "he said" or "she said" after a quote stands for: the one person the
    sentence before names as its subject (before the quote's own first sentence, when it
    runs over several). Wire copy introduces a speaker and quotes them next ("Thai Prime
    Minister Paetongtarn Shinawatra declared a state of emergency. "We have the situation
    under control," she said."). A sentence naming nobody ("A police spokesman said ..."),
    two people ("Serena Williams said her sister Venus Williams ..."), its person as an
    object ("Police arrested John Doe"), or a title of the other sex leaves the quote
    unattributed."""
    doc, start = pronoun.doc, pronoun.sent.start
    before = [s for s in doc.sents if s.end <= start]

    def people(sent: Span) -> dict[str, Span]:
        """Its people, but not a place the parser calls one ("arrived in Kyiv")."""
        return {
            e.text: e
            for e in sent.ents
            if e.label_ == "PERSON"
            and not (e.root.dep_ == "pobj" and e.root.head.lower_ in _PLACE_PREPOSITIONS)
        }

    while len(before) > 1 and before[-1].text.lstrip()[:1] in '"“' and not people(before[-1]):
        before.pop()  # '"I want everyone to stay calm.' opens the same quote
    named = people(before[-1]) if before else {}
    role = ""
    if not named and len(before) > 1:
        # "Dahl could barely contain her excitement.": a surname the parser tagged as no
        # one (a noun, even), the subject, for the person the sentence before names.
        surname = next((t for t in before[-1] if t.dep_ in SUBJECTS and t.is_title), None)
        if surname is not None:
            named = {k: e for k, e in people(before[-2]).items() if k.split()[-1] == surname.text}
            role = surname.dep_
    if len(named) > 1:
        # "Brandsma's lawyer, Sanne Oosterhuis, said ...": not the one whose lawyer she is
        named = {k: e for k, e in named.items() if e.root.dep_ != "poss"}
    if len(named) != 1:
        return None
    (ent,) = named.values()
    root = ent.root
    if not role and root.dep_ == "pobj" and root.head.lower_ == "of":
        # "Reserve Bank of New Zealand Governor Claire Whitmore told reporters", parsed as
        # the bank telling them: a titled name after "of" the subject is that subject.
        titled = any(c.dep_ == "compound" and c.i < ent.start and c.is_title for c in root.children)
        role = root.head.head.dep_ if titled else ""
    role = role or (root.head.dep_ if root.dep_ == "appos" else root.dep_)
    titles = {t.lower_.rstrip(".") for t in doc[max(ent.start - 2, 0) : ent.start]}
    other_sex = MALE if pronoun.lower_ == "she" else FEMALE
    if role not in SUBJECTS or titles & other_sex:
        return None
    return Entity(ent.text, ent.label_, ent.start_char, ent.end_char)


#: "did not join until 2023" affirms 2023: such a negation denies no value.
_UNTIL = frozenset({"until", "till", "before"})


#: Verbs that deny the action they govern: "refused to request" did not request it,
#: "denied that troops had been placed" says they were not; "failed to prove" did not
#: prove it, and a claim that says "had not proved" was contradicted by it (qa115). Left
#: out once because two ClimateFEVER claims that models "failed to predict" the hiatus
#: (SUPPORTS) went from not enough evidence to refuted; see docs/claims.md.
REFUSALS = frozenset({"refuse", "decline", "deny", "fail"})


def _refused(sent: Span) -> list[Token]:
    """The actions a refusal verb denies ("request" in "refused to request"), unless the
    refusal is itself negated ("did not refuse to ...")."""
    return [
        c
        for t in sent
        if t.lemma_.lower() in REFUSALS
        and t.pos_ == "VERB"
        and not any(n.dep_ == "neg" for n in t.children)
        for c in t.children
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")
    ] + [
        # "fell four seats short of a majority" did not win one: a claim that the party
        # "did not secure a majority" says the same, one that it won one the opposite
        x
        for c in sent
        if c.lower_ == "short"
        and c.i + 1 < sent.end
        and sent.doc[c.i + 1].lower_ == "of"
        and (t := _up_to_verb(c)).pos_ == "VERB"
        and not any(n.dep_ == "neg" for n in t.children)
        for x in [t, *(g for g in sent.doc[c.i + 1].children if g.dep_ == "pobj")]
    ]


def _places(sent: Span, content: set[int]) -> list[tuple[str, str, Entity]]:
    """(verb, preposition, place) for each place the sentence asserts an action happened
    in, came from or went to ("cross", "from", Belarus)."""
    return [
        (
            e.root.head.head.lemma_.lower(),
            e.root.head.lower_,
            Entity(e.text, e.label_, e.start_char, e.end_char),
        )
        for e in sent.ents
        if e.label_ in ("GPE", "LOC")
        and e.start in content
        and e.root.dep_ == "pobj"
        and e.root.head.head.pos_ == "VERB"
    ]


#: Words before a name or an office that name no office ("Mr", "the").
COURTESY = frozenset(["the", "a", "an", "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "dame"])
#: Before a person's name, words that say when rather than which office: "former
#: President Trump" is the President Trump of an older source.
_NOT_OFFICE = COURTESY | {"former", "acting", "then", "late", "new", "incoming", "outgoing"}


#: A numbered part of a text or a numbered thing ("Article 4", "Resolution 2334", "Flight
#: 17"): the number names it, so it is no count to compare with other counts.
_REFERENCE = re.compile(
    r"\b(article|section|chapter|clause|paragraph|resolution|amendment|protocol|annex|"
    r"phase|stage|level|category|flight|gate|terminal|route|highway|interstate)\s+"
    r"(\d{1,5}[a-z]?|[IVXL]{1,6})\b",
    re.I,
)
#: The same, numbered before: "the 4th Ward", "the Second Circuit", "the 1st Armored
#: Division" (a word between, as "Armored", is left to the name check).
_NUMBERED_BEFORE = re.compile(
    r"\b(\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|eleventh|twelfth)\s+(ward|district|precinct|circuit|amendment|division|army|"
    r"fleet|brigade|battalion|regiment|corps|floor|congressional district)\b",
    re.I,
)
#: Capitalised words before a name that are no office: another name, a day.
_NOT_TITLE = frozenset({"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL"})


#: Offices written in lower case before a name: "Public prosecutor Jeroen Kuipers".
_OFFICE_NOUNS = frozenset(
    {"prosecutor", "minister", "judge", "lawyer", "attorney", "spokesman", "spokeswoman"}
)


def _offices(sent: Span) -> dict[str, str]:
    """Each named person's office as the sentence writes it before the name ("Prime
    Minister" before "Gintautas Paluckas"): the capitalised words running up to the name
    (and an office in lower case among them: "Public prosecutor"),
    a nationality or a body among them ("Lithuanian Defence Minister", "NATO Secretary
    General"; spaCy tags "Defence" a body), courtesy and time words left out ("Mr",
    "former")."""
    out: dict[str, str] = {}
    for ent in sent.ents:
        if ent.label_ != "PERSON":
            continue
        words: list[str] = []
        i = ent.start - 1
        office = _office_at(ent)
        if office is not None:  # "Nordhaven CFO Pieter Brandsma", read as one name
            words = [t.text for t in sent.doc[ent.start : office + 1]]
            ent = sent.doc[office + 1 : ent.end]
        while (
            i >= sent.start
            and (sent.doc[i].is_title or sent.doc[i].lower_ in _OFFICE_NOUNS)
            and sent.doc[i].ent_type_ not in _NOT_TITLE
        ):
            if sent.doc[i].lower_.rstrip(".") not in _NOT_OFFICE:
                words.insert(0, sent.doc[i].text)
            i -= 1
        if words:
            out[ent.text] = " ".join(words)
        elif (given := _office_after(ent)) is not None:
            out[ent.text] = given
    return out


#: Head nouns of an office said after a name ("Thomas Brugger, Merivale's chief operating
#: officer"; "Helen Marchetti, chair of the regional district's board").
_OFFICE_HEADS = frozenset(
    {
        *_OFFICE_NOUNS,
        *("officer", "executive", "mayor", "chair", "chairman", "chairwoman", "president"),
        *("director", "governor", "head", "leader", "secretary", "commissioner", "manager"),
        *("ceo", "cfo", "coo", "cto", "spokesperson", "ambassador", "chancellor", "coach"),
        "investigator",  # "Dr. Helen Achebe, the trial's chief investigator"
    }
)


def _office_after(ent: Span) -> str | None:
    """The office a name is given in apposition after it, as the words of its noun and
    their modifiers (no owner: "Merivale's chief operating officer" is "chief operating
    officer"), or None where the apposition names no office."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
        return None
    head = next((t for t in ent.root.children if t.dep_ == "appos" and t.i > ent.end), None)
    if head is None or head.lemma_.lower() not in _OFFICE_HEADS:
        return None
    words = [t.lower_ for t in head.lefts if t.dep_ in ("compound", "amod", "nmod")]
    return " ".join([*words, head.lower_])


def _denied(sent: Span, negated: list[Token]) -> list[str]:
    """The actions whose values the sentence denies: a negated verb whose lemma the
    sentence does not also affirm ("Finland joined in 2019, while Austria did not join"
    denies nothing of Finland's 2019), and not "not ... until" or "not ... before"."""
    if any(t.lower_ in _UNTIL for t in sent):
        return []
    denied = {t.i for t in negated}
    verbs = [t for t in sent if t.pos_ in ("VERB", "AUX")]
    return sorted(
        {
            sent.doc[i].lemma_.lower()
            for i in denied
            if not any(v.i not in denied and v.lemma_ == sent.doc[i].lemma_ for v in verbs)
        }
    )


def _actor(subject: Token, values: set[int]) -> Token:
    """Who acts when the subject is a value: "voters" in "80 percent of voters backed", as
    a source writing "four in five voters" never says "percent"."""
    if subject.i not in values and subject.lemma_.lower() not in PARTITIVE:
        return subject
    of = [g for c in subject.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return of[0] if of else subject


#: Subjects that are part of a whole named after "of": "five members of the committee
#: voted" is the committee's vote, as "the Monetary Policy Committee voted 5-4" says.
PARTITIVE = frozenset({"member", "majority", "minority", "most", "many", "some", "rest"})


def _named_actor(subject: Token) -> list[Token]:
    """The subject and the name it is given in apposition: "His attorney, Dennis Rourke,
    argued" is Rourke's act, which a source calling him "Talbot's lawyer" names too."""
    # ... and the name a common noun is given before it: "The HORIZON-HF trial" is the
    # study a source calls "The Phase 3 study, called HORIZON-HF".
    named = subject.pos_ == "NOUN"
    return [
        subject,
        *(
            c
            for c in subject.children
            if c.pos_ == "PROPN" and (c.dep_ == "appos" or (named and c.dep_ == "compound"))
        ),
    ]


def _speaker(tok: Token) -> Entity | None:
    """The named person a statement is attributed to (the PERSON entity of the speaker's
    head noun), or None for "officials", "the ministry", "Reuters": only a named person is
    required in the evidence, as a source rarely repeats which office announced a fact."""
    named = _named(tok)
    return named if named is not None and named.label == "PERSON" else None


def _named(tok: Token) -> Entity | None:
    """The named entity a statement is attributed to, person or not ("Article 4 of the
    North Atlantic Treaty says", "the Kremlin said"): whose words a quote gives. A title
    named in apposition counts ("Poland's defence minister, Mariusz Blaszczak, said"), as
    wire copy names most speakers that way."""
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            if ent.label_ not in NAMED:
                return None
            return Entity(ent.text, ent.label_, ent.start_char, ent.end_char)
    for c in tok.children:
        if c.dep_ == "appos" and c.ent_type_:
            return _named(c)
    return None
