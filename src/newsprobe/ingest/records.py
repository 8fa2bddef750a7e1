"""Record files (JSONL, CSV, Parquet, WARC) and folders streamed as :class:`Record` objects.

A crawl arrives as a few big files, not one file per article, so each reader yields one
record at a time (Parquet in row batches) and memory stays flat whatever the file size.

Every record carries a **stable id** (``Record.record_id``, also put in
``article.meta["record_id"]``) that a resumed scan uses to know what is already done:

1. the value of the id column (``--id-field``, default ``id``) when the row has one;
2. else the URL (the url column, or a WARC record's ``WARC-Target-URI``);
3. else ``<path>#<row>``: the path as given (:func:`id_path`) and the 1-based row number
   (JSONL line, CSV data row, Parquet row, WARC response record); a file in a folder is its
   own path.

An id that repeats inside one file gets ``#2``, ``#3``... appended, so that two captures of
one URL are two records. ``Article.id`` stays the SHA-256 of the text (the cache key).

A row that cannot become an article (bad JSON, no text, binary or empty text, HTML that
does not extract) is a ``Record`` whose ``error`` says why: it is reported, never dropped.
A file that cannot be read at all raises :class:`~newsprobe.errors.InputError`.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from newsprobe.article import Article
from newsprobe.errors import InputError, NewsprobeError
from newsprobe.ingest.html import HTML_SUFFIXES
from newsprobe.ingest.pdf import article_from_pdf, is_pdf
from newsprobe.ingest.text import article_from_bytes, legacy_encoding

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
CSV_SUFFIXES = (".csv", ".csv.gz")
PARQUET_SUFFIXES = (".parquet", ".pq")
WARC_SUFFIXES = (".warc", ".warc.gz")
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})  # single-article files, as `check` reads
PDF_SUFFIXES = frozenset({".pdf"})  # single-article files read through their text layer
#: Every file read as one article: text, Markdown, HTML, PDF.
ARTICLE_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES | HTML_SUFFIXES
RECORD_SUFFIXES = JSONL_SUFFIXES + CSV_SUFFIXES + PARQUET_SUFFIXES + WARC_SUFFIXES
PARQUET_BATCH_ROWS = 1024
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class RecordOptions:
    """Which columns of a record file hold what (the ``scan``/``check`` field options).

    text_field: column with plain text. html_field: column with HTML (used instead of the
    text column when set). id_field/url_field/site_field/title_field/date_field: optional
    columns, used when present; the date (publication, ISO "2025-09-10" or a date cell)
    is what "last year" and "a decade ago" in the article's claims count back from.
    """

    text_field: str = "text"
    html_field: str | None = None
    id_field: str = "id"
    url_field: str = "url"
    site_field: str = "site"
    title_field: str = "title"
    date_field: str = "date"
    # The folder a path in a record id is written relative to (None: the working folder);
    # a scan keeps its first run's, so a rerun from another folder resumes the same ids.
    id_base: str | None = None


@dataclass(slots=True)
class Record:
    """One row of an input: an ``Article``, or the reason it could not become one.

    row: the 1-based row number in its file (0 for a single-article file). fields: the
    values of the columns a caller asked to keep (``keep=``), such as ``eval``'s labels.
    """

    record_id: str
    source: str
    article: Article | None = None
    error: str | None = None
    url: str | None = None
    site: str | None = None
    title: str | None = None
    date: str | None = None
    row: int = 0
    fields: dict[str, Any] = field(default_factory=dict)


def is_record_file(path: str | Path) -> bool:
    """Whether ``path`` names a multi-record file (by suffix, case-insensitive)."""
    return str(path).lower().endswith(RECORD_SUFFIXES)


def site_of(url: str | None) -> str | None:
    """The host of a URL, lower-cased, without port or a leading ``www.``."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host or not any(c in host for c in ".:"):  # "notaurl" names no host
        return None
    return host[4:] if host.startswith("www.") else host


_HOST = re.compile(r"(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)\.?", re.I)


def _site_name(value: str | None) -> str | None:
    """A site column's value; a host name as ``site_of`` gives one ("News.Example" and
    "www.news.example" are news.example), a name such as "The Eastern Ledger" as given."""
    if value and (m := _HOST.fullmatch(value)):
        return m.group(1).lower()
    return value


