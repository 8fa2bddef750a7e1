"""newsprobe: was this news article written by a machine, and do its claims hold up?"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsprobe.article import Article, Span, Verdict

if TYPE_CHECKING:
    from newsprobe.detect.detector import Detector

__version__ = "0.1.0"

__all__ = ["Article", "Detector", "Span", "Verdict", "__version__"]


def __getattr__(name: str) -> Any:
    # The detector is imported when asked for: `import newsprobe` stays light for the CLI's
    # --help and for code that only builds Articles.
    if name == "Detector":
        from newsprobe.detect.detector import Detector

        return Detector
    raise AttributeError(f"module 'newsprobe' has no attribute {name!r}")
