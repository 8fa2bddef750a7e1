"""False positives on tool-edited human news: does polishing a reporter's text get it flagged?

Run on demand:  python -m benchmarks.bench_edited [--n 200]

Takes BBC XSum human news from the held-out test split (a source the detector never saw)
and edits it the way writing tools do, deterministically:

* ``light``: what a grammar checker changes -- sentences glued by the scrape
  ("ago.An") split, British spellings made American, contractions expanded, doubled
  spaces and spaces before punctuation removed;
* ``polished``: ``light`` plus a "formal tone" pass that swaps plain words for the
  register chat models favour ("use" -> "utilize", "help" -> "facilitate", "show" ->
  "demonstrate", "but" -> "however,", ...), about one word in thirty.

Reports the false-positive rate at the shipped threshold (and at 5% FPR) for the original
and each edited version, the mean machine probability, and the same for LLMFake's
``paraphrase_generation`` texts (human news fully re-written by a chat model: text whose
every word is machine-chosen, labelled machine in the data) for contrast.

A second part asks the same of an LLM's light touch: PolitiFact and GossipCop human
articles from LLMFake (outside the fit and calibration) with one sentence in four, or one
in two, swapped for the sentence of ChatGPT-3.5's rewrite of the same article that says
the same thing (``benchmarks/pairs.py``), beside the untouched articles and the whole
rewrites. Writes benchmarks/results/edited.json.
"""

from __future__ import annotations

import argparse
import difflib
import random
import re
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from benchmarks.pairs import aligned_sentence, same_story_pairs, sentences_of
from newsprobe.detect.detector import Detector
from newsprobe.eval.data import dedupe, machine_written, read_rows
from newsprobe.eval.splits import make_split
from newsprobe.fileio import write_json_atomic

RESULTS = Path(__file__).parent / "results"

AMERICAN = {
    "colour": "color",
    "favour": "favor",
    "labour": "labor",
    "honour": "honor",
    "behaviour": "behavior",
    "neighbour": "neighbor",
    "centre": "center",
    "theatre": "theater",
    "defence": "defense",
    "offence": "offense",
    "programme": "program",
    "travelled": "traveled",
    "cancelled": "canceled",
    "organisation": "organization",
    "organise": "organize",
    "organised": "organized",
    "recognise": "recognize",
    "recognised": "recognized",
    "realise": "realize",
    "realised": "realized",
    "apologise": "apologize",
    "criticise": "criticize",
    "criticised": "criticized",
    "emphasise": "emphasize",
    "analyse": "analyze",
    "licence": "license",
    "cheque": "check",
    "tyre": "tire",
    "authorised": "authorized",
    "prioritise": "prioritize",
    "summarise": "summarize",
}
CONTRACTIONS = {
    "don't": "do not",
    "doesn't": "does not",
    "didn't": "did not",
    "isn't": "is not",
    "aren't": "are not",
    "wasn't": "was not",
    "weren't": "were not",
    "won't": "will not",
    "can't": "cannot",
    "couldn't": "could not",
    "wouldn't": "would not",
    "shouldn't": "should not",
    "haven't": "have not",
    "hasn't": "has not",
    "it's": "it is",
    "we're": "we are",
    "they're": "they are",
    "i'm": "I am",
    "we've": "we have",
    "they've": "they have",
    "that's": "that is",
    "there's": "there is",
}
FORMAL = {
    "use": "utilize",
    "used": "utilized",
    "help": "facilitate",
    "helped": "facilitated",
    "show": "demonstrate",
    "showed": "demonstrated",
    "shows": "demonstrates",
    "but": "however,",
    "big": "significant",
    "get": "obtain",
    "got": "obtained",
    "start": "commence",
    "started": "commenced",
    "end": "conclude",
    "ended": "concluded",
    "buy": "purchase",
    "bought": "purchased",
    "need": "require",
    "needs": "requires",
    "try": "endeavor",
    "tried": "endeavored",
    "about": "regarding",
    "enough": "sufficient",
    "so": "therefore",
    "also": "additionally",
    "main": "primary",
    "important": "crucial",
    "key": "pivotal",
    "many": "numerous",
    "lots": "numerous",
    "hard": "challenging",
    "told": "informed",
    "said": "stated",
    "says": "states",
    "think": "believe",
}


