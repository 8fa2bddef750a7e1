"""From texts to feature vectors, with a per-text cache.

Running the language model is the expensive step (about a second per article on two CPU
cores), so fitting, evaluation and benchmarks go through :class:`FeatureExtractor`, which
keeps every text's per-token statistics in an SQLite file keyed by model, token window and
the SHA-256 of the text. A second ``newsprobe eval`` over the same data reads them back,
and a new scorer is evaluated on old data without running the model.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from newsprobe.article import text_hash
from newsprobe.detect.scorers import TEXT_SCORERS, Scorer, model_scorers, pair_scorers
from newsprobe.detect.stats import TokenStats
from newsprobe.models.loader import LanguageModel
from newsprobe.models.runner import encode, token_stats
from newsprobe.settings import cache_dir

N_TOKENS = "n_tokens"


class StatsCache:
    """An SQLite table of ``(model|window, text hash) -> TokenStats`` (compressed arrays).

    Per-token arrays are kept rather than finished features, so that a new or changed
    scorer is computed from the cache without running the language model again.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_dir() / "token_stats.sqlite"
        self._db = sqlite3.connect(self.path, timeout=60)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS stats (key TEXT, hash TEXT, value BLOB, "
            "PRIMARY KEY (key, hash))"
        )

    def get(self, key: str, hashes: Sequence[str]) -> dict[str, TokenStats]:
        found: dict[str, TokenStats] = {}
        for i in range(0, len(hashes), 500):
            chunk = list(hashes[i : i + 500])
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT hash, value FROM stats WHERE key = ? AND hash IN ({marks})",
                [key, *chunk],
            )
            found.update((h, _unpack(v)) for h, v in rows)
        return found

    def windows(self, model: str) -> list[int]:
        """The token windows with statistics cached for ``model``, shortest first."""
        prefix = f"{model}|"
        keys = (k for (k,) in self._db.execute("SELECT DISTINCT key FROM stats"))
        tails = (k[len(prefix) :] for k in keys if k.startswith(prefix))
        return sorted(int(t) for t in tails if t.isdigit())

    def put(self, key: str, items: dict[str, TokenStats]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO stats VALUES (?, ?, ?)",
                [(key, h, _pack(v)) for h, v in items.items()],
            )


_ARRAYS = ("ids", "offsets", "logprob", "entropy", "rank", "ref_mean", "ref_var")


def _pack(stats: TokenStats) -> bytes:
    buf = io.BytesIO()
    np.savez_compressed(buf, **{a: getattr(stats, a) for a in _ARRAYS})
    meta = json.dumps({"model": stats.model, "reference": stats.reference}).encode()
    return len(meta).to_bytes(4, "little") + meta + buf.getvalue()


def _unpack(blob: bytes) -> TokenStats:
    n = int.from_bytes(blob[:4], "little")
    meta = json.loads(blob[4 : 4 + n])
    with np.load(io.BytesIO(blob[4 + n :])) as arrays:
        return TokenStats(**meta, **{a: arrays[a] for a in _ARRAYS})


def stats_features(stats: TokenStats, scorers: Sequence[Scorer], text: str) -> dict[str, float]:
    values = {s.name: s.score_with_text(stats, text) for s in scorers}
    values[f"{N_TOKENS}@{stats.model}"] = float(len(stats))
    return values


def scorers_of(models: Sequence[str]) -> list[Scorer]:
    """The scorers a detector over ``models`` reads: the text scorers, each model's, and
    the cross-model ones; named without loading a model."""
    out: list[Scorer] = [cls() for cls in TEXT_SCORERS.values()]
    for m in models:
        out.extend(model_scorers(m))
    out.extend(pair_scorers(models))
    return out


