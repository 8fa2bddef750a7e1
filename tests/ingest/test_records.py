"""Record readers: stable ids, per-row errors, one-line errors for bad files."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsprobe.errors import InputError
from newsprobe.ingest.records import (
    RecordOptions,
    count_records,
    input_files,
    iter_records,
    iter_stdin_jsonl,
    site_of,
    stdin_is_jsonl,
)

TEXT = "Officials confirmed that 12 people were injured in the crash on Monday evening."
HAS_HTML = importlib.util.find_spec("newsprobe.ingest.html") is not None


def _jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows),
        encoding="utf-8",
    )
    return path


def test_jsonl_ids_follow_id_then_url_then_path_and_row(tmp_path):
    path = _jsonl(
        tmp_path / "crawl.jsonl",
        [
            {"id": 7, "text": TEXT, "url": "https://www.farm.example/a"},
            {"text": TEXT, "url": "https://news.example:8080/b", "title": "B"},
            {"text": TEXT},
            {"text": TEXT + " More.", "url": "https://news.example:8080/b"},
            {"text": TEXT, "url": "https://news.example:8080/b"},
        ],
    )
    recs = list(iter_records([path]))
    assert [r.record_id for r in recs] == [
        "7",
        "https://news.example:8080/b",
        f"{path}#3",
        "https://news.example:8080/b#2",  # the id again with another text: another article
        # ... and with the same text: the page fetched twice, one record (a scan's repeat)
        "https://news.example:8080/b",
    ]
    assert [r.site for r in recs] == [
        "farm.example",
        "news.example",
        None,
        "news.example",
        "news.example",
    ]
    art = recs[1].article
    assert art is not None and art.title == "B" and art.url == "https://news.example:8080/b"
    assert art.meta["record_id"] == recs[1].record_id
    assert art.id != recs[1].record_id  # Article.id stays the text hash
    assert all(r.error is None for r in recs)


def test_jsonl_bad_rows_are_error_records_not_dropped(tmp_path):
    path = _jsonl(
        tmp_path / "crawl.jsonl",
        [
            {"id": "ok", "text": TEXT},
            "{broken",
            "[1, 2]",
            {"id": "no-text", "body": TEXT},
            {"id": "number", "text": 42},
            {"id": "blank", "text": "   "},
            {"id": "null", "text": None},
        ],
    )
    recs = list(iter_records([path]))
    assert len(recs) == 7
    assert recs[0].article is not None
    errors = {r.record_id: r.error for r in recs[1:]}
    assert all(e and str(path) in e for e in errors.values()), errors
    assert "line 2" in errors[f"{path}#2"] and "not a JSON object" in errors[f"{path}#2"]
    # Both kinds of error count lines, as an editor does.
    assert errors["no-text"].endswith(
        f"{path} line 4: column 'text' is missing (the row has id, body)"
    )
    assert f"{path} line 5: column 'text' is an int, not text" in errors["number"]
    assert "empty" in errors["blank"]
    assert f"{path} line 7: column 'text' is empty (null)" in errors["null"]
    assert all(r.article is None for r in recs[1:])


def test_an_unclosed_string_is_named_as_such(tmp_path):
    path = tmp_path / "cut.jsonl"
    path.write_text('{"text": "cut off\n' + json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    first, second = iter_records([path])
    assert "Unterminated string" in first.error and "line 1" in first.error
    assert second.article is not None


def test_evasion_tricks_are_undone_and_counted(tmp_path):
    tricky = "The sec\u043end minister said the bud\u200bget would rise next year again."
    path = _jsonl(tmp_path / "c.jsonl", [{"id": "x", "text": tricky}])
    (rec,) = iter_records([path])
    assert rec.article is not None
    assert "second" in rec.article.text and "\u200b" not in rec.article.text
    evasion = rec.article.meta["evasion"]
    assert evasion == {
        "invisible_characters": 1,
        "homoglyphs": 1,
        "misspellings": 0,
        "recased_words": 0,
        "split_words": 0,
        "spaced_hyphens": 0,
    }


@pytest.mark.parametrize("name", ["legacy.csv", "legacy.jsonl", "legacy.csv.gz"])
def test_a_record_file_in_a_legacy_code_page_is_read_as_check_reads_a_text(tmp_path, name):
    """A Windows-1252 CSV stopped a whole scan ("not UTF-8 text"); check reads such a
    .txt file, so a crawl's export in the same code page is read alike."""
    import gzip

    text = "Café owners in Kraków said prices rose by 12% this year, the council said."
    if ".csv" in name:
        body = f'id,text\nr1,"{text}"\n'
    else:
        body = json.dumps({"id": "r1", "text": text}, ensure_ascii=False) + "\n"
    data = body.encode("cp1252")
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    (rec,) = iter_records([path])
    assert rec.error is None and rec.article is not None
    assert rec.article.text == text