def _text_of(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value):  # None, NaN
        return None
    if isinstance(value, float) and value.is_integer():
        # An integer id column with gaps, which pandas writes as floats: 7, not "7.0".
        value = int(value)
    text = str(value).strip()
    return text or None


def _date_of(value: Any) -> str | None:
    """A date cell as ISO text: a Parquet/pandas date or datetime, or the text given."""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    return _text_of(value)


def _html_article(html: str | bytes, url: str | None, name: str) -> Article:
    """Extract with ``newsprobe.ingest.html`` (trafilatura), imported only when needed."""
    from newsprobe.ingest.html import article_from_html

    return article_from_html(html, url=url, name=name)


def _row_error(exc: BaseException) -> str:
    if isinstance(exc, NewsprobeError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}".splitlines()[0]


def id_path(path: str, base: str | None = None) -> str:
    """A path as a record id holds it: relative to ``base`` when inside it, else
    absolute, so that "scan crawl.jsonl" from its folder and "scan in/crawl.jsonl" from
    the one above resume each other. Without a base: as typed, but an absolute path inside
    the working folder as the relative one ("scan $PWD/crawl.jsonl")."""
    if path.startswith("<"):
        return path
    if base is None:
        if not os.path.isabs(path):
            return path
        base = os.getcwd()
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, base)
    except ValueError:  # another drive
        return absolute
    return absolute if relative.startswith("..") else relative


class _Ids:
    """Applies the id rules above and makes repeats within one file distinct."""

    def __init__(self, path: str, base: str | None = None) -> None:
        self.path = id_path(path, base)
        self._seen: dict[str, int] = {}
        self._texts: dict[tuple[str, str], str] = {}  # (id, text hash): the id it got

    def __call__(
        self, given: str | None, url: str | None, row: int, text: str | None = None
    ) -> str:
        """``text``: the row's text as written; the same id with the same text again is
        the same record (a page a crawler fetched twice), under the same id, which a scan
        then scores once; with another text it is another, ``#2``."""
        base = given or url or f"{self.path}#{row}"
        key = None
        if text is not None:  # as written, lone surrogates and all (a split JSON escape)
            written = text.encode("utf-8", "surrogatepass")
            key = (base, hashlib.blake2b(written, digest_size=16).hexdigest())
        if key is not None and key in self._texts:
            return self._texts[key]
        n = self._seen.get(base, 0) + 1
        self._seen[base] = n
        rid = base if n == 1 else f"{base}#{n}"
        if key is not None:
            self._texts[key] = rid
        return rid


def record_from_row(
    row: dict[str, Any],
    row_no: int,
    path: str,
    options: RecordOptions,
    ids: _Ids,
    keep: Sequence[str] = (),
    unit: str = "row",
) -> Record:
    """A record from one mapping row (JSONL object, CSV row, Parquet row).

    ``keep``: further columns whose values go to ``Record.fields`` (kept out of
    ``RecordOptions``, whose fields a scan's manifest pins). ``unit``: what ``row_no``
    counts in error messages ("line" for JSON Lines, as its parse errors say).
    """
    url = _text_of(row.get(options.url_field))
    title = _text_of(row.get(options.title_field))
    site = _site_name(_text_of(row.get(options.site_field))) or site_of(url)
    written = row.get(options.html_field or options.text_field)
    rid = ids(_text_of(row.get(options.id_field)), url, row_no, _text_of(written))
    rec = Record(record_id=rid, source=path, url=url, site=site, title=title, row=row_no)
    rec.date = _date_of(row.get(options.date_field))
    rec.fields = {k: row[k] for k in keep if row.get(k) not in (None, "")}
    name = f"{path} {unit} {row_no}"
    try:
        if options.html_field is not None:
            html = row.get(options.html_field)
            if not isinstance(html, str | bytes) or not html.strip():
                raise InputError(f"{name}: no HTML in column {options.html_field!r}")
            article = _html_article(html, url, name)
        else:
            text = row.get(options.text_field)
            if not isinstance(text, str):
                kind = type(text).__name__
                article_word = "an" if kind[0] in "aeiou" else "a"
                what = f"{article_word} {kind}, not text"
                if text is None:  # a JSON null or an empty Parquet cell: there, but empty
                    what = "empty (null)" if options.text_field in row else "missing"
                    if what == "missing":  # a wrong --text-field: say what the row has
                        what += f" (the row has {', '.join(map(str, row))[:200] or 'none'})"
                raise InputError(f"{name}: column {options.text_field!r} is {what}")
            article = article_from_bytes(_row_text(text).encode("utf-8"), name)
    except Exception as exc:  # one bad row must not stop a crawl: recorded on the row
        rec.error = _row_error(exc)
        return rec
    _annotate(article, rec)
    rec.article = article
    return rec


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
#: A row's text with at most this many NUL characters is text a scraper left them in.
STRAY_NULS = 3


