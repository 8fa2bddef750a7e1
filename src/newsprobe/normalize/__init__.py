"""Unicode normalization before detection (evasion tricks are handled here)."""

from newsprobe.normalize.text import normalize_text

__all__ = ["normalize_text"]
