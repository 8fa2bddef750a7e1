"""Evasion benchmark: machine news attacked at the character level, human news clean.

``--attack homoglyph`` is what RAID calls "homoglyph" + "zero-width space": half of the
Latin letters that have a Cyrillic twin are swapped for it and a zero-width space goes
after every word, so a reader sees the same text and a tokenizer sees garbage.
``--attack typo`` is RAID's "misspelling" / DetectRL's character attack: one lower-case
word in 14 (4+ letters) gets one random edit (two letters swapped, one dropped, added or
replaced), so the language model meets surprising tokens and reads "human". Each
method is measured on the clean and on the attacked machine texts of the same rows:
newsprobe through its ingestion (as ``check`` reads a file), newsprobe's detector on the raw
attacked text (what folding buys), and the peers on the raw text as a user would run them.

Run on demand:  python -m benchmarks.bench_evasion [--data-dir ../shared/data] [--n-test 400]
Prints a table and writes benchmarks/results/evasion.json.
"""

from __future__ import annotations

import argparse
import random
import re
import string
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from benchmarks.peers import PEERS
from newsprobe.detect.detector import Detector
from newsprobe.eval.metrics import auroc, tpr_at_fpr
from newsprobe.eval.splits import make_split
from newsprobe.fileio import write_json_atomic
from newsprobe.ingest import article_from_bytes

RESULTS = Path(__file__).parent / "results"
CYRILLIC = {
    "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і", "j": "ј",
    "s": "ѕ", "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О",
    "P": "Р", "T": "Т", "X": "Х",
}  # fmt: skip
ZWSP = "\u200b"


def attack(text: str, rng: random.Random, share: float = 0.5) -> str:
    """Swap ``share`` of the swappable Latin letters and put a ZWSP after every word."""
    swapped = "".join(
        CYRILLIC[ch] if ch in CYRILLIC and rng.random() < share else ch for ch in text
    )
    return swapped.replace(" ", ZWSP + " ")


def typo_attack(text: str, rng: random.Random, share: float = 0.07) -> str:
    """One random single-letter edit in ``share`` of the lower-case words of 4+ letters."""

    def edit(m: re.Match[str]) -> str:
        w = m.group()
        if rng.random() >= share:
            return w
        i = rng.randrange(1, len(w) - 1)
        kind = rng.choice(("swap", "drop", "add", "replace"))
        letter = rng.choice(string.ascii_lowercase)
        if kind == "swap":
            return w[:i] + w[i + 1] + w[i] + w[i + 2 :]
        if kind == "drop":
            return w[:i] + w[i + 1 :]
        if kind == "add":
            return w[:i] + letter + w[i:]
        return w[:i] + letter + w[i + 1 :]

    return re.sub(r"\b[a-z]{4,}\b", edit, text)


ATTACKS = {"homoglyph": attack, "typo": typo_attack}


def metrics(y: np.ndarray, s: np.ndarray) -> dict[str, float | None]:
    return {
        "auroc": auroc(y, s),
        "tpr@1%": tpr_at_fpr(y, s, 0.01),
        "tpr@5%": tpr_at_fpr(y, s, 0.05),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--n-test", type=int, default=400)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--attack", choices=sorted(ATTACKS), default="homoglyph")
    args = ap.parse_args()
    attack_fn = ATTACKS[args.attack]
    rows = make_split(args.data_dir, n_test=args.n_test).test_xsum
    rng = random.Random(args.seed)
    y = np.array([r.label for r in rows])
    clean = [r.text for r in rows]
    attacked = [attack_fn(t, rng) if label == 1 else t for t, label in zip(clean, y, strict=True)]
    ingested = [article_from_bytes(t.encode("utf-8")).text for t in attacked]
    recovered = float(np.mean([a == b for a, b in zip(ingested, clean, strict=True)]))
    det = Detector.load()

    def ours(texts: list[str]) -> np.ndarray:
        return det.predict_proba_rows(det.feature_rows(texts))

    ours_clean = ours(clean)
    methods = {
        "newsprobe (check: ingest + detector)": (ours_clean, ours(ingested)),
        "newsprobe detector, no normalization": (ours_clean, ours(attacked)),
    }
    for name, fn in PEERS.items():
        methods[name] = (fn(clean), fn(attacked))
    report: dict[str, object] = {
        "n_human": int(np.sum(y == 0)),
        "n_machine": int(np.sum(y == 1)),
        "attack": args.attack,
        "texts_recovered_exactly_by_ingestion": recovered,
        "methods": {},
    }
    table = Table(title=f"DetectRL XSum news: clean vs {args.attack} attack on machine text")
    for col in (
        "method",
        "AUROC clean",
        "AUROC attacked",
        "Δ AUROC",
        "TPR@1% clean",
        "TPR@1% attacked",
    ):
        table.add_column(col, justify="right" if col != "method" else "left")
    for name, (s_clean, s_attacked) in methods.items():
        m_clean, m_att = metrics(y, s_clean), metrics(y, s_attacked)
        report["methods"][name] = {"clean": m_clean, "attacked": m_att}  # type: ignore[index]
        delta = (m_att["auroc"] or 0.0) - (m_clean["auroc"] or 0.0)
        table.add_row(
            name,
            f"{m_clean['auroc']:.3f}",
            f"{m_att['auroc']:.3f}",
            f"{delta:+.3f}",
            f"{m_clean['tpr@1%']:.3f}",
            f"{m_att['tpr@1%']:.3f}",
        )
    console = Console()
    console.print(table)
    console.print(f"ingestion recovered {recovered:.1%} of the texts exactly")
    name = "evasion" if args.attack == "homoglyph" else f"evasion_{args.attack}"
    console.print(f"wrote {write_json_atomic(RESULTS / f'{name}.json', report)}")


if __name__ == "__main__":
    main()
