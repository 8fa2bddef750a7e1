"""A real server on loopback, in a thread, over a tiny fitted detector (no download)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn
from typer.testing import CliRunner

from newsprobe.detect.detector import Detector
from newsprobe.service import ServiceSettings, create_app

# The trusted source says 1999; the article moves it to 2009 (a date conflict).
TRUSTED = "Poland joined NATO in 1999, together with the Czech Republic and Hungary."
CLAIMING = (
    "Poland joined NATO in 2009, the foreign minister told reporters on Monday. The "
    "government said the consultations were needed because the incursion threatened the "
    "country's territorial integrity. Allies met in Brussels, and officials confirmed that "
    "12 people were questioned about the incident."
)


@dataclass
class Running:
    """A started server: its base URL and the uvicorn handle that stops it."""

    url: str
    server: uvicorn.Server
    thread: threading.Thread

    def client(self, **kwargs: object) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=60, **kwargs)  # type: ignore[arg-type]

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


def start_server(app: object) -> Running:
    """Serve ``app`` on a free loopback port (bound before the thread starts: no race)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("test server did not start")
        time.sleep(0.02)
    return Running(f"http://127.0.0.1:{port}", server, thread)


@pytest.fixture(scope="session")
def tiny_detector(toy_detector) -> Detector:
    """The shared tiny-model detector (``tests/conftest.py``)."""
    return toy_detector


SMALL_LIMITS = ServiceSettings(
    workers=1,
    queue_size=4,
    max_body_bytes=50_000,
    max_text_chars=20_000,
    max_batch=4,
    timeout_s=30,
)


@pytest.fixture(scope="session")
def server(tiny_detector) -> Iterator[Running]:
    running = start_server(create_app(detector=tiny_detector, settings=SMALL_LIMITS))
    yield running
    running.stop()


@pytest.fixture
def serve(tiny_detector) -> Iterator[Callable[..., Running]]:
    """Start servers over the tiny detector with other settings; all stop after the test."""
    started: list[Running] = []

    def _serve(settings: ServiceSettings) -> Running:
        started.append(start_server(create_app(detector=tiny_detector, settings=settings)))
        return started[-1]

    yield _serve
    for running in started:
        running.stop()


@dataclass(frozen=True)
class ClaimsCase:
    """The trusted sentence and the article that contradicts it (tests import no conftest)."""

    trusted: str = TRUSTED
    article: str = CLAIMING


@pytest.fixture(scope="session")
def claims_case() -> ClaimsCase:
    return ClaimsCase()


@pytest.fixture(scope="session")
def sources_store(tmp_path_factory) -> Path:
    """A tiny trusted-source store, indexed as a user does it (``newsprobe sources add``)."""
    from newsprobe.cli import app

    folder = tmp_path_factory.mktemp("trusted")
    (folder / "nato.txt").write_text(
        f"{TRUSTED}\n\nArticle 4 of the North Atlantic Treaty allows any ally to request "
        "consultations when it feels threatened.\n",
        encoding="utf-8",
    )
    path = tmp_path_factory.mktemp("store") / "sources.sqlite"
    res = CliRunner().invoke(app, ["sources", "add", str(folder), "--store", str(path)])
    assert res.exit_code == 0, res.output
    return path


@pytest.fixture(scope="session")
def claims_server(tiny_detector, sources_store) -> Iterator[Running]:
    """A server with trusted sources, built by the same call as ``serve --sources``."""
    from newsprobe.cli_claims import claims_verifier

    claims = claims_verifier(True, sources_store, 20, None, None)
    app = create_app(detector=tiny_detector, settings=SMALL_LIMITS, claims=claims)
    running = start_server(app)
    yield running
    running.stop()
