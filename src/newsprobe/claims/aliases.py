"""Other names of one place or body, so that a claim and a source that name it differently
still meet: "Polish defence minister" against "Poland's defence minister", "US troops"
against "United States troops".

News names a country by its adjective as often as by its name, and a few places and
bodies by their initials; spaCy tags "Polish" NORP and "Poland" GPE, with nothing to join
them. This table holds the countries and bodies of international news, not every
demonym: a name missing here is compared as written, as before.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Each group: names of one thing, lower case (the first is the one it is known by).
GROUPS: tuple[tuple[str, ...], ...] = (
    ("united states", "us", "u.s.", "usa", "u.s.a.", "america", "american", "americans"),
    ("united kingdom", "uk", "u.k.", "britain", "great britain", "british"),
    ("european union", "eu", "e.u."),
    ("united nations", "un", "u.n."),
    ("nato", "north atlantic treaty organization", "the alliance"),
    ("poland", "polish", "pole", "poles"),
    ("germany", "german", "germans"),
    ("france", "french"),
    ("russia", "russian", "russians", "russian federation"),
    ("ukraine", "ukrainian", "ukrainians"),
    ("china", "chinese", "prc"),
    ("japan", "japanese"),
    ("india", "indian", "indians"),
    ("italy", "italian", "italians"),
    ("spain", "spanish"),
    ("sweden", "swedish", "swedes"),
    ("finland", "finnish", "finns"),
    ("norway", "norwegian", "norwegians"),
    ("denmark", "danish", "danes"),
    ("netherlands", "dutch", "holland"),
    ("belgium", "belgian", "belgians"),
    ("hungary", "hungarian", "hungarians"),
    ("czech republic", "czech", "czechia", "czechs"),
    ("slovakia", "slovak", "slovakian"),
    ("romania", "romanian", "romanians"),
    ("bulgaria", "bulgarian", "bulgarians"),
    ("greece", "greek", "greeks"),
    ("turkey", "turkish", "türkiye"),
    ("estonia", "estonian", "estonians"),
    ("latvia", "latvian", "latvians"),
    ("lithuania", "lithuanian", "lithuanians"),
    ("belarus", "belarusian", "belarusians"),
    ("israel", "israeli", "israelis"),
    ("iran", "iranian", "iranians"),
    ("canada", "canadian", "canadians"),
    ("mexico", "mexican", "mexicans"),
    ("brazil", "brazilian", "brazilians"),
    ("australia", "australian", "australians"),
    ("ireland", "irish"),
    ("scotland", "scottish", "scots"),
    ("wales", "welsh"),
    ("england", "english"),
    ("switzerland", "swiss"),
    ("austria", "austrian", "austrians"),
    ("portugal", "portuguese"),
    ("myanmar", "burma"),
    # Cities renamed, which news still writes both ways.
    ("mumbai", "bombay"),
    ("ho chi minh city", "saigon"),
    ("chennai", "madras"),
    ("kolkata", "calcutta"),
    ("yangon", "rangoon"),
    ("beijing", "peking"),
    ("kyiv", "kiev"),
    ("south korea", "south korean", "south koreans"),
    ("north korea", "north korean", "north koreans"),
)
#: Common nouns news writes two ways, read as names are: not names, so a story typed in
#: capitals does not get them back capitalised (``normalize.case`` reads ``GROUPS``).
COMMON_GROUPS: tuple[tuple[str, ...], ...] = (
    # As lemmas: "MPs" and "lawmakers" are one actor,
    # "his attorney" his lawyer, "jurors" the jury, "sales" revenue, "the pact" the
    # agreement, "the blaze" the fire, "sterling" the pound, "the jobless rate" unemployment.
    ("lawmaker", "mp", "legislator"),
    ("lawyer", "attorney"),
    ("jury", "juror"),
    ("revenue", "sale", "turnover"),
    ("agreement", "pact", "treaty", "accord", "deal"),
    ("fire", "wildfire", "blaze"),
    ("sterling", "pound"),
    ("unemployment", "jobless", "joblessness"),
    # Who acts, as a second reference names it: "the airline" is the story's "carrier",
    # "the jet" its "aircraft", "the trial" its "study".
    ("airline", "carrier"),
    ("plane", "aircraft", "jet", "airliner"),
    ("ship", "vessel"),
    ("company", "firm"),
    ("drugmaker", "pharmaceutical company", "drug company"),
    ("carmaker", "automaker"),
    ("trial", "study"),
    ("hurricane", "storm", "cyclone", "typhoon"),
    ("rescuer", "rescue team", "rescue worker"),
    ("regulator", "watchdog"),
)


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    return {name: group for group in (*GROUPS, *COMMON_GROUPS) for name in group}


def names_for(name: str) -> tuple[str, ...]:
    """``name`` and its other names (lower case), or just ``name`` when it has none."""
    key = name.lower().strip().removeprefix("the ")
    return _index().get(key, (key,))


def named_in(name: str, text: str) -> bool:
    """Whether ``text`` (lower case) names ``name`` by any of its names, as whole words:
    "us" is not found inside "bus", nor "un" inside "under"."""
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in names_for(name))


def lemma_named(term: str, lemmas: set[str]) -> bool:
    """Whether a claim's term (a lemma) is named among a sentence's lemmas by another of
    its names: "polish" by "poland"; a name of several words by all of them."""
    return any(set(n.split()) <= lemmas for n in names_for(term) if n != term)


#: Capitals that news names for their country's government ("Moscow said ...").
CAPITALS = {
    "moscow": "russia", "washington": "united states", "beijing": "china", "kyiv": "ukraine",
    "kiev": "ukraine", "london": "united kingdom", "paris": "france", "berlin": "germany",
    "warsaw": "poland", "tokyo": "japan", "brussels": "belgium", "rome": "italy",
    "madrid": "spain", "ankara": "turkey", "tehran": "iran", "jerusalem": "israel",
    "minsk": "belarus", "stockholm": "sweden", "helsinki": "finland", "ottawa": "canada",
    "canberra": "australia", "new delhi": "india", "seoul": "south korea",
    "pyongyang": "north korea",
}  # fmt: skip


def capital_of(name: str) -> str:
    """The country a capital stands for ("moscow" -> "russia"), or ``name`` itself."""
    key = name.lower().strip()
    return CAPITALS.get(key, key)


_LINK_WORDS = ("of", "the", "and", "for", "on")


def initials_of(short: str, name: str) -> bool:
    """Whether ``short`` is the initials of ``name`` ("who", "world health organization"),
    both lower case."""
    words = [w for w in re.findall(r"\w+", name) if w not in _LINK_WORDS]
    return len(words) > 1 and " " not in short and short == "".join(w[0] for w in words)


def acronym_in(acronym: str, text: str) -> bool:
    """Whether ``text`` spells out ``acronym`` ("WHO" in "the World Health Organization
    declared"): capitalised words, "of"/"the"/"and"/"for"/"on" between them allowed,
    whose initials are its letters."""
    letters = acronym.replace(".", "").upper()
    if not 2 <= len(letters) <= 6 or not letters.isalpha():
        return False
    words = re.findall(r"[A-Za-z]+", text)
    for start, word in enumerate(words):
        if word[0] != letters[0] or not word[0].isupper():
            continue
        got, i = "", start
        while i < len(words) and len(got) < len(letters):
            w = words[i]
            if w[0].isupper():
                got += w[0]
            elif w.lower() not in _LINK_WORDS:
                break
            i += 1
        if got == letters:
            return True
    return False


def spelled_out(name: str, text: str) -> bool:
    """Whether ``name`` is an acronym ("WHO") that ``text`` spells out."""
    return name.isupper() and acronym_in(name, text)
