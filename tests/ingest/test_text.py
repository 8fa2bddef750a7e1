import pytest

from newsprobe.errors import InputError
from newsprobe.ingest import article_from_bytes, article_from_text, iter_inputs, read_article

TEXT = "Café owners in Kraków said prices rose by 12% — the most since 2001."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.encode("cp1252", errors="replace"),
    ],
)
def test_common_encodings_decode_to_the_same_text(data):
    art = article_from_bytes(data)
    assert art.text.startswith("Caf") and "12%" in art.text
    if b"?" not in data:
        assert art.text == TEXT


def test_invisible_characters_and_blank_runs_are_removed():
    art = article_from_bytes("Dro\u200bnes  crossed\u00a0the border.\r\n\r\n\r\n\r\nMore.".encode())
    assert art.text == "Drones crossed the border.\n\nMore."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty input"),
        (b"\x00\x01\x02\x03" * 100, "binary"),
        ("\u200b\u200b\n".encode(), "no text after normalization"),
        (b"x " * 50, r"no article text, only what reads as page debris \(share\)"),
    ],
)
def test_bad_bytes_raise_input_error(data, message):
    with pytest.raises(InputError, match=message):
        article_from_bytes(data)


def test_paths_and_directories(tmp_path):
    (tmp_path / "b.txt").write_text("second")
    (tmp_path / "a.md").write_text("first")
    (tmp_path / "skip.bin").write_bytes(b"\x00")
    assert [p.rsplit("/", 1)[1] for p in iter_inputs([str(tmp_path)])] == ["a.md", "b.txt"]
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_article(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    # Kept in its place among the inputs: reading it says why it gives no article.
    assert list(iter_inputs([str(empty)])) == [str(empty)]
    with pytest.raises(InputError, match=r"no \.txt, \.md, \.html or \.pdf files"):
        read_article(empty)
    with pytest.raises(InputError, match="empty path"):
        list(iter_inputs([""]))


def test_a_directory_names_the_files_it_does_not_read(tmp_path):
    (tmp_path / "a.txt").write_text("first")
    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")  # hidden files are nobody's articles
    notes: list[str] = []
    assert len(list(iter_inputs([str(tmp_path)], notes))) == 1
    assert notes == [
        f"{tmp_path}: 2 files left out, not text, HTML, PDF or a record file "
        "(report.docx, sub/photo.jpg)"
    ]
    (tmp_path / "report.docx").unlink()
    (tmp_path / "sub" / "photo.jpg").unlink()
    notes.clear()
    list(iter_inputs([str(tmp_path)], notes))
    assert notes == []


def test_directories_keep_record_files_for_the_caller(tmp_path):
    (tmp_path / "a.txt").write_text("first")
    (tmp_path / "rows.jsonl").write_text("{}")
    (tmp_path / "crawl.warc.gz").write_bytes(b"")
    names = [p.rsplit("/", 1)[1] for p in iter_inputs([str(tmp_path)])]
    assert names == ["a.txt", "crawl.warc.gz", "rows.jsonl"]


def test_files_and_stdin_over_the_cap_are_refused_without_loading_them(tmp_path, monkeypatch):
    import io
    import sys

    import newsprobe.ingest.inputs as inputs

    monkeypatch.setattr(inputs, "MAX_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text("The council met. " * 100)
    with pytest.raises(InputError, match=r"big\.txt: larger than"):
        read_article(big)
    stdin = io.TextIOWrapper(io.BytesIO(b"The council met. " * 100))
    monkeypatch.setattr(sys, "stdin", stdin)
    with pytest.raises(InputError, match="<stdin>: larger than"):
        read_article("-")


@pytest.mark.parametrize("url", ["ftp://example.com/story.txt", "FILE:///etc/passwd"])
def test_other_url_schemes_are_refused_as_urls(url):
    with pytest.raises(InputError, match="only http and https"):
        read_article(url)


def test_a_markdown_file_is_read_as_its_reader_sees_it(tmp_path):
    """A ``.md`` file's bold headline is its author's, not a chat reply's pasted markup:
    the markup goes as an HTML page's tags do, and so does the tell it would raise in
    plain text."""
    from newsprobe.detect.tells import find_tells

    body = (
        "# Harbour council votes for a new wall\n\n**Fans' bus attacked after the final**\n\n"
        "The *council* said on **Monday** that the [wall](https://x.example/a) would cost "
        "four million pounds, a spokesman told reporters.\n\n"
        "| Department | 2023 | 2024 |\n|:---|---:|---|\n| Roads | £4.0m | £3.2m |\n\n"
        "Work starts in May.\n"
    )
    (tmp_path / "story.md").write_text(body, encoding="utf-8")
    (tmp_path / "story.txt").write_text(body, encoding="utf-8")
    md = read_article(tmp_path / "story.md")
    assert md.text.startswith("Harbour council votes for a new wall\n\nFans' bus attacked")
    assert md.title == "Harbour council votes for a new wall"
    assert "The council said on Monday that the wall would cost" in md.text
    # A table is left out, as a page's is (its cells are not sentences), and listed.
    assert "|" not in md.text and "reporters.\n\nWork starts in May." in md.text
    assert [r.reason for r in md.removed] == ["table"] * 3
    # A table whose cells hold prose is read as paragraphs: no story is hidden in one.
    prose = "The council said on Monday that the wall would cost four million pounds in all."
    more = "Work on the wall starts in May, a spokesman told reporters."
    (tmp_path / "boxed.md").write_text(f"| {prose} |\n|---|\n| {more} |\n")
    boxed = read_article(tmp_path / "boxed.md")
    assert boxed.text.split("\n") == [prose, more]
    assert [r.reason for r in boxed.removed] == ["table"]  # the rule under its first row
    assert find_tells(md.text) == []
    # Pasted as plain text, the same markup is what a raw chat reply looks like.
    assert [t.kind for t in find_tells(read_article(tmp_path / "story.txt").text)] == [
        "markdown heading"
    ]


def test_utf16_without_a_byte_order_mark_is_named(tmp_path):
    """Refused, as the docs promise only a BOM, but not as "a binary file"."""
    path = tmp_path / "story.txt"
    path.write_bytes("The council met on Monday to vote on the wall.".encode("utf-16-le"))
    with pytest.raises(InputError, match="looks like UTF-16 text without a byte-order mark"):
        read_article(path)


def test_a_titles_evasion_counts_add_to_the_storys_and_do_not_wipe_them():
    """The headline was normalized after the story into the same counts, which it set to
    its own zeros: every HTML page, Markdown heading and PDF title hid the story's tricks."""
    from newsprobe.ingest.text import article_from_text

    story = "The gоvernment said the cоnsultations were needed, and the minister agreed."
    plain = article_from_text(story)
    titled = article_from_text(story, title="Spending plan")
    assert plain.meta["evasion"]["homoglyphs"] == 2
    assert titled.meta["evasion"]["homoglyphs"] == 2
    both = article_from_text(story, title="Spending plаn")  # one more, in the title
    assert both.meta["evasion"]["homoglyphs"] == 3


def test_a_date_line_over_the_headline_is_the_publication_date():
    """A saved story opening "November 25, 2025" had no date (claims read no "last
    year"); the line was cut as page debris and nothing kept what it said."""
    story = "Lawmakers voted 312-118 on Tuesday to lower the voting age to 16, officials said. " * 4
    for line in ("November 25, 2025", "Published: 25 Nov 2025"):
        article = article_from_text(f"{line}\n\nVoting age lowered\n\n{story}")
        assert (article.date, article.title) == ("2025-11-25", "Voting age lowered")
    given = article_from_text(f"November 25, 2025\n\n{story}", date="2025-11-26")
    assert given.date == "2025-11-26"  # the date given wins
    assert article_from_text(f"12 people died\n\n{story}").date is None
