"""Saved pages become the same Article as their clean text, with the debris listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprobe.article import Verdict
from newsprobe.errors import InputError
from newsprobe.ingest import article_from_html, read_article

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PAGES = Path(__file__).resolve().parent / "pages"


def test_saved_page_gives_the_clean_text_and_its_metadata() -> None:
    page = read_article(EXAMPLES / "article.html")
    clean = read_article(EXAMPLES / "article.txt")
    assert page.text == clean.text
    assert page.title and page.title.startswith("Poland invokes NATO")
    assert page.author == "Anna Nowak"
    assert page.date == "2025-09-10"
    assert page.site == "The Eastern Ledger"
    assert page.language == "en"
    reasons = {r.reason for r in page.removed}
    assert {
        "cookie_notice",
        "ad_slot",
        "advertisement",
        "share",
        "comments",
        "subscribe",
        "truncated_preview",
        "repeated_headline",
    } <= reasons
    removed_text = " ".join(r.text for r in page.removed)
    assert "970x125" in removed_text and "Leave a Comment" in removed_text
    # Scripts are parsed away, never run, and never end up in the text.
    assert "tracking pixel" not in page.text and "window.location" not in removed_text


def test_html_is_recognised_by_content_without_a_suffix(tmp_path: Path) -> None:
    path = tmp_path / "saved"
    path.write_bytes((EXAMPLES / "article.html").read_bytes())
    assert read_article(path).text == read_article(EXAMPLES / "article.txt").text


@pytest.mark.parametrize(
    "html",
    [
        b"<html><body><script>document.write(1)</script></body></html>",
        b"<html><body></body></html>",
        b"   ",
    ],
)
def test_pages_without_an_article_are_a_clear_error(html: bytes) -> None:
    with pytest.raises(InputError, match=r"no article text|empty input"):
        article_from_html(html, name="page.html")


MENUS_ONLY = b"""<html><head><title>Example News - Home</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="menu"><a href="/login">Sign in</a> | <a href="/subscribe">Subscribe</a></div>
<footer>&copy; 2026 Example News. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>"""


def test_a_page_of_menus_is_no_article_and_a_short_one_still_is() -> None:
    """A section front or error page came out as "Home World Politics Sport Sign in" and
    was scored as a too-short article; a short page with a sentence is still read."""
    with pytest.raises(InputError, match="no article text found in the HTML, only menus"):
        article_from_html(MENUS_ONLY, name="front.html")
    # A cookie notice's five words do not make the menus an article: it is cut as debris.
    cookie = (
        "<html><head><title>Site</title></head><body><nav><a href='/'>Home</a> | "
        "<a href='/a'>About</a></nav><div class='cookie'>We use cookies to improve your "
        "experience. Accept all cookies.</div><footer>© 2025 Example News Ltd. All rights "
        "reserved.</footer></body></html>"
    )
    with pytest.raises(InputError, match="no article text found in the HTML, only menus"):
        article_from_html(cookie, name="front.html")
    short = b"<html><body><h1>Title</h1><p>Drones crossed the border.</p></body></html>"
    assert article_from_html(short, name="short.html").text.endswith("Drones crossed the border.")


def test_a_parse_error_in_the_menus_check_is_a_one_line_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The menus check reads the page a second time; a failure there is the same
    "cannot parse" error as one in the first reading, not a traceback."""
    from newsprobe.ingest import html as html_module

    real = html_module._extract

    def failing_precise_reading(html: str, url: str | None, **options: bool) -> object:
        if options.get("favor_precision"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(html, url, **options)

    monkeypatch.setattr(html_module, "_extract", failing_precise_reading)
    with pytest.raises(InputError, match=r"^front.html: cannot parse HTML \(maximum recursion"):
        article_from_html(MENUS_ONLY, name="front.html")


@pytest.mark.parametrize(
    ("head", "footer", "url", "date"),
    [
        ("", "© 2025 Daily Example. All rights reserved.", None, None),
        ("", "Copyright 2010-2025 Daily Example", None, None),
        (  # a page's own date markup stands, whatever its footer says
            '<meta property="article:published_time" content="2024-03-03T10:00:00Z">',
            "© 2025 Daily Example",
            None,
            "2024-03-03",
        ),
        (  # a first of January that the markup gives is a date like any other
            '<meta property="article:published_time" content="2025-01-01T10:00:00Z">',
            "© 2025 Daily Example",
            None,
            "2025-01-01",
        ),
        ("", "© 2025 Daily Example", "https://news.example/2024/03/03/bridge", "2024-03-03"),
        # a year and a month in a story's text ("£682m in 2010/11") is no date either
        ("", "Spending fell from £682m a year in 2010/11 to £528m.", None, None),
        (
            '<meta property="article:published_time" content="2025-03-01T10:00:00Z">',
            "Spending fell from £682m a year in 2010/11 to £528m.",
            None,
            "2025-03-01",
        ),
    ],
)
def test_a_copyright_year_is_not_taken_for_the_publication_date(head, footer, url, date) -> None:
    body = "<p>" + "The council voted on Tuesday to close the old bridge to lorries. " * 5 + "</p>"
    html = f"<html><head>{head}</head><body><article>{body}</article><footer>{footer}</footer>"
    assert article_from_html(html + "</body></html>", url=url).date == date


def test_legacy_encoding_in_a_page_is_decoded() -> None:
    body = "<p>" + "Café owners in Kraków said prices rose by 12% this year. " * 6 + "</p>"
    html = f"<html><body><article>{body}</article></body></html>".encode("cp1252")
    assert "Café owners in Kraków" in article_from_html(html).text


def test_a_teaser_before_the_headline_and_page_furniture_are_cut_and_listed() -> None:
    """harbour.html: a standfirst repeated before the headline, ad slots, share, subscribe
    and comment lines, a cookie banner, and previews cut off by "…"."""
    page = read_article(PAGES / "harbour.html")
    assert page.text == read_article(PAGES / "harbour.txt").text
    assert (page.author, page.date, page.site) == ("Tom Reilly", "2025-03-14", "Coastline Courier")
    removed = {(r.reason, r.text) for r in page.removed}
    teaser = "Councillors in Kilmore backed a £4.2m plan on Thursday to rebuild the sea wall"
    assert any(reason == "repeated_teaser" and text.startswith(teaser) for reason, text in removed)
    assert {
        ("ad_slot", "970x125"),
        ("ad_slot", "300x250"),
        ("advertisement", "Advertisement"),
        ("comments", "Leave a Comment"),
        ("share", "Share this article"),
        ("subscribe", "Subscribe to our newsletter for the latest local news"),
    } <= removed
    assert any(reason == "cookie_notice" for reason, _ in removed)
    previews = [text for reason, text in removed if reason == "truncated_preview"]
    assert len(previews) == 3 and all(t.endswith("...") for t in previews)  # "…" after NFKC
    assert "injected by script" not in page.text + str(removed)


@pytest.mark.parametrize("wrap", ["<p>{}</p>", "<body><p>{}</p></body>", "<div>{}</div>"])
def test_an_html_fragment_is_extracted_like_a_page(wrap: str) -> None:
    """HTML columns of crawl exports often hold only the story's markup."""
    story = "Café owners in Kraków said prices rose by 12% this year, the most since 2001. "
    assert article_from_html(wrap.format(story * 3)).text == (story * 3).strip()


STORY = (
    "<p>Drones crossed the eastern border overnight, and the government invoked Article 4 "
    "of the North Atlantic Treaty on Wednesday morning.</p><p>Allies will meet in Brussels "
    "on Thursday to consult, the foreign minister told reporters in Warsaw.</p>"
)


def _page(body: str, title: str = "News") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("body", "title", "message"),
    [
        # A section front: every headline has the five words a menu lacks.
        (
            "<h1>World news</h1><ul>"
            + "".join(
                f'<li><a href="/s{i}">Headline number {i} about world events and politics '
                "today</a> <span>2 hours ago</span></li>"
                for i in range(12)
            )
            + "</ul>",
            "World news",
            "only links to stories",
        ),
        # Story cards whose summaries repeat, leaving "0 hours ago / 1 hours ago / ...".
        (
            "<h1>Weather</h1>"
            + "".join(
                f'<div class="card"><h3><a href="/s{i}">Storm Amy batters coast as thousands '
                f'lose power in region {i}</a></h3><p class="summary">Emergency crews worked '
                f"through the night to restore supplies.</p><span>{i} hours ago</span></div>"
                for i in range(10)
            ),
            "Weather",
            "no article text found in the HTML",
        ),
        (
            '<nav><a href="/">Home</a></nav><h1>404 - Page not found</h1><p>Sorry, the page '
            "you were looking for could not be found. It may have been moved or deleted.</p>"
            '<p><a href="/">Go to the homepage</a></p>',
            "Page not found",
            r"an error page \('404 - Page not found'\)",
        ),
    ],
    ids=["section-front", "story-cards", "404"],
)
def test_pages_of_other_pages_are_no_article(body: str, title: str, message: str) -> None:
    """Scored as articles, these came out "likely MACHINE-WRITTEN" at 98-99.9%."""
    with pytest.raises(InputError, match=message):
        article_from_html(_page(body, title), name="page.html")
    # A story with links in it is still a story, and so is a short one whose headline
    # says "not found", or one a wide screen shows ("hidden md:block").
    linked = STORY.replace("Article 4", '<a href="/a4">Article 4 of the treaty</a>')
    assert "Article 4" in article_from_html(_page(linked), name="story.html").text
    brief = _page(f"<h1>Missing hiker not found after search</h1>{STORY}", "Hiker not found")
    assert "Drones crossed" in article_from_html(brief, name="brief.html").text
    wide = _page(f'<div class="hidden md:block">{STORY}</div>')
    assert "Drones crossed" in article_from_html(wide, name="wide.html").text
    # A style sheet's "opacity: 0" is where a fade-in starts; a reader sees the story.
    faded = _page(f'<style>.fade{{opacity:0}}</style><div class="fade">{STORY}</div>')
    assert "Drones crossed" in article_from_html(faded, name="faded.html").text


