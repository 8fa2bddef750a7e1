"""All verification options in one frozen object, built once at the edge and passed down."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsprobe.verify.verdict_model import VerdictModel

# Relevance gate. A passage may support or contradict a claim only when it is about the
# same thing: cosine similarity (full MiniLM) of claim and best-matching source sentence,
# share of the claim's content lemmas found in the passage, and share of its named
# entities found there. The values were set on ClimateFEVER claims against the pooled
# evidence of 300 rows (eval-claims --limit 300): below similarity 0.55 nearly all pairs
# were NOT_ENOUGH_INFO; off-topic claims in tests/verify stay below all three.
MIN_SIMILARITY = 0.55
MIN_TERM_OVERLAP = 0.5
# Two thirds exactly: "Poland, a Baltic state, joined NATO in 2009" must still meet a source
# on Poland and NATO (0.67 left out 2 of 3, and with it a claim whose added, false
# descriptor is one more entity than the source has).
MIN_ENTITY_COVERAGE = 2 / 3
# A conflict needs the claim's own sentence, not just its topic, on the other side.
MIN_CONFLICT_OVERLAP = 0.6
# With nothing to compare (no numbers, dates, roles), "supported" needs a close paraphrase.
# On ClimateFEVER (all 1,381 three-way rows; chosen after looking at them, so not a blind
# test), gated claims with similarity >= 0.75 were SUPPORTS 75% of the time, >= 0.7 67%.
PARAPHRASE_SIMILARITY = 0.75
PARAPHRASE_OVERLAP = 0.6
# A negation flip is only a conflict when the rest of the sentence is the same.
NEGATION_SIMILARITY = 0.7
NEGATION_OVERLAP = 0.75


@dataclass(frozen=True, slots=True)
class VerifyOptions:
    """How claims are extracted and checked.

    top_k: evidence passages kept per claim. max_claims: most check-worthy claims per
    article (None: all). min_checkworthiness: extraction threshold. judge_url /
    judge_model: an OpenAI-compatible chat endpoint that gives the verdict once the
    relevance gate has passed (None: offline checks only). verdict_model: what turns the
    evidence features into a verdict under the hard rules: ``"default"`` (the model shipped
    with newsprobe), a saved model's path, a fitted ``VerdictModel``, or None for the hand
    rules (supported only on confirmed values or a near paraphrase).
    """

    top_k: int = 5
    max_claims: int | None = 20
    min_checkworthiness: float = 1.0
    min_similarity: float = MIN_SIMILARITY
    min_term_overlap: float = MIN_TERM_OVERLAP
    min_entity_coverage: float = MIN_ENTITY_COVERAGE
    judge_url: str | None = None
    judge_model: str | None = None
    judge_api_key: str | None = None
    judge_timeout: float = 60.0
    verdict_model: VerdictModel | str | Path | None = "default"
