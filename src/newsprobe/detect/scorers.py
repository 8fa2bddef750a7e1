"""Zero-shot scorers: each turns token statistics (or raw text) into one number.

Every scorer has one job and a ``direction``: +1 when larger values mean "more likely
machine-written", -1 when smaller values do. Values are reported raw (a Binoculars score
keeps its published meaning, lower = machine); :meth:`Scorer.oriented` flips them when a
combiner or an ROC curve needs "higher = machine".

Scorers read :class:`~newsprobe.detect.stats.TokenStats`, so the same scorer works on a
whole article or on the slice of one sentence.
"""

from __future__ import annotations

import functools
import lzma
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from newsprobe.detect.segment import split_sentences
from newsprobe.detect.stats import TokenStats
from newsprobe.detect.tells import find_tells
from newsprobe.normalize.spelling import word_zipf


@dataclass(frozen=True)
class Scorer:
    """Base class. ``model`` names the scoring model; ``reference`` an optional second one."""

    model: str = ""
    reference: str | None = None

    kind: ClassVar[str] = ""
    direction: ClassVar[int] = 1
    needs_model: ClassVar[bool] = True
    #: A text scorer whose time is spent in C code that releases the GIL (a compressor):
    #: the feature extractor runs it on a thread beside the other features.
    off_thread: ClassVar[bool] = False

    @property
    def name(self) -> str:
        """Feature name, e.g. ``loglik@smollm2-135m`` or ``binoculars@a|b``."""
        if not self.needs_model:
            return self.kind
        pair = f"|{self.reference}" if self.reference and self.reference != self.model else ""
        return f"{self.kind}@{self.model}{pair}"

    def score(self, stats: TokenStats) -> float:
        raise NotImplementedError

    def score_with_text(self, stats: TokenStats, text: str) -> float:
        """Scorers that align tokens with words also read the text ``stats`` index."""
        return self.score(stats)

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
class MedianLogLikelihood(Scorer):
    """Median token log-probability.

    A typo, a swapped look-alike letter or an odd word (the "adversarial" evasion edits)
    turns a few tokens into very unlikely ones; they drag the mean down but barely move
    the median, which still sees the fluent, likely text around them.
    """

    kind: ClassVar[str] = "loglik_median"

    def score(self, stats: TokenStats) -> float:
        return float(np.median(stats.logprob)) if len(stats) else float("nan")


@dataclass(frozen=True)
class TopRank(Scorer):
    """Share of tokens that are the model's first choice (GLTR's "green" bucket)."""

    kind: ClassVar[str] = "toprank"

    def score(self, stats: TokenStats) -> float:
        return float(np.mean(stats.rank == 1)) if len(stats) else float("nan")


@dataclass(frozen=True)
class ClippedFastDetectGPT(Scorer):
    """Fast-DetectGPT with each token's standardised discrepancy clipped to [-2, 2].

    The per-token terms ``(log p - E[log p]) / sd`` are averaged after clipping, so that a
    handful of edited tokens cannot outvote the rest of the text.
    """

    kind: ClassVar[str] = "fastdetectgpt_clip"

    def score(self, stats: TokenStats) -> float:
        if len(stats) == 0:
            return float("nan")
        z = (stats.logprob - stats.ref_mean) / np.sqrt(np.maximum(stats.ref_var, 1e-3))
        return float(np.mean(np.clip(z, -2.0, 2.0)))


@dataclass(frozen=True)
class LowerQuartileLogLikelihood(Scorer):
    """25th percentile of token log-probability: how unlikely the text's harder quarter is.

    Ghostbuster-style profile feature: machine text keeps even its less predictable tokens
    fairly likely, while human writing has a heavier tail of surprising word choices.
    """

    kind: ClassVar[str] = "loglik_q25"

    def score(self, stats: TokenStats) -> float:
        return float(np.percentile(stats.logprob, 25)) if len(stats) else float("nan")


@dataclass(frozen=True)
class UpperQuartileLogLikelihood(Scorer):
    """75th percentile of token log-probability: how sure the model is on the easy tokens."""

    kind: ClassVar[str] = "loglik_q75"

    def score(self, stats: TokenStats) -> float:
        return float(np.percentile(stats.logprob, 75)) if len(stats) else float("nan")


@dataclass(frozen=True)
class LogLikelihoodSpread(Scorer):
    """Standard deviation of token log-probability ("burstiness"): human text alternates
    predictable stretches with surprising words more than sampled text does."""

    kind: ClassVar[str] = "loglik_spread"
    direction: ClassVar[int] = -1

    def score(self, stats: TokenStats) -> float:
        return float(np.std(stats.logprob)) if len(stats) > 1 else float("nan")


