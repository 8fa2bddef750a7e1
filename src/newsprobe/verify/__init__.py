"""Verification: relevance-gated consistency checks of claims against trusted sources."""

from newsprobe.verify.checks import compare, entity_coverage, same_number, term_overlap
from newsprobe.verify.judge import JudgeError, LLMJudge, parse_verdict
from newsprobe.verify.options import VerifyOptions
from newsprobe.verify.verifier import verify_claims

__all__ = [
    "JudgeError",
    "LLMJudge",
    "VerifyOptions",
    "compare",
    "entity_coverage",
    "parse_verdict",
    "same_number",
    "term_overlap",
    "verify_claims",
]
