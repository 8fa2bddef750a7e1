"""The evidence-store interface, so a server-backed index can replace the embedded one.

Anything with ``add``/``search``/``remove``/``list`` in these shapes can back
:func:`newsprobe.pipeline.verify_articles`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@dataclass(frozen=True, slots=True)
class Passage:
    """A piece of a trusted document; ``source`` names the document it came from."""

    text: str
    source: str
    title: str | None = None
    url: str | None = None
    date: str | None = None

    def __post_init__(self) -> None:
        # An empty passage matches nothing and breaks the retrievers' ranking; caught here,
        # where it is made, rather than deep in a later check.
        if not isinstance(self.text, str) or not self.text.strip():
            raise ValueError(f"Passage.text must be non-empty text, got {self.text!r}")
        if not isinstance(self.source, str) or not self.source.strip():
            raise ValueError(f"Passage.source must name the document, got {self.source!r}")

    @property
    def hash(self) -> str:
        """Identity for de-duplication: case and whitespace do not make a new passage."""
        return passage_hash(self.text)


@dataclass(frozen=True, slots=True)
class Hit:
    """A passage found for a query: fused rank score plus each retriever's own number."""

    passage: Passage
    score: float
    bm25: float | None = None
    cosine: float | None = None


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """One indexed document, as ``sources list`` shows it."""

    source: str
    title: str | None
    url: str | None
    date: str | None
    passages: int
    added: str


@dataclass(frozen=True, slots=True)
class AddResult:
    documents: int
    added: int
    duplicates: int
    #: Passages of re-added documents that their new version no longer holds, removed.
    replaced: int = 0


@runtime_checkable
class EvidenceStore(Protocol):
    """Where trusted passages live and how they are found again."""

    def add(self, passages: Iterable[Passage], replace: Iterable[str] = ()) -> AddResult: ...

    def search(self, query: str, k: int = 5) -> list[Hit]: ...

    def remove(self, source: str) -> int: ...

    def list(self) -> list[SourceInfo]: ...


def passage_hash(text: str) -> str:
    norm = re.sub(r"\s+", " ", text.strip().lower())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()
