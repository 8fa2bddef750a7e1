"""Detection metrics that matter at low false-positive rates.

Accuracy alone hides what users need: how many machine texts are caught when only 1% or
5% of human news may be flagged. Scores are oriented so that higher = more machine-like.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import NormalDist

import numpy as np

FPR_LEVELS = (0.01, 0.05)


def _clean(y: Sequence[int], s: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    y_arr = np.asarray(y, dtype=int)
    s_arr = np.asarray(s, dtype=np.float64)
    ok = np.isfinite(s_arr)
    return y_arr[ok], s_arr[ok]


def auroc(y: Sequence[int], scores: Sequence[float]) -> float | None:
    """Area under the ROC curve; None when one class is missing."""
    from sklearn.metrics import roc_auc_score

    y_arr, s_arr = _clean(y, scores)
    if len(set(y_arr.tolist())) < 2:
        return None
    return float(roc_auc_score(y_arr, s_arr))


def tpr_at_fpr(y: Sequence[int], scores: Sequence[float], fpr: float) -> float | None:
    """Share of machine texts caught by a threshold that flags at most ``fpr`` of humans.

    The threshold is the strictest one available from the human scores themselves (no
    interpolation), so the reported TPR is achievable, not optimistic.
    """
    y_arr, s_arr = _clean(y, scores)
    human, machine = s_arr[y_arr == 0], s_arr[y_arr == 1]
    if human.size == 0 or machine.size == 0:
        return None
    k = int(np.floor(fpr * human.size))
    threshold = np.sort(human)[human.size - k - 1]
    return float(np.mean(machine > threshold))


def fpr_at(y: Sequence[int], scores: Sequence[float], threshold: float) -> float | None:
    y_arr, s_arr = _clean(y, scores)
    human = s_arr[y_arr == 0]
    return float(np.mean(human > threshold)) if human.size else None


def tpr_at(y: Sequence[int], scores: Sequence[float], threshold: float) -> float | None:
    y_arr, s_arr = _clean(y, scores)
    machine = s_arr[y_arr == 1]
    return float(np.mean(machine > threshold)) if machine.size else None


def summary(
    y: Sequence[int], scores: Sequence[float], threshold: float | None = None
) -> dict[str, object]:
    y_arr, s_arr = _clean(y, scores)
    out: dict[str, object] = {
        "n_human": int(np.sum(y_arr == 0)),
        "n_machine": int(np.sum(y_arr == 1)),
        "auroc": auroc(y_arr, s_arr),
        "tpr_at_fpr": {str(f): tpr_at_fpr(y_arr, s_arr, f) for f in FPR_LEVELS},
    }
    if threshold is not None:
        out["fpr_at_threshold"] = fpr_at(y_arr, s_arr, threshold)
        out["tpr_at_threshold"] = tpr_at(y_arr, s_arr, threshold)
    return out


def reliability(y: Sequence[int], proba: Sequence[float], n_bins: int = 10) -> dict[str, object]:
    """How far a probability is from the share of machine texts among those given it.

    A "machine probability 70%" is only worth reading as such if about 70% of the texts
    given it are machine-written. Ten equal-width bins: the expected calibration error
    (mean gap weighted by the bin's share of texts), the Brier score, and each bin's
    count, mean probability and machine share. Both depend on the data's mix of human and
    machine texts, so ``machine_share`` is given with them. None without a probability.
    """
    y_arr, p_arr = _clean(y, proba)
    if not len(p_arr):
        return {"n": 0, "machine_share": None, "ece": None, "brier": None, "bins": []}
    idx = np.clip((p_arr * n_bins).astype(int), 0, n_bins - 1)
    bins, ece = [], 0.0
    for b in range(n_bins):
        pick = idx == b
        if not pick.any():
            continue
        mean_p, share = float(p_arr[pick].mean()), float(y_arr[pick].mean())
        ece += abs(mean_p - share) * float(pick.mean())
        bins.append(
            {
                "lo": b / n_bins,
                "hi": (b + 1) / n_bins,
                "n": int(pick.sum()),
                "mean_probability": mean_p,
                "machine_share": share,
            }
        )
    return {
        "n": len(p_arr),
        "machine_share": float(y_arr.mean()),
        "ece": ece,
        "brier": float(np.mean((p_arr - y_arr) ** 2)),
        "bins": bins,
    }


def wilson_interval(k: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for ``k`` successes in ``n`` trials ((0, 1) when n is 0)."""
    if n == 0:
        return 0.0, 1.0
    z = NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    # At k = 0 (k = n) the bound is 0 (1) exactly; rounding left it a hair inside.
    low = 0.0 if k == 0 else max(0.0, centre - half)
    return low, 1.0 if k == n else min(1.0, centre + half)
