"""Back-pressure: a full queue answers 503 with Retry-After, a slow request 504, a crash
500, and in every case the service keeps serving the next request."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from newsprobe.service import ServiceSettings

TEXT = (
    "The council said on Tuesday that it would review the decision after residents "
    "complained about the new parking rules, and officials promised a report within weeks."
)


def hold_worker(running) -> threading.Event:
    """Make the detector call wait until the returned event is set."""
    state = running.server.config.app.state.newsprobe
    release = threading.Event()
    original = state.check

    def slow_check(*args, **kwargs):
        release.wait(30)
        return original(*args, **kwargs)

    state.check = slow_check
    return release


def wait_for_in_flight(client: httpx.Client, n: int) -> None:
    deadline = time.monotonic() + 10
    while client.get("/healthz").json()["in_flight"] != n:
        assert time.monotonic() < deadline, "the queue never reached the expected depth"
        time.sleep(0.02)


def test_full_queue_gets_503_with_retry_after_then_recovers(serve):
    running = serve(ServiceSettings(workers=1, queue_size=1, timeout_s=30))
    release = hold_worker(running)
    answers: list[httpx.Response] = []

    def occupy() -> None:
        with running.client() as c:
            answers.append(c.post("/v1/check", json={"text": TEXT}))

    threads = [threading.Thread(target=occupy) for _ in range(2)]  # one running, one queued
    with running.client() as c:
        for t in threads:
            t.start()
        wait_for_in_flight(c, 2)
        r = c.post("/v1/check", json={"text": TEXT})
        assert r.status_code == 503
        assert "busy" in r.json()["error"]
        assert int(r.headers["retry-after"]) >= 1
        b = c.post("/v1/check/batch", json={"items": [{"text": TEXT}]})
        assert b.status_code == 503
        # a bad text still gets its own 4xx; a URL is refused before it is fetched
        assert c.post("/v1/check", json={"text": "\x00\x01\x02" * 50}).status_code == 422
        assert c.post("/v1/check", json={"url": "https://example.com/a"}).status_code == 503
        assert c.get("/healthz").json()["rejected"] == 3
        release.set()
        for t in threads:
            t.join(30)
        assert [a.status_code for a in answers] == [200, 200]
        wait_for_in_flight(c, 0)
        assert c.post("/v1/check", json={"text": TEXT}).status_code == 200


def test_slow_request_gets_504_and_its_slot_comes_back(serve):
    running = serve(ServiceSettings(workers=1, queue_size=0, timeout_s=0.5))
    with running.client() as c:
        # A first request loads what reading a text needs; on a busy machine that alone can
        # pass 0.5 s, and the 504 under test must come from the held detector.
        c.post("/v1/check", json={"text": TEXT})
        wait_for_in_flight(c, 0)
        timed_out = c.get("/healthz").json()["timed_out"]
        release = hold_worker(running)
        started = time.monotonic()
        r = c.post("/v1/check", json={"text": TEXT})
        assert r.status_code == 504 and "0.5 s" in r.json()["error"]
        assert "serve --timeout" in r.json()["error"]
        assert time.monotonic() - started < 5
        assert c.get("/healthz").json()["timed_out"] == timed_out + 1
        # the work still runs, so its slot stays taken (no piling onto the CPU) ...
        assert c.get("/healthz").json()["in_flight"] == 1
        assert c.post("/v1/check", json={"text": TEXT}).status_code == 503
        release.set()
        wait_for_in_flight(c, 0)  # ... until it finishes
        # The slot is free again: the next request is taken, not refused. On a loaded
        # machine its own work can pass the 0.5 s limit, so a 504 also shows it was taken.
        assert c.post("/v1/check", json={"text": TEXT}).status_code in (200, 504)


def test_unexpected_failure_is_a_json_500_not_a_traceback(serve):
    running = serve(ServiceSettings())
    state = running.server.config.app.state.newsprobe
    original = state.check
    state.check = lambda *a, **k: (_ for _ in ()).throw(RuntimeError("boom\nline two"))
    with running.client() as c:
        r = c.post("/v1/check", json={"text": TEXT})
        assert r.status_code == 500
        assert r.json() == {"error": "internal error (RuntimeError); see the server log"}
        state.check = original
        assert c.post("/v1/check", json={"text": TEXT}).status_code == 200
        assert c.get("/healthz").json()["in_flight"] == 0


@pytest.mark.parametrize("field", ["workers", "max_body_bytes", "max_text_chars", "max_batch"])
def test_settings_that_cannot_work_are_refused(field):
    with pytest.raises(ValueError, match="at least 1"):
        ServiceSettings(**{field: 0}).validate()


def test_batch_out_of_time_keeps_what_was_checked(serve):
    """A batch past its time limit answers the items already checked; the rest get their
    own 504, never a 504 that throws the finished results away."""
    running = serve(ServiceSettings(workers=1, queue_size=2, timeout_s=3, max_batch=32))
    state = running.server.config.app.state.newsprobe
    size = state.det.batch_size
    release = threading.Event()
    original = state.check
    calls: list[int] = []

    def second_call_stalls(articles, fprs):
        calls.append(len(articles))
        if len(calls) > 1:
            release.wait(30)
        return original(articles, fprs)

    state.check = second_call_stalls
    items = [{"text": f"{TEXT} Item {n}."} for n in range(size + 2)]
    with running.client() as c:
        r = c.post("/v1/check/batch", json={"items": items})
        release.set()
        assert r.status_code == 200
        results = r.json()["results"]
        assert calls[0] == size
        assert all("machine_probability" in out for out in results[:size])
        for n, out in enumerate(results[size:], start=size):
            assert out["status"] == 504
            assert out["error"].startswith(f"items.{n}: not checked: no answer within 3 s")
        wait_for_in_flight(c, 0)
        # Nothing checked at all: the whole request is the 504, as for one article.
        calls.clear()
        release.clear()
        state.check = lambda a, f: (calls.append(1), release.wait(30), original(a, f))[-1]
        r = c.post("/v1/check/batch", json={"items": items[:1]})
        release.set()
        assert r.status_code == 504 and "3 s" in r.json()["error"]