def _row_text(text: str) -> str:
    """A row's text as its file decoded it, made encodable: a lone surrogate (a JSON
    escape split from its pair) becomes U+FFFD, and a stray NUL or two go (a file with NUL
    bytes is binary; a row whose text holds one is an article a scraper left it in)."""
    text = _LONE_SURROGATE.sub("\ufffd", text)
    if 0 < text.count("\x00") <= STRAY_NULS:
        text = text.replace("\x00", "")
    return text


def _annotate(article: Article, rec: Record) -> None:
    article.source_path = rec.source
    article.url = article.url or rec.url
    # A page's host before its self-given name: rows with and without a url column then
    # group under one site ("ledger.example", not also "The Eastern Ledger").
    article.site = rec.site or site_of(article.url) or article.site
    article.title = rec.title or article.title
    article.date = rec.date or article.date
    article.meta["record_id"] = rec.record_id
    rec.url, rec.site, rec.title = article.url, article.site, article.title


def _open_text(path: Path) -> IO[str]:
    """The file as text, read as it streams: UTF-8, or (when its first 200 KB are not) the
    legacy code page they are in, as ``check`` reads a Windows-1252 text file."""
    gz = path.name.lower().endswith(".gz")
    raw: IO[bytes] = gzip.open(path, "rb") if gz else path.open("rb")  # noqa: SIM115 (returned)
    try:
        head = raw.read(200_000)
        raw.seek(0)
    except BaseException:
        raw.close()
        raise
    try:
        codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
    except UnicodeDecodeError:
        return io.TextIOWrapper(raw, encoding=legacy_encoding(head), newline="")
    return io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")


def _read_error(path: Path, exc: BaseException) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError(f"{path}: no such file")
    if isinstance(exc, IsADirectoryError):
        return InputError(f"{path}: is a directory")
    if isinstance(exc, PermissionError):
        return InputError(f"{path}: permission denied")
    if isinstance(exc, UnicodeDecodeError):
        return InputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})")
    return InputError(f"{path}: cannot read ({_row_error(exc)})")


def iter_jsonl(path: Path, options: RecordOptions, keep: Sequence[str] = ()) -> Iterator[Record]:
    """One record per non-blank line; a line that is not a JSON object is an error row."""
    try:
        with _open_text(path) as fh:
            yield from _jsonl_records(fh, str(path), options, keep)
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise _read_error(path, exc) from exc


_JSON_KINDS = {
    list: "array",
    str: "string",
    int: "number",
    float: "number",
    bool: "boolean",
    type(None): "null",
}


def _jsonl_records(
    fh: Iterable[str], name: str, options: RecordOptions, keep: Sequence[str]
) -> Iterator[Record]:
    ids = _Ids(name, options.id_base)
    for line_no, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            # Without the newline an unclosed string says so, not "control character".
            row = json.loads(line.rstrip("\r\n"))
            why = None if isinstance(row, dict) else f"a JSON {_JSON_KINDS[type(row)]}"
        except ValueError as exc:
            why = _row_error(exc)
        if why is not None:
            msg = f"{name} line {line_no}: not a JSON object ({why})"
            yield Record(ids(None, None, line_no), name, error=msg, row=line_no)
            continue
        yield record_from_row(row, line_no, name, options, ids, keep, "line")


STDIN = "<stdin>"


