"""The API key check, shared by the routes and the error handlers.

A route's dependencies run after FastAPI has parsed the body, so a request with neither a
key nor a valid body would learn about its JSON before being told it may not ask at all;
the handlers of malformed bodies ask this first.
"""

from __future__ import annotations

import hmac

from starlette.requests import Request

from newsprobe.service.errors import Unauthorized


def key_error(request: Request) -> Unauthorized | None:
    """Why ``request`` may not use the API (None when it may, or when no key is set)."""
    expected = request.app.state.newsprobe.settings.api_key
    if not expected or not request.url.path.startswith("/v1/"):
        return None
    given = request.headers.get("x-api-key")
    authorization = request.headers.get("authorization") or ""
    if given is None and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    challenge = {"WWW-Authenticate": "Bearer"}
    if given is None:
        return Unauthorized(
            "missing API key: send it in X-API-Key or Authorization: Bearer", headers=challenge
        )
    if not hmac.compare_digest(given.encode(), expected.encode()):
        return Unauthorized("wrong API key", headers=challenge)
    return None
