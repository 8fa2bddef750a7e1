"""Speed benchmark: the default detector against ZipPy, in the same run, on the same texts.

Run on demand:  python -m benchmarks.bench_speed [--n 40]
Each configuration runs in its own process (so peak RSS is its own), after a warm-up that
loads the models: articles/s, tokens/s and peak RSS, for ~128/256/512/1024-token articles
at the detector's own window (window 0 in the table), and ~512-token articles scored whole
(a wider window colours every sentence; the verdict is the same). Each newsprobe row runs
on PyTorch ("newsprobe") and on ONNX Runtime ("newsprobe-onnx", ``--runtime onnx``; the
graph is exported into the cache before the timing); ``--runtimes torch`` keeps one.
Writes benchmarks/results/speed.json.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

RESULTS = Path(__file__).parent / "results"


def articles(data_dir: str, n: int, target_tokens: int) -> list[str]:
    """Human XSum news joined into articles of about ``target_tokens`` tokens (~0.75 w/tok)."""
    lines = (Path(data_dir) / "detect" / "detectrl_xsum_news.jsonl").read_text().splitlines()
    rows = [json.loads(x) for x in lines]
    words = " ".join(r["text"] for r in rows if r["label"] == "human").split()
    per = int(target_tokens * 0.75)
    return [" ".join(words[i * per : (i + 1) * per]) for i in range(n)]


def worker(engine: str, data_dir: str, n: int, tokens: int, window: int, repeats: int) -> dict:
    texts = articles(data_dir, n, tokens)
    if engine == "zippy":
        from benchmarks.peers import zippy_scores

        def run(batch: list[str]) -> int:
            zippy_scores(batch)
            return 0
    else:
        from newsprobe.article import Article
        from newsprobe.pipeline import check_articles, load_detector
        from newsprobe.settings import DetectOptions

        runtime = "onnx" if engine == "newsprobe-onnx" else "torch"
        options = DetectOptions(max_tokens=window or None, runtime=runtime)
        det = load_detector(None, options)

        def run(batch: list[str]) -> int:
            done = check_articles([Article(text=t) for t in batch], det, options)
            # Tokens through the model (the verdict reads the first 128 of them).
            return sum(len(st) + 1 for a in done for st in a.token_stats.values())

    run(texts[:2])  # warm-up: loads models, first-call overheads
    times, tokens_scored = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        tokens_scored = run(texts)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    return {
        "engine": engine,
        "article_tokens": tokens,
        "window": window,
        "n": n,
        "seconds_median": median,
        "articles_per_s": n / median,
        "tokens_per_s": tokens_scored / median if tokens_scored else None,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--n", type=int, default=32)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--runtimes", default="torch,onnx", help="torch, onnx or both")
    ap.add_argument("--worker", nargs=3, metavar=("ENGINE", "TOKENS", "WINDOW"))
    args = ap.parse_args()
    if args.worker:
        engine, tokens, window = args.worker[0], int(args.worker[1]), int(args.worker[2])
        res = worker(engine, args.data_dir, args.n, tokens, window, args.repeats)
        print(json.dumps(res))
        return
    engines = {"torch": "newsprobe", "onnx": "newsprobe-onnx"}
    configs = [("zippy", 512, 0)]
    for runtime in args.runtimes.split(","):
        engine = engines[runtime.strip()]
        configs += [(engine, t, 0) for t in (128, 256, 512, 1024)]
        configs += [(engine, 512, 256), (engine, 512, 512)]
    results = []
    for engine, tokens, window in configs:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "benchmarks.bench_speed",
                "--data-dir",
                args.data_dir,
                "--n",
                str(args.n),
                "--repeats",
                str(args.repeats),
                "--worker",
                engine,
                str(tokens),
                str(window),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        print(results[-1], flush=True)
    zippy = next(r for r in results if r["engine"] == "zippy")
    table = Table(title=f"speed on this machine ({args.n} articles, median of {args.repeats})")
    for c in (
        "engine",
        "article tokens",
        "window",
        "articles/s",
        "tokens/s",
        "peak RSS MiB",
        "x ZipPy time",
    ):
        table.add_column(c, justify="right")
    for r in results:
        ratio = zippy["articles_per_s"] / r["articles_per_s"]
        table.add_row(
            r["engine"],
            str(r["article_tokens"]),
            str(r["window"] or "detector's"),
            f"{r['articles_per_s']:.2f}",
            f"{r['tokens_per_s']:.0f}" if r["tokens_per_s"] else "-",
            f"{r['peak_rss_mib']:.0f}",
            f"{ratio:.1f}",
        )
    Console().print(table)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "speed.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
