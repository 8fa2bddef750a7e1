import json

import numpy as np
import pytest

from newsprobe.detect.detector import Detector, NotFittedError
from newsprobe.detect.sentences import DepthCalibration
from newsprobe.errors import DetectorFileError, NewsprobeError

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


def test_no_calibration_text_lies_above_the_threshold_taken_from_it():
    rows, y = _rows(50)
    cal, _ = _rows(30, seed=3)
    det = Detector(models=("m",), features=FEATURES, C=1.0).fit(rows, y, calibration_rows=cal)
    # The stored scores are rounded: rounding down once flagged the top calibration text.
    p = det.predict_proba_rows(cal)
    top = det.threshold_for(1e-9)
    assert np.all(p <= top) and p.max() == pytest.approx(top)
    assert np.mean(p > det.threshold_for(0.05)) <= 0.05


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
    assert data["format_version"] == 3 and data["provenance"]["n_fit"] == 600


def test_repr_shows_the_parameters_that_differ_from_the_defaults():
    assert repr(Detector()) == "Detector()"
    det = Detector(models=(), combiner="boosted", fpr=0.05)
    assert repr(det) == "Detector(models=(), combiner='boosted', fpr=0.05)"
    assert eval(repr(det)).get_params() == det.get_params()


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
    # A file edited by hand is refused as it loads, naming the file, not at the first
    # prediction with a bare KeyError (a researcher's trial).
    cases = [
        ({"format_version": "3"}, "version '3' is not supported"),
        ({"format": "other"}, "bad.json: not a newsprobe detector file"),
        ({"params": fitted.to_dict()["params"] | {"combiner": "xgboost"}}, "'xgboost'"),
        ({"feature_names": ["nonexistent"] * 2}, "feature 'nonexistent'"),
        ({"coef": None}, "bad.json is not usable"),
    ]
    for change, message in cases:
        bad.write_text(json.dumps(fitted.to_dict() | change))
        with pytest.raises(DetectorFileError, match=message):
            Detector.load(bad)
    data = fitted.to_dict()
    del data["threshold"]
    bad.write_text(json.dumps(data))
    with pytest.raises(DetectorFileError, match="incomplete: no 'threshold'"):
        Detector.load(bad)


def test_rows_too_short_to_score_are_left_out_of_the_fit():
    """A row with a missing feature (an empty text) had made fit fail with "zip()
    argument 2 is shorter than argument 1"."""
    rows, y = _rows(100)
    short = {"loglik@m": float("nan"), "entropy@m": float("nan"), "compression": 0.5}
    det = Detector(models=("m",), features=FEATURES).fit([*rows, short], [*y, 0])
    assert det.provenance_["n_fit"] == len(rows)
    assert det.provenance_["n_calibration"] == 100
    with pytest.raises(NewsprobeError, match="1 of 101 rows lack a feature"):
        Detector(models=("m",), features=FEATURES).fit([*rows[100:], short], [1] * 100 + [0])


def test_the_probability_map_takes_the_labels_fit_takes(fitted):
    rows, y = _rows(100, seed=3)
    names = ["machine" if label else "human" for label in y]
    mapped = Detector(**fitted.get_params()).fit(*_rows(300), calibration_rows=rows[:100])
    mapped.fit_probability_map(rows, names, rows[:100])
    assert mapped.probability_map_["slope"] > 0


def test_shipped_detector_loads_with_provenance():
    from newsprobe.settings import SHIPPED_WINDOW

    det = Detector.load()
    assert det.models == ("smollm2-135m",)
    assert det.max_tokens == SHIPPED_WINDOW  # the window --max-tokens errors name
    assert 0.0 < det.threshold_ < 1.0
    assert det.provenance_["fit_generators"]
    assert "XSum" in det.provenance_["held_out_source"]
    # Its probabilities are Platt-scaled on articles outside the fit and the calibration.
    assert det.probability_map_["slope"] > 0
    assert "neither the fit nor the calibration" in det.provenance_["probability_map"]
    # The sentence scores' depth calibration ships with it, fitted on articles outside
    # the fit, and never reverses the window order.
    cal = DepthCalibration.from_dict(det.sentence_calibration_)
    assert min(cal.slope(0), cal.slope(4096)) > 0
    assert "neither the fit nor the calibration" in det.provenance_["sentence_calibration"]
    # ... with the calibrated scores of its human sentences: the sentence cut-offs.
    assert len(det.sentence_scores_) > 1000
    assert 0.0 < det.sentence_threshold_for(0.10) < det.sentence_threshold_for(0.02) < 1.0


