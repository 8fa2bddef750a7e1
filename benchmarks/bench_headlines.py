"""Does a headline over a story move its verdict? Stories scored with and without one.

Run on demand:  python -m benchmarks.bench_headlines [--n 150]

A pasted story, a saved page and a Markdown file open with their headline, while the
detector was fitted and calibrated on stories without one, and a content farm puts a
human-looking headline over a machine-written story. This takes BBC XSum news from the
held-out test split (human, and machine from each generator, none seen in the fit) and
reads each story three ways, as ``newsprobe check`` reads a text file:

* ``no headline``: the story alone (what the benchmarks score);
* ``headline read``: a headline line above it, read by the verdict as part of the text
  (how every story with a headline was read before ``Article.body_start``);
* ``headline skipped``: the same text as ``check`` reads it now: the headline found
  (``plain_headline``), shown as the title, and the verdict reading the story under it.

The headlines are PolitiFact statements from LIAR's test split (6-14 words, the final full
stop dropped): short, human-written lines on news topics, the same ones over human and
machine stories. Reports AUROC, TPR at 1% and 5% FPR (read on these humans), and the share
flagged at the shipped threshold. Writes benchmarks/results/headlines.json.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from newsprobe.eval.data import sample
from newsprobe.eval.metrics import auroc, tpr_at_fpr
from newsprobe.eval.splits import make_split
from newsprobe.fileio import write_json_atomic
from newsprobe.ingest.text import article_from_text
from newsprobe.pipeline import check_articles, load_detector
from newsprobe.settings import DetectOptions

RESULTS = Path(__file__).parent / "results"


def headlines(data_dir: Path) -> list[str]:
    rows = (json.loads(line) for line in (data_dir / "factcheck" / "liar_test.jsonl").open())
    claims = (re.sub(r"\.$", "", r["claim"].strip()) for r in rows)
    return [c for c in claims if 6 <= len(c.split()) <= 14 and "\n" not in c]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--n", type=int, default=150, help="stories per class")
    args = ap.parse_args()
    data = Path(args.data_dir)
    rows = make_split(data).test_xsum
    humans = sample([r for r in rows if r.label == 0], args.n, seed=0)
    machines = sample([r for r in rows if r.label == 1], args.n, seed=0)
    stories = humans + machines
    heads = headlines(data)[: len(stories)]
    y = np.array([r.label for r in stories])
    det = load_detector()
    det.extractor.cache_all = True  # a rerun reads only stories it has not read
    options = DetectOptions(sentences=False)

    def read(texts: list[str], keep_title: bool) -> tuple[np.ndarray, float]:
        articles = [article_from_text(t) for t in texts]
        found = float(np.mean([a.title is not None for a in articles]))
        if not keep_title:
            for a in articles:
                a.title = None  # the headline is then read as part of the story
        check_articles(articles, det, options)
        return np.array([a.verdict.machine_probability for a in articles], dtype=float), found

    with_head = [f"{h}\n\n{r.text}" for h, r in zip(heads, stories, strict=True)]
    ways = {
        "no headline": read([r.text for r in stories], True),
        "headline read": read(with_head, False),
        "headline skipped": read(with_head, True),
    }
    table = Table(title=f"headlines over held-out XSum stories ({args.n} human, {args.n} machine)")
    for col in ("read as", "headline found", "AUROC", "TPR@1%", "TPR@5%", "FPR @thr", "TPR @thr"):
        table.add_column(col, justify="left" if col == "read as" else "right")
    out = {}
    for name, (p, found) in ways.items():
        ok = np.isfinite(p)
        res = {
            "n": int(ok.sum()),
            "headline_found": found,
            "auroc": auroc(y[ok], p[ok]),
            "tpr@1%": tpr_at_fpr(y[ok], p[ok], 0.01),
            "tpr@5%": tpr_at_fpr(y[ok], p[ok], 0.05),
            "fpr_at_threshold": float(np.mean(p[ok & (y == 0)] > det.threshold_)),
            "tpr_at_threshold": float(np.mean(p[ok & (y == 1)] > det.threshold_)),
        }
        out[name] = res
        table.add_row(name, *(f"{v:.3f}" for k, v in res.items() if k != "n"))
    Console().print(table)
    write_json_atomic(
        RESULTS / "headlines.json", {"threshold": det.threshold_, "n": args.n, "ways": out}
    )


if __name__ == "__main__":
    main()
