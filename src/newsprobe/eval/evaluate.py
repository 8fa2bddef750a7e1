"""``newsprobe eval``: metrics of a detector or a single scorer on labelled rows.

Each generator is scored against all human rows of the file (the question a user asks:
"would this generator's text be caught among human news?"); each domain and each evasion
variant likewise. Generators are never pooled into one number alone.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsprobe.detect.detector import Detector, _direction
from newsprobe.eval.data import Row
from newsprobe.eval.metrics import reliability, summary

Progress = Callable[[int], None]


def _groups(
    rows: Sequence[Row], scores: np.ndarray, key: str, threshold: float | None
) -> dict[str, Any]:
    y = np.array([r.label for r in rows])
    values = np.array([getattr(r, key) for r in rows])
    out: dict[str, Any] = {}
    groups = set(values.tolist()) if key == "domain" else set(values[y == 1].tolist())
    for g in sorted(groups):
        # A domain is judged on its own rows; a generator or variant against all humans.
        pick = values == g if key == "domain" else (y == 0) | ((y == 1) & (values == g))
        out[g] = summary(y[pick], scores[pick], threshold)
    return out


def detector_scores(
    detector: Detector,
    rows: Sequence[Row],
    scorer: str | None = None,
    progress: Progress | None = None,
    features: Sequence[dict[str, float]] | None = None,
) -> tuple[np.ndarray, float | None]:
    """Oriented scores (higher = machine) and the threshold that applies to them.

    With ``scorer`` (a feature name or kind such as ``fastdetectgpt``), the raw zero-shot
    scorer is evaluated and there is no calibrated threshold. ``features``: the rows'
    feature dicts when the caller already has them (several detectors judged on one set).
    """
    feats = (
        features
        if features is not None
        else detector.feature_rows([r.text for r in rows], progress=progress)
    )
    if scorer is None:
        p = detector.predict_proba_rows(feats)
        return p, detector.threshold_
    names = [n for n in feats[0] if n == scorer or n.split("@", 1)[0] == scorer]
    if not names:
        known = sorted(n for n in feats[0] if not n.startswith("n_tokens"))
        raise ValueError(f"unknown scorer '{scorer}': use one of {', '.join(known)}")
    name = names[0]
    vals = np.array([f.get(name, np.nan) for f in feats], dtype=np.float64)
    return vals * _direction(name), None


def evaluate(
    detector: Detector,
    rows: Sequence[Row],
    scorer: str | None = None,
    progress: Progress | None = None,
    plot: str | Path | None = None,
    features: Sequence[dict[str, float]] | None = None,
) -> dict[str, Any]:
    """Overall, per-generator, per-domain and per-variant metrics as one dict."""
    start = time.perf_counter()
    scores, threshold = detector_scores(detector, rows, scorer, progress, features)
    elapsed = time.perf_counter() - start
    y = np.array([r.label for r in rows])
    result: dict[str, Any] = summary(y, scores, threshold)
    if threshold is None:
        result["fpr_at_threshold"] = None
    result["threshold"] = threshold
    result["detector"] = scorer or "calibrated detector"
    result["n_too_short"] = int(np.sum(~np.isfinite(scores)))
    result["by_generator"] = _groups(rows, scores, "generator", threshold)
    result["by_domain"] = _groups(rows, scores, "domain", threshold)
    result["by_variant"] = _groups(rows, scores, "variant", threshold)
    # A single scorer's values are not probabilities: only the detector is calibrated.
    result["calibration"] = reliability(y, scores) if scorer is None else None
    result["seconds_per_text"] = elapsed / max(1, len(rows))
    if plot is not None:
        roc_plot(y, scores, plot, title=result["detector"])
    return result


def roc_plot(y: np.ndarray, scores: np.ndarray, path: str | Path, title: str = "") -> None:
    """A ROC curve on log-scaled FPR (the low-FPR end is where detectors differ)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import roc_curve

    ok = np.isfinite(scores)
    fpr, tpr, _ = roc_curve(y[ok], scores[ok])
    fig, ax = plt.subplots(figsize=(5, 4), dpi=120)
    ax.plot(np.maximum(fpr, 1e-4), tpr, label=title or "detector")
    # Chance is TPR = FPR: a curve on the log axis (a straight segment there would put
    # chance at TPR 0.5 for FPR 0.01).
    chance = np.logspace(-4, 0, 200)
    ax.plot(chance, chance, ls=":", c="grey", label="chance")
    for level in (0.01, 0.05):
        ax.axvline(level, ls="--", c="lightgrey")
    ax.set_xscale("log")
    ax.set_xlim(1e-3, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel("false-positive rate (human texts flagged)")
    ax.set_ylabel("true-positive rate (machine text caught)")
    ax.legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