def test_depth_calibration_is_saved_and_cleared_by_a_refit(fitted, tmp_path):
    cal = DepthCalibration(intercept=-0.3, logit=1.1, depth=-0.6, interaction=0.02)
    fitted.sentence_calibration_ = cal.to_dict()
    fitted.sentence_scores_ = [0.1, 0.2, 0.3]
    loaded = Detector.load(fitted.save(tmp_path / "det.json"))
    assert DepthCalibration.from_dict(loaded.sentence_calibration_) == cal
    assert loaded.sentence_scores_ == [0.1, 0.2, 0.3]
    rows, y = _rows(100, seed=4)
    loaded.fit(rows, y)  # fitted for the old combiner: they no longer apply
    assert loaded.sentence_calibration_ is None and loaded.sentence_scores_ is None
    assert loaded.sentence_threshold_for(0.02) is None


def test_sentence_cut_offs_pass_the_stated_share_of_human_sentences(fitted):
    human = np.random.default_rng(5).beta(2, 5, 1000)
    fitted.sentence_scores_ = np.sort(human).tolist()
    for fpr in (0.02, 0.1, 0.3):
        assert np.mean(human > fitted.sentence_threshold_for(fpr)) <= fpr
        assert np.mean(human > fitted.sentence_threshold_for(fpr)) > fpr - 0.01
    assert fitted.sentence_threshold_for(0.02) > fitted.sentence_threshold_for(0.1)
    with pytest.raises(Exception, match="fpr must be between 0 and 1"):
        fitted.sentence_threshold_for(1.5)


@pytest.fixture
def boosted():
    rows, y = _rows(300)
    cal, _ = _rows(400, seed=1)
    det = Detector(models=("m",), features=FEATURES, combiner="boosted", n_trees=60)
    return det.fit(rows, y, calibration_rows=cal[:400])


def test_boosted_combiner_separates_and_is_monotone(boosted):
    rows, y = _rows(200, seed=2)
    p = boosted.predict_proba_rows(rows)
    assert np.mean(p[y == 1]) > 0.8 > 0.2 > np.mean(p[y == 0])
    # Raising a machine-ward feature (loglik) never lowers the probability.
    base = {"loglik@m": -2.5, "entropy@m": 2.5, "compression": 0.5, "n_tokens@m": 100.0}
    grid = [dict(base, **{"loglik@m": v}) for v in np.linspace(-4, -1, 50)]
    assert np.all(np.diff(boosted.predict_proba_rows(grid)) >= -1e-12)
    # Entropy points the other way (lower = machine): raising it never raises p.
    grid = [dict(base, **{"entropy@m": v}) for v in np.linspace(1, 4, 50)]
    assert np.all(np.diff(boosted.predict_proba_rows(grid)) <= 1e-12)


def test_boosted_detector_round_trips_as_plain_json(boosted, tmp_path):
    path = boosted.save(tmp_path / "det.json")
    data = json.loads(path.read_text())
    assert data["params"]["combiner"] == "boosted" and data["trees"]["trees"]
    loaded = Detector.load(path)
    rows, _ = _rows(30, seed=4)
    np.testing.assert_allclose(loaded.predict_proba_rows(rows), boosted.predict_proba_rows(rows))
    assert loaded.threshold_ == boosted.threshold_


def test_version_1_files_still_load(fitted, tmp_path):
    data = fitted.to_dict() | {"format_version": 1}
    data["params"] = {
        k: v
        for k, v in data["params"].items()
        if k not in ("combiner", "n_trees", "max_depth", "learning_rate")
    }
    del data["trees"]
    (tmp_path / "v1.json").write_text(json.dumps(data))
    rows, _ = _rows(10, seed=5)
    old = Detector.load(tmp_path / "v1.json")
    np.testing.assert_allclose(old.predict_proba_rows(rows), fitted.predict_proba_rows(rows))
    # Version 2 had no probability map.
    data = {k: v for k, v in fitted.to_dict().items() if k != "probability_map"}
    (tmp_path / "v2.json").write_text(json.dumps(data | {"format_version": 2}))
    old = Detector.load(tmp_path / "v2.json")
    assert old.probability_map_ is None
    np.testing.assert_allclose(old.predict_proba_rows(rows), fitted.predict_proba_rows(rows))


