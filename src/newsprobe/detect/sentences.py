"""Sentence scores: which parts of an article drive its verdict.

A single sentence is too short to judge (the length benchmark shows AUROC near chance under
~60 words), so each sentence is scored by the same calibrated detector over a context
window: the sentence plus its neighbours, grown outwards until the window holds enough
tokens. The token statistics are the article's own (sliced by character offsets), so this
costs no extra model pass; only the text scorers run again on each window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from newsprobe.article import Article, SentenceScore
from newsprobe.detect.segment import split_sentences

if TYPE_CHECKING:
    from newsprobe.detect.detector import Detector

__all__ = ["WINDOW_TOKENS", "score_sentences", "split_sentences"]

#: Tokens a window needs before its number means something (about two news sentences).
WINDOW_TOKENS = 48


def score_sentences(
    article: Article, detector: Detector, window_tokens: int = WINDOW_TOKENS
) -> list[SentenceScore]:
    """Score every sentence of a checked ``article`` (``token_stats`` must be set).

    Sentences past the model's token window have no statistics and get ``None``.
    """
    if not article.token_stats:
        return []
    spans = split_sentences(article.text)
    first = detector.models[0]
    counts = [len(article.token_stats[first].slice(a, b)) for a, b in spans]
    # Only sentences inside the token window have statistics; windows grow within them, so
    # a long article costs no more than its window (the text scorers see what the model saw).
    last = max((i for i, c in enumerate(counts) if c > 0), default=-1)
    windows: dict[int, tuple[int, int]] = {}
    for i in range(last + 1):
        if counts[i] == 0:
            continue
        lo = hi = i
        total = counts[i]
        while total < window_tokens and (lo > 0 or hi < last):
            # Grow towards the side with statistics, alternating, so the sentence stays
            # in the middle of its window where it can.
            if lo > 0 and (hi == last or (i - lo) <= (hi - i)):
                lo -= 1
                total += counts[lo]
            else:
                hi += 1
                total += counts[hi]
        windows[i] = (spans[lo][0], spans[hi][1])
    texts = [article.text[a:b] for a, b in windows.values()]
    stats = {
        m: [article.token_stats[m].slice(a, b, rebase=True) for a, b in windows.values()]
        for m in detector.models
    }
    rows = detector.extractor.from_stats(texts, stats) if texts else []
    proba = dict(zip(windows, detector.predict_proba_rows(rows) if rows else [], strict=True))
    return [
        SentenceScore(
            start=a,
            end=b,
            machine_probability=None if i not in proba or np.isnan(proba[i]) else float(proba[i]),
        )
        for i, (a, b) in enumerate(spans)
    ]
