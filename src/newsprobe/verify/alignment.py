"""A claim lined up with its source sentence word for word, where one restates the other.

A content farm rewrites a wire story sentence by sentence and changes a word here and
there: "Myanmar, a South Asian nation ..." for "a Southeast Asian nation", "northwest of
the city of Mandalay" for "of Sagaing", "a depth of 10 miles" for "10 kilometres". The
checks that compare values by kind cannot tell which of a sentence's two distances or
places the claim's one restates, nor can the relevance gate see that a name missing from
the source stands where the source names another. Lined up word for word (difflib's
longest matching blocks, as ``diff`` does), the words around the change say it: what the
claim says in a slot, the source says otherwise in the same slot.

A slot is trusted only between unchanged words on both sides (or at the sentence's start
or end, with unchanged words on the other side), so a loose paraphrase lines nothing up.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsprobe.claims.model import ClaimParts, Entity, Quantity

#: Unchanged words needed around a slot, some on each side (or at a sentence's edge, on
#: the other): among the ``WINDOW`` words on each side, in the same places in both.
CONTEXT = 3
WINDOW = 3

#: Labels that may name the same kind of thing: spaCy calls one city a GPE and another a
#: FAC. Not a people's adjective ("the Lebanese capital" is Beirut, "Malta-flagged" is
#: "Maltese-flagged"), and not a body: "the Pentagon" is the Defense Department,
#: "Scotland Yard" the Metropolitan Police, which no list of names can hold.
_PLACES = frozenset({"GPE", "LOC", "FAC"})
SWAPPED = frozenset({"GPE", "LOC", "FAC", "NORP", "PERSON"})
#: A body named by its letters: two in the same words are two bodies ("of the ACV
#: transport union" for "of the BTB transport union").
ACRONYM = re.compile(r"[A-Z]{2,6}")


class Alignment:
    """The word-for-word correspondence of a claim's sentence and a source's."""

    def __init__(self, claim: ClaimParts, source: ClaimParts) -> None:
        self.claim, self.source = claim, source
        matcher = SequenceMatcher(
            None, [w for w, _ in claim.words], [w for w, _ in source.words], autojunk=False
        )
        self.ops = matcher.get_opcodes()
        # Each unchanged word of the claim: where the source has it.
        self._same = {
            i: j1 + i - i1 for op, i1, i2, j1, _ in self.ops if op == "equal" for i in range(i1, i2)
        }

    def counterpart(self, start: int, end: int, led: bool = False) -> tuple[int, int] | None:
        """The source's character range in the slot of the claim's ``start:end``, or None
        when those words are not lined up between unchanged ones (``led``: or after
        ``WINDOW`` unchanged ones, whatever follows)."""
        idx = [i for i, (_, at) in enumerate(self.claim.words) if start <= at < end]
        if not idx:
            return None
        first, last = idx[0], idx[-1]
        slots = []
        for op, i1, i2, j1, j2 in self.ops:
            if i2 <= first or i1 > last:
                continue
            if op == "equal":
                slots.append((j1 + max(first, i1) - i1, j1 + min(last + 1, i2) - i1))
            elif op == "replace" and first <= i1 and i2 <= last + 1:
                slots.append((j1, j2))
            else:
                # Words the source lacks inside the slot, or a change running past it
                # ("from the San Lorenzo copper mine" for "trapped in Atacama copper mine")
                return None
        lo, hi = slots[0][0], slots[-1][1]
        if lo >= hi:
            return None
        before = self._context(range(first - WINDOW, first), range(lo - WINDOW, lo))
        after = self._context(range(last + 1, last + 1 + WINDOW), range(hi, hi + WINDOW))
        edge = first == 0 or last == len(self.claim.words) - 1
        if before + after < CONTEXT or not (
            (before and after) or edge or (led and before == WINDOW)
        ):
            return None
        word, at = self.source.words[hi - 1]
        return self.source.words[lo][1], at + len(word)

    def _context(self, mine: range, theirs: range) -> int:
        """How many of the claim's words at ``mine`` (beside a slot) the source has at
        ``theirs`` (beside its slot): "4,000 patients in 2023" lined up with the source's
        "4,000 patients in 2022" is no slot when the claim's "clinic treated" stands
        elsewhere in the source; "the mine sits 40 miles" is one for "the mine lies 40
        kilometres"."""
        return sum(1 for i in mine if self._same.get(i, -1) in theirs)

    def name_swaps(self) -> list[tuple[Entity, Entity]]:
        """(the claim's name, the source's) for each name the claim puts where the source
        names another of its kind: "South Asian" where it says "Southeast Asian"."""
        found = []
        for e in self.claim.entities:
            slot = self.counterpart(e.start, e.end)
            if slot is None:
                continue
            for s in self.source.entities:
                if s.start < slot[1] and slot[0] < s.end and _same_kind(e, s):
                    if not one_name(e, s):
                        found.append((e, s))
                    break
        return found

    def quantity_in_slot(self, q: Quantity) -> Quantity | None:
        """The source's quantity in the slot of the claim's ``q``: "10 kilometres" for
        "a depth of 10 miles", not the "16 kilometres" of the epicentre's distance. The
        words before a value may say alone what it is: "imposed a fine of $520,000 on
        Talbot" for "ordered Talbot to pay a fine of $250,000 and to forfeit ..."."""
        slot = self.counterpart(q.start, q.end, led=True)
        if slot is None:
            return None
        return next(
            (s for s in self.source.quantities if s.start < slot[1] and slot[0] < s.end), None
        )


