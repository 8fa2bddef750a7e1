"""``newsprobe scan``: score a crawl record by record into a resumable Parquet file.

Records stream from the readers in ``ingest.records`` in bounded chunks, each chunk goes
through the library API (``check_articles``) and its rows are persisted before the next
chunk is taken (see ``batch.resume``), so memory stays flat whatever the input size and a
killed scan resumes where it stopped. Both cores are used either by torch's intra-op
threads in one process (``workers=1``) or by ``workers`` processes that each load the
model once; ``benchmarks/bench_scan.py`` measures which is faster.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from newsprobe.article import text_hash
from newsprobe.batch.resume import SCORING_FAILED, ResultStore, short_sha
from newsprobe.batch.schema import error_row, result_row
from newsprobe.detect.detector import Detector
from newsprobe.errors import DetectorFileError, ModelError, NewsprobeError, UsageError
from newsprobe.ingest.records import (
    Record,
    RecordOptions,
    count_records,
    input_files,
    iter_file_records,
)
from newsprobe.pipeline import check_articles, load_detector
from newsprobe.settings import DetectOptions

ENGINES = ("local", "ray")
FATAL = (ModelError, DetectorFileError, UsageError)  # the setup is broken, not one article


@dataclass(frozen=True, slots=True)
class ScanOptions:
    """How a scan runs (not what it computes: that is ``DetectOptions``).

    chunk_size: records per ``check_articles`` call and per part file; a kill loses at most
    the chunks in flight. workers: processes (local, default 1) or actors (ray, default one
    per ``threads`` cluster CPUs), each loading the model once. threads: torch threads per
    worker (None: cores // workers locally, 1 on Ray). engine: "local" or "ray".
    ray_address: an existing Ray cluster (None: ``RAY_ADDRESS`` or a local instance).
    """

    chunk_size: int = 32
    workers: int | None = None
    threads: int | None = None
    engine: str = "local"
    ray_address: str | None = None

    def threads_per_worker(self) -> int:
        return self.threads or max(1, (os.cpu_count() or 1) // (self.workers or 1))


@dataclass(slots=True)
class ScanSummary:
    """What a scan did: records scored now, error rows, records skipped as already done."""

    out: Path
    scored: int = 0
    errors: int = 0
    skipped: int = 0
    rows: int = 0
    duplicates: int = 0
    repeated: int = 0  # ids met twice in this run's inputs (not skipped as already done)
    seconds: float = 0.0
    engine: str = "local"
    notes: list[str] = field(default_factory=list)
    first_error: str | None = None
    retried: int = 0  # records whose scoring failed in an earlier run, scored again
    failed: int = 0  # rows of this run whose scoring failed (not the record's fault)
    first_failure: str | None = None
    error_rows: int = 0  # in the whole file, earlier runs' included


class ScanProgress(Protocol):
    def start(self, total: int | None, done: int) -> None: ...

    def advance(self, n: int) -> None: ...


class _NoProgress:
    def start(self, total: int | None, done: int) -> None:
        pass

    def advance(self, n: int) -> None:
        pass


def manifest_for(detector: Detector, detect: DetectOptions, records: RecordOptions) -> dict:
    """What must not change between a scan and its resumption."""
    digest = hashlib.sha256(json.dumps(detector.to_dict(), sort_keys=True).encode()).hexdigest()
    fpr = detect.fpr if detect.fpr is not None else detector.fpr
    return {
        "detector_sha256": digest[:16],
        "models": list(detector.models),
        "fpr": fpr,
        "max_tokens": detect.window(detector.max_tokens),
        "min_tokens": detector.min_tokens,
        # The date column is read for claims, which a scan does not check: a scan begun
        # before it was read resumes.
        "records": {k: v for k, v in asdict(records).items() if k not in ("date_field", "id_base")},
    }


def score_records(
    records: list[Record], detector: Detector, detect: DetectOptions
) -> list[dict[str, Any]]:
    """Result rows for a chunk, in order: scored, or with the reason in ``error``.

    The chunk is scored in one call; if that call fails, each article is retried alone so
    that one poisonous text costs only its own row. A model or detector that cannot load is
    not an article's fault: it stops the scan instead of filling the file with error rows.
    """
    model = detector.model_label
    ok = [r for r in records if r.article is not None]
    failed: dict[str, str] = {}
    try:
        check_articles([r.article for r in ok], detector, detect)  # type: ignore[misc]
    except FATAL:
        raise
    except Exception:  # retried one by one below: any single failure stays on its row
        for r in ok:
            try:
                check_articles([r.article], detector, detect)  # type: ignore[list-item]
            except FATAL:
                raise
            except Exception as exc:  # recorded in the error column
                failed[r.record_id] = f"{SCORING_FAILED}{type(exc).__name__}: {exc}"
    rows = []
    for r in records:
        if r.article is None:
            rows.append(error_row(r, r.error or "no article"))
        elif r.record_id in failed:
            rows.append(error_row(r, failed[r.record_id]))
        else:
            rows.append(result_row(r, r.article, model))
        if r.article is not None:
            r.article.token_stats = {}  # per-token arrays are not kept: memory stays flat
    return rows


def chunked(items: Iterable[Record], size: int) -> Iterator[list[Record]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def placed_id(record_id: str, sha: int | None, seen: dict[str, int | None]) -> str:
    """The id a record is written under. An id already written with another text (or
    with none, an unreadable row) is another article under a reused id (exports of
    several sites, each numbered from 1), so it becomes ``id@<text hash>``, the same for
    the same text whatever file holds it; with the same text, or no text to compare, it is
    the same record (a crawl that holds last week's articles again), to be skipped."""
    if record_id not in seen or sha is None or seen[record_id] == sha:
        return record_id
    return f"{record_id}@{sha:015x}"[: len(record_id) + 11]


def text_sha(rec: Record) -> int | None:
    return None if rec.article is None else short_sha(text_hash(rec.article.text))


def rename(rec: Record, record_id: str) -> None:
    rec.record_id = record_id
    if rec.article is not None:
        rec.article.meta["record_id"] = record_id


class _Pending:
    """Records not yet in the results; an id seen before is skipped, counted apart as
    already in the results (a resumed scan) or repeated in this run's inputs."""

    def __init__(
        self, files: list[Path], records: RecordOptions, done: dict[str, int | None]
    ) -> None:
        self.files, self.records, self.done = files, records, done
        # Results not met yet in this run's inputs: the first meeting is "already done",
        # a second one (the id in another file too) a repeat, as in the run that wrote it.
        self.unmet = set(done)
        self.skipped = self.repeated = 0

    def __iter__(self) -> Iterator[Record]:
        for path in self.files:
            for rec in iter_file_records(path, self.records):
                sha = text_sha(rec)
                rename(rec, placed_id(rec.record_id, sha, self.done))
                if rec.record_id in self.done:
                    if rec.record_id in self.unmet:
                        self.unmet.discard(rec.record_id)
                        self.skipped += 1
                    else:
                        self.repeated += 1
                    continue
                self.done[rec.record_id] = sha
                yield rec


def check_inputs(files: list[Path], records: RecordOptions) -> None:
    """Raise the one-line error that a file's reader gives before its first record (no
    such column, empty CSV, not Parquet or WARC, unreadable), or for a column named by an
    option that the file lacks, without reading further."""
    from newsprobe.ingest import records as ingest  # a peek, apart from the scan's reads

    for path in files:
        reader = ingest.iter_file_records(path, records)
        try:
            next(reader, None)
        finally:
            reader.close()
        ingest.check_named_columns(path, records)


def count_inputs(files: list[Path], records: RecordOptions) -> int | None:
    total = 0
    for f in files:
        n = count_records(f, records)
        if n is None:
            return None
        total += n
    return total


def scan(
    inputs: Iterable[str | Path],
    out: Path,
    detector: str | None = "default",
    detect: DetectOptions | None = None,
    records: RecordOptions | None = None,
    options: ScanOptions | None = None,
    progress: ScanProgress | None = None,
) -> ScanSummary:
    """Score every record of ``inputs`` into ``out`` (Parquet), resuming a killed scan."""
    detect = detect or DetectOptions(sentences=False)
    records = records or RecordOptions()
    options = options or ScanOptions()
    progress = progress or _NoProgress()
    if options.engine not in ENGINES:
        raise NewsprobeError(f"unknown engine {options.engine!r} (choose local or ray)")
    if options.chunk_size < 1 or any(
        n is not None and n < 1 for n in (options.workers, options.threads)
    ):
        raise NewsprobeError("--chunk-size, --workers and --threads must be at least 1")
    if detect.device:
        from newsprobe.models.loader import pick_device

        pick_device(detect.device)  # "tpu" is refused here, not on every row
    left_out: list[str] = []
    files = input_files(inputs, left_out)
    check_inputs(files, records)  # before the store: a bad input must leave nothing behind
    det = load_detector(detector, detect)
    store = ResultStore(Path(out), manifest_for(det, detect, records))
    done = store.open()
    records = replace(records, id_base=store.id_base)
    summary = ScanSummary(out=Path(out), engine=options.engine, notes=left_out)
    summary.retried = len(store.retry)
    total = count_inputs(files, records)
    progress.start(None if total is None else max(0, total - len(done)), len(done))
    start = time.perf_counter()
    if options.engine == "ray":
        from newsprobe.batch.ray_engine import scan_ray

        scan_ray(files, store, done, detector, detect, records, options, progress, summary)
    else:
        pending = _Pending(files, records, done)
        chunks = chunked(pending, options.chunk_size)
        if (options.workers or 1) == 1:
            _scan_here(chunks, store, det, detect, options, progress, summary)
        else:
            for model in det.models:  # converted and exported once, not by every worker
                det.extractor.language_model(model).prepare()
            _scan_pool(chunks, store, detector, detect, options, progress, summary)
        summary.skipped, summary.repeated = pending.skipped, pending.repeated
    summary.seconds = time.perf_counter() - start
    summary.rows, summary.duplicates = store.finalize()
    summary.duplicates += summary.repeated  # one line for both: "repeated ids kept once"
    summary.error_rows = store.error_rows()
    return summary


def _record(rows: list[dict[str, Any]], store: ResultStore, summary: ScanSummary) -> None:
    store.write(rows)
    errors = [r["error"] for r in rows if r["error"] is not None]
    if errors and summary.first_error is None:
        summary.first_error = errors[0]
    summary.errors += len(errors)
    failures = [e for e in errors if e.startswith(SCORING_FAILED)]
    if failures and summary.first_failure is None:
        summary.first_failure = failures[0]
    summary.failed += len(failures)
    summary.scored += len(rows) - len(errors)


def _scan_here(
    chunks: Iterator[list[Record]],
    store: ResultStore,
    det: Detector,
    detect: DetectOptions,
    options: ScanOptions,
    progress: ScanProgress,
    summary: ScanSummary,
) -> None:
    import torch

    torch.set_num_threads(options.threads_per_worker())
    for chunk in chunks:
        _record(score_records(chunk, det, detect), store, summary)
        progress.advance(len(chunk))


# -- worker processes: each loads the detector once ---------------------------------------
_WORKER: dict[str, Any] = {}


def _exit_with_parent() -> None:
    """A killed scan must not leave workers computing: exit when the parent is gone.

    (Measured: after SIGKILL of the scan, spawn workers kept running for minutes.)
    """
    import threading

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def _init_worker(detector: str | None, detect: DetectOptions, threads: int) -> None:
    import torch

    _exit_with_parent()
    torch.set_num_threads(threads)
    _WORKER["det"] = load_detector(detector, detect)
    _WORKER["detect"] = detect


def _score_in_worker(chunk: list[Record]) -> list[dict[str, Any]]:
    return score_records(chunk, _WORKER["det"], _WORKER["detect"])


def _scan_pool(
    chunks: Iterator[list[Record]],
    store: ResultStore,
    detector: str | None,
    detect: DetectOptions,
    options: ScanOptions,
    progress: ScanProgress,
    summary: ScanSummary,
) -> None:
    """Chunks fan out to worker processes; at most two per worker are in flight, so the
    reader never runs ahead of the scoring (memory stays flat)."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")  # no fork after torch/tokenizers threads
    pool = ProcessPoolExecutor(
        options.workers,
        mp_context=ctx,
        initializer=_init_worker,
        initargs=(detector, detect, options.threads_per_worker()),
    )
    in_flight: dict[Future, int] = {}
    try:
        for chunk in chunks:
            while len(in_flight) >= 2 * (options.workers or 1):
                _drain(in_flight, store, progress, summary)
            in_flight[pool.submit(_score_in_worker, chunk)] = len(chunk)
        while in_flight:
            _drain(in_flight, store, progress, summary)
    except BaseException:
        # chunks in flight were not written, so a rerun scores them: nothing is lost
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _drain(
    in_flight: dict[Future, int],
    store: ResultStore,
    progress: ScanProgress,
    summary: ScanSummary,
) -> None:
    finished, _ = wait(list(in_flight), return_when=FIRST_COMPLETED)
    for fut in finished:
        n = in_flight.pop(fut)
        try:
            rows = fut.result()
        except BrokenProcessPool as exc:
            raise NewsprobeError(
                f"a worker process died ({exc}); rerun the same command to resume"
            ) from exc
        _record(rows, store, summary)
        progress.advance(n)
