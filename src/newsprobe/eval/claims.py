"""Measure claim verification on a labelled fact-checking set (ClimateFEVER layout).

Every row's evidence sentences go into one store, so each claim must find its evidence
among everyone's (retrieval counts, as in use); then verdicts are compared with the gold
labels. Two baselines frame the numbers: always the most frequent label, and
retrieval-only ("supported" when the best-matching sentence is similar enough, else "not
enough info"), which shows what the consistency checks and the gate add.

The verdict model is fitted on labelled claims, so its score on the rows it was fitted on
says little. ``cv=K`` splits the rows into K folds by claim text, fits a fresh
:class:`VerdictModel` on the other folds, predicts the held-out one, and reports the pooled
out-of-fold metrics; the features come from one verification run, since nothing before
the verdict is fitted on labels.
"""

from __future__ import annotations

import hashlib
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
from newsprobe.eval.data import numbered_lines
from newsprobe.sources.base import Passage
from newsprobe.sources.sqlite import SQLiteStore
from newsprobe.verify.options import VerifyOptions
from newsprobe.verify.verdict_model import (
    FEATURES,
    VerdictModel,
    decide_many,
    model_decides,
    resolve_model,
)
from newsprobe.verify.verifier import verify_claims

LABELS = ("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO")
TO_LABEL = {
    "supported": "SUPPORTS",
    "contradicted": "REFUTES",
    "not_enough_evidence": "NOT_ENOUGH_INFO",
}
FROM_LABEL = {v: k for k, v in TO_LABEL.items()}


@dataclass(frozen=True, slots=True)
class FactRow:
    claim: str
    label: str
    evidence: tuple[tuple[str, str], ...]  # (title, text)


def read_factcheck(path: str | Path, limit: int | None = None, seed: int = 0) -> list[FactRow]:
    """Rows ``{"claim", "label", "evidence": [{"text", "title"}...]}``; a seeded sample
    of ``limit`` rows when given."""
    path = Path(path)
    rows = []
    for n, line in numbered_lines(path):
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


def _folded(claim: str) -> str:
    return " ".join(claim.lower().split())


def claim_key(claim: str) -> str:
    """A claim's identity across files and samples (case and spacing folded, hashed
    short): a verdict model lists the claims it was fitted on by these keys, so that any
    evaluation can tell which of its rows the model has seen."""
    return hashlib.sha256(_folded(claim).encode()).hexdigest()[:12]


def claim_folds(claims: Sequence[str], labels: Sequence[str], k: int, seed: int = 0) -> list[int]:
    """A fold index per row. Rows with the same claim text (case-folded) share a fold, so
    no claim is both fitted and tested; folds are stratified by label (each claim group
    takes its first row's label) and shuffled with ``seed``."""
    if k < 2:
        raise DataError(f"cross-validation needs at least 2 folds, got {k}")
    groups: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        groups.setdefault(_folded(c), []).append(i)
    if len(groups) < k:
        raise DataError(f"{len(groups)} distinct claims cannot fill {k} folds")
    keys = list(groups)
    random.Random(seed).shuffle(keys)
    keys.sort(key=lambda g: labels[groups[g][0]])  # stable: shuffled within each label
    fold = [0] * len(claims)
    for n, g in enumerate(keys):
        for i in groups[g]:
            fold[i] = n % k
    return fold


def fit_verdict_model(
    features: Sequence[dict[str, float]],
    gold: Sequence[str],
    C: float = 0.1,
    provenance: dict[str, Any] | None = None,
) -> VerdictModel | None:
    """A model fitted on the rows it would decide (the hard rules settle the rest: see
    ``verdict_model.decide``); None when those rows carry fewer than two labels."""
    rows = [(f, FROM_LABEL[g]) for f, g in zip(features, gold, strict=True) if model_decides(f)]
    if len({v for _, v in rows}) < 2:
        return None
    return VerdictModel(FEATURES, C=C).fit(
        [f for f, _ in rows], [v for _, v in rows], provenance=provenance
    )


