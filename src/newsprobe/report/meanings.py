"""What each scorer's value says, in one line: the terminal, the web page and the saved
report show a number beside it, and a number alone explains nothing to an editor."""

from __future__ import annotations

__all__ = ["SCORER_MEANINGS", "scorer_meaning"]

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
