"""Machine-text detection: token statistics, zero-shot scorers, the calibrated detector.

Names are imported lazily so that ``newsprobe.models`` can use ``detect.stats`` without
importing the detector (which itself uses the models).
"""

from __future__ import annotations

from newsprobe.lazy import lazy_getattr

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

__getattr__ = lazy_getattr(__name__, _EXPORTS)