def cross_validate(
    claims: Sequence[str],
    features: Sequence[dict[str, float]],
    gold: Sequence[str],
    k: int,
    seed: int = 0,
    C: float = 0.1,
) -> tuple[list[str], dict[str, Any]]:
    """Out-of-fold labels (SUPPORTS/...) for every row, and a summary per fold.

    Each fold's verdicts come from a model fitted on the other folds only, under the same
    hard rules as ``verify_claims``. A fold whose training rows leave the model fewer than
    two labels (tiny samples) falls back to the hand rules, and the summary says so.
    """
    fold = claim_folds(claims, gold, k, seed)
    pred: list[str] = [""] * len(gold)
    folds = []
    for j in range(k):
        train = [i for i in range(len(gold)) if fold[i] != j]
        test = [i for i in range(len(gold)) if fold[i] == j]
        model = fit_verdict_model([features[i] for i in train], [gold[i] for i in train], C)
        verdicts = decide_many([features[i] for i in test], model)
        for i, v in zip(test, verdicts, strict=True):
            pred[i] = TO_LABEL[v]
        m = label_metrics([gold[i] for i in test], [pred[i] for i in test])
        folds.append(
            {
                "n_test": len(test),
                "n_fit": len(train) if model is None else model.provenance_["n_fit"],
                "hand_rules": model is None,
                "accuracy": m["accuracy"],
                "macro_f1": m["macro_f1"],
            }
        )
    return pred, {"k": k, "seed": seed, "C": C, "folds": folds}


def _seen_rows(model: VerdictModel | None, claims: Sequence[str], data_name: str | None) -> int:
    """How many of ``claims`` the verdict model was fitted on: by claim, when the model
    lists its fit's claims; for a model fitted before it did, every row when the data file
    has the name of the model's."""
    if model is None:
        return 0
    fitted = model.provenance_.get("claims_sha256")
    if fitted is not None:
        seen = set(fitted)
        return sum(1 for c in claims if claim_key(c) in seen)
    named = model.provenance_.get("data")
    same_file = bool(named and data_name and Path(str(named)).name == Path(data_name).name)
    return len(claims) if same_file else 0


def evaluate_claims(
    rows: Sequence[FactRow],
    options: VerifyOptions | None = None,
    progress: Callable[[str], None] | None = None,
    cv: int | None = None,
    seed: int = 0,
    C: float = 0.1,
    fit_out: str | Path | None = None,
    data_name: str | None = None,
) -> dict[str, Any]:
    """Metrics of the verifier and both baselines on the rows with a three-way label.

    ``newsprobe`` is the verifier as configured (by default the shipped verdict model,
    which was fitted on ClimateFEVER: on that set its score is in-sample). ``cv`` adds the
    honest number, pooled out-of-fold metrics of models fitted per fold, and the hand
    rules for comparison. ``fit_out`` writes a model fitted on all rows (for shipping).
    """
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
            if text.strip()
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
    model = resolve_model(options.verdict_model)
    result: dict[str, Any] = {
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
        "verdict_model": None
        if model is None
        else {k: v for k, v in model.provenance_.items() if k != "claims_sha256"},
        "in_sample_rows": _seen_rows(model, [r.claim for r in kept], data_name),
        "passages": n_passages,
        "seconds_index": t_index,
        "seconds_total": seconds,
    }
    result["in_sample"] = result["in_sample_rows"] > 0
    features = [c.features or {} for c in claims]
    # What bounds any verdict model: a claim with no passage past the gate stays NEI.
    past = [f.get("n_relevant", 0) > 0 for f in features]
    result["claims_past_gate"] = sum(past)
    result["claims_past_gate_by_label"] = dict(
        Counter(g for g, p in zip(gold, past, strict=True) if p)
    )
    if cv:
        oof, summary = cross_validate([r.claim for r in kept], features, gold, cv, seed, C)
        rules = [TO_LABEL[v] for v in decide_many(features, None)]
        result["systems"][f"newsprobe, {cv}-fold out-of-fold"] = label_metrics(gold, oof)
        result["systems"]["hand rules (no model)"] = label_metrics(gold, rules)
        result["cv"] = {**summary, "predicted": dict(Counter(oof))}
    if fit_out is not None:
        prov: dict[str, Any] = {"data": data_name, "rows": len(kept), "seed": seed}
        prov["claims_sha256"] = sorted(
            {claim_key(r.claim) for r, f in zip(kept, features, strict=True) if model_decides(f)}
        )
        if cv:
            oof_m = result["systems"][f"newsprobe, {cv}-fold out-of-fold"]
            prov["cv"] = {"k": cv, "accuracy": oof_m["accuracy"], "macro_f1": oof_m["macro_f1"]}
        fitted = fit_verdict_model(features, gold, C, provenance=prov)
        if fitted is None:
            raise DataError("the relevant claims carry fewer than two labels: nothing to fit")
        result["fitted_model"] = str(fitted.save(fit_out))
    return result
