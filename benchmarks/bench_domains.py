"""Per domain and per generator: the shipped detector beside the peers, on a second data set.

``bench_quality`` judges newsprobe on BBC news from four chat models. This benchmark asks
the other question our users ask: how does it do on text that is not news, and on
generators of another kind? It reads the Fast-DetectGPT paper's data
(``open_models_2019_2022.jsonl``): human news (BBC XSum), Wikipedia (SQuAD) and stories
(WritingPrompts) against GPT-2-XL, OPT-2.7B, GPT-Neo-2.7B, GPT-J-6B and GPT-NeoX-20B.
None of these texts and none of these generators is in the fit. Each machine text
continues its human text's first ~30 tokens, so a quarter of the detector's 128-token
window is human-written: a splice at the start, and a hard case for any detector.

For each (domain, generator): AUROC and TPR at 1% / 5% FPR against that domain's own
humans (what a threshold set on the domain could reach), and the TPR / FPR at the shipped
news threshold (what ``newsprobe check`` gives today). ZipPy, lmscan and the best single
scorer in the same run, on the same normalized texts.

Run on demand:  python -m benchmarks.bench_domains [--n-machine 60] [--n-human 300]
Prints one table per metric and writes benchmarks/results/domains.json.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from benchmarks.bench_quality import metrics
from benchmarks.peers import PEERS
from newsprobe.detect.detector import Detector, _direction
from newsprobe.eval.data import Row, read_rows
from newsprobe.eval.metrics import auroc
from newsprobe.fileio import write_json_atomic

RESULTS = Path(__file__).parent / "results"
FILE = "open_models_2019_2022.jsonl"
NEWSPROBE = "newsprobe (shipped)"


def pick_rows(data_dir: Path, n_machine: int, n_human: int, seed: int) -> list[Row]:
    """``n_human`` humans per domain and ``n_machine`` texts per (domain, generator)."""
    groups: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in read_rows(data_dir / "detect" / FILE):
        groups[(row.domain, row.generator)].append(row)
    rng = random.Random(seed)
    picked: list[Row] = []
    for key in sorted(groups):
        rows = groups[key]
        rng.shuffle(rows)
        picked.extend(rows[: n_human if key[1] == "human" else n_machine])
    return picked


def per_cell(
    rows: list[Row], scores: dict[str, np.ndarray], thresholds: dict[str, float | None]
) -> dict[str, dict[str, dict[str, dict]]]:
    """``table[method][domain][generator]``: each generator's texts against the domain's
    humans, plus ``"all"`` (every generator of the domain) and ``"mean"`` over generators."""
    y = np.array([r.label for r in rows])
    domains = np.array([r.domain for r in rows])
    gens = np.array([r.generator for r in rows])
    table: dict[str, dict[str, dict[str, dict]]] = {}
    for method, s in scores.items():
        table[method] = {}
        for d in sorted(set(domains.tolist())):
            cells: dict[str, dict] = {}
            mine = (domains == d) & np.isfinite(s)
            for g in sorted(set(gens[mine & (y == 1)].tolist())):
                pick = mine & ((y == 0) | (gens == g))
                cells[g] = metrics(y[pick], s[pick], thresholds.get(method))
            cells["all"] = metrics(y[mine], s[mine], thresholds.get(method))
            per_gen = [c for g, c in cells.items() if g != "all"]
            cells["mean"] = {
                k: float(np.mean([c[k] for c in per_gen if c[k] is not None]))
                for k in ("auroc", "tpr@1%", "tpr@5%")
            }
            table[method][d] = cells
    return table


def show(table: dict, metric: str, console: Console) -> None:
    methods = list(table)
    domains = list(table[methods[0]])
    for d in domains:
        gens = [g for g in table[methods[0]][d] if g not in ("all", "mean")]
        t = Table(title=f"{d}: {metric} per generator (against {d} humans)")
        t.add_column("method")
        for g in [*gens, "mean"]:
            t.add_column(g, justify="right")
        for m in methods:
            cells = table[m][d]
            t.add_row(
                m,
                *[
                    f"{cells[g][metric]:.3f}" if cells[g].get(metric) is not None else "-"
                    for g in [*gens, "mean"]
                ],
            )
        console.print(t)


def show_threshold(table: dict, console: Console) -> None:
    t = Table(title=f"{NEWSPROBE} at its news threshold: FPR on the domain's humans / TPR")
    t.add_column("domain")
    t.add_column("FPR", justify="right")
    t.add_column("TPR (all generators)", justify="right")
    for d, cells in table[NEWSPROBE].items():
        t.add_row(d, f"{cells['all']['fpr@threshold']:.3f}", f"{cells['all']['tpr@threshold']:.3f}")
    console.print(t)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--detector", default=None, help="fitted detector .json (default: shipped)")
    ap.add_argument("--n-machine", type=int, default=60, help="texts per domain and generator")
    ap.add_argument("--n-human", type=int, default=300, help="human texts per domain")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    det = Detector.load(args.detector)
    rows = pick_rows(Path(args.data_dir), args.n_machine, args.n_human, args.seed)
    texts = [r.text for r in rows]
    y = np.array([r.label for r in rows])
    console = Console()
    start = time.perf_counter()
    feats = det.feature_rows(texts)
    console.print(f"features: {len(texts)} texts in {time.perf_counter() - start:.0f} s")
    scores: dict[str, np.ndarray] = {NEWSPROBE: det.predict_proba_rows(feats)}
    singles = {
        name: np.array([f.get(name, np.nan) for f in feats]) * _direction(name)
        for name in det.feature_names_
    }
    best = max(
        singles,
        key=lambda n: auroc(y[np.isfinite(singles[n])], singles[n][np.isfinite(singles[n])]),
    )
    scores[f"best single scorer over all rows: {best}"] = singles[best]
    for peer, fn in PEERS.items():
        scores[peer] = fn(texts)
    table = per_cell(rows, scores, {NEWSPROBE: det.threshold_})
    for metric in ("auroc", "tpr@1%", "tpr@5%"):
        show(table, metric, console)
    show_threshold(table, console)
    report = {
        "detector": det.to_dict()["provenance"],
        "set": f"{FILE}: news (BBC XSum), wiki (SQuAD), story (WritingPrompts)",
        "n_machine_per_cell": args.n_machine,
        "n_human_per_domain": args.n_human,
        "table": table,
    }
    console.print(f"wrote {write_json_atomic(RESULTS / 'domains.json', report)}")


if __name__ == "__main__":
    main()
