"""Reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009).

RRF needs no score calibration between BM25 and cosine similarity, which live on different
scales; k=60 is the paper's constant, which later hybrid-search studies keep.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

RRF_K = 60


def rrf(rankings: Sequence[Sequence[Hashable]], k: int = RRF_K) -> dict[Hashable, float]:
    """Fused score per item: the sum over rankings of 1 / (k + rank), rank from 1."""
    scores: dict[Hashable, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return scores
