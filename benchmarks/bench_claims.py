"""How long do indexing 10,000 trusted passages and checking an article's claims take?

Run on demand:  python -m benchmarks.bench_claims [--passages 10000] [--full-sample 300]
Builds passages from human news in ../shared/data (XSum, LLMFake, Fast-DetectGPT's XSum), read
at run time, indexes them into a fresh SQLite store, then checks an article whose year and
counts were moved away from what an indexed passage says. The piece-vector cache of the
static embedder is timed cold (fresh cache folder) and warm. The full MiniLM embedder is
timed on ``--full-sample`` passages and its 10,000-passage time extrapolated.
Writes results/claims.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from rich.table import Table

from newsprobe import Article
from newsprobe.fileio import write_json_atomic
from newsprobe.sources import Passage, SQLiteStore, split_passages

T = TypeVar("T")
RESULTS = Path(__file__).parent / "results"
SETS = (
    "detect/detectrl_xsum_news.jsonl",
    "detect/llmfake_news.jsonl",
    "detect/open_models_2019_2022.jsonl",
)


def human_passages(data_dir: Path, n: int) -> tuple[list[Passage], list[str]]:
    """The first ``n`` distinct passages of human news, and the articles they came from."""
    passages: list[Passage] = []
    articles: list[str] = []
    seen: set[str] = set()
    for name in SETS:
        with open(data_dir / name, encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                if row.get("label") != "human" or row.get("domain", "news") != "news":
                    continue
                if row["text"] in seen:
                    continue
                seen.add(row["text"])
                articles.append(row["text"])
                source = f"{name}#{len(articles)}"
                for text in split_passages(row["text"]):
                    passages.append(Passage(text, source, f"article {len(articles)}"))
                    if len(passages) >= n:
                        return passages, articles
    return passages, articles


def moved_article(articles: list[str]) -> str:
    """An indexed article with its first year moved by ten (the check must catch it)."""
    for text in articles:
        m = re.search(r"\b(19[5-9]\d|20[01]\d)\b", text)
        if m and len(text.split()) > 150:
            year = int(m.group(1))
            return text[: m.start()] + str(year + 10) + text[m.end() :]
    return articles[0]


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--passages", type=int, default=10_000)
    ap.add_argument("--full-sample", type=int, default=300)
    args = ap.parse_args()
    passages, articles = human_passages(Path(args.data_dir), args.passages)
    words = sum(len(p.text.split()) for p in passages) / len(passages)
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["NEWSPROBE_CACHE_DIR"] = str(Path(tmp) / "cache")  # cold piece cache
        from newsprobe.claims import load_nlp
        from newsprobe.pipeline import verify_articles
        from newsprobe.sources.embed import MiniLMEmbedder, load_minilm

        _, t_load = timed(lambda: (load_minilm(), load_nlp()))
        rows.append(("load MiniLM + spaCy (once per process)", t_load, ""))
        cold = SQLiteStore(Path(tmp) / "cold.sqlite")
        res, t_cold = timed(lambda: cold.add(passages))
        rows.append(
            (
                f"index {res.added:,} passages, cold piece cache",
                t_cold,
                f"{res.added / t_cold:,.0f} passages/s",
            )
        )
        store = SQLiteStore(Path(tmp) / "warm.sqlite")
        res, t_warm = timed(lambda: store.add(passages))
        rows.append(
            (
                f"index {res.added:,} passages, warm piece cache",
                t_warm,
                f"{res.added / t_warm:,.0f} passages/s",
            )
        )
        _, t_again = timed(lambda: store.add(passages[:1000]))
        rows.append(("re-add 1,000 known passages (de-duplicated)", t_again, ""))
        text = moved_article(articles)
        article = Article(text=text)
        _, t_check = timed(lambda: verify_articles([article], store))
        claims = article.claims or []
        verdicts = {
            v: sum(c.verdict == v for c in claims)
            for v in ("supported", "contradicted", "not_enough_evidence")
        }
        rows.append(
            (
                f"check one article ({len(text.split())} words, {len(claims)} claims)",
                t_check,
                ", ".join(f"{k} {v}" for k, v in verdicts.items()),
            )
        )
        article2 = Article(text=text)
        _, t_check2 = timed(lambda: verify_articles([article2], store))
        rows.append(("check it again (warm)", t_check2, ""))
        sample = [p.text for p in passages[: args.full_sample]]
        _, t_full = timed(lambda: MiniLMEmbedder().encode(sample))
        rate = len(sample) / t_full
        rows.append(
            (
                f"full MiniLM embedder, {len(sample)} passages",
                t_full,
                f"{rate:,.0f} passages/s; 10,000 would take ~{10_000 / rate:,.0f} s",
            )
        )
    table = Table(
        title=f"claims: {len(passages):,} passages of ~{words:.0f} words, "
        f"{os.cpu_count()} CPU cores"
    )
    for c in ("step", "seconds", "note"):
        table.add_column(c, justify="right" if c == "seconds" else "left")
    for step, seconds, note in rows:
        table.add_row(step, f"{seconds:.2f}", note)
    Console(width=150).print(table)
    out = {
        "passages": len(passages),
        "mean_words": words,
        "cpu_count": os.cpu_count(),
        "steps": [{"step": s, "seconds": round(t, 3), "note": n} for s, t, n in rows],
        "contradicted": [
            {"claim": c.text, "conflicts": [x.to_json() for x in c.conflicts]}
            for c in claims
            if c.verdict == "contradicted"
        ],
    }
    write_json_atomic(RESULTS / "claims.json", out)


if __name__ == "__main__":
    main()