def test_csv_named_text_column_and_malformed_rows(tmp_path):
    path = tmp_path / "crawl.csv"
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["key", "body", "url"])
    w.writerow(["k1", TEXT, "https://a.example/1"])
    w.writerow(["k2", TEXT, "https://a.example/2", "extra"])
    w.writerow(["k3", "", ""])
    path.write_text(buf.getvalue(), encoding="utf-8")
    opts = RecordOptions(text_field="body", id_field="key")
    recs = list(iter_records([path], opts))
    assert [r.record_id for r in recs] == ["k1", f"{path}#2", "k3"]
    assert recs[0].article is not None and recs[0].site == "a.example"
    assert "4 fields, the header has 3" in recs[1].error
    assert "empty" in recs[2].error
    assert count_records(path) == 3
    with pytest.raises(InputError, match="no column 'text'"):
        list(iter_records([path]))


def test_csv_quote_never_closed_names_its_row(tmp_path):
    # Read loosely, the open quote would swallow rows 2-3 into one field without a word.
    # Part-way through a file, the rows before it are kept and the rest is one error row
    # (a scan finishes, and its rerun does not stop there again); on the first row, the
    # file is refused whole.
    path = tmp_path / "crawl.csv"
    path.write_text(f'id,text\n1,"{TEXT}"\n2,"{TEXT}\n3,{TEXT}\n', encoding="utf-8")
    first, rest = iter_records([path])
    assert first.record_id == "1" and first.article is not None
    assert rest.record_id == f"{path}#unread" and rest.article is None
    assert "row 2: malformed CSV (a quote opened and never closed)" in rest.error
    assert rest.error.endswith("the file was not read past its record 1")
    path.write_text(f'id,text\n1,"{TEXT}\n2,{TEXT}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"row 1: malformed CSV \(a quote opened and never"):
        list(iter_records([path]))


def test_a_truncated_archive_keeps_what_was_read(tmp_path):
    import gzip

    path = tmp_path / "crawl.jsonl.gz"
    noise = [os.urandom(100).hex() for _ in range(2000)]  # kept apart by gzip, not folded
    rows = "".join(
        json.dumps({"id": f"r{i}", "text": f"{TEXT} {n}"}) + "\n" for i, n in enumerate(noise)
    )
    whole = gzip.compress(rows.encode())
    path.write_bytes(whole[: len(whole) * 4 // 5])
    recs = list(iter_records([path]))
    assert [r.record_id for r in recs[:-1]] == [f"r{i}" for i in range(len(recs) - 1)]
    assert recs[-1].record_id == f"{path}#unread" and "EOFError" in recs[-1].error


def test_parquet_reads_in_batches_with_optional_columns(tmp_path, monkeypatch):
    import newsprobe.ingest.records as records

    monkeypatch.setattr(records, "PARQUET_BATCH_ROWS", 2)
    path = tmp_path / "crawl.parquet"
    texts = [f"{TEXT} Story number {i}." for i in range(5)]
    table = pa.table(
        {
            "content": texts,
            "url": [f"https://s{i % 2}.example/{i}" for i in range(5)],
            "site": ["given.example", None, None, None, None],
        }
    )
    pq.write_table(table, path)
    recs = list(iter_records([path], RecordOptions(text_field="content")))
    assert [r.record_id for r in recs] == [f"https://s{i % 2}.example/{i}" for i in range(5)]
    assert [r.site for r in recs][:3] == ["given.example", "s1.example", "s0.example"]
    assert [r.article.text for r in recs] == texts
    assert count_records(path) == 5
    with pytest.raises(InputError, match="no column 'text'"):
        list(iter_records([path]))
    # An integer id column with a gap, as pandas writes it (floats, NaN): "7", not "7.0".
    ids = tmp_path / "ids.parquet"
    pq.write_table(pa.table({"id": [7.0, float("nan")], "text": texts[:2]}), ids)
    first, second = (r.record_id for r in iter_records([ids]))
    assert first == "7" and second != "nan"
    bogus = tmp_path / "bogus.parquet"
    bogus.write_text("not parquet")
    with pytest.raises(InputError, match="not a readable Parquet file"):
        list(iter_records([bogus]))


def test_a_date_column_dates_each_article_over_its_pages_own(tmp_path):
    """Relative dates in claims count back from it: a Parquet date cell, a text cell, a
    page's own date when the row has none, and the row's over the page's."""
    import datetime as dt

    path = tmp_path / "dated.parquet"
    days = [dt.date(2025, 9, 10), None]
    pq.write_table(pa.table({"text": [TEXT, TEXT], "date": pa.array(days, pa.date32())}), path)
    assert [r.article.date for r in iter_records([path])] == ["2025-09-10", None]
    page = '<html><head><meta property="article:published_time" content="2019-04-02">'
    page += f"</head><body><article><p>{TEXT * 3}</p></article></body></html>"
    rows = [{"page": page, "date": "2024-01-31"}, {"page": page}]
    path = _jsonl(tmp_path / "p.jsonl", rows)
    recs = list(iter_records([path], RecordOptions(html_field="page")))
    assert [r.article.date for r in recs] == ["2024-01-31", "2019-04-02"]


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = f"<html><head><title>Drones</title></head><body><article><p>{TEXT * 3}</p>"
    html += "</article></body></html>"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, ctype, body in [
            ("https://www.farm.example/story", "text/html; charset=utf-8", html.encode()),
            ("https://www.farm.example/logo.png", "image/png", b"\x89PNG...."),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(rec)
        writer.write_record(
            writer.create_warc_record(
                "https://x.example/", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
        )


def test_an_html_row_without_a_url_is_grouped_by_its_pages_host(tmp_path):
    """Rows with and without a url column group under one site: the canonical link's host
    before the page's own name for itself; the name only when the page gives no address."""
    head = '<head><meta property="og:site_name" content="The Ledger">{}</head>'
    body = f"<body><article><p>{TEXT * 3}</p></article></body>"
    link = '<link rel="canonical" href="https://www.ledger.example/a">'
    rows = [{"id": "a", "page": f"<html>{head.format(link)}{body}</html>"}]
    rows.append({"id": "b", "page": f"<html>{head.format('')}{body}</html>"})
    path = _jsonl(tmp_path / "pages.jsonl", rows)
    recs = list(iter_records([path], RecordOptions(html_field="page")))
    assert [r.site for r in recs] == ["ledger.example", "The Ledger"]


def test_warc_html_responses_become_records(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    _warc(path)
    recs = list(iter_records([path]))
    assert len(recs) == 1  # the image response and the request record are not articles
    (rec,) = recs
    assert rec.record_id == "https://www.farm.example/story"
    assert rec.site == "farm.example" and rec.url == "https://www.farm.example/story"
    if HAS_HTML:
        assert rec.error is None and "injured" in rec.article.text
    else:
        assert rec.article is None
        assert "newsprobe.ingest.html" in rec.error
    bogus = tmp_path / "bogus.warc"
    bogus.write_bytes(b"this is not a warc file at all\n" * 5)
    with pytest.raises(InputError, match=r"bogus\.warc"):
        list(iter_records([bogus]))


def test_a_warc_gzipped_as_one_file_reads_as_one_gzipped_per_record(tmp_path):
    """``gzip -c crawl.warc``: one gzip member for the whole crawl, which warcio alone
    refuses ("non-chunked gzip file detected"); its records are those of the usual kind."""
    import gzip

    per_record = tmp_path / "crawl.warc.gz"
    _warc(per_record)
    plain = gzip.decompress(per_record.read_bytes())
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain))
    (tmp_path / "plain.warc").write_bytes(plain)
    seen = [
        [(r.record_id, r.error, r.article and r.article.text) for r in iter_records([path])]
        for path in (per_record, whole, tmp_path / "plain.warc")
    ]
    assert len(seen[0]) == 1 and seen[0] == seen[1] == seen[2]


def test_folder_files_are_records_keyed_by_path(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b" / "c.md").write_text(TEXT)
    (tmp_path / "b" / "empty.txt").write_text("")
    (tmp_path / "b" / "page.xhtml").write_text(f"<html><body><article><p>{TEXT}</p></article>")
    (tmp_path / "skip.bin").write_bytes(b"\x00\x01")
    recs = list(iter_records([tmp_path]))
    assert [r.record_id for r in recs] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "c.md"),
        str(tmp_path / "b" / "empty.txt"),
        str(tmp_path / "b" / "page.xhtml"),  # HTML, as `check` reads it
    ]
    assert recs[2].article is None and "empty" in recs[2].error
    assert recs[3].article is not None and recs[3].article.text.strip() == TEXT.strip()


def test_bad_inputs_are_one_line_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        input_files([tmp_path / "missing.jsonl"])
    (tmp_path / "x.docx").write_bytes(b"PK")
    with pytest.raises(InputError, match="unknown input kind"):
        input_files([tmp_path / "x.docx"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"no \.txt, \.md, \.html or \.pdf files"):
        input_files([tmp_path / "empty"])
    # UTF-8 for the first 200 KB (read as UTF-8), a Latin-1 byte after them: one line.
    bad = tmp_path / "latin1.jsonl"
    head = (json.dumps({"text": "word " * 40}) + "\n").encode() * 1200
    bad.write_bytes(head + json.dumps({"text": "caf"}).encode()[:-2] + b'\xe9"}\n')
    *read, rest = iter_records([bad])
    assert len(read) > 1000 and rest.record_id == f"{bad}#unread"
    assert "not UTF-8" in rest.error and "\n" not in rest.error


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://www.BBC.co.uk/news/1", "bbc.co.uk"),
        ("http://farm.example:8080/x", "farm.example"),
        ("farm.example/x", "farm.example"),
        ("", None),
        (None, None),
        ("notaurl", None),
        ("http://[::1]:8000/a", "::1"),
    ],
)
def test_site_of_url(url, site):
    assert site_of(url) == site


def test_stdin_is_told_json_lines_or_one_article_without_being_consumed():
    """A pipe is peeked and a redirected file rewound, so whatever reads standard input
    next (the JSON Lines reader, or the article reader) gets all of it."""
    import os

    for data, jsonl in [
        (b'\xef\xbb\xbf\n  {"text": "a"}\n', True),
        (b"The council met. {braces} later\n", False),
        (b"", False),
    ]:
        seekable = io.BytesIO(data)
        assert stdin_is_jsonl(seekable) is jsonl and seekable.read() == data
        read_end, write_end = os.pipe()
        os.write(write_end, data)
        os.close(write_end)
        with open(read_end, "rb") as pipe:
            assert not pipe.seekable()
            assert stdin_is_jsonl(pipe) is jsonl and pipe.read() == data
    stream = io.BytesIO(f'{{"id": "a", "text": "{TEXT}"}}\n\n[1]\n'.encode())
    records = list(iter_stdin_jsonl(RecordOptions(), stream=stream))
    assert [(r.record_id, r.source, r.row) for r in records] == [
        ("a", "<stdin>", 1),
        ("<stdin>#3", "<stdin>", 3),
    ]
    assert records[0].article.text == TEXT
    assert records[1].error == "<stdin> line 3: not a JSON object (a JSON array)"
    assert not stream.closed  # standard input is not closed with the reader
    with pytest.raises(InputError, match=r"<stdin>: not UTF-8 text"):
        list(iter_stdin_jsonl(RecordOptions(), stream=io.BytesIO(b'{"text": "\xff"}\n')))


def test_a_site_column_of_host_names_groups_as_urls_do(tmp_path):
    """ "News.Example" and "www.news.example" in a site column are one site, as their urls
    would be; a site's name ("The Eastern Ledger") is kept as written."""
    sites = ["News.Example", "www.news.example", "The Eastern Ledger"]
    path = _jsonl(tmp_path / "c.jsonl", [{"text": TEXT, "site": s} for s in sites])
    assert [r.site for r in iter_records([path])] == [
        "news.example",
        "news.example",
        "The Eastern Ledger",
    ]


def test_a_lone_surrogate_or_a_stray_nul_in_a_row_is_repaired_not_an_error(tmp_path):
    """JSON may escape half a surrogate pair, and scrapers leave NULs in text: the row is
    still an article. A text of NULs is still not one."""
    path = tmp_path / "rows.jsonl"
    rows = [
        {"id": "s", "text": "\ud800 " + TEXT},
        {"id": "n", "text": TEXT[:40] + "\x00" + TEXT[40:]},
        {"id": "b", "text": "\x00\x01\x02\x03" * 50},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    lone, nul, junk = iter_records([path])
    assert lone.error is None and lone.article.text.startswith("\ufffd")
    assert nul.error is None and "\x00" not in nul.article.text
    assert junk.article is None and "binary" in junk.error
