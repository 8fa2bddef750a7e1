"""Sentence boundaries, shared by the sentence scores and the scorers that read sentences.

spaCy's rule-based sentencizer: no model to load, and the same split everywhere, so that a
sentence the terminal colours is the sentence ``burstiness`` measured.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _sentencizer() -> Any:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences (paragraph breaks always end one); the first
    ``limit`` only, when given."""
    spans: list[tuple[int, int]] = []
    nlp = _sentencizer()
    pos = 0
    for para in text.split("\n"):
        if limit is not None and len(spans) >= limit:
            break
        if para.strip():
            for sent in nlp(para).sents:
                if sent.text.strip():
                    spans.append((pos + sent.start_char, pos + sent.end_char))
        pos += len(para) + 1
    return spans if limit is None else spans[:limit]
