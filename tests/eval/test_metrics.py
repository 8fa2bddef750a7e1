import pytest

from newsprobe.eval.metrics import auroc, fpr_at, reliability, summary, tpr_at_fpr


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


def test_reliability_measures_the_gap_between_probability_and_machine_share():
    # 10 texts at 0.75, 3 of them machine: the bin is off by 0.45; 10 at 0.05, none machine.
    y = [1] * 3 + [0] * 7 + [0] * 10
    p = [0.75] * 10 + [0.05] * 10
    r = reliability([*y, 1], [*p, float("nan")], n_bins=10)  # too short: left out
    assert r["n"] == 20 and r["machine_share"] == pytest.approx(0.15)
    assert r["ece"] == pytest.approx(0.5 * 0.45 + 0.5 * 0.05)
    assert r["brier"] == pytest.approx((3 * 0.25**2 + 7 * 0.75**2 + 10 * 0.05**2) / 20)
    assert [(b["lo"], b["n"], b["machine_share"]) for b in r["bins"]] == [
        (0.0, 10, 0.0),
        (0.7, 10, pytest.approx(0.3)),
    ]
    # A probability that is the machine share of its bin has no gap.
    assert reliability([1, 1, 1, 0], [0.75] * 4)["ece"] == pytest.approx(0.0)
    assert reliability([], [])["ece"] is None
