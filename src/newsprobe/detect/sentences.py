"""Sentence scores: which parts of an article drive its verdict.

A single sentence is too short to judge (the length benchmark shows AUROC near chance under
~60 words), so each sentence is scored by the same calibrated detector over a context
window: the sentence plus its neighbours, grown outwards until the window holds enough
tokens. The token statistics are the article's own (sliced by character offsets), so this
costs no extra model pass; only the text scorers run again on each window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from newsprobe.article import Article, SentenceScore
from newsprobe.detect.detector import rounded_up
from newsprobe.detect.segment import split_sentences

if TYPE_CHECKING:
    from newsprobe.detect.detector import Detector
    from newsprobe.detect.stats import TokenStats

__all__ = [
    "CALIBRATION_TOKENS",
    "REREAD_TOKENS",
    "SENTENCE_FPR",
    "SHADE_FPR",
    "WINDOW_TOKENS",
    "DepthCalibration",
    "fit_depth_calibration",
    "human_sentence_scores",
    "reread_scores",
    "score_sentences",
    "sentence_windows",
    "split_sentences",
    "window_scores",
]

#: Tokens a window needs before its number means something (about two news sentences).
WINDOW_TOKENS = 48
#: Tokens a window read alone may hold (``reread_scores``): windows are ~48-100 tokens.
REREAD_TOKENS = 256
#: Depths beyond this are read as this (past the calibration data; keeps the fit monotone).
MAX_DEPTH = 4096
#: Tokens of each article the depth calibration reads: as deep as ``--max-tokens 512`` goes.
CALIBRATION_TOKENS = 512
#: Share of human news sentences allowed above the "machine-like" cut-off (red in reports).
SENTENCE_FPR = 0.02
#: Share of human news sentences allowed above the "leaning machine" cut-off (shaded).
SHADE_FPR = 0.10


@dataclass(frozen=True, slots=True)
class DepthCalibration:
    """Turns a window's detector probability into a sentence probability that does not
    depend on how deep in the article the window sits.

    A causal model predicts a sentence better the more of the article it has read, so the
    same sentence scores as more machine-like deep in an article than at its top: on human
    BBC news the median window score rose from 0.17 for the first two sentences to 0.4-0.6
    from the third on, and machine news from 0.68 to 0.9+. Logistic in the window's
    log-odds, the log of the tokens read before it, and their product; fitted on news the
    detector never saw, whole human and whole machine articles.
    """

    intercept: float
    logit: float
    depth: float
    interaction: float

    @staticmethod
    def design(proba: np.ndarray, depth: np.ndarray) -> np.ndarray:
        p = np.clip(np.asarray(proba, dtype=float), 1e-4, 1 - 1e-4)
        x = np.log(p / (1 - p))
        d = np.log1p(np.minimum(np.asarray(depth, dtype=float), MAX_DEPTH))
        return np.column_stack([x, d, x * d])

    @classmethod
    def fit(
        cls, proba: Sequence[float], depth: Sequence[float], y: Sequence[int]
    ) -> DepthCalibration:
        from sklearn.linear_model import LogisticRegression

        X = cls.design(np.asarray(proba), np.asarray(depth))
        ok = np.isfinite(X).all(axis=1)
        lr = LogisticRegression(C=1.0).fit(X[ok], np.asarray(y)[ok])
        a, b, c = (float(v) for v in lr.coef_[0])
        cal = cls(intercept=float(lr.intercept_[0]), logit=a, depth=b, interaction=c)
        if min(cal.slope(0), cal.slope(MAX_DEPTH)) <= 0:
            raise ValueError("depth calibration would reverse the detector's order")
        return cal

    def slope(self, depth: float) -> float:
        """How much the sentence log-odds move per unit of window log-odds at ``depth``."""
        return self.logit + self.interaction * float(np.log1p(min(depth, MAX_DEPTH)))

    def __call__(self, proba: np.ndarray, depth: np.ndarray) -> np.ndarray:
        proba = np.asarray(proba, dtype=float)
        z = self.design(proba, depth) @ np.array([self.logit, self.depth, self.interaction])
        out = 1.0 / (1.0 + np.exp(-(z + self.intercept)))
        return np.where(np.isnan(proba), np.nan, out)

    def to_dict(self) -> dict[str, float]:
        return {k: getattr(self, k) for k in self.__slots__}

    @classmethod
    def from_dict(cls, data: dict[str, float]) -> DepthCalibration:
        return cls(**{k: float(data[k]) for k in cls.__slots__})


def sentence_windows(
    article: Article, detector: Detector, window_tokens: int = WINDOW_TOKENS
) -> tuple[list[tuple[int, int]], dict[int, tuple[int, int]], dict[int, int]]:
    """The sentence spans of a checked ``article``, and for each sentence with statistics
    the character span of its window and the tokens read before that window."""
    spans = split_sentences(article.text)
    model = detector.models[0]
    counts = [len(article.token_stats[model].slice(a, b)) for a, b in spans]
    before = np.concatenate([[0], np.cumsum(counts)]).astype(int)
    # Only sentences inside the token window have statistics, and not a headline the
    # verdict did not read (Article.body_start); windows grow within them, so a long
    # article costs no more than its window (the text scorers see what the model saw).
    scored = [i for i, c in enumerate(counts) if c > 0]
    first, last = (scored[0], scored[-1]) if scored else (0, -1)
    windows: dict[int, tuple[int, int]] = {}
    depth: dict[int, int] = {}
    for i in range(last + 1):
        if counts[i] == 0:
            continue
        lo = hi = i
        total = counts[i]
        while total < window_tokens and (lo > first or hi < last):
            # Grow towards the side with statistics, alternating, so the sentence stays
            # in the middle of its window where it can.
            if lo > first and (hi == last or (i - lo) <= (hi - i)):
                lo -= 1
                total += counts[lo]
            else:
                hi += 1
                total += counts[hi]
        windows[i] = (spans[lo][0], spans[hi][1])
        depth[i] = int(before[lo])
    return spans, windows, depth


def window_scores(
    article: Article, detector: Detector, window_tokens: int = WINDOW_TOKENS
) -> tuple[list[tuple[int, int]], dict[int, tuple[float, int]]]:
    """The sentence spans of a checked ``article`` and, for each sentence with statistics,
    the detector's probability for its window and the tokens read before that window."""
    spans, windows, depth = sentence_windows(article, detector, window_tokens)
    # Neighbouring sentences often grow the same window (all of a short article's do):
    # each window is scored once.
    unique = list(dict.fromkeys(windows.values()))
    texts = [article.text[a:b] for a, b in unique]
    stats = {
        m: [article.token_stats[m].slice(a, b, rebase=True) for a, b in unique]
        for m in detector.models
    }
    rows = detector.extractor.from_stats(texts, stats) if texts else []
    proba = dict(zip(unique, detector.predict_proba_rows(rows) if rows else [], strict=True))
    scores = {i: (float(proba[w]), depth[i]) for i, w in windows.items()}
    return spans, scores


