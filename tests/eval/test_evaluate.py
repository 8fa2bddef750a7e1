"""``evaluate`` gives the same numbers from precomputed feature rows as from texts."""

import numpy as np
import pytest

from newsprobe.eval.data import Row
from newsprobe.eval.evaluate import evaluate

HUMAN = [
    "Rain hit Leeds on Monday and folk ran for cover by the old mill near the river bank.",
    "The council met in York to argue about bins, parking and the price of the new bridge.",
    "Fans queued outside the ground in Hull long before the gates opened for the derby match.",
]
MACHINE = ["The report highlights significant developments in the sector. " * 3] * 3


def test_precomputed_features_give_the_same_report(fit_tiny_detector):
    texts = HUMAN + [m + f" Item {i}." for i, m in enumerate(MACHINE)]
    labels = [0, 0, 0, 1, 1, 1]
    det = fit_tiny_detector(texts, labels)
    rows = [
        Row(text=t, label=y, generator="g" if y else "human")
        for t, y in zip(texts, labels, strict=True)
    ]
    direct = evaluate(det, rows)
    given = evaluate(det, rows, features=det.feature_rows(texts))
    for key in ("auroc", "tpr_at_fpr", "fpr_at_threshold", "by_generator", "by_variant"):
        assert given[key] == direct[key]


def test_only_the_calibrated_detector_gets_a_reliability_report(fit_tiny_detector):
    texts = HUMAN + [m + f" Item {i}." for i, m in enumerate(MACHINE)]
    labels = [0, 0, 0, 1, 1, 1]
    det = fit_tiny_detector(texts, labels)
    rows = [Row(text=t, label=y) for t, y in zip(texts, labels, strict=True)]
    feats = det.feature_rows(texts)
    cal = evaluate(det, rows, features=feats)["calibration"]
    assert cal["n"] == 6 and cal["machine_share"] == 0.5
    assert sum(b["n"] for b in cal["bins"]) == 6
    # A zero-shot scorer's values are not probabilities: no calibration to report.
    assert evaluate(det, rows, scorer="loglik", features=feats)["calibration"] is None


def test_the_roc_plots_chance_line_is_tpr_equal_to_fpr_on_the_log_axis(tmp_path, monkeypatch):
    import matplotlib.pyplot as plt

    from newsprobe.eval.evaluate import roc_plot

    figures = []
    monkeypatch.setattr(plt, "close", figures.append)
    y = np.array([0, 0, 0, 1, 1, 1])
    roc_plot(y, np.array([0.1, 0.4, 0.35, 0.8, 0.7, 0.9]), tmp_path / "roc.png")
    assert (tmp_path / "roc.png").read_bytes()[:4] == b"\x89PNG"
    (chance,) = [ln for ln in figures[0].axes[0].lines if ln.get_label() == "chance"]
    x, tpr = chance.get_data()
    # Drawn point by point: at FPR 0.01 chance catches 1%, not the 50% a straight
    # segment across the log axis showed.
    assert len(x) > 50 and np.allclose(x, tpr)
    assert np.interp(0.01, x, tpr) == pytest.approx(0.01)
