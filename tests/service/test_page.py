"""The web page in a real browser: Debian's chromium, driven headless by Playwright."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect

from sample_pdf import make_pdf

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "article.txt"

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="chromium is not installed (apt-get install -y chromium; .ci/run does this)",
)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield browser
        browser.close()


@contextmanager
def opened(browser, running) -> Iterator:
    """The page of a running server; fails the test if the page logged an error."""
    context = browser.new_context(base_url=running.url, viewport={"width": 1100, "height": 1400})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "console",
        # 4xx answers are logged by chromium itself; the tests check what the page shows
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.goto("/")
    yield page
    context.close()
    assert errors == [], f"the page logged errors: {errors}"


@pytest.fixture
def page(browser, server):
    with opened(browser, server) as page:
        yield page


@pytest.fixture
def wide_page(browser, serve):
    """The page of a server whose model reads 512 tokens: the tiny model's 128 cover only
    the first sentence under the headline, which the verdict does not read."""
    from newsprobe.service.settings import ServiceSettings

    running = serve(ServiceSettings(workers=1, max_text_chars=20_000, timeout_s=30, max_tokens=512))
    with opened(browser, running) as page:
        yield page


def test_paste_an_article_and_see_the_verdict(wide_page):
    page = wide_page
    ARTIFACTS.mkdir(exist_ok=True)
    page.get_by_label("Article text or URL").fill(SAMPLE.read_text(encoding="utf-8"))
    page.get_by_role("button", name="Check article").click()
    verdict = page.locator("#verdict")
    verdict.wait_for(state="visible", timeout=30_000)
    assert verdict.inner_text() in {  # the tiny detector's threshold may lie under 50%
        "Likely MACHINE-WRITTEN",
        "Flagged (leaning human)",
        "Not flagged (likely human-written)",
        "Not flagged (uncertain, leaning machine)",
    }
    gauge = page.get_by_role("img", name="Machine probability")
    assert gauge.count() == 1
    title = page.locator("#gauge-title").text_content()
    assert title.startswith("Machine probability ") and "flagged above" in title
    assert "%" in page.locator("#gauge svg text.big").text_content()
    assert page.locator("#status").inner_text().startswith("Done:")
    assert page.locator("#error").is_hidden()
    sentences = page.locator("#sentences .sentence[data-p]:not([data-p=''])")
    assert page.locator("#sentences-section").is_visible() and sentences.count() >= 2
    every = page.locator("#sentences .sentence").all()  # the headline is not scored
    colours = {x.evaluate("e => getComputedStyle(e).backgroundColor") for x in every}
    assert len(colours) > 1  # coloured by score, not one flat colour
    assert page.locator("#sentences p").count() > 1  # paragraphs kept
    assert page.locator("#scores tr").count() > 5
    # no sources on this server: the page says so and shows no claims section
    assert page.locator("#sources-note").inner_text().startswith("No trusted sources")
    assert page.locator("#claims-section").is_hidden()
    assert page.locator("#boundary-note").is_hidden()  # the toy detector has no locator
    page.screenshot(path=str(ARTIFACTS / "page_verdict.png"), full_page=True)


def test_with_sources_a_contradicted_claim_shows_with_its_source_sentence(
    browser, claims_server, claims_case
):
    """serve --sources end to end: paste, submit, and read the claim, its verdict badge,
    the conflicting values and the trusted sentence with its source."""
    with opened(browser, claims_server) as page:
        expect(page.locator("#sources-note")).to_contain_text(
            "Claims are checked against 2 passages from 1 trusted document "
        )
        page.get_by_label("Article text or URL").fill(claims_case.article)
        page.get_by_role("button", name="Check article").click()
        page.locator("#verdict").wait_for(state="visible", timeout=30_000)
        section = page.get_by_role("region", name="Claims")
        expect(section).to_be_visible()
        claim = page.locator("#claims > li", has_text="Poland joined NATO in 2009")
        expect(claim).to_have_count(1)
        badge = claim.locator(".badge")
        assert badge.inner_text() == "contradicted"  # a word, not only a colour
        assert "badge contradicted" in badge.get_attribute("class")
        assert "date: the article says “2009”, nato says “1999”" in claim.inner_text()
        evidence = claim.locator(".evidence-line").first
        assert evidence.locator(".source").inner_text() == "nato"
        assert evidence.locator("q").inner_text() == claims_case.trusted
        assert "1 contradicted" in page.locator("#claims-summary").inner_text()
        assert page.locator("#sentences .sentence").count() >= 2
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "page_claims.png"), full_page=True)
        # The publication date a pasted text lacks: "a decade ago" counts back from it.
        said = "Poland joined NATO a decade ago, the foreign minister told reporters."
        page.get_by_label("Article text or URL").fill(said)
        page.get_by_label("Published").fill("2025-09-10")
        page.get_by_role("button", name="Check article").click()
        expect(page.locator("#claims > li", has_text="a decade ago")).to_contain_text(
            "date: the article says “a decade ago (2015)”, nato says “1999”"
        )


def test_keyboard_only_submission_and_clear_error(page):
    page.get_by_role("button", name="Check article").focus()
    page.keyboard.press("Enter")
    assert "Paste an article" in page.get_by_role("alert").inner_text()
    page.get_by_label("Article text or URL").focus()
    page.keyboard.type("Drones crossed.")
    page.keyboard.press("Control+Enter")
    page.locator("#verdict").wait_for(state="visible", timeout=30_000)
    assert page.locator("#verdict").inner_text() == "Too short to judge"
    assert page.get_by_role("alert").is_hidden()
    # A check that fails takes the last verdict away: under the error it read as this one's.
    page.get_by_label("Article text or URL").fill("")
    page.get_by_role("button", name="Check article").click()
    assert "Paste an article" in page.get_by_role("alert").inner_text()
    assert page.locator("#result").is_hidden() and page.locator("#status").inner_text() == ""


def test_server_errors_are_shown_in_one_line(page):
    page.get_by_label("Article text or URL").fill("Drones crossed.")
    page.get_by_role("button", name="Check article").click()
    page.locator("#verdict").wait_for(state="visible", timeout=30_000)
    page.get_by_label("Article text or URL").fill("http://127.0.0.1:9/story")
    page.get_by_role("button", name="Check article").click()
    page.get_by_role("alert").wait_for(state="visible")
    assert page.get_by_role("alert").inner_text().startswith("Could not check this article: ")
    assert page.locator("#result").is_hidden()  # not the last article's verdict
    page.get_by_label("Article text or URL").fill("x " * 12_000)
    page.get_by_role("button", name="Check article").click()
    expect(page.get_by_role("alert")).to_contain_text("at most 20000")
    assert "Could not check this article" in page.get_by_role("alert").inner_text()


def test_sentences_claims_and_removed_debris_render_when_present(page):
    """The page renders the richer JSON other stages add (sentences, claims, removed)."""
    result = {
        "machine_probability": 0.91,
        "label": "machine",
        "threshold": 0.87,
        "fpr_target": 0.01,
        "model": "smollm2-135m",
        "tokens": 120,
        "scores": {"prelude@smollm2-135m": 0.3},
        "evasion": {"invisible_characters": 2, "homoglyphs": 0},
        "title": "Drones over Poland",
        "site": "example.com",
        "languages": {"en": 0.81, "es": 0.19},
        "stories": 3,
        "sentence_threshold": 0.83,
        "sentence_fpr_target": 0.02,
        "sentence_shade": 0.57,
        "sentence_shade_fpr_target": 0.1,
        "sentences": [
            {
                "start": 0,
                "end": 30,
                "text": "Poland invoked Article 4.",
                "machine_probability": 0.1,
            },
            {
                "start": 31,
                "end": 70,
                "text": "<b>Allies</b> met in Brussels.",
                "machine_probability": 0.95,
            },
        ],
        "boundary": {
            "sentence": 1,
            "start": 31,
            "text": "<b>Allies</b> met in Brussels.",
            "statistic": 3.2,
            "cutoff": 2.5,
            "fpr_target": 0.05,
            "likely_range": [1, 1],
            "likely_level": 0.9,
        },
        "removed": [{"text": "Subscribe now", "reason": "boilerplate"}],
        "attention": "high",
        "flags": ["evasion: 4 invisible characters removed"],
        "caveats": ["the page holds 3 stories, read as one text: the verdict is on the first"],
        "claims": [
            {
                "text": "Poland invoked Article 4.",
                "verdict": "supported",
                "evidence": [
                    {
                        "source": "nato.md",
                        "url": "https://www.nato.int/a4",
                        "sentence": "Poland requested consultations under Article 4.",
                        "relevant": True,
                    }
                ],
                "conflicts": [],
            },
            {
                "text": "12 people were questioned.",
                "verdict": "contradicted",
                "evidence": [],
                "conflicts": [
                    {"kind": "number", "claim": "12", "source_says": "7", "source": "police.md"}
                ],
            },
            {
                "text": "She said: we will stay silent.",
                "verdict": "contradicted",
                "evidence": [],
                "conflicts": [],
                "reason": "the closest source sentence negates what the claim affirms",
            },
        ],
    }
    page.evaluate("r => window.newsprobe.render(r)", result)
    sentences = page.locator("#sentences .sentence")
    assert sentences.count() == 2
    low, high = (s.evaluate("e => getComputedStyle(e).backgroundColor") for s in sentences.all())
    # Shaded as the terminal shades them, with the cut-offs said in the key.
    assert (low, high) == ("rgba(0, 0, 0, 0)", "rgb(246, 172, 172)")
    assert page.locator("#sentences-legend").inner_text() == (
        "red: above 83.0% (at most 2.0% of human news sentences); yellow: above 57.0% "
        "(at most 10.0%); plain below; grey text: beyond the scored token window"
    )
    assert page.locator("#sentences b").count() == 0  # text, never markup
    assert "machine 95.0%" in sentences.nth(1).inner_text()
    # The mixed article's turn: marked before the second sentence, and said in words.
    assert page.locator("#sentences mark.boundary").count() == 1
    note = page.locator("#boundary-note").inner_text()
    assert note.startswith("Mixed: machine-written from sentence 2 on")
    assert "the turn is in sentence 2, underlined, with 90.0% probability" in note
    assert page.locator("#sentences .likely-turn").count() == 1
    assert "Allies" in page.locator("#sentences .likely-turn").inner_text()
    assert page.locator("#removed").inner_text() == "boilerplate: Subscribe now"
    assert page.locator("#flags-box").is_visible()
    assert page.locator("#flags").inner_text() == "evasion: 4 invisible characters removed"
    assert "invisible characters: 2" in page.locator("#evasion").inner_text()
    claims = page.locator("#claims > li")
    assert claims.count() == 3
    assert "why: the closest source sentence negates" in claims.nth(2).inner_text()
    assert "supported" in claims.nth(0).inner_text()
    assert page.locator("#claims a").get_attribute("href") == "https://www.nato.int/a4"
    assert "police.md says “7”" in claims.nth(1).inner_text()
    assert page.locator("#claims-summary").inner_text().startswith("3 claims: 2 contradicted")
    meta = page.locator("#meta").inner_text()
    assert "Drones over Poland" in meta
    assert "en 81.0%, es 19.0% of its paragraphs" in meta
    # What limits the number is said under it, as in the terminal (a ticket carries the
    # report, not the terminal).
    assert page.locator("#caveats").inner_text() == (
        "the page holds 3 stories, read as one text: the verdict is on the first"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "page_full_result.png"), full_page=True)
    # A human verdict on the start with a turn after it is said as mixed, first.
    page.evaluate("r => window.newsprobe.render(r)", {**result, "label": "human"})
    assert page.locator("#verdict").inner_text() == "Mixed: machine-written from sentence 2 on"
    assert page.locator("#verdict").get_attribute("class") == "verdict mixed"
    assert (
        page.locator("#verdict-detail")
        .inner_text()
        .startswith("Machine probability 91.0% (of its start); articles above 87.0%")
    )
    # A turn found by reading the unread ending alone says so, not the sentence test's words.
    ending = {**result, "label": "human", "boundary": {**result["boundary"], "test": "ending"}}
    page.evaluate("r => window.newsprobe.render(r)", {**ending, "caveats": []})
    assert "its ending, read alone, reads machine-written more strongly than in all but 5.0%" in (
        page.locator("#boundary-note").inner_text()
    )
    assert page.locator("#caveats").is_hidden()


def send_dropped(page, name: str, mime: str, data: bytes) -> tuple[str, set[str]]:
    """Drop a file on the page and submit it: the note the page shows for it, and the
    input kinds the request then carried."""
    page.set_input_files("#file", files=[{"name": name, "mimeType": mime, "buffer": data}])
    page.locator("#file-note").wait_for(state="visible")
    with page.expect_request("**/v1/check") as sent:
        page.get_by_role("button", name="Check article").click()
    return page.locator("#file-name").inner_text(), set(sent.value.post_data_json)


def test_dropped_files_are_read_text_into_the_box_and_html_sent_as_html(page):
    text = SAMPLE.read_text(encoding="utf-8")
    page.set_input_files(
        "#file", files=[{"name": "story.txt", "mimeType": "text/plain", "buffer": text.encode()}]
    )
    expect(page.get_by_label("Article text or URL")).to_have_value(text)
    assert page.get_by_label("Article text or URL").input_value() == text
    html = (SAMPLE.parent / "article.html").read_text(encoding="utf-8")
    # Pages and Markdown go as their bytes, read on the server as `check` reads files.
    assert send_dropped(page, "story.html", "text/html", html.encode()) == (
        "File: story.html (HTML; its main text will be checked)",
        {"file", "filename"},
    )
    # the page has finished: either a result or an error is showing
    expect(page.locator("#result:not([hidden]), #error:not([hidden])")).to_have_count(1)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "page_html_file.png"), full_page=True)
    page.get_by_role("button", name="remove file").click()
    # Markdown goes as markdown, for the server to take its markup off.
    assert send_dropped(page, "story.md", "text/markdown", text.encode()) == (
        "File: story.md (Markdown; its text will be checked)",
        {"file", "filename"},
    )
    expect(page.locator("#verdict")).to_be_visible()
    page.get_by_role("button", name="remove file").click()
    assert page.locator("#file-note").is_hidden()
    # A text in another encoding is not read as UTF-8 by the browser: its bytes go.
    assert send_dropped(page, "story.txt", "text/plain", text.encode("utf-16")) == (
        "File: story.txt (text in its own encoding; it will be checked)",
        {"file", "filename"},
    )
    expect(page.locator("#verdict")).to_be_visible()
    page.get_by_role("button", name="remove file").click()


def test_a_dropped_pdf_is_sent_as_pdf_and_a_binary_file_is_refused(page):
    text = SAMPLE.read_text(encoding="utf-8")
    lines = [line[i : i + 80] for line in text.splitlines() for i in range(0, len(line), 80)]
    pdf = make_pdf([lines], title="Poland invokes NATO Article 4")
    assert send_dropped(page, "release.pdf", "application/pdf", pdf) == (
        "File: release.pdf (PDF; its text will be checked)",
        {"pdf"},
    )
    expect(page.locator("#result")).to_be_visible()
    assert "Poland invokes NATO Article 4" in page.locator("#meta").inner_text()
    page.get_by_role("button", name="remove file").click()
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)
    page.set_input_files(
        "#file", files=[{"name": "photo.png", "mimeType": "image/png", "buffer": png}]
    )
    expect(page.locator("#error")).to_have_text("photo.png is not a text, HTML or PDF file.")
    assert page.get_by_label("Article text or URL").input_value() == ""
    page.set_input_files(
        "#file", files=[{"name": "notes.rtf", "mimeType": "text/rtf", "buffer": b"{\\rtf1 x}"}]
    )
    expect(page.locator("#error")).to_have_text("notes.rtf is not a text, HTML or PDF file.")
    # A file of many articles is refused, as the API refuses it: its rows are no one text.
    rows = b'{"text": "Poland asked NATO allies to hold consultations."}\n' * 3
    page.set_input_files("#file", files=[{"name": "crawl.jsonl", "mimeType": "", "buffer": rows}])
    expect(page.locator("#error")).to_contain_text("crawl.jsonl holds many articles")
    assert page.get_by_label("Article text or URL").input_value() == ""


def test_api_key_typed_into_the_page_is_sent(browser, serve):
    from newsprobe.service import ServiceSettings

    keyed = serve(ServiceSettings(api_key="page-key"))
    context = browser.new_context(base_url=keyed.url)
    page = context.new_page()
    page.goto("/")
    expect(page.locator("#sources-note")).to_contain_text("This server asks for an API key")
    page.get_by_label("Article text or URL").fill(SAMPLE.read_text(encoding="utf-8"))
    page.get_by_role("button", name="Check article").click()
    expect(page.get_by_role("alert")).to_contain_text("API key")
    page.locator("summary", has_text="API key").click()
    page.get_by_label("API key (only if this server requires one)").fill("page-key")
    page.get_by_role("button", name="Check article").click()
    page.locator("#verdict").wait_for(state="visible", timeout=30_000)
    assert page.get_by_role("alert").is_hidden()
    # With the key, the page reads what it could not before: the sources and what each
    # score means (those columns were empty).
    assert page.locator("#sources-note").inner_text().startswith("No trusted sources")
    meanings = page.locator("#scores td.detail").all_text_contents()
    assert meanings and any(meanings)
    context.close()


def test_api_docs_render_with_no_request_leaving_the_server(browser, server):
    """/docs renders in the browser from the app's own files (offline-proof)."""
    context = browser.new_context(base_url=server.url)
    page = context.new_page()
    elsewhere: list[str] = []

    def only_this_server(route_):  # abort, and remember, anything not for the app
        if route_.request.url.startswith(server.url):
            route_.continue_()
        else:
            elsewhere.append(route_.request.url)
            route_.abort()

    page.route("**/*", only_this_server)
    page.goto("/docs")
    page.locator(".opblock").first.wait_for(state="visible", timeout=30_000)
    assert "/v1/check" in page.content()
    assert elsewhere == []
    context.close()


