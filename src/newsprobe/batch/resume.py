"""Where a scan's results go, so that a killed scan loses nothing and redoes nothing.

Each scored chunk becomes one Parquet part file in ``<out>.parts/``, written to a temporary
name and moved into place with ``os.replace``: a part is either whole or absent, never half
written. On restart the record ids in the parts (and in ``<out>`` itself, if a finished scan
is being extended) are read back and those records are skipped. At the end the parts are
compacted, de-duplicated by record id, into ``<out>`` (again via a temporary file and
``os.replace``), and only then is the parts folder removed: a kill at any point leaves either
the parts or the finished file, and the next run picks up from whichever is there.

A row whose scoring failed (``error`` starting ``scoring failed:``: the model ran out of
memory, a device went away) is not the record's fault, so it is not done: a rerun scores
it again, and the compacted file keeps the new row in place of the old one.

A ``scan.json`` manifest in the parts folder records the detector and options; a resume with
different ones is refused, because mixing thresholds in one file would be silently wrong. A
manifest with no part files beside it describes no results, and is simply replaced.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsprobe.batch.schema import SCHEMA, to_table
from newsprobe.errors import InputError, NewsprobeError
from newsprobe.fileio import output_file

MANIFEST = "scan.json"
META_KEY = b"newsprobe.scan"
#: The manifest's keys as a user set them.
OPTION_NAMES = {
    "detector_sha256": "--detector",
    "models": "--detector",
    "min_tokens": "--detector",
    "fpr": "--fpr",
    "max_tokens": "--max-tokens",
    "records": "the field options: --text-field, --html-field, --id-field, ...",
}
#: How an error row begins when the scoring failed rather than the record (``scan``).
SCORING_FAILED = "scoring failed: "


class ResultStore:
    """The part files of one scan and the finished file they compact into.

    out (Path): the finished Parquet file. manifest (dict): detector digest and options
    that every part of this scan must share.
    """

    def __init__(self, out: Path, manifest: dict[str, Any]) -> None:
        self.out = Path(out)
        self.parts = self.out.with_name(self.out.name + ".parts")
        self.manifest = dict(manifest)
        # The folder the paths in record ids start from: where the scan was first run,
        # kept in the manifest relative to the results file, so that a rerun from another
        # folder, or of a crawl moved with its results, resumes the same ids. A scan made
        # before there was one: this folder, as it then was.
        self.id_base = os.getcwd()
        self._adopt_base(os.path.relpath(self.id_base, self.out.absolute().parent))
        self._next = 0
        self.retry: set[str] = set()  # ids whose scoring failed in an earlier run
        # Whether any row read or written failed scoring: only then does the compaction
        # look for failures a later row replaces (a pass over every id, saved otherwise).
        self._failures = False

    # -- opening and resuming -----------------------------------------------------------
    def open(self) -> dict[str, int | None]:
        """Prepare the parts folder and return the record ids that are already done, each
        with its text's hash (:func:`short_sha`; None for a row without text)."""
        output_file(self.out, "--out", "a .parquet file")
        done: dict[str, int | None] = {}
        if self.out.exists():
            self._check_manifest(self._out_manifest(), str(self.out))
            self._read_done(self.out, done)
        self.parts.mkdir(exist_ok=True)
        for tmp in self.parts.glob("*.tmp"):
            tmp.unlink()  # a part that a killed run was writing; its records are redone
        parts = self.part_files()
        manifest_path = self.parts / MANIFEST
        if manifest_path.exists() and parts:
            try:
                previous = json.loads(manifest_path.read_text())
            except (OSError, ValueError) as exc:
                raise InputError(f"{manifest_path}: unreadable scan manifest ({exc})") from exc
            self._check_manifest(previous, str(self.parts))
        else:
            # no parts: a manifest alone describes no results (a run that failed or was
            # stopped before its first chunk), so this run may take the folder over
            _atomic_write_text(manifest_path, json.dumps(self.manifest, indent=1))
        for part in parts:
            self._read_done(part, done)
            self._next = max(self._next, _part_no(part) + 1)
        self.retry -= done.keys()  # scored in a later part already
        return done

    def _adopt_base(self, relative: str) -> None:
        self.manifest[ID_BASE] = relative
        self.id_base = os.path.normpath(os.path.join(self.out.absolute().parent, relative))

    def _read_done(self, path: Path, done: dict[str, int | None]) -> None:
        for record_id, error, sha in _ids_errors_and_texts(path):
            if error is not None and error.startswith(SCORING_FAILED):
                self.retry.add(record_id)
                self._failures = True
            else:
                done.setdefault(record_id, short_sha(sha))

    def _out_manifest(self) -> dict[str, Any] | None:
        try:
            meta = pq.read_schema(self.out).metadata or {}
        except (OSError, pa.ArrowException) as exc:
            raise InputError(f"{self.out}: exists and is not a scan results file") from exc
        if META_KEY not in meta:
            raise InputError(f"{self.out}: exists and is not a newsprobe scan results file")
        return json.loads(meta[META_KEY])

    def _check_manifest(self, previous: dict[str, Any] | None, where: str) -> None:
        """Refuse results made with other options; adopt their ``id_base``."""
        if previous is None:
            return
        if ID_BASE in previous:
            self._adopt_base(previous[ID_BASE])
        previous = {k: v for k, v in previous.items() if k != ID_BASE}
        mine = {k: v for k, v in self.manifest.items() if k != ID_BASE}
        if previous == mine:
            return
        diff = sorted(k for k in mine if previous.get(k) != mine.get(k))
        named = dict.fromkeys(OPTION_NAMES.get(k, k) for k in diff)
        raise NewsprobeError(
            f"{where} holds results made with other options ({', '.join(named)}); "
            "rerun with the same detector and options, or choose another --out (or delete "
            f"{where} to start over)"
        )

    def part_files(self) -> list[Path]:
        return sorted(self.parts.glob("part-*.parquet"))

    # -- writing ------------------------------------------------------------------------
    def write(self, rows: list[dict[str, Any]] | pa.Table) -> Path | None:
        """Persist one chunk of result rows as a new part file (atomically)."""
        table = rows if isinstance(rows, pa.Table) else to_table(rows)
        self._failures = self._failures or any(
            e is not None and e.startswith(SCORING_FAILED)
            for e in table.column("error").to_pylist()
        )
        if table.num_rows == 0:
            return None
        path = self.parts / f"part-{self._next:08d}.parquet"
        self._next += 1
        tmp = path.with_name(path.name + ".tmp")
        try:
            pq.write_table(table.cast(SCHEMA), tmp)
            _fsync(tmp)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        os.replace(tmp, path)
        return path

    def finalize(self) -> tuple[int, int]:
        """Compact ``out`` and the parts into ``out``; returns (rows, duplicates dropped)."""
        parts = self.part_files()
        sources = ([self.out] if self.out.exists() else []) + parts
        if parts or not self.out.exists():
            rows, dupes = self._compact(sources)
        else:
            rows, dupes = pq.read_metadata(self.out).num_rows, 0
        shutil.rmtree(self.parts, ignore_errors=True)
        return rows, dupes

    def error_rows(self) -> int:
        """Rows of ``out`` with an error, this run's and earlier ones' (after finalize)."""
        if not self.out.exists():
            return 0
        column = pq.read_table(self.out, columns=["error"]).column("error")
        return len(column) - column.null_count

    def _compact(self, sources: list[Path]) -> tuple[int, int]:
        schema = SCHEMA.with_metadata({META_KEY: json.dumps(self.manifest).encode()})
        tmp = self.out.with_name(self.out.name + ".tmp")
        superseded = _superseded_failures(sources) if self._failures else set()
        seen: set[str] = set()
        rows = dupes = 0
        try:
            with pq.ParquetWriter(tmp, schema) as writer:
                for n, src in enumerate(sources):
                    for batch in _batches([src]):
                        ids = batch.column("record_id").to_pylist()
                        errors = batch.column("error").to_pylist()
                        keep = []
                        for i, error in zip(ids, errors, strict=True):
                            if (i, n) in superseded and error and error.startswith(SCORING_FAILED):
                                keep.append(False)
                            else:
                                keep.append(i not in seen)
                                dupes += i in seen
                                seen.add(i)
                        table = pa.Table.from_batches([batch]).filter(pa.array(keep, pa.bool_()))
                        if table.num_rows:
                            writer.write_table(table.cast(schema))
                            rows += table.num_rows
            _fsync(tmp)
        except BaseException:
            tmp.unlink(missing_ok=True)  # a full disk leaves no half-written file
            raise
        os.replace(tmp, self.out)
        return rows, dupes


