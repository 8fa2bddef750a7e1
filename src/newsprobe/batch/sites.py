"""Per-site aggregation of scan results: which sites publish mostly machine-written text.

A site's machine share is a proportion over few articles for most sites, so sites are
ranked by the lower bound of its Wilson score interval, not by the raw share: a site with
3 of 3 flagged is less certainly a content farm than one with 80 of 100. The results file
is read in batches and only per-site counters (plus a small top-k heap) are kept, so the
report runs in flat memory over any crawl.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprobe.batch.resume import read_results
from newsprobe.errors import InputError
from newsprobe.eval.metrics import wilson_interval
from newsprobe.normalize.text import TRANSLATION_MIN

UNKNOWN_SITE = "(unknown)"
COLUMNS = [
    "record_id",
    "url",
    "site",
    "title",
    "machine_probability",
    "label",
    "invisible_characters",
    "homoglyphs",
    "error",
]
#: Columns that older results files lack (they count as 0 there).
OPTIONAL_COLUMNS = ["misspellings", "tells", "spaced_hyphens"]


@dataclass(slots=True)
class SiteStats:
    """One site's counts. ``judged`` = machine + human (too-short, other-language and error
    rows excluded)."""

    site: str
    articles: int = 0
    judged: int = 0
    machine: int = 0
    too_short: int = 0
    other_language: int = 0  # in a language the detector was not fitted on
    errors: int = 0
    evasion_articles: int = 0
    invisible_characters: int = 0
    homoglyphs: int = 0
    misspellings: int = 0
    chatbot_articles: int = 0
    translated_articles: int = 0
    probability_sum: float = 0.0
    share: float = 0.0
    ci_low: float = 0.0
    ci_high: float = 1.0
    top_flagged: list[dict[str, Any]] = field(default_factory=list)

    @property
    def mean_probability(self) -> float | None:
        return self.probability_sum / self.judged if self.judged else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "site": self.site,
            "articles": self.articles,
            "judged": self.judged,
            "machine": self.machine,
            # No article judged (only errors or too-short texts): no share, not 0%.
            "machine_share": round(self.share, 6) if self.judged else None,
            "ci_low": round(self.ci_low, 6),
            "ci_high": round(self.ci_high, 6),
            "mean_probability": None
            if self.mean_probability is None
            else round(self.mean_probability, 6),
            "too_short": self.too_short,
            "other_language": self.other_language,
            "errors": self.errors,
            "evasion_articles": self.evasion_articles,
            "invisible_characters": self.invisible_characters,
            "homoglyphs": self.homoglyphs,
            "misspellings": self.misspellings,
            "chatbot_articles": self.chatbot_articles,
            "translated_articles": self.translated_articles,
            "top_flagged": self.top_flagged,
        }


@dataclass(slots=True)
class SiteReport:
    results: str
    confidence: float
    sites: list[SiteStats]
    articles: int
    judged: int
    machine: int
    # Sites with fewer than ``min_articles`` articles, not ranked; the totals above count
    # every site's articles.
    min_articles: int = 1
    left_out: int = 0


def site_report(
    results: Path, top: int = 3, confidence: float = 0.95, min_articles: int = 1
) -> SiteReport:
    """Aggregate a scan's results per site and rank sites by the Wilson lower bound."""
    sites: dict[str, SiteStats] = {}
    heaps: dict[str, list[tuple[float, str, dict[str, Any]]]] = {}
    for batch in read_results(Path(results), COLUMNS, OPTIONAL_COLUMNS):
        for row in batch.to_pylist():
            name = row["site"] or UNKNOWN_SITE
            s = sites.get(name) or sites.setdefault(name, SiteStats(site=name))
            _add(s, row)
            if row["label"] == "machine" and top > 0:
                heap = heaps.setdefault(name, [])
                item = (float(row["machine_probability"]), row["record_id"], _brief(row))
                if len(heap) < top:
                    heapq.heappush(heap, item)
                else:
                    heapq.heappushpop(heap, item)
    if not sites:
        raise InputError(f"{results}: no rows to report on")
    ranked = []
    for name, s in sites.items():
        s.share = s.machine / s.judged if s.judged else 0.0
        s.ci_low, s.ci_high = wilson_interval(s.machine, s.judged, confidence)
        s.top_flagged = [b for _, _, b in sorted(heaps.get(name, []), reverse=True)]
        if s.articles >= min_articles:
            ranked.append(s)
    # Records with no site are a pool of many, not a site: listed, but after every site.
    ranked.sort(key=lambda s: (s.site == UNKNOWN_SITE, -s.ci_low, -s.share, -s.judged, s.site))
    return SiteReport(
        results=str(results),
        confidence=confidence,
        sites=ranked,
        articles=sum(s.articles for s in sites.values()),
        judged=sum(s.judged for s in sites.values()),
        machine=sum(s.machine for s in sites.values()),
        min_articles=min_articles,
        left_out=len(sites) - len(ranked),
    )


def _add(s: SiteStats, row: dict[str, Any]) -> None:
    s.articles += 1
    label = row["label"]
    if row["error"] is not None:
        s.errors += 1
    elif label == "too_short":
        s.too_short += 1
    elif label == "unsupported_language":
        s.other_language += 1
    elif label in ("machine", "human"):
        s.judged += 1
        s.probability_sum += float(row["machine_probability"] or 0.0)
        if label == "machine":
            s.machine += 1
    inv, hom = int(row["invisible_characters"] or 0), int(row["homoglyphs"] or 0)
    typos = int(row.get("misspellings") or 0)
    s.invisible_characters += inv
    s.homoglyphs += hom
    s.misspellings += typos
    if inv or hom or typos:
        s.evasion_articles += 1
    if row.get("tells"):
        # A chatbot's own words in a published article: the plainest content-farm sign.
        s.chatbot_articles += 1
    if int(row.get("spaced_hyphens") or 0) >= TRANSLATION_MIN:
        # Another outlet's story or a chatbot's laundered through machine translation.
        s.translated_articles += 1


def _brief(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "record_id": row["record_id"],
        "url": row["url"],
        "title": row["title"],
        "machine_probability": round(float(row["machine_probability"]), 6),
    }
