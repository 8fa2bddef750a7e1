"""Human news paired with a chat model's rewrite of the same article, for benchmarks that
splice or mix the two (``bench_sentences``, ``bench_edited``).

LLMFake's ``rewrite_generation`` and ``paraphrase_generation`` texts are ChatGPT-3.5 and
Llama/Vicuna re-writings of its human PolitiFact, GossipCop and CoAID articles, but the
rows carry no link to their source: pairs are found by TF-IDF cosine.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsprobe.detect.segment import split_sentences
from newsprobe.eval.data import dedupe, is_cased, read_rows
from newsprobe.eval.splits import make_split

#: TF-IDF cosine between a human article and a machine text that rewrote it (below it the
#: pair is another story; above it the "rewrite" copied the article).
SAME_STORY = (0.3, 0.9)


def sentences_of(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def same_story_pairs(data_dir: str, min_sentences: int = 6) -> list[tuple[str, str]]:
    """(human article, ChatGPT's rewrite of it), one rewrite per article, none of either in
    the combiner's fit or calibration."""
    split = make_split(data_dir, n_test=None)
    fitted = {r.text for r in split.fit + split.calibration}
    rows = [
        r
        for r in dedupe(read_rows(Path(data_dir) / "detect" / "llmfake_news.jsonl"))
        if r.text not in fitted and is_cased(r.text) and len(sentences_of(r.text)) >= min_sentences
    ]
    humans = [r.text for r in rows if r.label == 0]
    rewrites = [
        r.text
        for r in rows
        if r.generator == "chatgpt_3.5"
        and r.variant in ("rewrite_generation", "paraphrase_generation")
    ]
    vec = TfidfVectorizer(sublinear_tf=True).fit(humans + rewrites)
    sim = (vec.transform(humans) @ vec.transform(rewrites).T).toarray()
    lo, hi = SAME_STORY
    pairs = []
    for i, h in enumerate(humans):
        ok = np.where((sim[i] > lo) & (sim[i] < hi))[0]
        if len(ok):
            pairs.append((h, rewrites[int(ok[np.argmax(sim[i][ok])])]))
    return pairs


def aligned_sentence(human: list[str], i: int, rewrite: list[str]) -> str:
    """The rewrite's sentence that says what ``human[i]`` says: the one sharing most words
    with it, among those near its relative place (rewrites are shorter, in order)."""
    at = round(i * len(rewrite) / len(human))
    near = range(max(0, at - 2), min(len(rewrite), at + 3))
    words = set(human[i].lower().split())

    def overlap(j: int) -> float:
        other = set(rewrite[j].lower().split())
        return len(words & other) / max(1, len(words | other))

    return rewrite[max(near, key=overlap)]
