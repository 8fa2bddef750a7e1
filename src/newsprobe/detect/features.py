"""From texts to feature vectors, with a per-text cache.

Running the language model is the expensive step (about a second per article on two CPU
cores), so fitting, evaluation and benchmarks go through :class:`FeatureExtractor`, which
keeps every text's scorer values in an SQLite file keyed by model, token window and the
SHA-256 of the text. A second ``newsprobe eval`` over the same data reads them back.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from newsprobe.article import text_hash
from newsprobe.detect.scorers import Compression, Scorer, model_scorers
from newsprobe.detect.stats import TokenStats
from newsprobe.models.loader import LanguageModel
from newsprobe.models.runner import token_stats
from newsprobe.settings import cache_dir

# Bump when a scorer's definition changes, so cached values are recomputed.
FEATURES_VERSION = 1
N_TOKENS = "n_tokens"


class FeatureCache:
    """An SQLite table of ``(key, text hash) -> {feature: value}``."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_dir() / "features.sqlite"
        self._db = sqlite3.connect(self.path, timeout=60)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS features (key TEXT, hash TEXT, value TEXT, "
            "PRIMARY KEY (key, hash))"
        )

    def get(self, key: str, hashes: Sequence[str]) -> dict[str, dict[str, float]]:
        found: dict[str, dict[str, float]] = {}
        for i in range(0, len(hashes), 500):
            chunk = list(hashes[i : i + 500])
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT hash, value FROM features WHERE key = ? AND hash IN ({marks})",
                [key, *chunk],
            )
            found.update((h, json.loads(v)) for h, v in rows)
        return found

    def put(self, key: str, items: dict[str, dict[str, float]]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO features VALUES (?, ?, ?)",
                [(key, h, json.dumps(v)) for h, v in items.items()],
            )


def stats_features(stats: TokenStats, scorers: Sequence[Scorer]) -> dict[str, float]:
    values = {s.name: s.score(stats) for s in scorers}
    values[f"{N_TOKENS}@{stats.model}"] = float(len(stats))
    return values


class FeatureExtractor:
    """Scorer values for many texts, cached per model.

    models (Sequence[str]): language models whose token statistics are scored.
    max_tokens (int): token window per text.
    """

    def __init__(
        self,
        models: Sequence[str],
        max_tokens: int = 256,
        batch_size: int = 4,
        device: str | None = None,
        cache: FeatureCache | None = None,
    ) -> None:
        self.models = list(models)
        self.max_tokens = max_tokens
        self.batch_size = batch_size
        self.device = device
        self._cache = cache
        self._lms: dict[str, LanguageModel] = {}

    def language_model(self, name: str) -> LanguageModel:
        if name not in self._lms:
            self._lms[name] = LanguageModel(name, device=self.device)
        return self._lms[name]

    def scorers(self) -> list[Scorer]:
        out: list[Scorer] = [Compression()]
        for m in self.models:
            out.extend(model_scorers(m))
        return out

    def stats(self, texts: Sequence[str]) -> dict[str, list[TokenStats]]:
        """Full per-token statistics for each model (no cache: used for one article)."""
        return {
            m: token_stats(texts, self.language_model(m), None, self.max_tokens, self.batch_size)
            for m in self.models
        }

    def from_stats(self, texts: Sequence[str], stats: dict[str, list[TokenStats]]) -> list[dict]:
        rows: list[dict[str, float]] = [{} for _ in texts]
        comp = Compression()
        for i, text in enumerate(texts):
            rows[i][comp.name] = comp.score_text(text)
            for m in self.models:
                rows[i].update(stats_features(stats[m][i], model_scorers(m)))
        return rows

    def extract(
        self,
        texts: Sequence[str],
        progress: Callable[[int], None] | None = None,
        chunk: int = 32,
    ) -> list[dict[str, float]]:
        """One feature dict per text; cached values are reused, new ones stored."""
        cache = self._cache or FeatureCache()
        hashes = [text_hash(t) for t in texts]
        rows: list[dict[str, float]] = [{} for _ in texts]
        comp = Compression()
        for i, text in enumerate(texts):
            rows[i][comp.name] = comp.score_text(text)
        for m in self.models:
            key = f"v{FEATURES_VERSION}|{m}|{self.max_tokens}"
            known = cache.get(key, sorted(set(hashes)))
            todo = sorted({h: i for i, h in enumerate(hashes) if h not in known}.values())
            done = len(texts) - len(todo)
            if progress and done:
                progress(done)
            for b in range(0, len(todo), chunk):
                idx = todo[b : b + chunk]
                stats = token_stats(
                    [texts[i] for i in idx],
                    self.language_model(m),
                    None,
                    self.max_tokens,
                    self.batch_size,
                )
                new = {hashes[i]: stats_features(s, model_scorers(m)) for i, s in zip(idx, stats, strict=False)}
                cache.put(key, new)
                known.update(new)
                if progress:
                    progress(len(idx))
            for i, h in enumerate(hashes):
                rows[i].update(known[h])
        return rows


def feature_matrix(rows: Sequence[dict[str, float]], names: Sequence[str]) -> np.ndarray:
    return np.array([[row.get(n, np.nan) for n in names] for row in rows], dtype=np.float64)