def test_a_saved_report_opens_offline_and_switches_between_articles(
    browser, tiny_detector, tmp_path
):
    """`check --html` pages: the web page's result view over embedded results, no server."""
    from newsprobe.article import Article
    from newsprobe.pipeline import check_articles
    from newsprobe.report import article_json
    from newsprobe.report.html import write_report
    from sample_texts import ARTICLE, MACHINE_LIKE

    articles = check_articles(
        [Article(text=ARTICLE, title="Allies consult"), Article(text=MACHINE_LIKE)], tiny_detector
    )
    results = [article_json(a, tiny_detector.model_label) for a in articles]
    results.insert(1, {"path": "gone.txt", "error": "gone.txt: no such file"})
    # Not flagged at a probability above one half: uncertain, not "likely human".
    results.append(dict(results[0], title="Uncertain", label="human", machine_probability=0.66))
    # Flagged by a threshold set low on a user's own news, under one half: not "likely".
    low = dict(results[0], title="Low", label="machine", machine_probability=0.24)
    results.append(dict(low, threshold=0.09, threshold_texts=40))
    claim = {"text": "Poland joined NATO in 2009.", "verdict": "contradicted", "evidence": []}
    results[0]["claims"] = [claim]  # as check --sources adds them
    path = write_report(tmp_path / "report.html", results, tiny_detector.feature_names_)
    context = browser.new_context(viewport={"width": 1100, "height": 1400})
    page = context.new_page()
    requests: list[str] = []
    page.route("**/*", lambda r: (requests.append(r.request.url), r.continue_()))
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri())
    expect(page.locator("#result-heading")).to_have_text("Allies consult")
    first = "Likely MACHINE-WRITTEN" if results[0]["label"] == "machine" else "Not flagged"
    expect(page.locator("#verdict")).to_contain_text(first)
    assert page.locator("#sentences .sentence").count() == len(results[0]["sentences"])
    expect(page.locator("#claims")).to_contain_text("contradictedPoland joined NATO in 2009.")
    expect(page.locator("#report-articles li").first).to_contain_text(
        "; 1 of 1 claims contradicted"
    )
    expect(page.locator("#report-articles li").nth(3)).to_contain_text(
        "Not flagged (uncertain, leaning machine), machine probability 66.0%"
    )
    in_verdict = page.locator("#scores tr", has_text="yes")
    assert in_verdict.count() == len(tiny_detector.feature_names_)
    loglik = page.locator("#scores tr", has_text="loglik_median@")  # each says what it means
    expect(loglik.locator("td").last).to_have_text(
        "median log-likelihood, robust to edits (higher = more machine-like)"
    )
    page.get_by_role("button", name="gone.txt").click()
    expect(page.get_by_role("alert")).to_have_text("gone.txt: no such file")
    assert page.locator("#result").is_hidden()
    page.get_by_role("button", name="article 3").click()
    expect(page.locator("#result-heading")).to_have_text("article 3")
    assert page.get_by_role("alert").is_hidden()
    last = "Likely MACHINE-WRITTEN" if results[2]["label"] == "machine" else "Not flagged"
    expect(page.locator("#verdict")).to_contain_text(last)
    # Printed (or saved as PDF), the report holds every article, not only the one shown.
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    copies = page.locator(".print-article")
    expect(copies).to_have_count(len(results))
    assert page.locator("#result").is_hidden()  # the one on screen is among the copies
    expect(copies.nth(0).locator("h2")).to_have_text("Allies consult")
    expect(copies.nth(0)).to_contain_text("contradictedPoland joined NATO in 2009.")
    expect(copies.nth(1)).to_contain_text("gone.txt: no such file")
    expect(copies.nth(3)).to_contain_text("Not flagged (uncertain, leaning machine)")
    expect(copies.nth(4)).to_contain_text("Flagged (leaning human)")
    expect(copies.nth(4)).to_contain_text("of human news (measured on 40 texts).")
    assert all(copies.nth(i).is_visible() for i in range(len(results)))
    assert page.locator(".report-print [id]").count() == 0  # copies, not second elements
    expect(page.locator("#result-heading")).to_have_text("article 3")  # the one on screen
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    expect(copies).to_have_count(0)
    assert page.locator("#result").is_visible()
    assert requests == [path.as_uri()]  # the page alone: no script, style or data fetched
    assert errors == []
    context.close()


