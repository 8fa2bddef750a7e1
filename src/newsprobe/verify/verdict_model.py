"""The verdict as a small fitted model over per-claim evidence features, under hard rules.

Hand thresholds could only commit on claims with numbers, dates or roles to compare, so on
qualitative claims the verifier abstained almost always. :class:`VerdictModel` learns from
labelled claims how the evidence features (similarity, overlap, entity coverage, agreeing
and conflicting values...) map to a verdict. It is a multinomial logistic regression on
standardized features: few parameters, readable coefficients, and a JSON file (no pickle)
that can be shipped and inspected.

Hard rules stay above the model (:func:`decide`):

* no relevant passage (the relevance gate did not pass): ``not_enough_evidence``, always,
  so a claim on a topic the store lacks is never "supported" however the model leans;
* a relevant source that states every checked value (number, date, role) the same way:
  ``supported``; else a value conflict found by the checks: ``contradicted``, so the
  conflicting values are always shown. These are the value checks' own answers, which the
  model cannot learn well from ClimateFEVER (26 of its claims have a confirming source, 17
  of them SUPPORTS; 12 have an unanswered conflict), and which users rely on.

Following scikit-learn's habits, ``__init__`` only stores parameters and ``fit`` sets the
trailing-underscore attributes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from newsprobe.claims.model import VERDICTS
from newsprobe.errors import NewsprobeError
from newsprobe.fileio import write_json_atomic

FORMAT = "newsprobe.verdict_model"
FORMAT_VERSION = 1
DEFAULT_VERDICT_MODEL = "default"
RESOURCE = "verdict_model.json"

# Per-claim features, aggregated over the top-k retrieved passages (see verifier.py).
FEATURES: tuple[str, ...] = (
    "max_similarity",  # best MiniLM cosine of claim and a passage's best sentence
    "mean_similarity",  # mean of those cosines over the retrieved passages
    "max_relevant_similarity",  # best cosine among passages that passed the gate (0: none)
    "best_sentence_overlap",  # share of the claim's content lemmas in the best sentence
    "best_passage_overlap",  # ... in the best passage
    "best_entity_coverage",  # share of the claim's named entities the best passage names
    "actor_found",  # a passage names the claim's subject
    "n_relevant",  # passages that passed the relevance gate
    "checkable",  # values (numbers, dates, roles) compared in relevant passages
    "agreed",  # of those, the ones a source states the same way
    "n_conflicts",  # values a relevant source states differently
    "agreeing_source",  # a relevant passage confirms every checkable value, no conflict
    "paraphrase_source",  # a relevant near paraphrase with nothing to compare
    "claim_values",  # numbers, dates and relations in the claim itself
    "claim_negated",  # the claim is negated
    "negation_mismatch",  # the best relevant sentence's negation differs from the claim's
)


class VerdictModelError(NewsprobeError):
    """The verdict model file is missing, of another format, or the model is not fitted."""


def rule_verdict(features: Mapping[str, float]) -> str:
    """The hand-rule verdict (before fitted models): a relevant source that confirms every
    value, or a near paraphrase, supports; else a conflict contradicts; else abstain."""
    if features["n_relevant"] <= 0:
        return "not_enough_evidence"
    if features["agreeing_source"] > 0 or features["paraphrase_source"] > 0:
        return "supported"
    if features["n_conflicts"] > 0:
        return "contradicted"
    return "not_enough_evidence"


def forced_verdict(features: Mapping[str, float]) -> str | None:
    """The verdict the hard rules fix regardless of any model, or None where the model
    decides: no relevant evidence abstains; a relevant source that confirms every checked
    value supports; otherwise a value conflict contradicts."""
    if features["n_relevant"] <= 0:
        return "not_enough_evidence"
    if features["agreeing_source"] > 0:
        return "supported"
    if features["n_conflicts"] > 0:
        return "contradicted"
    return None


def unconfirmed(features: Mapping[str, float], verdict: str) -> str:
    """The model's verdict, except ``supported`` where a relevant source states one of the
    claim's values otherwise in a way the checks cannot call a conflict and no source
    confirms them all: a passage that reads like the claim but says "rose in February"
    does not confirm "fell in March", nor "€2.3 million" (maybe a conversion) "$2.5
    million". (Vetoing every claim whose values no source confirms cost ClimateFEVER 0.035
    macro-F1 out of fold: its evidence paraphrases "since the 1950s" as "since the
    mid-20th century", and 64% of those claims were SUPPORTS.)"""
    if (
        verdict == "supported"
        and features.get("unresolved", 0.0) > 0
        and features["agreeing_source"] <= 0
    ):
        return "not_enough_evidence"
    return verdict


