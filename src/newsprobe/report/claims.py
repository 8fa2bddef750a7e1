"""The claims section of the terminal report: one line per claim, its verdict, the source
sentence, and for contradictions the conflicting values side by side."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from newsprobe.article import Article
from newsprobe.report.json import claims_summary
from newsprobe.words import counted

STYLE = {"supported": "green", "contradicted": "bold red", "not_enough_evidence": "dim"}
WORD = {
    "supported": "SUPPORTED",
    "contradicted": "CONTRADICTED",
    "not_enough_evidence": "not enough evidence",
}


def summary_line(article: Article) -> str:
    s = claims_summary(article)
    return (
        f"{counted(s['claims'], 'claim')}: {s['contradicted']} contradicted, {s['supported']} "
        f"supported, {s['not_enough_evidence']} without enough evidence"
    )


def claims_section(article: Article) -> list[RenderableType]:
    out: list[RenderableType] = [Text(summary_line(article), style="bold")]
    for claim in article.claims or []:
        verdict = claim.verdict or "not_enough_evidence"
        out.append(
            Text.assemble(
                (f"{WORD[verdict]:>20}", STYLE[verdict]),
                f"  [{claim.start}:{claim.end}] {claim.text}",
            )
        )
        best = next((e for e in claim.evidence if e.relevant), None)
        if claim.reason:
            out.append(Text(f"{'':>22}why: {claim.reason}", style="red"))
        for c in claim.conflicts:
            out.append(
                Text(
                    f"{'':>22}{c.kind}: article says {c.claim_value!r}, "
                    f"{c.name} says {c.source_value!r}",
                    style="red",
                )
            )
            out.append(Text(f"{'':>22}source: {c.source_text}", style="dim"))
        if best is not None and not claim.conflicts:
            out.append(Text(f"{'':>22}source ({best.name}): {best.sentence}", style="dim"))
    return out
