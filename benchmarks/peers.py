"""Peer AI-text detectors wrapped as batch scorers for the newsprobe benchmarks.

Every scorer takes a list of texts and returns a 1-D ``float64`` numpy array with
one score per text.  **Orientation: higher = more likely machine-written**, so the
arrays can be fed directly to ``sklearn.metrics.roc_auc_score(y, scores)`` with
``y = 1`` for machine rows.  All scorers are deterministic (pure computation, no
randomness, no network) and silence anything the peers print.

Peers
-----
``zippy`` -- ZipPy (PyPI ``thinkst-zippy``, import name ``zippy``), the
    compression-based detector from Thinkst.  We use the README/CLI default: a
    ``zippy.Zippy()`` instance (LZMA engine, default preset, bundled
    ``ai-generated.txt`` prelude) and ``Zippy.run_on_text_chunked(text)`` with
    its default 1500-character chunks.  Its verdict is ``(label, confidence)``
    with ``label in {"AI", "Human"}`` and ``confidence >= 0``; we map it to

        score = +confidence  if label == "AI"
        score = -confidence  if label == "Human"

    which equals the length-weighted mean over chunks of
    ``100 * (ratio(prelude) - ratio(prelude + chunk))``: positive when appending
    the text compresses *better* than the AI-written prelude alone (AI-like).
    Texts that are empty after ZipPy's own ``clean_text`` (only characters it
    strips, e.g. ``""`` or ``"!!!"``) make ZipPy divide by zero; they get 0.0
    (undecided).

``lmscan`` -- lmscan (PyPI ``lmscan``), a feature/classifier/char-n-gram
    ensemble.  We use the README's Python API ``lmscan.scan(text)`` and take
    ``ScanResult.ai_probability`` (in [0, 1], rounded by lmscan to 4 decimals)
    as the score unchanged.

Quirks
------
* ZipPy runs chunks through ``multiprocessing.Pool(cpu_count())`` when a text
  splits into more than two chunks (roughly > 3000 cleaned characters); shorter
  texts are scored in-process.  The result is the same either way.
* The ``Zippy`` instance (prelude load and compression, ~0.2 s) is built once on
  first use and cached; it is not mutated by scoring.
* lmscan maps empty or whitespace-only text to ~0.67 ("Likely AI"); we pass its
  output through unchanged.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from zippy import Zippy

__all__ = ["PEERS", "lmscan_scores", "zippy_scores"]


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Swallow anything written to stdout/stderr by a peer."""
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        yield


@lru_cache(maxsize=1)
def _zippy_detector() -> Zippy:
    """ZipPy's default detector: LZMA engine with the bundled AI-text prelude."""
    from zippy import CompressionEngine, Zippy

    with _quiet():
        return Zippy(engine=CompressionEngine.LZMA)


def _zippy_one(detector: Zippy, text: str) -> float:
    from zippy import clean_text

    if not clean_text(text):
        # ZipPy would raise ZeroDivisionError on text it cleans away entirely.
        return 0.0
    verdict = detector.run_on_text_chunked(text)
    if verdict is None:
        return 0.0
    label, confidence = verdict
    return float(confidence) if label == "AI" else -float(confidence)


def zippy_scores(texts: list[str]) -> np.ndarray:
    """ZipPy (LZMA) signed confidence per text: +conf for "AI", -conf for "Human"."""
    detector = _zippy_detector()
    with _quiet():
        scores = [_zippy_one(detector, text) for text in texts]
    return np.asarray(scores, dtype=np.float64)


def lmscan_scores(texts: list[str]) -> np.ndarray:
    """lmscan ``scan(text).ai_probability`` per text (0 = human, 1 = AI)."""
    from lmscan import scan

    with _quiet():
        scores = [float(scan(text).ai_probability) for text in texts]
    return np.asarray(scores, dtype=np.float64)


PEERS: dict[str, Callable[[list[str]], np.ndarray]] = {
    "zippy": zippy_scores,
    "lmscan": lmscan_scores,
}