@pytest.mark.parametrize(
    "hide",
    [
        'hidden=""',
        'aria-hidden="true"',
        'style="display: none"',
        'style="font-size:0"',
        'style="position:absolute;left:-9999px"',
        'class="sr"',
        # and the ways a red-team found (2026-12-06)
        'style="opacity:0"',
        'style="color:transparent"',
        'style="color:#fff;background:#fff"',
        'style="display:/**/none"',
        'style="position:absolute;left:-99em"',
        'style="transform:translateX(-9999px)"',
        'style="clip-path:inset(50%)"',
        'style="font-size:0.01px"',
        'id="note"',
        'class="aside"',
    ],
)
def test_text_a_reader_never_sees_is_not_scored(hide: str) -> None:
    """A paragraph of human news hidden in the page made machine text read as human."""
    secret = "The parish council met in the village hall to discuss the new bus timetable."
    style = (
        "<style>.sr{position:absolute;width:1px;height:1px;clip:rect(0 0 0 0)}"
        "#note{display:none} .x, .aside {display:none}</style>"
    )
    page = _page(f"{style}<div {hide}><p>{secret}</p></div>{STORY}")
    article = article_from_html(page, name="page.html")
    assert "parish council" not in article.text and "Drones crossed" in article.text
    assert [r.text for r in article.removed if r.reason == "hidden"] == [secret]
    template = _page(f"<template><p>{secret}</p></template>{STORY}")
    assert "parish council" not in article_from_html(template, name="t.html").text