def read_whole(features: Mapping[str, float], verdict: str) -> str:
    """``supported`` only where the claim's time and causes could be read: "Sweden joined
    NATO a decade ago", in a text with no date to count from, is not confirmed by "Sweden
    joined NATO in March 2024" (which, from 2025, it contradicts); "the bank cut rates
    because home sales fell" not by a source saying that home sales fell."""
    unread = features.get("unread_time", 0.0) > 0 or features.get("unread_cause", 0.0) > 0
    if verdict == "supported" and unread:
        return "not_enough_evidence"
    return verdict


def decide(features: Mapping[str, float], model: VerdictModel | None) -> str:
    """The final verdict: hard rules first, then the model (or the hand rules without one)."""
    if model is None:
        return read_whole(features, rule_verdict(features))
    forced = forced_verdict(features)
    if forced is not None:
        return read_whole(features, forced)
    return read_whole(features, unconfirmed(features, model.predict([features])[0]))


def decide_many(rows: Sequence[Mapping[str, float]], model: VerdictModel | None) -> list[str]:
    """:func:`decide` for many claims with one model call."""
    if model is None:
        return [read_whole(r, rule_verdict(r)) for r in rows]
    out: list[str | None] = [forced_verdict(r) for r in rows]
    open_ = [i for i, v in enumerate(out) if v is None]
    if open_:
        for i, v in zip(open_, model.predict([rows[i] for i in open_]), strict=True):
            out[i] = read_whole(rows[i], unconfirmed(rows[i], v))
    return [read_whole(r, v or "not_enough_evidence") for r, v in zip(rows, out, strict=True)]


def model_decides(features: Mapping[str, float]) -> bool:
    """Whether the model, not a hard rule, gives this claim's verdict (its fitting domain)."""
    return forced_verdict(features) is None