class FeatureExtractor:
    """Scorer values for many texts, cached per model.

    models (Sequence[str]): language models whose token statistics are scored.
    max_tokens (int): token window per text.
    cache (StatsCache | None): where ``cached_stats`` keeps them (default: the user's cache).
    cache_all (bool): let :meth:`stats` (a checked article's reading) use the cache too.
    """

    def __init__(
        self,
        models: Sequence[str],
        max_tokens: int = 256,
        batch_size: int = 4,
        device: str | None = None,
        cache: StatsCache | None = None,
        cache_all: bool = False,
        runtime: str = "torch",
    ) -> None:
        self.models = list(models)
        self.max_tokens = max_tokens
        self.batch_size = batch_size
        self.device = device
        self.runtime = runtime
        self._cache = cache
        self.cache_all = cache_all
        self._lms: dict[str, LanguageModel] = {}

    def with_window(self, max_tokens: int) -> FeatureExtractor:
        """The same extractor over another token window, sharing the loaded models and
        the cache: a second window costs no second model load."""
        other = FeatureExtractor(
            self.models,
            max_tokens,
            self.batch_size,
            self.device,
            self._cache,
            self.cache_all,
            self.runtime,
        )
        other._lms = self._lms
        return other

    def language_model(self, name: str) -> LanguageModel:
        if name not in self._lms:
            self._lms[name] = LanguageModel(name, device=self.device, runtime=self.runtime)
        return self._lms[name]

    def scorers(self) -> list[Scorer]:
        return scorers_of(self.models)

    def stats(
        self, texts: Sequence[str], max_tokens: int | None = None
    ) -> dict[str, list[TokenStats]]:
        """Full per-token statistics for each model: uncached, since a checked article is
        rarely read twice, unless ``cache_all`` (a benchmark rereading the same texts: a
        rerun then pays only for the texts it has not read; the statistics are the same).

        max_tokens (int | None): tokens scored per text; None is the features' own window.
            A longer window colours more sentences; the features still read only the first
            ``self.max_tokens`` (see :meth:`TokenStats.head`).
        """
        window = max_tokens or self.max_tokens
        return {m: self._read(m, texts, window) for m in self.models}

    def _read(self, model: str, texts: Sequence[str], window: int) -> list[TokenStats]:
        """One model's statistics of ``texts``, through the cache under ``cache_all``."""
        if self.cache_all:
            # One cache for every call and window, not a connection opened per article.
            self._cache = self._cache or StatsCache()
            return self.with_window(window).cached_stats(texts, models=[model])[model]
        return token_stats(texts, self.language_model(model), None, window, self.batch_size)

    def stats_within(
        self, texts: Sequence[str], max_tokens: int | None = None
    ) -> dict[str, list[TokenStats]]:
        """:meth:`stats` for texts of which many begin others (a sentence's windows read
        alone often start at the same sentence): each text is read inside the longest one
        it begins, since a causal model's statistics of a prefix are the head of the
        longer text's, so a group costs one pass. A text whose tokens are not the head of
        its host's (a token crossing where it ends) is read on its own: the statistics are
        those of :meth:`stats`.
        """
        window = max_tokens or self.max_tokens
        host = {t: max((u for u in texts if u.startswith(t)), key=len) for t in texts}
        hosts = list(dict.fromkeys(host.values()))
        read = self.stats(hosts, window)
        out: dict[str, list[TokenStats]] = {}
        for m in self.models:
            lm = self.language_model(m)
            of_host = dict(zip(hosts, read[m], strict=True))
            got: list[TokenStats | None] = []
            for t in texts:
                st = of_host[host[t]]
                if host[t] != t:
                    st = st.slice(0, len(t))
                    # The predicted tokens: the text's own ids after the start token.
                    if st.ids.tolist() != encode(lm, t, window)[0][1:]:
                        st = None
                got.append(st)
            alone = [i for i, st in enumerate(got) if st is None]
            if alone:
                fresh = self._read(m, [texts[i] for i in alone], window)
                for i, st in zip(alone, fresh, strict=True):
                    got[i] = st
            out[m] = [st for st in got if st is not None]
        return out

    def from_stats(self, texts: Sequence[str], stats: dict[str, list[TokenStats]]) -> list[dict]:
        """Feature rows from token statistics of any window, cut to the features' own."""
        rows: list[dict[str, float]] = [{} for _ in texts]
        text_scorers = [cls() for cls in TEXT_SCORERS.values()]
        # The compressors (~7 ms a window for the prelude) run on a second core meanwhile.
        beside = {
            ts.name: [_beside().submit(ts.score_text, t) for t in texts]
            for ts in text_scorers
            if ts.off_thread
        }
        per_model = {m: model_scorers(m) for m in self.models}
        # Two or more models: their statistics compared word by word (none for one model).
        pairs = pair_scorers(self.models)
        for i, text in enumerate(texts):
            # Words stand in for tokens when a detector uses no language model.
            rows[i][f"{N_TOKENS}@words"] = float(len(text.split()))
            for ts in text_scorers:
                rows[i][ts.name] = np.nan if ts.off_thread else ts.score_text(text)
            for m, scorers in per_model.items():
                rows[i].update(stats_features(stats[m][i].head(self.max_tokens), scorers, text))
            for ps in pairs:
                a = stats[ps.model][i].head(self.max_tokens)
                b = stats[ps.reference][i].head(self.max_tokens)
                rows[i][ps.name] = ps.score_pair(a, b, text)
        for name, futures in beside.items():
            for row, future in zip(rows, futures, strict=True):
                row[name] = future.result()
        return rows

    def extract(
        self,
        texts: Sequence[str],
        progress: Callable[[int], None] | None = None,
        chunk: int = 32,
    ) -> list[dict[str, float]]:
        """One feature dict per text; token statistics are cached per model and reused."""
        return self.from_stats(texts, self.cached_stats(texts, progress, chunk))

    def cached_stats(
        self,
        texts: Sequence[str],
        progress: Callable[[int], None] | None = None,
        chunk: int = 32,
        models: Sequence[str] | None = None,
    ) -> dict[str, list[TokenStats]]:
        """Statistics of ``texts`` for each of ``models`` (default: all), from the cache
        where it holds them at this window or a longer one; the rest are read and kept."""
        cache = self._cache or StatsCache()
        hashes = [text_hash(t) for t in texts]
        out: dict[str, list[TokenStats]] = {}
        for m in self.models if models is None else models:
            key = f"{m}|{self.max_tokens}"
            wanted = set(hashes)
            known = cache.get(key, sorted(wanted))
            # Texts cached only at a longer window: their head is this window's statistics.
            missing = wanted - known.keys()
            longer = [w for w in cache.windows(m) if w > self.max_tokens] if missing else []
            for window in longer:
                found = cache.get(f"{m}|{window}", sorted(missing))
                known.update((h, st.head(self.max_tokens)) for h, st in found.items())
                missing = wanted - known.keys()
                if not missing:
                    break
            todo = sorted({h: i for i, h in enumerate(hashes) if h not in known}.values())
            if progress and len(texts) > len(todo):
                progress(len(texts) - len(todo))
            for b in range(0, len(todo), chunk):
                idx = todo[b : b + chunk]
                stats = token_stats(
                    [texts[i] for i in idx],
                    self.language_model(m),
                    None,
                    self.max_tokens,
                    self.batch_size,
                )
                new = {hashes[i]: st for i, st in zip(idx, stats, strict=True)}
                cache.put(key, new)
                known.update(new)
                if progress:
                    progress(len(idx))
            out[m] = [known[h] for h in hashes]
        return out


_pool: tuple[int, ThreadPoolExecutor] | None = None


def _beside() -> ThreadPoolExecutor:
    """One thread beside the caller's for the scorers that release the GIL; a process
    made by fork gets its own (the parent's thread does not exist there)."""
    global _pool
    if _pool is None or _pool[0] != os.getpid():
        _pool = (os.getpid(), ThreadPoolExecutor(1, thread_name_prefix="newsprobe-scorers"))
    return _pool[1]


def feature_matrix(rows: Sequence[dict[str, float]], names: Sequence[str]) -> np.ndarray:
    return np.array([[row.get(n, np.nan) for n in names] for row in rows], dtype=np.float64)
