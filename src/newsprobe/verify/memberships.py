"""A name said to be in a group, checked against the group as a trusted source lists it.

"Poland, a Baltic state" shares little with "Estonia, Latvia and Lithuania, the three
Baltic states, joined NATO in 2004": the similarity, term-overlap and entity gates that
keep off-topic passages away would keep this one away too, as it never names Poland. The
passage is found by the group's own name instead, and it is evidence only where one of its
sentences lists that group whole (``claims.groups``): a list names every member, so a
name missing from it is not in the group.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprobe.claims.groups import groups
from newsprobe.claims.model import Claim, Conflict, Evidence, Membership
from newsprobe.sources.base import EvidenceStore, Hit
from newsprobe.verify.checks import same_name

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(slots=True)
class GroupEvidence:
    """A passage whose sentence lists a claim's group, and whether the claim's name is in
    it (``conflict`` None: it is)."""

    claim: int
    evidence: Evidence
    conflict: Conflict | None


def _member(name: str, listed: Sequence[str]) -> bool:
    return any(same_name(name.lower(), x.lower()) for x in listed)


def group_evidence(
    claims: Sequence[Claim], store: EvidenceStore, nlp: Language, k: int
) -> list[GroupEvidence]:
    """For each claim's membership, the retrieved passages that list its group whole,
    searched by the group's name ("Baltic states"), one per passage."""
    asked = [(ci, m) for ci, c in enumerate(claims) for m in c.parts.memberships]
    if not asked:
        return []
    hits: list[list[Hit]] = [store.search(m.written, k) for _, m in asked]
    texts = sorted({h.passage.text for hs in hits for h in hs})
    lists = {
        text: [(s.text.strip(), g) for s in doc.sents for g in groups(s)]
        for text, doc in zip(texts, nlp.pipe(texts), strict=True)
    }
    out: list[GroupEvidence] = []
    for (ci, m), hs in zip(asked, hits, strict=True):
        for h in hs:
            same = [(s, g) for s, g in lists[h.passage.text] if g.group == m.group]
            if same:
                out.append(_judged(ci, m, *same[0], h))
    return out


def _judged(
    ci: int, claimed: Membership, sentence: str, listed: Membership, hit: Hit
) -> GroupEvidence:
    p = hit.passage
    ev = Evidence(
        text=p.text,
        source=p.source,
        url=p.url,
        score=hit.score,
        sentence=sentence,
        title=p.title,
        date=p.date,
        relevant=True,
    )
    if all(_member(n, listed.members) for n in claimed.members):
        return GroupEvidence(ci, ev, None)
    said = f"{listed.written}: " + ", ".join(listed.members)
    mine = claimed.text[: claimed.text.find(claimed.written) + len(claimed.written)]
    return GroupEvidence(ci, ev, Conflict("group", mine, said, sentence, p.source, p.url, p.title))
