"""What a user names on the command line (a file, a directory, ``-``, a URL) to Articles."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newsprobe.article import Article
from newsprobe.errors import InputError
from newsprobe.ingest.html import HTML_SUFFIXES, article_from_html, looks_like_html
from newsprobe.ingest.pdf import article_from_pdf, is_pdf
from newsprobe.ingest.records import (
    ARTICLE_SUFFIXES,
    is_record_file,
    left_out_note,
    walk_folder,
)
from newsprobe.ingest.text import MAX_BYTES, article_from_bytes

# Any "scheme://" is a URL, so that "ftp://..." is refused as a URL (only http and https are
# fetched) instead of being looked up as a file called "ftp:/...".
_URL = re.compile(r"[a-z][a-z0-9+.\-]*://", re.I)


def is_url(value: str) -> bool:
    return _URL.match(value) is not None


def _read_capped(fh: BinaryIO, name: str) -> bytes:
    """At most ``MAX_BYTES`` + 1 bytes, so a huge file or an endless pipe is refused, not
    loaded into memory."""
    data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: larger than {MAX_BYTES // 1_000_000} MB")
    return data


def article_from_data(data: bytes, name: str) -> Article:
    """Bytes from a file or stdin: a PDF by its header, HTML when it says so by suffix or
    content, else text."""
    if is_pdf(data):
        return article_from_pdf(data, name)
    if Path(name).suffix.lower() == ".pdf":
        # A broken download or a renamed file: its bytes are no article text either.
        raise InputError(f"{name}: named .pdf but not a PDF (no %PDF- header); a damaged file?")
    if Path(name).suffix.lower() in HTML_SUFFIXES or looks_like_html(data):
        return article_from_html(data, name=name)
    return article_from_bytes(data, name)


def read_article(path: str | Path, *, allow_private: bool = False) -> Article:
    """Read one file, URL, or ``-`` for standard input."""
    if str(path) == "-":
        return article_from_data(_read_capped(sys.stdin.buffer, "<stdin>"), "<stdin>")
    if is_url(str(path)):
        from newsprobe.ingest.fetch import fetch_url

        return fetch_url(str(path), allow_private=allow_private)
    if not str(path).strip():
        raise InputError("empty path")
    p = Path(path)
    try:
        with p.open("rb") as fh:
            data = _read_capped(fh, str(p))
    except FileNotFoundError as exc:
        raise InputError(f"{p}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(_folder_error(p)) from exc
    except PermissionError as exc:
        raise InputError(f"{p}: permission denied") from exc
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    return article_from_data(data, str(p))


def _readable(f: Path) -> bool:
    return f.suffix.lower() in ARTICLE_SUFFIXES or is_record_file(f)


def _folder_error(p: Path) -> str:
    if walk_folder(p, _readable)[0]:
        return f"{p}: is a directory"
    return (
        f"{p}: directory has no .txt, .md, .html or .pdf files, nor record files "
        "(.jsonl, .csv, .parquet, .warc)"
    )


def iter_inputs(paths: list[str], notes: list[str] | None = None) -> Iterator[str]:
    """Expand directories into their text, HTML and record files (sorted); keep the rest.

    Record files (JSONL, CSV, Parquet, WARC) are kept as paths: the caller expands them to
    their records, since how depends on the column options. A directory with nothing to
    read is kept as a path too: reading it fails with that message, in its place among
    the inputs (one error line of many), not before the others are read. ``notes`` gains
    a line for each directory holding files of other kinds, which are not read.
    """
    for raw in paths:
        if not raw.strip():
            raise InputError("empty path")
        p = Path(raw)
        if raw != "-" and not is_url(raw) and p.is_dir():
            files, others = walk_folder(p, _readable)
            if not files:
                yield raw
                continue
            if notes is not None and (
                note := left_out_note(p, others, "text, HTML, PDF or a record file")
            ):
                notes.append(note)
            yield from (str(f) for f in files)
        else:
            yield raw
