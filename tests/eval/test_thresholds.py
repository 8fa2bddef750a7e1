"""Setting the threshold on a user's own human news: only the threshold moves, and the
report's numbers are what they say."""

import copy

import numpy as np
import pytest

from newsprobe.detect.detector import Detector
from newsprobe.detect.sentences import (
    SENTENCE_FPR,
    SHADE_FPR,
    DepthCalibration,
    human_sentence_scores,
)
from newsprobe.errors import NewsprobeError
from newsprobe.eval.data import Row
from newsprobe.eval.thresholds import cross_fitted_flags, set_threshold
from sample_texts import ARTICLE, MACHINE_LIKE

HUMANS = [
    f"{ARTICLE} Item {i} of the day's {w} news." for i, w in enumerate("abcdefghijklmnopqrst")
]
MACHINES = [MACHINE_LIKE + f" Item {i}." for i in range(4)]


@pytest.fixture
def det(toy_detector) -> Detector:
    return copy.deepcopy(toy_detector)


def test_cross_fitted_flags_count_each_text_against_a_threshold_it_did_not_set():
    scores = np.random.default_rng(0).random(1000)
    flagged = cross_fitted_flags(scores, 0.05, folds=5)
    assert flagged is not None and 30 <= flagged <= 70  # ~5% of 1000
    # Left out one at a time, each of the top five of 100 lies above the 5% threshold of
    # the other 99 (their 5th highest), and no other text does.
    assert cross_fitted_flags(np.arange(100.0), 0.05, folds=100) == 5
    # 4/5 of 20 texts cannot back a 5% threshold (fewer than one text above it).
    assert cross_fitted_flags(np.arange(20.0), 0.05, folds=5) is None


def test_fit_threshold_moves_only_the_threshold(det):
    texts = HUMANS + MACHINES
    before = det.predict_proba(texts)
    det.sentence_scores_ = [0.1, 0.5, 0.9]  # fitted parts that a refit would clear
    det.fit_threshold(det.feature_rows(HUMANS), fpr=0.1, source="the toy archive")
    np.testing.assert_allclose(det.predict_proba(texts), before)  # the same probabilities
    assert det.sentence_scores_ == [0.1, 0.5, 0.9]
    human_p = det.predict_proba(HUMANS)[:, 1]
    assert np.sum(human_p > det.threshold_) <= 2  # at most 10% of 20
    assert det.fpr == 0.1 and det.provenance_["n_calibration"] == 20
    assert det.provenance_["calibration"].endswith(": the toy archive")
    assert det.provenance_["threshold_history"][-1]["fpr"] == 0.01  # what it replaced
    saved = Detector.from_dict(copy.deepcopy(det.to_dict()))
    assert saved.threshold_ == det.threshold_ and saved.fpr == 0.1


def test_fit_threshold_refuses_a_rate_its_texts_cannot_back(det):
    with pytest.raises(
        NewsprobeError, match=r"5 human texts .* at 0.01 \(at least 100 are needed\)"
    ):
        det.fit_threshold(det.feature_rows(HUMANS[:5]), fpr=0.01)
    with pytest.raises(NewsprobeError, match="fpr must be between 0 and 1"):
        det.fit_threshold(det.feature_rows(HUMANS), fpr=1.5)
    # The texts themselves, by habit (it had been "'str' object has no attribute 'get'").
    with pytest.raises(TypeError, match=r"pass detector.feature_rows\(texts\)"):
        det.fit_threshold(HUMANS, fpr=0.1)
    # A refused call leaves the detector as it was (its rate with its threshold).
    assert det.fpr == 0.01 and "threshold_history" not in det.provenance_


def test_set_threshold_reports_before_after_and_the_machines_caught(det):
    rows = [Row(text=t, label=0) for t in HUMANS] + [Row(text=t, label=1) for t in MACHINES]
    old = det.threshold_for(0.1)
    report = set_threshold(det, rows, fpr=0.1, folds=2)
    p = det.predict_proba([r.text for r in rows])[:, 1]
    human, machine = p[:20], p[20:]
    assert report.n_human == 20 and report.n_machine == 4
    assert report.threshold_before == old and report.threshold == det.threshold_
    assert report.flagged_before == int(np.sum(human > old))
    assert report.flagged == int(np.sum(human > det.threshold_)) <= 2
    assert report.caught == int(np.sum(machine > det.threshold_))
    assert report.held_out_flagged is not None and report.held_out_interval[0] >= 0
    assert report.to_json()["fpr_after"] == report.flagged / 20
    # 20 texts hold a 10% rate loosely: ~139 give a 95% interval of 5-15%.
    assert report.texts_advised == report.to_json()["texts_advised"] == 139
    assert det.provenance_["calibration_sha256"]  # which texts set it


def test_set_threshold_reads_the_sentence_cutoffs_on_the_same_human_news(det):
    det.sentence_calibration_ = DepthCalibration(0.0, 1.0, 0.0, 0.0).to_dict()  # identity
    det.sentence_scores_ = [0.99] * 100  # the shipped ones: every sentence red below 0.99
    humans = HUMANS + [f"{ARTICLE} Item {i} of the night's news." for i in range(20)]
    rows = [Row(text=t, label=0) for t in humans] + [Row(text=t, label=1) for t in MACHINES]
    report = set_threshold(det, rows, fpr=0.1, folds=2, source="the toy archive")
    # Every window of every human text, calibrated and sorted; machines read no part.
    expected = human_sentence_scores(det, humans)
    assert det.sentence_scores_ == expected and report.n_sentences == len(expected) >= 50
    assert report.sentence_cutoffs_before == (0.99, 0.99)
    assert report.sentence_cutoffs == (
        det.sentence_threshold_for(SENTENCE_FPR),
        det.sentence_threshold_for(SHADE_FPR),
    )
    red = report.sentence_cutoffs[0]
    assert sum(s > red for s in expected) <= SENTENCE_FPR * len(expected)
    assert det.provenance_["sentence_scores"].startswith(f"{len(expected)} sentences of 40")
    # Too few sentences to read a 2% cut-off on: the detector's own stay, and it says so.
    few = copy.deepcopy(det)
    few.sentence_scores_ = [0.99] * 100
    report = set_threshold(few, rows[:10], fpr=0.1, folds=2)
    assert report.sentence_cutoffs is None and few.sentence_scores_ == [0.99] * 100
    assert 0 < report.n_sentences < 50


def test_set_threshold_needs_human_texts(det):
    with pytest.raises(NewsprobeError, match="no human texts"):
        set_threshold(det, [Row(text=t, label=1) for t in MACHINES])
