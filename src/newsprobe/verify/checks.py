"""Offline consistency checks between a claim and one source sentence.

Each check compares like with like (a number with a number of the same unit, a year with
a year of the same event) and reports a :class:`Conflict` only where both sides state the
value; a value the source does not mention is no evidence either way.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import TypeVar

from newsprobe.claims.aliases import (
    capital_of,
    initials_of,
    lemma_named,
    named_in,
    names_for,
    spelled_out,
)
from newsprobe.claims.model import (
    Change,
    ClaimParts,
    Conflict,
    DateRef,
    Entity,
    Evidence,
    Quantity,
)
from newsprobe.claims.numbers import (
    LOWER,
    MONEY,
    QUALIFIERS,
    SCALES,
    START,
    UPPER,
    WHOLE,
    WORDS,
)
from newsprobe.claims.parts import COURTESY, DOWN, SINCE, STARTING, UP, verb_kin
from newsprobe.claims.units import AMBIGUOUS, convert
from newsprobe.verify.alignment import Alignment
from newsprobe.verify.options import (
    MIN_CONFLICT_OVERLAP,
    NEGATION_OVERLAP,
    NEGATION_SIMILARITY,
    PARAPHRASE_SIMILARITY,
)

UNIT_SYNONYMS = {
    "mp": "lawmaker",  # "seven MPs" against "five lawmakers"
    "legislator": "lawmaker",
    "person": "people",
    "persons": "people",
    "%": "percent",
    "per": "percent",
    "degree": "c",  # a plain "degrees" in news is Celsius more often than not
    "occasion": "time",  # "on two occasions" is "twice"
}


CHANGE_WORDS = UP | DOWN
T = TypeVar("T", Quantity, DateRef)


@dataclass(slots=True)
class CheckResult:
    """What one source sentence says about a claim's checkable parts."""

    conflicts: list[Conflict] = field(default_factory=list)
    agreed: int = 0
    checkable: int = 0
    # Values the sentence states otherwise that no check can call a conflict: another sum
    # in another currency, another month of an unnamed year, a change at another time.
    unresolved: int = 0
    # Dates of the claim said relative to a date that is not known ("a decade ago" in a
    # text without one) where the sentence gives a year for the same action.
    unread_time: int = 0
    # The claim links a cause to an effect and the sentence states no such link.
    unread_cause: int = 0
    # The claim denies an action with a value the sentence states otherwise ("did not
    # raise it to 6 percent" against "raised it to 5.5"): its negation is of the value,
    # so the sentence's affirming the action is no mismatch.
    value_denied: bool = False
    # The claim's values the sentence states alike (their text in the claim), which
    # another sentence of the passage may complete (verifier: a claim joining two facts).
    confirmed: list[str] = field(default_factory=list)


def _unit(q: Quantity) -> str:
    return UNIT_SYNONYMS.get(q.unit, q.unit)


def _interval(q: Quantity) -> tuple[float, float]:
    """The values a quantity allows: one point, a range, or a bound open on one side
    ("more than 100": 100 and above; "up to 50": 50 and below)."""
    low, high = q.value, q.high if q.high is not None else q.value
    if q.bound == LOWER:
        return low, math.inf
    if q.bound == UPPER:
        return -math.inf, high
    return low, high


_DECIMALS = re.compile(r"\d[\d,]*\.(\d+)")


def _rounding(q: Quantity) -> float:
    """Half the last stated decimal place, in the quantity's own scale: "4.2 billion" may
    round 4.24 billion (0.05 billion), "5.5 percent" 5.47; 0 for whole numbers, whose
    trailing zeros say nothing sure about rounding."""
    m = _DECIMALS.search(q.text)
    if m is None:
        return 0.0
    try:
        written = float(m.group(0).replace(",", ""))
    except ValueError:
        return 0.0
    scale = abs(q.value / written) if written else 1.0
    return 0.5 * 10 ** -len(m.group(1)) * scale


