"""Turn what ``sources add`` is given (files, folders, JSON Lines) into passages.

Passages are a few sentences long: short enough that one passage states one fact, so the
verifier's sentence alignment and the retrievers see the same unit.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

from newsprobe.errors import InputError
from newsprobe.ingest.text import decode
from newsprobe.normalize import normalize_text
from newsprobe.sources.base import Passage

SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".jsonl"}
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")
MAX_WORDS = 60


class _TextOnly(HTMLParser):
    """Visible text of an HTML page, paragraph breaks kept (no scripts, styles)."""

    BLOCK: ClassVar[set[str]] = {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "section",
        "article",
        "blockquote",
    }

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.title: str | None = None
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style", "noscript"):
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript"):
            self._skip = max(0, self._skip - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + data.strip()
        elif not self._skip:
            self.parts.append(data)


def split_passages(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """Paragraphs cut at sentence ends into pieces of at most ~``max_words`` words."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(para.split())
        if not para:
            continue
        current: list[str] = []
        words = 0
        for sent in SENTENCE_END.split(para):
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


def _jsonl(path: Path, max_words: int) -> Iterator[list[Passage]]:
    for lineno, line in enumerate(decode(_read(path)).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from exc
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise InputError(f'{path}:{lineno}: each line needs a "text" string')
        source = str(row.get("source") or row.get("url") or f"{path.resolve()}#{lineno}")
        yield _document(
            row["text"], source, row.get("title"), row.get("url"), row.get("date"), max_words
        )


def _file(path: Path, max_words: int) -> list[Passage]:
    text = decode(_read(path))
    title = path.stem
    if path.suffix.lower() in (".html", ".htm"):
        parser = _TextOnly()
        parser.feed(text)
        text, title = "".join(parser.parts), parser.title or title
    return _document(text, str(path.resolve()), title, None, None, max_words)


def _url(url: str, max_words: int) -> list[Passage]:
    try:
        from newsprobe.ingest.fetch import fetch_url  # type: ignore[import-not-found]
    except ImportError:
        raise InputError(f"{url}: URL sources need newsprobe.ingest.fetch") from None
    art = fetch_url(url)
    return _document(art.text, url, art.title, url, art.date, max_words)


def iter_documents(inputs: list[str], max_words: int = MAX_WORDS) -> Iterator[list[Passage]]:
    """One list of passages per document, in input order (folders sorted)."""
    for raw in inputs:
        if re.match(r"https?://", raw):
            yield _url(raw, max_words)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
            )
            if not files:
                raise InputError(f"{path}: folder has no .txt, .md, .html or .jsonl files")
        elif path.exists():
            files = [path]
        else:
            raise InputError(f"{path}: no such file or folder")
        for f in files:
            if f.suffix.lower() == ".jsonl":
                yield from _jsonl(f, max_words)
            else:
                passages = _file(f, max_words)
                if not passages:
                    raise InputError(f"{f}: no text to index")
                yield passages
