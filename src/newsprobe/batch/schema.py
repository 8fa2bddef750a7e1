"""The row layout of a scan's results: one Parquet row per input record, errors included.

Scores are kept as a JSON string rather than a struct because the scorer set depends on the
detector (models, features); a fixed schema lets part files from any chunk be concatenated.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pyarrow as pa

from newsprobe.article import Article, text_hash
from newsprobe.ingest.records import Record

SCHEMA = pa.schema(
    [
        ("record_id", pa.string()),
        ("source", pa.string()),
        ("text_sha", pa.string()),
        ("url", pa.string()),
        ("site", pa.string()),
        ("title", pa.string()),
        ("machine_probability", pa.float64()),
        ("label", pa.string()),
        # Why a text got no number (too_short, unsupported_language), as `check` says it.
        ("reason", pa.string()),
        # Where a human-labelled article turns machine-written (`check`'s "MIXED: from
        # sentence N on", N - 1 here), or null: a pipeline keyed on `label` alone drops
        # every mixed article.
        ("boundary_sentence", pa.int32()),
        ("threshold", pa.float64()),
        ("fpr_target", pa.float64()),
        ("tokens", pa.int32()),
        ("scores", pa.string()),
        ("invisible_characters", pa.int32()),
        ("homoglyphs", pa.int32()),
        ("misspellings", pa.int32()),
        ("tells", pa.int32()),
        ("spaced_hyphens", pa.int32()),
        ("model", pa.string()),
        ("error", pa.string()),
    ]
)
COLUMNS = SCHEMA.names


def _num(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return float(value)


def _base(rec: Record) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update(record_id=rec.record_id, source=rec.source, url=rec.url, site=rec.site)
    row["title"] = rec.title
    if rec.article is not None:
        row["text_sha"] = text_hash(rec.article.text)
        evasion = rec.article.meta.get("evasion", {})
        row["invisible_characters"] = int(evasion.get("invisible_characters", 0))
        row["homoglyphs"] = int(evasion.get("homoglyphs", 0))
        row["misspellings"] = int(evasion.get("misspellings", 0))
        row["spaced_hyphens"] = int(evasion.get("spaced_hyphens", 0))
    return row


def error_row(rec: Record, error: str) -> dict[str, Any]:
    """A record that could not be read or scored: its id, where it came from and why."""
    row = _base(rec)
    row["error"] = error.splitlines()[0] if error else "unknown error"
    return row


def result_row(rec: Record, article: Article, model: str) -> dict[str, Any]:
    """A scored record (``article`` is ``rec.article`` after ``check_articles``)."""
    v = article.verdict
    if v is None:
        return error_row(rec, "article was not scored")
    row = _base(rec)
    row.update(
        machine_probability=_num(v.machine_probability),
        label=v.label,
        reason=v.reason if v.machine_probability is None and v.reason else None,
        threshold=_num(v.threshold),
        fpr_target=float(v.fpr_target),
        tokens=int(article.meta.get("tokens", 0)),
        scores=json.dumps({k: _num(s) for k, s in sorted(article.scores.items())}),
        tells=len(article.tells),
        boundary_sentence=None if article.boundary is None else article.boundary.sentence,
        model=model,
    )
    return row


def to_table(rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMA)