def test_a_checked_article_is_saved_as_a_report_page_that_opens_alone(page, browser, tmp_path):
    page.get_by_label("Article text or URL").fill(SAMPLE.read_text(encoding="utf-8"))
    page.get_by_role("button", name="Check article").click()
    page.locator("#verdict").wait_for(state="visible", timeout=30_000)
    verdict = page.locator("#verdict").inner_text()
    with page.expect_download() as info:
        page.get_by_role("button", name="Save as a report page").click()
    download = info.value
    assert download.suggested_filename == "newsprobe-report.html"
    saved = tmp_path / "report.html"
    download.save_as(saved)
    context = browser.new_context()
    alone = context.new_page()
    alone.goto(saved.as_uri())
    expect(alone.locator("#verdict")).to_have_text(verdict)
    assert alone.locator("#save-report").is_hidden()  # the saved page is the report
    assert alone.locator("#report-articles").is_hidden()  # one article: no list
    assert "Saved from the newsprobe web page" in alone.locator("header").inner_text()
    context.close()


def test_a_text_not_judged_shows_its_reason_not_a_number_or_scores(
    browser, tiny_detector, tmp_path
):
    """Too short, or in a language the detector does not cover: the page said "Machine
    probability n/a; articles above 92.2% are flagged ..." and listed scores and evasion
    counts of a text that was never judged."""
    from newsprobe.article import Article
    from newsprobe.ingest.text import article_from_text
    from newsprobe.pipeline import check_articles
    from newsprobe.report import article_json
    from newsprobe.report.html import write_report

    german = (
        "Die Bundesregierung hat am Mittwoch beschlossen, die Hilfen für die Landwirtschaft "
        "im kommenden Jahr deutlich zu erhöhen, wie ein Sprecher in Berlin mitteilte."
    )
    read = [article_from_text(german, "de.txt"), Article(text="Drones crossed.")]
    articles = check_articles(read, tiny_detector)
    results = [article_json(a, tiny_detector.model_label) for a in articles]
    assert [r["label"] for r in results] == ["unsupported_language", "too_short"]
    path = write_report(tmp_path / "report.html", results, tiny_detector.feature_names_)
    context = browser.new_context(viewport={"width": 1100, "height": 1400})
    page = context.new_page()
    page.goto(path.as_uri())
    for i, result in enumerate(results):
        page.locator("#report-articles button").nth(i).click()
        expect(page.locator("#verdict-detail")).to_have_text(result["reason"])
        assert page.locator("#result details.scores").is_hidden()
        assert page.locator("#evasion-section").is_hidden()
    context.close()


