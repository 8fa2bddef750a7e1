"""newsprobe over HTTP: a FastAPI app (``create_app``) and the page a newsroom opens.

Names are imported lazily: ``newsprobe serve``'s option parsing (``service.command``, part of
every CLI start, ``--help`` included) needs the settings, not FastAPI and the detector.
"""

from __future__ import annotations

from newsprobe.lazy import lazy_getattr

_EXPORTS = {
    "create_app": "newsprobe.service.app",
    "ServiceSettings": "newsprobe.service.settings",
}

__all__ = sorted(_EXPORTS)

__getattr__ = lazy_getattr(__name__, _EXPORTS)
