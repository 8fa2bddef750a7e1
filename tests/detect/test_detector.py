import json

import numpy as np
import pytest

from newsprobe.detect.detector import Detector, NotFittedError
from newsprobe.errors import DetectorFileError

FEATURES = ("loglik", "entropy", "compression")


def _rows(n, seed=0):
    """Synthetic feature rows: machines have higher loglik, lower entropy; 'compression'
    is noise whose sign a naive fit could get wrong."""
    rng = np.random.default_rng(seed)
    y = np.array([0] * n + [1] * n)
    loglik = np.where(y == 1, -2.0, -3.0) + rng.normal(0, 0.4, 2 * n)
    entropy = np.where(y == 1, 2.0, 3.0) + rng.normal(0, 0.4, 2 * n)
    comp = rng.normal(0.5, 0.05, 2 * n)
    rows = [
        {"loglik@m": a, "entropy@m": b, "compression": c, "n_tokens@m": 100.0}
        for a, b, c in zip(loglik, entropy, comp, strict=False)
    ]
    return rows, y


@pytest.fixture
def fitted():
    rows, y = _rows(300)
    cal, _ = _rows(400, seed=1)
    cal = cal[:400]  # humans only
    return Detector(models=("m",), features=FEATURES, C=1.0).fit(rows, y, calibration_rows=cal)


def test_fit_separates_and_keeps_weights_monotone(fitted):
    rows, y = _rows(200, seed=2)
    p = fitted.predict_proba_rows(rows)
    assert np.mean(p[y == 1]) > 0.8 > 0.2 > np.mean(p[y == 0])
    assert all(c >= 0 for c in fitted.coef_)
    assert {"loglik@m", "entropy@m"} <= set(fitted.feature_names_)


def test_threshold_flags_target_share_of_calibration_humans(fitted):
    cal = np.asarray(fitted.calibration_scores_)
    for fpr in (0.01, 0.05, 0.2):
        assert np.mean(cal > fitted.threshold_for(fpr)) <= fpr
    assert fitted.threshold_ == fitted.threshold_for(0.01)
    assert fitted.threshold_for(0.2) < fitted.threshold_for(0.01)


def test_too_short_rows_get_no_probability(fitted):
    rows, _ = _rows(2)
    rows[0]["n_tokens@m"] = 5.0
    p = fitted.predict_proba_rows(rows)
    assert np.isnan(p[0]) and np.isfinite(p[1])


def test_save_load_round_trip(fitted, tmp_path):
    path = fitted.save(tmp_path / "det.json")
    loaded = Detector.load(path)
    rows, _ = _rows(20, seed=3)
    np.testing.assert_allclose(loaded.predict_proba_rows(rows), fitted.predict_proba_rows(rows))
    assert loaded.get_params() == fitted.get_params()
    data = json.loads(path.read_text())
    assert data["format_version"] == 1 and data["provenance"]["n_fit"] == 600


def test_unfitted_detector_says_so():
    with pytest.raises(NotFittedError, match="not fitted"):
        Detector().threshold_for(0.01)


def test_bad_detector_files_are_clear_errors(tmp_path, fitted):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(DetectorFileError, match="not valid JSON"):
        Detector.load(bad)
    data = fitted.to_dict() | {"format_version": 99}
    bad.write_text(json.dumps(data))
    with pytest.raises(DetectorFileError, match="version 99 is not supported"):
        Detector.load(bad)
    with pytest.raises(DetectorFileError, match="cannot read"):
        Detector.load(tmp_path / "missing.json")


def test_shipped_detector_loads_with_provenance():
    det = Detector.load()
    assert det.models == ("smollm2-135m",)
    assert 0.0 < det.threshold_ < 1.0
    assert det.provenance_["fit_generators"]
    assert not set(det.provenance_["fit_generators"]) & set(det.provenance_["held_out_generators"])
