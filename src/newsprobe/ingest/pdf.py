"""PDF input: the text layer of a press release, a report or a treaty, as running prose.

A PDF holds positioned lines, not paragraphs: pypdf gives one line per printed line, with
words hyphenated at the margin and page numbers between pages. Every line break would end
a sentence for the detector and the claim extractor, so lines are joined back into
paragraphs: a break is kept only where a line ends a sentence and stops short of the
margin, and a sentence that runs over a page break is joined again. A PDF without a text
layer (a scan) is refused: it needs OCR first, which newsprobe does not do.
"""

from __future__ import annotations

import io
import logging
import re
import warnings

from newsprobe.article import Article
from newsprobe.errors import InputError

__all__ = ["article_from_pdf", "is_pdf", "pdf_text"]

#: A line this much shorter than the page's longest lines, ending a sentence, ends a paragraph.
SHORT_LINE = 0.8
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)]*$")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.I)
_HYPHENATED = re.compile(r"([a-zA-Z]*[a-z])-$")
_BULLET = re.compile(r"^[•▪◦●■–—*-]\s")
_FILE_NAME = re.compile(r"\.(docx?|pdf|odt|rtf)$", re.I)
#: What a browser prints in a page's margins: the date and time, with the page's title
#: ("12/6/26, 9:14 PM Singer has cancer"), and its address with the page count
#: ("file:///tmp/art.html 1/1"; "ﬁ" is the ligature pypdf gives back).
_PRINT_MARGIN = re.compile(
    r"^(?:\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s?[AP]M)?(?:\s.*)?"
    r"|(?:file|ﬁle|https?)://\S*(?:\s+\d{1,4}\s*(?:/|of)\s*\d{1,4})?)$",
    re.I,
)
#: The metadata of a page printed by a browser: its date is when it was printed.
_BROWSER = re.compile(r"Skia/PDF|^Mozilla/|Firefox|Chrome", re.I)


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip()[:5] == b"%PDF-"


def _join(current: str, line: str) -> str:
    """Two printed lines of one paragraph as one: "exam-" + "ple" is "example", "full-" +
    "scale" stays "full-scale", else with a space."""
    head = _HYPHENATED.search(current)
    if head and line[:1].islower():
        tail = re.match(r"[a-z]+", line)
        if tail and _compound(head.group(1), tail.group(0)):
            return current + line
        return current[:-1] + line
    return f"{current} {line}"


def _compound(head: str, tail: str) -> bool:
    """Whether a hyphen at the margin belongs to the word ("full-scale", "well-known",
    "long-term") rather than to the line break ("govern-ment"): the two halves are words
    and their join is much rarer than either (wordfreq's Zipf scale: "fullscale" 0.0
    against 5.5 and 4.8; "government" 5.6 against 3.7 and 3.1)."""
    from wordfreq import zipf_frequency

    joined = zipf_frequency(head + tail, "en")
    return joined < min(zipf_frequency(head, "en"), zipf_frequency(tail, "en")) - 1.0


def _reflow(lines: list[str], first_page: bool = False) -> list[str]:
    """Paragraphs from a page's printed lines (see the module docstring). The first page's
    first line, short and not ending a sentence, is its headline: a paragraph of its own,
    not the start of the story's first sentence ("...its eastern border WARSAW, Sept 10")."""
    lines = [ln.strip() for ln in lines]
    lines = [ln for ln in lines if ln and not (_PAGE_NUMBER.match(ln) or _PRINT_MARGIN.match(ln))]
    if not lines:
        return []
    widest = sorted(len(ln) for ln in lines)[int(0.9 * (len(lines) - 1))]
    paragraphs: list[str] = []
    head = lines[0]
    short = len(head) < SHORT_LINE * widest and 2 <= len(head.split()) <= 20
    if first_page and len(lines) > 1 and short and not _SENTENCE_END.search(head):
        paragraphs.append(head)
        lines = lines[1:]
    current = ""
    for line in lines:
        if current and _BULLET.match(line):  # a list item starts its own paragraph
            paragraphs.append(current)
            current = ""
        current = _join(current, line) if current else line
        if _SENTENCE_END.search(line) and len(line) < SHORT_LINE * widest:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def _join_pages(pages: list[list[str]]) -> list[str]:
    """The pages' paragraphs in order, a paragraph cut by a page break made whole: one that
    ends a page without ending a sentence goes on with the next page's first one."""
    out: list[str] = []
    for paragraphs in pages:
        cut = out and paragraphs and not _SENTENCE_END.search(out[-1])
        if cut and not _BULLET.match(paragraphs[0]):
            out[-1] = _join(out[-1], paragraphs[0])
            paragraphs = paragraphs[1:]
        out.extend(paragraphs)
    return out


def pdf_text(data: bytes, name: str) -> tuple[str, dict[str, str]]:
    """The reflowed text of a PDF's pages and its title/author/date metadata (a title that
    is only a file name left out), or :class:`InputError` saying why there is none."""
    from pypdf import PdfReader

    # pypdf logs what it repairs ("EOF marker not found"); a bad input gets one line, ours.
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise InputError(f"{name}: an encrypted PDF; save an unlocked copy first")
            pages = [page.extract_text() or "" for page in reader.pages]
            info = reader.metadata or {}
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many kinds on a damaged file
        raise InputError(f"{name}: cannot read this PDF ({type(exc).__name__})") from exc
    finally:
        log.setLevel(level)
    paragraphs = _join_pages([_reflow(page.splitlines(), i == 0) for i, page in enumerate(pages)])
    if not paragraphs:
        raise InputError(f"{name}: a PDF without a text layer (a scan?); run OCR on it first")
    meta: dict[str, str] = {}
    for key, field in (("/Title", "title"), ("/Author", "author")):
        value = info.get(key)
        if isinstance(value, str) and value.strip():
            meta[field] = value.strip()
    # A title that is a file name ("Microsoft Word - draft3.docx") is no headline.
    if _FILE_NAME.search(meta.get("title", "")):
        del meta["title"]
    created = info.get("/CreationDate")
    printed = any(_BROWSER.search(str(info.get(k, ""))) for k in ("/Producer", "/Creator"))
    # A web page printed to PDF was not published the day it was printed.
    day = re.match(r"D:(\d{4})(\d{2})(\d{2})", created) if isinstance(created, str) else None
    if day and not printed:
        meta["date"] = "-".join(day.groups())
    return "\n\n".join(paragraphs), meta


def article_from_pdf(data: bytes, name: str) -> Article:
    """An ``Article`` from a PDF's text layer; its metadata title, author and date when set."""
    from newsprobe.ingest.text import MAX_BYTES, article_from_text, plain_headline

    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: larger than {MAX_BYTES // 1_000_000} MB")
    text, meta = pdf_text(data, name)
    title = meta.pop("title", None)
    # The document's own headline is its title; the metadata's, often another wording
    # or a draft's, is put above the text only where the document prints none.
    title = None if plain_headline(text) else title
    return article_from_text(text, name, title=title, **meta)
