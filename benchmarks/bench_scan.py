"""Scan throughput against single-article speed, and a kill-restart, in one run.

Run on demand:  python -m benchmarks.bench_scan [--n 200] [--single 40]
Builds a crawl of ``--n`` LLMFake news articles (seeded; machine rows on farm sites, human
rows on newsroom sites), then, each in its own process with the shipped detector:

* single-article speed: ``check_articles`` on one article at a time, torch on 1 thread
  (per-core speed) and on all cores;
* ``newsprobe scan`` with 1 process x all threads, and with one process per core;
* the faster scan again, SIGKILLed half way and restarted: every record exactly once?

``--detector model-free`` fits a detector over the text-level scorers only (no language
model, ~100 articles/s) on the training split and scans with it: how a 10,000-article
kill/restart is run in minutes (``--n 10000 --only-kill``); resuming does not depend on
which detector scores the rows.

Reports articles/s (model loading included for scans: it is part of a scan's cost), the
ratio scan / (single-article speed x cores) and peak RSS of the process tree. Writes
benchmarks/results/scan.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
from rich.console import Console
from rich.table import Table

RESULTS = Path(__file__).parent / "results"
CORES = os.cpu_count() or 1


def build_crawl(data_dir: Path, n: int, path: Path) -> None:
    rows = [json.loads(x) for x in (data_dir / "detect" / "llmfake_news.jsonl").open()]
    rng = random.Random(0)
    picked = rng.sample(rows, n)
    with path.open("w") as fh:
        for i, r in enumerate(picked):
            site = f"farm{i % 3}.example" if r["label"] == "machine" else f"news{i % 5}.example"
            fh.write(json.dumps({"id": f"r{i}", "text": r["text"], "url": f"https://{site}/{i}"}))
            fh.write("\n")


def model_free_detector(data_dir: Path, path: Path) -> Path:
    from newsprobe.detect.detector import Detector
    from newsprobe.eval.splits import make_split

    fit = make_split(data_dir).fit
    det = Detector(
        models=(), features=("prelude", "compression", "word_length"), combiner="boosted"
    )
    det.fit(det.feature_rows([r.text for r in fit]), [r.label for r in fit])
    return det.save(path)


def single_worker(crawl: str, k: int, threads: int, detector: str | None = None) -> None:
    """Child process: one article per ``check_articles`` call; prints JSON."""
    import torch

    from newsprobe.article import Article
    from newsprobe.pipeline import check_articles, load_detector

    torch.set_num_threads(threads)
    texts = [json.loads(x)["text"] for x in Path(crawl).read_text().splitlines()[:k]]
    det = load_detector(detector)
    check_articles([Article(text=texts[0])], det)  # warm-up: model load
    start = time.perf_counter()
    for t in texts:
        check_articles([Article(text=t)], det)
    seconds = time.perf_counter() - start
    print(json.dumps({"articles_per_s": k / seconds, "seconds": seconds, "n": k}))


def _watch(proc: subprocess.Popen, stop=None) -> int:
    """Wait for ``proc`` (or until ``stop()``), tracking peak RSS of its process tree."""
    peak = 0
    ps = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            tree = [ps, *ps.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        if stop is not None and stop():
            break
        time.sleep(0.2)
    return peak


def run_single(crawl: Path, k: int, threads: int, detector: str) -> dict:
    cmd = [
        sys.executable,
        "-m",
        "benchmarks.bench_scan",
        "--single-worker",
        str(crawl),
        str(k),
        str(threads),
        "--detector",
        detector,
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def scan_cmd(crawl: Path, out: Path, workers: int, threads: int, detector: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "newsprobe",
        "scan",
        str(crawl),
        "--out",
        str(out),
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--detector",
        detector,
    ]


def run_scan(crawl: Path, out: Path, workers: int, threads: int, n: int, detector: str) -> dict:
    out.unlink(missing_ok=True)
    start = time.perf_counter()
    proc = subprocess.Popen(
        scan_cmd(crawl, out, workers, threads, detector), stderr=subprocess.PIPE, text=True
    )
    peak = _watch(proc)
    seconds = time.perf_counter() - start
    err = proc.stderr.read() if proc.stderr else ""
    if proc.wait() != 0:
        raise SystemExit(f"scan failed: {err}")
    inner = float(re.search(r"in ([\d.]+)s", err).group(1))
    return {
        "workers": workers,
        "threads": threads,
        "n": n,
        "wall_s": seconds,
        "articles_per_s": n / seconds,
        "articles_per_s_after_start": n / inner,
        "peak_rss_mib": peak / 2**20,
    }


def kill_restart(crawl: Path, out: Path, workers: int, threads: int, n: int, detector: str) -> dict:
    import pyarrow.parquet as pq

    out.unlink(missing_ok=True)
    parts = out.with_name(out.name + ".parts")
    cmd = scan_cmd(crawl, out, workers, threads, detector)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)

    def half_done() -> bool:
        files = list(parts.glob("part-*.parquet")) if parts.exists() else []
        return sum(pq.read_metadata(f).num_rows for f in files) >= n // 2

    peak_first = _watch(proc, half_done)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    killed_at = time.perf_counter() - start
    before = sum(pq.read_metadata(f).num_rows for f in parts.glob("part-*.parquet"))
    again = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    peak_restart = _watch(again)
    fin_err = again.stderr.read() if again.stderr else ""
    seconds = time.perf_counter() - start
    ids = pq.read_table(out, columns=["record_id"]).column(0).to_pylist()
    expected = {f"r{i}" for i in range(n)}
    return {
        "killed_after_rows": before,
        "killed_after_s": killed_at,
        "restart_s": seconds - killed_at,
        "restart_rc": again.wait(),
        "peak_rss_mib": max(peak_first, peak_restart) / 2**20,
        "wall_s": seconds,
        "rows": len(ids),
        "unique": len(set(ids)) == len(ids),
        "complete": set(ids) == expected,
        "summary": fin_err.strip().splitlines()[-1] if fin_err.strip() else "",
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data-dir", default="../shared/data", type=Path)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--single", type=int, default=40, help="articles for single-article speed")
    ap.add_argument("--work-dir", type=Path, default=RESULTS / "scan-work")
    ap.add_argument("--single-worker", nargs=3, metavar=("CRAWL", "K", "THREADS"))
    ap.add_argument(
        "--detector",
        default="default",
        help="'default', a detector .json, or 'model-free' (fitted here)",
    )
    ap.add_argument(
        "--only-kill",
        action="store_true",
        help="skip the speed runs; only the kill/restart (1 process)",
    )
    args = ap.parse_args()
    if args.single_worker:
        crawl, k, threads = args.single_worker
        single_worker(crawl, int(k), int(threads), args.detector)
        return
    args.work_dir.mkdir(parents=True, exist_ok=True)
    detector = args.detector
    if detector == "model-free":
        detector = str(model_free_detector(args.data_dir, args.work_dir / "model-free.json"))
    crawl = args.work_dir / "crawl.jsonl"
    build_crawl(args.data_dir, args.n, crawl)
    console = Console(stderr=True)
    console.print(f"crawl of {args.n} articles, {CORES} cores, detector {args.detector}")
    if args.only_kill:
        kill = kill_restart(crawl, args.work_dir / "killed.parquet", 1, CORES, args.n, detector)
        console.print(kill)
        RESULTS.mkdir(exist_ok=True)
        name = f"scan_kill_{args.n}.json"
        (RESULTS / name).write_text(
            json.dumps(
                {
                    "n": args.n,
                    "detector": args.detector,
                    "kill_restart": kill,
                    "date": time.strftime("%Y-%m-%d"),
                },
                indent=2,
            )
        )
        return
    single = {t: run_single(crawl, args.single, t, detector) for t in sorted({1, CORES})}
    console.print(f"single-article: {single}")
    scans = [
        run_scan(crawl, args.work_dir / f"w{w}.parquet", w, CORES // w, args.n, detector)
        for w in (1, CORES)
    ]
    console.print(f"scans: {scans}")
    best = max(scans, key=lambda s: s["articles_per_s"])
    kill = kill_restart(
        crawl, args.work_dir / "killed.parquet", best["workers"], best["threads"], args.n, detector
    )
    ideal = single[1]["articles_per_s"] * CORES
    for s in scans:
        s["ratio_to_single_x_cores"] = s["articles_per_s"] / ideal
        s["ratio_after_start"] = s["articles_per_s_after_start"] / ideal
    result = {
        "n": args.n,
        "cores": CORES,
        "single": single,
        "scans": scans,
        "kill_restart": kill,
        "date": time.strftime("%Y-%m-%d"),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "scan.json").write_text(json.dumps(result, indent=2))

    table = Table(title=f"scan of {args.n} LLMFake articles, {CORES} cores")
    for col in ("run", "articles/s", "after start", "vs single x cores", "peak RSS"):
        table.add_column(col)
    for t, s in single.items():
        table.add_row(f"single article, {t} thread(s)", f"{s['articles_per_s']:.2f}", "-", "-", "-")
    for s in scans:
        table.add_row(
            f"scan {s['workers']} proc x {s['threads']} thr",
            f"{s['articles_per_s']:.2f}",
            f"{s['articles_per_s_after_start']:.2f}",
            f"{s['ratio_to_single_x_cores']:.2f}",
            f"{s['peak_rss_mib']:.0f} MiB",
        )
    Console().print(table)
    Console().print(
        f"kill at {kill['killed_after_rows']} rows + restart: {kill['rows']} rows, "
        f"unique={kill['unique']} complete={kill['complete']}, "
        f"{kill['wall_s']:.0f}s total ({kill['killed_after_s']:.0f}s before the kill, "
        f"{kill['restart_s']:.0f}s restart)"
    )


if __name__ == "__main__":
    main()
