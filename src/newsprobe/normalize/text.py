"""Unicode clean-up that makes the same words tokenize the same way.

NFKC folds compatibility forms (full-width letters, ligatures); zero-width and bidi control
characters, which change tokens without changing what a reader sees, are removed; look-alike
letters inside Latin words are folded to Latin. Each trick is counted: in news text they are
a signal in their own right.
"""

from __future__ import annotations

import re
import unicodedata

from newsprobe.normalize.homoglyphs import fold_homoglyphs

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069]")
# C0/C1 control characters other than tab and newline: never part of a story, and they
# break XML-based parsers downstream.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*(\n\s*)+")


def normalize_text(text: str, findings: dict[str, int] | None = None) -> str:
    """Clean ``text``; counts of the evasion tricks removed go into ``findings``."""
    text = unicodedata.normalize("NFKC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = CONTROL.sub("", text)
    text, invisible = _INVISIBLE.subn("", text)
    text, homoglyphs = fold_homoglyphs(text)
    if findings is not None:
        findings["invisible_characters"] = invisible
        findings["homoglyphs"] = homoglyphs
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()