def test_a_page_of_several_stories_says_how_many_it_read_as_one() -> None:
    from newsprobe.report.json import article_json

    story = "The council voted on Tuesday to close the old bridge to lorries after a survey. "
    pages = [f"<article><h2>Story {i}</h2><p>{story * 4} Item {i}.</p></article>" for i in range(3)]
    page = article_from_html(f"<html><body>{''.join(pages)}</body></html>")
    one = article_from_html(f"<html><body>{pages[0]}<aside>{story}</aside></body></html>")
    assert page.meta["stories"] == 3 and "stories" not in one.meta
    page.verdict = Verdict(label="human", machine_probability=0.1, threshold=0.9, fpr_target=0.01)
    assert article_json(page)["stories"] == 3


def test_stories_of_a_minified_page_are_counted_past_their_headlines_and_bylines() -> None:
    """With no space between "</h2><p>", the headline's last word and the body's first ran
    together in the element's text, and a probe across them was never found: three
    stories were read as one without a word."""
    bodies = [
        "The council voted on Tuesday to close the old bridge to lorries after a survey found "
        "cracks in two of its arches, and engineers will return in the spring to decide",
        "Firefighters spent the night at a warehouse fire on the edge of the industrial estate, "
        "where smoke could be seen for miles and residents were told to keep windows shut",
        "The school's new head teacher said pupils would sit their exams in the sports hall "
        "while the main building is repaired over the summer holidays, at a cost of",
    ]
    pages = [
        f"<article><h2>Headline number {i}</h2><p>By Staff</p><p>{b} more. {b} again.</p></article>"
        for i, b in enumerate(bodies)
    ]
    page = article_from_html(f"<html><body>{''.join(pages)}</body></html>")
    assert page.meta["stories"] == 3


