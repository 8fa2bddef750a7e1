"""``newsprobe serve``: parse options, build the settings, hand the app to uvicorn.

Kept apart from ``newsprobe.cli`` so that the CLI does not import FastAPI for other commands.
"""

from __future__ import annotations

import signal
import socket
import sys
from typing import Annotated

import typer

from newsprobe.cli_claims import (
    JudgeModelOpt,
    JudgeUrlOpt,
    MaxClaimsOpt,
    SourcesOpt,
    StoreOpt,
    claims_verifier,
)
from newsprobe.cli_options import DeviceOpt, RuntimeOpt
from newsprobe.errors import NewsprobeError
from newsprobe.service.settings import API_KEY_ENV

MAX_PORT = 65535


def serve_cmd(
    host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0: all)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    detector: Annotated[
        str, typer.Option("--detector", help="'default' (shipped), or a fitted detector .json")
    ] = "default",
    api_key: Annotated[
        str | None,
        typer.Option(
            envvar=API_KEY_ENV,
            show_envvar=True,
            help="Require this key in X-API-Key or Authorization: Bearer",
        ),
    ] = None,
    workers: Annotated[int, typer.Option(help="Threads running the detector")] = 1,
    queue_size: Annotated[int, typer.Option(help="Requests that may wait; more get 503")] = 16,
    timeout: Annotated[float, typer.Option(help="Seconds per request before 504")] = 60.0,
    max_body_bytes: Annotated[int, typer.Option(help="Larger request bodies get 413")] = 2_000_000,
    max_text_chars: Annotated[int, typer.Option(help="Longer texts get 413")] = 100_000,
    max_batch: Annotated[int, typer.Option(help="Items per batch request")] = 32,
    max_tokens: Annotated[
        int | None,
        typer.Option(
            help="Tokens scored per article (default: the detector's window); a longer "
            "window colours more sentences on the page, at more cost per request"
        ),
    ] = None,
    allow_private_urls: Annotated[
        bool,
        typer.Option(
            "--allow-private-urls",
            "--allow-private",  # check's name for it, which the fetcher's refusals name
            help="Let url inputs reach loopback and private addresses",
        ),
    ] = False,
    sources: SourcesOpt = False,
    store: StoreOpt = None,
    max_claims: MaxClaimsOpt = 20,
    judge_url: JudgeUrlOpt = None,
    judge_model: JudgeModelOpt = None,
    device: DeviceOpt = None,
    runtime: RuntimeOpt = "torch",
) -> None:
    """Serve the web page (/) and the HTTP API (/v1, docs at /docs).

    With --sources, every result also carries its claims checked against the trusted
    sources, as check --sources."""
    check_port(port)  # before anything slow is imported or loaded
    import uvicorn

    from newsprobe.pipeline import check_articles, load_detector
    from newsprobe.service import ServiceSettings, create_app
    from newsprobe.service.app import warm_up_article
    from newsprobe.settings import DetectOptions

    try:
        settings = ServiceSettings(
            workers=workers,
            queue_size=queue_size,
            timeout_s=timeout,
            max_body_bytes=max_body_bytes,
            max_text_chars=max_text_chars,
            max_batch=max_batch,
            api_key=api_key or None,
            allow_private_urls=allow_private_urls,
            max_tokens=max_tokens,
        ).validate()
    except ValueError as exc:
        raise NewsprobeError(str(exc)) from exc
    run = DetectOptions(device=device, runtime=runtime)  # a bad --runtime fails as one line
    if host not in ("127.0.0.1", "localhost", "::1") and not settings.api_key:
        print(f"warning: listening on {host} without an API key", file=sys.stderr)
    claims = claims_verifier(sources, store, max_claims, judge_url, judge_model)
    sock = listen_socket(host, port)  # a busy port fails now, not after loading the models
    det = load_detector(detector, run)  # bad files and models fail here, as one line
    # Made now: it refuses a window shorter than the detector's before any warm-up.
    # Warmed here, not again at startup: a model that fails to run is a one-line error.
    app = create_app(detector=det, settings=settings, claims=claims, warm_up=False)
    check_articles([warm_up_article()], det)
    if claims is not None:
        claims.warm_up()  # spaCy, the embedders and the verdict model, before the first client
    # uvicorn shuts down on SIGTERM, then raises it again with the handler it found: the
    # default, so the exit status says why, not the CLI's "interrupted" (130).
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    config = uvicorn.Config(
        app, host=host, port=port, log_level="info", timeout_graceful_shutdown=5
    )
    # uvicorn names the address only when it binds the socket itself
    shown = f"[{host}]" if ":" in host else host
    print(f"serving http://{shown}:{port}/ (API docs at /docs)", file=sys.stderr, flush=True)
    uvicorn.Server(config).run(sockets=[sock])


#: uvicorn's own backlog.
BACKLOG = 2048


def check_port(port: int) -> None:
    """A one-line error for a port outside 0..65535 (the OS would silently bind another)."""
    if not 0 <= port <= MAX_PORT:
        raise NewsprobeError(f"--port must be between 0 and {MAX_PORT}, got {port}")


def listen_socket(host: str, port: int) -> socket.socket:
    """The bound socket (uvicorn listens on it), or a one-line error: binding is the one
    step of serving that could otherwise fail after a minute of loading models."""
    check_port(port)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except OSError as exc:
        raise NewsprobeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    family, _, _, _, address = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        # Listening now: two sockets bound with SO_REUSEADDR, neither listening yet, both
        # bind, and a second ``serve`` failed with a traceback once its models had loaded.
        sock.listen(BACKLOG)
    except OSError as exc:
        sock.close()
        raise NewsprobeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    return sock
