"""Measure claim verification on a labelled fact-checking set (ClimateFEVER layout).

Every row's evidence sentences go into one store, so each claim must find its evidence
among everyone's (retrieval counts, as in use); then verdicts are compared with the gold
labels. Two baselines frame the numbers: always the most frequent label, and
retrieval-only ("supported" when the best-matching sentence is similar enough, else "not
enough info"), which shows what the consistency checks and the gate add.
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprobe.claims.model import Claim
from newsprobe.claims.nlp import load_nlp
from newsprobe.claims.parts import parse_parts
from newsprobe.errors import DataError
from newsprobe.sources.base import Passage
from newsprobe.sources.sqlite import SQLiteStore
from newsprobe.verify.options import VerifyOptions
from newsprobe.verify.verifier import verify_claims

LABELS = ("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO")
TO_LABEL = {
    "supported": "SUPPORTS",
    "contradicted": "REFUTES",
    "not_enough_evidence": "NOT_ENOUGH_INFO",
}


@dataclass(frozen=True, slots=True)
class FactRow:
    claim: str
    label: str
    evidence: tuple[tuple[str, str], ...]  # (title, text)


def read_factcheck(path: str | Path, limit: int | None = None, seed: int = 0) -> list[FactRow]:
    """Rows ``{"claim", "label", "evidence": [{"text", "title"}...]}``; a seeded sample
    of ``limit`` rows when given."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise DataError(f"{path}: no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read ({exc})") from exc
    rows = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
            ev = tuple((str(e.get("title") or ""), str(e["text"])) for e in r["evidence"])
            rows.append(FactRow(str(r["claim"]), str(r["label"]), ev))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise DataError(
                f'{path}:{n}: expected {{"claim", "label", "evidence": '
                f'[{{"text", "title"}}]}} ({exc})'
            ) from exc
    if not rows:
        raise DataError(f"{path}: no rows")
    if limit is not None and limit < len(rows):
        rows = random.Random(seed).sample(rows, limit)
    return rows


def label_metrics(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    """Accuracy, macro-F1 over the three labels, and precision/recall/F1 per label."""
    per: dict[str, dict[str, float]] = {}
    for label in LABELS:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == label)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if p == label != g)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == label != p)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[label] = {"precision": prec, "recall": rec, "f1": f1, "n": tp + fn}
    correct = sum(1 for g, p in zip(gold, pred, strict=True) if g == p)
    return {
        "accuracy": correct / len(gold) if gold else 0.0,
        "macro_f1": sum(m["f1"] for m in per.values()) / len(LABELS),
        "per_label": per,
    }


def evaluate_claims(
    rows: Sequence[FactRow],
    options: VerifyOptions | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Metrics of the verifier and both baselines on the rows with a three-way label."""
    options = options or VerifyOptions()
    say = progress or (lambda _msg: None)
    kept = [r for r in rows if r.label in LABELS]
    if not kept:
        raise DataError("no rows labelled SUPPORTS, REFUTES or NOT_ENOUGH_INFO")
    nlp = load_nlp()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "eval.sqlite")
        say(f"indexing the evidence of {len(kept)} rows")
        store.add(
            Passage(text, title or "evidence", title or None)
            for r in kept
            for title, text in r.evidence
        )
        t_index = time.perf_counter() - start
        n_passages = len(store)
        say(f"verifying {len(kept)} claims")
        claims = []
        for r, doc in zip(kept, nlp.pipe(r.claim for r in kept), strict=True):
            claims.append(Claim(r.claim, 0, len(r.claim), 0.0, parse_parts(doc[:])))
        verify_claims(claims, store, nlp, options)
        store.close()
    seconds = time.perf_counter() - start
    gold = [r.label for r in kept]
    ours = [TO_LABEL[c.verdict or "not_enough_evidence"] for c in claims]
    majority = Counter(gold).most_common(1)[0][0]
    retrieval = [
        "SUPPORTS"
        if max((e.similarity for e in c.evidence), default=0.0) >= options.min_similarity
        else "NOT_ENOUGH_INFO"
        for c in claims
    ]
    return {
        "n": len(kept),
        "n_skipped": len(rows) - len(kept),
        "skipped_labels": dict(Counter(r.label for r in rows if r.label not in LABELS)),
        "gold": dict(Counter(gold)),
        "predicted": dict(Counter(ours)),
        "systems": {
            "newsprobe": label_metrics(gold, ours),
            f"majority ({majority})": label_metrics(gold, [majority] * len(gold)),
            "retrieval-only": label_metrics(gold, retrieval),
        },
        "passages": n_passages,
        "seconds_index": t_index,
        "seconds_total": seconds,
    }