def test_story_cards_with_linked_headlines_are_no_article() -> None:
    """A home page's cards (a linked headline and a summary each) were scored as one text,
    summaries of human and machine stories mixed."""
    summaries = [
        "Emergency crews worked through the night to restore power to homes on the coast.",
        "The council voted on Tuesday to close the old bridge to lorries after a survey.",
        "Firefighters spent the night at a warehouse fire on the edge of the estate.",
        "The school's new head said pupils would sit exams in the sports hall this year.",
    ]
    cards = "".join(
        f'<div class="card"><a href="/s{i}"><h3>Headline of the story number {i}</h3></a>'
        f'<p>{s} {s}</p><a href="/s{i}">Read more</a></div>'
        for i, s in enumerate(summaries)
    )
    with pytest.raises(InputError, match="only teasers of other stories"):
        article_from_html(_page(f"<h1>Top stories</h1>{cards}"), name="home.html")
    # Cards that are each an <article> of their own are cards all the same.
    own = cards.replace('<div class="card">', "<article>").replace("</div>", "</article>")
    with pytest.raises(InputError, match="only teasers of other stories"):
        article_from_html(_page(f"<h1>Top stories</h1>{own}"), name="home.html")
    # A listicle's items inside one <article> are the article's, links and all.
    listicle = f"<article><h1>The four books of the year</h1>{cards}</article>"
    assert "Emergency crews" in article_from_html(_page(listicle), name="l.html").text
    # One story with a linked headline of its own, and its body, is a story.
    one = f'<article><a href="/s0"><h1>Headline of the story number 0</h1></a><p>{STORY}</p>'
    assert "Drones crossed" in article_from_html(_page(f"{one}</article>"), name="s.html").text


def test_entries_of_a_live_page_are_counted_as_stories() -> None:
    """A live blog posts entries as time-stamped blocks, not ``<article>``s: three
    stories were read as one text without a word."""
    bodies = [
        "The council voted on Tuesday to close the old bridge to lorries after a survey found "
        "cracks in two of its arches, and engineers will return in the spring.",
        "Firefighters spent the night at a warehouse fire on the edge of the industrial estate, "
        "where smoke could be seen for miles and residents kept their windows shut.",
        "The school's new head teacher said pupils would sit their exams in the sports hall "
        "while the main building is repaired over the summer holidays.",
    ]
    entries = "".join(
        f'<div class="entry"><time>14:{i}0 BST</time><h3>Update {i}</h3><p>{b}</p></div>'
        for i, b in enumerate(bodies)
    )
    page = article_from_html(_page(f'<h1>Live: the news</h1><div class="live">{entries}</div>'))
    assert page.meta["stories"] == 3
    # A timeline's dated list items are one story's.
    items = "".join(f"<li><time>19{i}0</time>: {b}</li>" for i, b in enumerate(bodies))
    timeline = article_from_html(_page(f"<article><h1>A history</h1><ul>{items}</ul></article>"))
    assert "stories" not in timeline.meta
