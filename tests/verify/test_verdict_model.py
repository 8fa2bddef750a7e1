"""VerdictModel on synthetic features: fit, predict, JSON round trip, and the hard rules."""

from __future__ import annotations

import json

import numpy as np
import pytest

from newsprobe.errors import DataError
from newsprobe.eval.claims import claim_folds, cross_validate
from newsprobe.verify.verdict_model import (
    FEATURES,
    VerdictModel,
    VerdictModelError,
    decide,
    decide_many,
    resolve_model,
    rule_verdict,
)

LABELS = ("supported", "contradicted", "not_enough_evidence")


def synthetic(n: int = 300, seed: int = 0) -> tuple[list[dict[str, float]], list[str]]:
    """Feature rows whose verdict follows similarity (supported) and negation
    (contradicted), with noise, every row past the relevance gate."""
    rng = np.random.default_rng(seed)
    rows, y = [], []
    for i in range(n):
        label = LABELS[i % 3]
        row = {f: float(rng.uniform(0, 1)) for f in FEATURES}
        row.update(n_relevant=1.0, n_conflicts=0.0, agreeing_source=0.0)
        row["max_similarity"] = float(rng.normal(0.8 if label == "supported" else 0.5, 0.08))
        row["negation_mismatch"] = float(label == "contradicted" and rng.uniform() < 0.9)
        rows.append(row)
        y.append(label)
    return rows, y


def test_fit_predict_save_load_round_trip(tmp_path):
    rows, y = synthetic()
    model = VerdictModel(C=1.0).fit(rows, y, provenance={"data": "synthetic"})
    proba = model.predict_proba(rows)
    assert proba.shape == (len(rows), 3) and np.allclose(proba.sum(axis=1), 1.0)
    accuracy = np.mean([p == t for p, t in zip(model.predict(rows), y, strict=True)])
    assert accuracy > 0.8
    path = model.save(tmp_path / "m.json")
    data = json.loads(path.read_text())  # plain JSON, readable without newsprobe
    assert data["format"] == "newsprobe.verdict_model" and data["format_version"] == 1
    assert data["provenance"]["data"] == "synthetic" and data["provenance"]["n_fit"] == 300
    again = VerdictModel.load(path)
    assert again.get_params() == model.get_params() and again.classes_ == model.classes_
    assert np.allclose(again.predict_proba(rows), proba)


def test_binary_labels_give_softmax_rows():
    rows, y = synthetic()
    keep = [i for i, v in enumerate(y) if v != "contradicted"]
    model = VerdictModel().fit([rows[i] for i in keep], [y[i] for i in keep])
    assert len(model.coef_) == 2
    assert set(model.predict(rows)) <= {"supported", "not_enough_evidence"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"format": "newsprobe.detector"}, "not a verdict model"),
        ({"format": "newsprobe.verdict_model", "format_version": 99}, "format version"),
        ({"format": "newsprobe.verdict_model", "format_version": 1}, "malformed"),
    ],
)
def test_other_files_are_refused(tmp_path, data, message):
    path = tmp_path / "x.json"
    path.write_text(json.dumps(data))
    with pytest.raises(VerdictModelError, match=message):
        VerdictModel.load(path)


def test_unfitted_model_and_missing_features_are_errors():
    with pytest.raises(VerdictModelError, match="not fitted"):
        VerdictModel().predict([dict.fromkeys(FEATURES, 0.0)])
    rows, y = synthetic(30)
    model = VerdictModel().fit(rows, y)
    with pytest.raises(VerdictModelError, match="lacks"):
        model.predict([{"max_similarity": 0.9}])
    with pytest.raises(VerdictModelError, match="two different"):
        VerdictModel().fit(rows[:3], ["supported"] * 3)


def test_hard_rules_outrank_a_model_that_always_says_supported():
    rows, _ = synthetic(60)
    eager = VerdictModel().fit(rows, ["supported"] * 59 + ["not_enough_evidence"])
    close = {**rows[0], "max_similarity": 0.99}
    assert decide(close, eager) == "supported"
    # No passage passed the relevance gate: never supported, whatever the model says.
    assert decide({**close, "n_relevant": 0.0}, eager) == "not_enough_evidence"
    # A value conflict that no source answers: contradicted.
    assert decide({**close, "n_conflicts": 1.0}, eager) == "contradicted"
    # A relevant source that confirms every checked value: supported, whatever the model.
    shy = VerdictModel().fit(rows, ["not_enough_evidence"] * 59 + ["supported"])
    assert decide(close, shy) == "not_enough_evidence"
    assert decide({**close, "agreeing_source": 1.0}, shy) == "supported"
    assert decide({**close, "agreeing_source": 1.0, "n_relevant": 0.0}, eager) == (
        "not_enough_evidence"
    )
    assert decide_many([close, {**close, "n_relevant": 0.0}], eager) == [
        "supported",
        "not_enough_evidence",
    ]


def test_the_shipped_model_loads_and_never_supports_ungated_claims():
    model = resolve_model("default")
    assert isinstance(model, VerdictModel) and set(model.features) <= set(FEATURES)
    assert model.provenance_["data"].endswith("climate_fever.jsonl")
    rng = np.random.default_rng(1)
    for _ in range(200):
        row = {f: float(rng.uniform(0, 3)) for f in FEATURES}
        row["n_relevant"] = 0.0
        assert decide(row, model) == "not_enough_evidence"
    assert resolve_model(None) is None
    assert rule_verdict({**row, "n_relevant": 1.0, "paraphrase_source": 1.0}) == "supported"


def test_folds_keep_a_claim_together_and_stratify_labels():
    claims = [f"claim {i % 40}" for i in range(80)] + ["Claim 0 "]  # same claim, other case
    labels = ["SUPPORTS" if i % 40 < 20 else "REFUTES" for i in range(80)] + ["SUPPORTS"]
    fold = claim_folds(claims, labels, 4, seed=3)
    by_claim: dict[str, set[int]] = {}
    for c, f in zip(claims, fold, strict=True):
        by_claim.setdefault(c.lower().strip(), set()).add(f)
    assert all(len(v) == 1 for v in by_claim.values())
    for f in range(4):
        assert {labels[i] for i in range(80) if fold[i] == f} == {"SUPPORTS", "REFUTES"}
    with pytest.raises(DataError, match="at least 2 folds"):
        claim_folds(claims, labels, 1)


def test_cross_validation_predicts_every_row_out_of_fold():
    rows, y = synthetic(90)
    to_label = {"supported": "SUPPORTS", "contradicted": "REFUTES"}
    gold = [to_label.get(v, "NOT_ENOUGH_INFO") for v in y]
    pred, summary = cross_validate([f"c{i}" for i in range(90)], rows, gold, 3, C=1.0)
    assert len(pred) == 90 and all(pred)
    assert [f["n_test"] for f in summary["folds"]] == [30, 30, 30]
    assert all(f["n_fit"] == 60 and not f["hand_rules"] for f in summary["folds"])
    assert np.mean([p == g for p, g in zip(pred, gold, strict=True)]) > 0.7
