"""Property tests: whatever bytes arrive, ingestion gives a clean Article or a clear error."""

from __future__ import annotations

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprobe.article import Article
from newsprobe.errors import InputError
from newsprobe.ingest import article_from_html
from newsprobe.ingest.inputs import article_from_data
from newsprobe.ingest.text import MAX_BYTES, article_from_bytes
from newsprobe.normalize import normalize_text

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ENCODINGS = [
    "utf-8",
    "utf-16",
    "utf-16-le",
    "utf-32",
    "cp1251",
    "cp1252",
    "shift_jis",
    "koi8-r",
    "latin-1",
    "gb18030",
    "iso8859-7",
]
ATTRS = ["", " class=ad", ' x="', " /"]
INVISIBLE = regex.compile(r"\p{Default_Ignorable_Code_Point}")
TAGS = ["p", "div", "article", "script", "style", "nav", "h1", "span", "a", "table", "td"]


def _is_clean(article: Article) -> bool:
    return (
        isinstance(article.text, str)
        and article.text == article.text.strip()
        and "\x00" not in article.text
        and not INVISIBLE.search(article.text)
    )


def _ingest(fn, *args) -> None:
    try:
        article = fn(*args)
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc)
    else:
        assert article.text and _is_clean(article)


@FAST
@given(st.binary(max_size=4000))
def test_arbitrary_bytes(data: bytes) -> None:
    _ingest(article_from_data, data, "input")


@FAST
@given(st.text(max_size=600), st.sampled_from(ENCODINGS))
def test_text_in_odd_encodings(text: str, encoding: str) -> None:
    _ingest(article_from_bytes, text.encode(encoding, errors="ignore"), "input.txt")


@st.composite
def tag_soup(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 3))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            attr = draw(st.sampled_from(ATTRS))
            parts.append(f"<{tag}{attr}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        else:
            parts.append(draw(st.text(max_size=80)))
    prefix = draw(st.sampled_from(["", "<!DOCTYPE html>", "<html><body>", "<?xml version='1.0'?>"]))
    return prefix + "".join(parts)


@FAST
@given(tag_soup(), st.booleans())
def test_broken_html(html: str, as_bytes: bool) -> None:
    _ingest(article_from_html, html.encode("utf-8", errors="ignore") if as_bytes else html)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_normalization_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


def test_oversized_input_is_refused_without_reading_it_all() -> None:
    with pytest.raises(InputError, match="larger than"):
        article_from_bytes(b"a" * (MAX_BYTES + 1))


def test_huge_inputs_within_the_cap_are_handled() -> None:
    story = "The council voted on the budget on Monday, officials said. " * 30_000  # ~1.8 MB
    assert len(article_from_bytes(story.encode()).text) > 1_000_000
    page = "<html><body>" + "<div><p>Budget vote.</p>" * 20_000 + "</body></html>"
    _ingest(article_from_html, page)
    nested = "<div>" * 5000 + "Deep text about the vote." + "</div>" * 5000
    _ingest(article_from_html, nested)


RECORD_SUFFIXES = [".jsonl", ".jsonl.gz", ".csv", ".parquet", ".warc", ".warc.gz"]


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=3000), st.sampled_from(RECORD_SUFFIXES), st.booleans())
def test_record_files_of_arbitrary_bytes(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str, html: bool
) -> None:
    """A record file is read to records (each an article or a one-line error) or refused
    with one InputError, never a crash."""
    from newsprobe.ingest.records import RecordOptions, iter_file_records

    path = tmp_path_factory.mktemp("records") / f"crawl{suffix}"
    path.write_bytes(data)
    options = RecordOptions(html_field="html" if html else None)
    try:
        for rec in iter_file_records(path, options):
            assert rec.article is not None or (rec.error and "\n" not in rec.error)
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc)
