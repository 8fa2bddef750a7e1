"""Trusted sources: an evidence store the verifier searches (embedded SQLite by default)."""

from newsprobe.sources.base import AddResult, EvidenceStore, Hit, Passage, SourceInfo
from newsprobe.sources.loaders import iter_documents, split_passages
from newsprobe.sources.sqlite import SQLiteStore, StoreError, default_store_path

__all__ = [
    "AddResult",
    "EvidenceStore",
    "Hit",
    "Passage",
    "SQLiteStore",
    "SourceInfo",
    "StoreError",
    "default_store_path",
    "iter_documents",
    "split_passages",
]
