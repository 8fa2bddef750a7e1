"""Where does detection collapse on short texts? AUROC and TPR@1%/5% FPR by text length.

Run on demand:  python -m benchmarks.bench_length [--per-set 200]
Reads ../shared/data/detect/length/detectrl_length_{20,60,100,200,360}.jsonl (texts cut to
about N words), scores them with the shipped detector and writes results/length.json. The
"too short" cut-off in newsprobe.settings.MIN_TOKENS comes from this table.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from newsprobe.detect.detector import Detector
from newsprobe.eval.data import read_rows, sample
from newsprobe.eval.metrics import auroc, tpr_at_fpr
from newsprobe.eval.splits import make_split
from newsprobe.fileio import write_json_atomic

RESULTS = Path(__file__).parent / "results"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--per-set", type=int, default=200)
    args = ap.parse_args()
    det = Detector.load()
    det.min_tokens = 1  # measure below the cut-off too
    # The length sets are DetectRL texts cut short; drop any that start like a text the
    # shipped detector was fitted on, so the table measures texts it never saw.
    fitted = {_head(r.text) for r in make_split(args.data_dir).fit}
    table = Table(title="shipped detector by text length (DetectRL, all generators/variants)")
    for c in ("words", "median tokens", "n", "dropped (fitted)", "AUROC", "TPR@1%", "TPR@5%"):
        table.add_column(c, justify="right")
    out = []
    for words in (20, 60, 100, 200, 360):
        path = Path(args.data_dir) / "detect" / "length" / f"detectrl_length_{words}.jsonl"
        rows = [r for r in read_rows(path) if _head(r.text) not in fitted]
        n_dropped = sum(1 for _ in path.open()) - len(rows)
        rows = sample(rows, args.per_set, seed=0)
        feats = det.feature_rows([r.text for r in rows])
        p = det.predict_proba_rows(feats)
        y = np.array([r.label for r in rows])
        res = {
            "words": words,
            "median_tokens": float(np.median(det.n_tokens(feats))),
            "n": len(rows),
            "n_dropped_as_fitted": n_dropped,
            "auroc": auroc(y, p),
            "tpr@1%": tpr_at_fpr(y, p, 0.01),
            "tpr@5%": tpr_at_fpr(y, p, 0.05),
        }
        out.append(res)
        table.add_row(*(f"{v:.3f}" if isinstance(v, float) else str(v) for v in res.values()))
    Console().print(table)
    write_json_atomic(RESULTS / "length.json", out)


def _head(text: str) -> str:
    return " ".join(text.split()[:12]).lower()


if __name__ == "__main__":
    main()
