"""The site report as a terminal table, CSV, JSON and a self-contained HTML page."""

from __future__ import annotations

import base64
import csv
import html
import io
import json
import re
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from newsprobe.batch.sites import SiteReport
from newsprobe.fileio import output_file, write_text_atomic

CSV_COLUMNS = [
    "rank",
    "site",
    "articles",
    "judged",
    "machine",
    "machine_share",
    "ci_low",
    "ci_high",
    "mean_probability",
    "too_short",
    "other_language",
    "errors",
    "evasion_articles",
    "invisible_characters",
    "homoglyphs",
    "misspellings",
    "chatbot_articles",
    "translated_articles",
    "top_flagged",
]


def report_dict(report: SiteReport) -> dict[str, Any]:
    return {
        "results": report.results,
        "confidence": report.confidence,
        "ranked_by": "ci_low (Wilson lower bound of the machine share)",
        "articles": report.articles,
        "judged": report.judged,
        "machine": report.machine,
        "min_articles": report.min_articles,
        "sites_left_out": report.left_out,
        "sites": [{"rank": i, **s.as_dict()} for i, s in enumerate(report.sites, 1)],
    }


def _write(path: Path, text: str) -> None:
    """Written whole or not at all (temporary file, then rename)."""
    write_text_atomic(output_file(path), text)


def write_json(report: SiteReport, path: Path) -> None:
    _write(path, json.dumps(report_dict(report), indent=2))


def write_csv(report: SiteReport, path: Path) -> None:
    """One row per site; ``top_flagged`` is the flagged URLs (or ids), ``|``-separated."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for row in report_dict(report)["sites"]:
        row["top_flagged"] = " | ".join(t["url"] or t["record_id"] for t in row["top_flagged"])
        writer.writerow(row)
    _write(path, buf.getvalue())


def print_sites(report: SiteReport, console: Console, limit: int = 30) -> None:
    pct = int(report.confidence * 100)
    table = Table(title=f"sites ranked by the lower bound of a {pct}% Wilson interval")
    cols = (
        "#",
        "site",
        "articles",
        "flagged",
        "machine share",
        f"{pct}% CI",
        "evasion",
        "chatbot",
        "translated",
        "errors",
    )
    for col in cols:
        table.add_column(col, justify="left" if col == "site" else "right")
    for i, s in enumerate(report.sites[:limit], 1):
        table.add_row(
            str(i),
            s.site,
            str(s.articles),
            f"{s.machine}/{s.judged}",
            f"{s.share:.1%}" if s.judged else "-",
            f"{s.ci_low:.1%}-{s.ci_high:.1%}",
            str(s.evasion_articles),
            str(s.chatbot_articles),
            str(s.translated_articles),
            str(s.errors),
        )
    console.print(table)
    if len(report.sites) > limit:
        console.print(f"... {len(report.sites) - limit} more sites (use --csv or --json)")
    if report.left_out:
        console.print(
            f"{report.left_out} site{'' if report.left_out == 1 else 's'} with fewer than "
            f"{report.min_articles} articles left out (--min-articles); the totals count "
            f"all {report.articles} articles",
            style="dim",
        )


def plot_png(report: SiteReport) -> bytes:
    """Sites by volume (x, log) against machine share (y) with Wilson intervals."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sites = [s for s in report.sites if s.judged]  # a site with no verdict has no share
    fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
    x = [max(s.judged, 1) for s in sites]
    y = [s.share for s in sites]
    err = [
        [max(0.0, s.share - s.ci_low) for s in sites],
        [max(0.0, s.ci_high - s.share) for s in sites],
    ]
    ax.errorbar(x, y, yerr=err, fmt="none", ecolor="0.75", elinewidth=1, zorder=1)
    ax.scatter(
        x, y, c=[s.ci_low for s in sites], cmap="Reds", vmin=0, vmax=1, edgecolors="0.2", zorder=2
    )
    for s in sites[:10]:
        ax.annotate(
            s.site,
            (max(s.judged, 1), s.share),
            fontsize=8,
            xytext=(4, 4),
            textcoords="offset points",
        )
    ax.set_xscale("log")
    ax.set_ylim(-0.03, 1.03)
    ax.set_xlabel("articles judged (log scale)")
    ax.set_ylabel("share flagged machine-written")
    ax.set_title(f"{len(sites)} sites: volume vs machine share ({report.confidence:.0%} CI)")
    ax.grid(alpha=0.3)
    buf = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()


def _web_address(url: str | None) -> bool:
    """Whether a crawl's url may be a link: http(s) only, as in ``check --html``; a
    ``javascript:`` url in crawled data would run in the reader's browser."""
    return bool(url) and re.match(r"https?://", str(url), re.I) is not None


def write_html(report: SiteReport, path: Path, limit: int = 200) -> None:
    """A single HTML file: the plot embedded as a base64 PNG and the ranked table."""
    e = html.escape
    png = base64.b64encode(plot_png(report)).decode("ascii")
    rows = []
    for i, s in enumerate(report.sites[:limit], 1):
        flagged = "".join(
            f"<li>{t['machine_probability']:.2f} "
            + (
                f'<a href="{e(t["url"])}">{e(t["title"] or t["url"])}</a>'
                if _web_address(t["url"])
                else e(t["title"] or t["url"] or t["record_id"])
            )
            + "</li>"
            for t in s.top_flagged
        )
        rows.append(
            f"<tr><td>{i}</td><td>{e(s.site)}</td><td>{s.articles}</td>"
            f"<td>{s.machine}/{s.judged}</td><td>{f'{s.share:.1%}' if s.judged else '-'}</td>"
            f"<td>{s.ci_low:.1%} – {s.ci_high:.1%}</td><td>{s.evasion_articles}</td>"
            f"<td>{s.chatbot_articles}</td><td>{s.translated_articles}</td>"
            f"<td>{s.too_short}</td><td>{s.other_language}</td><td>{s.errors}</td>"
            f"<td><ul>{flagged}</ul></td></tr>"
        )
    pct = f"{report.confidence:.0%}"
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newsprobe site report</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:1100px}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:4px 8px;
vertical-align:top}}ul{{margin:0;padding-left:1.2em}}</style></head><body>
<h1>Sites ranked by machine-written share</h1>
<p>{e(report.results)}: {report.articles} articles, {report.judged} judged,
{report.machine} flagged machine-written. Sites are ranked by the lower bound of the
{pct} Wilson interval of their flagged share, so a small site needs more evidence to
rank high. Flagged means above the detector's threshold (set for a stated false-positive
rate on human news); a flag is evidence, not proof.</p>
<img alt="sites by volume vs machine share" src="data:image/png;base64,{png}">
<table><tr><th>#</th><th>site</th><th>articles</th><th>flagged/judged</th>
<th>share</th><th>{pct} CI</th><th>evasion</th><th>chatbot text</th>
<th>machine-translated</th><th>too short</th><th>other language</th>
<th>errors</th><th>top flagged</th></tr>
{"".join(rows)}
</table></body></html>
"""
    _write(path, page)
