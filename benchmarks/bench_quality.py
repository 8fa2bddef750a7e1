"""Quality benchmark: the calibrated detector, each zero-shot scorer and the peers, side by
side, per generator, on BBC XSum news (DetectRL) -- a source never fitted on.

The newsprobe row for generator G comes from the shipped recipe refitted without G's whole
family (``newsprobe.eval.splits.FAMILIES``), so every number in that row is measured on a
generator and a source the model never saw. The shipped detector (fitted on all families)
is listed too, marked "generators seen".

Run on demand (not in CI):  python -m benchmarks.bench_quality [--data-dir ../shared/data]
Prints one table per metric and writes benchmarks/results/quality.json.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from benchmarks.peers import PEERS
from newsprobe.detect.detector import Detector, _direction
from newsprobe.detect.tells import TELL_KINDS, find_tells
from newsprobe.eval.metrics import auroc, fpr_at, tpr_at, tpr_at_fpr
from newsprobe.eval.splits import FAMILIES, Split, make_split
from newsprobe.fileio import write_json_atomic

RESULTS = Path(__file__).parent / "results"
HELD_OUT = "newsprobe (family held out)"
SHIPPED = "newsprobe shipped (generators seen)"
#: The marks of reporting; bench_quality also refits the recipe without them.
STYLE = ("burstiness", "quotes", "numbers")
#: The newest kind of tell, written after reading PaLM-2's missed texts; refitted without it.
MARKDOWN = "markdown heading"
WITHOUT_MARKDOWN = f"{HELD_OUT[:-1]}, without the {MARKDOWN} tell)"


def metrics(y: np.ndarray, s: np.ndarray, threshold: float | None = None) -> dict:
    out = {
        "auroc": auroc(y, s),
        "tpr@1%": tpr_at_fpr(y, s, 0.01),
        "tpr@5%": tpr_at_fpr(y, s, 0.05),
        "n_machine": int(np.sum(y == 1)),
        "n_human": int(np.sum(y == 0)),
    }
    if threshold is not None:
        out["tpr@threshold"] = tpr_at(y, s, threshold)
        out["fpr@threshold"] = fpr_at(y, s, threshold)
    return out


def by_variant(
    y: np.ndarray, gens: np.ndarray, variants: np.ndarray, per_generator: dict[str, np.ndarray]
) -> dict[str, dict]:
    """Per evasion variant: each generator's variant texts against all humans, averaged over
    generators (``per_generator[g]`` scores every row; a held-out detector differs per g)."""
    out = {}
    for v in sorted(set(variants[y == 1].tolist())):
        per = []
        for g, s in per_generator.items():
            pick = (y == 0) | ((gens == g) & (variants == v))
            per.append(metrics(y[pick], s[pick]))
        out[v] = {k: float(np.mean([m[k] for m in per])) for k in ("auroc", "tpr@1%", "tpr@5%")}
    return out


def without_style(det: Detector) -> dict:
    """``det``'s parameters with every scorer kind it uses but the marks of reporting."""
    kinds = dict.fromkeys(n.split("@", 1)[0] for n in det.candidate_features())
    return {**det.get_params(), "features": tuple(k for k in kinds if k not in STYLE)}


def ablations(det: Detector) -> dict[str, dict]:
    """The shipped recipe and the same recipe without one of its parts, each refitted per
    held-out family: what each part adds on generators the fit never saw."""
    params = det.get_params()
    return {
        HELD_OUT: params,
        f"{HELD_OUT[:-1]}, tells rule off)": {**params, "tells": False},
        f"{HELD_OUT[:-1]}, without {'/'.join(STYLE)})": without_style(det),
        WITHOUT_MARKDOWN: params,
    }


def without_tell_kind(rows: list[dict], texts: list[str], kind: str) -> list[dict]:
    """Feature rows whose ``tells`` count leaves out one kind of tell: the rule as it was
    before that kind joined it (the fitted features do not change)."""
    others = [k for k in TELL_KINDS if k != kind]
    return [
        {**row, "tells": float(len(find_tells(text, others)))}
        for row, text in zip(rows, texts, strict=True)
    ]