def stdin_is_jsonl(stream: IO[bytes] | None = None) -> bool:
    """Whether standard input holds JSON Lines rather than one article.

    An export piped in (``jq -c ... | newsprobe check -``) starts with ``{``; an article's
    text does not. Only looked at, not consumed: a pipe is peeked, a redirected file is
    read and rewound.
    """
    fh = stream or sys.stdin.buffer
    if fh.seekable():
        where = fh.tell()
        head = fh.read(256)
        fh.seek(where)
    elif hasattr(fh, "peek"):
        head = fh.peek(256)[:256]
    else:
        return False
    return head.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"{")


def iter_stdin_jsonl(
    options: RecordOptions, keep: Sequence[str] = (), stream: IO[bytes] | None = None
) -> Iterator[Record]:
    """The records of JSON Lines on standard input, named ``<stdin>`` (``<stdin> line 3``)."""
    # Not closed: the wrapper would close standard input with it.
    fh = io.TextIOWrapper(stream or sys.stdin.buffer, encoding="utf-8-sig", newline="")
    try:
        yield from _jsonl_records(fh, STDIN, options, keep)
    except UnicodeDecodeError as exc:
        raise InputError(f"{STDIN}: not UTF-8 text ({exc.reason})") from exc
    finally:
        fh.detach()


def iter_csv(path: Path, options: RecordOptions, keep: Sequence[str] = ()) -> Iterator[Record]:
    """One record per data row; the header must name the text (or HTML) column."""
    csv.field_size_limit(2**31 - 1)
    ids = _Ids(str(path), options.id_base)
    column = options.html_field or options.text_field
    row_no = 0
    try:
        with _open_text(path) as fh:
            # strict: a quote never closed is an error, not the rest of the file read
            # into one field
            reader = csv.DictReader(fh, strict=True)
            if reader.fieldnames is None:
                raise InputError(f"{path}: empty CSV file")
            if column not in reader.fieldnames:
                raise InputError(f"{path}: no column {column!r} (columns: {_cols(reader)})")
            for row_no, row in enumerate(reader, 1):
                if None in row:  # more fields than the header: the row is malformed
                    msg = f"{path} row {row_no}: {len(row[None]) + len(reader.fieldnames)} "
                    msg += f"fields, the header has {len(reader.fieldnames)}"
                    yield Record(ids(None, None, row_no), str(path), error=msg, row=row_no)
                    continue
                yield record_from_row(row, row_no, str(path), options, ids, keep)
    except csv.Error as exc:
        why = "a quote opened and never closed" if "end of data" in str(exc) else str(exc)
        raise InputError(f"{path} row {row_no + 1}: malformed CSV ({why})") from exc
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise _read_error(path, exc) from exc


def _cols(reader: csv.DictReader) -> str:
    return ", ".join(reader.fieldnames or [])[:200]


def _parquet_file(path: Path) -> Any:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        if isinstance(exc, FileNotFoundError):
            raise _read_error(path, exc) from exc
        raise InputError(f"{path}: not a readable Parquet file ({_row_error(exc)})") from exc


def iter_parquet(path: Path, options: RecordOptions, keep: Sequence[str] = ()) -> Iterator[Record]:
    """Rows read in batches of ``PARQUET_BATCH_ROWS``, only the columns that are used."""
    import pyarrow as pa

    pf = _parquet_file(path)
    names = set(pf.schema_arrow.names)
    column = options.html_field or options.text_field
    if column not in names:
        cols = ", ".join(sorted(names))[:200]
        raise InputError(f"{path}: no column {column!r} (columns: {cols})")
    wanted = [column, options.id_field, options.url_field, options.site_field]
    wanted += [options.title_field, options.date_field, *keep]
    columns = [c for c in dict.fromkeys(wanted) if c in names]
    ids = _Ids(str(path), options.id_base)
    row_no = 0
    try:
        for batch in pf.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=columns):
            for row in batch.to_pylist():
                row_no += 1
                yield record_from_row(row, row_no, str(path), options, ids, keep)
    except (OSError, pa.ArrowException) as exc:
        raise InputError(f"{path}: cannot read row {row_no + 1} ({_row_error(exc)})") from exc


