"""Machine-text detection: token statistics, zero-shot scorers, the calibrated detector.

Names are imported lazily so that ``newsprobe.models`` can use ``detect.stats`` without
importing the detector (which itself uses the models).
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Detector": "newsprobe.detect.detector",
    "Binoculars": "newsprobe.detect.scorers",
    "ClippedFastDetectGPT": "newsprobe.detect.scorers",
    "Compression": "newsprobe.detect.scorers",
    "MedianLogLikelihood": "newsprobe.detect.scorers",
    "PreludeCompression": "newsprobe.detect.scorers",
    "TopRank": "newsprobe.detect.scorers",
    "Entropy": "newsprobe.detect.scorers",
    "FastDetectGPT": "newsprobe.detect.scorers",
    "LogLikelihood": "newsprobe.detect.scorers",
    "LogRank": "newsprobe.detect.scorers",
    "Scorer": "newsprobe.detect.scorers",
    "TokenStats": "newsprobe.detect.stats",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'newsprobe.detect' has no attribute {name!r}")
