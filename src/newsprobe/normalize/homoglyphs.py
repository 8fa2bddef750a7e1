"""Folding look-alike letters (Cyrillic "о", Greek "ο", ...) back to Latin inside Latin words.

The table is built from the Unicode confusables data that ``confusable-homoglyphs`` ships
(``confusables.json``), keeping each character whose only confusable is one ASCII letter or
digit. Words that already contain ASCII letters are folded; so are words made only of
look-alikes ("аѕ" in Cyrillic) when the text around them is mostly Latin, since an attack
that swaps half the letters leaves many short words with no Latin letter at all. A Russian
or Greek article is left as it is (its words are not all look-alikes, and its letters are
not mostly Latin); a Latin word with a swapped-in Cyrillic letter is an evasion trick.
"""

from __future__ import annotations

import functools
import json
import re
from importlib.resources import files

_WORD = re.compile(r"\w+")
#: Share of ASCII among a text's letters above which it counts as Latin-script text.
LATIN_SHARE = 0.5
#: Look-alikes the confusables data maps to no ASCII letter, found by a red-team
#: (2026-12-06): Greek epsilon in place of "e" turned four machine stories human, and
#: Unicode's lunate sigma, which the table maps to "c", reaches it after NFKC as a final
#: sigma.
EXTRA_LOOKALIKES = {"ε": "e", "ϵ": "e", "ς": "c"}
#: Latin small capitals ("ᴀʙᴄ"): a styled alphabet, folded wherever they stand, as NFKC
#: folds full-width letters; only some of them are in the confusables data.
SMALL_CAPITALS = str.maketrans(
    dict(zip("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", "abcdefghijklmnoprstuvwyz", strict=True))
)
#: Letters of other Latin alphabets, folded but not counted as a trick: Turkish dotless
#: "ı" is how "Kılıçdaroğlu" is spelled.
_SPELLED = frozenset("ı")


@functools.cache
def fold_table() -> dict[str, str]:
    data = json.loads(
        files("confusable_homoglyphs").joinpath("confusables.json").read_text(encoding="utf-8")
    )
    table: dict[str, str] = {}
    for char, glyphs in data.items():
        if len(char) != 1 or char.isascii():
            continue
        latin = [
            g["c"] for g in glyphs if len(g["c"]) == 1 and g["c"].isascii() and g["c"].isalnum()
        ]
        if len(latin) == 1:
            table[char] = latin[0]
    return table | EXTRA_LOOKALIKES


def fold_homoglyphs(text: str) -> tuple[str, int]:
    """``text`` with look-alikes in Latin words replaced, and how many were replaced."""
    table = fold_table()
    count = 0
    letters = [c for c in text if c.isalpha()]
    ascii_letters = sum(c.isascii() for c in letters)
    latin_text = bool(letters) and ascii_letters >= LATIN_SHARE * len(letters)

    def fold(match: re.Match[str]) -> str:
        nonlocal count
        word = match.group(0)
        if word.isascii():
            return word
        if len(word) == 1 and "-" in text[max(0, match.start() - 1) : match.end() + 1]:
            return word  # a scientist's Greek letter: "α-synuclein", "γ-ray"
        has_latin = any(c.isascii() and c.isalpha() for c in word)
        all_lookalikes = all(c in table or c.isdigit() for c in word)
        if not has_latin and not (latin_text and all_lookalikes):
            return word
        out: list[str] = []
        for c in word:
            repl = table.get(c)
            if repl is None:
                out.append(c)
                continue
            count += c not in _SPELLED
            # Unicode's prototype for the I/l/1 class is "l"; a capital look-alike (Greek
            # Iota, Cyrillic I) stands for "I" unless it follows a small letter ("heΙΙo").
            if repl == "l" and c.isupper() and not (out and out[-1].islower()):
                repl = "I"
            out.append(repl)
        return "".join(out)

    return _WORD.sub(fold, text), count