def _batches(sources: list[Path]) -> Iterator[pa.RecordBatch]:
    """Every source's rows in the current layout; a column that results written by an
    older version lack is null there, so a scan resumed after an upgrade still compacts."""
    for src in sources:
        pf = pq.ParquetFile(src)
        have = set(pf.schema_arrow.names)
        for batch in pf.iter_batches(
            batch_size=8192, columns=[c for c in SCHEMA.names if c in have]
        ):
            yield pa.RecordBatch.from_arrays(
                [
                    batch.column(f.name) if f.name in have else pa.nulls(batch.num_rows, f.type)
                    for f in SCHEMA
                ],
                schema=SCHEMA,
            )


def _superseded_failures(sources: list[Path]) -> set[tuple[str, int]]:
    """(id, source index) of each row whose scoring failed and whose record has a row in a
    later source: a rerun scored it again, so the old row gives way (not counted as a
    repeat); every other id keeps its first row. Only failures are remembered, so memory
    follows them, not the crawl."""
    failed_at: dict[str, int] = {}
    superseded: set[tuple[str, int]] = set()
    for n, src in enumerate(sources):
        for record_id, error in _ids_and_errors(src):
            if record_id in failed_at and failed_at[record_id] < n:
                superseded.add((record_id, failed_at.pop(record_id)))
            if error is not None and error.startswith(SCORING_FAILED):
                failed_at[record_id] = n
    return superseded


