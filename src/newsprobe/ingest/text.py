"""Plain-text input: bytes to a clean ``Article``, with one-line errors for bad input."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from newsprobe.article import Article
from newsprobe.errors import InputError
from newsprobe.normalize import normalize_text

TEXT_SUFFIXES = {".txt", ".text", ".md"}
MAX_BYTES = 20_000_000


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > 0.05 * len(head)


def decode(data: bytes) -> str:
    """Decode text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def article_from_bytes(data: bytes, name: str = "<stdin>") -> Article:
    """An ``Article`` from raw bytes, or :class:`InputError` saying why not."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: larger than {MAX_BYTES // 1_000_000} MB")
    if not data.strip():
        raise InputError(f"{name}: empty input")
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")) and _looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not text")
    findings: dict[str, int] = {}
    text = normalize_text(decode(data), findings)
    if not text:
        raise InputError(f"{name}: no text after normalization")
    return Article(text=text, source_path=name, meta={"evasion": findings})


def read_article(path: str | Path) -> Article:
    """Read one file (or ``-`` for standard input)."""
    if str(path) == "-":
        return article_from_bytes(sys.stdin.buffer.read(), "<stdin>")
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
    return article_from_bytes(data, str(p))


def iter_inputs(paths: list[str]) -> Iterator[str]:
    """Expand directories into their text files (sorted); keep files and ``-`` as given."""
    for raw in paths:
        p = Path(raw)
        if raw != "-" and p.is_dir():
            files = sorted(
                f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES
            )
            if not files:
                raise InputError(f"{p}: directory has no .txt or .md files")
            yield from (str(f) for f in files)
        else:
            yield raw
