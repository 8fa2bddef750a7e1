"""What ``sources add`` accepts: text, Markdown, HTML, folders and JSON Lines."""

from __future__ import annotations

import json

import pytest

from newsprobe.errors import InputError
from newsprobe.sources import iter_documents


def test_files_folders_html_and_jsonl(tmp_path):
    (tmp_path / "a.txt").write_text("Poland joined NATO in 1999.", encoding="utf-8")
    (tmp_path / "b.html").write_text(
        "<html><head><title>Paris</title><script>var x = 1;</script></head>"
        "<body><p>The Eiffel Tower was completed in 1889.</p></body></html>",
        encoding="utf-8",
    )
    rows = [
        {
            "text": "The Danube flows through Budapest.",
            "title": "Rivers",
            "url": "https://example.org/rivers",
            "date": "2024-01-02",
        }
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    docs = list(iter_documents([str(tmp_path)]))
    texts = [p.text for doc in docs for p in doc]
    assert texts == [
        "Poland joined NATO in 1999.",
        "The Eiffel Tower was completed in 1889.",
        "The Danube flows through Budapest.",
    ]
    html = docs[1][0]
    assert html.title == "Paris" and "var x" not in html.text
    rivers = docs[2][0]
    assert (rivers.source, rivers.url, rivers.date) == (
        "https://example.org/rivers",
        "https://example.org/rivers",
        "2024-01-02",
    )


@pytest.mark.parametrize(
    ("content", "match"),
    [('{"title": "no text"}', 'needs a "text" string'), ("{not json", "not valid JSON")],
)
def test_bad_jsonl_lines_name_the_line(tmp_path, content, match):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=f"bad.jsonl:1: .*{match}"):
        list(iter_documents([str(path)]))


def test_missing_inputs_and_empty_folders(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        list(iter_documents([str(tmp_path / "nope.txt")]))
    with pytest.raises(InputError, match="folder has no"):
        list(iter_documents([str(tmp_path)]))


def test_urls_go_through_the_guarded_fetcher():
    with pytest.raises(InputError, match="non-public address"):
        list(iter_documents(["http://169.254.169.254/latest/meta-data/"]))


def test_binary_files_are_refused_like_check_refuses_them(tmp_path):
    path = tmp_path / "bin.txt"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    with pytest.raises(InputError, match=r"bin\.txt: looks like a binary file, not text"):
        list(iter_documents([str(path)]))


@pytest.mark.parametrize(
    ("row", "match"),
    [
        ({"text": "Rain fell.", "url": ["a"]}, '"url" must be a string, not list'),
        ({"text": "Rain fell.", "date": {"year": 2024}}, '"date" must be a string, not dict'),
        ({"text": "Rain fell.", "title": ["x"]}, '"title" must be a string, not list'),
        ({"text": "Rain fell.", "source": 12}, '"source" must be a string, not int'),
        ({"text": ""}, '"text" is empty'),
        ({"text": "  \n "}, '"text" is empty'),
    ],
)
def test_jsonl_fields_must_be_strings_and_text_not_empty(tmp_path, row, match):
    path = tmp_path / "rows.jsonl"
    good = {"text": "Poland joined NATO in 1999.", "url": None, "date": None, "title": None}
    path.write_text(f"{json.dumps(good)}\n{json.dumps(row)}\n", encoding="utf-8")
    with pytest.raises(InputError, match=f"rows.jsonl:2: {match}"):
        list(iter_documents([str(path)]))


def test_csv_and_parquet_rows_are_documents_as_check_reads_them(tmp_path):
    """A CSV export of trusted articles is read row by row, not indexed as one text with
    its header; a row without text is named, the others added."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    (tmp_path / "wire.csv").write_text(
        "title,url,text\n"
        'Rivers,https://example.org/rivers,"The Danube flows through Budapest."\n'
        "Empty,https://example.org/empty,\n",
        encoding="utf-8",
    )
    table = pa.table({"text": ["Poland joined NATO in 1999."], "source": ["nato-history"]})
    pq.write_table(table, tmp_path / "nato.parquet")
    errors: list[str] = []
    docs = list(iter_documents([str(tmp_path)], errors=errors))
    assert [(p.text, p.source, p.title) for doc in docs for p in doc] == [
        ("Poland joined NATO in 1999.", "nato-history", None),
        ("The Danube flows through Budapest.", "https://example.org/rivers", "Rivers"),
    ]
    assert len(errors) == 1 and "wire.csv row 2" in errors[0]
    (tmp_path / "none.csv").write_text("title,text\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"none\.csv: no records in the file"):
        list(iter_documents([str(tmp_path / "none.csv")]))


def test_a_text_or_markdown_source_is_titled_by_its_own_headline(tmp_path):
    """Conflicts name a source by its title: "Storm Helga: what we know says '14'", not the
    file name; a file with no headline keeps its name."""
    story = "The storm killed 14 people across the region on Tuesday, officials said. " * 4
    (tmp_path / "a_report.md").write_text(f"# Storm Helga: what we know\n\n{story}")
    (tmp_path / "b_wire.txt").write_text(f"Storm Helga leaves 14 dead\n\n{story}")
    (tmp_path / "c_notes.txt").write_text(story)
    titles = [doc[0].title for doc in iter_documents([str(tmp_path)])]
    assert titles == ["Storm Helga: what we know", "Storm Helga leaves 14 dead", "c_notes"]
    # A date on the line above the headline is the source's date, not its title (it had
    # been "November 25, 2025", a fact-checker's trial).
    (tmp_path / "d_dated.txt").write_text(f"November 25, 2025\n\nStorm Helga hits\n\n{story}")
    (dated,) = iter_documents([str(tmp_path / "d_dated.txt")])
    assert (dated[0].title, dated[0].date) == ("Storm Helga hits", "2025-11-25")


def test_a_rows_date_is_shown_with_its_evidence(tmp_path):
    from newsprobe import Article
    from newsprobe.pipeline import verify_articles
    from newsprobe.sources import SQLiteStore
    from newsprobe.verify import VerifyOptions

    rows = [{"text": "Poland joined NATO in 1999.", "title": "NATO", "date": "2024-01-02"}]
    (tmp_path / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    store = SQLiteStore(tmp_path / "s.sqlite")
    store.add([p for doc in iter_documents([str(tmp_path / "rows.jsonl")]) for p in doc])
    (article,) = verify_articles(
        [Article(text="Poland joined NATO in 2009.")], store, VerifyOptions()
    )
    (claim,) = article.claims
    assert claim.to_json()["evidence"][0]["date"] == "2024-01-02"