def same_number(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities can state the same value: equal up to rounding (0.5%, or 10%
    where either side says "about", or half the last decimal place the less precise side
    states: "4.2 billion" for 4.24 billion); a value agrees with a range it is in, two
    ranges when both their ends do, and a bound ("more than 100") with values on its side
    of the bound, and conflicts with the rest; two bounds of the same side are compared as
    the limits they state.

    "at 5.5 percent" and "more than 100" are not estimates: treating them as "about" let a
    claim's 5.5 pass for a source's 5.25 and "more than 100" for 95.
    """
    if a.per and b.per and a.per != b.per:
        return _same_rate(a, b)
    if bool(a.each) != bool(b.each):
        # "a combined 1 million kwacha" for "each of the two families 500,000 kwacha"
        one = a if a.each else b
        high = one.high * one.each if one.high is not None else None
        total = replace(one, value=one.value * one.each, high=high, each=0)
        if same_number(total, b if one is a else a):
            return True
    if a.bound and a.bound == b.bound:
        # Both sides bound the same way: each states the limit itself ("can hold up to
        # 40,000" against "up to 60,000"), and two limits differ like two values.
        a_lo, a_hi = a.value, a.value
        b_lo, b_hi = b.value, b.value
    else:
        a_lo, a_hi = _interval(a)
        b_lo, b_hi = _interval(b)
    stated = [abs(x) for x in (a.value, a.high, b.value, b.high) if x is not None]
    if a.approximate or b.approximate:
        slack = max(_estimate_slack(a, max(stated)), _estimate_slack(b, max(stated)))
    else:
        slack = 0.005 * max([*stated, 1e-9])
    slack = max(slack, _rounding(a), _rounding(b))
    if a.high is not None and b.high is not None and not (a.bound or b.bound):
        # Two ranges state two ends each, which must both be the same: "between $2.4
        # billion and $5 billion" is not "between $2.4 billion and $3.1 billion".
        return abs(a.value - b.value) <= slack and abs(a.high - b.high) <= slack
    return a_lo <= b_hi + slack and b_lo <= a_hi + slack


_WRITTEN = re.compile(r"\d[\d,]*(?:\.(\d+))?")
#: Periods of a rate, in days.
_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 365 / 12, "quarter": 365 / 4, "year": 365}


def _same_rate(a: Quantity, b: Quantity) -> bool:
    """Whether two rates over other periods can be one: "1,680 tonnes a week" is "240
    tonnes a day", "$51 a month" is no "$51 a year". Within 2% (a month is 30.4 days on
    average, not a count), 10% where either side says "about"."""
    factor = _DAYS[b.per] / _DAYS[a.per]
    lo, hi = a.value * factor, (a.high if a.high is not None else a.value) * factor
    b_hi = b.high if b.high is not None else b.value
    slack = (0.1 if a.approximate or b.approximate else 0.02) * max(abs(hi), abs(b_hi), 1e-9)
    return lo <= b_hi + slack and b.value <= hi + slack


def _estimate_slack(q: Quantity, size: float) -> float:
    """How far an estimate may be from a value: 10% of it ("about 100" for 95), but no
    more than three steps of the last digit it writes: "roughly 12,400" is said to the
    hundred, and is not the 11,200 a source gives ("about 2.1 million", said to the
    100,000, keeps its 10%). A stated value (not an estimate) keeps the 0.5%."""
    if not q.approximate:
        return 0.005 * size
    m = _WRITTEN.search(q.text)
    digits = m.group(0).replace(",", "") if m else ""
    written = float(digits) if digits else 0.0
    if not written:
        return 0.10 * size  # "about two dozen": no digits to read a step from
    decimals = m.group(1) if m else None
    zeros = len(digits) - len(digits.rstrip("0"))
    step = 10.0 ** -len(decimals) if decimals else 10.0**zeros
    return min(0.10 * size, 3 * step * abs(q.value / written))


#: How far a converted value may be from the claim's: conversions are rounded ("150 km"
#: is "93 miles", 0.2% off; "12 kg" is "26 pounds", 1.7%), an estimate more.
CONVERTED_SLACK = 0.04
#: The same for temperatures, in degrees of the claim's scale ("40C" is "104F").
TEMPERATURE_SLACK = {"c": 1.0, "f": 1.8}


def _converted(q: Quantity, theirs: list[Quantity]) -> list[Quantity]:
    """The source's quantities of another unit of the claim's dimension, expressed in the
    claim's unit (the source's words kept, for the report)."""
    out = []
    for s in theirs:
        value = convert(s.value, _unit(s), _unit(q))
        if value is None:
            continue
        high = None if s.high is None else convert(s.high, _unit(s), _unit(q))
        out.append(replace(s, value=value, high=high))  # its own unit kept: "ton" is loose
    return out


def same_measure(a: Quantity, b: Quantity) -> bool:
    """Whether a claim's quantity and a source's, converted into its unit, can state the
    same value: :func:`same_number`, or within the slack of a rounded conversion."""
    if same_number(a, b):
        return True
    lo, hi = (b.value, b.high) if b.high is not None else (b.value, b.value)
    nearest = min(max(a.value, lo), hi)
    unit = _unit(a)
    if unit in TEMPERATURE_SLACK:
        return abs(a.value - nearest) <= TEMPERATURE_SLACK[unit]
    slack = CONVERTED_SLACK * (2.5 if (a.approximate or b.approximate) else 1.0)
    slack = max(slack, AMBIGUOUS.get(unit, 0.0), AMBIGUOUS.get(_unit(b), 0.0))
    return abs(a.value - nearest) <= slack * max(abs(a.value), abs(nearest))


def paired(q: Quantity, claimed: list[Quantity], theirs: list[Quantity]) -> list[Quantity]:
    """The source's value that states what ``q`` states, when the claim and the source give
    as many values of its unit (two to four): "from £682m to about £628m" against "from
    £682m to about £528m" pairs 628 with 528, where any value of the unit would have let
    the estimate pass for 682. The values are matched one to one, by the pairing with the
    smallest relative differences, so a list given in another order pairs as written.
    Otherwise every value of the unit (``theirs``)."""
    ours = [c for c in claimed if _unit(c) == _unit(q)]
    if not 2 <= len(ours) == len(theirs) <= 4:
        return theirs

    def gap(a: Quantity, b: Quantity) -> float:
        """How unlike two values are: their relative difference, and 1 more when the words
        after them differ ("in favour" against "against"), which weighs more than any
        difference of value: "6 voted in favour and 15 against" pairs 6 with the source's
        15 in favour, not with its 6 against. So does where a change started against where
        it went: "dropped to 3.8 billion from 2.1 billion" pairs 3.8 with the source's
        level reached, not with its "from 3.8 billion"."""
        other = bool(a.context and b.context and not set(a.context) & set(b.context))
        other += (a.bound == START) != (b.bound == START)
        return abs(a.value - b.value) / max(abs(a.value), abs(b.value), 1e-9) + other

    best = min(
        itertools.permutations(theirs),
        key=lambda order: sum(gap(a, b) for a, b in zip(ours, order, strict=True)),
    )
    return [best[next(i for i, c in enumerate(ours) if c is q)]]


#: How a sum's currency is said when its words do not say it ("2.5 million euros" is
#: read as the number "2.5 million" of euros).
CURRENCY_WORDS = {
    "usd": "dollars",
    "eur": "euros",
    "gbp": "pounds",
    "jpy": "yen",
    "nzd": "New Zealand dollars",
    "aud": "Australian dollars",
    "cad": "Canadian dollars",
    "hkd": "Hong Kong dollars",
    "sgd": "Singapore dollars",
    "twd": "Taiwan dollars",
    "brl": "reais",
    "cny": "yuan",
    "inr": "rupees",
    "rub": "roubles",
    "zar": "rand",
    "crown": "crowns",
    "franc": "francs",
    "kwacha": "kwacha",
    "ngn": "naira",
    "ghs": "cedis",
    "shilling": "shillings",
    "peso": "pesos",
    "lira": "lira",
    "pln": "zlotys",
    "huf": "forints",
    "czk": "koruna",
    "dirham": "dirhams",
    "riyal": "riyals",
    "myr": "ringgit",
    "thb": "baht",
    "idr": "rupiah",
    "uah": "hryvnias",
    "kzt": "tenge",
    "dinar": "dinars",
}


def _shown(q: Quantity) -> str:
    """A value as a conflict shows it: its words, without the sentence's full stop, and
    a sum with its currency ("2.5 million euros" against "$2.5 million")."""
    text = q.text.rstrip(".,;:")
    unit = _unit(q)
    said = re.search(r"[$£€¥]|dollar|euro|pound|yen|\b(?:usd|eur|gbp|jpy)\b", text, re.I)
    if unit in CURRENCY_WORDS and not said and CURRENCY_WORDS[unit] not in text:
        text = f"{text} {CURRENCY_WORDS[unit]}"
    if unit == "point" and "point" not in text:  # "4" of "fell 4 percentage points"
        text = f"{text} percentage points" if "percentage" in q.context else f"{text} points"
    if unit == "basis point" and "basis" not in text:  # "50" of "by 50 basis points"
        text = f"{text} basis points"
    if q.per:  # "$51 a month" against "$51 a year"
        text = f"{text} a {q.per}"
    return text


def _same_unit(q: Quantity, s: Quantity) -> bool:
    """Whether two values are of one unit; ages of one person ("age:mary johnson" and
    "age:mary"; a plain "age", whose person the sentence does not set beside it, may be
    anyone's)."""
    a, b = _unit(q), _unit(s)
    if a.startswith("age") and b.startswith("age"):
        mine, theirs = set(a[4:].split()), set(b[4:].split())
        return not mine or not theirs or mine <= theirs or theirs <= mine
    return a == b


def _states(q: Quantity, theirs: list[Quantity]) -> bool:
    """Whether the source states the claim's value in the claim's own unit."""
    return any(_unit(s) == _unit(q) and same_number(q, s) for s in theirs)


def _share_or_move(q: Quantity, theirs: list[Quantity]) -> Quantity | None:
    """The source's same number in the other of "percent" and "percentage points", when
    it does not also state it in the claim's: "unemployment rose 0.3 percent" for "rose
    0.3 percentage points" is the classic misreading of a share's move (0.3% of 4.6% is
    0.014 points)."""
    if _unit(q) not in ("percent", "point") or _states(q, theirs):
        return None
    if _unit(q) == "point":
        return next((s for s in theirs if _unit(s) == "percent" and same_number(q, s)), None)
    # "cut rates by 0.25%" for "by 25 basis points": 0.25 points
    points = [s for s in theirs if _unit(s) in ("point", "basis point")]
    return next((s for s in points if same_number(q, _in_points(s))), None)


def _unit_swapped(q: Quantity, theirs: list[Quantity]) -> Quantity | None:
    """The source's value with the claim's number in another unit of its measure ("38
    kilometers" for "38 miles") or another currency, when the source states the claim's
    value in no unit."""
    if _states(q, theirs):
        return None
    return next(
        (
            s
            for s in theirs
            if _unit(s) != _unit(q)
            and (s.value, s.high) == (q.value, q.high)
            and (
                any(not same_measure(q, c) for c in _converted(q, [s]))
                # "500 million dollars" for "500 million yen"
                or {_unit(s), _unit(q)} <= MONEY
            )
        ),
        None,
    )


def _scale_swapped(q: Quantity, theirs: list[Quantity]) -> Quantity | None:
    """The source's value with the claim's digits at another scale ("$4.2 million" for
    "$4.2 billion"), in the claim's unit, when the source states the claim's value in no
    scale: a misreading, not another fact, whatever the verbs."""
    if not _unit(q) or _states(q, theirs):
        return None
    digits = _WRITTEN.search(q.text)
    for s in theirs:
        mine = _WRITTEN.search(s.text)
        if (
            _unit(s) == _unit(q)
            and digits is not None
            and mine is not None
            and digits.group(0) == mine.group(0)
            and q.high is None is s.high
            and q.value
            and s.value
            and round(abs(math.log10(abs(q.value / s.value)))) in (3, 6)
        ):
            return s
    return None


def _digits_swapped(q: Quantity, theirs: list[Quantity]) -> Quantity | None:
    """The source's value with the claim's digits in another order ("58 new positions"
    for "85 new officer positions"), in the claim's unit, when the source states the
    claim's value nowhere, nor a value of its unit with its verb (which it is compared
    with): a slip of the keys, not another fact, whatever the verbs."""
    digits = re.sub(r"\D", "", q.text)
    if not _unit(q) or len(digits) < 2 or q.high is not None or q.approximate:
        return None
    if _states(q, theirs) or any(_unit(s) == _unit(q) and _same_verb(s, q) for s in theirs):
        return None
    return next(
        (
            s
            for s in theirs
            if _unit(s) == _unit(q)
            and s.high is None
            and (mine := re.sub(r"\D", "", s.text)) != digits
            and sorted(mine) == sorted(digits)
            and 0.1 < s.value / q.value < 10
        ),
        None,
    )


def measures_alike(claim: ClaimParts, source: ClaimParts) -> bool:
    """Whether the source gives a value of the same measure as one of the claim's: a sum
    of the same currency, a share, a length in any unit ("45 mph" for "45 km/h"); bare
    counts say too little of what they count."""
    return any(
        _unit(q) and (_same_unit(q, s) or convert(1.0, _unit(s), _unit(q)) is not None)
        for q in claim.quantities
        for s in source.quantities
    )


def values_stated(claim: ClaimParts, source: ClaimParts) -> int:
    """How many of the claim's values the source sentence states, in the same unit; 0
    when it gives one of them another value ("nearly 6,000 adults" for "3,412 adults")."""
    stated = 0
    for q in claim.quantities:
        theirs = [s for s in source.quantities if _unit(s) == _unit(q)]
        if any(same_number(q, s) for s in theirs):
            stated += 1
        elif theirs:
            return 0
    return stated


def _named_in(q: Quantity) -> bool:
    """Whether a value's words name what it counts, beyond its number ("100 million
    yuan", not "five" or "1.2 million")."""
    words = set(re.findall(r"[a-z]+", q.text.lower()))
    return bool(words - set(SCALES) - set(WORDS) - QUALIFIERS)


def _same_verb(a: Quantity, b: Quantity) -> bool:
    """Whether two values are of one action: the same verb or its kin ("holds", "controls")."""
    return a.verb == b.verb or a.verb in verb_kin(b.verb)


def _in_points(q: Quantity) -> Quantity:
    """A move in basis points as percentage points ("25 basis points" is 0.25)."""
    if _unit(q) != "basis point":
        return q
    high = None if q.high is None else q.high / 100
    return replace(q, value=q.value / 100, high=high, unit="point")


def _dated(d: DateRef) -> str:
    """A date as a conflict shows it: "a decade ago (2015)" says which year was read."""
    return f"{d.text} ({d.year})" if d.relative else d.text


def _given_elsewhere(s: DateRef, d: DateRef, claim: ClaimParts, source: ClaimParts) -> bool:
    """Whether the claim gives the source's year ``s`` to another event of its own, of the
    source's own actor ("Poland joined in 1999, five years before the Baltic states joined
    in 2004": the source's 1999 is Poland's, which the claim says too). Another actor's
    ("Finland joined in 2024, a year after Sweden joined in 2023", against Finland's 2023)
    does not account for it."""
    return any(
        o is not d
        and o.year == s.year
        and (not o.subject or not source.subjects or o.subject in source.subjects)
        for o in claim.dates
    )


def _framed(d: DateRef, source: ClaimParts) -> bool:
    """Whether the source's attribution frame gives the claim's date ("rose to 1,644, the
    government said on Saturday" for "rose to 1,644 on Saturday"): a news sentence's
    fact is often dated by its telling, so the date is the source's too, not a conflict
    with another date in the sentence ("the earthquake that struck on Friday"). Not where
    the source dates the claim's own action: "joined in 1999, the minister said in 2024"
    refutes "joined in 2024"."""
    kin = verb_kin(d.verb) | {d.verb}  # "climbed" is dated by the source's "rose"
    if d.verb not in ("", "be", "have") and any(s.verb in kin for s in source.dates):
        return False
    for s in source.frame_dates:
        same_day = (s.year, s.month, s.day) == (d.year, d.month or s.month, d.day or s.day)
        if (d.weekday is not None and s.weekday == d.weekday) or (
            d.year is not None and not d.relative and same_day
        ):
            return True
    return False


def _same_years(a: DateRef, b: DateRef) -> bool:
    """Whether two dates can state one year: the years each covers ("1945/1946" two)
    overlap, within the slack of a count back ("a decade ago", give or take). Two seasons
    are one only if they start alike: "1947/1948" is not "1946/1947"."""
    assert a.year is not None and b.year is not None
    slack = max(a.slack, b.slack)
    if a.years > 1 and b.years > 1:
        return abs(a.year - b.year) <= slack
    return a.year - slack <= b.year + b.years - 1 and b.year - slack <= a.year + a.years - 1


def _same_time(mine: list[DateRef], theirs: list[DateRef]) -> bool:
    """Whether two sentences can speak of the same time: either states none, or a year and
    month (where both give them) that they share."""
    if not mine or not theirs:
        return True
    return any(
        (a.year is None or b.year is None or a.year == b.year)
        and (a.month is None or b.month is None or a.month == b.month)
        for a in mine
        for b in theirs
    )


def same_person(a: str, b: str) -> bool:
    """Whether two person names can be the same person: one contains the other, or they
    share the surname ("Rutte" and "Mark Rutte")."""
    a, b = a.lower().strip(), b.lower().strip()
    if not a or not b:
        return False
    return same_name(a, b) or a.split()[-1] == b.split()[-1]


def _same_voice(a: Entity | None, b: Entity | None) -> bool:
    """Whether two statements are attributed to the same name: a person by
    :func:`same_person`, anything else when one name contains the other ("Article 4" and
    "Article 4 of the North Atlantic Treaty", "the Kremlin" and "Kremlin"); a law by
    its part before "of" ("Article 4 of the treaty")."""
    if a is None or b is None:
        return False
    if a.label == "PERSON" or b.label == "PERSON":
        # By the name alone: the parser's label for one name varies with the sentence
        # ("Min Aung Hlaing said" is a PERSON in one and a WORK_OF_ART in the next).
        return same_person(a.text, b.text)
    name = [a.text.lower().removeprefix("the "), b.text.lower().removeprefix("the ")]
    if a.label == b.label == "LAW":  # "Article 4 of the treaty", "... of the NATO treaty"
        name = [n.split(" of ")[0] for n in name]
    return same_name(*name)


def term_overlap(claim: ClaimParts, lemmas: set[str]) -> float:
    """Share of the claim's content lemmas that the source text also uses. A word of change
    is answered by any other ("decreased" by "increased"): the two sentences are about the
    same movement, which the direction check then compares."""
    return _overlap(claim.terms, lemmas)


def topic_overlap(claim: ClaimParts, lemmas: set[str]) -> float:
    """:func:`term_overlap` as the relevance gate reads it: when the claim names whose words
    it quotes, the words around the quote may stand for the claim instead. The source of
    "Hollis said the project was 'a waste of money'" is the one on Hollis and the project,
    whatever words it quotes her saying; the quote check then compares the words."""
    overlap = term_overlap(claim, lemmas)
    if claim.attributed_to is not None or claim.speaker is not None:
        return max(overlap, frame_overlap(claim, lemmas))
    return overlap


def frame_overlap(claim: ClaimParts, lemmas: set[str]) -> float:
    """:func:`term_overlap` over the terms outside the claim's quotation marks (all of
    them when none is outside)."""
    return _overlap([t for t in claim.terms if t not in claim.quoted_terms] or claim.terms, lemmas)


def _overlap(terms: list[str], lemmas: set[str]) -> float:
    if not terms:
        return 0.0
    moved = bool(lemmas & CHANGE_WORDS)
    found = sum(
        1
        for t in terms
        if t in lemmas
        or (moved and t in CHANGE_WORDS)
        or lemma_named(t, lemmas)
        or verb_kin(t) & lemmas  # "scorched" for "burned"
        or compound_of(t, lemmas)  # "quake" for "earthquake"
    )
    return found / len(terms)


def compound_of(word: str, lemmas: set[str]) -> bool:
    """Whether a word is a compound whose head the text says: "earthquake" by "quake",
    "wildfire" by "fire" (a head of four letters or more)."""
    return any(len(w) >= 4 and len(w) < len(word) and word.endswith(w) for w in lemmas)


def entity_coverage(entities: list[Entity], text: str, swapped: Iterable[Entity] = ()) -> float:
    """Share of named entities the source mentions (a person by surname is enough; a
    country by its adjective or initials: "Polish" by "Poland", "US" by "United States"),
    counting those it names otherwise in the claim's very words (``swapped``): a passage
    is about "a South Asian nation" when it says "a Southeast Asian nation" there."""
    if not entities:
        return 1.0
    other = set(swapped)
    return sum(e in other or _named_there(e, text) for e in entities) / len(entities)


#: What may follow a name in another form of it: a letter ("Antarctic" in "Antarctica",
#: "CO2" in "CO2e"), "Gaza" in "Gazans", "Europe" in "European", "Egypt" in "Egyptian".
_NAME_ENDINGS = r"(?:[a-z]|ns|an|ans|ian|ians|is|ese)?"


def _surname_in(surname: str, text: str) -> bool:
    """Whether ``text`` names a surname as a name is written: with its capital ("May",
    not "may"), in capitals ("MCDONALD"), or anyhow in a text written all in lower case."""
    lower = text == text.lower()
    return any(
        lower or m.group(0) == surname or m.group(0).isupper()
        for m in re.finditer(rf"(?<!\w){re.escape(surname)}(?!\w)", text, re.I)
    )


def _named_there(e: Entity, text: str) -> bool:
    low = text.lower()
    name = e.text.lower().removeprefix("the ")
    surname = e.text.split()[-1] if e.label == "PERSON" and e.text.split() else None
    # Whole words ("Niger" is not named inside "Nigeria", nor "Arctic" inside "Antarctic"),
    # with the endings of a plural, a people or a place's noun ("Gazans", "European",
    # "Antarctica"); any ending for a people ("Americans"); a surname as written ("May"
    # is not "may").
    ending = r"\w*" if e.label == "NORP" else _NAME_ENDINGS
    if re.search(rf"(?<!\w){re.escape(name)}{ending}(?!\w)", low) or (
        surname and _surname_in(surname, text)
    ):
        return True
    if e.label == "ORG" and spelled_out(e.text, text):
        return True  # "the WHO" in "the World Health Organization"
    return named_in(name, low)  # by another of its names ("US", "Polish")


def same_name(a: str, b: str) -> bool:
    """Whether two names, as given, can name the same thing: equal, or one inside the
    other ("Czech Republic" and "the Czech Republic")."""
    return a == b or a in b or b in a


#: The names a value can be said of, one to each, in a source's list ("Sweden will provide
#: 2,000, Finland 1,500 and Norway 1,000").
OWNER_LABELS = {"GPE", "NORP", "ORG", "PERSON", "LOC"}
V = TypeVar("V", Quantity, DateRef)


def owners(values: list[V], parts: ClaimParts, subjects: bool = False) -> list[tuple[V, str]]:
    """Each value with the name it is said of: the first name between the value before it
    and itself, a subject of the sentence before any other (or, with ``subjects``, where
    the parse tagged no name, the first of the sentence's subjects there: a claim's
    "Jones scored 18 points", Jones untagged). A list that leaves out the verb
    ("Finland joined in April 2023 and Sweden in March 2024", "Norway paying 40%, Sweden
    35% and Finland 25%") gives each value to the name before it, which the parse,
    missing the verb, does not. A number between the name and the value that is no value
    read ("Anthony Davis 22 and Austin Reaves 15", the 22 unread) leaves the value to no
    one."""
    after = -1
    actors = _actors(parts)
    ordered = sorted(values, key=lambda v: v.start)
    paired_lists = _respectively(ordered, parts, actors if subjects else set())
    listed = {id(v) for v, _ in paired_lists}
    out = list(paired_lists)
    for i, v in enumerate(ordered):
        if id(v) in listed:
            after = v.end
            continue
        if (giver := _named_after(v, ordered[i + 1 :], parts)) is not None:
            out.append((v, giver.text.lower()))  # "$3 million from Germany"
            after = giver.end
            continue
        words = [(w, at) for w, at in parts.words if after <= at < v.start]
        names = [
            (e.text.lower(), e.end)
            for e in parts.entities
            if e.label in OWNER_LABELS and after <= e.start and e.end <= v.start
        ]
        # the name the value is set beside ("in Davao City, 95 kilometres to the north");
        # else a subject: "..., and Italy sent two more" after "the EU mechanism"; then
        # one the parse tagged no name ("while easyJet cancelled 274")
        named = actors if subjects else set(parts.named_subjects)
        names = (
            [n for n in names if not any(at >= n[1] for _, at in words)]
            or [n for n in names if n[0].split()[-1] in actors]
            or [(w, at + len(w)) for w, at in words if w in named]
            or names
            or _said_by_itself(parts, words)
        )
        if names and not any(w.isdigit() for w, at in words if at >= names[0][1]):
            out.append((v, names[0][0]))
        elif out and out[-1][0].end == after and not words[1:]:
            out.append((v, out[-1][1]))  # "31.4% and 30 seats": the same party's
        after = v.end
    return out


def _said_by_itself(parts: ClaimParts, words: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The name a statement is attributed to, where the value is said of "it" or "they"
    right after it: "Ryanair said it had cancelled 400 flights" (400 is Ryanair's)."""
    named = parts.attributed_to
    if named is None or named.label not in OWNER_LABELS or not words or named.start < words[0][1]:
        return []  # not a speaker before an earlier value ("..., and Wizz Air said it had")
    early = [w for w, at in words if at >= named.end][:3]
    return [(named.text.lower(), named.end)] if {"it", "they"} & set(early) else []


#: The words that may join the members of a list ("Labour and the Conservatives").
_JOINING = {"and", "or", "the"}


def _respectively(ordered: list[V], parts: ClaimParts, actors: set[str]) -> list[tuple[V, str]]:
    """Each value of a list with the name in the same place of the list of names before
    it: "Labour and the Conservatives won 34% and 24%, respectively" (the word may be left
    out where both lists are whole: "won 34% and 24%"). A claim's subject the parse tagged
    no name is one of the names (``actors``). Empty where the lists' lengths differ."""
    said = [at for w, at in parts.words if w == "respectively"]
    if said:
        # the values joined before the word ("won eight and five seats, respectively"),
        # not a later clause's ("while Patria Nueva entered with three seats")
        before = [v for v in ordered if v.end <= said[0]]
        start = len(before) - 1
        while start > 0 and _joined(parts, before[start - 1 : start + 1]):
            start -= 1
        ordered = before[max(start, 0) :]
    n = len(ordered)
    if n < 2:
        return []
    tagged = [e for e in parts.entities if e.label in OWNER_LABELS]
    untagged = [  # "Labour and the Conservatives": the parse tagged the second only
        Entity(w, "", at, at + len(w))
        for w, at in parts.words
        if (w in parts.named_subjects or w in actors)
        and not any(e.start <= at < e.end for e in tagged)
    ]
    names = sorted(
        (e for e in tagged + untagged if e.end <= ordered[0].start), key=lambda e: e.start
    )
    if len(names) < n:
        return []
    names = names[-n:]

    if not said and not (_joined(parts, names) and _joined(parts, ordered)):
        return []
    return [(v, e.text.lower()) for v, e in zip(ordered, names, strict=True)]


def _joined(parts: ClaimParts, items: Sequence[Entity | Quantity | DateRef]) -> bool:
    """Whether items follow one another joined by "and", "or" or "the" alone."""
    return all(
        {w for w, at in parts.words if a.end <= at < b.start} <= _JOINING
        for a, b in itertools.pairwise(items)
    )


#: Words that give a value to the name after it ("$3 million from Germany").
_FROM = {"from", "by", "for"}


def _named_after(v: V, later: list[V], parts: ClaimParts) -> Entity | None:
    """The name a value is given to after it, before the next value: "received $3
    million from Germany, $2 million from France" (within three words, the last of them
    "from", "by" or "for")."""
    end = later[0].start if later else math.inf
    for e in parts.entities:
        if e.label in OWNER_LABELS and v.end <= e.start < end:
            words = [w for w, at in parts.words if v.end <= at < e.start and w != "the"]
            if 0 < len(words) <= 3 and words[-1] in _FROM:
                return e
            return None
    return None


def owned(
    value: V, claim: ClaimParts, source: ClaimParts, kindred: Callable[[V, V], bool]
) -> list[V] | None:
    """The source's values said of the name the claim says ``value`` of, when the source
    gives values of its kind to two names or more and this name is one of them; None
    otherwise. The claim's name must be its subject: "Norway will pay 25% of the bill" is
    Norway's share, which "Norway paying 40%, Sweden 35% and Finland 25%" says is 40%."""
    quantity = isinstance(value, Quantity)
    ours = [c for c in (claim.quantities if quantity else claim.dates) if kindred(value, c)]
    named = owners(ours, claim, True)
    # A claim that is itself a list ("the Greens 6.1% and the Left Alliance 9.2%") gives
    # each name its value as the source's does, subject or not.
    actors = _actors(claim) | ({n for _, n in named} if len({n for _, n in named}) > 1 else set())
    mine = [n for v, n in named if v is value and (n in actors or n.split()[-1] in actors)]
    if not mine:
        return None
    said = source.quantities if quantity else source.dates
    theirs = owners([s for s in said if kindred(value, s)], source)
    if len({n for _, n in theirs}) < 2:
        return None
    return [v for v, n in theirs if same_name(n, mine[0])] or None


def _countable(q: Quantity, s: Quantity) -> bool:
    """Whether two quantities can count the same thing in a source's list: the same unit,
    or a bare number beside a count ("Finland 1,500" of "2,000 soldiers"), not a share,
    a sum or a measure."""
    a, b = _unit(q), _unit(s)
    if a == b:
        return True
    plain = {a, b} - {""}
    return (
        len(plain) == 1
        and not (plain & {"percent", "basis point", *MONEY})
        and not any(u.startswith("score") for u in plain)
        # a game's "24 points" is a count ("point" converts only to basis points)
        and not any(u != "point" and convert(1.0, u, u) is not None for u in plain)
    )


def _other_side(q: Quantity, source: ClaimParts) -> bool:
    """Whether the source gives the claim's score as the other side's result: the same
    numbers, one a win and the other a loss ("won 2-0", "lost 2-0")."""
    if not q.unit.startswith("score"):
        return False
    side = q.unit.removesuffix(" (lost)")
    return any(
        s.unit != q.unit
        and s.unit.removesuffix(" (lost)") == side
        and re.sub(r"\D", "", s.text) == re.sub(r"\D", "", q.text)
        for s in source.quantities
    )


#: Nouns that make a value one aimed at or expected, not one reached ("the Bank's 2%
#: target", "a forecast of 1.1%").
AIMS = frozenset({"target", "goal", "forecast", "estimate", "projection", "limit", "cap"})


#: Words that make a claim's value a total of several the source gives apart.
_TOTALS = frozenset({"combined", "altogether", "together"})


def _says_total(parts: ClaimParts) -> bool:
    """Whether a sentence gives a total: "in total", "a total of", "combined"; not "total
    spending"."""
    said = [w for w, _ in parts.words]
    pairs = set(itertools.pairwise(said))
    return bool(_TOTALS & set(said)) or bool({("in", "total"), ("a", "total")} & pairs)


def _without_increments(claim: ClaimParts, source: ClaimParts) -> ClaimParts:
    """The source without the values that may be parts of a claim's total ("Some 7,100
    homes in total were under either orders or warnings"): what it adds to another ("A
    further 2,300 homes were under evacuation warnings"), and, where it says no total
    itself, a smaller value of the total's unit ("orders covered about 4,800 homes")."""
    if not _says_total(claim):
        return source
    totals = [q for q in claim.quantities if not q.bound]
    added = [
        s
        for s in source.quantities
        if _words_before(source, s, 2) in (["a", "further"], ["an", "additional"])
        or _words_before(source, s, 1) == ["another"]
        or (
            not _says_total(source)
            and not s.each  # "each of the two families 500,000": a total is read of it
            and any(_unit(q) == _unit(s) and s.value < q.value for q in totals)
        )
    ]
    if not added:
        return source
    return replace(source, quantities=[s for s in source.quantities if s not in added])


def _moved_by(change: Change, source: ClaimParts, claim: ClaimParts) -> bool:
    """Whether a source's change is said with a value of the claim's: the values after
    its verb, up to the next change's, are its."""
    later = [c.start for c in source.changes if c.start > change.start]
    end = min(later, default=math.inf)
    own = [s for s in source.quantities if change.end <= s.start < end and _unit(s)]
    return any(_unit(q) == _unit(s) and same_number(q, s) for q in claim.quantities for s in own)


#: The points of the compass a place is said to lie at from another ("30 miles south of").
COMPASS = frozenset(
    f"{a}{b}" for a in ("north", "south", "") for b in ("", "east", "west", "-east", "-west")
) - {""}


def _bearing(parts: ClaimParts, q: Quantity) -> str:
    """The point of the compass a distance is said at ("south" in "30 miles (48 km) south
    of Millbrook"), within five words after it and before "of"; "" for none."""
    after = [w for w, at in parts.words if at >= q.end][:6]
    for i, w in enumerate(after[:-1]):
        if w in COMPASS and after[i + 1] == "of":
            return w
    return ""


def _words_before(parts: ClaimParts, q: Quantity, n: int) -> list[str]:
    """The ``n`` words of the sentence just before a value ("cut by", "fell to the ...")."""
    return [w for w, at in parts.words if at < q.start][-n:]


def _unsaid_aims(s: Quantity, claim: ClaimParts) -> set[str]:
    """The words that make the source's value one aimed at ("target", "forecast"), those
    the claim does not use: "the Bank's 2% target" for a claim that speaks of no target."""
    return set(s.context) & AIMS - set(claim.lemmas)


def _start_for_level(q: Quantity, s: Quantity) -> bool:
    """Whether the claim's value is where a change started ("the original fine of 40
    million", "from 2.1 billion") and the source's one that is not."""
    return q.bound == START and s.bound != START


def _aimed(q: Quantity) -> bool:
    return bool(set(q.context) & AIMS) or q.verb in AIMS | {"expect", "predict", "project"}


def _aimed_only(
    q: Quantity, s: Quantity, claim: ClaimParts, source: ClaimParts, theirs: list[Quantity]
) -> bool:
    """Whether one value is aimed at and the other reached: "the Bank's 2% target" for
    "inflation fell to 2%" (but not "fell to the 2% target", which reached it, nor a claim
    that speaks of the target itself), and "EBITDA of 2.1 billion" for "analysts had
    forecast 2.1 billion", where the source gives the forecast another value."""
    if _aimed(q) and not _aimed(s):
        return any(_aimed(t) for t in theirs if t is not s)
    if not _unsaid_aims(s, claim):
        return False
    before = _words_before(source, s, 7)
    return "to" not in before or bool({"above", "below", "than"} & set(before))


#: Words that place a claim's value before another ("the previous turnout", "had been").
_EARLIER = STARTING | {"earlier", "before", "last", "prior", "former", "had", "ago"}


def _started(q: Quantity, s: Quantity, claim: ClaimParts) -> bool:
    """Whether the source's value is where a change started and the claim's where one
    went: "cut to 60 million euros" is not "cut to 40 million euros from 60 million" (but
    "the original fine of 60 million euros was reduced" is)."""
    before = _words_before(claim, q, 1)
    return s.bound == START and q.bound != START and q.verb in UP | DOWN and before == ["to"]


def _earlier_level(q: Quantity, s: Quantity, claim: ClaimParts, source: ClaimParts) -> bool:
    """Whether the claim gives as the present level the source's level a change started
    from: "Turnout was 55 percent" against "was 48 percent, down from 55 percent". Not a
    claim that dates its value or says it was earlier ("in 2019", "the previous turnout")."""
    if s.bound != START or q.bound == START or _words_before(claim, q, 1) == ["from"]:
        return False
    low, high = _around(claim, q)
    if {w for w, at in claim.words if low <= at < high} & _EARLIER:
        return False
    # A claim dating the value to the source's earlier time says the earlier level ("55
    # percent in 2021"); to another time, the present one ("treated 4,000 patients in
    # 2023" against "5,000 in 2023, compared with 4,000 in 2022").
    mine, then = _dates_of(claim, q), _dates_of(source, s)
    return not mine or not any(_same_date(d, t) for d in mine for t in then)


def _around(parts: ClaimParts, q: Quantity) -> tuple[float, float]:
    """Where the words said of a value lie: between the sentence's values before and
    after it ("a year earlier" in "1.31 billion, compared with 1.12 billion a year
    earlier" is said of the 1.12 only)."""
    low = max((v.end for v in parts.quantities if v.end <= q.start), default=-1)
    high = min((v.start for v in parts.quantities if v.start >= q.end), default=math.inf)
    return low, high


def _dates_of(parts: ClaimParts, q: Quantity) -> list[DateRef]:
    """The dates said of a value: those after it, before the next value ("5,000 patients
    in 2023, compared with 4,000 in 2022"), and those before it when it is the first."""
    low, high = _around(parts, q)
    return [d for d in parts.dates if (q.start if low >= 0 else low) <= d.start < high]


def _said_of_another(
    q: Quantity, theirs: list[Quantity], same: Callable[..., bool]
) -> Quantity | None:
    """The source's value of the claim's subject, where that differs from the claim's and
    each value equal to the claim's is another subject's: "the deficit narrowed to 2.6%,
    while public debt stood at 67%" for "public debt stood at 2.6%"."""
    equal = [s for s in theirs if same(q, s)]
    if not q.subject or not equal or any(s.subject in ("", q.subject) for s in equal):
        return None
    own = [s for s in theirs if s.subject == q.subject and not same(q, s)]
    return own[0] if own else None


#: Verbs that move a value by an amount, besides those of a change's direction (which
#: "lifting the company's market value to 96 billion" would join to "jumped 14%").
_MOVED_BY = frozenset({"lift", "hike", "slip", "ease"})


def _by_amount(q: Quantity, parts: ClaimParts) -> bool:
    """Whether a value is the size of a change ("cut by 20 million euros", "lifted her
    estimate by $1.7 billion")."""
    return _words_before(parts, q, 1) == ["by"] and q.verb in UP | DOWN | _MOVED_BY


def _change_of(q: Quantity, source: ClaimParts) -> tuple[Quantity, Quantity] | None:
    """(the size of the change, the level it went to) where the source gives one change
    of ``q``'s unit by where it started and went: "$212 million, down from $260 million"
    is a fall of $48 million. None where it gives none, or several."""
    unit = _unit(q)
    starts = [s for s in source.quantities if s.bound == START and _unit(s) == unit]
    levels = [s for s in source.quantities if not s.bound and _unit(s) == unit and not s.per]
    if len(starts) != 1 or not levels or q.per:
        return None
    (start,) = starts
    level = min(levels, key=lambda s: abs(s.start - start.start))
    size = replace(
        level,
        value=abs(level.value - start.value),
        high=None,
        approximate=level.approximate or start.approximate,
        text=f"{_shown(start)} to {_shown(level)}",
    )
    return size, level


def _same_part(q: Quantity, s: Quantity) -> bool:
    """Whether two values are both wholes ("of their 34 matches") or both not: a whole
    counts no action ("won 27 of their 34" does not say "won 34")."""
    return (q.bound == WHOLE) == (s.bound == WHOLE)


def _countable_part(q: Quantity, s: Quantity) -> bool:
    return _countable(q, s) and _same_part(q, s)


#: Words that say a count is of the dead or of the injured: a count of one is not of the
#: other ("left 412 people dead" against "killing 23 people and injuring 412").
CASUALTIES = {
    **dict.fromkeys(("dead", "die", "kill", "death", "fatality", "drown"), "dead"),
    **dict.fromkeys(("injure", "wound", "hurt", "injury", "injured", "wounded"), "hurt"),
}


def _casualty(q: Quantity) -> str:
    """Whether a count is of the dead or the injured ("" for neither), by its verb or
    the words after it."""
    return next((CASUALTIES[w] for w in (q.verb, *q.context) if w in CASUALTIES), "")


def casualties(q: Quantity, source: ClaimParts) -> list[Quantity] | None:
    """The source's counts of the claim's casualties, where the source counts both the
    dead and the injured; None otherwise."""
    kind = _casualty(q)
    theirs = [s for s in source.quantities if _casualty(s)]
    if not kind or {_casualty(s) for s in theirs} != {"dead", "hurt"}:
        return None
    return [s for s in theirs if _casualty(s) == kind]


def _written_alike(q: Quantity, claim: ClaimParts, source: ClaimParts) -> bool:
    """Whether the source writes the claim's value with its noun word for word ("the
    Bank's 2% target", "five years of probation"), in a phrase whose value the parse gave
    another action or none ("followed by five years of probation" after "to serve 12
    years"): it states the claim's, which its other values do not refute. The noun must
    be more than the value's unit ("14 people" is anyone's)."""
    words = [w for w, at in claim.words if at >= q.start]
    n = sum(1 for _, at in claim.words if q.start <= at < q.end)
    # a noun beyond the unit: "14 people" in "killed 14 people" is no fact of its own
    nouns = set(q.context) - {q.unit, _unit(q)}
    ends = [i for i, w in enumerate(words[n : n + 3], n) if w in nouns or w.rstrip("s") in nouns]
    if not n or not ends:
        return False
    run, said = words[: ends[0] + 1], [w for w, _ in source.words]
    return any(
        said[i : i + len(run)] == run
        # not the whole of a part ("17 counts" in "on 14 of 17 counts")
        and all(
            _same_part(q, s) and not _started(q, s, claim) and not _start_for_level(q, s)
            for s in source.quantities
            if s.start == source.words[i][1]
        )
        for i in range(len(said) - len(run) + 1)
    )


def _bound_elsewhere(
    q: Quantity, same: Quantity, theirs: list[Quantity], claim: ClaimParts
) -> Quantity | None:
    """The source's other value of the claim's unit said of words the claim says its value
    of, where the source's equal value is said of none of them: "3.8% in September"
    against "3.6% in September from 3.8% in August", "12 years of probation" against "12
    years in state prison, followed by five years of probation", "a 10% tariff on steel"
    against "a 10% tariff on all imports and a 25% tariff on steel". Not where the equal
    value is said of a word of the claim's the other is not: "30% at Marseille" is the
    claim's "30% of flights were cut at Marseille", whose "flights" the source says of its
    "40% of flights at Nice" only; nor where the equal value is said of nothing."""
    if not q.context or not same.context:
        return None
    mine, equal = set(q.context), set(same.context)
    for s in theirs:
        other = set(s.context)
        if (
            _same_unit(q, s)
            and _same_part(q, s)
            and not _started(q, s, claim)
            and not same_number(q, s)
            # the claim's subject's own value is not another's for the words after it
            # ("public debt stood at 67% of output" for "... 67% of GDP")
            and not (same.subject and same.subject == q.subject != s.subject)
            and (mine & other) - equal
            and not (mine & equal) - other
        ):
            return s
    return None


def _other_casualty(q: Quantity, source: ClaimParts) -> bool:
    """Whether the source counts the claim's number exactly, of the other casualties (the
    injured for a claim's dead, or the dead for its injured)."""
    kind = _casualty(q)
    return any(
        _casualty(s) not in ("", kind) and not s.bound and s.value == q.value
        for s in source.quantities
    )


#: How far a claim's value may be from a share worked out of a whole: "almost
#: three-quarters" is 73.9 percent (1.5% off), "two-thirds" is not (10% off).
SHARE_SLACK = 0.05


def _shares_of_wholes(source: ClaimParts) -> list[Quantity]:
    """The counts and shares a sentence gives by a part of a whole: "about a third of the
    town's 6,000 houses" is some 2,000 houses; "35,600 of the 48,200 new jobs" 73.9
    percent of them ("almost three-quarters", not "two-thirds"). Read only to confirm a
    claim's value, never to refute one (the arithmetic of a rounded share is no exact
    count)."""
    out = []
    for whole in (w for w in source.quantities if w.bound == WHOLE and w.value):
        for part in source.quantities:
            if part is whole or part.bound or part.high is not None:
                continue
            if _unit(part) == "percent":
                value, unit = whole.value * part.value / 100, whole.unit
            elif _unit(part) in ("", _unit(whole)) and part.value < whole.value:
                value, unit = 100 * part.value / whole.value, "percent"
            else:
                continue
            text = f"{part.text} of {whole.text}"
            out.append(replace(whole, value=value, unit=unit, text=text, bound=""))
    return out


def _same_date(a: DateRef, b: DateRef) -> bool:
    if a.year is None and b.year is None and a.relative and b.relative:
        return a.text.lower() == b.text.lower()  # "this year" is not "last year", both unknown
    return (
        a.year == b.year
        and (not a.month or not b.month or a.month == b.month)
        and (not a.day or not b.day or a.day == b.day)
    )


#: Words that make a value a total over a period still running ("so far this year").
_RUNNING = re.compile(r"\b(?:so far|to date|year to date|since the (?:start|beginning) of)\b")


def _running_total(parts: ClaimParts) -> bool:
    return bool(_RUNNING.search(" ".join(w for w, _ in parts.words)))  # words are lower-case


def _running_value(parts: ClaimParts, q: Quantity) -> bool:
    """Whether a value is a running total: the words say so after the value before it and
    up to this one ("bringing its total so far this year to 13.1 million"), or just after
    it ("lost 11 percent since the start of the year", "38 water main breaks had been
    recorded so far this year")."""
    low, high = _around(parts, q)
    before = [w for w, at in parts.words if low <= at < q.start]
    after = [w for w, at in parts.words if q.end <= at < high][:10]
    return bool(_RUNNING.search(" ".join(before)) or _RUNNING.search(" ".join(after)))


def _one_period(claim: ClaimParts, source: ClaimParts, res: CheckResult) -> ClaimParts:
    """The source with only the values of the claim's kind of period: one event's values
    for a claim of one event, running totals for a claim of a running total ("carried
    13.1 million passengers so far this year" is no month's count). A claim value whose
    unit the source then gives no more is left unresolved."""
    periods = {_running_value(claim, q) for q in claim.quantities}
    if len(periods) != 1:
        return source  # no values, or both kinds ("joined for £18m, and has scored three
        # goals so far"): each compared as before
    running = periods.pop()
    kept = [s for s in source.quantities if _running_value(source, s) == running]
    if len(kept) == len(source.quantities):
        return source
    gone = {_unit(s) for s in source.quantities if s not in kept} - {_unit(s) for s in kept}
    if any(_unit(q) in gone for q in claim.quantities):
        # checked, and confirmed by nothing: no agreeing source for the claim's values
        res.checkable += 1
        res.unresolved += 1
    return replace(source, quantities=kept)


def compare(
    claim: ClaimParts,
    source: ClaimParts,
    evidence: Evidence,
    overlap: float,
    similarity: float,
) -> CheckResult:
    """Conflicts and agreements between a claim and a source sentence about it
    (``evidence.sentence``; its conflicts name the evidence's document).

    overlap / similarity: how closely the sentence matches the claim; number and date
    conflicts need the claim's own event (overlap >= MIN_CONFLICT_OVERLAP), negation
    needs a near paraphrase.
    """
    res = CheckResult()
    source = _one_period(claim, source, res)
    source = _without_increments(claim, source)
    aligned = Alignment(claim, source)
    swapped = actor_swapped(claim, source, aligned, similarity)
    # A running total ("the area burned so far in 2025") is no one event's value, unless
    # the claim gives one too.
    same_event = overlap >= MIN_CONFLICT_OVERLAP and _running_total(source) <= _running_total(claim)
    paraphrase = same_event and similarity >= PARAPHRASE_SIMILARITY
    lemmas = set(source.lemmas)
    # Nor does "Patras is Greece's third-largest city" of Athens's, though the page names
    # Athens: another name in the actor's place (no conflict: one person or body goes by
    # several names, "Pope Francis" and "Jorge Mario Bergoglio").
    if other_actor(claim, source) or (
        swapped is None
        and any(_names_in_place(claim, source, aligned, claim.subjects or _actors(claim)))
    ):
        # "Finland became the 31st member in 2023" says nothing of Sweden's rank or year:
        # the values, the changes and the lists are another actor's. Who said what is
        # still compared (a quote given to another is the claim's own question).
        if claim.quantities or claim.ordinals or claim.dates or claim.changes:
            res.unresolved += 1
        claim = replace(
            claim, quantities=[], ordinals=[], dates=[], changes=[], name_lists=[], relations=[]
        )
    res.unread_cause = int(claim.cause and not source.cause_words)
    denied = set(claim.denied_verbs) - set(source.negated_verbs)
    moot: set[str] = set()  # denied actions whose values the source states otherwise

    def same_action(verb: str) -> bool:
        """A value differs only if the source says it of the same action ("joined"), and
        the claim does not deny that action: "did not join in 1999" is not refuted by
        "joined in 2004", nor "did not raise it to 6 percent" by "raised it to 5.5"; the
        denial is then of the value, so the negation checks below leave it too."""
        if verb and verb in denied:
            moot.add(verb)
            res.unresolved += 1
            res.value_denied = True
            return False
        return same_event and (
            not verb or verb in ("be", "have") or verb in lemmas or bool(verb_kin(verb) & lemmas)
        )

    def of_same_action(verb: str, theirs: list[T]) -> list[T]:
        """The source's values of the claim's own action when it states any ("began in
        1987 and ended in 1994": a claim's "began" is about 1987 only), else all of them.
        "Be" and "have" name no action: "2010 was the hottest" is not about the year the
        source says "was" of."""
        if verb in ("", "be", "have"):
            return theirs
        mine = [s for s in theirs if s.verb == verb]
        kin = [s for s in theirs if s.verb in verb_kin(verb)]  # "placed" for "put"
        return mine or kin or theirs

    def conflict(kind: str, mine: str, theirs: str) -> None:
        ev = evidence
        res.conflicts.append(Conflict(kind, mine, theirs, ev.sentence, ev.source, ev.url, ev.title))

    def agreed(value: str) -> None:
        res.agreed += 1
        res.confirmed.append(value)

    def agree(verb: str, mine: str, theirs: str) -> None:
        """The source states the claim's value: agreement, unless the claim denies the
        action the source affirms with it ("did not join in 2004" against "joined in
        2004")."""
        if verb and verb in denied and same_event:
            conflict("negation", f"not {verb}: {mine}", f"{verb}: {theirs}")
        else:
            agreed(mine)

    def refuted_by(q: Quantity, s: Quantity) -> None:
        """The source's value ``s`` is the one the claim's should be: a conflict in the
        claim's own event, else no confirmation either."""
        if same_event:
            conflict("number", _shown(q), _shown(s))
        else:
            res.unresolved += 1

    def bound_elsewhere(q: Quantity, equal: Quantity) -> bool:
        """Whether the source's value equal to the claim's is said of other words and
        another of its values of the claim's (:func:`_bound_elsewhere`), which refutes it."""
        if (bound := _bound_elsewhere(q, equal, source.quantities, claim)) is None:
            return False
        refuted_by(q, bound)
        return True

    def check_value(q: Quantity, theirs: list[Quantity], same: Callable[..., bool]) -> None:
        """Agreed if the source states the same value, a conflict if only others."""
        theirs = [s for s in theirs if _same_part(q, s) and not _started(q, s, claim)]
        if q.bound == START and any(s.bound == START for s in theirs):
            theirs = [s for s in theirs if not _start_for_level(q, s)]  # a start for a start
        others = _said_of_another(q, theirs, same)
        theirs = of_same_action(q.verb, theirs)
        res.checkable += 1
        if others is not None:
            # "public debt stood at 2.6%" against "the deficit narrowed to 2.6%, while
            # public debt stood at 67%": the equal value is another subject's
            refuted_by(q, others)
            return
        # The value said without its noun, of the same action: "holds 403 of the 650
        # seats, up from 365" states the claim's "held 365 of the 650 seats".
        bare = [
            s
            for s in source.quantities
            if _unit(q)
            and not _unit(s)
            and s.high is None
            and s.value == q.value
            and _same_part(q, s)
            and _same_verb(s, q)
            and not _named_in(s)  # not "100 million yuan"
            and not _earlier_level(q, s, claim, source)  # not "up from nine in all of last year"
        ]
        acted = q.verb not in ("", "be", "have") and any(
            s.verb == q.verb for s in source.quantities
        )
        # not the source's "2% target" for the claim's "fell to 2%"
        matched = [s for s in theirs if same(q, s) and not _aimed_only(q, s, claim, source, theirs)]
        if matched and bound_elsewhere(q, matched[0]):
            pass
        elif matched and all(_earlier_level(q, s, claim, source) for s in matched):
            # the claim's value is where the source's change started, said as the present
            # level: the source's present level of that unit refutes it
            now = [s for s in theirs if s.bound != START and _same_unit(q, s)]
            if now:
                refuted_by(q, now[0])
            else:
                res.unresolved += 1
        elif (
            matched
            and q.verb not in ("", "be", "have")
            and q.bound != WHOLE  # "of their 20 matches" is the season's, whatever the verb
            and not any(_same_verb(s, q) for s in matched)
            and any(_same_verb(s, q) for s in source.quantities)
        ):
            # "Forty people were released" against "arrested 40 people ..., and 30 of
            # them were later released": the equal value is another action's, and the
            # source gives the claim's its own
            res.unresolved += 1
        elif matched := matched or bare:
            agree(q.verb, q.text, matched[0].text)
        elif _written_alike(q, claim, source):
            agree(q.verb, q.text, q.text)
        elif theirs and acted and not any(_same_verb(s, q) for s in theirs):
            # The source gives the claim's action values of other kinds only: "won 12 of
            # their 20 matches and drew five" counts no matches for a claim's "drew".
            res.unresolved += 1
        elif theirs and same_action(q.verb):
            conflict("number", _shown(q), ", ".join(dict.fromkeys(_shown(s) for s in theirs)))
        elif theirs:
            # Another value with another verb ("stationed ... 900 km" against "based ...
            # 90 km"; "hitting some 3 million passengers" against "disrupting travel for
            # roughly 300,000 passengers"): no conflict the check can name, and no
            # confirmation either.
            res.unresolved += 1

    wholes_shared = _shares_of_wholes(source)  # once per sentence, not per claim value
    for q in claim.quantities:
        if _other_side(q, source):
            # "Brighton won 2-0" against "Chelsea lost 2-0 to Brighton": the same score
            # told by the loser; which side said which is not read, so neither that
            # result nor another score ("a 3-1 win" a week before) decides.
            res.unresolved += 1
            continue
        listed = owned(q, claim, source, _countable_part) or casualties(q, source)
        if listed is not None and any(_unsaid_aims(s, claim) for s in listed):
            listed = None  # "the Bank of England's 2% target" is no value the Bank forecast
        if listed is not None:
            # The source's list gives the claim's name its own value: only that one is
            # this name's ("Norway will provide 2,000" against "Sweden will provide 2,000,
            # Finland 1,500 and Norway 1,000"); so are the dead and the injured counted.
            # The list says whose the value is, whatever verb either side uses ("got"
            # for "took"); a denied action is the claim's own question.
            res.checkable += 1
            matched = [s for s in listed if same_number(q, s)]
            if matched and not (all(s.bound for s in matched) and _other_casualty(q, source)):
                agree(q.verb, q.text, matched[0].text)
            elif matched and same_event:
                # "1,280 people had been killed" is within "killing at least 142", but it is
                # the count of "injuring 1,280": the other casualties', not a higher toll.
                conflict("number", _shown(q), ", ".join(_shown(s) for s in listed))
            elif same_event and q.verb not in denied:
                conflict("number", _shown(q), ", ".join(_shown(s) for s in listed))
            continue
        if not _unit(q):
            # A bare count said of an action ("9 voted in favour", "15 of them voted"),
            # against the source's bare counts of that action only: a bare number of "be",
            # "have" or no verb says too little of what it counts to be compared.
            if q.verb in ("", "be", "have"):
                continue
            bare = [s for s in source.quantities if not _unit(s) and s.verb == q.verb]
            if bare:
                check_value(q, paired(q, claim.quantities, bare), same_number)
            continue
        if q.bound == START and not any(s.bound == START for s in source.quantities):
            # Where a change started ("rose to 6.9% from 6.8%"), which a source that gives
            # the change ("rose 0.1 percentage point to 6.9%") does not state as a level.
            res.unresolved += 1
            continue
        if _by_amount(q, claim) and not any(_by_amount(s, source) for s in source.quantities):
            # How much a change was ("climbs by $44 million to $412 million"), against a
            # source that gives only where it started and went ("rises to $412 million
            # from $368 million"): their difference, refuted only where the claim's level
            # is the source's, so that the change is surely the same one.
            change = _change_of(q, source)
            if change is None:
                res.unresolved += 1
                continue
            size, level = change
            res.checkable += 1
            if same_number(q, size):
                agree(q.verb, q.text, size.text)
            elif any(c is not q and same_number(c, level) for c in claim.quantities):
                conflict("number", _shown(q), size.text)
            else:
                res.unresolved += 1
            continue
        if (unit_swapped := _unit_swapped(q, source.quantities)) is not None:
            # "38 miles deep" for "a depth of 38 kilometers": the same number in another
            # unit of its measure, whatever the verbs (a coincidence it rarely is).
            res.checkable += 1
            conflict("number", _shown(q), _shown(unit_swapped))
            continue
        if (rescaled := _scale_swapped(q, source.quantities)) is not None:
            res.checkable += 1  # "$4.2 million" for "$4.2 billion"
            conflict("number", _shown(q), _shown(rescaled))
            continue
        if (misread := _digits_swapped(q, source.quantities)) is not None:
            res.checkable += 1  # "58 new positions" for "85 new officer positions"
            conflict("number", _shown(q), _shown(misread))
            continue
        moved = _share_or_move(q, of_same_action(q.verb, source.quantities))
        if moved is not None and same_action(q.verb):
            res.checkable += 1
            conflict("number", _shown(q), _shown(moved))
            continue
        # Unless the two speak of other months ("stood at 4.1 percent in May" against
        # "rose to 4.3 percent in June").
        slot = aligned.quantity_in_slot(q) if _same_time(claim.dates, source.dates) else None
        if slot is not None and (
            _started(q, slot, claim)
            or (
                not _same_verb(slot, q)
                and any(
                    s is not slot and s.verb == q.verb and _same_unit(q, s)
                    for s in source.quantities
                )
            )
        ):
            # Not where the source gives the claim's own verb another value: "closed 45"
            # in "opened 120 stores and closed 45" is the claim's "closed 45 stores"; nor
            # the level a change started from ("cut to 40 million euros from 60 million").
            slot = None
        if slot is not None and (_aimed(slot) or _aimed(q)):
            slot = None  # a forecast's place beside a target's is no statement of either
        if slot is not None and _start_for_level(q, slot):
            slot = None  # "the original fine of 40 million" is not where the cut went
        stated = [slot] if slot is not None and _unit(slot) == _unit(q) else []
        said = stated or (_converted(q, [slot]) if slot is not None else [])
        if slot is not None and said and q.verb not in denied:
            # The value the source states in the claim's words' place, whatever verb
            # either uses ("the mine sits 40 miles" for "the mine lies 40 kilometres").
            res.checkable += 1
            if not (same_number if stated else same_measure)(q, said[0]):
                conflict("number", _shown(q), _shown(slot))
            elif not bound_elsewhere(q, slot):
                agree(q.verb, q.text, slot.text)
            continue
        theirs = [s for s in source.quantities if _same_unit(q, s)]
        if not theirs and _unit(q) in MONEY:
            # The same sum in another currency ("$2.5m" for "€2.5m") is the wrong currency;
            # a different sum may be a conversion, and is no evidence either way.
            money = [s for s in of_same_action(q.verb, source.quantities) if _unit(s) in MONEY]
            other = [s for s in money if same_number(q, s)]
            if other and same_action(q.verb):
                res.checkable += 1
                conflict("number", _shown(q), _shown(other[0]))
                continue
            if money and same_action(q.verb):
                res.unresolved += 1  # another sum in another currency: maybe a conversion
        if not theirs:
            converted = _converted(q, source.quantities)  # "93 mph" for "150 km/h"
            if converted:
                check_value(q, converted, same_measure)
                continue
        shares = [
            s
            for s in wholes_shared
            if _same_unit(q, s) and abs(q.value - s.value) <= SHARE_SLACK * s.value
        ]
        if shares and q.bound != WHOLE and not any(same_number(q, s) for s in theirs):
            # "roughly 2,000 houses" for "about a third of the town's 6,000 houses"
            res.checkable += 1
            agree(q.verb, q.text, shares[0].text)
            continue
        check_value(q, paired(q, claim.quantities, theirs), same_number)
    for q in claim.ordinals:  # a rank against a rank of the same thing ("30th member")
        theirs = [s for s in source.ordinals if _same_ranking(q, claim, s, source)]
        if q.subject and any(s.subject and s.subject != q.subject for s in theirs):
            # "Greece's third-largest city is Athens" against "Patras is ...": another's
            res.unresolved += 1
            continue
        if not theirs and "_" in q.unit:
            continue  # a superlative ("largest city") the source does not rank: unchecked
        check_value(q, theirs, lambda a, b: a.value == b.value)
    for d in claim.dates:
        dated = d.year is not None and not d.relative and not d.decade
        if dated and (listed_dates := owned(d, claim, source, lambda a, b: bool(b.year))):
            res.checkable += 1  # "Sweden joined in April 2023" against "Finland joined in
            if any(_same_date(d, s) for s in listed_dates):  # April 2023 and Sweden in
                agree(d.verb, d.text, listed_dates[0].text)  # March 2024"
            elif same_action(d.verb):
                conflict("date", _dated(d), ", ".join(_dated(s) for s in listed_dates))
            continue
        if dated and (years := _years_of_value(d, claim, source)):
            # The date said after a value the source gives too, whatever the verbs: "sunk
            # to 58 percent in 2022" against "from a low of 58 percent in 2023".
            res.checkable += 1
            if any(_same_date(d, s) for s in years):
                agree(d.verb, d.text, years[0].text)
            elif same_event:
                conflict("date", _dated(d), ", ".join(_dated(s) for s in years))
            else:
                res.unresolved += 1
            continue
        # "since March 2023" is compared only with another "since"
        timed = [s for s in source.dates if (s.verb == SINCE) == (d.verb == SINCE)]
        of_action = of_same_action(d.verb, timed)
        named = [s for s in of_action if s.weekday is not None]
        by_month = [s for s in of_action if s.month or s.year]
        if d.weekday is not None and not named and by_month and d.verb and same_action(d.verb):
            # "lowered it on Tuesday" against "cut it in January": which Tuesday is not
            # said, so the day can be neither confirmed nor refuted.
            res.unread_time += 1
        if d.weekday is not None and named:  # "last Friday" against "last Tuesday"
            res.checkable += 1
            if d.weekday in {s.weekday for s in named} or _framed(d, source):
                agreed(d.text)
            elif same_action(d.verb):
                conflict("date", d.text, ", ".join(s.text for s in named))
                continue
        if d.year is None and d.relative and _said_alike(d, source):
            # "raised 1.2 billion rupees last year" in both, neither date known: the
            # same words, not the source's other year ("up from 350 million in 2023"),
            # though no confirmation alone ("growth would stall next year" is in "She
            # rejected a report saying growth would stall next year").
            res.confirmed.append(d.text)
            continue
        if d.year is None and d.relative:
            # "a decade ago" with no date to count from, against a source's year for the
            # same action: the time cannot be checked, so it cannot be confirmed either.
            dated = of_same_action(
                d.verb, [s for s in timed if s.year and not _compared(s, source)]
            )
            if dated and same_action(d.verb):
                res.unread_time += 1
            continue
        if d.year is None or d.decade:
            # "in March" against "in February", neither year said: maybe two years apart,
            # or a month the source does not cover ("prices fell in April"). Not what one
            # person said, told in her words but for the month: "Lungu said miners had
            # reported cracks at least twice in September" against "... in October".
            months = {s.month for s in of_action if s.month}
            if d.month and months and d.month not in months and same_action(d.verb):
                if paraphrase and not d.decade and _same_voice(claim.speaker, source.speaker):
                    res.checkable += 1
                    conflict("date", d.text, ", ".join(s.text for s in of_action if s.month))
                    continue
                res.unresolved += 1
            # "on Sept. 13" against "on Sept. 3": the same month of one story's year.
            days = [s for s in of_action if s.month == d.month and s.day]
            if d.month and d.day and days and not d.decade:
                res.checkable += 1
                if d.day in {s.day for s in days} or _framed(d, source):
                    agreed(d.text)
                elif same_action(d.verb):
                    conflict("date", d.text, ", ".join(s.text for s in days))
            continue
        if d.relative and _said_alike(d, source):
            # "this year" in both, the source's own date unknown: the same words, not the
            # source's other year of the sentence ("... and cut its 2026 forecast").
            res.checkable += 1
            agreed(d.text)
            continue
        res.checkable += 1
        dated = of_same_action(d.verb, [s for s in timed if s.year and not s.decade])
        # "a decade ago" against "in 2015": a count back from the text's date, give or take.
        same_year = [s for s in dated if _same_years(d, s)]
        months = {s.month for s in same_year if s.month}
        same_month = [s for s in same_year if s.month == d.month]
        days = {s.day for s in same_month if s.day}
        if not same_year:
            # A source year the claim itself gives another event ("joined in 1999, five
            # years before the Baltic states joined in 2004") is that event's, not this one's.
            others = [s for s in dated if not _given_elsewhere(s, d, claim, source)]
            if d.of_noun:  # "the 1995 report": only a date of a report is the report's
                others = [s for s in others if s.verb == d.verb]
            undated = evidence.sentence
            for s in source.dates:
                undated = undated.replace(s.text, " ")
            if _framed(d, source):
                agreed(d.text)
            elif re.search(rf"\b{d.year}\b", undated):
                # The source writes the claim's year where the parser read no date ("the
                # 2025 season the third-worst on record, behind 2023 and 2017"): which
                # year is which event's cannot be told.
                res.unresolved += 1
            elif others and same_action(d.verb):
                conflict("date", _dated(d), ", ".join(_dated(s) for s in others))
            elif dated and paraphrase:
                res.unresolved += 1
        elif _framed(d, source):
            agreed(d.text)
        elif d.month and months and d.month not in months:
            if same_action(d.verb):
                conflict("date", d.text, ", ".join(s.text for s in same_year if s.month))
            else:
                res.unresolved += 1  # another month, maybe of another act: no confirmation
        elif d.day and days and d.day not in days:
            if same_action(d.verb):
                conflict("date", d.text, ", ".join(s.text for s in same_month if s.day))
            else:
                # "February 12, 2026" is not confirmed by a sentence too unlike the claim's
                # to be its event that says "February 5, 2026"
                res.unresolved += 1
        else:
            agree(d.verb, d.text, same_year[0].text)
    for q in claim.quantities:  # "30 miles north of Millbrook" against "30 miles south of"
        if not (mine := _bearing(claim, q)):
            continue
        there = [s for s in source.quantities if _unit(s) == _unit(q) and same_number(q, s)]
        said = {b: s for s in there if (b := _bearing(source, s))}
        if said:
            res.checkable += 1
            if mine in said:
                agreed(f"{q.text} {mine}")
            else:
                theirs = ", ".join(f"{_shown(s)} {b}" for b, s in said.items())
                conflict("direction", f"{_shown(q)} {mine}", theirs)
    for c in claim.changes:  # "fell by 12 percent" against "rose by 12 percent"
        if not _same_time(claim.dates, source.dates):
            if any(s.what == c.what for s in source.changes):
                res.unresolved += 1  # "fell in March" against "rose in February"
            break  # "fell in March" is not refuted by "rose in February"
        theirs = [
            s
            for s in source.changes
            if s.what == c.what and (not c.when or _same_time(list(c.when), list(s.when)))
        ]
        if len({s.direction for s in theirs}) > 1:
            # Both ways: the one whose values are the claim's ("Nordhavn's shares fell
            # 4.3% to 212.40 crowns, while Meridian's shares jumped 24%").
            theirs = [s for s in theirs if _moved_by(s, source, claim)]
        if len({s.direction for s in theirs}) != 1:  # not said, or both ways: no evidence
            continue
        res.checkable += 1
        if theirs[0].direction == c.direction:
            agreed(c.text)
        elif same_event:
            conflict("direction", c.text, theirs[0].text)
    for mine in claim.name_lists:  # "with the Czech Republic and Slovakia"
        for theirs in source.name_lists:
            if theirs[0].label != mine[0].label:
                continue
            ours = [e.text for e in mine]
            said = [e.text for e in theirs]
            shared = [a for a in ours if any(same_name(a.lower(), b.lower()) for b in said)]
            if not shared:
                continue  # another list of the same kind: not this one
            named = [e.text.lower() for e in claim.entities]
            extra = [a for a in ours if a not in shared]
            missing = [b for b in said if not any(same_name(b.lower(), a) for a in named)]
            # Only a swap counts: the same names listed together say little about the
            # claim's own statement (two ClimateFEVER claims were "supported" by that).
            if extra and missing and same_event:
                res.checkable += 1
                conflict("name", ", ".join(extra), ", ".join(missing))
    for r in claim.relations:
        for s in source.relations:
            if r.verb != s.verb:
                continue
            if (
                same_name(r.subject, s.object)
                and same_name(r.object, s.subject)
                and not same_name(r.subject, r.object)
            ):
                if r.verb in SYMMETRIC:
                    # "human life was the priority": "Our priority is human life" (whose
                    # the priority is, another question, is not read)
                    continue
                res.checkable += 1
                conflict(
                    "role", f"{r.subject} {r.verb} {r.object}", f"{s.subject} {s.verb} {s.object}"
                )
            elif same_name(r.subject, s.subject) and same_name(r.object, s.object):
                if r.verb in moot:
                    continue  # "did not raise it to 6 percent": the value is denied
                res.checkable += 1
                if r.negated != s.negated:
                    conflict(
                        "negation",
                        ("not " if r.negated else "") + r.verb,
                        ("not " if s.negated else "") + s.verb,
                    )
                else:
                    agreed(f"{r.subject} {r.verb} {r.object}")
    if (
        claim.money_peoples
        and source.money_peoples
        and not set(claim.money_peoples) & set(source.money_peoples)
        and (
            same_event
            or any(same_number(q, s) for q in claim.quantities for s in source.quantities)
        )
    ):
        # "2.1 billion Swedish crowns" against "2.1 billion Norwegian crowns"
        res.checkable += 1
        conflict("name", claim.money_peoples[0], source.money_peoples[0])
    if same_event:
        for kind, mine, theirs in other_names(claim, source, similarity):
            res.checkable += 1
            conflict(kind, mine, theirs)
    elif (offices := other_office_of(claim, source)) is not None:
        # one person given another office, whatever else the two sentences say of him
        # ("Helen Marchetti, the mayor of Vernon" against "..., chair of the board")
        res.checkable += 1
        conflict("office", *offices)
    # A name in the place of another in the same words ("a South Asian nation" against
    # "a Southeast Asian nation"), which is what let the passage through the entity gate.
    for mine, theirs in [*swapped_names(claim, source, aligned), *([swapped] if swapped else [])]:
        if not any(c.claim_value in mine.text for c in res.conflicts):  # "Article 5" once
            res.checkable += 1
            conflict("name", mine.text, theirs.text)
    if (
        _negation_differs(claim, source)
        and not (moot and set(claim.negated_verbs) <= moot)
        and not any(c.kind == "negation" for c in res.conflicts)
        and overlap >= NEGATION_OVERLAP
        and similarity >= NEGATION_SIMILARITY
        # the claim's quoted words are the source's, and affirm: the source's "not" is in
        # words the claim does not quote ('"Five points is not a lot, but over 34 games it
        # is the truth"' for 'said that over 34 games "it is the truth"')
        and (claim.negated or not quotes_in(claim, evidence.sentence))
    ):
        conflict(
            "negation",
            "negated" if claim.negated else "affirmed",
            "negated" if source.negated else "affirmed",
        )
    if (
        (mine := _stance(claim)) is not None
        and (theirs := _stance(source)) is not None
        and mine[0] != theirs[0]
        and not any(c.kind == "negation" for c in res.conflicts)
        and overlap >= NEGATION_OVERLAP
        and similarity >= NEGATION_SIMILARITY
    ):
        res.checkable += 1
        conflict("negation", mine[1], theirs[1])
    if (names := misattributed(claim, source, evidence.sentence)) is not None:
        res.checkable += 1
        conflict("speaker", *names)
        return res  # other words compared with another's quote say nothing more
    voiced = bool(claim.quoted) and _same_voice(claim.attributed_to, source.attributed_to)
    nobody = claim.attributed_to is None or source.attributed_to is None
    if claim.quoted and source.quoted and nobody:
        # Nobody named on one side (the parser missed "Conservative John Leech", or read
        # no attribution in "Blaszczak called the deployment ..."): the same sentence
        # around the quote, near word for word, is the same statement, and other words
        # inside the marks are what was changed.
        voiced = (
            frame_overlap(claim, lemmas) >= NEGATION_OVERLAP and similarity >= NEGATION_SIMILARITY
        )
    if voiced and not source.quoted:
        # The source reports the same voice without quoting it: its own words confirm a
        # quote; other words neither confirm nor refute one (reported speech paraphrases),
        # and a close paraphrase must not pass for the quoted words either.
        res.checkable += 1
        said = _words(evidence.sentence)
        if all(_within(_words(q), said) for q in claim.quoted):
            agreed(claim.quoted[0])
        else:
            res.unresolved += 1
    if voiced and source.quoted:
        # Quoted words attributed to a name (a person, a ministry, a treaty article) are
        # checked word for word against what the source quotes the same name saying: a
        # claim may quote part of it, but not other words ("strong" for "fragile", "will
        # deploy troops" for "will consult together"). Only then: quotation marks around a
        # term ("global warming") or around words nobody is named as saying are no
        # statement to check.
        res.checkable += 1
        theirs = [_words(q) for q in source.quoted]
        if all(any(_within(_words(q), t) for t in theirs) for q in claim.quoted):
            agreed(claim.quoted[0])
        elif not any(c.kind == "negation" for c in res.conflicts):
            conflict("quote", claim.quoted[0], " / ".join(source.quoted))
    return res


def _years_of_value(d: DateRef, claim: ClaimParts, source: ClaimParts) -> list[DateRef]:
    """The source's dates of the claim's value that ``d`` dates: the dates said after the
    same number of the same unit in both ("58 percent in 2022", "58 percent in 2023"), or
    none where the source gives that value no year, or several values of it."""
    mine = [q for q in claim.quantities if _unit(q) and d in _dates_after(claim, q)]
    if len(mine) != 1:
        return []
    same = [s for s in source.quantities if _same_unit(mine[0], s) and same_number(mine[0], s)]
    if len(same) != 1:
        return []
    return [t for t in _dates_after(source, same[0]) if t.year is not None and not t.decade]


def _dates_after(parts: ClaimParts, q: Quantity) -> list[DateRef]:
    """The dates said just after a value, before the next one ("58 percent in 2023"); not
    those before it ("a 2025 dividend of ..., down from eight crowns for 2024")."""
    high = _around(parts, q)[1]
    return [d for d in parts.dates if q.end <= d.start < high]


def _compared(d: DateRef, parts: ClaimParts) -> bool:
    """Whether a date is the period a value is compared with, not when the action was:
    "has carried 13.1 million passengers since the start of the year, up 9 percent on the
    same period of 2023" does not date the carrying to 2023."""
    before = [w for w, at in parts.words if at < d.start][-3:]
    return bool(set(before) & _COMPARED_PERIOD)


_COMPARED_PERIOD = frozenset({"period", "compared", "than", "versus"})


def _said_alike(d: DateRef, source: ClaimParts) -> bool:
    """Whether the source gives a relative date in the claim's very words ("last year")."""
    return any(s.relative and s.text.lower() == d.text.lower() for s in source.dates)


#: Verbs whose two sides may change places and say the same: "X is Y" is "Y is X", "X met
#: Y" is "Y met X".
SYMMETRIC = frozenset({"be", "meet", "marry", "equal"})


def other_names(
    claim: ClaimParts, source: ClaimParts, similarity: float
) -> list[tuple[str, str, str]]:
    """(kind, the claim's, the source's) for each thing the two sentences on one event
    name otherwise: a numbered thing where the rest reads the same ("consultations under
    Article 5" against "under Article 4"; a passage on Article 4 says nothing of Article 5
    otherwise), the same action from, in or to another place neither names ("crossed its
    border from Russia" against "from Belarus"), and a person's other office."""
    found = []
    if similarity >= NEGATION_SIMILARITY:
        for kind, number, written in claim.references:
            theirs = [r for r in source.references if r[0] == kind]
            if theirs and number not in {r[1] for r in theirs}:
                found.append(("number", written, ", ".join(dict.fromkeys(r[2] for r in theirs))))
    for verb, prep, place in claim.places:
        there = [p for v, r, p in source.places if (v, r) == (verb, prep)]
        if there and not _mentions(source, place) and not any(_mentions(claim, p) for p in there):
            found.append(("name", place.text, ", ".join(p.text for p in there)))
    if (offices := other_office_of(claim, source)) is not None:
        found.append(("office", *offices))
    return found


def swapped_names(
    claim: ClaimParts, source: ClaimParts, aligned: Alignment
) -> list[tuple[Entity, Entity]]:
    """The claim's names that stand where the source's same words name another, neither
    sentence naming the other's anywhere (unless each gives it as the same person's:
    "Kenya's Joshua Kiprotich" against "Uganda's Joshua Kiprotich ... ahead of Kenya's
    Daniel Mutai"). Not the claim's actor: "Sweden became the 32nd
    member" is about another country than "Finland became the 31st member", and "Scott
    Williams hopes to return" about another player than "Liam Williams is set to
    return", not a swap of one for the other."""
    found = []
    for mine, theirs in aligned.name_swaps():
        whose = _whose(claim, mine)
        if whose is not None and whose == _whose(source, theirs):
            found.append((mine, theirs))  # one person's country: "Kenya's Joshua Kiprotich"
        elif not (
            set(mine.text.lower().split()) & _actors(claim)
            or _mentions(source, mine)
            or _mentions(claim, theirs)
        ):
            found.append((mine, theirs))
    return found


#: How alike a claim and a source sentence must be for another subject in the same words
#: to be a swap rather than another actor's fact.
SWAP_SIMILARITY = 0.8


def actor_swapped(
    claim: ClaimParts, source: ClaimParts, aligned: Alignment, similarity: float
) -> tuple[Entity, Entity] | None:
    """(the claim's subject, the source's) where the claim puts its subject in the place
    of another in the source's same words, near word for word and with every value of
    the claim stated there too: "France sent four Canadair water-bombing aircraft under
    the EU civil protection mechanism" against "Spain sent four ...". Not where a value
    differs ("Sweden became the 32nd member in 2024" against "Finland became the 31st
    member in 2023" is another actor's fact), nor where the source names the claim's
    subject too."""
    if similarity < SWAP_SIMILARITY or values_stated(claim, source) < len(claim.quantities):
        return None
    years = {d.year for d in source.dates}
    ranks = {(s.unit, s.value) for s in source.ordinals}
    if any(d.year not in years for d in claim.dates) or any(
        (q.unit, q.value) not in ranks for q in claim.ordinals
    ):
        return None  # ranks too: "Patras is Greece's third-largest city" swaps Athens
    return next(_names_in_place(claim, source, aligned, _actors(claim)), None)


def _names_in_place(
    claim: ClaimParts, source: ClaimParts, aligned: Alignment, actors: Iterable[str]
) -> Iterator[tuple[Entity, Entity]]:
    """(the claim's actor, the name the source's same words give instead), neither
    sentence naming the other's; ``actors``: the words that make a name the actor."""
    actors = set(actors)
    for mine, theirs in aligned.name_swaps():
        if (
            set(mine.text.lower().split()) & actors
            and not _mentions(source, mine)
            and not _mentions(claim, theirs)
        ):
            yield mine, theirs


def _whose(parts: ClaimParts, place: Entity) -> str | None:
    """The person a place is said of, as "Kenya's Joshua Kiprotich" says his country:
    the surname of the person named right after the place's "'s" (None when none is).
    The same person's country on both sides is compared however often the other
    country is named for someone else ("finished ahead of Kenya's Daniel Mutai")."""
    after = [e for e in parts.entities if e.label == "PERSON" and 0 < e.start - place.end <= 3]
    return after[0].text.split()[-1].lower() if after else None


def _actors(parts: ClaimParts) -> set[str]:
    """A sentence's grammatical subjects and whose or what they are ("Germany's exports",
    "Exports to Japan")."""
    return {*parts.subjects, *parts.owners}


def _subject_places(parts: ClaimParts) -> list[Entity]:
    """The places among a sentence's actors ("Sweden", "the United States", "Germany's
    exports")."""
    actors = _actors(parts)
    return [e for e in parts.entities if e.label == "GPE" and set(e.text.lower().split()) & actors]


def _mentions(parts: ClaimParts, name: Entity) -> bool:
    """Whether a sentence names ``name``: as one of its entities, by another of its names
    ("the US", "the United States"; a capital for its country, "Moscow" for Russia), by
    its initials ("the WHO", "the World Health Organization"), or word for word ("the
    IPCC" in "the Intergovernmental Panel on Climate Change (IPCC)")."""
    names = names_for(name.text)
    theirs = [e.text.lower().removeprefix("the ") for e in parts.entities]
    if any(same_name(n, t) or same_name(n, capital_of(t)) for n in names for t in theirs):
        return True
    if any(initials_of(n, t) or initials_of(t, n) for n in names for t in theirs):
        return True
    return any(set(re.findall(r"\w+", n)) <= set(parts.lemmas) for n in names)


def other_actor(claim: ClaimParts, source: ClaimParts) -> bool:
    """Whether the source sentence speaks of another place than the claim: each names a
    subject the other never mentions ("Sweden became the 32nd member" against "Finland
    became the 31st member"). A swapped role ("Russia attacked Ukraine" against "Ukraine
    attacked Russia") names both on both sides, so it is not another actor. Places only:
    a person or a body goes by too many names ("Pope Francis", "Jorge Mario Bergoglio";
    "Google", "Alphabet") to be told apart from another by its name."""
    mine, theirs = _subject_places(claim), _subject_places(source)
    if not mine or not theirs:
        return False
    return not any(_mentions(source, e) for e in mine) and not any(
        _mentions(claim, e) for e in theirs
    )


def _negation_differs(claim: ClaimParts, source: ClaimParts) -> bool:
    """Whether one side negates what the other affirms: a negated action the other side
    also names. "We couldn't go into it in better shape" negates going, not "we have a
    difficult game" in the same sentence."""
    if claim.negated == source.negated:
        return False
    mine, theirs = set(claim.negated_verbs), set(source.negated_verbs)
    return bool((mine - theirs) & set(source.lemmas) or (theirs - mine) & set(claim.lemmas))


#: Verbs of a stance for a thing, and against it: "would support a government that
#: included the Greens" says the opposite of "would vote against any government that ...".
#: A motion's fate is one too: "the amendment was approved" against "failed on a 5-6 vote".
_FOR = frozenset(
    {"support", "back", "endorse", "approve", "favour", "favor", "accept", "adopt", "pass"}
)
_AGAINST = frozenset({"oppose", "reject", "veto", "block", "fail", "defeat"})
_VOTED = frozenset({"vote", "votes", "voted", "voting"})


#: A ranking's scope that is the story's country, unnamed: "the country's fourth-largest".
_OWN_COUNTRY = frozenset({"country", "nation"})


def _same_ranking(q: Quantity, claim: ClaimParts, s: Quantity, source: ClaimParts) -> bool:
    """Whether two ranks rank the same things: a word of their units in common ("30th
    member"), or one superlative whose scope one side names as a country ("Zambia's
    largest copper mine") and the other as "the country's"."""
    if set(s.unit.split()) & set(q.unit.split()):
        return True
    (mine, _, here), (theirs, _, there) = q.unit.partition("@"), s.unit.partition("@")
    if mine != theirs or not here or not there or "@" in here + there:
        return False
    named = {
        w.lower()
        for p in (claim, source)
        for e in p.entities
        if e.label == "GPE"
        for w in e.text.split()
    }
    return {here, there} & _OWN_COUNTRY != set() and {here, there} & named != set()


def _stance(parts: ClaimParts) -> tuple[str, str] | None:
    """("for" or "against", the word that says it) where the sentence takes one stance
    only ("vote against" is against, "did not support" too); None for none or both."""
    said = [w for w, _ in parts.words]
    # "for" only right after the verb ("voted for the budget"), not "called for a vote"
    voted_for = any(a in _VOTED and b == "for" for a, b in itertools.pairwise(said))
    words = set(said) - {"for"} | ({"for"} if voted_for else set())
    found = set()
    for lemma in set(parts.lemmas):
        side = "for" if lemma in _FOR else "against" if lemma in _AGAINST else None
        if lemma == "vote" and words & {"against", "favour", "favor", "for"}:
            side = "against" if "against" in words else "for"
            lemma = "vote against" if side == "against" else "vote in favour"
        if side is not None:
            denied = lemma.split()[0] in parts.negated_verbs
            if denied:
                side = "against" if side == "for" else "for"
            found.add((side, ("not " if denied else "") + lemma))
    return found.pop() if len(found) == 1 else None


def misattributed(claim: ClaimParts, source: ClaimParts, sentence: str) -> tuple[str, str] | None:
    """(the claim's speaker, the source's), when the source gives the claim's quoted words,
    word for word, to someone else: "Sir Howard Bernstein said: '...'" against the same
    words from Sir Richard Leese. A name the parser did not tag is read from the
    attribution ("Manager O'Neill"), if capitalised: "officials" against "a spokesman"
    names nobody. None when the source quotes other words or the names can be one, or
    when ``sentence`` (the source's, as written) names the claim's speaker too."""
    said = _speaker_name(claim)
    given = _speaker_name(source)
    if not claim.quoted or not source.quoted:
        return None
    if said is None or given is None:
        # "The Prime Minister said" against "The Deputy Prime Minister said": no name on
        # one side, and the offices cannot be one person's
        if _other_office(claim, source) and _quotes_given(claim, source):
            return claim.attributed_as or "", source.attributed_as or ""
        return None
    a, b = said.lower().removeprefix("the "), given.lower().removeprefix("the ")
    if claim.speaker is None and claim.attributed_to is not None:
        # A body or a document ("the Home Office", "Article 4 of the treaty"): named
        # whole, not by its last word ("Office").
        voice = _same_voice(claim.attributed_to, source.attributed_to)
        if voice or same_name(a, b) or a in sentence.lower():
            return None
    elif same_name(a, b) or a.split()[-1] in b.split() or b.split()[-1] in a.split():
        return None
    elif _surname_in(said.split()[-1], sentence):
        return None  # the source's sentence names him too ("the government said X but Y said")
    return (said, given) if _quotes_given(claim, source) else None


def reported_by_another(
    claim: ClaimParts, source: ClaimParts, sentence: str, similarity: float
) -> tuple[str, str] | None:
    """(the claim's speaker, the source's), when the source reports the claim's words, in
    a near paraphrase (``NEGATION_SIMILARITY``, the two names and offices apart), as
    another named person's: "Opposition spokesman Daniel Mercer said the report made a
    rate cut less likely" against "Sofia Brandt, chief economist at Keel Street Bank, said
    the report made an interest rate cut ... less likely". Reported speech, as
    :func:`misattributed` reads quotes."""
    if (
        claim.quoted
        or claim.speaker is None
        or source.speaker is None
        or similarity < NEGATION_SIMILARITY
        or same_person(claim.speaker.text, source.speaker.text)
        or _surname_in(claim.speaker.text.split()[-1], sentence)
    ):
        return None
    said = set(claim.terms) - set(_words(claim.speaker.text)) - set(_words(claim.attribution or ""))
    heard = set(source.terms) | set(source.lemmas)
    if not said or len(said & heard) / len(said) < MIN_CONFLICT_OVERLAP:
        return None
    return claim.speaker.text, source.speaker.text


def _quotes_given(claim: ClaimParts, source: ClaimParts) -> bool:
    """Whether each of the claim's quoted passages is, word for word, in one of the
    source's."""
    theirs = [_words(q) for q in source.quoted]
    return all(any(_within(_words(q), t) for t in theirs) for q in claim.quoted)


#: Words that make an office another person's: the deputy is not the prime minister.
RANKS = frozenset(["deputy", "assistant", "vice", "shadow", "former", "acting"])
#: Courtesy words, and one office written three ways.
_SAME_OFFICE = {
    "spokeswoman": "spokesman",
    "spokesperson": "spokesman",
    "chairwoman": "chairman",
    "chair": "chairman",
}


def _office(parts: ClaimParts) -> frozenset[str]:
    """The office words of the attribution ("The Deputy Prime Minister"), no courtesies."""
    words = _office_words(parts.attributed_as or "")
    return frozenset(w for w in words if w in TITLES and w not in COURTESY)


def _other_office(claim: ClaimParts, source: ClaimParts) -> bool:
    """Whether the two attributions name offices no one person holds: a rank one has
    and the other lacks ("Deputy Prime Minister", "Prime Minister"), or each a word the
    other lacks ("Foreign Secretary", "Home Secretary"); "the minister" may be either."""
    a, b = _office(claim), _office(source)
    return bool(a and b) and _offices_differ(a, b)


def _offices_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool((a ^ b) & RANKS) or bool(a - b and b - a)


#: Words of an office, not a name: "the Prime Minister" may be "Theresa May".
TITLES = frozenset(
    [
        "the",
        "a",
        "an",
        "prime",
        "minister",
        "president",
        "chancellor",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chief",
        "executive",
        "director",
        "manager",
        "leader",
        "chairman",
        "chairwoman",
        "chair",
        "head",
        "coach",
        "mayor",
        "governor",
        "senator",
        "judge",
        "prosecutor",
        "attorney",
        "lawyer",
        "ceo",
        "cfo",
        "coo",
        "cto",
        "officer",
        "police",
        "inspector",
        "superintendent",
        "general",
        "captain",
        "commissioner",
        "ambassador",
        "deputy",
        "assistant",
        "vice",
        "shadow",
        "former",
        "acting",
        "foreign",
        "home",
        "health",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "lord",
        "lady",
        "dame",
        "professor",
    ]
)


def _office_words(office: str) -> frozenset[str]:
    office = _C_SUITE.sub(lambda m: f"c{m[1][0]}o", office.lower())  # "chief financial officer"
    return frozenset(_SAME_OFFICE.get(w, w) for w in re.findall(r"[\w'’-]+", office))


#: An office said in full that is also said in three letters: "Chief Financial Officer".
_C_SUITE = re.compile(r"\bchief (executive|financial|operating|technology)(?: officer)?\b")


def other_office_of(claim: ClaimParts, source: ClaimParts) -> tuple[str, str] | None:
    """(the claim's person with office, the source's), where both give one person offices
    no one person holds, by :func:`_other_office`'s test: "President Gintautas Paluckas"
    against "Prime Minister Gintautas Paluckas", "Foreign Minister" against "Defence
    Minister"; not "Minister" against "Prime Minister", which may be the same. An office
    must hold a word of one (:data:`TITLES`): "Striker Harry Kane" gives none, and
    "Mr. Singer" none either (courtesies are left out when the office is read)."""
    for name, office in claim.offices.items():
        mine = _office_words(office)
        for other, given in source.offices.items():
            theirs = _office_words(given)
            if not same_person(name, other) or not (mine & TITLES and theirs & TITLES):
                continue
            if _offices_differ(mine, theirs):
                return f"{office} {name}", f"{given} {other}"
    return None


def _speaker_name(parts: ClaimParts) -> str | None:
    named = parts.speaker or parts.attributed_to
    if named is not None:
        return named.text
    words = re.findall(r"[\w'’-]+", parts.attributed_as or "")
    if any(w[0].isupper() and w.lower() not in TITLES for w in words):
        return parts.attributed_as  # "Manager O'Neill": a name the parser did not tag
    return None


def quotes_in(claim: ClaimParts, text: str) -> bool:
    """Whether ``text`` holds each of the claim's quoted passages, word for word."""
    said = _words(text)
    return bool(claim.quoted) and all(_within(_words(q), said) for q in claim.quoted)


def quotes_nearly_in(claim: ClaimParts, text: str) -> bool:
    """Whether ``text`` holds each of the claim's quoted passages all but one word in five,
    each of six words or more: "for twenty years" in a quote that says "for ten years" is
    the quote changed, not another one."""
    said = _words(text)
    for q in claim.quoted:
        words = _words(q)
        kept = sum(b.size for b in SequenceMatcher(None, words, said).get_matching_blocks())
        if len(words) < 6 or kept < 0.8 * len(words):
            return False
    return bool(claim.quoted)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _within(part: list[str], whole: list[str]) -> bool:
    """Whether ``part`` is a run of consecutive words of ``whole``."""
    n = len(part)
    return any(whole[i : i + n] == part for i in range(len(whole) - n + 1))
