"""Turn what ``sources add`` is given (files, folders, JSON Lines) into passages.

Passages are a few sentences long: short enough that one passage states one fact, so the
verifier's sentence alignment and the retrievers see the same unit.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from newsprobe.errors import InputError
from newsprobe.ingest.fetch import fetch_url
from newsprobe.ingest.html import article_from_html
from newsprobe.ingest.pdf import is_pdf, pdf_text
from newsprobe.ingest.records import (
    is_record_file,
    iter_file_records,
    left_out_note,
    walk_folder,
)
from newsprobe.ingest.text import check_bytes, decode, leading_date, plain_headline
from newsprobe.normalize import normalize_text
from newsprobe.sources.base import Passage

SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".pdf", ".jsonl"}
KINDS = ".txt, .md, .html, .pdf, .jsonl files, nor CSV, Parquet or WARC"
# What a JSON Lines row may carry besides "text"; each is stored, so each must be a string.
JSONL_FIELDS = ("source", "title", "url", "date")
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")
MAX_WORDS = 60


def _cut_long(sentences: list[str], max_words: int) -> list[str]:
    """Sentences as they are, but one with no end in sight (a transcript or a table
    scraped without full stops: a red-team's 40,000 words became one passage, whose facts
    no claim then matched) cut every ``max_words`` words."""
    out = []
    for sent in sentences:
        words = sent.split()
        if len(words) <= 2 * max_words:
            out.append(sent)
            continue
        out += [" ".join(words[i : i + max_words]) for i in range(0, len(words), max_words)]
    return out


def split_passages(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """Paragraphs cut at sentence ends into pieces of at most ~``max_words`` words."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(para.split())
        if not para:
            continue
        current: list[str] = []
        words = 0
        for sent in _cut_long(SENTENCE_END.split(para), max_words):
            n = len(sent.split())
            if current and words + n > max_words:
                out.append(" ".join(current))
                current, words = [], 0
            current.append(sent)
            words += n
        if current:
            out.append(" ".join(current))
    return out


