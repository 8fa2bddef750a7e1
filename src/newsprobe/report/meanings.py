"""What a number means, in one line: each scorer's value, and the caveats a verdict's
probability carries. The terminal, the web page and the saved report show a number beside
them, and a number alone explains nothing to an editor."""

from __future__ import annotations

from newsprobe.article import Article
from newsprobe.ingest.language import SUPPORTED_LANGUAGES

__all__ = ["LONG_WORDS", "SCORER_MEANINGS", "WEAK_WORDS", "caveats", "scorer_meaning"]

#: Below this many words the README calls a verdict weak evidence.
WEAK_WORDS = 100
#: From this many words a text is far longer than the verdict's window reads: a page of
#: many stories without headings, a report, a book chapter.
LONG_WORDS = 5000

#: By scorer kind (the name before ``@model``).
SCORER_MEANINGS = {
    "loglik": "mean log-likelihood (higher = more machine-like)",
    "logrank": "mean log-rank of tokens (lower = more machine-like)",
    "entropy": "mean predictive entropy (lower = more machine-like)",
    "fastdetectgpt": "Fast-DetectGPT curvature (higher = more machine-like)",
    "binoculars": "Binoculars ratio (lower = more machine-like)",
    "compression": "zlib compression ratio (lower = more repetitive)",
    "prelude": "compresses with machine-written text (higher = more machine-like)",
    "loglik_median": "median log-likelihood, robust to edits (higher = more machine-like)",
    "toprank": "share of tokens the model ranks first (higher = more machine-like)",
    "fastdetectgpt_clip": "Fast-DetectGPT, per-token clipped (higher = more machine-like)",
    "loglik_q25": "25th percentile token log-likelihood (higher = more machine-like)",
    "loglik_q75": "75th percentile token log-likelihood (higher = more machine-like)",
    "loglik_spread": "spread of token log-likelihood, burstiness (lower = more machine-like)",
    "entropy_spread": "spread of predictive entropy (lower = more machine-like)",
    "top5": "share of tokens in the model's top 5 (higher = more machine-like)",
    "surprise_tail": "log-likelihood of the 5% most surprising tokens (higher = machine)",
    "loglik_excess": "log-likelihood above the model's expectation (higher = machine)",
    "word_length": "mean word length in letters (higher = more machine-like)",
    "burstiness": "spread of sentence lengths in words (lower = more machine-like)",
    "quotes": "quotation marks per word (lower = more machine-like)",
    "numbers": "numbers per word (lower = more machine-like)",
    "xmodel_mean": "per word, first model's log-probability over the second's (higher = machine)",
    "xmodel_q25": "lower quartile of the two models' per-word gap (higher = machine)",
    "xmodel_spread": "how much the two models disagree word to word (lower = machine)",
    "tells": "spans of chatbot scaffolding (any sets the verdict to machine)",
    "lm_unigram": "words likelier in context than their frequency (higher = machine)",
    "lm_unigram_q25": "the words most surprising beyond their frequency (higher = machine)",
}


def scorer_meaning(name: str) -> str:
    """The meaning of a feature name such as ``binoculars@smollm2-135m`` ("" if unknown)."""
    return SCORER_MEANINGS.get(name.split("@", 1)[0], "")


def caveats(article: Article) -> list[str]:
    """What limits how far the verdict's number can be trusted, said wherever it is shown
    (terminal, JSON, web page, saved report): a ticket carries the report, not the
    terminal, and "99.6%" on a 45-word text reads as certain there."""
    v = article.verdict
    if v is None or v.machine_probability is None:
        return []
    notes = []
    p = v.machine_probability
    if v.label == "human" and p >= 0.5 and v.threshold is not None:
        # "86.8%" on a human article reads as a verdict to a publisher.
        notes.append(
            f"not flagged at {p:.1%}: the probability is for a text drawn from a pile half "
            f"human, half machine-written; only above {v.threshold:.1%}, where little human "
            "news lies, is an article flagged"
        )
    words = len(article.text.split())
    if words < WEAK_WORDS:
        notes.append(
            f"short text ({words} words): under ~{WEAK_WORDS} words a verdict is weak "
            "evidence (AUROC 0.73 at ~20 words, 0.96 at ~360), and the false-positive rate "
            "was measured on whole articles"
        )
    tokens = article.meta.get("tokens")
    if words >= LONG_WORDS and tokens:
        # A crawl's page of 1,000 unrelated paragraphs was judged, uncaveated, by its first.
        notes.append(
            f"long text ({words:,} words): the verdict reads its first {tokens} tokens, so "
            "a page of many stories or a long document is judged by its start"
        )
    if article.meta.get("stories", 0) > 1:
        notes.append(
            f"the page holds {article.meta['stories']} stories, read as one text: the "
            "verdict is on the first; save each story alone to judge it"
        )
    others = {
        lang: share
        for lang, share in article.meta.get("languages", {}).items()
        if lang not in SUPPORTED_LANGUAGES
    }
    if others:
        parts = ", ".join(f"{share:.0%} in {lang!r}" for lang, share in others.items())
        notes.append(
            f"part of the text is in another language ({parts}): the detector reads "
            "English only, so its number and colours there mean little"
        )
    return notes