#: The manifest key of the folder record ids start from (see ``ResultStore.id_base``).
ID_BASE = "id_base"


def short_sha(sha: str | None) -> int | None:
    """A text hash as the done ids keep it: its first 60 bits, a small int in memory
    (a crawl's millions of ids are held at once) and still never two texts alike."""
    return None if sha is None else int(sha[:15], 16)


def _ids_and_errors(path: Path) -> list[tuple[str, str | None]]:
    return [(i, error) for i, error, _ in _ids_errors_and_texts(path)]


def _ids_errors_and_texts(path: Path) -> list[tuple[str, str | None, str | None]]:
    try:
        table = pq.read_table(path, columns=["record_id", "error", "text_sha"])
    except (OSError, pa.ArrowException) as exc:
        raise InputError(f"{path}: unreadable results file ({exc})") from exc
    columns = (table.column(n).to_pylist() for n in range(3))
    return list(zip(*columns, strict=True))


def _part_no(path: Path) -> int:
    return int(path.stem.split("-")[1])


def _fsync(path: Path) -> None:
    with path.open("rb") as fh:
        os.fsync(fh.fileno())


def _atomic_write_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)


def read_results(
    path: Path, columns: list[str] | None = None, optional: Sequence[str] = ()
) -> Iterator[pa.RecordBatch]:
    """Stream a results file in batches (for reports), with a one-line error if it is not one.

    ``optional`` columns are read where the file has them (results written before they
    existed lack them).
    """
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: a folder, not a results file (scan --out names the file)")
    if not path.is_file():
        if path.with_name(path.name + ".parts").is_dir():  # a scan stopped before its end
            raise InputError(
                f"{path}: not written yet; {path.name}.parts holds a stopped scan's chunks "
                "(rerun the same scan command to finish it)"
            )
        raise InputError(f"{path}: no such results file")
    try:
        pf = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        raise InputError(f"{path}: not a Parquet file") from exc
    missing = [c for c in columns or [] if c not in pf.schema_arrow.names]
    if missing:
        raise InputError(f"{path}: not scan results (no column {missing[0]!r})")
    if columns is not None:
        columns = [*columns, *(c for c in optional if c in pf.schema_arrow.names)]
    yield from pf.iter_batches(batch_size=8192, columns=columns)
