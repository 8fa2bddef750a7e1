"""Quality benchmark: each zero-shot scorer, the calibrated detector and the peers, side by
side, per generator, on generators and human sources the shipped detector was not fitted on.

Run on demand (not in CI):  python -m benchmarks.bench_quality [--data-dir ../shared/data]
Prints one table per held-out set and writes benchmarks/results/quality.json.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from benchmarks.peers import PEERS
from newsprobe.detect.detector import Detector, _direction
from newsprobe.eval.data import Row
from newsprobe.eval.metrics import auroc, tpr_at_fpr
from newsprobe.eval.splits import make_split

RESULTS = Path(__file__).parent / "results"


def method_scores(det: Detector, rows: list[Row]) -> dict[str, np.ndarray]:
    texts = [r.text for r in rows]
    feats = det.feature_rows(texts)
    out: dict[str, np.ndarray] = {"newsprobe (calibrated)": det.predict_proba_rows(feats)}
    for name in feats[0]:
        if name.startswith("n_tokens"):
            continue
        out[name] = np.array([f[name] for f in feats]) * _direction(name)
    for peer, fn in PEERS.items():
        start = time.perf_counter()
        out[peer] = fn(texts)
        print(f"{peer}: {(time.perf_counter() - start) / len(texts):.3f} s/text")
    return out


def per_generator(rows: list[Row], scores: dict[str, np.ndarray]) -> dict[str, dict]:
    y = np.array([r.label for r in rows])
    gens = np.array([r.generator for r in rows])
    groups = {"all": np.ones(len(rows), bool)}
    for g in sorted(set(gens[y == 1].tolist())):
        groups[g] = (y == 0) | (gens == g)
    table: dict[str, dict] = {}
    for method, s in scores.items():
        table[method] = {
            g: {
                "auroc": auroc(y[m], s[m]),
                "tpr@1%": tpr_at_fpr(y[m], s[m], 0.01),
                "tpr@5%": tpr_at_fpr(y[m], s[m], 0.05),
                "n_machine": int(np.sum(y[m] == 1)),
            }
            for g, m in groups.items()
        }
    return table


def show(title: str, table: dict[str, dict], metric: str, console: Console) -> None:
    methods = list(table)
    groups = list(table[methods[0]])
    t = Table(title=f"{title}: {metric}")
    t.add_column("method")
    for g in groups:
        t.add_column(g, justify="right")
    for m in methods:
        t.add_row(
            m,
            *[
                f"{table[m][g][metric]:.3f}" if table[m][g][metric] is not None else "-"
                for g in groups
            ],
        )
    console.print(t)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--detector", default=None, help="fitted detector .json (default: shipped)")
    ap.add_argument("--n-test", type=int, default=800)
    args = ap.parse_args()
    det = Detector.load(args.detector)
    split = make_split(args.data_dir, n_test=args.n_test)
    console = Console()
    report = {"detector": det.to_dict()["provenance"], "sets": {}}
    for name, rows in (
        ("DetectRL XSum news", split.test_xsum),
        ("LLMFake news, unseen generators", split.test_llmfake),
    ):
        table = per_generator(rows, method_scores(det, rows))
        report["sets"][name] = table
        for metric in ("auroc", "tpr@1%", "tpr@5%"):
            show(name, table, metric, console)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "quality.json"
    out.write_text(json.dumps(report, indent=1))
    console.print(f"wrote {out}")


if __name__ == "__main__":
    main()
