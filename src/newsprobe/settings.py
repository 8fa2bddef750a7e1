"""Options and locations shared by every stage.

All detection options live in one frozen :class:`DetectOptions` (as trafilatura keeps its
options in one ``Extractor``) that the CLI, service and batch shells build once and pass
down as ``options``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from newsprobe.errors import NewsprobeError

# Below this many scored tokens a text gets a "too short" verdict instead of a number.
# benchmarks/bench_length.py measured the shipped detector on DetectRL texts cut to ~20 and
# ~60 words (median 17 and 62 tokens): AUROC 0.71 and 0.68, TPR@1% FPR 0.07 for both, against
# AUROC 0.96 at ~360 words. Verdicts on texts under ~100 words are weak evidence.
MIN_TOKENS = 24

# The token window the shipped detector's verdict reads (its file's ``max_tokens``; a test
# keeps the two equal): named in the first error on a --max-tokens too small for any
# detector, so that a user learns the real minimum at once, not after a second try.
SHIPPED_WINDOW = 128


def max_tokens_error(value: int) -> str:
    return (
        f"--max-tokens must be at least the detector's window ({SHIPPED_WINDOW} tokens "
        f"for the shipped detector), got {value}"
    )


# What runs the language model's forward pass (``newsprobe.models.LanguageModel``).
RUNTIMES = ("torch", "onnx", "auto")


def cache_dir() -> Path:
    """Where converted models and per-text feature caches live.

    ``NEWSPROBE_CACHE_DIR`` overrides the platform's user cache directory.
    """
    override = os.environ.get("NEWSPROBE_CACHE_DIR")
    path = Path(override) if override else Path(platformdirs.user_cache_dir("newsprobe"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass(frozen=True, slots=True)
class DetectOptions:
    """How texts are scored.

    max_tokens: tokens of each article fed to the model (longer texts are truncated); None
        is the detector's own window. The verdict always reads the detector's window (the
        one it was fitted at); a longer one only scores more sentences, at more cost, and
        a shorter one is refused (``window``).
    batch_size: texts per forward pass (None: the detector's own).
    fpr: share of human news the verdict threshold may flag (None: the detector's own).
    min_tokens: below this, the verdict is "too short" (None: the detector's own, which
        its file keeps).
    device: "cpu", "cuda" or None to pick CUDA when present.
    runtime: "torch"; "onnx" (ONNX Runtime, CPU only: the same statistics in less time on
        CPU cores); "auto" (ONNX Runtime on the CPU when installed, else PyTorch).
    sentences: also score each sentence over a window around it (no extra model pass).
    read_ending: with ``sentences``, read alone the ending of a long article that the
        sentence scores did not reach, where the verdict (on its start) is human: one
        more short model pass each, ~1.8x the time of a check; a human lead in front of
        a machine story had hidden it.
    """

    max_tokens: int | None = None
    batch_size: int | None = None
    fpr: float | None = None
    min_tokens: int | None = None
    device: str | None = None
    sentences: bool = True
    read_ending: bool = True
    runtime: str = "torch"

    def __post_init__(self) -> None:
        if self.fpr is not None and not (isinstance(self.fpr, int | float) and 0 < self.fpr < 1):
            raise NewsprobeError(f"fpr must be a number between 0 and 1, got {self.fpr!r}")
        # A negative window would slice tokens from the end and score the whole text.
        if self.max_tokens is not None and self.max_tokens < 2:
            raise NewsprobeError(max_tokens_error(self.max_tokens))
        if self.runtime not in RUNTIMES:
            raise NewsprobeError(
                f"--runtime must be one of {', '.join(RUNTIMES)}, got '{self.runtime}'"
            )
        if self.batch_size is not None and self.batch_size < 1:
            raise NewsprobeError(f"batch size must be at least 1, got {self.batch_size}")

    def window(self, detector_window: int) -> int:
        """The tokens actually scored: ``max_tokens``, or the detector's own window.

        A shorter window than the detector's is refused: the verdict would read fewer
        tokens than it was fitted and thresholded on (a long article at ``--max-tokens
        10`` came out "too short", one at 64 moved from 0.66 to 0.24).
        """
        if self.max_tokens is not None and self.max_tokens < detector_window:
            raise NewsprobeError(
                f"--max-tokens must be at least the detector's window of {detector_window} "
                f"tokens, which its verdict reads; got {self.max_tokens}"
            )
        return self.max_tokens or detector_window
