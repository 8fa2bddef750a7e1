"""newsprobe over HTTP: a FastAPI app (``create_app``) and the page a newsroom opens.

Names are imported lazily: ``newsprobe serve``'s option parsing (``service.command``, part of
every CLI start, ``--help`` included) needs the settings, not FastAPI and the detector.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "create_app": "newsprobe.service.app",
    "ServiceSettings": "newsprobe.service.settings",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'newsprobe.service' has no attribute {name!r}")
