"""One claim checked against a store, as the verify tests read it."""

from __future__ import annotations

from newsprobe import Article
from newsprobe.pipeline import verify_articles
from newsprobe.sources import SQLiteStore
from newsprobe.verify import VerifyOptions


def verdict(store: SQLiteStore, claim: str) -> tuple[str, list[tuple[str, str]]]:
    """The claim's verdict and its conflicts as (claim value, source value) pairs."""
    (article,) = verify_articles([Article(text=claim)], store, VerifyOptions(max_claims=None))
    (found,) = article.claims or []
    return found.verdict, [(c.claim_value, c.source_value) for c in found.conflicts]


def assert_verdict(store: SQLiteStore, claim: str, expected: str) -> None:
    """The claim's verdict is ``expected``, or anything but what follows "not "."""
    got, conflicts = verdict(store, claim)
    if expected.startswith("not "):
        assert got != expected.removeprefix("not "), conflicts
    else:
        assert got == expected, conflicts