def reread_scores(
    article: Article,
    detector: Detector,
    sentences: Sequence[int] | None = None,
    stats_of: Callable[[list[str]], dict[str, list[TokenStats]]] | None = None,
    window_tokens: int = WINDOW_TOKENS,
) -> dict[int, float]:
    """Sentence probabilities from each window read alone, from its own first token.

    The article's single pass reads a window after everything above it. Where a machine
    part follows a human one, the first machine sentences are read as a surprising turn
    of the human story, and look human; read alone, they look like what they are. The
    windows cost about three times the article's pass (those starting at the same sentence
    share one: ``FeatureExtractor.stats_within``), so only the boundary asks for them,
    and only for articles past the mixed test's first stage. Calibrated
    at depth 0: the window is all the model read.

    sentences: the sentence indices wanted (default: all with statistics).
    stats_of: token statistics for a list of texts (default: the detector's extractor,
        over ``REREAD_TOKENS``, windows that begin others read inside them, uncached unless
        its ``cache_all``); training passes a cached one.
    """
    if not article.token_stats:
        return {}
    _, windows, _ = sentence_windows(article, detector, window_tokens)
    wanted = [i for i in (windows if sentences is None else sentences) if i in windows]
    if not wanted:
        return {}
    unique = list(dict.fromkeys(windows[i] for i in wanted))
    texts = [article.text[a:b] for a, b in unique]
    ext = detector.extractor
    stats = stats_of(texts) if stats_of else ext.stats_within(texts, REREAD_TOKENS)
    proba = np.asarray(detector.predict_proba_rows(ext.from_stats(texts, stats)))
    if detector.sentence_calibration_:
        cal = DepthCalibration.from_dict(detector.sentence_calibration_)
        proba = cal(proba, np.zeros(len(proba)))
    of_window = dict(zip(unique, proba.tolist(), strict=True))
    return {i: float(of_window[windows[i]]) for i in wanted}


