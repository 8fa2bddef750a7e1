"""Unicode clean-up that makes the same words tokenize the same way.

Invisible characters, which change tokens without changing what a reader sees, are removed:
Unicode's Default_Ignorable_Code_Point set (zero-width spaces and joiners, bidi marks and
embedding controls, invisible operators, tag characters, variation selectors, Hangul
fillers), taken from the ``regex`` module's Unicode tables rather than a hand list that
misses the next one (Hangul fillers typed for spaces become spaces). NFKC then folds
compatibility forms (full-width letters, ligatures), accents put there only to change
tokens are taken off, look-alike letters inside Latin words are folded to Latin, prose
typed in capitals or Title Case gets sentence case back (:mod:`newsprobe.normalize.case`),
words split by a hyphen are joined and a text typo'd word after word has its
misspellings repaired (:mod:`newsprobe.normalize.spelling`), and text stored backwards
behind a right-to-left override is turned round. Each trick is counted: in news text they
are a signal in their own right. Sentences that a scrape glued together ("generated.It has") get
their space back, and compounds that a machine translation spaced ("45 -year -old") their
hyphen, so that the model reads what a reader reads.
"""

from __future__ import annotations

import re
import unicodedata

import regex

from newsprobe.normalize.case import restore_case
from newsprobe.normalize.homoglyphs import SMALL_CAPITALS, fold_homoglyphs
from newsprobe.normalize.spelling import join_split_words, repair_misspellings

_INVISIBLE = regex.compile(r"\p{Default_Ignorable_Code_Point}")
# How emoji are written (a joiner between pictographs, a presentation selector after one):
# removed like any invisible character, but not counted as a trick.
_EMOJI_GLUE = regex.compile(
    r"(?<=\p{Extended_Pictographic}[\p{Emoji_Modifier}\ufe0f]?)[\u200d\ufe0e\ufe0f]"
)
# C0/C1 control characters other than tab and newline: never part of a story, and they
# break XML-based parsers downstream.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: Half of a UTF-16 pair with no other half ("\\ud800" in JSON): no character at all, and
#: no tokenizer encodes it; read as the replacement character, as a bad byte is.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = str.maketrans({"\r": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"})
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*(\n\s*)+")
# Sentences glued where a scrape dropped the paragraph break ("generated.It has"): a
# space goes back after a word's end mark ("in 2001.He", "season.**The", "(£55,000).But")
# when a capitalised word follows, or "A"/"I" ("month.A spokeswoman"). Two lower-case
# letters or digits before the mark keep abbreviations ("U.S.A", "Mr.Smith", "e.g.The",
# "No.1") as written.
_GLUED = regex.compile(
    r"(?<=(?:\p{Ll}{2}|\d{2})[)\]]?[.!?][\"”’)]?(?:\*\*)?)(?<!\bwww\.)"
    r"(?=\p{Lu}\p{Ll}|[AI] )"
)
# A compound's hyphen with a space before it ("45 -year -old", "awe -inspiring"): what a
# round trip through machine translation leaves (60% of DetectRL's back-translated texts,
# none of its 1,000 BBC human ones, 0-0.5% of other human text, mostly a dash typed
# without its second space). A negative number ("-12C") keeps its sign.
_SPACED_HYPHEN = regex.compile(r"(?<=\w) -(?=\p{Ll})")
#: Spaced hyphens, from this many, mark a text that went through machine translation: 34%
#: of DetectRL's back-translated texts have two or more, 4 of 12,707 human texts (none of
#: 2,207 human news articles) and 0 of 22,754 other machine texts in ../shared/data.
TRANSLATION_MIN = 2
# A bold headline run into its story ("**Matfield joins Saints**Northampton have...") gets
# its own line back, so that it is a sentence of its own.
_GLUED_HEADLINE = regex.compile(r"(?m)^(\*\*[^*\n]{3,300}\*\*)(?=\p{Lu})")


# Hangul fillers are invisible, but typed for spaces they glue the words when removed.
_BLANK_LETTERS = re.compile("[\u115f\u1160\u3164\uffa0]")
# Soft hyphens: a publishing system's hyphenation points, removed but no trick.
_SOFT_HYPHEN = "\u00ad"
# Letters NFKC folds that nobody types in news: full-width and mathematical alphanumerics.
_STYLED_LETTERS = regex.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\U0001d400-\U0001d7ff]")
# Accents of words spelled with them in English news ("café", "Zürich", "São Paulo");
# any other mark on a Latin letter (a dot below, a ring above a consonant) is a trick.
_COMMON_MARKS = frozenset(
    "\u0300\u0301\u0302\u0303\u0304\u0306\u0308\u030a\u030b\u030c\u0327\u0328"
)
_WORD = regex.compile(r"[\p{L}\p{M}]+")
#: A word this common (wordfreq's Zipf scale) is not written with accents in English.
COMMON_WORD_ZIPF = 5.0


