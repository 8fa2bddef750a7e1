"""The app factory: routes, limits and the web page over one loaded detector.

``create_app(detector=..., settings=...)`` takes a ready detector so that tests inject a tiny
one; without it the shipped detector loads once at startup, before the first request, and a
warm-up article runs so the first client does not pay for loading the weights.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Request, Security
from fastapi.responses import FileResponse, Response
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from pydantic import ValidationError

from newsprobe import __version__
from newsprobe.article import Article
from newsprobe.detect.detector import Detector
from newsprobe.errors import NewsprobeError
from newsprobe.pipeline import ClaimsStage
from newsprobe.report.meanings import SCORER_MEANINGS
from newsprobe.service.auth import key_error
from newsprobe.service.errors import ServiceError, TimedOut, TooLarge, input_status
from newsprobe.service.inputs import article_from_item, available_inputs, result_json
from newsprobe.service.middleware import (
    BodyLimit,
    CatchAll,
    errors_line,
    install_error_handlers,
)
from newsprobe.service.schemas import (
    ERRORS,
    ArticleResult,
    BatchRequest,
    BatchResult,
    CheckItem,
    Health,
    ModelsInfo,
    ReportRequest,
)
from newsprobe.service.settings import ServiceSettings
from newsprobe.service.work import WorkerPool, late
from newsprobe.settings import DetectOptions

STATIC = Path(__file__).parent / "static"
DOCS_ASSETS = "/docs-assets"
WARM_UP = (
    "The council said on Monday that it would review the decision after residents "
    "complained about the new parking rules in the city centre."
)
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

#: A saved report downloads; it is not shown as a page of this site.
REPORT_HEADERS = {
    "Content-Disposition": 'attachment; filename="newsprobe-report.html"',
    "X-Content-Type-Options": "nosniff",
}


def warm_up_article() -> Article:
    """A short article whose check loads the model weights before the first request."""
    return Article(text=WARM_UP)


class ServiceState:
    """What the routes share: the detector, the claims stage, the pool and the limits."""

    def __init__(
        self,
        detector: Detector | None,
        settings: ServiceSettings,
        claims: ClaimsStage | None = None,
    ) -> None:
        self.detector = detector
        self.claims = claims
        self.settings = settings
        self.pool = WorkerPool(settings.workers, settings.queue_size)
        self.started = time.monotonic()

    @property
    def model(self) -> str:
        return self.det.model_label

    @property
    def det(self) -> Detector:
        if self.detector is None:
            raise ServiceError(
                "the detector is still loading", status=503, headers={"Retry-After": "5"}
            )
        return self.detector

    def check(self, articles: Sequence[Article], fprs: Sequence[float | None]) -> list[dict]:
        """Blocking: score articles (grouped by fpr, each group one batch) into JSON."""
        from newsprobe.pipeline import check_articles

        det = self.det
        for fpr in dict.fromkeys(fprs):
            group = [a for a, f in zip(articles, fprs, strict=True) if f == fpr]
            # The run settings (device, runtime, batch size) are the detector's own, set once
            # by load_detector; a request chooses only its false-positive rate.
            options = DetectOptions(max_tokens=self.settings.max_tokens, fpr=fpr)
            check_articles(group, det, options)
        if self.claims is not None:
            self.claims(articles)  # as check --sources: after the verdict, on the same text
        return [result_json(a, self.model) for a in articles]

    async def ingest(self, item: CheckItem, timeout_s: float) -> Article:
        if item.fpr is not None:
            self.det.check_rate(item.fpr)  # a batch item's own 422, before any reading
        try:
            return await asyncio.wait_for(
                asyncio.to_thread(article_from_item, item, self.settings), timeout_s
            )
        except TimeoutError:
            self.pool.note_timeout()
            raise TimedOut(f"reading the {item.kind} input took over {timeout_s:g} s") from None


def valid_item(item: Any, n: int) -> CheckItem | ServiceError:
    """A batch item as a CheckItem, or its one-line 422 (for its place in the results)."""
    if isinstance(item, CheckItem):
        return item
    try:
        return CheckItem.model_validate(item)
    except ValidationError as exc:
        return ServiceError(errors_line(exc.errors(), f"items.{n}"), status=422)


async def _refused(error: ServiceError) -> Article:
    raise error


async def _check_in_chunks(
    state: ServiceState,
    good: list[int],
    read: list[Any],
    items: list[Any],
    results: list[Any],
    deadline: float,
) -> None:
    """Check the readable items a detector batch at a time, so that a batch that runs out
    of time (or of free workers) keeps what was already checked: the items left get their
    own 504 (or 503) in ``results``. Only when nothing at all was checked does the error
    answer the whole request, as it would for one article."""
    size = max(1, state.det.batch_size)
    for start in range(0, len(good), size):
        chunk = good[start : start + size]
        articles = [read[n] for n in chunk]
        fprs = [items[n].fpr for n in chunk]
        try:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                state.pool.note_timeout()
                raise TimedOut(late(state.settings.timeout_s))
            checked = await state.pool.run(
                lambda a=articles, f=fprs: state.check(a, f), remaining, state.settings.timeout_s
            )
        except ServiceError as error:
            if start == 0:
                raise
            for n in good[start:]:
                results[n] = {"error": f"items.{n}: not checked: {error}", "status": error.status}
            return
        for n, out in zip(chunk, checked, strict=True):
            results[n] = out


def _state(request: Request) -> ServiceState:
    return request.app.state.newsprobe


#: The two ways to send the key, as OpenAPI security schemes: the docs page gets its
#: "Authorize" button and generated clients a place for the key. Neither refuses a request
#: itself (``auto_error=False``): ``key_error`` decides, also when no key is set.
API_KEY_HEADER = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="The API key, if the service has one"
)
BEARER = HTTPBearer(auto_error=False, description="Authorization: Bearer <API key>")


def _require_key(
    request: Request,
    _header: Annotated[str | None, Security(API_KEY_HEADER)] = None,
    _bearer: Annotated[HTTPAuthorizationCredentials | None, Security(BEARER)] = None,
) -> None:
    """401 unless the API key (when one is set) comes in X-API-Key or Authorization: Bearer."""
    if (error := key_error(request)) is not None:
        raise error


def _api_router() -> APIRouter:
    router = APIRouter(prefix="/v1", dependencies=[Depends(_require_key)], responses=ERRORS)

    @router.post(
        "/check",
        response_model=ArticleResult,
        response_model_exclude_unset=True,
        summary="Check one article",
    )
    async def check(item: CheckItem, request: Request) -> Any:
        """Machine probability, label and scores for one article (text, HTML or URL)."""
        state = _state(request)
        if item.url is not None:
            state.pool.ensure_room()  # a fetch is not worth making if the answer will be 503
        deadline = time.monotonic() + state.settings.timeout_s
        article = await state.ingest(item, state.settings.timeout_s)
        remaining = max(0.001, deadline - time.monotonic())
        (out,) = await state.pool.run(
            lambda: state.check([article], [item.fpr]), remaining, state.settings.timeout_s
        )
        return out

    @router.post(
        "/check/batch",
        response_model=BatchResult,
        response_model_exclude_unset=True,
        summary="Check several articles",
    )
    async def check_batch(batch: BatchRequest, request: Request) -> Any:
        """One result per item, in order; an item that cannot be read, or that time ran
        out for, gets ``{"error", "status"}`` in its place and the others are kept."""
        state = _state(request)
        if len(batch.items) > state.settings.max_batch:
            raise TooLarge(
                f"batch has {len(batch.items)} items; at most "
                f"{state.settings.max_batch} per request"
            )
        items = [valid_item(i, n) for n, i in enumerate(batch.items)]
        if any(isinstance(i, CheckItem) and i.url is not None for i in items):
            state.pool.ensure_room()
        deadline = time.monotonic() + state.settings.timeout_s
        read = await asyncio.gather(
            *(
                state.ingest(i, state.settings.timeout_s)
                if isinstance(i, CheckItem)
                else _refused(i)
                for i in items
            ),
            return_exceptions=True,
        )
        results: list[Any] = [None] * len(read)
        good: list[int] = []
        for n, got in enumerate(read):
            # Named by its place, as a schema error is ("items.2.date: ...").
            where = "" if str(got).startswith(f"items.{n}") else f"items.{n}: "
            if isinstance(got, ServiceError):
                results[n] = {"error": f"{where}{got}", "status": got.status}
            elif isinstance(got, NewsprobeError):
                results[n] = {"error": f"{where}{got}", "status": input_status(got)}
            elif isinstance(got, BaseException):
                raise got
            else:
                good.append(n)
                continue
            url = getattr(items[n], "url", None)
            if url is not None:  # a failed fetch is named by what it fetched
                results[n]["url"] = url
        await _check_in_chunks(state, good, read, items, results, deadline)
        return {"results": results}

    @router.post(
        "/report",
        # A plain Response: the errors stay documented as JSON, the page as HTML.
        response_class=Response,
        summary="Save results as a report page",
        responses={
            200: {
                "description": "The page, as a download",
                "content": {"text/html": {"schema": {"type": "string"}}},
            }
        },
    )
    async def report(body: ReportRequest, request: Request) -> Response:
        """The results as one self-contained HTML page, as ``newsprobe check --html`` writes
        it: it opens in any browser without this server. Sent as a download, so it never
        runs as a page of this site."""
        from newsprobe.report.html import report_page, saved_note

        state = _state(request)
        results = [r.model_dump(exclude_unset=True) for r in body.results]
        saved = saved_note("from the newsprobe web page", state.model)
        page = report_page(results, state.det.feature_names_, saved)
        return Response(page, media_type="text/html; charset=utf-8", headers=REPORT_HEADERS)

    @router.get("/models", response_model=ModelsInfo, summary="The detector behind the verdicts")
    async def models(request: Request) -> Any:
        state = _state(request)
        det = state.det
        s = state.settings
        return {
            "models": list(det.models),
            "features": list(det.feature_names_),
            "meanings": SCORER_MEANINGS,
            "fpr_target": det.fpr,
            "threshold": det.threshold_for(det.fpr),
            "threshold_texts": len(det.calibration_scores_),
            "max_tokens": DetectOptions(max_tokens=s.max_tokens).window(det.max_tokens),
            "min_tokens": det.min_tokens,
            "inputs": available_inputs(),
            "limits": {
                "max_body_bytes": s.max_body_bytes,
                "max_text_chars": s.max_text_chars,
                "max_batch": s.max_batch,
                "timeout_s": s.timeout_s,
                "api_key_required": bool(s.api_key),
            },
            "sources": (
                await asyncio.to_thread(state.claims.describe)
                if state.claims is not None
                else {"configured": False}
            ),
        }

    return router


def create_app(
    detector: Detector | None = None,
    settings: ServiceSettings | None = None,
    detector_path: str | None = None,
    claims: ClaimsStage | None = None,
    warm_up: bool = True,
) -> FastAPI:
    """The ASGI app. ``detector`` None loads ``detector_path`` (default: shipped) at startup.

    ``claims`` (what ``serve --sources`` builds) adds claims and their evidence to every
    result, as ``check --sources`` does; its models load at startup too. ``warm_up`` False:
    the caller has already checked the warm-up article with these models (``serve`` does,
    so that a model that fails to run fails as one line before uvicorn starts).
    """
    settings = (settings or ServiceSettings()).validate()
    state = ServiceState(detector, settings, claims)
    # A window shorter than the verdict's is refused once, not on every request.
    window = DetectOptions(max_tokens=settings.max_tokens).window
    if detector is not None:
        window(detector.max_tokens)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        from newsprobe.pipeline import check_articles, load_detector

        if state.detector is None:
            state.detector = await asyncio.to_thread(load_detector, detector_path)
            window(state.detector.max_tokens)
        if warm_up:
            await asyncio.to_thread(check_articles, [warm_up_article()], state.detector)
            if state.claims is not None:
                await asyncio.to_thread(state.claims.warm_up)
        yield
        state.pool.shutdown()

    # Swagger UI from files inside the fastapi-offline package, not a CDN: a newsroom
    # intranet or an offline machine gets working /docs too. No /redoc: its bundle fetches
    # a logo from its vendor's CDN, with no option to turn that off.
    app = FastAPIOffline(
        redoc_url=None,
        title="newsprobe",
        version=__version__,
        summary="Was this news article written by a machine?",
        lifespan=lifespan,
        static_url=DOCS_ASSETS,
        favicon_url="/static/favicon.svg",
        # The online validator badge would send the spec to a third party.
        swagger_ui_parameters={"validatorUrl": None},
    )
    app.state.newsprobe = state
    install_error_handlers(app)
    app.include_router(_api_router())

    @app.get("/healthz", response_model=Health, summary="Liveness and queue depth")
    async def healthz() -> Any:
        pool = state.pool
        return {
            "status": "ok" if state.detector is not None else "loading",
            "in_flight": pool.in_flight,
            "capacity": pool.capacity,
            "completed": pool.completed,
            "rejected": pool.rejected,
            "timed_out": pool.timed_out,
            "uptime_s": round(time.monotonic() - state.started, 3),
        }

    # HEAD too: some load balancers probe with it.
    app.add_api_route("/healthz", healthz, methods=["HEAD"], include_in_schema=False)

    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers=PAGE_HEADERS)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(CatchAll)  # added last: outermost
    return app
