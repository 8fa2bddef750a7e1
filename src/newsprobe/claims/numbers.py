"""Numbers as news writes them: digits with separators, number words, scales ("4.2
billion"), ranges ("30-40%", "between 5 and 6 million") and lists ("40% and 150%").

Kept apart from the parse so the arithmetic can be tested without spaCy.
"""

from __future__ import annotations

import re

SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "half": 0.5,
}
# Dollars of other countries, by the letters before the sign ("NZ$4.5 billion") or the
# word before "dollars" ("40 million New Zealand dollars"); a bare "$" is the US dollar.
DOLLAR_PREFIXES = {
    "us": "usd",
    "nz": "nzd",
    "a": "aud",
    "au": "aud",
    "c": "cad",
    "ca": "cad",
    "hk": "hkd",
    "s": "sgd",
    "nt": "twd",
    "r": "brl",  # the Brazilian real's sign
}
DOLLAR_COUNTRIES = {
    "australian": "aud",
    "canadian": "cad",
    "zealand": "nzd",
    "kong": "hkd",
    "singapore": "sgd",
    "singaporean": "sgd",
    "taiwan": "twd",
    "taiwanese": "twd",
    "us": "usd",
    "u.s.": "usd",
    "american": "usd",
}
CURRENCIES = {
    **{f"{letters}$": code for letters, code in DOLLAR_PREFIXES.items()},
    "$": "usd",
    "dollar": "usd",
    "usd": "usd",
    "£": "gbp",
    "pound": "gbp",
    "gbp": "gbp",
    "€": "eur",
    "euro": "eur",
    "eur": "eur",
    "¥": "jpy",
    "yen": "jpy",
    "yuan": "cny",
    "renminbi": "cny",
    "rupee": "inr",
    "rouble": "rub",
    "ruble": "rub",
    "rand": "zar",
    # Others a wire story names in words ("500,000 kwacha"); none a word of another
    # meaning or part of one ("won", "real", "lev", "rial" in "material" are left out).
    "kwacha": "kwacha",
    "naira": "ngn",
    "cedi": "ghs",
    "shilling": "shilling",
    "peso": "peso",
    "lira": "lira",
    "zloty": "pln",
    "forint": "huf",
    "koruna": "czk",
    "dirham": "dirham",
    "riyal": "riyal",
    "ringgit": "myr",
    "baht": "thb",
    "rupiah": "idr",
    "hryvnia": "uah",
    "tenge": "kzt",
    "dinar": "dinar",
    # Named by their people ("Norwegian crowns", "Swiss francs"; claims.parts reads the
    # people apart): a sum in crowns is money, not a count of crowns.
    "crown": "crown",
    "krone": "crown",
    "krona": "crown",
    "franc": "franc",
}
# The units a sum of money carries once parsed ("usd", "eur", ...).
MONEY = frozenset(CURRENCIES.values())
# The sign of a sum written in its words, longest first so that "NZ$" is not read as "$".
CURRENCY_SIGN = re.compile(
    r"(?<![a-z])(?:" + "|".join(sorted(DOLLAR_PREFIXES, key=len, reverse=True)) + r")\$|[$£€¥]"
)
# Words that make a number an estimate, compared with 10% slack. Bounds ("more than",
# "at least", "up to") are not estimates: they say on which side the value lies (BOUNDS).
APPROX = {
    "about",
    "around",
    "approximately",
    "nearly",
    "almost",
    "some",
    "roughly",
    "estimated",
    "~",
}
LOWER, UPPER = "lower", "upper"
#: A level a change started from ("rose to 6.9% from 6.8%"): compared only with another.
START = "from"
#: The whole a part is of ("27 of their 34 matches"): compared only with another whole.
WHOLE = "whole"
# Read at the end of the words before a number; the negated forms come first, so "no more
# than 12" is an upper bound, not a lower one.
BOUNDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:no|not) (?:more|greater|higher) than$"), UPPER),
    (re.compile(r"\b(?:no|not) (?:less|fewer|lower) than$"), LOWER),
    (
        re.compile(
            r"\b(?:(?:more|greater|higher) than|over|above|at least|in excess of|upwards of"
            r"|exceed(?:s|ed|ing)?)$"
        ),
        LOWER,
    ),
    (re.compile(r"\b(?:(?:less|fewer|lower) than|under|below|up to|at most)$"), UPPER),
)
# Words around a number that are neither its unit nor its value.
QUALIFIERS = APPROX | {"more", "less", "fewer", "than", "at", "least", "most", "up", "to"}
QUALIFIERS |= {"over", "under", "above", "below", "no", "not", "exceeding", "in", "excess", "of"}


def bound_of(lead: str) -> str:
    """Which side of the number the value lies on, from the words just before it:
    ``"lower"`` ("more than 100": at least 100), ``"upper"`` ("up to 50") or ``""``."""
    lead = " ".join(lead.lower().split())
    for pattern, side in BOUNDS:
        if pattern.search(lead):
            return side
    return ""


ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
}


def ordinal_value(text: str) -> int | None:
    """The rank an ordinal states: "30th" and "thirtieth" are 30, "twenty-first" is 21;
    None for anything else."""
    low = text.lower().strip()
    m = re.fullmatch(r"(\d+)\s*(?:st|nd|rd|th)", low)
    if m:
        return int(m.group(1))
    words = re.findall(r"[a-z]+", low)
    if not words or words[-1] not in ORDINAL_WORDS:
        return None
    head = words[:-1]
    if any(w not in WORDS for w in head):
        return None
    return sum(WORDS[w] for w in head) + ORDINAL_WORDS[words[-1]]


NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def number_value(text: str) -> float | None:
    """The value of a number written in digits, words or with a scale ("4.2 billion")."""
    value: float | None = None
    for w in re.findall(r"[\d.,]+|[a-z]+", text.lower()):
        if w[0].isdigit():
            # "1,200" is twelve hundred; a decimal comma is too rare in English news to guess.
            try:
                value = float(w.rstrip(".,").replace(",", ""))
            except ValueError:
                continue
        elif w in WORDS:
            n = WORDS[w]
            value = n if value is None else (value + n if n < value else value * n)
        elif w in SCALES and value is not None:
            value *= SCALES[w]
    return value


RANGE = re.compile(r"\d\s*%?\s*(?:–|—|-|to)\s*[$£€]?\d")


def numbers_in(text: str) -> list[tuple[float, float | None]]:
    """The values a number expression states: one (value, None), a range (low, high), or
    several for a list ("about 40% and 150%")."""
    low = text.lower()
    found = re.findall(r"\d[\d,]*(?:\.\d+)?", low)
    if len(found) < 2:
        value = number_value(text)
        if value is not None and re.match(r"\s*(?:-|−|minus\s)\s*\d", low):
            value = -value  # "-12 degrees", "minus 12": not 12
        return [] if value is None else [(value, None)]
    scale = next((SCALES[w] for w in re.findall(r"[a-z]+", low) if w in SCALES), 1.0)
    nums = []
    for f in found:
        try:
            nums.append(float(f.rstrip(",").replace(",", "")) * scale)
        except ValueError:
            continue
    if len(nums) >= 2 and ("between" in low or RANGE.search(low)):
        return [(min(nums[:2]), max(nums[:2]))]
    return [(n, None) for n in nums]
