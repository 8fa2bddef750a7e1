"""Sentence boundaries, shared by the sentence scores and the scorers that read sentences.

spaCy's rule-based sentencizer: no model to load, and the same split everywhere, so that a
sentence the terminal colours is the sentence ``burstiness`` measured.

Scraped text can hold one paragraph of megabytes (a page without line breaks, a dump), which
spaCy refuses past a million characters and which no reader takes for one sentence. Long
paragraphs are read in pieces cut at a full stop or a space, and a "sentence" still longer
than ``MAX_SENTENCE_CHARS`` is cut at spaces too, so every stage downstream (the tagger of
the sentence style, the claim parser) gets pieces of a size it can take.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

#: Paragraphs are given to spaCy in pieces of at most this many characters.
PIECE_CHARS = 100_000
#: Longer runs without a sentence end are cut at spaces into sentences of at most this.
MAX_SENTENCE_CHARS = 5_000
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")


@lru_cache(maxsize=1)
def _sentencizer() -> Any:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _cut(text: str, limit: int, prefer_sentence_end: bool) -> Iterator[tuple[int, int]]:
    """``(start, end)`` pieces of ``text`` of at most ``limit`` characters, each cut after
    the last sentence end (when asked) or else the last space before the limit."""
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = -1
        if prefer_sentence_end:
            ends = list(_SENTENCE_END.finditer(window))
            cut = ends[-1].end() if ends else -1
        if cut <= 0:
            cut = window.rfind(" ") + 1
        if cut <= 0:
            cut = limit
        yield start, start + cut
        start += cut
    if start < len(text):
        yield start, len(text)


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
            for p0, p1 in _cut(para, PIECE_CHARS, prefer_sentence_end=True):
                for sent in nlp(para[p0:p1]).sents:
                    if not sent.text.strip():
                        continue
                    s0 = pos + p0 + sent.start_char
                    for a, b in _cut(sent.text, MAX_SENTENCE_CHARS, prefer_sentence_end=False):
                        piece = sent.text[a:b]
                        if piece.strip():
                            spans.append((s0 + a, s0 + a + len(piece.rstrip())))
        pos += len(para) + 1
    return spans if limit is None else spans[:limit]


def sentence_groups(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Spans of runs of whole sentences of ``text`` of at most ``max_chars`` each (a single
    sentence is never split further): how a long line is fed to a parser in pieces."""
    groups: list[tuple[int, int]] = []
    for a, b in split_sentences(text):
        if groups and b - groups[-1][0] <= max_chars:
            groups[-1] = (groups[-1][0], b)
        else:
            groups.append((a, b))
    return groups
