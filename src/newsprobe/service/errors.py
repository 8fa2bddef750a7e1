"""Errors that map to one HTTP status and one line of JSON: ``{"error": "..."}``."""

from __future__ import annotations


class ServiceError(Exception):
    """A request the service answers with ``status`` and a one-line message."""

    status = 400

    def __init__(
        self, message: str, *, status: int | None = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        if status is not None:
            self.status = status
        self.headers = headers or {}


class TooLarge(ServiceError):
    status = 413


class Unauthorized(ServiceError):
    status = 401


class Unavailable(ServiceError):
    """An input kind whose library support is not installed in this build."""

    status = 501


class Busy(ServiceError):
    """Every worker and queue slot is taken; the client should come back later."""

    status = 503

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message, headers={"Retry-After": str(retry_after)})


class TimedOut(ServiceError):
    status = 504


def input_status(exc: Exception) -> int:
    """A library error's status: a failed fetch is the site's fault (502/504), else 422."""
    return getattr(exc, "status", 422)