def run(det: Detector, split: Split) -> tuple[dict[str, dict], dict[str, dict]]:
    rows = split.test_xsum
    texts = [r.text for r in rows]
    y = np.array([r.label for r in rows])
    gens = np.array([r.generator for r in rows])
    variants = np.array([r.variant for r in rows])
    feats = det.feature_rows(texts)
    cal = det.feature_rows([r.text for r in split.calibration])

    scores: dict[str, np.ndarray] = {SHIPPED: det.predict_proba_rows(feats)}
    for name in feats[0]:
        if not name.startswith("n_tokens"):
            scores[name] = np.array([f[name] for f in feats]) * _direction(name)
    for peer, fn in PEERS.items():
        start = time.perf_counter()
        scores[peer] = fn(texts)
        print(f"{peer}: {(time.perf_counter() - start) / len(texts):.3f} s/text")

    fit_texts = [r.text for r in split.fit]
    fit_rows = dict(zip(fit_texts, det.feature_rows(fit_texts), strict=True))
    cal_texts = [r.text for r in split.calibration]
    # (fit rows by text, calibration rows, test rows) per ablation; all but one share them.
    shared = (fit_rows, cal, feats)
    keys = list(fit_rows)
    plain = (
        dict(zip(keys, without_tell_kind(list(fit_rows.values()), keys, MARKDOWN), strict=True)),
        without_tell_kind(cal, cal_texts, MARKDOWN),
        without_tell_kind(feats, texts, MARKDOWN),
    )
    table: dict[str, dict] = {}
    held_scores: dict[str, np.ndarray] = {}
    for method, params in ablations(det).items():
        by_text, cal_rows, test_rows = plain if method == WITHOUT_MARKDOWN else shared
        table[method] = {}
        for g in FAMILIES:
            fit = split.fit_without(g)
            held = Detector(**params)
            held.fit([by_text[r.text] for r in fit], [r.label for r in fit], cal_rows)
            p = held.predict_proba_rows(test_rows)
            if method == HELD_OUT:
                held_scores[g] = p
            pick = (y == 0) | (gens == g)
            table[method][g] = metrics(y[pick], p[pick], held.threshold_)
    for method, s in scores.items():
        threshold = det.threshold_ if method == SHIPPED else None
        table[method] = {
            g: metrics(y[(y == 0) | (gens == g)], s[(y == 0) | (gens == g)], threshold)
            for g in FAMILIES
        }
    for per in table.values():
        per["mean"] = {
            k: float(np.mean([per[g][k] for g in FAMILIES if per[g][k] is not None]))
            for k in ("auroc", "tpr@1%", "tpr@5%")
        }
    variant_table = {HELD_OUT: by_variant(y, gens, variants, held_scores)}
    best_scorer = max(
        (m for m in scores if m != SHIPPED and m not in PEERS),
        key=lambda m: table[m]["mean"]["auroc"],
    )
    for method in (*PEERS, best_scorer):
        variant_table[method] = by_variant(
            y, gens, variants, dict.fromkeys(FAMILIES, scores[method])
        )
    return table, variant_table


def show_variants(variant_table: dict[str, dict], console: Console) -> None:
    methods = list(variant_table)
    t = Table(title="Per evasion variant, mean over generators: AUROC / TPR@1%")
    t.add_column("variant")
    for m in methods:
        t.add_column(m, justify="right")
    for v in variant_table[HELD_OUT]:
        t.add_row(
            v,
            *[
                f"{variant_table[m][v]['auroc']:.3f} / {variant_table[m][v]['tpr@1%']:.2f}"
                for m in methods
            ],
        )
    console.print(t)


def show(table: dict[str, dict], metric: str, console: Console) -> None:
    groups = [*FAMILIES, "mean"]
    t = Table(title=f"BBC XSum news, per generator: {metric}")
    t.add_column("method")
    for g in groups:
        t.add_column(g, justify="right")
    for m, per in table.items():
        t.add_row(
            m, *[f"{per[g][metric]:.3f}" if per[g][metric] is not None else "-" for g in groups]
        )
    console.print(t)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--detector", default=None, help="fitted detector .json (default: shipped)")
    ap.add_argument("--n-test", type=int, default=1200, help="XSum rows, half human")
    args = ap.parse_args()
    det = Detector.load(args.detector)
    split = make_split(args.data_dir, n_test=args.n_test)
    console = Console()
    table, variant_table = run(det, split)
    for metric in ("auroc", "tpr@1%", "tpr@5%"):
        show(table, metric, console)
    show_variants(variant_table, console)
    report = {
        "detector": det.to_dict()["provenance"],
        "params": det.get_params(),
        "set": "BBC XSum news (DetectRL), all evasion variants",
        "table": table,
        "by_variant": variant_table,
    }
    console.print(f"wrote {write_json_atomic(RESULTS / 'quality.json', report)}")


if __name__ == "__main__":
    main()
