"""Where a human article turns machine-written: a change point over sentence evidence.

A content farm keeps a wire story's opening and lets a chat model write the rest. Each
sentence carries two pieces of evidence: its depth-calibrated window score (the detector
over the sentence and its neighbours, ``detect.sentences``) and its style (``detect.style``,
no language model). A logistic model fitted on held-out whole articles weighs the two into
one sentence log-odds; the change point is the split with the largest rise in mean log-odds,
after minus before, weighted by sqrt(k (n - k) / n) as in a CUSUM test (the likelihood-ratio
split for a shift in mean), so that a split next to either end needs a larger rise.

Every article has a largest rise, so a boundary is only reported when that rise is larger
than in all but ``fpr`` of whole human news articles the fit never saw: the same rule as the
verdict's threshold, stated on human news.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprobe.article import Article, Boundary
from newsprobe.detect.style import SentenceStyle

if TYPE_CHECKING:
    from newsprobe.detect.detector import Detector

__all__ = [
    "BOUNDARY_FPR",
    "BoundaryLocator",
    "change_point",
    "fit_locator",
    "locate_boundary",
]

#: Share of whole human news articles in which a boundary may be reported.
BOUNDARY_FPR = 0.05
#: Scored sentences an article needs before a split means anything (two on each side).
MIN_SENTENCES = 4


def change_point(evidence: Sequence[float]) -> tuple[int, float]:
    """The index of the first sentence after the split and the weighted rise there.

    RETURNS: ``(k, statistic)``; ``(0, -inf)`` for fewer than two sentences.
    """
    x = np.asarray(evidence, dtype=float)
    n = len(x)
    if n < 2:
        return 0, float("-inf")
    k = np.arange(1, n)
    csum = np.cumsum(x)[:-1]
    before = csum / k
    after = (x.sum() - csum) / (n - k)
    stat = (after - before) * np.sqrt(k * (n - k) / n)
    best = int(np.argmax(stat))
    return best + 1, float(stat[best])


def _logit(p: Sequence[float]) -> np.ndarray:
    q = np.clip(np.asarray(p, dtype=float), 1e-4, 1 - 1e-4)
    return np.log(q / (1 - q))


@dataclass(slots=True)
class BoundaryLocator:
    """Sentence evidence weights, the style model and the cut-off of the mixed test.

    ``window`` and ``style`` weigh a sentence's window log-odds and style log-odds;
    ``cutoff`` is the weighted rise that at most ``fpr`` of whole human articles reach.
    """

    style: SentenceStyle
    window: float
    style_weight: float
    intercept: float
    cutoff: float
    fpr: float

    def evidence(self, texts: Sequence[str], window_proba: Sequence[float]) -> np.ndarray:
        """One log-odds per sentence, from its window probability and its style."""
        return (
            self.intercept
            + self.window * _logit(window_proba)
            + self.style_weight * self.style.decision_function(texts)
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "style": self.style.to_dict(),
            "window": self.window,
            "style_weight": self.style_weight,
            "intercept": self.intercept,
            "cutoff": self.cutoff,
            "fpr": self.fpr,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BoundaryLocator:
        return cls(
            style=SentenceStyle.from_dict(data["style"]),
            **{k: float(data[k]) for k in ("window", "style_weight", "intercept", "cutoff")},
            fpr=float(data["fpr"]),
        )

    @classmethod
    def fit(
        cls,
        style: SentenceStyle,
        articles: Sequence[Article],
        labels: Sequence[int],
        fpr: float = BOUNDARY_FPR,
    ) -> BoundaryLocator:
        """Weigh the two kinds of evidence on whole ``articles`` (scored sentences set,
        the detector never fitted on them; every sentence takes its article's label), and
        set the cut-off on the human ones (label 0)."""
        from sklearn.linear_model import LogisticRegression

        from newsprobe.detect.detector import _threshold_at

        rows = [_scored(a) for a in articles]
        X, y = [], []
        for (texts, proba), label in zip(rows, labels, strict=True):
            if texts:
                X.append(np.column_stack([_logit(proba), style.decision_function(texts)]))
                y += [int(label)] * len(texts)
        lr = LogisticRegression(C=1.0).fit(np.vstack(X), y)
        w_window, w_style = (float(c) for c in lr.coef_[0])
        if min(w_window, w_style) <= 0:
            raise ValueError("boundary evidence weights must both point towards 'machine'")
        locator = cls(style, w_window, w_style, float(lr.intercept_[0]), float("inf"), fpr)
        stats = [
            change_point(locator.evidence(texts, proba))[1]
            for (texts, proba), label in zip(rows, labels, strict=True)
            if label == 0 and len(texts) >= MIN_SENTENCES
        ]
        if not stats:
            raise ValueError("no human article has enough scored sentences for a cut-off")
        locator.cutoff = _threshold_at(sorted(stats), fpr)
        return locator


def _scored(article: Article) -> tuple[list[str], list[float]]:
    """The texts and probabilities of the article's leading run of scored sentences."""
    texts, proba = [], []
    for s in article.sentences:
        if s.machine_probability is None:
            break
        texts.append(article.text[s.start : s.end])
        proba.append(s.machine_probability)
    return texts, proba


def locate_boundary(article: Article, detector: Detector) -> Boundary | None:
    """Where the scored sentences of ``article`` turn machine-written, if the rise there
    passes the detector's mixed-authorship cut-off; ``None`` otherwise (or when the
    detector has no locator, or too few sentences were scored)."""
    locator = detector.boundary_locator()
    if locator is None:
        return None
    texts, proba = _scored(article)
    if len(texts) < MIN_SENTENCES:
        return None
    k, stat = change_point(locator.evidence(texts, proba))
    if not stat > locator.cutoff:
        return None
    return Boundary(
        sentence=k,
        start=article.sentences[k].start,
        statistic=stat,
        cutoff=locator.cutoff,
        fpr_target=locator.fpr,
    )


def fit_locator(
    detector: Detector,
    style_texts: Sequence[str],
    style_labels: Sequence[int],
    texts: Sequence[str],
    labels: Sequence[int],
    max_tokens: int = 512,
    fpr: float = BOUNDARY_FPR,
    progress: Callable[[int], None] | None = None,
) -> BoundaryLocator:
    """Fit the style model on the sentences of ``style_texts`` (each takes its article's
    label), then the evidence weights and the cut-off on whole ``texts`` the detector (and
    its sentence calibration) is set for but never fitted on, over their first
    ``max_tokens`` tokens."""
    from newsprobe.detect.segment import split_sentences
    from newsprobe.detect.sentences import score_sentences

    sentences, y = [], []
    for text, label in zip(style_texts, style_labels, strict=True):
        spans = split_sentences(text)
        sentences += [text[a:b] for a, b in spans]
        y += [int(label)] * len(spans)
    style = SentenceStyle().fit(sentences, y)
    stats = detector.extractor.with_window(max_tokens).cached_stats(texts, progress)
    articles = []
    for i, text in enumerate(texts):
        article = Article(text=text, token_stats={m: stats[m][i] for m in detector.models})
        article.sentences = score_sentences(article, detector)
        articles.append(article)
    return BoundaryLocator.fit(style, articles, labels, fpr)