def test_unknown_combiner_is_a_clear_error():
    rows, y = _rows(20)
    with pytest.raises(Exception, match="combiner must be one of"):
        Detector(models=("m",), features=FEATURES, combiner="forest").fit(rows, y)


def test_model_free_detector_scores_text_without_a_language_model(tmp_path):
    from newsprobe.article import Article
    from newsprobe.pipeline import check_articles

    machine = "The report highlights significant developments. " * 12
    human = [
        f"Rain hit {t} on day {i}, and folk ran for cover by the old mill." * 3
        for i, t in enumerate(["Leeds", "York", "Hull", "Bath", "Ely", "Wells"])
    ]
    texts = [machine + f" Item {i}." for i in range(6)] + human
    det = Detector(
        models=(),
        features=("compression", "word_length"),
        combiner="boosted",
        n_trees=10,
        min_tokens=5,
    )
    det.fit(det.feature_rows(texts), [1] * 6 + [0] * 6)
    loaded = Detector.load(det.save(tmp_path / "fast.json"))
    assert loaded.model_label == "none"
    short, long_ = check_articles([Article(text="Too few words."), Article(text=texts[0])], loaded)
    assert short.verdict.label == "too_short" and "3 tokens" in short.verdict.reason
    assert long_.verdict.machine_probability is not None and not long_.sentences
    assert set(long_.scores) == {
        "compression",
        "prelude",
        "word_length",
        "burstiness",
        "quotes",
        "numbers",
        "tells",
    }


def test_save_leaves_no_temporary_files_and_a_shareable_file(fitted, tmp_path):
    path = fitted.save(tmp_path / "sub" / "det.json")
    assert [p.name for p in path.parent.iterdir()] == ["det.json"]
    assert path.stat().st_mode & 0o044 == 0o044


def test_probability_map_sharpens_a_cautious_combiner_and_keeps_its_verdicts(tmp_path):
    from newsprobe.errors import NewsprobeError
    from newsprobe.eval.metrics import reliability

    rows, y = _rows(300)
    humans = _rows(400, seed=1)[0][:400]
    # Few shrunken trees: probabilities squeezed towards one half, as the shipped trees
    # are in the middle of their range.
    det = Detector(models=("m",), features=FEATURES, combiner="boosted", n_trees=10)
    det.fit(rows, y, calibration_rows=humans)
    test, y_test = _rows(300, seed=6)
    before = det.predict_proba_rows(test)
    flagged = before > det.threshold_
    held, y_held = _rows(200, seed=7)
    det.fit_probability_map(held, y_held, humans)
    after = det.predict_proba_rows(test)
    assert det.probability_map_["slope"] > 1
    assert reliability(y_test, after)["ece"] < reliability(y_test, before)["ece"] / 2
    assert np.all(np.diff(after[np.argsort(before, kind="stable")]) >= -1e-12)  # same order
    assert np.array_equal(after > det.threshold_, flagged)  # the same articles flagged
    assert np.mean(det.predict_proba_rows(humans) > det.threshold_) <= det.fpr
    loaded = Detector.load(det.save(tmp_path / "det.json"))
    np.testing.assert_allclose(loaded.predict_proba_rows(test), after)
    assert loaded.threshold_ == det.threshold_
    with pytest.raises(NewsprobeError, match="reverse the detector's order"):
        det.fit_probability_map(held, 1 - y_held, humans)
    # A refused map leaves the fitted one, and the threshold read on its scale.
    np.testing.assert_allclose(det.predict_proba_rows(test), after)
    assert np.array_equal(det.predict_proba_rows(test) > det.threshold_, flagged)
    det.fit(rows, y, calibration_rows=humans)  # a refit clears the map with the rest
    assert det.probability_map_ is None
    with pytest.raises(NewsprobeError, match="reverse the detector's order"):
        det.fit_probability_map(held, 1 - y_held, humans)
