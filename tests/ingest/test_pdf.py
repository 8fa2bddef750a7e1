"""PDF input: the text layer as running prose, its metadata, and one-line refusals."""

from __future__ import annotations

import pytest

from newsprobe.errors import InputError
from newsprobe.ingest.inputs import article_from_data
from newsprobe.ingest.pdf import pdf_text
from sample_pdf import make_pdf

PAGE_ONE = [
    "NATO allies met in Brussels on Wednesday after drones crossed the",
    "border, and the government invoked Article 4 of the treaty, which",
    "provides for consultations when a member's security is threat-",
    "ened. Officials said the talks would continue.",
    "The defence minister told reporters that the alliance stood together",
    "and that the consultations had begun.",
    "Page 1 of 2",
]
PAGE_TWO = [
    "A second page carries the rest of the report, with a list of what the",
    "ministers agreed:",
    "- more patrols along the border",
    "- a meeting in a week",
    "2",
]


def test_printed_lines_become_paragraphs_and_page_numbers_go():
    text, meta = pdf_text(make_pdf([PAGE_ONE, PAGE_TWO]), "r.pdf")
    paragraphs = text.split("\n\n")
    assert paragraphs == [
        "NATO allies met in Brussels on Wednesday after drones crossed the border, and the "
        "government invoked Article 4 of the treaty, which provides for consultations when "
        "a member’s security is threatened. Officials said the talks would continue.",
        "The defence minister told reporters that the alliance stood together and that the "
        "consultations had begun.",
        "A second page carries the rest of the report, with a list of what the ministers agreed:",
        "- more patrols along the border",
        "- a meeting in a week",
    ]
    assert meta == {}


def test_a_paragraph_cut_by_a_page_break_is_joined_again():
    end_of_one = ["The talks began on Wednesday and, officials said, would go on for", "3"]
    top_of_two = [
        "as long as the allies needed, after drones crossed the border of a mem-",
        "Page 2 of 3",
    ]
    top_of_three = ["ber state. The minister spoke later.", "- a list item after the break"]
    pages = [end_of_one, top_of_two, top_of_three, ["- and one that starts a page"]]
    text, _ = pdf_text(make_pdf(pages), "r.pdf")
    assert text.split("\n\n") == [
        "The talks began on Wednesday and, officials said, would go on for as long as the "
        "allies needed, after drones crossed the border of a member state. The minister "
        "spoke later.",
        "- a list item after the break",
        "- and one that starts a page",
    ]


def test_a_pdf_file_becomes_an_article_with_its_metadata():
    data = make_pdf([PAGE_ONE], title="Allies consult after drone incursion", date="20251002")
    article = article_from_data(data, "report.pdf")
    assert article.title == "Allies consult after drone incursion"
    assert article.date == "2025-10-02" and article.language == "en"
    assert article.text.startswith("Allies consult after drone incursion\n\nNATO allies met")
    # A title that is only the name of the file it was made from is no headline.
    article = article_from_data(make_pdf([PAGE_ONE], title="draft3.docx"), "report.pdf")
    assert article.title is None and article.text.startswith("NATO allies met")


def test_a_printed_headline_is_the_title_not_the_start_of_the_first_sentence():
    page = ["Allies consult after drone incursion", *PAGE_ONE]
    article = article_from_data(make_pdf([page], title="NATO story v2 (final)"), "r.pdf")
    # Its own line, and the document's title: the metadata's other wording is not printed.
    assert article.title == "Allies consult after drone incursion"
    assert article.text.startswith("Allies consult after drone incursion\n\nNATO allies met")
    assert "v2" not in article.text and article.body_start == len(article.title) + 2


def test_a_web_page_printed_to_pdf_is_read_without_the_browsers_margins():
    """A news page printed from a browser carried "12/6/26, 9:14 PM Singer has cancer" and
    "file:///tmp/art.html 1/1" into the text, which moved its score (33% against 7%), and
    the day it was printed became its date."""
    margins = ["12/6/26, 9:14 PM Allies consult after drone incursion", "https://example.org/a 1/2"]
    printed = make_pdf(
        [[margins[0], *PAGE_ONE[:-1], margins[1]]], date="20261206", producer="Skia/PDF m156"
    )
    article = article_from_data(printed, "page.pdf")
    assert article.text == article_from_data(make_pdf([PAGE_ONE]), "r.pdf").text
    assert article.date is None
    # A page of pictures printed so holds nothing but the margins: no article text.
    with pytest.raises(InputError, match="without a text layer"):
        article_from_data(make_pdf([margins], producer="Skia/PDF m156"), "page.pdf")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (make_pdf([[]]), "r.pdf: a PDF without a text layer (a scan?); run OCR on it first"),
        (b"%PDF-1.7\n" + bytes(range(256)), "r.pdf: cannot read this PDF"),
    ],
)
def test_a_pdf_without_text_is_a_one_line_error(data, message):
    with pytest.raises(InputError) as err:
        article_from_data(data, "r.pdf")
    assert str(err.value).startswith(message) and "\n" not in str(err.value)


def test_a_file_is_read_as_a_pdf_but_text_that_starts_like_one_is_not():
    from newsprobe.ingest.text import article_from_bytes

    data = make_pdf([PAGE_ONE])
    assert article_from_data(data, "stdin").text.startswith("NATO allies met")
    # A text column or a pasted text holding PDF bytes is refused, not parsed.
    with pytest.raises(InputError, match="a PDF document, not text or HTML"):
        article_from_bytes(data, "row 1")


def test_a_hyphen_at_the_margin_stays_when_it_belongs_to_the_word():
    lines = [
        "The government announced a full-",
        "scale review of the long-",
        "term plan, and a well-",
        "known economist said the govern-",
        "ment had been slow to act on its infor-",
        "mation.",
    ]
    text, _ = pdf_text(make_pdf([lines]), "r.pdf")
    assert text == (
        "The government announced a full-scale review of the long-term plan, and a "
        "well-known economist said the government had been slow to act on its information."
    )


def test_a_file_named_pdf_that_is_not_one_is_a_one_line_error():
    """A damaged or renamed download was read as text ("too short to judge, 5 tokens")."""
    with pytest.raises(InputError, match=r"^bad.pdf: named .pdf but not a PDF"):
        article_from_data(b"\xff\xfe\x00bad", "bad.pdf")
    with pytest.raises(InputError, match="not a PDF"):
        article_from_data(b"Poland invoked Article 4 of the NATO treaty. " * 5, "x.PDF")
