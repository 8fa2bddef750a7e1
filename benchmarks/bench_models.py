"""Default models side by side: every zero-shot scorer over SmolLM2-135M and over
Gemma-3-270m (base), on the same BBC XSum texts, with each model's cost per text.

This is the measurement behind leaving Gemma out of the shipped detector: a second model
earns its ~3x cost only if its statistics see something SmolLM2's do not. It also scores
the cross-model features (``xmodel_*``: per word, SmolLM2's log-probability minus
Gemma's, aligned on characters), each in its pre-registered direction and flipped, and
asks whether they add to SmolLM2's features in a combiner, by cross-validation on the
same texts (in-sample source: BBC humans on both sides of every split, so this is not the
held-out-generator test of ``newsprobe train``).

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

from newsprobe.detect.detector import Detector, _direction
from newsprobe.detect.features import N_TOKENS, FeatureExtractor, feature_matrix
from newsprobe.detect.scorers import pair_scorers
from newsprobe.eval.data import read_rows
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
    ap.add_argument(
        "--texts",
        choices=("chat", "base"),
        default="chat",
        help="chat: DetectRL's BBC XSum (ChatGPT, Claude, PaLM-2, Llama-2); base: the "
        "Fast-DetectGPT XSum news of 2019-2022 base models (GPT-2 ... GPT-NeoX)",
    )
    args = ap.parse_args()
    rng = random.Random(args.seed)
    if args.texts == "chat":
        test = make_split(args.data_dir).test_xsum
    else:
        path = Path(args.data_dir) / "detect" / "open_models_2019_2022.jsonl"
        test = [r for r in read_rows(path) if r.domain == "news"]
    humans = [r for r in test if r.label == 0]
    machines = [r for r in test if r.label == 1]
    rng.shuffle(humans)
    rng.shuffle(machines)
    rows = humans[: args.n] + machines[: args.n]
    texts = [r.text for r in rows]
    y = np.array([r.label for r in rows])
    per_model: dict[str, dict] = {}
    all_stats: dict[str, list] = {}
    merged: list[dict[str, float]] = [{} for _ in texts]
    for model in MODELS:
        extractor = FeatureExtractor([model], max_tokens=args.max_tokens)
        start = time.perf_counter()
        stats = extractor.stats(texts)  # uncached: the cost a user pays per text
        seconds = (time.perf_counter() - start) / len(texts)
        feats = extractor.from_stats(texts, stats)
        all_stats[model] = stats[model]
        for row, f in zip(merged, feats, strict=True):
            row.update(f)
        scorers = {}
        for name in feats[0]:
            if "@" in name and not name.startswith(N_TOKENS):
                s = np.array([f[name] for f in feats]) * _direction(name)
                scorers[name.split("@", 1)[0]] = {
                    "auroc": auroc(y, s),
                    "tpr@1%": tpr_at_fpr(y, s, 0.01),
                }
        per_model[model] = {"seconds_per_text": seconds, "scorers": scorers}
    which = "DetectRL" if args.texts == "chat" else "2019-2022 base models"
    table = Table(title=f"Zero-shot scorers per model, BBC XSum, {which} ({args.n} + {args.n})")
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
    table.add_row("seconds per text", *[f"{per_model[m]['seconds_per_text']:.2f}" for m in MODELS])
    console = Console()
    console.print(table)
    cross = _cross_scorers(texts, y, all_stats, args.max_tokens, merged)
    console.print(_cross_table(cross))
    combined = _combined(rows, y, merged, args.seed)
    console.print(_combined_table(combined, args.n))
    report = {"n_human": args.n, "n_machine": args.n, "max_tokens": args.max_tokens}
    report["models"] = per_model
    report["cross_model"] = cross
    report["combined_cv"] = combined
    out = RESULTS / ("models.json" if args.texts == "chat" else "models_base.json")
    console.print(f"wrote {write_json_atomic(out, report)}")


def _cross_scorers(
    texts: list[str], y: np.ndarray, stats: dict[str, list], max_tokens: int, merged: list[dict]
) -> dict[str, dict]:
    """AUROC / TPR@1% of each cross-model scorer, in its pre-registered direction and
    flipped; the values also go into ``merged`` for the combiner check."""
    out = {}
    for scorer in pair_scorers(MODELS):
        pairs = zip(stats[scorer.model], stats[scorer.reference], texts, strict=True)
        values = np.array(
            [scorer.score_pair(a.head(max_tokens), b.head(max_tokens), t) for a, b, t in pairs]
        )
        for row, v in zip(merged, values, strict=True):
            row[scorer.name] = float(v)
        s = scorer.oriented(values)
        out[scorer.kind] = {
            "direction": scorer.direction,
            "auroc": auroc(y, s),
            "tpr@1%": tpr_at_fpr(y, s, 0.01),
            "flipped_auroc": auroc(y, -s),
            "flipped_tpr@1%": tpr_at_fpr(y, -s, 0.01),
        }
    return out


def _cross_table(cross: dict[str, dict]) -> Table:
    table = Table(title=f"Cross-model scorers, per word: {MODELS[0]} minus {MODELS[1]}")
    for col in ("scorer", "direction", "AUROC / TPR@1%", "flipped AUROC / TPR@1%"):
        table.add_column(col, justify="left" if col == "scorer" else "right")
    for kind, r in cross.items():
        table.add_row(
            kind,
            "higher = machine" if r["direction"] > 0 else "lower = machine",
            f"{r['auroc']:.3f} / {r['tpr@1%']:.2f}",
            f"{r['flipped_auroc']:.3f} / {r['flipped_tpr@1%']:.2f}",
        )
    return table


def _feature_sets() -> dict[str, list[str]]:
    """Oriented feature columns: SmolLM2's (with the text scorers, as the shipped detector
    has them), Gemma's own scorers, and the cross-model ones."""
    smol = Detector(models=MODELS[:1]).candidate_features()
    both = Detector(models=MODELS).candidate_features()
    cross = [n for n in both if n.startswith("xmodel_")]
    gemma = [n for n in both if n.endswith(f"@{MODELS[1]}")]
    return {
        "SmolLM2": smol,
        "SmolLM2 + cross": smol + cross,
        "SmolLM2 + Gemma": smol + gemma,
        "SmolLM2 + Gemma + cross": smol + gemma + cross,
    }


