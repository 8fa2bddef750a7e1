"""The embedded evidence store: one SQLite file, FTS5 (BM25) plus sentence embeddings.

Search runs both retrievers and fuses their rankings with RRF. Embeddings are kept as
float16 blobs in the same file and held in memory as one matrix for search (10,000
passages x 384 dims is 7.5 MiB), so no vector server is needed.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from newsprobe.errors import NewsprobeError
from newsprobe.settings import cache_dir
from newsprobe.sources.base import AddResult, Hit, Passage, SourceInfo
from newsprobe.sources.embed import Embedder, check_embedder_name, get_embedder
from newsprobe.sources.fusion import rrf

SCHEMA_VERSION = "1"
DEFAULT_EMBEDDER = "minilm-static"
CANDIDATES = 50  # per retriever, before fusion
# Words too common to help BM25 find a claim's topic (FTS5 has no stop list of its own).
_STOP_WORDS = (
    "a an and are as at be by for from has have he her his in is it its of on or that the "
    "their they this to was were will with which who not but been also had said says"
)
STOP = frozenset(_STOP_WORDS.split())

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY, source TEXT UNIQUE NOT NULL, title TEXT, url TEXT, date TEXT,
    added TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    hash TEXT UNIQUE NOT NULL, text TEXT NOT NULL, embedding BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_id);
CREATE TABLE IF NOT EXISTS shared (
    hash TEXT NOT NULL, doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    UNIQUE(hash, doc_id));
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(
    text, content='passages', content_rowid='id', tokenize='porter unicode61');
CREATE TRIGGER IF NOT EXISTS passages_ai AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts(rowid, text) VALUES (new.id, new.text); END;
CREATE TRIGGER IF NOT EXISTS passages_ad AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.id, old.text); END;
"""


class StoreError(NewsprobeError):
    """The store file cannot be opened or was built with a different embedder."""


def default_store_path() -> Path:
    return cache_dir() / "sources.sqlite"


def fts_query(text: str) -> str:
    """Any of the query's content words, each quoted so FTS5 syntax in it stays literal."""
    words = {w for w in re.findall(r"\w+", text.lower()) if w not in STOP and len(w) > 1}
    return " OR ".join(f'"{w}"' for w in sorted(words))