def test_a_saved_report_says_its_verdicts_and_claims_without_a_script(browser, tmp_path):
    """A mail client's preview runs no script: the page still says what was found."""
    from newsprobe.report.html import write_report

    result = {"title": "Allies consult", "label": "machine", "machine_probability": 0.93}
    result.update(threshold=0.6, fpr_target=0.01, threshold_texts=300)
    conflict = {"kind": "date", "claim": "2009", "title": "nato", "source_says": "1999"}
    claim = {"text": "Poland joined <b>NATO</b> in 2009.", "verdict": "contradicted"}
    result["claims"] = [dict(claim, conflicts=[conflict])]
    results = [result, {"path": "gone.txt", "error": "gone.txt: no such file"}]
    path = write_report(tmp_path / "report.html", results)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(path.as_uri())
    shown = page.locator(".noscript")
    expect(shown).to_be_visible()
    expect(shown.locator("h2")).to_have_text(["Allies consult", "gone.txt"])
    expect(shown).to_contain_text("Likely MACHINE-WRITTEN")
    expect(shown).to_contain_text("Machine probability 93.0%; articles above 60.0% are flagged")
    expect(shown).to_contain_text("at most 1.0% of human news (measured on 300 texts).")
    expect(shown.locator("li")).to_have_text(
        "contradicted: Poland joined <b>NATO</b> in 2009."
        "date: the article says “2009”, nato says “1999”"
    )
    expect(shown).to_contain_text("gone.txt: no such file")
    context.close()
