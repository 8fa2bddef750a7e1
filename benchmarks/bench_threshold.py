"""Your own threshold: what ``newsprobe threshold`` buys on human text the shipped one
was not set on.

Run on demand:  python -m benchmarks.bench_threshold [--n 300] [--fpr 0.01 0.05]

The shipped threshold was read on 300 LLMFake human articles (US fact-check sources).
For each human source below, never in the fit or the calibration, the human texts are
split in two halves: the threshold is set on one (as ``newsprobe threshold`` does, with
its 5-fold cross-fitted estimate) and both thresholds are judged on the other, together
with DetectRL's machine news (ChatGPT, Claude-instant, PaLM-2, Llama-2-70B, all nine
evasion variants) where the source is news:

* BBC XSum human news (DetectRL): the news source the detector is judged on;
* DetectRL's arXiv abstracts, stories and reviews: human text of other kinds, the
  "crawl is not only news" case, where no machine text of the same kind is labelled.

Writes benchmarks/results/threshold.json.
"""

from __future__ import annotations

import argparse
import copy
import random
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table

from newsprobe.detect.detector import Detector
from newsprobe.eval.data import read_rows
from newsprobe.eval.metrics import wilson_interval
from newsprobe.eval.thresholds import cross_fitted_flags
from newsprobe.fileio import write_json_atomic

RESULTS = Path(__file__).parent / "results"


def _sources(data: Path, n: int, seed: int) -> tuple[dict[str, list[str]], list[str]]:
    """``{source: 2n human texts}`` and ``n`` machine news texts, seeded."""
    rng = random.Random(seed)
    xsum = read_rows(data / "detect" / "detectrl_xsum_news.jsonl")
    humans = {"BBC news": [r.text for r in xsum if r.label == 0]}
    machines = [r.text for r in xsum if r.label == 1]
    multi = read_rows(data / "detect" / "detectrl_multi_llm.jsonl")
    for domain in ("arxiv", "story", "review"):
        humans[f"{domain} (DetectRL)"] = [
            r.text for r in multi if r.label == 0 and r.domain == domain
        ]
    for texts in (*humans.values(), machines):
        rng.shuffle(texts)
    return {k: v[: 2 * n] for k, v in humans.items()}, machines[:n]


def _rate(p: np.ndarray, t: float) -> tuple[int, int]:
    p = p[np.isfinite(p)]
    return int(np.sum(p > t)), int(p.size)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--n", type=int, default=300, help="human texts per half, per source")
    ap.add_argument("--fpr", type=float, nargs="+", default=[0.01, 0.05])
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    shipped = Detector.load()
    humans, machines = _sources(args.data, args.n, args.seed)
    texts = [t for group in humans.values() for t in group] + machines
    print(f"scoring {len(texts)} texts (cached per text after the first run)")
    rows = shipped.feature_rows(texts)
    feats = dict(zip(texts, rows, strict=True))
    p_of = dict(zip(texts, shipped.predict_proba_rows(rows), strict=True))
    machine_p = np.array([p_of[t] for t in machines])

    results: list[dict[str, Any]] = []
    table = Table(title="threshold set on half of each source, judged on the other half")
    for col in ("source", "fpr", "threshold", "humans flagged", "cross-fitted", "machine caught"):
        table.add_column(col, justify="left" if col == "source" else "right")
    for fpr in args.fpr:
        for name, group in humans.items():
            half = len(group) // 2
            fit, test = group[:half], group[half:]
            det = copy.deepcopy(shipped)
            det.fit_threshold([feats[t] for t in fit], fpr, source=name)
            fit_p = np.array([p_of[t] for t in fit])
            test_p = np.array([p_of[t] for t in test])
            held = cross_fitted_flags(fit_p[np.isfinite(fit_p)], fpr)
            n_fit = int(np.isfinite(fit_p).sum())
            for which, t in (("shipped", shipped.threshold_for(fpr)), ("own", det.threshold_)):
                k, n = _rate(test_p, t)
                row: dict[str, Any] = {
                    "source": name,
                    "fpr": fpr,
                    "threshold": which,
                    "value": t,
                    "flagged": k,
                    "n_human": n,
                    "fpr_test": k / n,
                    "fpr_test_interval": list(wilson_interval(k, n)),
                }
                if which == "own":
                    row["cross_fitted"] = None if held is None else held / n_fit
                if name == "BBC news":
                    caught, n_machine = _rate(machine_p, t)
                    row["tpr_test"] = caught / n_machine
                    row["n_machine"] = n_machine
                results.append(row)
                table.add_row(
                    name if which == "shipped" else "",
                    f"{fpr:g}",
                    f"{which} {t:.3f}",
                    f"{k}/{n} ({k / n:.1%})",
                    "" if row.get("cross_fitted") is None else f"{row['cross_fitted']:.1%}",
                    f"{row['tpr_test']:.1%}" if "tpr_test" in row else "-",
                )
        table.add_section()
    Console().print(table)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "threshold.json"
    write_json_atomic(out, {"n_per_half": args.n, "seed": args.seed, "rows": results})
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