class SQLiteStore:
    """An :class:`~newsprobe.sources.base.EvidenceStore` in one SQLite file.

    path: the file (created on first add); embedder: name recorded in the file on creation;
    a store keeps the embedder it was built with, because vectors from two embedders do not
    compare.
    """

    def __init__(self, path: str | Path | None = None, embedder: str | None = None) -> None:
        if embedder is not None:
            check_embedder_name(embedder)  # before the file exists, so none records a bad name
        self.path = Path(path) if path is not None else default_store_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            # Usable from another thread than the one that opened it (the web service's
            # workers); callers serialize access, as ``pipeline.ClaimsStage`` does.
            self.db = sqlite3.connect(self.path, check_same_thread=False)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.executescript(_SCHEMA)
            self._add_passage_columns()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a newsprobe source store ({exc})") from exc
        recorded = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
        if not recorded:
            recorded = {"schema": SCHEMA_VERSION, "embedder": embedder or DEFAULT_EMBEDDER}
            self.db.executemany("INSERT INTO meta VALUES (?, ?)", recorded.items())
            self.db.commit()
        elif embedder is not None and embedder != recorded["embedder"]:
            raise StoreError(
                f"{self.path} was built with embedder {recorded['embedder']!r}, "
                f"not {embedder!r}; use another --store"
            )
        self.embedder_name = recorded["embedder"]
        self._embedder: Embedder | None = None
        self._matrix: np.ndarray | None = None
        self._ids: np.ndarray | None = None

    def _add_passage_columns(self) -> None:
        """A passage's own title, address and date, where they differ from its document's:
        JSON Lines rows that share a ``source`` ("reuters") keep each row's headline and
        URL. Added in place to stores made before them (NULL: the document's)."""
        have = {r[1] for r in self.db.execute("PRAGMA table_info(passages)")}
        with self.db:
            for column in ("title", "url", "date"):
                if column not in have:
                    self.db.execute(f"ALTER TABLE passages ADD COLUMN {column} TEXT")

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = get_embedder(self.embedder_name)
        return self._embedder

    def close(self) -> None:
        self.db.close()

    def __len__(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM passages").fetchone()[0])

    def add(self, passages: Iterable[Passage], replace: Iterable[str] = ()) -> AddResult:
        """Index passages; ones already present (same normalized text) are skipped.

        replace: sources given whole (a file, a page): their passages that this version
            no longer holds are removed, so a corrected source stops supporting what it
            used to say. Other sources (JSONL rows that share a ``source`` name across
            adds) only grow.
        """
        if isinstance(passages, Passage):
            raise TypeError("add takes a list of Passage objects: store.add([passage])")
        fresh: dict[str, Passage] = {}
        seen = 0
        for p in passages:
            if not isinstance(p, Passage):
                raise TypeError(
                    f"add takes Passage objects (Passage(text, source)), got {type(p).__name__}"
                )
            seen += 1
            fresh.setdefault(p.hash, p)
        hashes = list(fresh)
        known: set[str] = set()
        for b in range(0, len(hashes), 500):
            chunk = hashes[b : b + 500]
            rows = self.db.execute(
                f"SELECT hash FROM passages WHERE hash IN ({','.join('?' * len(chunk))})", chunk
            )
            known.update(r[0] for r in rows)
        new = [fresh[h] for h in hashes if h not in known]
        vectors = self.embedder.encode([p.text for p in new]) if new else np.zeros((0, 0))
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        doc_ids: dict[str, int] = {}
        doc_meta: dict[str, tuple[str | None, str | None, str | None]] = {}

        def document(p: Passage) -> int:
            if p.source not in doc_ids:
                self.db.execute(
                    "INSERT INTO documents(source, title, url, date, added) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT(source) DO NOTHING",
                    (p.source, p.title, p.url, p.date, now),
                )
                row = self.db.execute(
                    "SELECT id, title, url, date FROM documents WHERE source = ?", (p.source,)
                ).fetchone()
                doc_ids[p.source], doc_meta[p.source] = row[0], tuple(row[1:])
            return doc_ids[p.source]

        with self.db:
            # A passage another document holds already is indexed once, and this document
            # is noted as holding it too: removing the first one leaves it in the store.
            for h in known:
                doc = document(fresh[h])
                self.db.execute(
                    "INSERT OR IGNORE INTO shared(hash, doc_id) SELECT hash, ? FROM passages "
                    "WHERE hash = ? AND doc_id != ?",
                    (doc, h, doc),
                )
            for p, vec in zip(new, vectors, strict=True):
                document(p)
                # NULL: as the document; "": this row has none where the document has one.
                mine_all = (p.title, p.url, p.date)
                own = [
                    None if mine == theirs else (mine or "")
                    for mine, theirs in zip(mine_all, doc_meta[p.source], strict=True)
                ]
                self.db.execute(
                    "INSERT INTO passages(doc_id, hash, text, embedding, title, url, date) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (doc_ids[p.source], p.hash, p.text, vec.astype(np.float16).tobytes(), *own),
                )
        replaced = 0
        with self.db:
            for source in dict.fromkeys(replace):
                keep = [h for h, p in fresh.items() if p.source == source]
                found = self.db.execute("SELECT id FROM documents WHERE source = ?", (source,))
                row = found.fetchone()
                if row is None:
                    continue
                replaced += self._drop(row[0], keep)
        self._matrix = None
        return AddResult(
            documents=len(doc_ids),
            added=len(new),
            duplicates=seen - len(new),
            replaced=replaced,
        )

    def _drop(self, doc_id: int, keep: list[str] | None = None) -> int:
        """Take from a document its passages not in ``keep`` (all when None); one that
        another document also holds passes to that document instead of leaving the
        store. How many the document lost."""
        marks = ",".join("?" * len(keep or ()))
        but = f" AND hash NOT IN ({marks})" if keep else ""
        args = (doc_id, *(keep or ()))
        lost = self.db.execute(f"DELETE FROM shared WHERE doc_id = ?{but}", args).rowcount
        rows = self.db.execute(f"SELECT id, hash FROM passages WHERE doc_id = ?{but}", args)
        for pid, h in rows.fetchall():
            heir = self.db.execute(
                "SELECT doc_id FROM shared WHERE hash = ? ORDER BY rowid LIMIT 1", (h,)
            ).fetchone()
            if heir is None:
                self.db.execute("DELETE FROM passages WHERE id = ?", (pid,))
            else:  # the heir's own title, address and date (NULL: the document's)
                self.db.execute(
                    "UPDATE passages SET doc_id = ?, title = NULL, url = NULL, date = NULL "
                    "WHERE id = ?",
                    (heir[0], pid),
                )
                self.db.execute("DELETE FROM shared WHERE hash = ? AND doc_id = ?", (h, heir[0]))
            lost += 1
        return int(lost)

    def remove(self, source: str) -> int:
        """Drop a document (by its source name, as ``list`` shows it): how many passages
        it held. Those another document also holds stay in the store, under that one."""
        with self.db:
            row = self.db.execute("SELECT id FROM documents WHERE source = ?", (source,))
            found = row.fetchone()
            if found is None:
                return 0
            n = self._drop(found[0])
            self.db.execute("DELETE FROM documents WHERE id = ?", (found[0],))
        self._matrix = None
        return n

    def list(self) -> list[SourceInfo]:
        """Each document with the passages it holds, those indexed under another one too."""
        rows = self.db.execute(
            "SELECT d.source, d.title, d.url, d.date, "
            "(SELECT count(*) FROM passages p WHERE p.doc_id = d.id) "
            "+ (SELECT count(*) FROM shared s WHERE s.doc_id = d.id), d.added "
            "FROM documents d ORDER BY d.id"
        )
        return [SourceInfo(*r) for r in rows]

    def document_text(self, source: str) -> str | None:
        """A document's passages in the order they were added, joined: what the page said
        before a passage, for names a passage leaves to the text before it."""
        row = self.db.execute("SELECT id FROM documents WHERE source = ?", (source,)).fetchone()
        if row is None:
            return None
        rows = self.db.execute(
            "SELECT id, text FROM passages WHERE doc_id = ? UNION "
            "SELECT p.id, p.text FROM passages p JOIN shared s ON s.hash = p.hash "
            "WHERE s.doc_id = ? ORDER BY 1",
            (row[0], row[0]),
        ).fetchall()
        return "\n\n".join(r[1] for r in rows) or None

    def _dense(self) -> tuple[np.ndarray, np.ndarray]:
        if self._matrix is None:
            rows = self.db.execute("SELECT id, embedding FROM passages ORDER BY id").fetchall()
            self._ids = np.array([r[0] for r in rows], dtype=np.int64)
            blob = b"".join(r[1] for r in rows)
            # float16 on disk, float32 in memory: one conversion, not one per query.
            matrix = np.frombuffer(blob, dtype=np.float16).reshape(len(rows), -1)
            self._matrix = matrix.astype(np.float32)
        assert self._ids is not None
        return self._ids, self._matrix

    def search(self, query: str, k: int = 5) -> list[Hit]:
        return self.search_many([query], k)[0]

    def search_many(self, queries: list[str], k: int = 5) -> list[list[Hit]]:
        """Hybrid search for several queries at once (one embedding batch)."""
        if not queries:
            return []
        if len(self) == 0:  # nothing to find (and no matrix to search)
            return [[] for _ in queries]
        ids, matrix = self._dense()
        qvecs = self.embedder.encode(queries)
        out = []
        for query, qvec in zip(queries, qvecs, strict=True):
            bm25: dict[int, float] = {}
            q = fts_query(query)
            if q:
                rows = self.db.execute(
                    "SELECT rowid, bm25(passages_fts) FROM passages_fts WHERE passages_fts "
                    "MATCH ? ORDER BY bm25(passages_fts) LIMIT ?",
                    (q, CANDIDATES),
                )
                bm25 = {int(r[0]): -float(r[1]) for r in rows}
            cos: dict[int, float] = {}
            if len(ids):
                sims = matrix @ qvec
                top = np.argsort(-sims)[:CANDIDATES]
                cos = {int(ids[i]): float(sims[i]) for i in top}
            fused = rrf([list(bm25), list(cos)])
            best = sorted(fused, key=lambda i: -fused[i])[:k]
            passages = self._passages(best)
            hits = [
                Hit(passages[i], fused[i], bm25.get(i), cos.get(i)) for i in best if i in passages
            ]
            out.append(hits)
        return out

    def _passages(self, ids: list[int]) -> dict[int, Passage]:
        if not ids:
            return {}
        rows = self.db.execute(
            "SELECT p.id, p.text, d.source, coalesce(p.title, d.title), coalesce(p.url, d.url), "
            "coalesce(p.date, d.date) FROM passages p "
            f"JOIN documents d ON d.id = p.doc_id WHERE p.id IN ({','.join('?' * len(ids))})",
            ids,
        )
        # A store that took an empty passage before they were refused keeps it unread.
        return {
            r[0]: Passage(r[1], r[2], r[3] or None, r[4] or None, r[5] or None)
            for r in rows
            if r[1].strip() and r[2].strip()
        }