def iter_warc(path: Path, options: RecordOptions, keep: Sequence[str] = ()) -> Iterator[Record]:
    """HTML response records; other record types and non-HTML responses are not articles.

    A WARC record has no columns: ``keep`` is accepted for a uniform reader signature.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    _check_warc_magic(path)
    ids = _Ids(str(path), options.id_base)
    row_no = 0
    try:
        # Decompressed here, not by warcio: it reads only a gzip member per record, and a
        # crawl gzipped as one file ("gzip -c crawl.warc") is as common and as valid.
        with _open_maybe_gzip(path) as fh:
            for warc in ArchiveIterator(fh):
                if warc.rec_type != "response" or warc.http_headers is None:
                    continue
                ctype = (warc.http_headers.get_header("Content-Type") or "").lower()
                if not ctype.startswith(HTML_TYPES):
                    continue
                row_no += 1
                url = _text_of(warc.rec_headers.get_header("WARC-Target-URI"))
                rec = Record(
                    ids(None, url, row_no), str(path), url=url, site=site_of(url), row=row_no
                )
                try:
                    body = warc.content_stream().read()
                    article = _html_article(body, url, f"{path} record {row_no} ({url})")
                except Exception as exc:  # recorded on the row, the crawl goes on
                    rec.error = _row_error(exc)
                    yield rec
                    continue
                _annotate(article, rec)
                rec.article = article
                yield rec
    except ArchiveLoadFailed as exc:
        raise InputError(f"{path}: not a WARC file ({_row_error(exc)})") from exc
    except (OSError, EOFError) as exc:
        raise _read_error(path, exc) from exc


def _open_maybe_gzip(path: Path) -> IO[bytes]:
    """The file, decompressed when it is gzip (one member per record, or one in all)."""
    with path.open("rb") as fh:
        head = fh.read(2)
    if head == b"\x1f\x8b":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _check_warc_magic(path: Path) -> None:
    """warcio skips junk with a warning; a file that does not start as WARC is refused."""
    try:
        with _open_maybe_gzip(path) as fh:
            magic = fh.read(5)
    except (OSError, EOFError) as exc:
        raise _read_error(path, exc) from exc
    if magic != b"WARC/":
        raise InputError(f"{path}: not a WARC file (it does not start with 'WARC/')")


def _file_record(path: Path, base: str | None = None) -> Record:
    """A text, Markdown, HTML or PDF file as one record whose id is its path."""
    rec = Record(record_id=id_path(str(path), base), source=str(path))
    try:
        data = path.read_bytes()
        if is_pdf(data):
            article = article_from_pdf(data, str(path))
        elif path.suffix.lower() in HTML_SUFFIXES:
            article = _html_article(data, None, str(path))
        else:
            article = article_from_bytes(data, str(path))
    except Exception as exc:  # recorded on the row
        rec.error = _row_error(exc) if not isinstance(exc, OSError) else str(_read_error(path, exc))
        return rec
    _annotate(article, rec)
    rec.article = article
    return rec


def walk_folder(folder: Path, wanted: Callable[[Path], bool]) -> tuple[list[Path], list[Path]]:
    """In one walk, the files under ``folder`` that ``wanted`` accepts and the others
    (hidden files and folders aside), each sorted, so ids and order repeat."""
    read: list[Path] = []
    others: list[Path] = []
    for f in sorted(folder.rglob("*")):
        if not f.is_file() and not (f.is_symlink() and wanted(f)):
            continue  # a broken link to an article is read, so that its error names it
        if wanted(f):
            read.append(f)
        elif not any(part.startswith(".") for part in f.relative_to(folder).parts):
            others.append(f)
    return read, others


def left_out_note(folder: Path, others: Sequence[Path], kinds: str) -> str | None:
    """One line naming the files of ``folder`` a walk did not read (``walk_folder``'s
    others), so that a file dropped among the articles is not lost without a word;
    ``kinds`` says what the walk reads. None when every file was read."""
    if not others:
        return None
    names = ", ".join(str(f.relative_to(folder)) for f in others[:3])
    if len(others) > 3:
        names += f" and {len(others) - 3} more"
    files = "file" if len(others) == 1 else "files"
    return f"{folder}: {len(others)} {files} left out, not {kinds} ({names})"


def _folder_walk(path: Path) -> tuple[list[Path], list[Path]]:
    return walk_folder(path, lambda f: f.suffix.lower() in ARTICLE_SUFFIXES)


def folder_files(path: Path) -> list[Path]:
    """The text, Markdown, HTML and PDF files under a folder, sorted (so ids and order
    repeat)."""
    return _folder_walk(path)[0]


Reader = Callable[[Path, RecordOptions, Sequence[str]], Iterator[Record]]


def _reader(path: Path) -> Reader | None:
    name = path.name.lower()
    for suffixes, reader in (
        (JSONL_SUFFIXES, iter_jsonl),
        (CSV_SUFFIXES, iter_csv),
        (PARQUET_SUFFIXES, iter_parquet),
        (WARC_SUFFIXES, iter_warc),
    ):
        if name.endswith(suffixes):
            return reader
    return None


def input_files(paths: Iterable[str | Path], notes: list[str] | None = None) -> list[Path]:
    """Check every input up front (exists, known kind) and expand folders.

    RETURNS (list[Path]): record files and single text/HTML files, in the order given.
    ``notes`` gains a line for each folder holding files that are not read.
    """
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if raw == "-":
            # A scan is resumed by reading its inputs again; a pipe cannot be read twice.
            raise InputError("scan reads files, not standard input ('-'): save it to a file")
        if p.is_dir():
            files, others = _folder_walk(p)
            if not files:
                raise InputError(f"{p}: directory has no .txt, .md, .html or .pdf files")
            if notes is not None and (note := left_out_note(p, others, "text, HTML or PDF")):
                notes.append(note)
            out.extend(files)
        elif not p.exists():
            raise InputError(f"{p}: no such file")
        elif _reader(p) is None and p.suffix.lower() not in ARTICLE_SUFFIXES:
            known = ", ".join(RECORD_SUFFIXES + tuple(sorted(ARTICLE_SUFFIXES)))
            raise InputError(f"{p}: unknown input kind (expected one of {known})")
        else:
            out.append(p)
    return out


def iter_file_records(
    path: Path, options: RecordOptions | None = None, keep: Sequence[str] = ()
) -> Iterator[Record]:
    """Records of one input file (a record file, or a single text/HTML file).

    ``keep``: columns whose values each record carries in ``Record.fields``.
    """
    options = options or RecordOptions()
    reader = _reader(path)
    if reader is None:
        yield _file_record(path, options.id_base)
        return
    read = 0
    try:
        for rec in reader(path, options, keep):
            read += 1
            yield rec
    except InputError as exc:
        if not read:
            raise  # nothing read: the file is refused whole, before a scan writes anything
        # A bad spot part-way (an unclosed quote, a truncated archive): what came before
        # it is kept and the rest is one error row, so a scan finishes and says what it
        # could not read; a rerun does not stop at the same spot again.
        yield Record(
            f"{id_path(str(path), options.id_base)}#unread",
            str(path),
            error=f"{exc}; the file was not read past its record {read}",
        )


def iter_records(
    paths: Iterable[str | Path], options: RecordOptions | None = None
) -> Iterator[Record]:
    """Stream the records of every input in order (folders expand to their files)."""
    for path in input_files(paths):
        yield from iter_file_records(path, options)


#: The optional columns a user may name, with their flags and default names.
NAMED_COLUMNS = (
    ("text_field", "--text-field"),
    ("html_field", "--html-field"),
    ("id_field", "--id-field"),
    ("url_field", "--url-field"),
    ("site_field", "--site-field"),
    ("title_field", "--title-field"),
    ("date_field", "--date-field"),
)


def check_named_columns(path: Path, options: RecordOptions, sample: int = 100) -> None:
    """Refuse a column the user named (``--url-field link``) that the file does not have:
    unnamed, a missing optional column is simply not used, but a named one left unused
    would put every row under "(unknown)" site without a word. CSV and Parquet by their
    header, JSON Lines by its first ``sample`` rows; WARC and single files have none."""
    default = RecordOptions()
    named = {
        getattr(options, attr): flag
        for attr, flag in NAMED_COLUMNS
        if getattr(options, attr) != getattr(default, attr)
    }
    if not named:
        return
    columns = _columns(path, sample)
    if columns is None:
        return
    for column, flag in named.items():
        if column not in columns:
            have = ", ".join(sorted(columns))[:200] or "none"
            raise InputError(f"{path}: no column {column!r} for {flag} (columns: {have})")


def _columns(path: Path, sample: int) -> set[str] | None:
    name = path.name.lower()
    try:
        if name.endswith(PARQUET_SUFFIXES):
            return set(_parquet_file(path).schema_arrow.names)
        if name.endswith(CSV_SUFFIXES):
            with _open_text(path) as fh:
                return set(csv.DictReader(fh).fieldnames or [])
        if name.endswith(JSONL_SUFFIXES):
            keys: set[str] = set()
            with _open_text(path) as fh:
                rows = (line for line in fh if line.strip())
                for line in islice(rows, sample):
                    try:
                        row = json.loads(line)
                    except ValueError:
                        continue
                    if isinstance(row, dict):
                        keys.update(row)
            return keys
    except (OSError, EOFError, csv.Error, UnicodeDecodeError) as exc:
        raise _read_error(path, exc) from exc
    return None


def count_records(path: Path, options: RecordOptions | None = None) -> int | None:
    """How many records a file holds, when that is cheap to know (for a progress bar).

    Parquet reads its footer; JSONL counts non-blank lines; WARC is unknown (None).
    """
    name = path.name.lower()
    try:
        if name.endswith(PARQUET_SUFFIXES):
            return int(_parquet_file(path).metadata.num_rows)
        if name.endswith(JSONL_SUFFIXES):
            opener = gzip.open if name.endswith(".gz") else open
            with opener(path, "rb") as fh:
                return sum(1 for line in fh if line.strip())
        if name.endswith(CSV_SUFFIXES):
            with _open_text(path) as fh:
                return max(0, sum(1 for _ in csv.reader(fh)) - 1)
    except (OSError, EOFError, csv.Error, UnicodeDecodeError, InputError):
        return None  # the reader itself reports the problem, with its row
    if name.endswith(WARC_SUFFIXES):
        return None
    return 1


# -- newsprobe check: record files expand to their records --------------------------------
CheckItem = str | Record


def expand_check_inputs(
    paths: Iterable[str], options: RecordOptions | None = None, keep: Sequence[str] = ()
) -> list[CheckItem]:
    """``check`` inputs with each record file replaced by its records (others unchanged;
    a record file that is not there stays a path, which fails to read in its place)."""
    items: list[CheckItem] = []
    for p in paths:
        if p == "-" and stdin_is_jsonl():
            items.extend(iter_stdin_jsonl(options or RecordOptions(), keep))
        # A URL is fetched, not read.
        elif p != "-" and "://" not in p and is_record_file(p) and Path(p).is_file():
            before = len(items)
            try:
                items.extend(iter_file_records(Path(p), options, keep))
            except NewsprobeError as exc:
                # A file unreadable from its first row (a quote never closed, no text
                # column) fails in its place, with its JSON line, as a missing file does.
                items.append(Record("", p, error=str(exc)))
            if len(items) == before:  # not a clean run of nothing: say the file was empty
                items.append(Record("", p, error=f"{p}: no records in the file"))
        else:
            items.append(p)
    return items


def read_check_item(item: CheckItem, **read_options: Any) -> Article:
    """The article of a ``check`` input, or :class:`InputError` saying why not.

    ``read_options`` go to ``read_article`` for plain paths.
    """
    from newsprobe.ingest import read_article

    if isinstance(item, str):
        return read_article(item, **read_options)
    if item.article is None:
        raise InputError(item.error or f"{item.record_id}: no article")
    return item.article


def check_error_json(item: CheckItem, exc: Exception) -> dict[str, str]:
    """``check --json``'s line for an input that failed: its path (and record id)."""
    if isinstance(item, str):
        return {"path": "<stdin>" if item == "-" else item, "error": str(exc)}
    line = {"path": item.source, "record_id": item.record_id, "url": item.url, "site": item.site}
    return {**{k: v for k, v in line.items() if v}, "error": str(exc)}
