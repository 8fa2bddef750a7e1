"""Checked articles as one self-contained HTML page (``newsprobe check --html``).

A fact-checker attaches the page to a ticket or mails it to an editor, who opens it in a
browser without newsprobe, a server or a network. It is the web page's own result view
(markup, style and script of ``service/static``), so a saved report and the served page
show the same thing from the same code; the results ride along as JSON inside the page
instead of coming from ``/v1/check``. The script writes every value with ``textContent``,
and the JSON cannot close its ``<script>`` element (every ``<`` in it is escaped), so an
article cannot put markup into the report.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from datetime import datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

from newsprobe.fileio import write_text_atomic
from newsprobe.report.meanings import SCORER_MEANINGS

__all__ = ["report_page", "saved_note", "write_report"]

_START, _END = "<!-- report:start", "<!-- report:end -->"


def _static(name: str) -> str:
    return (files("newsprobe.service") / "static" / name).read_text(encoding="utf-8")


def _result_view() -> str:
    """The result markup of the web page: what lies between its report marks."""
    page = _static("index.html")
    start, end = page.index(_START), page.index(_END)
    return page[page.index("-->", start) + 3 : end].strip()


def _name(result: dict[str, Any]) -> str:
    """How the page names an article (as app.js's ``articleName``)."""
    where = result.get("path")
    if where and result.get("record_id"):
        where = f"{where}, row {result['record_id']}"
    return str(result.get("title") or where or result.get("url") or "article")


def saved_note(by: str, model: str) -> str:
    """What the page's tagline says of its making: by what, when (local time), with which
    model; ``check --html`` and the web service's ``/v1/report`` say it alike."""
    return f"{by} on {datetime.now().astimezone():%Y-%m-%d %H:%M}, model {model}"


def report_page(
    results: Sequence[dict[str, Any]], features: Sequence[str] = (), saved: str = ""
) -> str:
    """The page for ``results`` (``check --json`` objects, error lines included);
    ``features`` are the scorers the verdict uses (marked "in verdict" in the scores);
    ``saved`` says by what and when ("by newsprobe check --html on ...")."""
    data = json.dumps(
        {"results": list(results), "features": list(features), "meanings": SCORER_MEANINGS},
        ensure_ascii=False,
    )
    data = data.replace("<", "\\u003c")  # JSON's own escape: the text cannot end the script
    script = _static("app.js")
    if "</script" in script.lower():
        raise ValueError("app.js cannot be inlined: it contains '</script'")
    what = _name(results[0]) if len(results) == 1 else f"{len(results)} articles"
    tagline = "Was this news written by a machine?"
    if saved:
        tagline += f" Saved {html.escape(saved)}."
    return f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>newsprobe report: {html.escape(what)}</title>
  <style>
{_static("style.css")}
  </style>
</head>
<body>
  <header>
    <h1>newsprobe report</h1>
    <p class="tagline">{tagline}</p>
  </header>
  <main>
    <nav id="report-articles" class="report-articles" aria-label="Articles" hidden></nav>
    {_result_view()}
  </main>
  <footer>
    <p>The threshold flags at most the stated share of human news. "Human" means "not
      flagged", not proof.</p>
  </footer>
  <script type="application/json" id="report-data">{data}</script>
  <script>
{script}
  </script>
</body>
</html>
"""


def write_report(
    path: str | Path,
    results: Sequence[dict[str, Any]],
    features: Sequence[str] = (),
    saved: str = "",
) -> Path:
    """Write :func:`report_page` to ``path``, whole or not at all."""
    return write_text_atomic(path, report_page(results, features, saved))
