"""Default models side by side: every zero-shot scorer over SmolLM2-135M and over
Gemma-3-270m (base), on the same BBC XSum texts, with each model's cost per text.

This is the measurement behind leaving Gemma out of the shipped detector: a second model
earns its ~3x cost only if its statistics see something SmolLM2's do not.

Run on demand:  python -m benchmarks.bench_models [--n 150] [--max-tokens 128]
(``--n`` humans and ``--n`` machine texts over all generators and variants, seeded).
Prints a table and writes benchmarks/results/models.json.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from newsprobe.detect.detector import _direction
from newsprobe.detect.features import N_TOKENS, FeatureExtractor
from newsprobe.eval.metrics import auroc, tpr_at_fpr
from newsprobe.eval.splits import make_split
from newsprobe.fileio import write_json_atomic

RESULTS = Path(__file__).parent / "results"
MODELS = ("smollm2-135m", "gemma3-270m")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--max-tokens", type=int, default=128)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    test = make_split(args.data_dir).test_xsum
    humans = [r for r in test if r.label == 0]
    machines = [r for r in test if r.label == 1]
    rng.shuffle(humans)
    rng.shuffle(machines)
    rows = humans[: args.n] + machines[: args.n]
    texts = [r.text for r in rows]
    y = np.array([r.label for r in rows])
    per_model: dict[str, dict] = {}
    for model in MODELS:
        extractor = FeatureExtractor([model], max_tokens=args.max_tokens)
        start = time.perf_counter()
        stats = extractor.stats(texts)  # uncached: the cost a user pays per text
        seconds = (time.perf_counter() - start) / len(texts)
        feats = extractor.from_stats(texts, stats)
        scorers = {}
        for name in feats[0]:
            if "@" in name and not name.startswith(N_TOKENS):
                s = np.array([f[name] for f in feats]) * _direction(name)
                scorers[name.split("@", 1)[0]] = {
                    "auroc": auroc(y, s),
                    "tpr@1%": tpr_at_fpr(y, s, 0.01),
                }
        per_model[model] = {"seconds_per_text": seconds, "scorers": scorers}
    table = Table(title=f"Zero-shot scorers per model, BBC XSum ({args.n} + {args.n} texts)")
    table.add_column("scorer")
    for model in MODELS:
        table.add_column(f"{model} AUROC / TPR@1%", justify="right")
    for kind in per_model[MODELS[0]]["scorers"]:
        table.add_row(
            kind,
            *[
                f"{per_model[m]['scorers'][kind]['auroc']:.3f} / "
                f"{per_model[m]['scorers'][kind]['tpr@1%']:.2f}"
                for m in MODELS
            ],
        )
    table.add_row(
        "seconds per text", *[f"{per_model[m]['seconds_per_text']:.2f}" for m in MODELS]
    )
    console = Console()
    console.print(table)
    report = {"n_human": args.n, "n_machine": args.n, "max_tokens": args.max_tokens}
    report["models"] = per_model
    console.print(f"wrote {write_json_atomic(RESULTS / 'models.json', report)}")


if __name__ == "__main__":
    main()
