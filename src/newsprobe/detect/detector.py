"""The calibrated verdict: scorer features combined by a small, monotone logistic model.

Following scikit-learn's habits, ``__init__`` only stores parameters; ``fit`` sets the
trailing-underscore attributes. The fitted model is saved as a small, versioned JSON file
(no pickle) that records where its threshold came from: the target false-positive rate,
the human news it was measured on and a digest of the training data.

Why monotone: scorer features are each oriented so that larger = more machine-like; a
combination that gives one of them a negative weight has learned the training generators
rather than machine text, and it fails on generators it has not seen (see
``../shared/data/README.md``). Such features are dropped and the model refitted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from newsprobe.detect.boosting import export_trees, tree_decision
from newsprobe.detect.boundary import BoundaryLocator
from newsprobe.detect.features import N_TOKENS, FeatureExtractor, feature_matrix, scorers_of
from newsprobe.detect.scorers import PAIR_SCORERS, RULE_SCORERS, SCORERS, TEXT_SCORERS
from newsprobe.detect.tells import TELL_PROBABILITY
from newsprobe.errors import DetectorFileError, InputError, NewsprobeError
from newsprobe.fileio import write_json_atomic
from newsprobe.normalize.text import LONE_SURROGATE
from newsprobe.settings import MIN_TOKENS

FORMAT = "newsprobe.detector"
FORMAT_VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
COMBINERS = ("logistic", "boosted")
DEFAULT_DETECTOR = "default"


def _direction(feature: str) -> int:
    kind = feature.split("@", 1)[0]
    return (SCORERS.get(kind) or PAIR_SCORERS.get(kind) or TEXT_SCORERS[kind]).direction


def _threshold_at(scores: Sequence[float], fpr: float) -> float:
    """The smallest threshold with at most ``fpr`` of the (sorted) human ``scores`` above."""
    if not 0.0 < fpr < 1.0:
        raise NewsprobeError(f"fpr must be between 0 and 1, got {fpr}")
    values = np.asarray(scores)
    if values.size == 0:
        return 0.5
    k = int(np.floor(fpr * values.size))
    return float(values[values.size - k - 1]) if k < values.size else 0.0


def rounded_up(scores: Sequence[float]) -> list[float]:
    """Sorted and rounded up to 6 decimals, so that no score lies above a threshold taken
    from them (a stored score rounded down could sit just below its own threshold)."""
    return (np.ceil(np.sort(np.asarray(scores, dtype=float)) * 1e6) / 1e6).tolist()


def _check_consistent(det: Detector) -> None:
    """A file whose combiner reads more (or other) features than it names, or whose
    threshold is not its calibration's, was edited by hand or mixed from two files:
    refused as it loads, not with an index error mid-run or a number nothing uses."""
    if det.combiner not in COMBINERS:
        raise ValueError(f"its combiner {det.combiner!r} is not one of {', '.join(COMBINERS)}")
    known = set(det.candidate_features())
    if unknown := [n for n in det.feature_names_ if n not in known]:
        raise ValueError(f"it reads feature {unknown[0]!r}, which its models do not score")
    width = len(det.feature_names_)
    if det.trees_ is not None:
        used = [int(n[0]) for t in det.trees_["trees"] for n in t]
        if max(used, default=-1) >= width:
            raise ValueError(
                f"its trees read feature {max(used) + 1} of {width} named in feature_names"
            )
    else:
        sizes = {len(det.coef_), len(det.scaler_mean_), len(det.scaler_scale_)}
        if sizes != {width}:
            raise ValueError(f"its coefficients do not match its {width} feature_names")
    # check reads the threshold off the calibration scores: a threshold edited by hand
    # would be shown in the file and used by nothing.
    expected = _threshold_at(det.calibration_scores_, det.fpr)
    if abs(det.threshold_ - expected) > 1e-4:
        raise ValueError(
            f"its threshold {det.threshold_:g} is not the one its calibration scores give at "
            f"fpr {det.fpr:g} ({expected:g}); set a threshold with 'newsprobe threshold'"
        )


class NotFittedError(NewsprobeError):
    """The detector was used before ``fit`` or ``load``."""


class ReversedOrderError(NewsprobeError):
    """Texts the combiner was not fitted on rank machine below human: its fit does not
    carry over, and a probability map would turn it upside down."""


def require_texts(n: int, fpr: float, noun: str = "human text", after: str = "") -> None:
    """Refuse a threshold at ``fpr`` read on ``n`` texts: under 1/fpr of them, no text
    lies above it and the rate cannot be shown."""
    if n * fpr < 1:
        raise NewsprobeError(
            f"{n} {noun}{'' if n == 1 else 's'}{after} cannot set a threshold at {fpr:g} "
            f"(at least {int(np.ceil(1 / fpr))} are needed)"
        )


def _check_texts(texts: Iterable[str]) -> list[str]:
    """The texts as a list (a generator is read once, here), with a clear error for what
    scikit-learn users pass by habit: one string, or non-text."""
    if isinstance(texts, str):
        raise TypeError("texts is a list of strings; got one string (pass [text])")
    texts = list(texts)
    bad = [t for t in texts if not isinstance(t, str)]
    if bad:
        raise TypeError(f"texts must be strings; got {type(bad[0]).__name__}")
    return [LONE_SURROGATE.sub("\ufffd", t) for t in texts]


#: Labels as ``predict`` gives them, besides 0/1 and booleans (1/True = machine).
LABEL_NAMES = {"human": 0, "machine": 1}


def _labels(y: Iterable[Any], n: int) -> np.ndarray:
    """0/1 labels from 0/1, booleans or "human"/"machine"; anything else is refused, since
    a label read the wrong way round (``"ai"`` sorting before ``"human"``) would turn
    every metric upside down without a word."""
    values = list(y)
    if len(values) != n:
        raise ValueError(f"got {n} texts or rows and {len(values)} labels")
    out = []
    for v in values:
        key = v.strip().lower() if isinstance(v, str) else v
        if isinstance(key, str) and key in LABEL_NAMES:
            out.append(LABEL_NAMES[key])
        elif not isinstance(key, str) and key in (0, 1):  # 0, 1, True, False, 0.0, np.int64
            out.append(int(key))
        else:
            raise ValueError(f"labels are 1/'machine' or 0/'human'; got {v!r}")
    return np.asarray(out, dtype=int)


def _known_features(features: Sequence[str]) -> None:
    known = {*SCORERS, *PAIR_SCORERS, *TEXT_SCORERS} - RULE_SCORERS
    unknown = [f for f in features if f not in known]
    if unknown:
        raise NewsprobeError(f"unknown feature {unknown[0]!r}; known: {', '.join(sorted(known))}")


class Detector:
    """Machine-text detector: features from language models, combined and calibrated.

    Parameters
    ----------
    models : tuple of str
        Language models whose token statistics feed the features. An empty tuple makes
        a model-free detector over the text-level scorers (compression, prelude, word
        length): much weaker, but thousands of articles a second, for pre-screening a
        crawl; its length rule then counts words.
    features : tuple of str or None
        Scorer kinds to use (``loglik``, ``logrank``, ``entropy``, ``fastdetectgpt``,
        ``binoculars``, ``compression``); None uses all.
    combiner : {"logistic", "boosted"}
        How the oriented features are combined: a monotone logistic model, or shallow
        gradient-boosted trees constrained to be monotone in every feature (each feature
        may only push towards "machine" as it grows), which can use a feature only in the
        range where it separates without ever reversing it.
    C : float
        Inverse L2 regularisation strength of the logistic combiner (small = strong).
    n_trees, max_depth, learning_rate : int, int, float
        Size of the boosted combiner (ignored by the logistic one).
    fpr : float
        Share of human news the default threshold may flag.
    max_tokens : int
        Token window the features read: the first ``max_tokens`` tokens of each article.
        Leave-one-family-out AUROC and TPR@1% FPR were the same at 128 and 256 tokens
        (docs/detector.md), and 128 costs half as much.
    min_tokens : int
        Fewer scored tokens than this give a "too short" verdict.
    tells : bool
        Whether chatbot scaffolding in the text ("Here is a 5-sentence news article…",
        "As an AI language model…") sets the probability to at least
        :data:`~newsprobe.detect.tells.TELL_PROBABILITY`, short texts included. A rule, not
        a fitted feature: the fit data holds too few such texts to learn it from, and a
        chatbot naming itself needs no statistics.

    Examples
    --------
    >>> det = Detector.load()                      # doctest: +SKIP
    >>> det.predict_proba(["Some article ..."])    # doctest: +SKIP
    """

    def __init__(
        self,
        models: tuple[str, ...] = ("smollm2-135m",),
        features: tuple[str, ...] | None = None,
        combiner: str = "logistic",
        C: float = 0.1,
        n_trees: int = 100,
        max_depth: int = 2,
        learning_rate: float = 0.05,
        fpr: float = 0.01,
        max_tokens: int = 128,
        min_tokens: int = MIN_TOKENS,
        tells: bool = True,
        batch_size: int = 4,
        device: str | None = None,
        runtime: str = "torch",
    ) -> None:
        # One model named as a string would be read as a tuple of its letters.
        self.models = (models,) if isinstance(models, str) else models
        self.features = (features,) if isinstance(features, str) else features
        self.combiner = combiner
        self.C = C
        self.n_trees = n_trees
        self.max_depth = max_depth
        self.learning_rate = learning_rate
        self.fpr = fpr
        self.max_tokens = max_tokens
        self.min_tokens = min_tokens
        self.tells = tells
        self.batch_size = batch_size
        self.device = device
        self.runtime = runtime
        # Fitted after the combiner, on articles it never saw (fit_probability_map): a
        # slope and intercept on its log-odds, so that its probabilities mean what they say.
        self.probability_map_: dict[str, float] | None = None
        # Fitted after the detector, on articles it never saw (detect.sentences): turns
        # window probabilities into sentence probabilities that do not drift with depth.
        self.sentence_calibration_: dict[str, float] | None = None
        # The calibrated probabilities of human news sentences (same articles), sorted:
        # where a sentence cut-off at a stated false-positive rate is read from.
        self.sentence_scores_: list[float] | None = None
        # Fitted after the sentence calibration: where a mixed article turns machine-written
        # (detect.boundary); a BoundaryLocator as a dict.
        self.boundary_: dict[str, Any] | None = None
        self._locator: tuple[dict[str, Any], BoundaryLocator] | None = None

    # -- features ---------------------------------------------------------------------
    @property
    def extractor(self) -> FeatureExtractor:
        if getattr(self, "_extractor", None) is None:
            self._extractor = FeatureExtractor(
                self.models, self.max_tokens, self.batch_size, self.device, runtime=self.runtime
            )
        return self._extractor

    @property
    def model_label(self) -> str:
        """The models as reports name them ("a+b"), or "none" for a model-free detector."""
        return "+".join(self.models) or "none"

    def candidate_features(self) -> list[str]:
        # Named without the extractor, which would fix the device and runtime as they are
        # when a detector is loaded, before --device or --runtime set them.
        names = [s.name for s in scorers_of(self.models) if s.kind not in RULE_SCORERS]
        if self.features is not None:
            names = [n for n in names if n.split("@", 1)[0] in self.features]
        return names

    def feature_rows(self, texts: Iterable[str], progress: Any = None) -> list[dict[str, float]]:
        texts = _check_texts(texts)
        if not texts:
            return []
        return self.extractor.extract(texts, progress=progress)

    def n_tokens(self, rows: Sequence[dict[str, float]]) -> np.ndarray:
        cols = [f"{N_TOKENS}@{m}" for m in self.models] or [f"{N_TOKENS}@words"]
        return np.min(feature_matrix(rows, cols), axis=1)

    # -- fitting ----------------------------------------------------------------------
    def fit(
        self,
        rows: Sequence[dict[str, float]],
        y: Sequence[int | bool | str],
        calibration_rows: Sequence[dict[str, float]] | None = None,
        provenance: dict[str, Any] | None = None,
    ) -> Detector:
        """Fit the combiner on feature rows; set the threshold on human calibration rows.

        rows: feature dicts (from :meth:`feature_rows`); y: 1 = machine, 0 = human.
        calibration_rows: human news not used for the fit; their scores fix the threshold
            at the target false-positive rate. Defaults to the human rows of the fit.
        """
        if self.combiner not in COMBINERS:
            raise NewsprobeError(
                f"combiner must be one of {', '.join(COMBINERS)}, got {self.combiner!r}"
            )
        if hasattr(rows, "columns") and hasattr(rows, "to_dict"):  # a pandas DataFrame
            rows = rows.to_dict("records")
        rows = list(rows)
        if len(rows) and not isinstance(rows[0], Mapping):
            raise TypeError(
                "fit takes feature rows, not texts: det.fit(det.feature_rows(texts), y) "
                f"(got {type(rows[0]).__name__})"
            )
        y_arr = _labels(y, len(rows))
        if not rows:
            raise NewsprobeError("fit needs both human and machine texts; got none")
        if self.features is not None:
            _known_features(self.features)
        names = self.candidate_features()
        X = self._oriented(feature_matrix(rows, names), names)
        # A text too short to score has no features: it is left out of the fit, and of
        # the calibration rows taken from the fit.
        keep = np.all(np.isfinite(X), axis=1)
        X, y_arr = X[keep], y_arr[keep]
        rows = [r for r, kept in zip(rows, keep, strict=True) if kept]
        if len(set(y_arr.tolist())) < 2:
            dropped = int((~keep).sum())
            why = (
                f" ({dropped} of {len(keep)} rows lack a feature or are not finite: texts too "
                "short to score, or rows from another detector's features)"
                if dropped
                else ""
            )
            raise NewsprobeError(f"fit needs both human and machine texts{why}")
        if self.combiner == "boosted":
            self._fit_boosted(X, y_arr, names)
        else:
            self._fit_logistic(X, y_arr, names)
        if calibration_rows is None:
            calibration_rows = [r for r, label in zip(rows, y_arr, strict=True) if label == 0]
        self.probability_map_ = None  # fitted for the old combiner, like those below
        self._set_threshold(calibration_rows)
        self.provenance_ = dict(provenance or {})
        self.provenance_.update(
            n_fit=len(y_arr),
            n_calibration=len(self.calibration_scores_),
            created=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        return self

    def _set_threshold(self, calibration_rows: Sequence[dict[str, float]]) -> None:
        """Score the human calibration rows and set the threshold from them; what was
        fitted on the old probabilities (sentence calibration, boundary) is cleared: refit
        them after (detect.sentences, detect.boundary)."""
        cal = self._with_rules(self._proba_rows(calibration_rows), calibration_rows)
        self.calibration_scores_ = rounded_up(cal[np.isfinite(cal)])
        self.threshold_ = self.threshold_for(self.fpr)
        self.sentence_calibration_ = self.sentence_scores_ = self.boundary_ = None

    def fit_threshold(
        self, rows: Sequence[dict[str, float]], fpr: float | None = None, source: str = ""
    ) -> Detector:
        """Set the threshold on your own human news: at most ``fpr`` (default: the
        detector's) of these feature rows above it.

        The shipped threshold was read on 300 human articles of three US fact-check
        sources; a newsroom's or a crawl's own human news may sit higher or lower, and
        more of it backs a lower rate (0.1% needs at least 1,000). Only the threshold
        moves: the combiner, its probabilities and the sentence parts stay as fitted, so
        a text's ``machine_probability`` is the same before and after
        (``newsprobe.eval.thresholds.set_threshold`` also reads the sentence cut-offs
        again on the texts themselves).

        rows: feature dicts (:meth:`feature_rows`) of human texts; too short ones are
        left out, as ``predict`` gives them no number. source: what they are, for the
        provenance ("2,000 archive articles of the Daily Example, 2019-2024").
        """
        self.check_is_fitted()
        fpr = self.fpr if fpr is None else fpr
        _threshold_at([], fpr)  # the range check, before anything is scored
        scores = self.predict_proba_rows(rows)
        scores = scores[np.isfinite(scores)]
        require_texts(scores.size, fpr, after=" long enough to score")  # before any change
        before = {
            "calibration": self.provenance_.get("calibration"),
            "calibration_sha256": self.provenance_.get("calibration_sha256"),
            "n_calibration": len(self.calibration_scores_),
            "fpr": self.fpr,
            "threshold": self.threshold_,
        }
        self.fpr = fpr
        self.calibration_scores_ = rounded_up(scores)
        self.threshold_ = self.threshold_for(fpr)
        self.provenance_["calibration"] = f"{scores.size} human texts the threshold was set on" + (
            f": {source}" if source else ""
        )
        self.provenance_["n_calibration"] = int(scores.size)
        self.provenance_["calibration_sha256"] = None  # the rows' texts are not known here
        self.provenance_["threshold_set"] = datetime.now(UTC).isoformat(timespec="seconds")
        # Each threshold it replaced, oldest first: a chain of runs keeps every step.
        self.provenance_["threshold_history"] = [
            *self.provenance_.get("threshold_history", []),
            before,
        ]
        return self

    def fit_probability_map(
        self,
        rows: Sequence[dict[str, float]],
        y: Sequence[int | bool | str],
        calibration_rows: Sequence[dict[str, float]],
    ) -> Detector:
        """Platt-scale the combiner's log-odds on human (0) and machine (1) articles it was
        not fitted on, the classes weighted equally (the probability stays "at even odds"),
        then score ``calibration_rows`` (the human news of :meth:`fit`) again for the
        threshold.

        The trees are fitted to rank, with shrinkage, and come out cautious: on BBC news
        they never saw, texts they gave 50-80% were 94-97% machine. A slope and an
        intercept fix that without changing any ranking, so the flagged articles, AUROC
        and the false-positive rate at the threshold stay as they were.
        """
        from sklearn.linear_model import LogisticRegression

        rows = list(rows)
        z = self.decision_rows(rows)  # before any map: a refused map leaves the old one
        ok = np.isfinite(z)
        y_arr = _labels(y, len(rows))[ok]
        if len(set(y_arr.tolist())) < 2:
            raise NewsprobeError("the probability map needs both human and machine texts")
        lr = LogisticRegression(C=1e4, class_weight="balanced").fit(z[ok, None], y_arr)
        slope, intercept = float(lr.coef_[0, 0]), float(lr.intercept_[0])
        if slope <= 0:
            raise ReversedOrderError("the probability map would reverse the detector's order")
        self.probability_map_ = {"slope": slope, "intercept": intercept}
        self._set_threshold(calibration_rows)
        self.provenance_["probability_map"] = (
            f"Platt scaling on {int(ok.sum())} articles in neither the fit nor the calibration"
        )
        return self

    def _fit_logistic(self, X: np.ndarray, y: np.ndarray, names: list[str]) -> None:
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import StandardScaler

        active = list(range(len(names)))
        while True:
            scaler = StandardScaler().fit(X[:, active])
            lr = LogisticRegression(C=self.C, class_weight="balanced", max_iter=1000)
            lr.fit(scaler.transform(X[:, active]), y)
            coef = lr.coef_[0]
            if (coef >= 0).all() or len(active) == 1:
                break
            active = [a for a, c in zip(active, coef, strict=True) if c >= 0] or [
                active[int(np.argmax(coef))]
            ]
        self.feature_names_ = [names[a] for a in active]
        self.scaler_mean_ = scaler.mean_.tolist()
        self.scaler_scale_ = scaler.scale_.tolist()
        self.coef_ = lr.coef_[0].tolist()
        self.intercept_ = float(lr.intercept_[0])
        self.trees_ = None

    def _fit_boosted(self, X: np.ndarray, y: np.ndarray, names: list[str]) -> None:
        from sklearn.ensemble import HistGradientBoostingClassifier

        model = HistGradientBoostingClassifier(
            max_iter=self.n_trees,
            max_depth=self.max_depth,
            learning_rate=self.learning_rate,
            l2_regularization=1.0,
            monotonic_cst=[1] * len(names),
            class_weight="balanced",
            early_stopping=False,
            random_state=0,
        ).fit(X, y)
        self.feature_names_ = list(names)
        self.trees_ = export_trees(model)
        self.scaler_mean_ = self.scaler_scale_ = self.coef_ = None
        self.intercept_ = None

    def _oriented(self, X: np.ndarray, names: Sequence[str]) -> np.ndarray:
        return X * np.array([_direction(n) for n in names], dtype=np.float64)

    def check_is_fitted(self) -> None:
        if not hasattr(self, "feature_names_"):
            raise NotFittedError("this Detector is not fitted: call fit() or Detector.load()")

    # -- prediction -------------------------------------------------------------------
    def threshold_for(self, fpr: float) -> float:
        """Probability above which at most ``fpr`` of the calibration human news lies."""
        self.check_is_fitted()
        return _threshold_at(self.calibration_scores_, fpr)

    def check_rate(self, fpr: float) -> None:
        """Refuse a false-positive rate the calibration cannot back: every rate below one
        of its human texts gives the same threshold, and stating a smaller one ("at most
        0.0001% of human news") would promise what it cannot show."""
        self.check_is_fitted()
        _threshold_at([], fpr)
        n = len(self.calibration_scores_)
        if fpr * n < 1:
            raise InputError(
                f"an fpr of {fpr:g} is below what the detector's {n} human calibration texts "
                f"can measure (at least 1/{n} = {1 / n:.4g})"
            )

    def boundary_locator(self) -> BoundaryLocator | None:
        """The mixed-article locator (``boundary_``), parsed once per fitted dict."""
        if self.boundary_ is None:
            return None
        if self._locator is None or self._locator[0] is not self.boundary_:
            self._locator = (self.boundary_, BoundaryLocator.from_dict(self.boundary_))
        return self._locator[1]

    def sentence_threshold_for(self, fpr: float) -> float | None:
        """Sentence probability above which at most ``fpr`` of human news sentences lie;
        None for a detector without calibrated sentence scores."""
        self.check_is_fitted()
        if not self.sentence_scores_:
            return None
        return _threshold_at(self.sentence_scores_, fpr)

    def decision_rows(self, rows: Sequence[dict[str, float]]) -> np.ndarray:
        """The combiner's log-odds of "machine" for feature rows, before the probability
        map (NaN where a feature is missing)."""
        self.check_is_fitted()
        X = self._oriented(feature_matrix(rows, self.feature_names_), self.feature_names_)
        if self.trees_ is not None:
            z = tree_decision(self.trees_, X)
            z[~np.all(np.isfinite(X), axis=1)] = np.nan
            return z
        Z = (X - np.asarray(self.scaler_mean_)) / np.asarray(self.scaler_scale_)
        return Z @ np.asarray(self.coef_) + self.intercept_

    def _proba_rows(self, rows: Sequence[dict[str, float]]) -> np.ndarray:
        z = self.decision_rows(rows)
        if self.probability_map_ is not None:
            z = self.probability_map_["slope"] * z + self.probability_map_["intercept"]
        z = np.clip(z, -50, 50)
        return 1.0 / (1.0 + np.exp(-z))

    def predict_proba_rows(self, rows: Sequence[dict[str, float]]) -> np.ndarray:
        """Probability of "machine" per feature row; NaN where the text is too short."""
        if isinstance(rows, str) or any(not isinstance(r, dict) for r in rows):
            raise TypeError(
                "rows are feature dicts: pass detector.feature_rows(texts), not the texts"
            )
        if not len(rows):
            self.check_is_fitted()
            return np.empty(0)
        p = self._proba_rows(rows)
        p[self.n_tokens(rows) < self.min_tokens] = np.nan
        return self._with_rules(p, rows)

    def _with_rules(self, p: np.ndarray, rows: Sequence[dict[str, float]]) -> np.ndarray:
        """Raise the texts that carry chatbot scaffolding to TELL_PROBABILITY (if enabled)."""
        if not self.tells or not len(p):
            return p
        told = feature_matrix(rows, ["tells"])[:, 0] > 0
        p = p.copy()
        p[told] = np.fmax(p[told], TELL_PROBABILITY)
        return p

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """scikit-learn style ``[[p_human, p_machine], ...]``; NaN rows are too short."""
        p = self.predict_proba_rows(self.feature_rows(texts))
        return np.column_stack([1.0 - p, p])

    def predict(self, texts: Sequence[str], fpr: float | None = None) -> list[str]:
        """``"machine"``, ``"human"`` or ``"too_short"`` per text."""
        if fpr is not None:
            self.check_rate(fpr)
        t = self.threshold_ if fpr is None else self.threshold_for(fpr)
        p = self.predict_proba(texts)[:, 1]
        return ["too_short" if np.isnan(v) else ("machine" if v > t else "human") for v in p]

    def score(self, texts: Iterable[str], y: Iterable[Any]) -> float:
        """AUROC on ``texts`` (accuracy would hide the low-FPR behaviour that matters);
        ``y`` as :meth:`fit` takes it (1/"machine", 0/"human"). Texts too short to judge
        have no probability and are left out."""
        from sklearn.metrics import roc_auc_score

        texts = _check_texts(texts)
        labels = _labels(y, len(texts))
        p = self.predict_proba(texts)[:, 1]
        ok = np.isfinite(p)
        if len(set(labels[ok].tolist())) < 2:
            raise NewsprobeError("score needs human and machine texts long enough to judge")
        return float(roc_auc_score(labels[ok], p[ok]))

    # -- persistence ------------------------------------------------------------------
    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The constructor's arguments: ``Detector(**det.get_params())`` is an unfitted copy
        (``sklearn.base.clone`` works). ``deep`` is scikit-learn's; there are no nested
        estimators."""
        return {**self._model_params(), **self._run_params()}

    def set_params(self, **params: Any) -> Detector:
        """scikit-learn's ``set_params``: constructor arguments by name."""
        valid = self.get_params()
        for key, value in params.items():
            if key not in valid:
                raise ValueError(f"unknown parameter {key!r}; known: {', '.join(valid)}")
            setattr(self, key, value)
        self._extractor = None  # built from the old models, window or device
        return self

    def _run_params(self) -> dict[str, Any]:
        """How it runs here, not what was fitted: not saved in the file."""
        return {"batch_size": self.batch_size, "device": self.device, "runtime": self.runtime}

    def _model_params(self) -> dict[str, Any]:
        return {
            "models": tuple(self.models),
            "features": None if self.features is None else tuple(self.features),
            "combiner": self.combiner,
            "C": self.C,
            "n_trees": self.n_trees,
            "max_depth": self.max_depth,
            "learning_rate": self.learning_rate,
            "fpr": self.fpr,
            "max_tokens": self.max_tokens,
            "min_tokens": self.min_tokens,
            "tells": self.tells,
        }

    def __repr__(self) -> str:
        """The parameters that differ from the defaults, as scikit-learn shows them."""
        import inspect

        defaults = {
            k: v.default for k, v in inspect.signature(Detector.__init__).parameters.items()
        }
        changed = {k: v for k, v in self.get_params().items() if defaults.get(k) != v}
        return f"Detector({', '.join(f'{k}={v!r}' for k, v in changed.items())})"

    def to_dict(self) -> dict[str, Any]:
        self.check_is_fitted()
        from newsprobe import __version__

        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "newsprobe_version": __version__,
            "params": self._model_params(),
            "feature_names": self.feature_names_,
            "scaler_mean": self.scaler_mean_,
            "scaler_scale": self.scaler_scale_,
            "coef": self.coef_,
            "intercept": self.intercept_,
            "trees": self.trees_,
            "threshold": self.threshold_,
            "calibration_scores": self.calibration_scores_,
            "probability_map": self.probability_map_,
            "provenance": self.provenance_,
            "sentence_calibration": self.sentence_calibration_,
            "sentence_scores": self.sentence_scores_,
            "boundary": self.boundary_,
        }

    def save(self, path: str | Path) -> Path:
        """Write the fitted detector as JSON, atomically."""
        return write_json_atomic(path, self.to_dict())

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Detector:
        if data.get("format") != FORMAT:
            raise DetectorFileError("not a newsprobe detector file")
        version = data.get("format_version")
        if isinstance(version, bool) or version not in READABLE_VERSIONS:
            raise DetectorFileError(
                f"detector file version {version!r} is not supported (this newsprobe reads "
                f"versions {READABLE_VERSIONS[0]} to {READABLE_VERSIONS[-1]})"
            )
        params = dict(data["params"])
        params["models"] = tuple(params["models"])
        if params.get("features") is not None:
            params["features"] = tuple(params["features"])
        det = cls(**params)
        det.feature_names_ = list(data["feature_names"])
        det.trees_ = data.get("trees")
        if det.trees_ is None:
            det.scaler_mean_ = list(data["scaler_mean"])
            det.scaler_scale_ = list(data["scaler_scale"])
            det.coef_ = list(data["coef"])
            det.intercept_ = float(data["intercept"])
        else:
            det.scaler_mean_ = det.scaler_scale_ = det.coef_ = det.intercept_ = None
        det.threshold_ = float(data["threshold"])
        det.calibration_scores_ = list(data["calibration_scores"])
        det.probability_map_ = data.get("probability_map")
        det.provenance_ = dict(data.get("provenance", {}))
        _check_consistent(det)
        det.sentence_calibration_ = data.get("sentence_calibration")
        det.sentence_scores_ = data.get("sentence_scores")
        det.boundary_ = data.get("boundary")
        return det

    @classmethod
    def load(cls, path: str | Path | None = None) -> Detector:
        """Load a fitted detector; no path loads the one shipped with newsprobe."""
        try:
            if path is None or str(path) == DEFAULT_DETECTOR:
                ref = resources.files("newsprobe") / "resources" / "detector.json"
                text = ref.read_text(encoding="utf-8")
            else:
                text = Path(path).read_text(encoding="utf-8")
            data = json.loads(text)
        except FileNotFoundError as exc:
            # "--detector fastdetectgpt": a scorer's name, which eval takes and check does not.
            raise DetectorFileError(
                f"cannot read detector file {path}: no such file (a file that "
                "'newsprobe train' wrote; 'default' is the shipped one)"
            ) from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise DetectorFileError(
                f"cannot read detector file {path}: {getattr(exc, 'strerror', None) or exc}"
            ) from exc
        except json.JSONDecodeError as exc:
            raise DetectorFileError(f"detector file {path} is not valid JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise DetectorFileError(f"detector file {path} is not a JSON object")
        name = path if path is not None else DEFAULT_DETECTOR
        try:
            return cls.from_dict(data)
        except DetectorFileError as exc:
            raise DetectorFileError(f"detector file {name}: {exc}") from exc
        except KeyError as exc:
            raise DetectorFileError(f"detector file {name} is incomplete: no {exc}") from exc
        except (TypeError, ValueError) as exc:
            raise DetectorFileError(f"detector file {name} is not usable: {exc}") from exc
