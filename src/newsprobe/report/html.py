"""Checked articles as one self-contained HTML page (``newsprobe check --html``).

A fact-checker attaches the page to a ticket or mails it to an editor, who opens it in a
browser without newsprobe, a server or a network. It is the web page's own result view
(markup, style and script of ``service/static``), so a saved report and the served page
show the same thing from the same code; the results ride along as JSON inside the page
instead of coming from ``/v1/check``. The script writes every value with ``textContent``,
and the JSON cannot close its ``<script>`` element (every ``<`` in it is escaped), so an
article cannot put markup into the report. A viewer that runs no script (a mail client's
preview, a locked-down browser) shows a summary written here instead (``<noscript>``):
each article's verdict, turn and claims, every value escaped.
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


def _name(result: dict[str, Any], i: int = 0) -> str:
    """How the page names an article (as app.js's ``articleName``): its title and where it
    came from (two files with one headline are two articles), else its number."""
    where = result.get("path") or result.get("url")
    if where and result.get("record_id"):
        where = f"{where}, row {result['record_id']}"
    title = result.get("title")
    if title and where:
        return f"{title} ({where})"
    return str(title or where or f"article {i + 1}")


#: The verdicts' words, as the page's script says them (app.js ``LABELS``, ``CLAIM_WORDS``).
_LABELS = {
    "machine": "Likely MACHINE-WRITTEN",
    "human": "Not flagged (likely human-written)",
    "too_short": "Too short to judge",
    "unsupported_language": "Language not covered",
}
_CLAIM_WORDS = {
    "supported": "supported",
    "contradicted": "contradicted",
    "not_enough_evidence": "not enough evidence",
}


def _pct(p: float | None) -> str:
    return "n/a" if p is None else f"{100 * p:.1f}%"


def _plain_result(result: dict[str, Any], i: int = 0) -> str:
    """One article's verdict, turn and claims as markup: what a mail client or a viewer
    that runs no script shows of the report (the whole view needs the page's script)."""
    e = html.escape
    parts = [f"<h2>{e(_name(result, i))}</h2>"]
    if "error" in result:
        return parts[0] + f'<p class="error">{e(str(result["error"]))}</p>'
    label, p = result.get("label"), result.get("machine_probability")
    word = _LABELS.get(str(label), str(label))
    turn = result.get("boundary")
    if label == "human" and turn:  # the verdict reads the start; the turn is said first
        word, label = f"Mixed: machine-written from sentence {turn['sentence'] + 1} on", "mixed"
    elif label == "human" and p is not None and p >= 0.5:
        word = "Not flagged (uncertain, leaning machine)"
    elif label == "machine" and p is not None and p < 0.5:
        word = "Flagged (leaning human)"
    detail = (
        result.get("reason") or "too few tokens to judge"
        if p is None
        else f"Machine probability {_pct(p)}{' (of its start)' if turn else ''}; articles "
        f"above {_pct(result.get('threshold'))} "
        f"are flagged, which flags at most {_pct(result.get('fpr_target'))} of human news"
        + (f" (measured on {n} texts)." if (n := result.get("threshold_texts")) else ".")
    )
    parts += [f'<p class="verdict {e(str(label))}">{e(word)}</p>', f"<p>{e(str(detail))}</p>"]
    parts += [f"<p>Note: {e(str(c))}.</p>" for c in result.get("caveats") or []]
    if turn:
        parts.append(f"<p>Turns machine-written at sentence {turn['sentence'] + 1}: ")
        parts.append(f"“{e(str(turn['text']))}”</p>")
    for why in ("claims_not_checked", "claims_error"):
        if result.get(why):
            parts.append(f"<p>Claims not checked: {e(str(result[why]))}.</p>")
    claims = result.get("claims")
    if isinstance(claims, list):
        parts.append(f"<p>{len(claims)} claims checked against the trusted sources:</p><ul>")
        for c in claims:
            verdict = c.get("verdict") or "not_enough_evidence"
            parts.append(f"<li><strong>{e(_CLAIM_WORDS.get(verdict, verdict))}</strong>: ")
            parts.append(e(str(c.get("text", ""))))
            if c.get("reason"):
                parts.append(f"<br>why: {e(str(c['reason']))}")
            for k in c.get("conflicts") or []:
                who = k.get("title") or k.get("source")
                parts.append(
                    f"<br>{e(str(k['kind']))}: the article says “{e(str(k['claim']))}”, "
                    f"{e(str(who))} says “{e(str(k['source_says']))}”"
                )
            parts.append("</li>")
        parts.append("</ul>")
    if result.get("claims_note"):
        parts.append(f"<p>Note: {e(str(result['claims_note']))}.</p>")
    return "".join(parts)


def _plain_view(results: Sequence[dict[str, Any]]) -> str:
    body = "\n".join(f"<section>{_plain_result(r, i)}</section>" for i, r in enumerate(results))
    return (
        '<noscript><div class="noscript"><p>This viewer runs no scripts, so the report '
        "shows its summary only: open the file in a web browser for the coloured sentences, "
        f"the evidence and the scores.</p>\n{body}</div></noscript>"
    )


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
    {_plain_view(results)}
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
