"""Plain-text input: bytes to a clean ``Article``, with one-line errors for bad input."""

from __future__ import annotations

import codecs
import re
from typing import Any

from newsprobe.article import HEADLINE_CHARS, HEADLINE_WORDS, Article, Removal
from newsprobe.detect.tells import find_tells
from newsprobe.errors import InputError
from newsprobe.ingest.language import detect_language, language_shares
from newsprobe.normalize import normalize_text
from newsprobe.normalize.debris import strip_debris

MAX_BYTES = 20_000_000
_LATIN_PAGES = (
    "cp1250",
    "cp1252",
    "cp1254",
    "cp1257",
    "cp1258",
    "latin_1",
    "iso8859_1",
    "iso8859_2",
    "iso8859_3",
    "iso8859_4",
    "iso8859_9",
    "iso8859_10",
    "iso8859_13",
    "iso8859_14",
    "iso8859_15",
    "iso8859_16",
    "mac_roman",
    "mac_latin2",
    "mac_iceland",
    "mac_turkish",
    "ascii",
    "cp437",
    "cp850",
    "cp858",
    "utf_8",
)


#: Document formats that can pass for text (a PDF's header and text streams are ASCII; RTF
#: is text under markup): named, so the user knows to extract the article's text first.
_DOCUMENT_SIGNATURES = (
    (b"%PDF-", "a PDF document"),  # a PDF file is read (ingest.pdf); text that is one is not
    (b"{\\rtf", "an RTF document"),
    (b"%!PS", "a PostScript document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt/.epub document)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
)


def _document_kind(data: bytes) -> str | None:
    head = data[:1024].lstrip()[:8]
    return next((kind for sig, kind in _DOCUMENT_SIGNATURES if head.startswith(sig)), None)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > 0.05 * len(head)


def _utf16_without_bom(data: bytes) -> bool:
    """Every other byte zero, as ASCII letters are in UTF-16: "H\0e\0l\0"."""
    head = data[:4096]
    if len(head) < 8:
        return False
    evens, odds = head[0::2], head[1::2]
    return (
        min(evens.count(0), odds.count(0)) == 0
        and max(evens.count(0) / len(evens), odds.count(0) / len(odds)) > 0.9
    )


_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")


def _bom_utf16(data: bytes) -> bool:
    return data.startswith((b"\xff\xfe", b"\xfe\xff"))


def legacy_encoding(data: bytes) -> str:
    """The code page of bytes that are not UTF-8: charset-normalizer's guess when it names
    another script, else Windows-1252 (see ``decode``)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding and best.encoding not in _LATIN_PAGES:
        try:
            codecs.lookup(best.encoding)
            return best.encoding
        except LookupError:
            pass
    return "cp1252"


def decode(data: bytes) -> str:
    """Decode text bytes whatever their encoding.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are certain; anything else is
    guessed by charset-normalizer (legacy code pages such as Windows-1251 or Shift-JIS),
    falling back to Windows-1252, which can decode any byte.
    """
    if data.startswith(_UTF32_BOMS):
        return data.decode("utf-32", errors="replace")
    if _bom_utf16(data):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Among Latin single-byte code pages a short text cannot be told apart; Windows-1252 is
    # by far the most common (and what browsers assume). A guess of another script
    # (Cyrillic, Greek, CJK) is distinctive enough to trust.
    return data.decode(legacy_encoding(data), errors="replace")


def check_bytes(data: bytes, name: str) -> None:
    """Refuse input that cannot be an article: too big, empty or binary."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: larger than {MAX_BYTES // 1_000_000} MB")
    if not data.strip():
        raise InputError(f"{name}: empty input")
    if data.startswith(b"SQLite format 3\x00"):
        # "check a.txt --sources store.sqlite": --sources is a switch, so the store
        # became an input; say what it is and how a store is named.
        raise InputError(f"{name}: a SQLite database, not an article (a source store: --store)")
    if kind := _document_kind(data):
        raise InputError(f"{name}: {kind}, not text or HTML; extract the article's text first")
    if not _bom_utf16(data) and _looks_binary(data):
        if _utf16_without_bom(data):
            raise InputError(
                f"{name}: looks like UTF-16 text without a byte-order mark; save it as UTF-8"
            )
        raise InputError(f"{name}: looks like a binary file, not text")


def article_from_text(
    raw: str,
    name: str = "<text>",
    *,
    title: str | None = None,
    **metadata: str | None,
) -> Article:
    """The one way text becomes an ``Article``: normalize, cut debris, detect the language.

    Evasion findings go to ``meta["evasion"]`` and each cut to ``removed``; ``metadata``
    fills the ``Article`` fields of the same names (url, author, date, site).
    """
    findings: dict[str, int] = {}
    if metadata.get("date") is None and (date := leading_date(raw)[0]):
        metadata["date"] = date
    text = normalize_text(raw, findings)
    if title:
        title = normalize_text(title, findings)
    text, removed = strip_debris(text, title=title)
    if title and text and not text.startswith(title):
        text = f"{title}\n\n{text}"
    title = title or plain_headline(text)
    if not text and removed:  # "x x x ...", a menu: all of it read as page debris
        what = ", ".join(dict.fromkeys(r.reason.replace("_", " ") for r in removed))
        raise InputError(f"{name}: no article text, only what reads as page debris ({what})")
    if not text:
        raise InputError(f"{name}: no text after normalization")
    language, confidence = detect_language(text)
    meta: dict[str, Any] = {"evasion": findings, "language_confidence": round(confidence, 4)}
    if shares := language_shares(text):
        meta["languages"] = shares
    return Article(
        text=text,
        title=title,
        source_path=name,
        language=language,
        removed=removed,
        meta=meta,
        **metadata,
    )


