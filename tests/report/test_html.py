"""The saved report's names for its articles, as a reader without the page's script sees
them (the browser tests in tests/service/test_page.py drive the script's view)."""

from __future__ import annotations

import re

from newsprobe.report.html import report_page


def test_articles_are_named_by_title_and_where_they_came_from_else_by_number() -> None:
    """Two files with one headline were two sections of the same name; pasted texts and
    failed items were each just "article"."""
    verdict = {"label": "human", "machine_probability": 0.1, "threshold": 0.9}
    results = [
        {**verdict, "title": "Poland invokes Article 4", "path": "a.html"},
        {**verdict, "title": "Poland invokes Article 4", "path": "b.html"},
        dict(verdict),
        {"error": "fetch failed", "url": "https://news.example/1"},
        {"error": "bad input"},
    ]
    page = report_page(results)
    noscript = page[page.index("<noscript>") : page.index("</noscript>")]
    assert re.findall(r"<h2>(.*?)</h2>", noscript) == [
        "Poland invokes Article 4 (a.html)",
        "Poland invokes Article 4 (b.html)",
        "article 3",
        "https://news.example/1",
        "article 5",
    ]


def test_a_human_start_with_a_turn_is_said_as_mixed_without_a_script() -> None:
    turn = {"sentence": 4, "text": "Allies agreed to consult."}
    result = {"label": "human", "machine_probability": 0.2, "threshold": 0.9, "boundary": turn}
    page = report_page([result])
    noscript = page[page.index("<noscript>") : page.index("</noscript>")]
    assert '<p class="verdict mixed">Mixed: machine-written from sentence 5 on</p>' in noscript
    assert "Turns machine-written at sentence 5" in noscript


def test_a_mixed_verdicts_number_is_its_starts_and_caveats_are_said_without_a_script():
    """The terminal said "(of its start)" and "short text" under a verdict; the saved
    report, which is what a ticket carries, said neither."""
    turn = {"sentence": 4, "text": "Allies agreed to consult."}
    short = "short text (45 words): under ~100 words a verdict is weak evidence"
    result = {"label": "human", "machine_probability": 0.063, "threshold": 0.9,
              "boundary": turn, "caveats": [short]}  # fmt: skip
    page = report_page([result])
    noscript = page[page.index("<noscript>") : page.index("</noscript>")]
    assert "Machine probability 6.3% (of its start); articles above 90.0%" in noscript
    assert f"<p>Note: {short}.</p>" in noscript
    page = report_page([{**result, "boundary": None, "caveats": []}])
    noscript = page[page.index("<noscript>") : page.index("</noscript>")]
    assert "(of its start)" not in noscript and "Note: short text" not in noscript
