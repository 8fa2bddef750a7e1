"""What a user names on the command line (a file, a directory, ``-``, a URL) to Articles."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from newsprobe.article import Article
from newsprobe.errors import InputError
from newsprobe.ingest.html import HTML_SUFFIXES, article_from_html, looks_like_html
from newsprobe.ingest.text import article_from_bytes

TEXT_SUFFIXES = {".txt", ".text", ".md"}
URL_PREFIXES = ("http://", "https://")


def is_url(value: str) -> bool:
    return value.lower().startswith(URL_PREFIXES)


def article_from_data(data: bytes, name: str) -> Article:
    """Bytes from a file or stdin: HTML when it says so by suffix or content, else text."""
    if Path(name).suffix.lower() in HTML_SUFFIXES or looks_like_html(data):
        return article_from_html(data, name=name)
    return article_from_bytes(data, name)


def read_article(path: str | Path, *, allow_private: bool = False) -> Article:
    """Read one file, URL, or ``-`` for standard input."""
    if str(path) == "-":
        return article_from_data(sys.stdin.buffer.read(), "<stdin>")
    if is_url(str(path)):
        from newsprobe.ingest.fetch import fetch_url

        return fetch_url(str(path), allow_private=allow_private)
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{p}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{p}: is a directory") from exc
    except PermissionError as exc:
        raise InputError(f"{p}: permission denied") from exc
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    return article_from_data(data, str(p))


def iter_inputs(paths: list[str]) -> Iterator[str]:
    """Expand directories into their text and HTML files (sorted); keep the rest as given."""
    suffixes = TEXT_SUFFIXES | HTML_SUFFIXES
    for raw in paths:
        p = Path(raw)
        if raw != "-" and not is_url(raw) and p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in suffixes)
            if not files:
                raise InputError(f"{p}: directory has no .txt, .md or .html files")
            yield from (str(f) for f in files)
        else:
            yield raw