def score_sentences(
    article: Article, detector: Detector, window_tokens: int = WINDOW_TOKENS
) -> list[SentenceScore]:
    """Score every sentence of a checked ``article`` (``token_stats`` must be set).

    Sentences past the model's token window have no statistics and get ``None``. A
    detector with a depth calibration gives probabilities that do not drift with the
    sentence's place in the article.
    """
    if not article.token_stats:
        return []
    spans, scores = window_scores(article, detector, window_tokens)
    proba = {i: p for i, (p, _) in scores.items()}
    if detector.sentence_calibration_ and scores:
        cal = DepthCalibration.from_dict(detector.sentence_calibration_)
        raw, depth = np.array(list(scores.values())).T
        proba = dict(zip(scores, cal(raw, depth).tolist(), strict=True))
    return [
        SentenceScore(
            start=a,
            end=b,
            machine_probability=None if i not in proba or np.isnan(proba[i]) else proba[i],
        )
        for i, (a, b) in enumerate(spans)
    ]


def fit_depth_calibration(
    detector: Detector,
    texts: Sequence[str],
    labels: Sequence[int],
    max_tokens: int = CALIBRATION_TOKENS,
    progress: Callable[[int], None] | None = None,
) -> tuple[DepthCalibration, list[float]]:
    """Fit ``detector``'s depth calibration on whole human (0) and machine (1) articles
    it was not fitted on: every sentence window takes its article's label.

    RETURNS: the calibration, and the calibrated probabilities of the human sentences,
        from which cut-offs at a stated share of human sentences are read
        (``Detector.sentence_threshold_for``): what a sentence's colour means.
    """
    proba, depth, article = _windows_of(detector, texts, max_tokens, progress)
    y = np.asarray(labels, dtype=int)[article]
    cal = DepthCalibration.fit(proba, depth, y)
    human = y == 0
    return cal, rounded_up(cal(proba[human], depth[human]))


def human_sentence_scores(
    detector: Detector,
    texts: Sequence[str],
    progress: Callable[[int], None] | None = None,
) -> list[float]:
    """The calibrated sentence probabilities of human ``texts`` over the detector's own
    window (the sentences ``check`` colours by default), sorted: the sample the sentence
    cut-offs are read from when ``newsprobe threshold`` sets them on a user's own news.
    The statistics are those the verdict read, from the cache, so no model runs again."""
    if not detector.sentence_calibration_:
        raise ValueError("the detector has no sentence calibration")
    cal = DepthCalibration.from_dict(detector.sentence_calibration_)
    proba, depth, _ = _windows_of(detector, texts, detector.extractor.max_tokens, progress)
    scores = cal(proba, depth)
    return rounded_up(scores[np.isfinite(scores)])


def _windows_of(
    detector: Detector,
    texts: Sequence[str],
    max_tokens: int,
    progress: Callable[[int], None] | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each sentence window's detector probability, its depth and the index of its text,
    over the first ``max_tokens`` of each text."""
    # Statistics over the first max_tokens of each text, cached like the features' own.
    stats = detector.extractor.with_window(max_tokens).cached_stats(texts, progress)
    proba, depth, article = [], [], []
    for i, text in enumerate(texts):
        art = Article(text=text, token_stats={m: stats[m][i] for m in detector.models})
        for p, d in window_scores(art, detector)[1].values():
            proba.append(p)
            depth.append(d)
            article.append(i)
    return np.array(proba, dtype=float), np.array(depth, dtype=float), np.array(article, dtype=int)