# Right-to-left override (U+202E) up to the next bidi control (its pop, U+202C, or an
# isolate's end, U+2069) or the paragraph's end: a browser lays the run out right to
# left, so Latin text stored backwards (".sgnineercs gnirud") reads forwards to a person
# and backwards to the model. The run is turned round, with its brackets mirrored as a
# browser mirrors them; a run with Hebrew or Arabic letters in it is left as stored.
_OVERRIDDEN = re.compile("\u202e([^\u202a-\u202e\u2066-\u2069\n]*)")
# Hebrew or Arabic letters under an override are already in the order they are read.
_RIGHT_TO_LEFT = regex.compile(r"[\p{Bidi_Class=R}\p{Bidi_Class=AL}]")
_MIRRORED = str.maketrans("()[]{}<>«»", ")(][}{><»«")


def turn_overridden(text: str) -> str:
    """``text`` with each right-to-left override's run in the order a reader sees it."""
    if "\u202e" not in text:
        return text

    def turned(m: re.Match[str]) -> str:
        run = m.group(1)
        if _RIGHT_TO_LEFT.search(run):
            return m.group()
        return "\u202e" + run[::-1].translate(_MIRRORED)

    return _OVERRIDDEN.sub(turned, text)


def remove_invisible(text: str) -> tuple[str, int]:
    """``text`` without invisible characters, and how many were tricks (emoji glue and
    soft hyphens are not)."""
    text, blanks = _BLANK_LETTERS.subn(" ", _EMOJI_GLUE.sub("", text))
    soft = text.count(_SOFT_HYPHEN)
    text, n = _INVISIBLE.subn("", text)
    return text, n - soft + blanks


def strip_marks(text: str) -> tuple[str, int]:
    """``text`` without the accents that only change tokens: every mark on an English
    word ("thé", "gọvernment"), and the marks news does not use on any Latin word (a dot
    below); names keep theirs ("café", "Zürich"). Counted where the word is a dictionary
    word: one percent of letters given a dot below had turned a machine article human."""
    if text.isascii():
        return text, 0
    from wordfreq import zipf_frequency

    count = 0

    def bare(m: regex.Match[str]) -> str:
        nonlocal count
        word = m.group(0)
        marks = [c for c in word if unicodedata.combining(c)]
        plain = "".join(c for c in word if not unicodedata.combining(c))
        if not marks or not plain.isascii():
            return word
        # "Â" alone is mojibake ("Â£5", a pound sign read in the wrong code page), not "A".
        common = len(plain) > 1 and zipf_frequency(plain.lower(), "en") >= COMMON_WORD_ZIPF
        if not common and all(c in _COMMON_MARKS for c in marks):
            return word
        count += len(marks) if common else 0
        return plain

    out = _WORD.sub(bare, unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", out), count


def normalize_text(text: str, findings: dict[str, int] | None = None) -> str:
    """Clean ``text``; counts of the evasion tricks removed go into ``findings``."""
    text = LONE_SURROGATE.sub("\ufffd", text)
    text = turn_overridden(text.replace("\r\n", "\n").translate(_LINE_BREAKS))
    # Invisible characters go before NFKC, so that a letter and its accent split by a
    # zero-width space compose like the plain word; and again after, for the few that NFKC
    # itself produces (U+3164 HANGUL FILLER becomes U+1160).
    text, invisible = remove_invisible(text)
    styled = len(_STYLED_LETTERS.findall(text))
    plain = text.translate(SMALL_CAPITALS)  # letter for letter
    styled += sum(a != b for a, b in zip(text, plain, strict=True))
    text = plain
    text = CONTROL.sub("", unicodedata.normalize("NFKC", text))
    text, more = remove_invisible(text)
    text, marks = strip_marks(text)
    text, homoglyphs = fold_homoglyphs(text)
    homoglyphs += styled + marks  # letters made to look like others: one kind of trick
    text, recased = restore_case(text)
    text, split_words = join_split_words(text)
    # After folding, so that a word typo'd with a Cyrillic letter is repaired as well.
    text, misspellings = repair_misspellings(text)
    text = _GLUED_HEADLINE.sub("\\1\n", text)
    text = _SPACES.sub(" ", _GLUED.sub(" ", text))
    text, spaced_hyphens = _SPACED_HYPHEN.subn("-", text)
    if findings is not None:
        # Added to, not set: a headline normalized after its story must not wipe the
        # story's counts (every HTML page, Markdown heading and PDF title had done so).
        counts = {
            "invisible_characters": invisible + more,
            "homoglyphs": homoglyphs,
            "misspellings": misspellings,
            "recased_words": recased,
            "split_words": split_words,
            "spaced_hyphens": spaced_hyphens,
        }
        for kind, n in counts.items():
            findings[kind] = findings.get(kind, 0) + n
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()
