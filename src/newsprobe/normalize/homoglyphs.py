"""Folding look-alike letters (Cyrillic "о", Greek "ο", ...) back to Latin inside Latin words.

The table is built from the Unicode confusables data that ``confusable-homoglyphs`` ships
(``confusables.json``), keeping each character whose only confusable is one ASCII letter or
digit. Only words that already contain ASCII letters are folded, so a Russian or Greek
article is left as it is; a Latin word with a swapped-in Cyrillic letter is an evasion trick.
"""

from __future__ import annotations

import functools
import json
import re
from importlib.resources import files

_WORD = re.compile(r"\w+")


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
    return table


def fold_homoglyphs(text: str) -> tuple[str, int]:
    """``text`` with look-alikes in Latin words replaced, and how many were replaced."""
    table = fold_table()
    count = 0

    def fold(match: re.Match[str]) -> str:
        nonlocal count
        word = match.group(0)
        if word.isascii() or not any(c.isascii() and c.isalpha() for c in word):
            return word
        out = []
        for c in word:
            repl = table.get(c)
            if repl is not None:
                count += 1
                out.append(repl)
            else:
                out.append(c)
        return "".join(out)

    return _WORD.sub(fold, text), count
