"""Units of measure, so that a claim and a source stating one value in two systems agree.

An agency story gives "winds of 150 km/h", an American paper "93 mph"; "40C" is "104F".
Each unit the parser reads (``parts._unit``: the noun's lemma or the letters after the
number) is named here once, with what it measures and its size in that dimension's base
unit; temperatures are affine and converted apart. Units not named here are compared
only with themselves, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

#: Spellings of one unit, to its name here.
ALIASES = {
    "kilometre": "km",
    "kilometer": "km",
    "kms": "km",
    "meter": "metre",
    "centimetre": "cm",
    "centimeter": "cm",
    "millimetre": "mm",
    "millimeter": "mm",
    "feet": "foot",
    "ft": "foot",
    "inches": "inch",
    "in.": "inch",
    "kilogram": "kg",
    "kilo": "kg",
    "kgs": "kg",
    "lbs": "lb",
    "tons": "ton",
    "litre": "l",
    "liter": "l",
    "celsius": "c",
    "centigrade": "c",
    "fahrenheit": "f",
    "mph": "mile/h",
    "kph": "km/h",
    "kmh": "km/h",
}

#: Unit -> (dimension, size in the dimension's base unit: metre, kilogram, square
#: metre, metre per second, litre).
SIZES: dict[str, tuple[str, float]] = {
    "km": ("length", 1000.0),
    "metre": ("length", 1.0),
    "cm": ("length", 0.01),
    "mm": ("length", 0.001),
    "mile": ("length", 1609.344),
    "nautical mile": ("length", 1852.0),
    "yard": ("length", 0.9144),
    "foot": ("length", 0.3048),
    "inch": ("length", 0.0254),
    "kg": ("mass", 1.0),
    "gram": ("mass", 0.001),
    "lb": ("mass", 0.45359237),
    "tonne": ("mass", 1000.0),
    # A "ton" is a tonne, a US short ton (907 kg) or a long ton (1,016 kg): compared
    # with other units at a tonne, within AMBIGUOUS_SLACK.
    "ton": ("mass", 1000.0),
    "square km": ("area", 1e6),
    "square metre": ("area", 1.0),
    "square mile": ("area", 1609.344**2),
    "square foot": ("area", 0.3048**2),
    "hectare": ("area", 10_000.0),
    "acre": ("area", 4046.8564224),
    "km/h": ("speed", 1 / 3.6),
    "mile/h": ("speed", 0.44704),
    "knot": ("speed", 1852 / 3600),
    "l": ("volume", 1.0),
    "gallon": ("volume", 3.785411784),
    # A rate's move: "25 basis points" is "0.25 percentage points" (a plain "points" is
    # only ever compared with a basis point, so a game's points never meet one).
    "point": ("rate", 1.0),
    "basis point": ("rate", 0.01),
}
#: Lengths of time ("three decades in public service", "30 years of public service";
#: "two weeks" is not "two months"), in days, converted like the units above but not
#: units of measure to the parser (``is_unit``).
PERIODS: dict[str, tuple[str, float]] = {
    "century": ("time", 36524.25),
    "decade": ("time", 3652.425),
    "year": ("time", 365.2425),
    "month": ("time", 365.2425 / 12),
    "week": ("time", 7.0),
    "day": ("time", 1.0),
    "hour": ("time", 1 / 24),
}
TEMPERATURES = {"c", "f"}
POWERS = {"square": "square", "sq": "square", "cubic": "cubic"}
#: Units whose size depends on the country, and how far apart their readings may be.
AMBIGUOUS = {"ton": 0.10}
PER_HOUR = {("per", "hour"), ("an", "hour"), ("/", "h"), ("a", "hour")}


def canonical(unit: str) -> str:
    return ALIASES.get(unit, unit)


def is_unit(word: str) -> bool:
    """Whether a word names a unit of measure here ("lb", "kg", "mph")."""
    unit = canonical(word)
    return unit in SIZES or unit in TEMPERATURES


def refine(unit: str, span: Span) -> str:
    """The unit as the words after the number finish it: "150 km/h" and "50 miles per
    hour" are speeds, "40 degrees Celsius" and "104 degrees Fahrenheit" temperatures (a
    plain "degrees" stays as it was)."""
    doc = span.doc
    # "150" then "km/h": the unit noun itself may follow a bare number's entity.
    after = _words_after(span, lambda lemma: canonical(lemma) == canonical(unit))[1]
    inside = [t.lower_ for t in span]
    if unit == "degree" and after and after[0] in ("celsius", "centigrade", "fahrenheit"):
        return canonical(after[0])
    power = next((w for w in inside if w in POWERS), "")
    if power and SIZES.get(canonical(unit), ("",))[0] == "length":
        # "12 square kilometres" is an area, "5 cubic kilometres" a volume, not a length
        return f"{POWERS[power]} {canonical(unit)}"
    if "nautical" in inside and canonical(unit) == "mile":
        return "nautical mile"  # 1,852 m, not 1,609
    if canonical(unit) == "point" and "basis" in [t.lower_ for t in doc[span.start : span.end + 2]]:
        return "basis point"  # "25 basis points", "25 bp" left as it is
    if unit == "hour" and len(inside) >= 3 and (inside[-2], "hour") in PER_HOUR:
        base = canonical(doc[span.end - 3].lemma_.lower())  # "50 miles per hour"
        return f"{base}/h" if SIZES.get(base, ("",))[0] == "length" else unit
    base = canonical(unit)
    # "130 km/h." at a sentence's end: spaCy takes "/h." into the entity, with its stop
    ending = tuple(w.rstrip(".") for w in inside[-2:])
    if SIZES.get(base, ("",))[0] == "length" and (after in PER_HOUR or ending in PER_HOUR):
        return f"{base}/h"
    return base


def _words_after(span: Span, names_unit: Callable[[str], bool]) -> tuple[int, tuple[str, ...]]:
    """The two words after a number's entity, past a unit word spaCy left outside it
    (``names_unit`` of its lemma), and whether there was one (1 or 0)."""
    toks = span.doc[span.end : span.end + 3]
    n = 1 if len(toks) and names_unit(toks[0].lemma_.lower()) else 0
    return n, tuple(t.lower_ for t in toks[n : n + 2])


def unit_words_after(span: Span) -> int:
    """How many words after the number's entity belong to its unit ("/h" of "150 km/h",
    "Fahrenheit" of "104 degrees Fahrenheit"), so that reports show the whole value."""
    # "150" then "km/h": spaCy left the unit outside a bare number
    n, after = _words_after(span, lambda lemma: is_unit(lemma) or lemma == "degree")
    if after in PER_HOUR:
        return n + 2
    if after and after[0] in ("celsius", "centigrade", "fahrenheit"):
        return n + 1
    return n


def convert(value: float, unit: str, to: str) -> float | None:
    """``value`` in ``unit`` expressed in ``to``, or None when the two measure different
    things (or either is unknown here)."""
    unit, to = canonical(unit), canonical(to)
    if unit in TEMPERATURES and to in TEMPERATURES:
        if unit == to:
            return value
        return value * 9 / 5 + 32 if to == "f" else (value - 32) * 5 / 9
    a, b = SIZES.get(unit) or PERIODS.get(unit), SIZES.get(to) or PERIODS.get(to)
    if a is None or b is None or a[0] != b[0]:
        return None
    return value * a[1] / b[1]