_PUBLISHED = re.compile(r"^(?:published|posted)(?: on)?\s*:?\s*", re.I)


def leading_date(text: str) -> tuple[str | None, str]:
    """The publication date a saved or pasted story opens with on a line of its own
    ("November 25, 2025", "Published: 25 Nov 2025"), as YYYY-MM-DD, and the text under
    it; else ``(None, text)``. Claims read "last year" from it, and the headline is the
    line after it, not the date."""
    from newsprobe.claims.parts import read_date

    head, _, rest = text.lstrip().partition("\n")
    line = _PUBLISHED.sub("", head.strip())
    if not line or len(line) > 40 or not re.search(r"\d", line):
        return None, text
    try:
        date = read_date(line)
    except ValueError:
        return None, text
    return (date, rest.lstrip()) if len(date) == 10 else (None, text)


#: The story under a headline holds at least this many words (else the line is the text).
_STORY_WORDS = 40


def plain_headline(text: str) -> str | None:
    """The headline a plain text opens with: a line of its own, 2-20 words, not ended as
    a sentence is (".", ",", ";", ":"), above a story of 40 words or more. Pages and
    Markdown files name theirs; a pasted story's is found here, so that it is shown as
    the title and the verdict reads the story under it (``Article.body_start``)."""
    head, sep, rest = text.partition("\n\n")
    line = head.strip()
    if not sep or "\n" in line or not line or line[-1] in ".,;:" or line.startswith("By "):
        return None
    if not 2 <= len(line.split()) <= HEADLINE_WORDS or len(line) > HEADLINE_CHARS:
        return None
    if any(c in line for c in "*#|") or find_tells(line):  # a chat reply's markup stays
        return None
    return line if len(rest.split()) >= _STORY_WORDS else None


#: Markdown's markup, to the text a reader of the rendered file sees (as trafilatura gives
#: a page's text without its tags): headings, images, links, bold and italics, block
#: quotes, rules. Lists and paragraphs are text already; tables are cut, and listed, by
#: ``_without_tables``.
_MARKDOWN = (
    (re.compile(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$"), r"\1"),
    (re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"), ""),
    (re.compile(r"\[([^\]\n]+)\]\([^)\s]*(?:\s+\"[^\"\n]*\")?\)"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)([^\n]+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\w])"), r"\1"),
    (re.compile(r"(?m)^[ \t]{0,3}>[ \t]?"), ""),
    (re.compile(r"(?m)^[ \t]{0,3}(?:[-*_][ \t]*){3,}$"), ""),
)


_MD_TITLE = re.compile(r"\A\s*#[ \t]+(.+?)[ \t#]*$", re.M)


def markdown_text(text: str) -> str:
    """A ``.md`` file's text without its markup. Its author chose Markdown, so a line in
    bold is a headline they wrote, not a chat reply pasted raw with its markup (which
    ``detect.tells`` looks for in plain text), and "# Harbour" is not a sentence."""
    for pattern, repl in _MARKDOWN:
        text = pattern.sub(repl, text)
    return _TABLE_ROW.sub(_prose_cells, text)


_TABLE_ROW = re.compile(r"(?m)^[ \t]*\|([^\n]*)\|[ \t]*$")


def _prose_cells(row: re.Match[str]) -> str:
    """A table row whose cells hold prose (one of ten words or more) as its cells'
    paragraphs, read as any text is, so that no story hides in a table; a row of short
    cells stays, for ``_without_tables`` to cut."""
    cells = [c.strip() for c in row.group(1).split("|")]
    if max(len(c.split()) for c in cells) < 10:
        return row.group(0)
    return "\n\n".join(c for c in cells if c)


# A Markdown table's rule ("|---|:--:|") and its rows of short cells: cut as a page's
# tables are, and listed.
_TABLE_RULE = re.compile(r"(?=.*\|)\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")
_SHORT_CELLS = re.compile(r"\|(?:[^|\n]*\|){2,}")


def _without_tables(text: str) -> tuple[str, list[Removal]]:
    kept, cut = [], []
    for line in text.split("\n"):
        if _TABLE_RULE.fullmatch(line.strip()) or _SHORT_CELLS.fullmatch(line.strip()):
            cut.append(Removal(text=line.strip(), reason="table", line=-1))
        else:
            kept.append(line)
    return "\n".join(kept), cut


def article_from_bytes(
    data: bytes, name: str = "<stdin>", *, markdown: bool | None = None
) -> Article:
    """An ``Article`` from raw text bytes, or :class:`InputError` saying why not. Markdown
    (:func:`markdown_text`) when ``markdown`` says so, or, unset, when ``name`` ends in
    ``.md``."""
    check_bytes(data, name)
    text = decode(data)
    title, tables = None, []
    if markdown or (markdown is None and name.lower().endswith(".md")):
        heading = _MD_TITLE.search(text)  # "# Harbour wall approved": the document's title
        if heading:  # the title, which article_from_text puts back as the first line
            title = markdown_text(heading.group(1)).strip()
            text = text[heading.end() :]
        text, tables = _without_tables(markdown_text(text))
    article = article_from_text(text, name, title=title or None)
    article.removed = tables + article.removed
    return article
