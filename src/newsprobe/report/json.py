"""The JSON shape of a checked article (one object per article, stable keys)."""

from __future__ import annotations

import math
from typing import Any

from newsprobe.article import Article
from newsprobe.detect.sentences import SENTENCE_FPR, SHADE_FPR
from newsprobe.report.meanings import caveats


def _num(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return round(float(value), 6)


def article_json(
    article: Article, model: str | None = None, with_text: bool = False
) -> dict[str, Any]:
    """``{"machine_probability", "label", "threshold", "fpr_target", "model", "tokens",
    "scores", "evasion", "attention", "removed", "tells"}``, plus ``flags`` when evasion
    tricks were found, ``caveats`` when the number says less than it seems to (a short
    text, several stories, another language, 50% or more but not flagged), ``reason``
    when no number is given ("too_short", "unsupported_language"), ``sentences`` (empty
    when none were scored) with ``boundary`` (where a mixed article turns machine-written,
    or null) and
    ``sentence_threshold`` (the probability above which at most ``sentence_fpr_target``
    of human news sentences lie, where the detector has calibrated sentence scores),
    ``path`` for files and the page metadata (title, author, date, site, url, language)
    that is known; ``with_text``: ``text``, what was scored once debris was cut, which the
    sentences' offsets index into."""
    v = article.verdict
    if v is None:
        raise ValueError("article has not been checked")
    out: dict[str, Any] = {
        "machine_probability": _num(v.machine_probability),
        "label": v.label,
        "threshold": _num(v.threshold),
        "fpr_target": v.fpr_target,
        "threshold_texts": v.threshold_texts,
        "model": model,
        "tokens": int(article.meta.get("tokens", 0)),
        "scores": {k: _num(s) for k, s in sorted(article.scores.items())},
    }
    if "evasion" in article.meta:
        out["evasion"] = dict(article.meta["evasion"])
    out["attention"] = v.attention
    if v.flags:
        out["flags"] = list(v.flags)
    if notes := caveats(article):
        out["caveats"] = notes
    if v.reason:
        out["reason"] = v.reason
    if article.source_path:
        out["path"] = article.source_path
    meta = {
        "title": article.title,
        "author": article.author,
        "date": article.date,
        "site": article.site,
        "url": article.url,
        "language": article.language,
    }
    out.update({k: val for k, val in meta.items() if val})
    if with_text:
        out["text"] = article.text
    out["removed"] = [{"text": r.text, "reason": r.reason} for r in article.removed]
    out["tells"] = [
        {"start": t.start, "end": t.end, "kind": t.label, "text": t.text_of(article.text)}
        for t in article.tells
    ]
    if article.sentences:
        if v.sentence_threshold is not None:
            out["sentence_threshold"] = _num(v.sentence_threshold)
            out["sentence_fpr_target"] = SENTENCE_FPR
        if v.sentence_shade is not None:
            out["sentence_shade"] = _num(v.sentence_shade)
            out["sentence_shade_fpr_target"] = SHADE_FPR
    # Always there, empty for a text too short or in another language, so that a reader's
    # result["sentences"] does not fail on those.
    out["sentences"] = [
        {
            "start": s.start,
            "end": s.end,
            "text": article.text[s.start : s.end],
            "machine_probability": _num(s.machine_probability),
        }
        for s in article.sentences
    ]
    b = article.boundary
    out["boundary"] = (
        None
        if b is None or not article.sentences
        else {
            "sentence": b.sentence,
            "start": b.start,
            "text": article.text[b.start : article.sentences[b.sentence].end],
            "statistic": _num(b.statistic),
            "cutoff": _num(b.cutoff),
            "fpr_target": b.fpr_target,
            "likely_range": None if b.likely_range is None else list(b.likely_range),
            "likely_level": b.likely_level,
            "test": b.test,
        }
    )
    if "record_id" in article.meta:
        out["record_id"] = article.meta["record_id"]
    if article.claims is not None:
        out["claims"] = [c.to_json() for c in article.claims]
        out["claims_summary"] = claims_summary(article)
    if "claims_not_checked" in article.meta:
        out["claims_not_checked"] = article.meta["claims_not_checked"]
    if article.meta.get("stories", 0) > 1:
        out["stories"] = article.meta["stories"]
    if "languages" in article.meta:
        out["languages"] = article.meta["languages"]
    if "claims_note" in article.meta:
        out["claims_note"] = article.meta["claims_note"]
    if "claims_error" in article.meta:
        out["claims_error"] = article.meta["claims_error"]
    return out


def claims_summary(article: Article) -> dict[str, int]:
    """Counts per verdict, for the one-line summary."""
    claims = article.claims or []
    out = {"claims": len(claims)}
    for verdict in ("supported", "contradicted", "not_enough_evidence"):
        out[verdict] = sum(1 for c in claims if c.verdict == verdict)
    return out
