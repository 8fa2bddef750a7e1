import pytest

from newsprobe.eval.metrics import auroc, fpr_at, summary, tpr_at_fpr


def test_auroc_perfect_and_reversed():
    assert auroc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]) == 1.0
    assert auroc([0, 0, 1, 1], [0.9, 0.8, 0.2, 0.1]) == 0.0
    assert auroc([1, 1], [0.1, 0.2]) is None


def test_tpr_at_fpr_uses_an_achievable_threshold():
    humans = [i / 100 for i in range(100)]  # 0.00 .. 0.99
    machines = [0.985, 0.995, 0.5, 0.2]
    y = [0] * 100 + [1] * 4
    # At 1% FPR one human (0.99) may be above the threshold: threshold = 0.98.
    assert tpr_at_fpr(y, humans + machines, 0.01) == pytest.approx(0.5)
    assert tpr_at_fpr(y, humans + machines, 0.05) == pytest.approx(0.5)
    assert fpr_at(y, humans + machines, 0.98) == pytest.approx(0.01)


def test_summary_ignores_nan_scores():
    s = summary([0, 1, 1], [0.1, float("nan"), 0.9], threshold=0.5)
    assert s["n_machine"] == 1
    assert s["auroc"] == 1.0
    assert s["fpr_at_threshold"] == 0.0
