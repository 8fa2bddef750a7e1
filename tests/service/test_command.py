"""``newsprobe serve`` as an operator runs it: a real process, a real port, one-line errors."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest


def serve(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "newsprobe", "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(proc: subprocess.Popen, base: str) -> None:
    deadline = time.monotonic() + 120
    while True:
        assert proc.poll() is None, proc.stderr.read()
        assert time.monotonic() < deadline, "server did not come up"
        try:
            if httpx.get(f"{base}/healthz").json()["status"] == "ok":
                return
        except httpx.HTTPError:
            time.sleep(0.2)


def test_serve_starts_checks_and_takes_the_key_from_the_environment(tiny_detector, tmp_path):
    path = tiny_detector.save(tmp_path / "tiny.json")
    port = free_port()
    proc = serve(
        "--port", str(port), "--detector", str(path), "--runtime", "onnx",
        env={"NEWSPROBE_API_KEY": "from-env"},
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(proc, base)
        body = {"text": "The minister said the budget would rise by 3 percent next year. " * 4}
        assert httpx.post(f"{base}/v1/check", json=body).status_code == 401
        r = httpx.post(f"{base}/v1/check", json=body, headers={"X-API-Key": "from-env"})
        assert r.status_code == 200 and r.json()["label"] in {"machine", "human"}
    finally:
        proc.terminate()
        proc.wait(30)
    # uvicorn shuts down cleanly, then re-raises SIGTERM so the exit status says why
    assert proc.returncode in (0, -15)
    err = proc.stderr.read()
    assert f"serving http://127.0.0.1:{port}/ (API docs at /docs)" in err
    assert "Application shutdown complete" in err


def test_bad_options_and_detector_files_are_one_line_errors(tiny_detector, tmp_path):
    proc = serve("--workers", "0")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2 and err.strip() == "error: --workers must be at least 1, got 0"
    proc = serve("--runtime", "tpu")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2
    assert err.strip() == "error: --runtime must be one of torch, onnx, auto, got 'tpu'"
    proc = serve("--max-tokens", "1")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2 and err.strip() == (
        "error: --max-tokens must be at least the detector's window (128 tokens for the "
        "shipped detector), got 1"
    )
    # A window shorter than the one the detector's verdict reads, known once it is loaded.
    path = tiny_detector.save(tmp_path / "tiny.json")
    proc = serve("--port", str(free_port()), "--detector", str(path), "--max-tokens", "16")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2 and err.strip() == (
        f"error: --max-tokens must be at least the detector's window of "
        f"{tiny_detector.max_tokens} tokens, which its verdict reads; got 16"
    )
    proc = serve("--detector", str(tmp_path / "none.json"))
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 3 and "cannot read detector file" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_serve_sources_checks_claims_like_check_sources(
    tiny_detector, sources_store, claims_case, tmp_path
):
    path = tiny_detector.save(tmp_path / "tiny.json")
    port = free_port()
    proc = serve(
        "--port", str(port), "--detector", str(path), "--sources", "--store", str(sources_store)
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(proc, base)
        assert httpx.get(f"{base}/v1/models").json()["sources"]["configured"] is True
        r = httpx.post(f"{base}/v1/check", json={"text": claims_case.article}, timeout=60)
        assert r.status_code == 200, r.text
        verdicts = {c["text"][:26]: c["verdict"] for c in r.json()["claims"]}
        assert verdicts["Poland joined NATO in 2009"] == "contradicted"
    finally:
        proc.terminate()
        proc.wait(30)


def test_sources_options_fail_as_check_fails_them(tmp_path):
    proc = serve("--sources", "--store", str(tmp_path / "none.sqlite"))
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2
    missing = tmp_path / "none.sqlite"
    assert err.strip() == f"error: {missing}: no such source store (newsprobe sources add)"
    proc = serve("--store", str(tmp_path / "none.sqlite"))
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2 and err.strip() == "error: --store needs --sources"


def test_a_busy_port_is_a_one_line_error_before_any_model_loads():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        proc = serve("--port", str(port), "--detector", "/nonexistent/detector.json")
        _, err = proc.communicate(timeout=120)
    # the detector file is never read: the port is checked first
    assert proc.returncode == 2, err
    assert err.strip() == f"error: cannot listen on 127.0.0.1:{port}: Address already in use"
    assert time.monotonic() - started < 60


def test_a_second_server_on_a_port_another_has_bound_fails_before_loading():
    """Two ``serve`` started a second apart: both bound the port (SO_REUSEADDR, neither
    listening yet), and the second failed with a traceback after loading its models."""
    from newsprobe.errors import NewsprobeError
    from newsprobe.service.command import listen_socket

    first = listen_socket("127.0.0.1", 0)
    port = first.getsockname()[1]
    try:
        with pytest.raises(NewsprobeError, match="Address already in use"):
            listen_socket("127.0.0.1", port).close()
    finally:
        first.close()


def test_a_port_out_of_range_is_a_one_line_error_not_another_port():
    from newsprobe.errors import NewsprobeError
    from newsprobe.service.command import listen_socket

    for port in ("70000", "-1"):
        proc = serve("--port", port)
        try:
            _, err = proc.communicate(timeout=120)
        finally:
            proc.kill()  # unfixed, it would be serving on another port
        assert proc.returncode == 2, err
        assert err.strip() == f"error: --port must be between 0 and 65535, got {port}"
        assert "serving" not in err and "Traceback" not in err
    try:
        sock = listen_socket("127.0.0.1", 70000)
    except NewsprobeError as exc:
        assert "between 0 and 65535" in str(exc)
    else:
        sock.close()
        raise AssertionError("listen_socket bound a port other than the one asked for")


def test_the_warm_up_article_is_checked_once_at_startup(tiny_detector, monkeypatch):
    """``serve`` checks the warm-up article itself (a model that fails to run is then a
    one-line error) and starts the app with ``warm_up=False``: it was checked twice."""
    from fastapi.testclient import TestClient

    import newsprobe.pipeline
    from newsprobe.service import create_app

    checked: list[int] = []
    real = newsprobe.pipeline.check_articles

    def counting(articles, *args, **kwargs):
        checked.append(len(articles))
        return real(articles, *args, **kwargs)

    monkeypatch.setattr(newsprobe.pipeline, "check_articles", counting)
    with TestClient(create_app(detector=tiny_detector)) as client:
        assert client.get("/healthz").status_code == 200
    assert checked == [1]
    with TestClient(create_app(detector=tiny_detector, warm_up=False)) as client:
        assert client.get("/healthz").status_code == 200
    assert checked == [1]