class VerdictModel:
    """Multinomial logistic regression from per-claim evidence features to a verdict.

    Parameters
    ----------
    features : tuple of str
        Feature names, a subset of :data:`FEATURES`.
    C : float
        Inverse L2 regularisation strength (small = strong). Strong by default: a few
        hundred labelled claims do not support fine distinctions.
    class_weight : "balanced" or None
        "balanced" weighs labels inversely to their frequency, which is what macro-F1
        rewards; None fits the label shares as they are.

    Examples
    --------
    >>> m = VerdictModel.load()                       # doctest: +SKIP
    >>> m.predict([{"max_similarity": 0.8, ...}])     # doctest: +SKIP
    """

    def __init__(
        self,
        features: tuple[str, ...] = FEATURES,
        C: float = 0.1,
        class_weight: str | None = "balanced",
    ) -> None:
        self.features = features
        self.C = C
        self.class_weight = class_weight

    def get_params(self) -> dict[str, Any]:
        return {"features": list(self.features), "C": self.C, "class_weight": self.class_weight}

    def _matrix(self, rows: Sequence[Mapping[str, float]]) -> np.ndarray:
        try:
            return np.array([[float(r[f]) for f in self.features] for r in rows], dtype=float)
        except KeyError as exc:
            raise VerdictModelError(f"feature row lacks {exc.args[0]!r}") from exc

    def fit(
        self,
        rows: Sequence[Mapping[str, float]],
        y: Sequence[str],
        provenance: dict[str, Any] | None = None,
    ) -> VerdictModel:
        """Fit on feature rows and verdicts (``supported``/``contradicted``/
        ``not_enough_evidence``). A label absent from ``y`` is never predicted."""
        from sklearn.linear_model import LogisticRegression

        unknown = set(y) - set(VERDICTS)
        if unknown:
            raise VerdictModelError(f"unknown verdicts {sorted(unknown)}; expected {VERDICTS}")
        if len(set(y)) < 2:
            raise VerdictModelError("fit needs at least two different verdicts")
        X = self._matrix(rows)
        mean = X.mean(axis=0)
        scale = X.std(axis=0)
        scale[scale == 0] = 1.0  # a constant feature stays 0 after scaling
        lr = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=2000)
        lr.fit((X - mean) / scale, np.asarray(y))
        coef, intercept = lr.coef_, lr.intercept_
        if len(lr.classes_) == 2:  # binary: sklearn keeps one row; write it as softmax rows
            coef = np.vstack([-coef[0] / 2, coef[0] / 2])
            intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
        self.classes_ = [str(c) for c in lr.classes_]
        self.scaler_mean_ = mean.tolist()
        self.scaler_scale_ = scale.tolist()
        self.coef_ = coef.tolist()
        self.intercept_ = intercept.tolist()
        self.provenance_ = dict(provenance or {})
        self.provenance_.update(
            n_fit=len(y),
            labels={c: int(sum(1 for v in y if v == c)) for c in self.classes_},
            data_digest=hashlib.sha256(X.round(6).tobytes()).hexdigest()[:16],
            created=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        return self

    def check_is_fitted(self) -> None:
        if not hasattr(self, "coef_"):
            raise VerdictModelError("this VerdictModel is not fitted: call fit() or load()")

    def decision_function(self, rows: Sequence[Mapping[str, float]]) -> np.ndarray:
        """Per-class scores (log-probabilities up to a constant), columns as ``classes_``."""
        self.check_is_fitted()
        Z = (self._matrix(rows) - np.asarray(self.scaler_mean_)) / np.asarray(self.scaler_scale_)
        return Z @ np.asarray(self.coef_).T + np.asarray(self.intercept_)

    def predict_proba(self, rows: Sequence[Mapping[str, float]]) -> np.ndarray:
        """Probabilities per row, columns as ``classes_`` (softmax of the scores)."""
        if not rows:
            return np.zeros((0, len(getattr(self, "classes_", []))))
        s = self.decision_function(rows)
        s = np.exp(s - s.max(axis=1, keepdims=True))
        return s / s.sum(axis=1, keepdims=True)

    def predict(self, rows: Sequence[Mapping[str, float]]) -> list[str]:
        """The most probable verdict per row (no hard rules: see :func:`decide`)."""
        if not rows:
            return []
        p = self.predict_proba(rows)
        return [self.classes_[i] for i in p.argmax(axis=1)]

    # -- persistence ------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        self.check_is_fitted()
        from newsprobe import __version__

        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "newsprobe_version": __version__,
            "params": self.get_params(),
            "classes": self.classes_,
            "scaler_mean": self.scaler_mean_,
            "scaler_scale": self.scaler_scale_,
            "coef": self.coef_,
            "intercept": self.intercept_,
            "provenance": self.provenance_,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> VerdictModel:
        if data.get("format") != FORMAT:
            raise VerdictModelError(f"not a verdict model file (format {data.get('format')!r})")
        if data.get("format_version") != FORMAT_VERSION:
            raise VerdictModelError(
                f"verdict model format version {data.get('format_version')}, "
                f"this newsprobe reads {FORMAT_VERSION}"
            )
        try:
            p = data["params"]
            model = cls(tuple(p["features"]), float(p["C"]), p["class_weight"])
            unknown = set(model.features) - set(FEATURES)
            if unknown:
                raise VerdictModelError(f"verdict model uses unknown features {sorted(unknown)}")
            model.classes_ = [str(c) for c in data["classes"]]
            model.scaler_mean_ = [float(v) for v in data["scaler_mean"]]
            model.scaler_scale_ = [float(v) for v in data["scaler_scale"]]
            model.coef_ = [[float(v) for v in row] for row in data["coef"]]
            model.intercept_ = [float(v) for v in data["intercept"]]
            model.provenance_ = dict(data.get("provenance") or {})
        except (KeyError, TypeError, ValueError) as exc:
            raise VerdictModelError(f"malformed verdict model file ({exc})") from exc
        n, k = len(model.features), len(model.classes_)
        if not (
            set(model.classes_) <= set(VERDICTS)
            and len(model.scaler_mean_) == len(model.scaler_scale_) == n
            and len(model.coef_) == len(model.intercept_) == k
            and all(len(row) == n for row in model.coef_)
        ):
            raise VerdictModelError("malformed verdict model file (shapes or classes)")
        return model

    def save(self, path: str | Path) -> Path:
        """Write the fitted model as JSON, atomically."""
        return write_json_atomic(path, self.to_dict())

    @classmethod
    def load(cls, path: str | Path | None = None) -> VerdictModel:
        """A saved model; None or ``"default"`` loads the one shipped with newsprobe."""
        try:
            if path is None or str(path) == DEFAULT_VERDICT_MODEL:
                text = (resources.files("newsprobe") / "resources" / RESOURCE).read_text()
            else:
                text = Path(path).read_text(encoding="utf-8")
            data = json.loads(text)
        except FileNotFoundError as exc:
            raise VerdictModelError(f"{path or RESOURCE}: no such verdict model") from exc
        except (OSError, ValueError) as exc:
            raise VerdictModelError(f"{path or RESOURCE}: cannot read ({exc})") from exc
        return cls.from_dict(data)


_DEFAULT: VerdictModel | None = None


def resolve_model(spec: VerdictModel | str | Path | None) -> VerdictModel | None:
    """The model an option names: an instance as is, None for the hand rules, ``"default"``
    for the shipped one (loaded once per process), else a path."""
    global _DEFAULT
    if spec is None or isinstance(spec, VerdictModel):
        return spec
    if str(spec) == DEFAULT_VERDICT_MODEL:
        if _DEFAULT is None:
            _DEFAULT = VerdictModel.load()
        return _DEFAULT
    return VerdictModel.load(spec)
