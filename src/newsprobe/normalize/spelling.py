"""Undoing injected misspellings ("artcile", "leavng", "incquest") and words split by a
hyphen ("cont-roversial") before scoring.

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


# A word split by hyphens inside it ("Cont-roversial", "stun-ning", "con-tro-ver-sial",
# "help-ing"): a red-team's machine story so split read 0.15 against 0.99 as written.
# Joined where the whole is a common English word (wordfreq) and a part is none, the last
# part is an ending, or the whole is more common than every part ("loo-king"), so
# compounds keep their hyphen ("long-term", "back-tracked", "sea-son", "on-line"), as do
# prefixes a house style hyphenates before a word ("co-ordinated", "e-mailed", "re-sign";
# not "re-mainder") and letters spelled out ("l-o-n-g", "(b-y)"). 15 of 12,707 human
# texts in ../shared/data have one ("a-mazing", "fund-raiser"), 1 three or more: words a
# PDF's line breaks hyphenated ("archi-tecture", "parame-ters"). The Unicode hyphens
# (U+2010, U+2011) count as hyphens.
#: The hyphens a word may be split by (ASCII, U+2010, U+2011); ``case`` reads them too.
HYPHENS = "-\u2010\u2011"
_H = regex.escape(HYPHENS)
_SPLIT_WORD = regex.compile(
    rf"(?<![\p{{L}}{_H}])\p{{L}}\p{{Ll}}*(?:[{_H}]\p{{Ll}}+)+(?![\p{{L}}{_H}])"
)
_HYPHENS = regex.compile(f"[{_H}]")
#: The joined word must be at least this common (Zipf); a part this common is a word.
SPLIT_WORD_ZIPF = 3.0
#: A two-part split whose whole is this common and whose last part is under
#: ``RARE_END_ZIPF`` is joined, however common its first part is.
COMMON_ZIPF = 4.5
RARE_END_ZIPF = 3.5
#: After a prefix, a part this common is a word a house style hyphenated ("co-ordinated",
#: "anti-depressants"), not a word's remainder ("re-mainder", "ex-perience").
PREFIXED_ZIPF = 2.5
_HYPHENATED_PREFIXES = frozenset(
    ["co", "e", "re", "pre", "anti", "non", "un", "de", "ex", "pro", "semi", "multi", "inter",
     "sub", "mid", "post", "self", "over", "under", "out", "up", "down"]
)  # fmt: skip
#: Endings, words to wordfreq, that are no word of their own after a hyphen ("land-ed").
_ENDINGS = frozenset(["s", "d", "ed", "es", "ly", "ing", "ng", "g", "er", "ers", "al", "en", "y"])


def _split_word(parts: list[str]) -> bool:
    """Whether hyphenated ``parts`` are one word split, not a compound or a prefix."""
    whole = word_zipf("".join(parts).lower())
    if whole < SPLIT_WORD_ZIPF or max(map(len, parts)) < 2:
        return False
    if parts[0].lower() in _HYPHENATED_PREFIXES:
        return word_zipf("".join(parts[1:])) < PREFIXED_ZIPF
    zipfs = [word_zipf(p.lower()) for p in parts]
    # "for-mer", "in-stead": a common word whose last part is rare (a word only as a name
    # or in another language: "mer"), though the first is more common than the whole.
    rare_end = len(parts) == 2 and whole >= COMMON_ZIPF and zipfs[-1] < RARE_END_ZIPF
    return min(zipfs) < SPLIT_WORD_ZIPF or parts[-1] in _ENDINGS or whole >= max(zipfs) or rare_end


def join_split_words(text: str) -> tuple[str, int]:
    """``text`` with the words hyphens split joined again, and how many were."""
    count = 0

    def joined(m: regex.Match[str]) -> str:
        nonlocal count
        parts = _HYPHENS.split(m.group())
        if not _split_word(parts):
            return m.group()
        count += 1
        return "".join(parts)

    return _SPLIT_WORD.sub(joined, text), count
