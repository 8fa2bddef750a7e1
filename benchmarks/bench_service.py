"""Load test of ``newsprobe serve``: many concurrent clients against one server on loopback.

Run on demand:  python -m benchmarks.bench_service [--requests 60] [--clients 32]
Starts ``newsprobe serve`` in its own process (the shipped detector unless ``--detector``),
then ``--clients`` concurrent clients send ``--requests`` checks of ~``--tokens``-token
LLMFake news articles (read from ../shared/data at run time). A client that gets 503 waits
for Retry-After and tries again, as a well-behaved client would. Meanwhile one more client
sends malformed, oversized and otherwise bad requests, and another polls /healthz, to show
that they are answered 4xx/200 at once while the detector is busy. Everything is bounded:
a request gives up after ``--max-attempts`` tries, and the run stops at ``--duration`` s.
Prints a table; writes benchmarks/results/service.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table

RESULTS = Path(__file__).parent / "results"
DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def articles(data_dir: Path, n: int, tokens: int, seed: int = 0) -> list[str]:
    """``n`` LLMFake news texts (both labels) cut to about ``tokens`` tokens (~0.75 w/tok)."""
    path = data_dir / "detect" / "llmfake_news.jsonl"
    words = int(tokens * 0.75)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    long_enough = [r["text"].split() for r in rows if len(r["text"].split()) >= words]
    random.Random(seed).shuffle(long_enough)
    if len(long_enough) < n:
        raise SystemExit(f"{path}: only {len(long_enough)} texts of {words}+ words")
    return [" ".join(w[:words]) for w in long_enough[:n]]


def library_rate(texts: list[str], detector: str) -> float:
    """Articles/s of the library itself, one article per call, in this process (no server).

    The machine is shared, so the service's throughput is only meaningful next to what the
    library reaches at the same time.
    """
    from newsprobe.ingest import article_from_bytes
    from newsprobe.pipeline import check_articles, load_detector

    det = load_detector(detector)
    check_articles([article_from_bytes(texts[0].encode())], det)  # warm-up
    start = time.perf_counter()
    for t in texts:
        check_articles([article_from_bytes(t.encode())], det)
    return len(texts) / (time.perf_counter() - start)


def bad_requests(max_body: int) -> list[tuple[str, dict, int]]:
    """(name, httpx request kwargs, expected status) for requests the service must refuse."""
    return [
        ("oversized body", {"content": b'{"text": "' + b"x" * (max_body + 1000) + b'"}'}, 413),
        ("malformed JSON", {"content": b'{"text": "unterminated'}, 422),
        ("no input field", {"json": {"fpr": 0.01}}, 422),
        ("two inputs", {"json": {"text": "a", "url": "https://example.com"}}, 422),
        ("fpr out of range", {"json": {"text": "Some news.", "fpr": 3}}, 422),
        ("text too long", {"json": {"text": "word " * 30_000}}, 413),
        ("binary text", {"json": {"text": "\x00\x01\x02\x03" * 64}}, 422),
        ("not UTF-8", {"content": b"\xff\xfe\xfa"}, 422),
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, detector: str, queue_size: int, timeout: float) -> subprocess.Popen:
    cmd = [
        sys.executable,
        "-m",
        "newsprobe",
        "serve",
        "--port",
        str(port),
        "--detector",
        detector,
        "--queue-size",
        str(queue_size),
        "--timeout",
        str(timeout),
    ]
    env = {**os.environ, "NEWSPROBE_API_KEY": ""}
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


async def wait_ready(base: str, proc: subprocess.Popen, limit_s: float = 300) -> float:
    start = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, timeout=5) as c:
        while time.perf_counter() - start < limit_s:
            if proc.poll() is not None:
                err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
                raise SystemExit(f"server exited ({proc.returncode}): {err.strip()[-500:]}")
            try:
                if (await c.get("/healthz")).json().get("status") == "ok":
                    return time.perf_counter() - start
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.5)
    raise SystemExit(f"server not ready after {limit_s:.0f} s")


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, round(q / 100 * (len(values) - 1)))]


async def load(args: argparse.Namespace, base: str, texts: list[str]) -> dict:
    todo: asyncio.Queue[str] = asyncio.Queue()
    for t in texts:
        todo.put_nowait(t)
    deadline = time.perf_counter() + args.duration
    ok_latency: list[float] = []  # the attempt that succeeded (server queueing included)
    end_to_end: list[float] = []  # first try to answer, waits for Retry-After included
    counts = {"ok": 0, "failed": 0, "busy_503": 0, "timeout_504": 0, "other_errors": 0}
    bad_results: list[dict] = []
    health_latency: list[float] = []
    stop = asyncio.Event()

    async def client(c: httpx.AsyncClient) -> None:
        while not todo.empty() and time.perf_counter() < deadline:
            text = todo.get_nowait()
            first = time.perf_counter()
            for _ in range(args.max_attempts):
                t0 = time.perf_counter()
                try:
                    r = await c.post("/v1/check", json={"text": text})
                except httpx.HTTPError:
                    counts["other_errors"] += 1
                    break
                if r.status_code == 200:
                    counts["ok"] += 1
                    ok_latency.append(time.perf_counter() - t0)
                    end_to_end.append(time.perf_counter() - first)
                    break
                if r.status_code == 503:
                    counts["busy_503"] += 1
                    wait = float(r.headers.get("retry-after", "1"))
                    if time.perf_counter() + wait > deadline:
                        counts["failed"] += 1
                        break
                    await asyncio.sleep(wait * random.uniform(0.8, 1.2))
                    continue
                counts["timeout_504" if r.status_code == 504 else "other_errors"] += 1
                break
            else:
                counts["failed"] += 1

    async def bad_client(c: httpx.AsyncClient) -> None:
        await asyncio.sleep(2)  # let the queue fill first
        for name, kwargs, expected in bad_requests(args.max_body_bytes) * args.bad_rounds:
            t0 = time.perf_counter()
            try:
                r = await c.post(
                    "/v1/check", headers={"Content-Type": "application/json"}, **kwargs
                )
                status, body = r.status_code, r.json()
            except (httpx.HTTPError, ValueError) as exc:
                status, body = 0, {"error": f"client: {exc}"}
            bad_results.append(
                {
                    "request": name,
                    "status": status,
                    "expected": expected,
                    "seconds": time.perf_counter() - t0,
                    "error": body.get("error", ""),
                }
            )
            await asyncio.sleep(1.0)

    async def health(c: httpx.AsyncClient) -> None:
        while not stop.is_set():
            t0 = time.perf_counter()
            r = await c.get("/healthz")
            if r.status_code == 200:
                health_latency.append(time.perf_counter() - t0)
            await asyncio.sleep(0.5)

    limits = httpx.Limits(max_connections=args.clients + 2)
    async with httpx.AsyncClient(base_url=base, timeout=args.timeout + 30, limits=limits) as c:
        started = time.perf_counter()
        side = [asyncio.create_task(bad_client(c)), asyncio.create_task(health(c))]
        await asyncio.gather(*(client(c) for _ in range(args.clients)))
        wall = time.perf_counter() - started
        await side[0]
        stop.set()
        await side[1]
        after = (await c.post("/v1/check", json={"text": texts[0]})).status_code
        stats = (await c.get("/healthz")).json()
    counts["not_sent"] = todo.qsize()
    counts["failed"] += counts["timeout_504"] + counts["other_errors"] + counts["not_sent"]
    return {
        "requests": len(texts),
        "clients": args.clients,
        "counts": counts,
        "wall_s": wall,
        "throughput_per_s": counts["ok"] / wall,
        "latency_s": {
            "p50": pct(ok_latency, 50),
            "p90": pct(ok_latency, 90),
            "p99": pct(ok_latency, 99),
            "mean": statistics.fmean(ok_latency or [0]),
        },
        "end_to_end_s": {"p50": pct(end_to_end, 50), "p99": pct(end_to_end, 99)},
        "bad_requests": bad_results,
        "bad_all_refused_as_expected": all(b["status"] == b["expected"] for b in bad_results),
        "healthz_p99_s": pct(health_latency, 99),
        "check_after_bad_requests": after,
        "server_counters": stats,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--requests", type=int, default=60)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--tokens", type=int, default=300, help="approximate tokens per article")
    ap.add_argument("--duration", type=float, default=300, help="stop sending after this")
    ap.add_argument("--max-attempts", type=int, default=20, help="tries per request (503s)")
    ap.add_argument("--bad-rounds", type=int, default=1, help="rounds of the 8 bad requests")
    ap.add_argument("--queue-size", type=int, default=16)
    ap.add_argument("--timeout", type=float, default=60.0, help="server's per-request limit")
    ap.add_argument("--max-body-bytes", type=int, default=2_000_000)
    ap.add_argument("--detector", default="default")
    ap.add_argument("--data-dir", type=Path, default=DATA)
    ap.add_argument("--baseline", type=int, default=8, help="articles for the library rate")
    args = ap.parse_args()

    texts = articles(args.data_dir, args.requests, args.tokens)
    baseline = library_rate(texts[: args.baseline], args.detector) if args.baseline else None
    port = free_port()
    proc = start_server(port, args.detector, args.queue_size, args.timeout)
    try:
        ready = asyncio.run(wait_ready(f"http://127.0.0.1:{port}", proc))
        result = asyncio.run(load(args, f"http://127.0.0.1:{port}", texts))
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
    result.update(
        library_per_s=baseline,
        startup_s=ready,
        tokens=args.tokens,
        detector=args.detector,
        queue_size=args.queue_size,
        cpus=os.cpu_count(),
        date=time.strftime("%Y-%m-%d"),
    )
    report(result)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "service.json").write_text(json.dumps(result, indent=2))


def report(r: dict) -> None:
    def s(x: float | None) -> str:
        return "-" if x is None else f"{x:.2f} s"

    c = r["counts"]
    cpu = os.getloadavg()[0]
    table = Table(
        title=f"newsprobe serve: {r['requests']} requests, {r['clients']} clients, "
        f"~{r['tokens']}-token articles"
    )
    table.add_column("metric")
    table.add_column("value", justify="right")
    rows = [
        ("startup (load + warm-up)", s(r["startup_s"])),
        ("succeeded", str(c["ok"])),
        ("failed (after retries, timeouts, errors, not sent)", str(c["failed"])),
        ("503 answers (client waited Retry-After, retried)", str(c["busy_503"])),
        ("throughput", f"{r['throughput_per_s']:.2f} articles/s"),
        (
            "library alone, same texts, just before",
            "-" if r["library_per_s"] is None else f"{r['library_per_s']:.2f} articles/s",
        ),
        ("latency p50 (successful attempt)", s(r["latency_s"]["p50"])),
        ("latency p90", s(r["latency_s"]["p90"])),
        ("latency p99", s(r["latency_s"]["p99"])),
        (
            "end to end p50 / p99 (incl. retries)",
            f"{s(r['end_to_end_s']['p50'])} / {s(r['end_to_end_s']['p99'])}",
        ),
        (
            "bad requests refused as expected",
            f"{sum(b['status'] == b['expected'] for b in r['bad_requests'])}"
            f"/{len(r['bad_requests'])}",
        ),
        (
            "bad request answer time, max",
            s(max((b["seconds"] for b in r["bad_requests"]), default=None)),
        ),
        ("/healthz p99 under load", s(r["healthz_p99_s"])),
        ("a check after all of it", str(r["check_after_bad_requests"])),
        ("wall time", s(r["wall_s"])),
        ("load average at the end (2 cores, shared)", f"{cpu:.2f}"),
    ]
    for row in rows:
        table.add_row(*row)
    console = Console(width=120)
    console.print(table)
    for b in r["bad_requests"]:
        console.print(
            f"  {b['request']:<18} {b['status']} (expected {b['expected']}) "
            f"{b['seconds'] * 1000:.0f} ms  {b['error'][:70]}"
        )


if __name__ == "__main__":
    main()
