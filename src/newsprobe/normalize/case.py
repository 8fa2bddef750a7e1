"""Sentence case back for prose written in capitals, in Title Case or in aLtErNaTiNg case.

A story typed IN CAPITALS or With Every Word Capitalised reads the same to a person but
not to the language model, which has seen such text mostly in headlines and shouting: a
red-team's capitalised machine stories dropped from 0.99 to 0.25-0.67. DetectRL machine
news in capitals was flagged 12 of 25 times against 23 of 25 as written; given sentence
case back, 18 of 25 (in Chicago's Title Case, 20); LLMFake's: 1 of 25 against 10, and 8
back (Title Case 7). Human news, 50 articles, stayed unflagged either way.

A paragraph is recased whole where most of its words are written so (:data:`CASE_SHARE`;
a paragraph, not a line, so that capitals hard-wrapped at 90 columns count as one), and
a sentence of capitals inside another paragraph on its own (two sentences of three in
capitals had stayed under the paragraph's share). Headlines, menus and shouted words stay
as written: fewer than :data:`MIN_WORDS` words, or :data:`SENTENCE_WORDS` for a sentence.
Title Case is told from a list of names or titles by the words of prose ("is", "said",
"they"), capitalised mid-sentence where prose has them in lower case (Chicago's Title
Case too, which leaves articles and prepositions in lower case). Which words were names
is lost with the case: a word stays capitalised where it is not a common English word
(wordfreq) or is a country, a month or a weekday, and a short rare one written in
capitals stays an acronym ("AMC", "NATO", "US").
"""

from __future__ import annotations

import calendar
import functools

import regex

from newsprobe.normalize.spelling import HYPHENS, word_zipf

#: A paragraph shorter than this is a headline or a line of a menu, left as written.
MIN_WORDS = 20
#: A sentence of capitals inside a paragraph of other case, from this many words.
SENTENCE_WORDS = 8
#: Share of a paragraph's words in capitals, or of its words of prose capitalised mid-
#: sentence, from which it was written in that case.
CASE_SHARE = 0.8
#: Share of words in neither lower, upper nor Title case ("tHiS") that is a trick.
ODD_SHARE = 0.5
#: A word at least this common (wordfreq's Zipf scale) is an English word, not a name.
COMMON_ZIPF = 3.0
#: Words prose has in lower case mid-sentence and a list of names or titles seldom has:
#: in Title Case (Chicago's too, which leaves articles and prepositions in lower case)
#: they are capitalised.
_PROSE_WORDS = frozenset(
    ["is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could",
     "should", "it", "he", "she", "they", "we", "his", "her", "their", "its", "our", "that",
     "this", "which", "who", "said", "says", "not", "be", "been", "there", "when", "what"]
)  # fmt: skip
#: A word in capitals up to this long and rarer than :data:`ACRONYM_ZIPF` stays an acronym
#: ("AMC", "NATO", "BBC", "FBI"; not "ARMY", "WAR").
ACRONYM_LETTERS = 4
ACRONYM_ZIPF = 4.7

_WORD = regex.compile(r"\p{L}[\p{L}'’]*")
_SENTENCE_START = regex.compile(r"(?:[.!?:][\"“”'’)\]]*|(?:^|\s)[\"“(]) $")
_PARAGRAPH = regex.compile(r"\n\s*\n")
_SENTENCE = regex.compile(r"[^.!?\n]+(?:[.!?]+[\"”’)]*|$)")


@functools.cache
def _names() -> frozenset[str]:
    from newsprobe.claims.aliases import GROUPS

    days = {d.lower() for d in calendar.day_name}
    # Months but "may" and "march", which are words far more often than months.
    months = {m.lower() for m in calendar.month_name[1:]} - {"may", "march"}
    return frozenset(n for g in GROUPS for n in g if " " not in n) | days | months


def _starts_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens a sentence: the text's first, after an end mark
    (and its closing quote), an opening quote or a blank line; not after a line break
    inside a paragraph, which may be a wrap."""
    before = text[:at].rstrip()
    if not before or "\n\n" in text[len(before) : at].replace(" ", ""):
        return True
    return bool(_SENTENCE_START.search(before[-3:] + " "))


def _in_capitals(words: list[str]) -> bool:
    lettered = [w for w in words if len(w) > 1]
    return bool(lettered) and sum(w.isupper() for w in lettered) >= CASE_SHARE * len(lettered)


def _written_in_case(text: str, words: list[regex.Match[str]]) -> bool:
    if len(words) < MIN_WORDS:
        return False
    written = [m.group() for m in words]
    if _in_capitals(written):
        return True
    odd = [w for w in written if len(w) > 1 and not (w.islower() or w.isupper() or w.istitle())]
    if len(odd) >= ODD_SHARE * len(written):
        return True
    prose = [
        m.group()
        for m in words
        if m.group().lower() in _PROSE_WORDS and not _starts_sentence(text, m.start())
    ]
    return len(prose) >= MIN_WORDS // 4 and sum(w[0].isupper() for w in prose) >= (
        CASE_SHARE * len(prose)
    )


def _recased(word: str, first: bool) -> str:
    lower = word.lower()
    if len(lower) != len(word):  # a letter whose case changes its length ("İ")
        return word
    zipf = word_zipf(lower)
    short_capitals = word.isupper() and len(word) <= ACRONYM_LETTERS
    if short_capitals and (zipf < ACRONYM_ZIPF or lower in _names()):  # "US", "UK", "EU"
        return word
    if lower == "i" or (lower in _names() and len(lower) > 3):  # "Us" is no name
        return lower.capitalize()
    return lower if zipf >= COMMON_ZIPF and not first else lower.capitalize()


def _recase_words(text: str, words: list[regex.Match[str]], offset: int = 0) -> tuple[str, int]:
    """``text`` with ``words`` (matches in ``text``, or in a span of it from ``offset``)
    recased, and how many changed."""
    parts: list[str] = []
    pos = changed = 0
    before = ""  # the word before, when this one follows it after a hyphen
    for m in words:
        start, end = m.start() + offset, m.end() + offset
        new = _recased(m.group(), _starts_sentence(text, start))
        if before and text[start - 1] in HYPHENS and word_zipf(before + new.lower()) >= COMMON_ZIPF:
            new = new.lower()  # "Stun-Ning": the rest of one word split, not a name
        before = m.group().lower() if end < len(text) and text[end] in HYPHENS else ""
        changed += new != m.group()
        parts += [text[pos:start], new]
        pos = end
    parts.append(text[pos:])
    return "".join(parts), changed


def restore_case(text: str) -> tuple[str, int]:
    """``text`` with its paragraphs in capitals, Title Case or odd case, and its
    sentences in capitals, given sentence case, and how many words changed. Letter for
    letter: offsets into the text stay the same."""
    changed = 0
    out: list[str] = []
    pos = 0
    bounds = [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]
    for end in bounds:
        para = text[pos:end]
        words = list(_WORD.finditer(para))
        if _written_in_case(para, words):
            para, n = _recase_words(para, words)
            changed += n
        else:
            for s in _SENTENCE.finditer(para):
                inside = list(_WORD.finditer(s.group()))
                if len(inside) >= SENTENCE_WORDS and _in_capitals([m.group() for m in inside]):
                    para, n = _recase_words(para, inside, s.start())
                    changed += n
        out.append(para)
        pos = end
    return "".join(out), changed
