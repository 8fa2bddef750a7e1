"""Human text that is not news: how often the news threshold flags it.

The shipped detector is fitted and calibrated on news, and three of its features
(``burstiness``, ``quotes``, ``numbers``) describe how reporters write. Text of other
genres (encyclopedia articles, paper abstracts, stories, reviews) has fewer quotes and
evener sentences without being machine-written, so its false-positive rate at the news
threshold is measured here, beside the same recipe refitted without those features.

Human texts from ``detectrl_multi_llm.jsonl`` (arXiv abstracts, WritingPrompts stories,
Yelp reviews) and ``open_models_2019_2022.jsonl`` (XSum news, SQuAD Wikipedia,
WritingPrompts stories), ``--n`` of each, seeded. Neither file is in the fit.

Run on demand:  python -m benchmarks.bench_genres [--n 200]
Prints a table and writes benchmarks/results/genres.json.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from benchmarks.bench_quality import STYLE, without_style
from newsprobe.detect.detector import Detector
from newsprobe.eval.data import read_rows
from newsprobe.eval.splits import make_split
from newsprobe.fileio import write_json_atomic

RESULTS = Path(__file__).parent / "results"
FILES = {"detectrl_multi_llm.jsonl": "DetectRL", "open_models_2019_2022.jsonl": "Fast-DetectGPT"}


def human_sets(data_dir: Path, n: int, seed: int) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    for name, label in FILES.items():
        for row in read_rows(data_dir / "detect" / name):
            if row.label == 0:
                sets.setdefault(f"{label} {row.domain}", []).append(row.text)
    rng = random.Random(seed)
    for texts in sets.values():
        rng.shuffle(texts)
    return {k: v[:n] for k, v in sorted(sets.items())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    shipped = Detector.load()
    split = make_split(args.data_dir)
    without = Detector(**without_style(shipped))
    fit_rows = without.feature_rows([r.text for r in split.fit])
    cal_rows = without.feature_rows([r.text for r in split.calibration])
    without.fit(fit_rows, [r.label for r in split.fit], cal_rows)
    detectors = {"shipped": shipped, "same recipe without style features": without}
    report: dict[str, dict] = {}
    for genre, texts in human_sets(Path(args.data_dir), args.n, args.seed).items():
        rows = shipped.feature_rows(texts)
        report[genre] = {"n": len(texts)}
        for name, det in detectors.items():
            p = det.predict_proba_rows(rows)
            p = p[np.isfinite(p)]
            report[genre][name] = float(np.mean(p > det.threshold_)) if p.size else None
    table = Table(title="Human text of other genres flagged at the news threshold (FPR)")
    table.add_column("human texts")
    table.add_column("n", justify="right")
    for name in detectors:
        table.add_column(name, justify="right")
    for genre, row in report.items():
        table.add_row(genre, str(row["n"]), *[f"{row[name]:.3f}" for name in detectors])
    Console().print(table)
    out = {"threshold_fpr_target": shipped.fpr, "style_features": STYLE, "table": report}
    Console().print(f"wrote {write_json_atomic(RESULTS / 'genres.json', out)}")


if __name__ == "__main__":
    main()
