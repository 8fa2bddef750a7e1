"""The service's outer edge: body size limit, and every error as one line of JSON.

The body limit is enforced on the bytes actually received, not only on Content-Length (a
chunked upload has none). An oversized body is still read to the end (up to a cap) before
the 413 goes out, so that the client, still writing, reads the answer instead of a reset.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsprobe.errors import InputError, NewsprobeError
from newsprobe.service.auth import key_error
from newsprobe.service.errors import ServiceError, input_status

log = logging.getLogger("newsprobe.service")
DRAIN_FACTOR = 8  # read up to 8x the limit of an oversized body before answering


def error_response(
    status: int, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse({"error": _one_line(message)}, status_code=status, headers=headers)


def _one_line(message: str) -> str:
    return " ".join(str(message).split())[:500] or "error"


class BodyLimit:
    """Pure ASGI middleware: buffer request bodies up to ``max_bytes``, else 413."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if (
            declared is not None
            and declared.isdigit()
            and int(declared) > DRAIN_FACTOR * self.max_bytes
        ):
            await self._too_large(scope, receive, send, int(declared))  # not worth reading
            return
        chunks: list[bytes] = []
        total = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            total += len(body)
            if total > DRAIN_FACTOR * self.max_bytes:
                break
            if total <= self.max_bytes:
                chunks.append(body)
            more = message.get("more_body", False)
        if total > self.max_bytes:
            await self._too_large(scope, receive, send, total)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send, size: int) -> None:
        headers = {"Connection": "close"}
        if (denied := key_error(Request(scope))) is not None:  # the key before the body
            response = error_response(denied.status, str(denied), {**denied.headers, **headers})
        else:
            response = error_response(
                413,
                f"request body is over the {self.max_bytes}-byte limit ({size} bytes or more)",
                headers,
            )
        await response(scope, receive, send)


class CatchAll:
    """Pure ASGI middleware: an unexpected exception becomes a JSON 500 and is logged.

    Starlette's own handler for ``Exception`` re-raises after answering, and uvicorn then
    drops the connection, so a keep-alive client would see its next request reset.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if scope["type"] != "http" or started:
                raise
            log.exception("unhandled error on %s %s", scope["method"], scope["path"])
            response = error_response(
                500, f"internal error ({type(exc).__name__}); see the server log"
            )
            await response(scope, receive, send)


_COMPRESSED = "compressed request bodies are not read (Content-Encoding); send the JSON as it is"


def _compressed(request: Request) -> bool:
    return request.headers.get("content-encoding", "identity").lower() != "identity"


def _validation_message(exc: RequestValidationError, request: Request) -> str:
    errors: list[dict[str, Any]] = list(exc.errors())
    if not errors:
        return "invalid request"
    first = errors[0]
    loc = [str(p) for p in first.get("loc", ()) if p != "body"]
    example = '{"items": [...]}' if request.url.path.endswith("/batch") else '{"text": "..."}'
    if first.get("type") in ("model_attributes_type", "dict_type") and not loc:
        # A form post or text/plain body: FastAPI reads JSON only when it is declared.
        sent = request.headers.get("content-type") or "no Content-Type"
        if _compressed(request):
            return _COMPRESSED
        if sent.split(";")[0].strip().lower() == "application/json":
            # JSON, but not an object: a list, a string, a number.
            kinds = {"list": "an array", "str": "a string", "bool": "true or false"}
            kinds |= {"int": "a number", "float": "a number", "NoneType": "null"}
            kind = kinds.get(type(first.get("input")).__name__, "another JSON value")
            return f"send a JSON object (such as {example}), not {kind}"
        return (
            f"send a JSON object (such as {example}) with Content-Type: "
            f"application/json; got {sent}"
        )
    if first.get("type") == "json_invalid":
        detail = (first.get("ctx") or {}).get("error", "")
        # json's messages lose their position in pydantic's context; the location keeps it.
        # Some already end in "at" ("Unterminated string starting at").
        at = ""
        if loc and loc[-1].isdigit():
            word = "" if str(detail).endswith(" at") else " at"
            at = f"{word} character {loc[-1]}"
        return f"request body is not valid JSON{': ' + str(detail) if detail else ''}{at}"
    if first.get("type") == "missing" and not loc:
        return "request body is missing; send a JSON object"
    return errors_line(errors)


def errors_line(errors: list[Any], at: str = "") -> str:
    """Pydantic's errors as one line: the first, where it is, and how many more."""
    first = errors[0]
    loc = [str(p) for p in first.get("loc", ()) if p != "body"]
    msg = str(first.get("msg", "invalid value")).removeprefix("Value error, ")
    where = ".".join([at, *loc] if at else loc)
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {msg}{more}" if where else f"{msg}{more}"


def install_error_handlers(app: FastAPI) -> None:
    """Every failure answers ``{"error": "one line"}``; nothing leaks a traceback."""

    @app.exception_handler(ServiceError)
    async def _service(_: Request, exc: ServiceError) -> JSONResponse:
        return error_response(exc.status, str(exc), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        if (denied := key_error(request)) is not None:  # the key before the body
            return await _service(request, denied)
        return error_response(422, _validation_message(exc, request))

    @app.exception_handler(InputError)
    async def _input(_: Request, exc: InputError) -> JSONResponse:
        return error_response(input_status(exc), str(exc))

    @app.exception_handler(NewsprobeError)
    async def _newsprobe(_: Request, exc: NewsprobeError) -> JSONResponse:
        log.error("newsprobe error: %s", exc)
        return error_response(500, str(exc))

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
        if exc.status_code == 400 and detail == "There was an error parsing the body":
            # FastAPI's answer to a body its JSON parser gave up on (not UTF-8, or nested
            # past the parser's depth): malformed JSON like any other.
            if (denied := key_error(request)) is not None:
                return await _service(request, denied)
            if _compressed(request):
                return error_response(422, _COMPRESSED)
            return error_response(
                422, "request body cannot be read as JSON (not UTF-8, or nested too deeply)"
            )
        return error_response(exc.status_code, detail, dict(exc.headers or {}))