def _combined(rows: list, y: np.ndarray, merged: list[dict], seed: int) -> dict[str, dict]:
    """Out-of-fold AUROC / TPR@1% of two combiners over each feature set.

    "5-fold": stratified folds over all texts. "leave-generator-out": each fold tests one
    generator's machine texts (every variant) and a share of the humans, trained on the
    other generators' texts and the other humans. BBC humans are in every fit.
    """
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    gens = sorted({r.generator for r in rows if r.label == 1})
    human_fold = np.random.default_rng(seed).permutation(int((y == 0).sum())) % len(gens)
    group = np.empty(len(rows), dtype=int)
    group[y == 0] = human_fold
    group[y == 1] = [gens.index(r.generator) for r in rows if r.label == 1]
    kfold = list(StratifiedKFold(5, shuffle=True, random_state=seed).split(merged, y))
    splits = {
        "5-fold": kfold,
        "leave-generator-out": [
            (np.flatnonzero(group != g), np.flatnonzero(group == g)) for g in range(len(gens))
        ],
    }

    def logistic(n: int):
        return make_pipeline(
            SimpleImputer(strategy="median"),
            StandardScaler(),
            LogisticRegression(C=0.1, class_weight="balanced", max_iter=2000),
        )

    def boosted(n: int):
        return HistGradientBoostingClassifier(
            max_iter=100,
            max_depth=2,
            learning_rate=0.05,
            l2_regularization=1.0,
            monotonic_cst=[1] * n,
            class_weight="balanced",
            early_stopping=False,
            random_state=0,
        )

    out: dict[str, dict] = {}
    for set_name, names in _feature_sets().items():
        X = feature_matrix(merged, names) * np.array([_direction(n) for n in names])
        for comb_name, make in (("logistic", logistic), ("boosted", boosted)):
            for split_name, folds in splits.items():
                p = np.full(len(y), np.nan)
                per_fold = []
                for train, test in folds:
                    model = make(len(names)).fit(X[train], y[train])
                    p[test] = model.predict_proba(X[test])[:, 1]
                    per_fold.append(auroc(y[test], p[test]))
                out.setdefault(set_name, {})[f"{comb_name} {split_name}"] = {
                    "n_features": len(names),
                    "auroc": auroc(y, p),
                    "tpr@1%": tpr_at_fpr(y, p, 0.01),
                    "mean_fold_auroc": float(np.mean(per_fold)),
                }
    return out


def _combined_table(combined: dict[str, dict], n: int) -> Table:
    table = Table(
        title=f"Combiners over feature sets, cross-validated on the same {n} + {n} BBC texts "
        "(in-sample source: BBC humans in every fit; not held-out generators)"
    )
    table.add_column("features")
    columns = list(next(iter(combined.values())))
    for col in columns:
        suffix = "mean AUROC per generator" if "generator" in col else "AUROC / TPR@1%"
        table.add_column(f"{col}\n{suffix}", justify="right")
    for set_name, res in combined.items():
        cells = []
        for col in columns:
            r = res[col]
            if "generator" in col:
                cells.append(f"{r['mean_fold_auroc']:.3f}")
            else:
                cells.append(f"{r['auroc']:.3f} / {r['tpr@1%']:.2f}")
        table.add_row(f"{set_name} ({res[columns[0]]['n_features']})", *cells)
    return table


if __name__ == "__main__":
    main()
