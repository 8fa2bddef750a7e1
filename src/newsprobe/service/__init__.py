"""newsprobe over HTTP: a FastAPI app (``create_app``) and the page a newsroom opens."""

from newsprobe.service.app import create_app
from newsprobe.service.settings import ServiceSettings

__all__ = ["ServiceSettings", "create_app"]
