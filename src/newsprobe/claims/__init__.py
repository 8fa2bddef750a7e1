"""Claim extraction: the check-worthy sentences of an article and their checkable parts."""

from newsprobe.claims.extract import checkworthiness, extract_claims
from newsprobe.claims.model import (
    Claim,
    ClaimParts,
    Conflict,
    DateRef,
    Entity,
    Evidence,
    Quantity,
    Relation,
)
from newsprobe.claims.nlp import load_nlp
from newsprobe.claims.numbers import number_value, numbers_in
from newsprobe.claims.parts import parse_parts

__all__ = [
    "Claim",
    "ClaimParts",
    "Conflict",
    "DateRef",
    "Entity",
    "Evidence",
    "Quantity",
    "Relation",
    "checkworthiness",
    "extract_claims",
    "load_nlp",
    "number_value",
    "numbers_in",
    "parse_parts",
]