@dataclass(frozen=True)
class EntropySpread(Scorer):
    """Standard deviation of predictive entropy: how much the model's certainty varies."""

    kind: ClassVar[str] = "entropy_spread"
    direction: ClassVar[int] = -1

    def score(self, stats: TokenStats) -> float:
        return float(np.std(stats.entropy)) if len(stats) > 1 else float("nan")


@dataclass(frozen=True)
class Top5Share(Scorer):
    """Share of tokens among the model's five first choices (GLTR's green + yellow)."""

    kind: ClassVar[str] = "top5"

    def score(self, stats: TokenStats) -> float:
        return float(np.mean(stats.rank <= 5)) if len(stats) else float("nan")


@dataclass(frozen=True)
class SurpriseTail(Scorer):
    """Mean log-probability of the 5% least likely tokens (at least one)."""

    kind: ClassVar[str] = "surprise_tail"

    def score(self, stats: TokenStats) -> float:
        n = len(stats)
        if n == 0:
            return float("nan")
        k = max(1, n // 20)
        return float(np.mean(np.partition(stats.logprob, k - 1)[:k]))


@dataclass(frozen=True)
class ExcessLogLikelihood(Scorer):
    """Mean of ``log p(token) + entropy``: how much likelier the chosen tokens are than a
    typical draw from the model (the one-model numerator of Fast-DetectGPT, unscaled)."""

    kind: ClassVar[str] = "loglik_excess"

    def score(self, stats: TokenStats) -> float:
        if len(stats) == 0:
            return float("nan")
        return float(np.mean(stats.logprob + stats.entropy))


@dataclass(frozen=True)
class Compression(Scorer):
    """Model-free baseline: compressed size over raw size (repetitive text compresses more).

    ``reference`` selects the codec (``"zlib"`` or ``"lzma"``). Lower ratio = machine.
    """

    reference: str | None = "zlib"
    kind: ClassVar[str] = "compression"
    direction: ClassVar[int] = -1
    needs_model: ClassVar[bool] = False
    off_thread: ClassVar[bool] = True

    def score_text(self, text: str) -> float:
        raw = text.encode("utf-8")
        if not raw:
            return float("nan")
        packed = lzma.compress(raw) if self.reference == "lzma" else zlib.compress(raw, 9)
        return len(packed) / len(raw)

    def score(self, stats: TokenStats) -> float:  # pragma: no cover - text-level scorer
        raise TypeError("Compression scores text, not token statistics: use score_text")


@dataclass(frozen=True)
class PreludeCompression(Scorer):
    """ZipPy's idea (Thinkst, MIT): how much better the text compresses after a prelude of
    machine-written text than the prelude does alone. Text in the prelude's style shares
    its phrases, so LZMA codes it cheaply. Model-free, and hardly moved by typos.

    The prelude is ZipPy's own ``ai-generated.txt``, read from the ``thinkst-zippy``
    package. Higher = machine.
    """

    kind: ClassVar[str] = "prelude"
    needs_model: ClassVar[bool] = False
    off_thread: ClassVar[bool] = True
    preset: ClassVar[int] = 2

    def score_text(self, text: str) -> float:
        prelude, base = _prelude()
        raw = text.encode("utf-8")
        if not raw.strip():
            return float("nan")
        joined = prelude + b" " + raw
        return base - len(lzma.compress(joined, preset=self.preset)) / len(joined)

    def score(self, stats: TokenStats) -> float:  # pragma: no cover - text-level scorer
        raise TypeError("PreludeCompression scores text, not token statistics: use score_text")


@dataclass(frozen=True)
class WordLength(Scorer):
    """Mean word length in letters: chat models favour longer, Latinate words
    ("significant", "demonstrate") over the short ones reporters use. Model-free."""

    kind: ClassVar[str] = "word_length"
    needs_model: ClassVar[bool] = False

    def score_text(self, text: str) -> float:
        words = _WORD.findall(text)
        return float(np.mean([len(w) for w in words])) if words else float("nan")

    def score(self, stats: TokenStats) -> float:  # pragma: no cover - text-level scorer
        raise TypeError("WordLength scores text, not token statistics: use score_text")


@dataclass(frozen=True)
class ChatbotTells(Scorer):
    """How many spans of chatbot scaffolding the text carries ("Here is a 5-sentence news
    article…", "As an AI language model…"); see :mod:`newsprobe.detect.tells`. Not a
    feature of the combiner: the detector applies it as a rule (``Detector(tells=True)``).
    """

    kind: ClassVar[str] = "tells"
    needs_model: ClassVar[bool] = False

    def score_text(self, text: str) -> float:
        return float(len(find_tells(text)))

    def score(self, stats: TokenStats) -> float:  # pragma: no cover - text-level scorer
        raise TypeError("ChatbotTells scores text, not token statistics: use score_text")


@dataclass(frozen=True)
class Burstiness(Scorer):
    """Spread (standard deviation) of sentence lengths in words: reporters mix a
    three-word quote with a forty-word scene-setter, while chat models, and translation
    and paraphrase tools, even sentences out (GPTZero's "burstiness"). Model-free, and
    not moved by reworded or back-translated text, which fools the token statistics.
    Lower = machine."""

    kind: ClassVar[str] = "burstiness"
    direction: ClassVar[int] = -1
    needs_model: ClassVar[bool] = False
    #: Sentences read: enough for a stable spread, bounded cost on book-length input.
    max_sentences: ClassVar[int] = 60

    def score_text(self, text: str) -> float:
        spans = split_sentences(text, limit=self.max_sentences)
        lengths = [len(text[a:b].split()) for a, b in spans]
        # One sentence has no spread (0), which is what it shows a reader; NaN would make
        # the whole verdict "too short" for an unpunctuated scrape of any length.
        return float(np.std(lengths)) if lengths else float("nan")

    def score(self, stats: TokenStats) -> float:  # pragma: no cover - text-level scorer
        raise TypeError("Burstiness scores text, not token statistics: use score_text")


@dataclass(frozen=True)
class WordRate(Scorer):
    """Base of the per-word rates of marks that reporting leaves in a text: ``count``
    marks over the whitespace-separated words. Lower = machine."""

    direction: ClassVar[int] = -1
    needs_model: ClassVar[bool] = False

    def count(self, text: str) -> int:
        raise NotImplementedError

    def score_text(self, text: str) -> float:
        words = len(text.split())
        return self.count(text) / words if words else float("nan")

    def score(self, stats: TokenStats) -> float:  # pragma: no cover - text-level scorer
        raise TypeError(f"{self.kind} scores text, not token statistics: use score_text")


@dataclass(frozen=True)
class QuoteRate(WordRate):
    """Quotation marks per word. Reporting quotes people; generated news paraphrases
    them or invents few. Lower = machine."""

    kind: ClassVar[str] = "quotes"

    def count(self, text: str) -> int:
        return sum(text.count(q) for q in _QUOTES)


@dataclass(frozen=True)
class NumberRate(WordRate):
    """Numbers (runs of digits) per word: ages, times, sums, counts. Generated news is
    vaguer ("several", "many"). Lower = machine."""

    kind: ClassVar[str] = "numbers"

    def count(self, text: str) -> int:
        return len(_NUMBER.findall(text))


_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_NUMBER = re.compile(r"\d+")
_QUOTES = ('"', "\u201c", "\u201d", "\u00ab", "\u00bb")

#: ln(10): wordfreq's Zipf value is log10 of a word's frequency per billion words; a word
#: it has never seen gets 0, rarer than any word it lists.
_LN10 = 2.302585092994046


def word_excess(stats: TokenStats, text: str) -> np.ndarray:
    """Per word: the language model's log-probability of the word minus a unigram model's.

    Ghostbuster's central feature, with wordfreq's English word frequencies as the unigram
    model. Both models find rare words costly; what is left is how much *more* predictable
    the model finds the word in its context than its frequency alone makes it. Chat models
    write words their kind of model expects; reporters' names, places and numbers surprise
    it beyond their frequency. ``stats`` offsets must index ``text``; a word's
    log-probability is the sum over the tokens that overlap it.
    """
    global _last_excess
    last = _last_excess
    # The mean and the lower quartile read the same words, one after the other.
    if last is not None and last[0] is stats and last[1] == text:
        return last[2]
    out = np.asarray(
        [
            float(stats.logprob[inside].sum()) - (word_zipf(match.group().lower()) - 9.0) * _LN10
            for match, inside in _word_tokens(stats, text)
        ],
        dtype=np.float64,
    )
    out.flags.writeable = False
    _last_excess = (stats, text, out)
    return out


#: The last (statistics, text, word_excess) computed; statistics are compared by identity.
_last_excess: tuple[TokenStats, str, np.ndarray] | None = None


def _word_tokens(stats: TokenStats, text: str) -> Iterator[tuple[re.Match[str], np.ndarray]]:
    """Each word of ``text`` (a letter run) that tokens of ``stats`` overlap, with the mask
    of those tokens; words past the scored window end the walk."""
    if not len(stats):
        return
    starts, ends = stats.offsets[:, 0], stats.offsets[:, 1]
    limit = int(ends.max())
    for match in _WORD.finditer(text):
        a, b = match.span()
        if a >= limit:
            break
        inside = (starts < b) & (ends > a)
        if inside.any():
            yield match, inside


@dataclass(frozen=True)
class UnigramExcess(Scorer):
    """Mean of :func:`word_excess`: likelier to the model than word frequency explains
    (higher = machine)."""

    kind: ClassVar[str] = "lm_unigram"
    quantile: ClassVar[float | None] = None

    def score_with_text(self, stats: TokenStats, text: str) -> float:
        excess = word_excess(stats, text)
        if not excess.size:
            return float("nan")
        if self.quantile is None:
            return float(excess.mean())
        return float(np.quantile(excess, self.quantile))

    def score(self, stats: TokenStats) -> float:  # pragma: no cover - needs the text too
        raise TypeError(f"{self.kind} reads the text as well: use score_with_text")


@dataclass(frozen=True)
class UnigramExcessLowerQuartile(UnigramExcess):
    """25th percentile of :func:`word_excess`: the words that surprise the model most,
    beyond their frequency (higher = machine)."""

    kind: ClassVar[str] = "lm_unigram_q25"
    quantile: ClassVar[float | None] = 0.25


def word_logprobs(stats: TokenStats, text: str) -> tuple[np.ndarray, np.ndarray]:
    """Per word of ``text``: its character span and the sum of the log-probabilities of the
    tokens that overlap it (a word's log-probability under the model).

    Words are letter runs, as :func:`word_excess` reads them (numbers are left out: one
    tokenizer spells them digit by digit, another in chunks, which says nothing about who
    wrote them). Unlike :func:`word_excess`, only words the statistics cover whole count:
    a word whose first token is the text's unpredicted first one, or whose last token falls
    past the window, would otherwise get the log-probability of part of itself. Because
    words are character spans, two models with different tokenizers give values for the
    same words (:func:`shared_word_logprobs`). A token that overlaps two words counts in
    both. ``stats`` offsets must index ``text``.

    RETURNS (ndarray int64[k, 2], ndarray float64[k]): spans and log-probabilities.
    """
    spans: list[tuple[int, int]] = []
    values: list[float] = []
    starts, ends = stats.offsets[:, 0], stats.offsets[:, 1]
    for match, inside in _word_tokens(stats, text):
        a, b = match.span()
        # Whole: the overlapping tokens (consecutive positions) reach both ends.
        if starts[inside].min() <= a and ends[inside].max() >= b:
            spans.append((a, b))
            values.append(float(stats.logprob[inside].sum()))
    return np.asarray(spans, dtype=np.int64).reshape(-1, 2), np.asarray(values, np.float64)


def shared_word_logprobs(
    stats: TokenStats, other: TokenStats, text: str
) -> tuple[np.ndarray, np.ndarray]:
    """Log-probabilities of the words both models scored whole, in text order:
    ``(values under stats' model, values under other's model)``."""
    spans_a, values_a = word_logprobs(stats, text)
    spans_b, values_b = word_logprobs(other, text)
    # Both lists come from the same word regex over the same text: a start identifies a word.
    _, ia, ib = np.intersect1d(spans_a[:, 0], spans_b[:, 0], return_indices=True)
    return values_a[ia], values_b[ib]


@dataclass(frozen=True)
class CrossModelScorer(Scorer):
    """Base of the cross-model scorers: one number from two models' statistics of the
    same text, compared word by word (:func:`shared_word_logprobs`).

    ``model`` is model A, ``reference`` model B; the feature is named
    ``kind@A|B``. The value is a statistic of ``log p_A(word) - log p_B(word)`` over the
    words both scored (Ghostbuster's vector operations over per-word probabilities of
    several models, here two causal models). Subtracting a second model's log-probability
    removes most of what makes a word hard for any model (its rarity, the topic), as the
    unigram model does for ``lm_unigram``; what is left is where the two models disagree.

    The directions were chosen before any test text was scored, from one hypothesis:
    SmolLM2 was trained largely on educational web text and synthetic text written by
    chat models (Cosmopedia), Gemma-3 on a larger, broader web mix; so SmolLM2 should
    find chat-model prose likelier relative to Gemma than reporters' prose, whose names,
    places and quotes Gemma knows better.
    """

    kind: ClassVar[str] = ""
    min_words: ClassVar[int] = 1

    def score_pair(self, stats: TokenStats, other: TokenStats, text: str) -> float:
        """The scorer over ``stats`` (model A) and ``other`` (model B) of ``text``."""
        a, b = shared_word_logprobs(stats, other, text)
        return self.reduce(a - b) if a.size >= self.min_words else float("nan")

    def reduce(self, diff: np.ndarray) -> float:
        raise NotImplementedError

    def score(self, stats: TokenStats) -> float:  # pragma: no cover - needs two models
        raise TypeError(f"{self.kind} compares two models: use score_pair")


@dataclass(frozen=True)
class CrossModelMean(CrossModelScorer):
    """Mean over shared words of ``log p_A(word) - log p_B(word)``: how much likelier
    model A finds the text's words than model B does. Higher = machine (A = SmolLM2,
    trained on chat-model text, favours it; see :class:`CrossModelScorer`)."""

    kind: ClassVar[str] = "xmodel_mean"

    def reduce(self, diff: np.ndarray) -> float:
        return float(diff.mean())


@dataclass(frozen=True)
class CrossModelLowerQuartile(CrossModelScorer):
    """25th percentile of the per-word difference: the words model A finds much less
    likely than model B does. In reporting these are the specific names and facts the
    larger, broader model knows; generated news has fewer of them. Higher = machine."""

    kind: ClassVar[str] = "xmodel_q25"

    def reduce(self, diff: np.ndarray) -> float:
        return float(np.quantile(diff, 0.25))


@dataclass(frozen=True)
class CrossModelSpread(CrossModelScorer):
    """Standard deviation of the per-word difference: how much the two models disagree
    word by word. Generic, predictable phrasing is predictable to any model, so on
    machine text they should agree more; a reporter's rare specifics split them. Lower =
    machine."""

    kind: ClassVar[str] = "xmodel_spread"
    direction: ClassVar[int] = -1
    min_words: ClassVar[int] = 2

    def reduce(self, diff: np.ndarray) -> float:
        return float(np.std(diff))


@functools.cache
def _prelude() -> tuple[bytes, float]:
    from importlib.resources import files

    text = files("zippy").joinpath("ai-generated.txt").read_text(encoding="utf-8")
    raw = " ".join(text.split()).encode("utf-8")
    return raw, len(lzma.compress(raw, preset=PreludeCompression.preset)) / len(raw)


SCORERS: dict[str, type[Scorer]] = {
    cls.kind: cls
    for cls in (
        LogLikelihood,
        LogRank,
        Entropy,
        FastDetectGPT,
        Binoculars,
        MedianLogLikelihood,
        TopRank,
        ClippedFastDetectGPT,
        LowerQuartileLogLikelihood,
        UpperQuartileLogLikelihood,
        LogLikelihoodSpread,
        EntropySpread,
        Top5Share,
        SurpriseTail,
        ExcessLogLikelihood,
        UnigramExcess,
        UnigramExcessLowerQuartile,
    )
}
TEXT_SCORERS: dict[str, type[Scorer]] = {
    cls.kind: cls
    for cls in (
        Compression,
        PreludeCompression,
        WordLength,
        Burstiness,
        QuoteRate,
        NumberRate,
        ChatbotTells,
    )
}
#: Scorers of two models' statistics of one text (features of detectors with 2+ models).
PAIR_SCORERS: dict[str, type[CrossModelScorer]] = {
    cls.kind: cls for cls in (CrossModelMean, CrossModelLowerQuartile, CrossModelSpread)
}
#: Text scorers the detector applies as rules, never as features of the combiner.
RULE_SCORERS = frozenset({ChatbotTells.kind})


def model_scorers(model: str, reference: str | None = None) -> list[Scorer]:
    """Every token-statistics scorer for one model (or one reference/scoring pair)."""
    return [cls(model=model, reference=reference) for cls in SCORERS.values()]


def pair_scorers(models: Sequence[str]) -> list[CrossModelScorer]:
    """Every cross-model scorer for each pair of distinct models, in the given order
    (``A|B`` with A listed before B); none for fewer than two models."""
    pairs = [(a, b) for i, a in enumerate(models) for b in models[i + 1 :] if a != b]
    return [cls(model=a, reference=b) for a, b in pairs for cls in PAIR_SCORERS.values()]
