"""Where a human article turns machine-written: a change point over sentence evidence.

A content farm keeps a wire story's opening and lets a chat model write the rest. Each
sentence carries two pieces of evidence: its depth-calibrated window score (the detector
over the sentence and its neighbours, ``detect.sentences``) and its style (``detect.style``,
no language model). A logistic model fitted on held-out whole articles weighs the two into
one sentence log-odds.

One model reads those log-odds: a mean shift, the log-odds before and after a split
Gaussian around means of their own, with the noise measured on whole articles (and
widened for neighbouring sentences, whose windows overlap). A sentence's evidence is weak
(sentence AUROC ~0.85), so the model's answers are probabilities, not a single best split:

* whether the article is mixed at all: the Bayes factor of a rise somewhere against none.
  Every article has some rise, so a boundary is only reported when the factor is larger
  than in all but ``fpr`` of whole human news articles the fit never saw: the same rule as
  the verdict's threshold, stated on human news;
* where: the posterior median split, which minimises the expected error in sentences,
  and the shortest run of splits holding ``BOUNDARY_LEVEL`` of the posterior, which says
  how far off it may be. Each window is also read alone
  (``detect.sentences.reread_scores``), and the split is taken from the average of the two
  readings' log-odds, under a noise measured on them the same way: the article's own pass
  reads the first machine sentences as a turn of the human story, and a window read alone
  does not (mean error on the four kinds of held-out splice 1.02 / 0.84 / 1.52 / 1.10 ->
  0.94 / 0.79 / 1.32 / 1.07 sentences, ``benchmarks/bench_sentences.py``).

The test itself reads both too, in two stages, so that most articles pay for one reading:
an article whose Bayes factor on its own reading is below ``prescreen`` (what all but
``PRESCREEN_SHARE`` of whole human articles stay under) is not mixed; above it, its
windows are read alone (one model pass per sentence) and the Bayes factor of the averaged
evidence decides, against ``reread_cutoff``, set so that at most ``fpr`` of the human
articles pass both stages. The averaged evidence separates mixed articles from whole human
ones better than the article's reading (AUROC 0.84 / 0.79 / 0.77 / 0.71 -> 0.88 / 0.83 /
0.81 / 0.75 against whole BBC human news on the four kinds of splice); with the prescreen,
boundaries are reported on as many splices as without it (a second reading for every
article) and on 3.0% of whole BBC human articles instead of 5.3%, ~9% of articles read twice
(docs/measurements.md).
Beside it stands the ending test (``ending_logits``): an article whose verdict is human
and whose scored sentences hold at least ``2 * ENDING_WORDS`` words has its ending, the
last ``ENDING_WORDS`` words, read alone by the article-level detector; past
``ending_cutoff`` it is mixed too. The detector at full strength on ~100-128 tokens of
the part a content farm wrote last is stronger evidence than 48-token sentence windows
(AUROC of splice against whole BBC human 0.89 / 0.86 / 0.81 / 0.76 against 0.88 / 0.83 /
0.81 / 0.75 for the averaged sentence evidence), for one model pass. The two tests share
the ``fpr``: the sentence test's cut-off passes ``SENTENCE_TEST_SHARE`` of it on the human
fit articles, the ending's fills the union up to it (docs/measurements.md).
An article's own ending that no sentence score reached (the default window reads ~100
words) is read alone too (``unread_ending``), against the verdict's threshold, where its
sentences' style does not read human (``ENDING_STYLE_MIN``, no model pass): a human lead
of ~100 words put in front of a machine story had hidden it whole (a red-team's,
2026-12-06). Its windows are then scored further, and the turn located as the ending
test's (docs/output.md has the measurements).
Locators saved before the prescreen test the article's reading against ``cutoff`` and
read the windows alone only to split; locators saved before the ending test have no
``ending_cutoff`` and never read the ending.

Locators saved before the noise was measured use the largest rise in mean log-odds,
weighted by sqrt(k (n - k) / n) as in a CUSUM test, for both (``change_point``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprobe.article import Article, Boundary, Verdict
from newsprobe.detect.style import SentenceStyle

if TYPE_CHECKING:
    from newsprobe.detect.detector import Detector

__all__ = [
    "BOUNDARY_FPR",
    "BOUNDARY_LEVEL",
    "ENDING_WORDS",
    "PRESCREEN_SHARE",
    "BoundaryLocator",
    "change_point",
    "credible_range",
    "ending_logits",
    "ending_start",
    "ending_statistic",
    "fit_locator",
    "flagged_alone",
    "locate_boundary",
    "mixed_evidence",
    "scored_sentences",
    "split_posterior",
    "unread_ending",
]

#: Share of whole human news articles in which a boundary may be reported.
BOUNDARY_FPR = 0.05
#: Posterior probability held by the reported range of splits.
BOUNDARY_LEVEL = 0.9
#: Share of whole human news articles whose windows the two-stage mixed test reads alone.
PRESCREEN_SHARE = 0.1
#: Scored sentences an article needs before a split means anything (two on each side).
MIN_SENTENCES = 4
#: Words at the end of the scored sentences that the ending test reads alone; an article is
#: only given that test when its scored sentences hold twice as many (its head and ending
#: then share little).
ENDING_WORDS = 80
#: Mean style log-odds of an unread ending's sentences below which it is not read: 30% of
#: whole human articles pass (150 BBC and 146 LLMFake, 2026-12-06), and 62 of the 63
#: machine stories behind a human lead whose ending the detector flags.
ENDING_STYLE_MIN = -1.25
#: Share of ``fpr`` the two-stage sentence test may spend when the ending test stands beside
#: it (half each: fixed before the split was measured).
SENTENCE_TEST_SHARE = 0.5


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


def _split_log_likelihoods(
    evidence: Sequence[float], noise: float
) -> tuple[np.ndarray, np.ndarray, float]:
    """Each split's log marginal likelihood, whether the mean rises there, and the log
    marginal likelihood of no split, up to the same constant (see ``split_posterior``)."""
    x = np.asarray(evidence, dtype=float)
    n = len(x)
    if n < 2:
        raise ValueError("a split needs at least two sentences")
    if not noise > 0:
        raise ValueError(f"noise must be positive, got {noise}")
    k = np.arange(1, n)
    head, head_sq = np.cumsum(x)[:-1], np.cumsum(x * x)[:-1]
    tail, tail_sq = x.sum() - head, (x * x).sum() - head_sq
    rss = (head_sq - head**2 / k) + (tail_sq - tail**2 / (n - k))
    log_l = -np.maximum(rss, 0.0) / (2 * noise) - 0.5 * np.log(k * (n - k))
    whole = -float(((x - x.mean()) ** 2).sum()) / (2 * noise) - 0.5 * np.log(n)
    return log_l, tail / (n - k) - head / k > 0, whole


def split_posterior(evidence: Sequence[float], noise: float) -> np.ndarray:
    """The probability of each split ``k = 1 .. n - 1`` (the first machine sentence).

    The evidence before and after the split is Gaussian with variance ``noise`` around a
    mean of its own; with flat priors on the two means, a split's marginal likelihood is
    ``exp(-RSS_k / (2 noise)) / sqrt(k (n - k))``. Splits are equally likely a priori. Only
    splits where the mean rises count (a human article turning machine-written), unless
    none does.
    """
    log_l, rises, _ = _split_log_likelihoods(evidence, noise)
    if rises.any():
        log_l = np.where(rises, log_l, -np.inf)
    p = np.exp(log_l - log_l.max())
    return p / p.sum()


def mixed_evidence(evidence: Sequence[float], noise: float) -> float:
    """The log Bayes factor of one rise somewhere (each split equally likely) against no
    split, under ``split_posterior``'s model, the second mean's flat prior one unit wide:
    the test of whether an article is mixed at all, with the same model that places the
    split. ``-inf`` when the evidence only falls."""
    log_l, rises, whole = _split_log_likelihoods(evidence, noise)
    if not rises.any():
        return float("-inf")
    log_l = np.where(rises, log_l, -np.inf)
    top = log_l.max()
    mean = top + np.log(np.exp(log_l - top).mean())
    return float(mean + 0.5 * np.log(2 * np.pi * noise) - whole)


def credible_range(posterior: Sequence[float], level: float) -> tuple[int, int]:
    """The shortest run of splits holding at least ``level`` of ``posterior`` (indexed as
    ``split_posterior``'s: position i is split i + 1), as ``(first, last)`` splits; of
    equally short runs, the one holding most."""
    p = np.asarray(posterior, dtype=float)
    edges = np.concatenate([[0.0], np.cumsum(p)])
    target = level * edges[-1] - 1e-12
    for width in range(1, len(p) + 1):
        mass = edges[width:] - edges[:-width]
        if mass.max() >= target:
            first = int(np.argmax(mass))
            return first + 1, first + width
    return 1, len(p)


def _logit(p: Sequence[float]) -> np.ndarray:
    q = np.clip(np.asarray(p, dtype=float), 1e-4, 1 - 1e-4)
    return np.log(q / (1 - q))


@dataclass(slots=True)
class BoundaryLocator:
    """Sentence evidence weights, the style model and the cut-off of the mixed test.

    ``window`` and ``style`` weigh a sentence's window log-odds and style log-odds;
    ``noise`` is the variance of the evidence around its article's mean, the mean-shift
    model's noise; ``cutoff`` is the mixed test's ``statistic`` that at most ``fpr`` of
    whole human articles pass. Locators saved before the noise was measured have
    ``noise=None``: the largest rise is both their test and their split, with no range.
    ``reread_noise`` is the same variance for evidence from the average of the article's
    reading and windows read alone (``reread_evidence``); locators without it split on
    the article's reading only. ``prescreen`` and ``reread_cutoff`` make the mixed test
    two-stage (``needs_reread``, ``deciding_test``); locators without them test the
    article's reading against ``cutoff``. ``ending_cutoff`` adds the ending test beside it
    (``ending_logits``): an article whose verdict is human is also mixed when the detector
    reads its ending, alone, as machine-written beyond that cut-off.
    """

    style: SentenceStyle
    window: float
    style_weight: float
    intercept: float
    cutoff: float
    fpr: float
    noise: float | None = None
    reread_noise: float | None = None
    prescreen: float | None = None
    reread_cutoff: float | None = None
    ending_cutoff: float | None = None

    def evidence(self, texts: Sequence[str], window_proba: Sequence[float]) -> np.ndarray:
        """One log-odds per sentence, from its window probability and its style."""
        return (
            self.intercept
            + self.window * _logit(window_proba)
            + self.style_weight * self.style.decision_function(texts)
        )

    def statistic(self, evidence: Sequence[float]) -> float:
        """How strongly ``evidence`` says "mixed": the log Bayes factor of a rise against
        none (``mixed_evidence``), or the largest weighted rise for a locator without
        ``noise``; compared with ``cutoff``."""
        if self.noise is None:
            return change_point(evidence)[1]
        return mixed_evidence(evidence, self.noise)

    @property
    def two_stage(self) -> bool:
        """Whether the mixed test's decision is taken on the windows read alone."""
        return (
            self.prescreen is not None
            and self.reread_cutoff is not None
            and self.reread_noise is not None
        )

    def needs_reread(self, statistic: float) -> bool:
        """Whether an article with ``statistic`` on its own reading goes on to the windows
        read alone: above ``prescreen`` for a two-stage locator, else above ``cutoff`` (a
        boundary is then reported, and split on both readings if ``reread_noise`` is
        set)."""
        return statistic > (self.prescreen if self.two_stage else self.cutoff)

    def deciding_test(
        self, statistic: float, reread: Sequence[float] | None = None
    ) -> tuple[float, float]:
        """The statistic that decides the mixed test and its cut-off, for an article past
        ``needs_reread``: the ``reread_evidence``'s against ``reread_cutoff`` for a
        two-stage locator, else ``statistic`` on the article's reading against ``cutoff``."""
        if not self.two_stage:
            return statistic, self.cutoff
        if reread is None:
            raise ValueError("a two-stage mixed test needs the evidence read alone")
        return self.reread_statistic(reread), float(self.reread_cutoff)

    def is_mixed(
        self,
        statistic: float,
        reread: Sequence[float] | None = None,
        ending: float | None = None,
    ) -> bool:
        """The mixed test: ``statistic`` on the article's reading past ``needs_reread``,
        then the ``deciding_test`` past its cut-off; or else the ending test
        (``ending_passes``)."""
        if self.needs_reread(statistic):
            decisive, cutoff = self.deciding_test(statistic, reread)
            if decisive > cutoff:
                return True
        return self.ending_passes(ending)

    def ending_passes(self, ending: float | None) -> bool:
        """Whether an ending's logit (``ending_logits``; ``None`` for an article not given
        the test) makes the article mixed."""
        return ending is not None and self.ending_cutoff is not None and ending > self.ending_cutoff

    def reread_statistic(self, evidence: Sequence[float]) -> float:
        """``statistic`` for ``reread_evidence``: the log Bayes factor under
        ``reread_noise``, compared with ``reread_cutoff``."""
        if self.reread_noise is None:
            raise ValueError("this locator was fitted without the windows read alone")
        return mixed_evidence(evidence, self.reread_noise)

    def reread_evidence(
        self, texts: Sequence[str], window_proba: Sequence[float], reread: Mapping[int, float]
    ) -> np.ndarray:
        """``evidence`` from the mean of each window's log-odds in the article's reading
        and read alone (``reread``: sentence index -> probability, as
        ``detect.sentences.reread_scores`` gives it; a window not read alone keeps the
        first)."""
        first = _logit(window_proba)
        alone = first.copy()
        if reread:
            at = list(reread)
            alone[at] = _logit([reread[i] for i in at])
        return self.evidence(texts, 1.0 / (1.0 + np.exp(-(first + alone) / 2)))

    def split(
        self, evidence: Sequence[float], noise: float | None = None
    ) -> tuple[int, tuple[int, int] | None]:
        """The first machine sentence (the posterior median split) and the shortest range
        of splits holding ``BOUNDARY_LEVEL`` of the posterior under ``noise`` (default:
        the locator's own); the largest rise and no range for a locator without one."""
        noise = self.noise if noise is None else noise
        if noise is None:
            return change_point(evidence)[0], None
        p = split_posterior(evidence, noise)
        median = int(np.searchsorted(np.cumsum(p), 0.5 * p.sum())) + 1
        return median, credible_range(p, BOUNDARY_LEVEL)

    def to_dict(self) -> dict[str, Any]:
        return {
            "style": self.style.to_dict(),
            "window": self.window,
            "style_weight": self.style_weight,
            "intercept": self.intercept,
            "cutoff": self.cutoff,
            "fpr": self.fpr,
            **{
                k: v
                for k, v in (
                    ("noise", self.noise),
                    ("reread_noise", self.reread_noise),
                    ("prescreen", self.prescreen),
                    ("reread_cutoff", self.reread_cutoff),
                    ("ending_cutoff", self.ending_cutoff),
                )
                if v is not None
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BoundaryLocator:
        return cls(
            style=SentenceStyle.from_dict(data["style"]),
            **{k: float(data[k]) for k in ("window", "style_weight", "intercept", "cutoff")},
            fpr=float(data["fpr"]),
            **{
                k: None if data.get(k) is None else float(data[k])
                for k in ("noise", "reread_noise", "prescreen", "reread_cutoff", "ending_cutoff")
            },
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

        rows = [scored_sentences(a) for a in articles]
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
        evidence = [
            (locator.evidence(texts, proba), label)
            for (texts, proba), label in zip(rows, labels, strict=True)
            if len(texts) >= MIN_SENTENCES
        ]
        if not any(label == 0 for _, label in evidence):
            raise ValueError("no human article has enough scored sentences for a cut-off")
        locator.noise = _long_run_variance([e for e, _ in evidence])
        stats = [locator.statistic(e) for e, label in evidence if label == 0]
        locator.cutoff = _threshold_at(sorted(stats), fpr)
        return locator


def _long_run_variance(evidence: Sequence[np.ndarray]) -> float:
    """The variance of sentence evidence around its article's mean, pooled over whole
    articles and widened for neighbouring sentences sharing their windows: with lag-one
    correlation rho, a run of n sentences tells as much as n (1 - rho) / (1 + rho)
    independent ones (an AR(1) model's long-run variance), and a split posterior that
    took them as independent would be too sure of itself."""
    centred = [e - e.mean() for e in evidence]
    sq = sum(float((c * c).sum()) for c in centred)
    dof = sum(len(c) - 1 for c in centred)
    lagged = sum(float((c[1:] * c[:-1]).sum()) for c in centred)
    if not sq > 0:
        raise ValueError("the sentence evidence does not vary within any article")
    rho = min(max(lagged / sq, 0.0), 0.8)
    return sq / dof * (1 + rho) / (1 - rho)


def scored_sentences(article: Article) -> tuple[list[str], list[float]]:
    """The texts and probabilities of the article's leading run of scored sentences."""
    texts, proba = [], []
    for s in article.sentences:
        if s.machine_probability is None:
            break
        texts.append(article.text[s.start : s.end])
        proba.append(s.machine_probability)
    return texts, proba


def ending_start(texts: Sequence[str]) -> int | None:
    """The first sentence of the ending the ending test reads: the last sentences holding
    ``ENDING_WORDS`` words; ``None`` when all the sentences hold fewer than twice as many,
    so that the ending would mostly repeat the verdict's reading."""
    words = [len(t.split()) for t in texts]
    if sum(words) < 2 * ENDING_WORDS:
        return None
    first, held = len(texts), 0
    while held < ENDING_WORDS:
        first -= 1
        held += words[first]
    return first


def ending_logits(
    endings: Sequence[str],
    detector: Detector,
    stats_of: Callable[[list[str]], dict[str, Any]] | None = None,
) -> np.ndarray:
    """The detector's log-odds on each ending read alone, from its own first token: the
    article-level model at full strength on the part a content farm wrote last, where a
    sentence's 48-token window is weak evidence (one model pass over ~100-128 tokens).

    stats_of: token statistics for a list of texts over the features' window (default:
        the detector's extractor, uncached unless its ``cache_all``); training passes a
        cached one.
    """
    ext = detector.extractor
    texts = list(endings)
    stats = stats_of(texts) if stats_of else ext.stats(texts)
    return _logit(detector.predict_proba_rows(ext.from_stats(texts, stats)))


def ending_statistic(
    article: Article, detector: Detector, locator: BoundaryLocator, texts: Sequence[str]
) -> float | None:
    """The ending test's log-odds for ``article`` (``texts``: its scored sentences), or
    ``None`` where the test does not apply: a locator without ``ending_cutoff``, too few
    words, or a verdict (the article's head) above the detector's own threshold."""
    first = ending_start(texts)
    v = article.verdict
    if (
        locator.ending_cutoff is None
        or first is None
        or v is None
        or v.machine_probability is None
        or v.machine_probability > detector.threshold_
    ):
        return None
    return float(ending_logits([" ".join(texts[first:])], detector)[0])


def unread_ending(article: Article, detector: Detector) -> float | None:
    """The detector's log-odds on the article's last ``ENDING_WORDS`` words, read alone,
    where its sentence scores never reached them and its verdict (on its start) is human;
    ``None`` elsewhere (or without a locator), so that most articles pay one short pass."""
    v = article.verdict
    locator = detector.boundary_locator()
    if locator is None or v is None or v.label != "human":
        return None
    texts = [article.text[s.start : s.end] for s in article.sentences]
    scored = len(scored_sentences(article)[0])
    first = ending_start(texts)
    if first is None or first < scored:  # the scored sentences' own tests read it
        return None
    # The style model (no model pass) screens first: most human endings read human.
    if float(np.mean(locator.style.decision_function(texts[first:]))) < ENDING_STYLE_MIN:
        return None
    return float(ending_logits([" ".join(texts[first:])], detector)[0])


def flagged_alone(logit: float | None, article: Article) -> bool:
    """Whether a part of ``article`` read alone (its log-odds) would be flagged as an
    article at its verdict's threshold."""
    v = article.verdict
    return logit is not None and v is not None and logit > _threshold_logit(v)


def _threshold_logit(v: Verdict) -> float:
    """A verdict's threshold as log-odds, the scale a part read alone is on."""
    return float(_logit([v.threshold])[0])


def locate_boundary(
    article: Article, detector: Detector, unread: float | None = None
) -> Boundary | None:
    """Where the scored sentences of ``article`` turn machine-written, if the evidence of a
    turn passes the detector's mixed-authorship test; ``None`` otherwise (or when the
    detector has no locator, or too few sentences were scored). Windows are read alone
    (one model pass each) only for articles past the test's first stage. ``unread``: the
    log-odds of the article's ending read before its sentences were scored that far
    (``unread_ending``); past the verdict's threshold, the article is mixed."""
    locator = detector.boundary_locator()
    if locator is None:
        return None
    texts, proba = scored_sentences(article)
    if len(texts) < MIN_SENTENCES:
        return None
    from newsprobe.detect.sentences import reread_scores

    def read_alone() -> np.ndarray:
        alone = reread_scores(article, detector, range(len(texts)))
        return locator.reread_evidence(texts, proba, alone)

    evidence = locator.evidence(texts, proba)
    stat, cutoff, test = locator.statistic(evidence), locator.cutoff, "sentences"
    mixed, both = locator.needs_reread(stat), None
    if mixed and locator.reread_noise is not None:
        both = read_alone()
        stat, cutoff = locator.deciding_test(stat, both)
        mixed = stat > cutoff
    ending = None if mixed else ending_statistic(article, detector, locator, texts)
    fpr = locator.fpr
    if ending is not None and locator.ending_passes(ending):
        mixed, stat, cutoff, test = True, ending, locator.ending_cutoff, "ending"
    elif not mixed and unread is not None and flagged_alone(unread, article):
        mixed, stat, test = True, unread, "ending"
        cutoff, fpr = _threshold_logit(article.verdict), article.verdict.fpr_target
    if not mixed:
        return None
    if locator.reread_noise is not None:
        k, likely = locator.split(read_alone() if both is None else both, locator.reread_noise)
    else:
        k, likely = locator.split(evidence)
    return Boundary(
        sentence=k,
        start=article.sentences[k].start,
        statistic=stat,
        cutoff=cutoff,
        fpr_target=fpr,
        likely_range=likely,
        likely_level=None if likely is None else BOUNDARY_LEVEL,
        test=test,
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
    reread: bool = True,
    prescreen_share: float = PRESCREEN_SHARE,
    ending: bool = True,
) -> BoundaryLocator:
    """Fit the style model on the sentences of ``style_texts`` (each takes its article's
    label), then the evidence weights, the cut-off and the split noise on whole ``texts``
    the detector (and its sentence calibration) is set for but never fitted on, over their
    first ``max_tokens`` tokens; with ``reread``, also the split noise of the evidence
    with each window read alone (a model pass per sentence, cached like the articles') and
    the two-stage test's cut-offs (``prescreen_share`` of the human articles read alone);
    with ``ending`` as well, the ending test's cut-off beside it (``_set_two_stage``)."""
    from newsprobe.detect.segment import split_sentences
    from newsprobe.detect.sentences import REREAD_TOKENS, reread_scores, score_sentences

    if reread and not prescreen_share > fpr:
        raise ValueError(f"prescreen_share must be larger than fpr={fpr}, got {prescreen_share}")

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
    locator = BoundaryLocator.fit(style, articles, labels, fpr)
    if reread and locator.noise is not None:
        alone = detector.extractor.with_window(REREAD_TOKENS)
        evidence, first_stats, human, kept = [], [], [], []
        for i, (article, label) in enumerate(zip(articles, labels, strict=True)):
            texts, proba = scored_sentences(article)
            if len(texts) < MIN_SENTENCES:
                continue
            got = reread_scores(article, detector, range(len(texts)), alone.cached_stats)
            evidence.append(locator.reread_evidence(texts, proba, got))
            first_stats.append(locator.statistic(locator.evidence(texts, proba)))
            human.append(int(label) == 0)
            kept.append(i)
            if progress is not None:
                progress(1)
        locator.reread_noise = _long_run_variance(evidence)
        endings = (
            _fit_endings(detector, [articles[i] for i in kept], stats, kept) if ending else None
        )
        _set_two_stage(locator, first_stats, evidence, human, prescreen_share, endings)
    return locator


def _fit_endings(
    detector: Detector, articles: Sequence[Article], stats: dict[str, list], at: Sequence[int]
) -> list[float]:
    """The ending test's log-odds for each of ``articles`` (``stats``, at positions ``at``,
    their token statistics) whose head the detector reads as human and whose scored
    sentences are long enough; ``-inf`` for the others, which the test does not read."""
    texts = [a.text for a in articles]
    heads = detector.extractor.from_stats(texts, {m: [stats[m][i] for i in at] for m in stats})
    head_proba = detector.predict_proba_rows(heads)
    out = [float("-inf")] * len(articles)
    wanted, endings = [], []
    for j, (article, p) in enumerate(zip(articles, head_proba, strict=True)):
        texts_j, _ = scored_sentences(article)
        first = ending_start(texts_j)
        if first is not None and p <= detector.threshold_:
            wanted.append(j)
            endings.append(" ".join(texts_j[first:]))
    if endings:
        got = ending_logits(endings, detector, detector.extractor.cached_stats)
        for j, v in zip(wanted, got, strict=True):
            out[j] = float(v)
    return out


def _set_two_stage(
    locator: BoundaryLocator,
    first_stats: Sequence[float],
    evidence: Sequence[np.ndarray],
    human: Sequence[bool],
    share: float,
    endings: Sequence[float] | None = None,
) -> None:
    """The prescreen that ``share`` of the human articles pass on their own reading, and
    the cut-off on the windows read alone that at most ``locator.fpr`` pass after it (an
    article stopped by the prescreen counts as below every cut-off; ``share`` > fpr).
    With ``endings`` (``_fit_endings``), the sentence test spends ``SENTENCE_TEST_SHARE``
    of ``fpr`` and the ending test's cut-off is set so that at most ``fpr`` of the human
    articles pass either; no ending test when too few human articles were given it to
    place a cut-off."""
    from newsprobe.detect.detector import _threshold_at

    first = [s for s, h in zip(first_stats, human, strict=True) if h]
    locator.prescreen = _threshold_at(sorted(first), share)
    second = [
        locator.reread_statistic(e) if s > locator.prescreen else float("-inf")
        for s, e, h in zip(first_stats, evidence, human, strict=True)
        if h
    ]
    if endings is None:
        locator.reread_cutoff = _threshold_at(sorted(second), locator.fpr)
        return
    locator.reread_cutoff = _threshold_at(sorted(second), locator.fpr * SENTENCE_TEST_SHARE)
    ending = [e for e, h in zip(endings, human, strict=True) if h]
    if sum(np.isfinite(ending)) < 1 / locator.fpr:
        locator.ending_cutoff = None
        return
    # An article the sentence test already calls mixed passes whatever its ending says.
    cut = locator.reread_cutoff
    union = [np.inf if s > cut else e for s, e in zip(second, ending, strict=True)]
    locator.ending_cutoff = _threshold_at(sorted(union), locator.fpr)
