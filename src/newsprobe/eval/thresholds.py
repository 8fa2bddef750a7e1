"""``newsprobe threshold``: the detector's threshold set on the user's own human news.

The shipped threshold flags at most 1% of 300 human articles from three US fact-check
sources. A newsroom's archive or a crawl's human sites may score higher or lower, and the
rate that matters is the one on *their* human news. So the threshold is read again on
human texts the user gives, and three numbers say what that buys:

* how many of those texts the old threshold flagged (what the user had);
* how many the new one flags (at most the target, by construction);
* the rate the new threshold is likely to have on more news of the same kind, measured
  by cross-fitting: for each of k folds the threshold is read on the other folds and
  counted on this one, so that no text judges a threshold it helped to set. A Wilson
  interval goes with it: 1% of 300 texts is 3 of them, and the interval says how little
  that pins down.

The sentence cut-offs (red where at most 2% of human news sentences score, shaded at
10%) are read again on the sentences of the same human texts, over the window ``check``
colours by default, so that "red" keeps its stated meaning on the user's news as the
threshold does; with too few sentences (under 50) the detector's own stay.

Machine-labelled texts in the inputs are not used for the threshold; when there are any,
the share of them caught before and after is reported beside it (the price of a stricter
threshold).
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from newsprobe.detect.detector import Detector, _threshold_at, require_texts, rounded_up
from newsprobe.detect.sentences import SENTENCE_FPR, SHADE_FPR, human_sentence_scores
from newsprobe.errors import NewsprobeError
from newsprobe.eval.data import Row
from newsprobe.eval.metrics import wilson_interval
from newsprobe.eval.training import texts_digest


def texts_advised(fpr: float) -> int:
    """Human texts whose flagged share has a 95% interval of about half the rate either
    side: with fewer, the rate on more news like them is loose (the normal
    approximation's n = (1.96 / 0.5)^2 (1 - p) / p: about 1,500 at 1%, 300 at 5%)."""
    return math.ceil((1.96 / 0.5) ** 2 * (1 - fpr) / fpr)


@dataclass(slots=True)
class ThresholdReport:
    """What setting the threshold on the given human texts changed."""

    fpr: float
    n_human: int  # scored: long enough and in a covered language
    n_before: int  # human texts the old threshold was read on
    own_rate: float  # the old detector's own rate, and its threshold there
    own_threshold: float
    n_too_short: int
    threshold_before: float
    flagged_before: int
    threshold: float
    flagged: int
    folds: int
    held_out_flagged: int | None  # None: too few texts to cross-fit at this rate
    held_out_interval: tuple[float, float] | None
    n_machine: int = 0
    caught_before: int | None = None
    caught: int | None = None
    # The sentence cut-offs (red, shaded) before and after, read on n_sentences sentences
    # of these texts; after is None when too few sentences were scored to read them.
    sentence_cutoffs_before: tuple[float, float] | None = None
    sentence_cutoffs: tuple[float, float] | None = None
    n_sentences: int = 0

    @property
    def texts_advised(self) -> int:
        return texts_advised(self.fpr)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["texts_advised"] = self.texts_advised
        n = self.n_human
        out["fpr_before"] = self.flagged_before / n
        out["fpr_after"] = self.flagged / n
        out["fpr_held_out"] = None if self.held_out_flagged is None else self.held_out_flagged / n
        if self.held_out_interval is not None:
            out["held_out_interval"] = list(self.held_out_interval)
        if self.n_machine:
            out["tpr_before"] = (self.caught_before or 0) / self.n_machine
            out["tpr_after"] = (self.caught or 0) / self.n_machine
        return out


def cross_fitted_flags(
    scores: Sequence[float], fpr: float, folds: int = 5, seed: int = 0
) -> int | None:
    """Human texts flagged by a threshold read on the other folds, summed over folds; None
    when a fold's complement holds too few texts to read a threshold at ``fpr``."""
    values = np.asarray(scores, dtype=float)
    n_rest = values.size - -(-values.size // folds)  # the smallest complement
    if folds < 2 or n_rest * fpr < 1:
        return None
    order = list(range(values.size))
    random.Random(seed).shuffle(order)
    fold_of = np.empty(values.size, dtype=int)
    fold_of[order] = np.arange(values.size) % folds
    flagged = 0
    for k in range(folds):
        rest = rounded_up(values[fold_of != k])
        flagged += int(np.sum(values[fold_of == k] > _threshold_at(rest, fpr)))
    return flagged


def set_threshold(
    detector: Detector,
    rows: Sequence[Row],
    fpr: float | None = None,
    source: str = "",
    folds: int = 5,
    seed: int = 0,
    progress: Callable[[int], None] | None = None,
) -> ThresholdReport:
    """Set ``detector``'s threshold on the human ``rows`` (in place) and report the change.

    rows: labelled rows (``newsprobe.eval.inputs.labelled_rows``); the human ones set the
    threshold, the machine ones (if any) are only counted.
    """
    fpr = detector.fpr if fpr is None else fpr
    _threshold_at([], fpr)  # the range check, before anything is scored
    n_humans = sum(r.label == 0 for r in rows)
    if not n_humans:
        raise NewsprobeError("no human texts to set the threshold on (all are labelled machine)")
    require_texts(n_humans, fpr)  # before the model runs; fit_threshold re-checks the scored
    own_rate, own_threshold = detector.fpr, detector.threshold_
    n_before = len(detector.calibration_scores_)
    features = detector.feature_rows([r.text for r in rows], progress=progress)
    p = detector.predict_proba_rows(features)
    human = np.array([r.label == 0 for r in rows])
    ok = np.isfinite(p)
    scores = p[human & ok]
    before = detector.threshold_for(fpr)  # what `check --fpr` gave at the same rate
    detector.fit_threshold([f for f, h in zip(features, human, strict=True) if h], fpr, source)
    after = detector.threshold_
    read = [r.text for r, h, k in zip(rows, human, ok, strict=True) if h and k]
    detector.provenance_["calibration_sha256"] = texts_digest(read)
    cutoffs_before, cutoffs, n_sentences = _refit_sentence_cutoffs(detector, read, source)
    held = cross_fitted_flags(scores, fpr, folds, seed)
    machines = p[~human & ok]
    return ThresholdReport(
        fpr=fpr,
        n_human=int(scores.size),
        n_before=n_before,
        own_rate=own_rate,
        own_threshold=own_threshold,
        n_too_short=int(np.sum(human & ~ok)),
        threshold_before=before,
        flagged_before=int(np.sum(scores > before)),
        threshold=after,
        flagged=int(np.sum(scores > after)),
        folds=folds,
        held_out_flagged=held,
        held_out_interval=None if held is None else wilson_interval(held, int(scores.size)),
        n_machine=int(machines.size),
        caught_before=int(np.sum(machines > before)) if machines.size else None,
        caught=int(np.sum(machines > after)) if machines.size else None,
        sentence_cutoffs_before=cutoffs_before,
        sentence_cutoffs=cutoffs,
        n_sentences=n_sentences,
    )


def _refit_sentence_cutoffs(
    detector: Detector, human_texts: Sequence[str], source: str
) -> tuple[tuple[float, float] | None, tuple[float, float] | None, int]:
    """Read the sentence cut-offs again on ``human_texts`` (in place): the old ones, the
    new ones (None where too few sentences hold the rarer rate) and the sentences read."""
    red, shade = (detector.sentence_threshold_for(f) for f in (SENTENCE_FPR, SHADE_FPR))
    if red is None or shade is None:
        return None, None, 0  # a detector without calibrated sentence scores
    scores = human_sentence_scores(detector, human_texts)
    if len(scores) * SENTENCE_FPR < 1:
        return (red, shade), None, len(scores)
    detector.sentence_scores_ = scores
    what = source or "the human texts the threshold was set on"
    detector.provenance_["sentence_scores"] = (
        f"{len(scores)} sentences of {len(human_texts)} texts ({what}), first "
        f"{detector.extractor.max_tokens} tokens"
    )
    after = (_threshold_at(scores, SENTENCE_FPR), _threshold_at(scores, SHADE_FPR))
    return (red, shade), after, len(scores)