def _swap(text: str, table: dict[str, str]) -> str:
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, table)) + r")\b", re.IGNORECASE)

    def repl(m: re.Match) -> str:
        new = table[m.group(0).lower()]
        return new[0].upper() + new[1:] if m.group(0)[0].isupper() else new

    return pattern.sub(repl, text)


def light_edit(text: str) -> str:
    text = re.sub(r"(?<=[a-z][.!?])(?=[A-Z][a-z])", " ", text)
    text = _swap(text, AMERICAN)
    text = _swap(text.replace("\u2019", "'"), CONTRACTIONS)
    text = re.sub(r" {2,}", " ", text)
    return re.sub(r" ([,.;:!?])", r"\1", text)


def polished_edit(text: str) -> str:
    # About one word in thirty is in FORMAL; each found one is swapped.
    return _swap(light_edit(text), FORMAL)


def llm_touched(human: str, rewrite: str, every: int) -> str:
    """``human`` with every ``every``-th sentence (from the second on) taken from the
    rewrite; paragraph breaks become spaces, as in the splices."""
    hs, ms = sentences_of(human), sentences_of(rewrite)
    return " ".join(
        aligned_sentence(hs, i, ms) if i % every == 1 % every else s for i, s in enumerate(hs)
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--detector", default=None)
    ap.add_argument("--n", type=int, default=200)
    args = ap.parse_args()
    det = Detector.load(args.detector)
    split = make_split(args.data_dir)
    humans = [r.text for r in split.test_xsum if r.label == 0][: args.n]
    # 2,279 of LLMFake's 3,073 paraphrase rows carry the human article's own text.
    fake = machine_written(read_rows(Path(args.data_dir) / "detect" / "llmfake_news.jsonl"))
    paraphrased = [
        r.text for r in dedupe(r for r in fake if r.variant == "paraphrase_generation" and r.label)
    ]
    random.Random(0).shuffle(paraphrased)
    pairs = same_story_pairs(args.data_dir)[: args.n]
    originals = [h for h, _ in pairs]
    # (texts, the originals they were edited from, or None where they are not edits)
    sets: dict[str, tuple[list[str], list[str] | None]] = {
        "original (BBC human news)": (humans, humans),
        "light edit (grammar tool)": ([light_edit(t) for t in humans], humans),
        "polished (formal-tone tool)": ([polished_edit(t) for t in humans], humans),
        "LLM paraphrase (LLMFake, machine)": (paraphrased[: args.n], None),
        "original (LLMFake human news, paired)": (originals, originals),
        "LLM-touched: 1 sentence in 4 from ChatGPT's rewrite": (
            [llm_touched(h, m, 4) for h, m in pairs],
            originals,
        ),
        "LLM-touched: 1 sentence in 2 from ChatGPT's rewrite": (
            [llm_touched(h, m, 2) for h, m in pairs],
            originals,
        ),
        "ChatGPT's whole rewrite of the same articles (machine)": ([m for _, m in pairs], None),
    }
    t5 = det.threshold_for(0.05)
    table = Table(title=f"machine verdicts on edited human news (threshold {det.threshold_:.3f})")
    for col in ("texts", "n", "changed words", "flagged @1% thr", "flagged @5% thr", "mean p"):
        table.add_column(col)
    out = {}
    for name, (texts, edited_from) in sets.items():
        p = det.predict_proba(texts)[:, 1]
        ok = np.isfinite(p)
        changed = (
            None
            if edited_from is None
            else float(np.mean([_changed(a, b) for a, b in zip(edited_from, texts, strict=True)]))
        )
        out[name] = {
            "n": int(ok.sum()),
            "flagged_at_threshold": float(np.mean(p[ok] > det.threshold_)),
            "flagged_at_5pct_threshold": float(np.mean(p[ok] > t5)),
            "mean_probability": float(np.mean(p[ok])),
            "share_words_changed": changed,
        }
        r = out[name]
        table.add_row(
            name,
            str(r["n"]),
            "-" if changed is None else f"{changed:.1%}",
            f"{r['flagged_at_threshold']:.3f}",
            f"{r['flagged_at_5pct_threshold']:.3f}",
            f"{r['mean_probability']:.3f}",
        )
    Console().print(table)
    write_json_atomic(RESULTS / "edited.json", {"threshold": det.threshold_, "sets": out})


def _changed(a: str, b: str) -> float:
    wa, wb = a.split(), b.split()
    sm = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False)
    same = sum(block.size for block in sm.get_matching_blocks())
    return 1.0 - same / max(1, len(wa))


if __name__ == "__main__":
    main()
