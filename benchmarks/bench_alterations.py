"""Does the claim check catch a fact changed in real news, and leave unchanged facts alone?

Run on demand:  python -m benchmarks.bench_alterations [--articles 40] [--seed 0]

ClimateFEVER (``eval-claims``) judges claims about climate against Wikipedia sentences; a
fact-checker's case is a news story checked against the reporting it was copied from, with
a number, a year, a quote, a speaker or a negation changed. This takes ``--articles``
human BBC news articles (DetectRL's XSum slice, 120 words or more), indexes all of them as
trusted sources (one document each, so every claim must find its own story among the
others), and checks:

* each article as it is: every claim ``contradicted`` there is a false alarm;
* copies of each article with one fact changed in one claim sentence, one copy per kind
  where the article has such a fact: a number (its first figure times 1.5, or plus 3 below
  4), a year (minus 3), a word inside quotation marks, the quoted speaker (a name from
  another article) and a negation ("was" to "was not").

A changed claim is caught when its verdict is ``contradicted``; ``supported`` means the
change was confirmed, the worst outcome. Writes results/alterations.json.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsprobe import Article
from newsprobe.claims.model import Claim
from newsprobe.fileio import write_json_atomic

RESULTS = Path(__file__).parent / "results"
DATA = "detect/detectrl_xsum_news.jsonl"
VERDICTS = ("contradicted", "supported", "not_enough_evidence")
KINDS = ("number", "year", "quote", "speaker", "negation")
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
AUXILIARY = re.compile(r"\b(is|was|are|were|will|would|has|have|had|could|can)\b(?! not\b)")
QUOTE_SWAP = "terrible"


@dataclass(frozen=True, slots=True)
class Change:
    """One fact changed in an article: where (offsets in the changed text) and how."""

    kind: str
    start: int
    end: int
    before: str
    after: str


def news_articles(data_dir: Path, n: int, seed: int) -> list[str]:
    """``n`` distinct human BBC articles of 120+ words, drawn with ``seed``."""
    texts: list[str] = []
    seen: set[str] = set()
    with open(data_dir / DATA, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            text = row["text"].strip()
            if row.get("label") == "human" and len(text.split()) >= 120 and text not in seen:
                seen.add(text)
                texts.append(text)
    random.Random(seed).shuffle(texts)
    return texts[:n]


def _figure(value: float) -> float:
    return value * 1.5 if value >= 4 else value + 3


def _written(value: float, like: str) -> str:
    """``value`` written as ``like`` is: decimals kept, thousands separated if it was."""
    decimals = len(like.split(".")[1]) if "." in like else 0
    text = f"{value:,.{decimals}f}" if "," in like else f"{value:.{decimals}f}"
    return text


def _replace(text: str, start: int, end: int, new: str, kind: str) -> tuple[str, Change]:
    return (
        text[:start] + new + text[end:],
        Change(kind, start, start + len(new), text[start:end], new),
    )


def change_number(text: str, claim: Claim, _: list[str]) -> tuple[str, Change] | None:
    for q in claim.parts.quantities:
        if not q.unit or text[q.start : q.end] != q.text:
            continue
        m = NUMBER.search(q.text)
        if m is None:
            continue
        try:
            value = float(m.group(0).replace(",", ""))
        except ValueError:
            continue
        new = _written(_figure(value), m.group(0))
        if new != m.group(0):
            return _replace(text, q.start + m.start(), q.start + m.end(), new, "number")
    return None


def change_year(text: str, claim: Claim, _: list[str]) -> tuple[str, Change] | None:
    for d in claim.parts.dates:
        if d.year is None or d.relative or text[d.start : d.end] != d.text:
            continue
        m = re.search(rf"\b{d.year}\b", d.text)
        if m:
            return _replace(text, d.start + m.start(), d.start + m.end(), str(d.year - 3), "year")
    return None


def change_quote(text: str, claim: Claim, _: list[str]) -> tuple[str, Change] | None:
    for quoted in claim.parts.quoted:
        at = text.find(quoted, claim.start, claim.end)
        words = [m for m in re.finditer(r"[A-Za-z]{5,}", quoted) if m.group(0) != QUOTE_SWAP]
        if at < 0 or not words:
            continue
        word = max(words, key=lambda m: len(m.group(0)))
        return _replace(text, at + word.start(), at + word.end(), QUOTE_SWAP, "quote")
    return None


def change_speaker(text: str, claim: Claim, names: list[str]) -> tuple[str, Change] | None:
    speaker = claim.parts.speaker
    if speaker is None or speaker.label != "PERSON" or not claim.parts.quoted:
        return None
    at = text.find(speaker.text, claim.start, claim.end)
    other = next((n for n in names if n.split()[-1] not in speaker.text), None)
    if at < 0 or other is None:
        return None
    return _replace(text, at, at + len(speaker.text), other, "speaker")


def change_negation(text: str, claim: Claim, _: list[str]) -> tuple[str, Change] | None:
    m = AUXILIARY.search(text, claim.start, claim.end)
    if m is None:
        return None
    return _replace(text, m.end(), m.end(), " not", "negation")


CHANGES: dict[str, Callable[[str, Claim, list[str]], tuple[str, Change] | None]] = {
    "number": change_number,
    "year": change_year,
    "quote": change_quote,
    "speaker": change_speaker,
    "negation": change_negation,
}


def altered_copies(article: Article, names: list[str]) -> list[tuple[str, Change]]:
    """One copy per kind of change, each in the first claim that has such a fact."""
    out = []
    for kind in KINDS:
        for claim in article.claims or []:
            made = CHANGES[kind](article.text, claim, names)
            if made is not None:
                out.append(made)
                break
    return out


def claim_at(article: Article, change: Change) -> Claim | None:
    """The claim of the changed copy that holds the change."""
    for claim in article.claims or []:
        if claim.start <= change.start and change.end <= claim.end:
            return claim
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    from newsprobe.pipeline import verify_articles
    from newsprobe.sources import SQLiteStore, iter_documents
    from newsprobe.verify import VerifyOptions

    texts = news_articles(Path(args.data_dir), args.articles, args.seed)
    options = VerifyOptions(max_claims=None)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        # Indexed as `newsprobe sources add FOLDER` indexes files: normalized, one
        # document per article.
        folder = Path(tmp) / "trusted"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"bbc-{i:03d}.txt").write_text(text, encoding="utf-8")
        store = SQLiteStore(Path(tmp) / "news.sqlite")
        for doc in iter_documents([str(folder)]):
            store.add(doc)
        originals = verify_articles([Article(text=t) for t in texts], store, options)
        names = sorted(
            {
                c.parts.speaker.text
                for a in originals
                for c in a.claims or []
                if c.parts.speaker is not None
                and c.parts.speaker.label == "PERSON"
                and len(c.parts.speaker.text.split()) > 1  # a full name, as a misquote gives
                and c.parts.speaker.text in c.text  # written there, not read from a "he said"
            }
        )
        random.Random(args.seed).shuffle(names)
        copies: list[tuple[Article, Change, int]] = []
        for i, article in enumerate(originals):
            for text, change in altered_copies(article, names):
                copies.append((Article(text=text), change, i))
        verify_articles([a for a, _, _ in copies], store, options)
    seconds = time.perf_counter() - start

    kept = Counter(c.verdict for a in originals for c in a.claims or [])
    alarms = [
        {"claim": c.text, "conflicts": [x.to_json() for x in c.conflicts]}
        for a in originals
        for c in a.claims or []
        if c.verdict == "contradicted"
    ]
    by_kind: dict[str, Counter[str]] = {k: Counter() for k in KINDS}
    cases = []
    for article, change, i in copies:
        claim = claim_at(article, change)
        verdict = "not_a_claim" if claim is None else str(claim.verdict)
        by_kind[change.kind][verdict] += 1
        cases.append(
            {
                "article": i,
                "kind": change.kind,
                "before": change.before,
                "after": change.after,
                "claim": None if claim is None else claim.text,
                "verdict": verdict,
                "conflicts": [] if claim is None else [x.kind for x in claim.conflicts],
            }
        )

    n_claims = sum(kept.values())
    table = Table(
        title=f"claim checks on {len(texts)} BBC articles as trusted sources, "
        f"each changed once per kind ({seconds:.0f} s)"
    )
    for col in ("text", "claims", "contradicted", "supported", "not enough evidence", "no claim"):
        table.add_column(col, justify="left" if col == "text" else "right")

    def share(n: int, total: int) -> str:
        return f"{n} ({n / total:.0%})" if total else "-"

    table.add_row(
        "unchanged (contradicted = false alarm)",
        str(n_claims),
        *(share(kept[v], n_claims) for v in VERDICTS),
        "-",
    )
    for kind in KINDS:
        c = by_kind[kind]
        total = sum(c.values())
        table.add_row(
            f"one {kind} changed",
            str(total),
            *(share(c[v], total) for v in (*VERDICTS, "not_a_claim")),
        )
    Console(width=150).print(table)
    write_json_atomic(
        RESULTS / "alterations.json",
        {
            "articles": len(texts),
            "seed": args.seed,
            "seconds": round(seconds, 1),
            "unchanged": {"claims": n_claims, **{v: kept[v] for v in VERDICTS}},
            "false_alarms": alarms,
            "changed": {k: dict(by_kind[k]) for k in KINDS},
            "cases": cases,
        },
    )


if __name__ == "__main__":
    main()