def _document(
    text: str, source: str, title: str | None, url: str | None, date: str | None, max_words: int
) -> list[Passage]:
    text = normalize_text(text)
    return [Passage(p, source, title, url, date) for p in split_passages(text, max_words)]


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def _jsonl(
    path: Path, max_words: int, failed: Callable[[InputError], None]
) -> Iterator[list[Passage]]:
    """A document per row; a row that cannot be read goes to ``failed``, not the file."""
    for lineno, line in enumerate(decode(_read(path)).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield _row(path, lineno, line, max_words)
        except InputError as exc:
            failed(exc)


def _row(path: Path, lineno: int, line: str, max_words: int) -> list[Passage]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from exc
    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
        raise InputError(f'{path}:{lineno}: each line needs a "text" string')
    for field in JSONL_FIELDS:
        value = row.get(field)
        if value is not None and not isinstance(value, str):
            kind = type(value).__name__
            raise InputError(f'{path}:{lineno}: "{field}" must be a string, not {kind}')
    source = row.get("source") or row.get("url") or f"{path.resolve()}#{lineno}"
    passages = _document(
        row["text"], source, row.get("title"), row.get("url"), row.get("date"), max_words
    )
    if not passages:  # as for a file with no text: an error, never a silent skip
        raise InputError(f'{path}:{lineno}: "text" is empty')
    return passages


def _records(
    path: Path, max_words: int, failed: Callable[[InputError], None]
) -> Iterator[list[Passage]]:
    """A document per row of a CSV, Parquet or WARC file (read as ``check`` reads them: the
    text in a ``text`` column, a page's main text), named by its ``source`` or url column."""
    empty = True
    try:
        for rec in iter_file_records(path, keep=("source",)):
            empty = False
            if rec.article is None:
                failed(InputError(rec.error or f"{path}: row {rec.row} has no text"))
                continue
            # The article's text is normalized already, as `check` reads the row.
            source = str(rec.fields.get("source") or rec.url or f"{path.resolve()}#{rec.row}")
            passages = split_passages(rec.article.text, max_words)
            yield [Passage(t, source, rec.title, rec.url, rec.date) for t in passages]
    except InputError as exc:
        failed(exc)
        return
    if empty:
        failed(InputError(f"{path}: no records in the file"))


def _file(path: Path, max_words: int) -> list[Passage]:
    if path.suffix.lower() in (".html", ".htm"):
        # The same extraction as checked articles: main text and metadata, no furniture.
        art = article_from_html(_read(path), name=str(path))
        body = art.text
        if art.title and body.startswith(art.title):  # the headline is the passage title
            body = body[len(art.title) :].lstrip() or body
        title = art.title or path.stem
        return _document(body, str(path.resolve()), title, art.url, art.date, max_words)
    data = _read(path)
    if is_pdf(data):  # a report or a treaty: its text layer, its metadata title and date
        text, meta = pdf_text(data, str(path))
        title = meta.get("title") or path.stem
        return _document(text, str(path.resolve()), title, None, meta.get("date"), max_words)
    check_bytes(data, str(path))  # the same refusal as `check`: binary, empty or too big
    text = decode(data)
    date, under = leading_date(text)  # "November 25, 2025" over the headline
    title = _text_title(under) or path.stem
    return _document(text, str(path.resolve()), title, None, date, max_words)


_MD_HEADING = re.compile(r"\A\s*#{1,2}\s+(.+?)\s*#*\s*$", re.MULTILINE)


def _text_title(text: str) -> str | None:
    """A text or Markdown file's own headline, so that a conflict reads "Storm Helga
    report says '14'", not "storm_report says": a leading "# heading", or a headline line
    as ``check`` finds one over a pasted story."""
    if m := _MD_HEADING.match(text):
        return m.group(1).strip() or None
    return plain_headline(text.strip())


def _url(url: str, max_words: int, allow_private: bool = False) -> list[Passage]:
    art = fetch_url(url, allow_private=allow_private)
    return _document(art.text, url, art.title, url, art.date, max_words)


def iter_documents(
    inputs: list[str],
    max_words: int = MAX_WORDS,
    notes: list[str] | None = None,
    whole: list[str] | None = None,
    allow_private: bool = False,
    errors: list[str] | None = None,
) -> Iterator[list[Passage]]:
    """One list of passages per document, in input order (folders sorted). ``notes`` gains
    a line for each folder holding files of kinds that are not read; ``whole`` the source
    of each document read whole (a file, a page), which a new version replaces, unlike
    JSON Lines rows, which may share a ``source`` name across adds. With ``errors``, a
    document (a file, a page, a row) that cannot be read is named there and the others are
    still read, as ``check`` and ``scan`` go on past a bad input; without, it raises."""

    def failed(exc: InputError) -> None:
        if errors is None:
            raise exc
        errors.append(str(exc))

    for raw in inputs:
        if re.match(r"https?://", raw):
            try:
                doc = _url(raw, max_words, allow_private)
            except InputError as exc:
                failed(exc)
                continue
            if whole is not None and doc:
                whole.append(doc[0].source)
            yield doc
            continue
        path = Path(raw)
        if path.is_dir():
            files, others = walk_folder(
                path, lambda f: f.suffix.lower() in SUFFIXES or is_record_file(f)
            )
            if not files:
                failed(InputError(f"{path}: folder has no {KINDS}"))
                continue
            kinds = "text, HTML, PDF or a record file"
            if notes is not None and (note := left_out_note(path, others, kinds)):
                notes.append(note)
        elif path.exists():
            files = [path]
        else:
            failed(InputError(f"{path}: no such file or folder"))
            continue
        for f in files:
            try:
                if f.suffix.lower() == ".jsonl":
                    yield from _jsonl(f, max_words, failed)
                    continue
                if is_record_file(f):
                    yield from _records(f, max_words, failed)
                    continue
                passages = _file(f, max_words)
                if not passages:
                    raise InputError(f"{f}: no text to index")
            except InputError as exc:
                failed(exc)
                continue
            if whole is not None:
                whole.append(passages[0].source)
            yield passages
