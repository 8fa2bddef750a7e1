"""Chatbot scaffolding: how often each source's human texts carry a "tell" (false alarms)
and how often each generator's machine texts do (what the rule catches).

Every detection file of ``../shared/data`` is read whole: 12,707 human texts from BBC,
PolitiFact, GossipCop, CoAID, arXiv, Yelp, WritingPrompts and SQuAD. No model runs.

Run on demand:  python -m benchmarks.bench_tells [--data-dir ../shared/data]
Prints a table and writes benchmarks/results/tells.json.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsprobe.detect.tells import find_tells
from newsprobe.eval.data import machine_written, read_rows
from newsprobe.fileio import write_json_atomic

RESULTS = Path(__file__).parent / "results"
FILES = (
    "detectrl_xsum_news.jsonl",
    "detectrl_multi_llm.jsonl",
    "llmfake_news.jsonl",
    "open_models_2019_2022.jsonl",
)


def run(data_dir: Path) -> dict[str, dict]:
    texts: Counter[tuple[str, str]] = Counter()
    told: Counter[tuple[str, str]] = Counter()
    kinds: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for name in FILES:
        # LLMFake's machine rows that carry the human article's text are not machine text.
        for row in machine_written(read_rows(data_dir / "detect" / name)):
            group = (
                ("human", f"{name.split('.')[0]}: {row.domain}")
                if row.label == 0
                else ("machine", row.generator)
            )
            texts[group] += 1
            tells = find_tells(row.text)
            if tells:
                told[group] += 1
                for t in tells:
                    kinds[t.kind] += 1
                    examples.setdefault(f"{group[0]} {t.kind}", row.text[t.start : t.end])
    table = {
        f"{label} | {name}": {
            "texts": n,
            "with_tell": told[(label, name)],
            "share": told[(label, name)] / n,
        }
        for (label, name), n in sorted(texts.items())
    }
    humans = sum(n for (label, _), n in texts.items() if label == "human")
    human_told = sum(n for (label, _), n in told.items() if label == "human")
    return {
        "groups": table,
        "human_texts": humans,
        "human_with_tell": human_told,
        "kinds": dict(kinds),
        "examples": examples,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data-dir", default="../shared/data")
    args = ap.parse_args()
    report = run(Path(args.data_dir))
    t = Table(title="Texts carrying chatbot scaffolding")
    for col in ("group", "texts", "with a tell", "share"):
        t.add_column(col, justify="left" if col == "group" else "right")
    for group, r in report["groups"].items():
        t.add_row(group, str(r["texts"]), str(r["with_tell"]), f"{r['share']:.3f}")
    console = Console()
    console.print(t)
    console.print(
        f"human texts with a tell: {report['human_with_tell']} of {report['human_texts']}"
    )
    console.print(f"wrote {write_json_atomic(RESULTS / 'tells.json', report)}")


if __name__ == "__main__":
    main()