def _same_kind(a: Entity, b: Entity) -> bool:
    if a.label == b.label == "ORG":
        return _one_word_apart(a, b) or bool(
            ACRONYM.fullmatch(a.text) and ACRONYM.fullmatch(b.text)
        )
    if a.label not in SWAPPED or b.label not in SWAPPED:
        return False
    if {a.label, b.label} <= _PLACES | {"PERSON"} and " " not in a.text + b.text:
        # One word, read as a person in one sentence ("after Rotterdam" for "after
        # Hamburg"); not one name spelled two ways ("Zaporozhye", "Zaporizhzhia").
        return a.text[:3].lower() != b.text[:3].lower()
    return a.label == b.label or {a.label, b.label} <= _PLACES


def _one_word_apart(a: Entity, b: Entity) -> bool:
    """Whether two bodies' names are one pattern with one word changed: "the Department of
    Justice" and "the Department of Transportation" are two departments, where "the
    Pentagon" and "the Defense Department" may well be one (bodies are otherwise not
    compared: they go by too many names)."""
    x, y = _letters(a.text), _letters(b.text)
    return len(x) == len(y) >= 3 and sum(u != v for u, v in zip(x, y, strict=True)) == 1


def one_name(a: Entity, b: Entity) -> bool:
    """Whether two names can name one thing, written two ways: the same letters but for
    accents, spaces and a short form ("Erdogan", "Erdoğan"; "CO2", "CO 2"; "St. Louis",
    "Saint Louis"), a word a letter or two apart ("Zelenskiy", "Zelenskyy"), the same
    words around initials ("the UN General Assembly", "the United Nations General
    Assembly"), one inside the other, or a person's surname ("Joe Biden", "Joseph R.
    Biden Jr.")."""
    x, y = _letters(a.text), _letters(b.text)
    if "".join(x) == "".join(y) or " ".join(x) in " ".join(y) or " ".join(y) in " ".join(x):
        return True
    if "PERSON" in (a.label, b.label) and x and y and (x[-1] in y or y[-1] in x):
        return True  # "Biden" before "Jr."
    mine, theirs = [w for w in x if w not in y], [w for w in y if w not in x]
    if len(mine) < len(x) and _initials(mine, theirs):
        return True
    return len(x) == len(y) and all(
        u == v or _edits(u, v) <= 2 < min(len(u), len(v)) for u, v in zip(x, y, strict=True)
    )


def _initials(mine: list[str], theirs: list[str]) -> bool:
    """Whether one side's words are the other's initials ("un", "united nations")."""
    mine_first = "".join(w[0] for w in mine)
    theirs_first = "".join(w[0] for w in theirs)
    return "".join(mine) == theirs_first or "".join(theirs) == mine_first


#: Words a place's name shortens: "St. Petersburg", "Mt. Everest", "Ft. Worth".
_SHORT = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}


def _letters(name: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", name.lower())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return [_SHORT.get(w, w) for w in re.findall(r"\w+", plain) if w != "the"]


def _edits(a: str, b: str) -> int:
    """Levenshtein distance, for names of a word each."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]
