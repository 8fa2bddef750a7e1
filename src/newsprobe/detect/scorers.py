"""Zero-shot scorers: each turns token statistics (or raw text) into one number.

Every scorer has one job and a ``direction``: +1 when larger values mean "more likely
machine-written", -1 when smaller values do. Values are reported raw (a Binoculars score
keeps its published meaning, lower = machine); :meth:`Scorer.oriented` flips them when a
combiner or an ROC curve needs "higher = machine".

Scorers read :class:`~newsprobe.detect.stats.TokenStats`, so the same scorer works on a
whole article or on the slice of one sentence.
"""

from __future__ import annotations

import lzma
import zlib
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from newsprobe.detect.stats import TokenStats


@dataclass(frozen=True)
class Scorer:
    """Base class. ``model`` names the scoring model; ``reference`` an optional second one."""

    model: str = ""
    reference: str | None = None

    kind: ClassVar[str] = ""
    direction: ClassVar[int] = 1
    needs_model: ClassVar[bool] = True

    @property
    def name(self) -> str:
        """Feature name, e.g. ``loglik@smollm2-135m`` or ``binoculars@a|b``."""
        if not self.needs_model:
            return self.kind
        pair = f"|{self.reference}" if self.reference and self.reference != self.model else ""
        return f"{self.kind}@{self.model}{pair}"

    def score(self, stats: TokenStats) -> float:
        raise NotImplementedError

    def oriented(self, value: float) -> float:
        return self.direction * value


@dataclass(frozen=True)
class LogLikelihood(Scorer):
    """Mean log-probability of the observed tokens (machine text is more likely)."""

    kind: ClassVar[str] = "loglik"

    def score(self, stats: TokenStats) -> float:
        return float(np.mean(stats.logprob)) if len(stats) else float("nan")


@dataclass(frozen=True)
class LogRank(Scorer):
    """Mean log-rank of the observed tokens (GLTR, DetectLLM): machines pick top-ranked ones."""

    kind: ClassVar[str] = "logrank"
    direction: ClassVar[int] = -1

    def score(self, stats: TokenStats) -> float:
        return float(np.mean(np.log(stats.rank))) if len(stats) else float("nan")


@dataclass(frozen=True)
class Entropy(Scorer):
    """Mean predictive entropy: machine text stays where the model is confident."""

    kind: ClassVar[str] = "entropy"
    direction: ClassVar[int] = -1

    def score(self, stats: TokenStats) -> float:
        return float(np.mean(stats.entropy)) if len(stats) else float("nan")


@dataclass(frozen=True)
class FastDetectGPT(Scorer):
    """Fast-DetectGPT's analytic sampling discrepancy (Bao et al., ICLR 2024).

    ``(sum log p(x) - sum E[log p]) / sqrt(sum Var[log p])`` with the expectation over the
    reference model's distribution; with no reference, the scoring model samples for itself.
    Divided by ``sqrt(n)`` so that the value does not grow with the length of the text.
    """

    kind: ClassVar[str] = "fastdetectgpt"

    def score(self, stats: TokenStats) -> float:
        n = len(stats)
        if n == 0:
            return float("nan")
        diff = float(np.sum(stats.logprob) - np.sum(stats.ref_mean))
        var = float(np.sum(stats.ref_var))
        return diff / np.sqrt(max(var, 1e-6)) / np.sqrt(n)


@dataclass(frozen=True)
class Binoculars(Scorer):
    """Binoculars (Hans et al., ICML 2024): perplexity over cross-perplexity.

    ``model`` is the performer (its log-likelihood is the perplexity term), ``reference`` the
    observer whose distribution weighs the performer's log-probabilities. Lower = machine.
    With one model in both roles the denominator is that model's entropy.
    """

    kind: ClassVar[str] = "binoculars"
    direction: ClassVar[int] = -1

    def score(self, stats: TokenStats) -> float:
        if len(stats) == 0:
            return float("nan")
        ppl = -float(np.mean(stats.logprob))
        x_ppl = -float(np.mean(stats.ref_mean))
        return ppl / max(x_ppl, 1e-6)


@dataclass(frozen=True)
class Compression(Scorer):
    """Model-free baseline: compressed size over raw size (repetitive text compresses more).

    ``reference`` selects the codec (``"zlib"`` or ``"lzma"``). Lower ratio = machine.
    """

    reference: str | None = "zlib"
    kind: ClassVar[str] = "compression"
    direction: ClassVar[int] = -1
    needs_model: ClassVar[bool] = False

    def score_text(self, text: str) -> float:
        raw = text.encode("utf-8")
        if not raw:
            return float("nan")
        packed = lzma.compress(raw) if self.reference == "lzma" else zlib.compress(raw, 9)
        return len(packed) / len(raw)

    def score(self, stats: TokenStats) -> float:  # pragma: no cover - text-level scorer
        raise TypeError("Compression scores text, not token statistics: use score_text")


SCORERS: dict[str, type[Scorer]] = {
    cls.kind: cls for cls in (LogLikelihood, LogRank, Entropy, FastDetectGPT, Binoculars)
}


def model_scorers(model: str, reference: str | None = None) -> list[Scorer]:
    """Every token-statistics scorer for one model (or one reference/scoring pair)."""
    return [cls(model=model, reference=reference) for cls in SCORERS.values()]
