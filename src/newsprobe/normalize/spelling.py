"""Undoing injected misspellings ("artcile", "leavng", "incquest") before scoring.

Character-level attacks (DetectRL's adversarial edits, RAID's misspelling attack) typo a
few words in twenty: each typo costs the language model several surprising tokens, so the
text reads as less predictable, that is more human. Professional copy almost never
misspells (BBC news in ``../shared/data``: 0.26 unknown words per 100 on average, 0.99 at
the 99th percentile, against 5-6 in the attacked texts), so a text with many words that no
English word list knows, each one edit away from a common word, has been typo'd; the
detector then reads it with those words repaired.

Only lower-case (or oddly capitalised: "mourRn", "TVhe") words are touched, never
capitalised names, and only when the text's share of unknown words looks like an attack:
below :data:`MIN_RATE` a typo is left as written, and above :data:`MAX_RATE` the text is
not English prose and nothing is changed. Word frequencies are wordfreq's (Apache-2.0).
"""

from __future__ import annotations

import functools
import string

import regex

#: Unknown words per checked word from which a text counts as typo'd (2 per 100).
MIN_RATE = 0.02
#: Above this share of unknown words the text is not English prose; nothing is repaired.
MAX_RATE = 0.15
#: Fewer checked words than this are too few to tell an attack from one odd word.
MIN_WORDS = 20
#: A repair must be among this many most frequent English words.
VOCABULARY = 30_000

_WORD = regex.compile(r"(?<![\p{L}\p{N}'’-])\p{L}{3,}(?![\p{L}\p{N}'’-])")
_LETTERS = string.ascii_lowercase


@functools.cache
def _ranks() -> dict[str, int]:
    from wordfreq import top_n_list

    return {w: i for i, w in enumerate(top_n_list("en", VOCABULARY))}


@functools.cache
def word_zipf(word: str) -> float:
    """wordfreq's Zipf value of an English word (log10 per billion words; 0 = never seen).

    One cache for the repair here and the detector's word features, which look up the
    same words of the same texts.
    """
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def _checked(word: str) -> bool:
    """Lower-case words and oddly capitalised ones; never names, acronyms or non-ASCII."""
    return word.isascii() and not word.istitle() and not word.isupper()


def _edits(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return deletes | swaps | replaces | inserts


@functools.cache
def best_repair(word: str) -> str | None:
    """The most frequent English word one edit from ``word`` (lower case), if any."""
    ranks = _ranks()
    found = [w for w in _edits(word) if w in ranks and w != word]
    return min(found, key=ranks.__getitem__) if found else None


def repair_misspellings(text: str) -> tuple[str, int]:
    """``text`` with its misspelled words repaired, and how many were, when it looks typo'd."""
    matches = [m for m in _WORD.finditer(text) if _checked(m.group())]
    if len(matches) < MIN_WORDS:
        return text, 0
    unknown = [m for m in matches if word_zipf(m.group().lower()) == 0]
    rate = len(unknown) / len(matches)
    if not MIN_RATE <= rate <= MAX_RATE:
        return text, 0
    parts: list[str] = []
    pos = repaired = 0
    for m in unknown:
        word = m.group()
        fixed = best_repair(word.lower())
        if fixed is None:
            continue
        if word[0].isupper():
            fixed = fixed.capitalize()
        parts += [text[pos : m.start()], fixed]
        pos = m.end()
        repaired += 1
    parts.append(text[pos:])
    return "".join(parts), repaired
