"""Verify claims against an evidence store: retrieve, gate on relevance, check, decide.

Verdicts, in order: a relevant source that confirms every checkable value (or a near
paraphrase when there is nothing to check) makes a claim ``supported``; otherwise a
relevant source that states a checked value differently makes it ``contradicted``;
anything else, including every claim whose topic the store lacks, is
``not_enough_evidence``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from newsprobe.claims.model import Claim, Evidence
from newsprobe.claims.parts import parse_parts
from newsprobe.sources.base import EvidenceStore, Hit
from newsprobe.sources.embed import Embedder, MiniLMEmbedder
from newsprobe.verify.checks import CheckResult, compare, entity_coverage, term_overlap
from newsprobe.verify.judge import LLMJudge
from newsprobe.verify.options import PARAPHRASE_OVERLAP, PARAPHRASE_SIMILARITY, VerifyOptions

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span


def _search(store: EvidenceStore, queries: list[str], k: int) -> list[list[Hit]]:
    many = getattr(store, "search_many", None)
    if callable(many):
        return many(queries, k)
    return [store.search(q, k) for q in queries]


def _best_sentence(claim: Claim, doc: Doc) -> tuple[Span, set[str], float]:
    """The passage sentence that shares most of the claim's terms and entities, its lemmas,
    and the share of the claim's terms it has."""
    best: tuple[float, Span, set[str]] | None = None
    for sent in doc.sents:
        lemmas = {t.lemma_.lower() for t in sent}
        key = term_overlap(claim.parts, lemmas) + entity_coverage(claim.parts.entities, sent.text)
        if best is None or key > best[0]:
            best = (key, sent, lemmas)
    assert best is not None
    _, sent, lemmas = best
    return sent, lemmas, term_overlap(claim.parts, lemmas)


def verify_claims(
    claims: Sequence[Claim],
    store: EvidenceStore,
    nlp: Language,
    options: VerifyOptions | None = None,
    embedder: Embedder | None = None,
) -> list[Claim]:
    """Attach evidence, conflicts and a verdict to each claim (mutates and returns them)."""
    options = options or VerifyOptions()
    embedder = embedder or MiniLMEmbedder()
    judge = (
        LLMJudge(
            options.judge_url,
            options.judge_model or "default",
            options.judge_api_key,
            options.judge_timeout,
        )
        if options.judge_url
        else None
    )
    claims = list(claims)
    if not claims:
        return claims
    hits = _search(store, [c.text for c in claims], options.top_k)
    texts = sorted({h.passage.text for hs in hits for h in hs})
    docs = dict(zip(texts, nlp.pipe(texts), strict=True))
    aligned = []  # (claim index, hit, sentence text, sentence, sentence overlap)
    for ci, (claim, hs) in enumerate(zip(claims, hits, strict=True)):
        for h in hs:
            sent, _, s_overlap = _best_sentence(claim, docs[h.passage.text])
            aligned.append((ci, h, sent.text.strip(), sent, s_overlap))
    sims = _similarities(embedder, [c.text for c in claims], [(a[0], a[2]) for a in aligned])
    per_claim: list[list[tuple[Evidence, CheckResult | None, float]]] = [[] for _ in claims]
    for (ci, h, sent_text, sent, s_overlap), sim in zip(aligned, sims, strict=True):
        claim = claims[ci]
        doc = docs[h.passage.text]
        p_lemmas = {t.lemma_.lower() for t in doc}
        p_overlap = term_overlap(claim.parts, p_lemmas)
        # The actor must be there: "a storm killed 14" is not about "the flood killed 14".
        actor = not claim.parts.subjects or any(x in p_lemmas for x in claim.parts.subjects)
        relevant = (
            actor
            and sim >= options.min_similarity
            and p_overlap >= options.min_term_overlap
            and entity_coverage(claim.parts.entities, h.passage.text) >= options.min_entity_coverage
        )
        ev = Evidence(
            text=h.passage.text,
            source=h.passage.title or h.passage.source,
            url=h.passage.url,
            score=h.score,
            sentence=sent_text,
            title=h.passage.title,
            date=h.passage.date,
            similarity=sim,
            relevant=relevant,
        )
        result = None
        if relevant:
            result = compare(
                claim.parts, parse_parts(sent), sent_text, ev.source, ev.url, s_overlap, sim
            )
        per_claim[ci].append((ev, result, s_overlap))
    for claim, found in zip(claims, per_claim, strict=True):
        claim.evidence = [ev for ev, _, _ in found]
        claim.conflicts = []
        supported = False
        for ev, res, s_overlap in found:
            if res is None:
                continue
            if not res.conflicts and (
                (res.checkable and res.agreed == res.checkable)
                or (
                    not res.checkable
                    and ev.similarity >= PARAPHRASE_SIMILARITY
                    and s_overlap >= PARAPHRASE_OVERLAP
                )
            ):
                supported = True
            claim.conflicts.extend(res.conflicts)
        if supported:
            claim.verdict = "supported"
            claim.conflicts = []
        elif claim.conflicts:
            claim.verdict = "contradicted"
        else:
            claim.verdict = "not_enough_evidence"
        relevant = [ev for ev, res, _ in found if res is not None]
        if judge is not None and relevant:
            claim.judge = judge.judge(claim, relevant)
            claim.verdict = claim.judge["verdict"]
    return claims


def _similarities(
    embedder: Embedder, claim_texts: list[str], pairs: list[tuple[int, str]]
) -> list[float]:
    """Cosine of each (claim, sentence) pair, every distinct text embedded once."""
    if not pairs:
        return []
    sentences = sorted({s for _, s in pairs})
    vecs = embedder.encode(claim_texts + sentences)
    cv, sv = vecs[: len(claim_texts)], vecs[len(claim_texts) :]
    index = {s: i for i, s in enumerate(sentences)}
    return [float(np.dot(cv[ci], sv[index[s]])) for ci, s in pairs]
