"""The same scan on Ray Data, for crawls bigger than one machine.

The plan: ``from_items`` (one row per input file) -> ``map_batches(read)``, a generator that
streams each file's records with the very readers the local engine uses (so record ids and
per-row errors are identical) -> ``map_batches(RayScorer)`` on an actor pool whose actors
load the detector once each (``num_gpus=1`` per actor when the cluster has GPUs) -> the
driver iterates the scored blocks and writes them as part files through the same
``ResultStore``, so resuming, atomic parts and compaction are shared with the local engine.

Ray is found the usual way: ``--ray-address`` / ``RAY_ADDRESS`` for an existing cluster,
else a local instance that is shut down again at the end. Cluster nodes need newsprobe
(and its models) installed.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa

from newsprobe.article import Article
from newsprobe.batch.resume import ResultStore
from newsprobe.batch.schema import SCHEMA
from newsprobe.errors import NewsprobeError
from newsprobe.ingest.records import Record, RecordOptions, iter_file_records
from newsprobe.settings import DetectOptions

READ_SCHEMA = pa.schema(
    [
        ("record_id", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("site", pa.string()),
        ("title", pa.string()),
        ("text", pa.string()),
        ("evasion", pa.string()),
        ("language", pa.string()),
        ("language_confidence", pa.float64()),
        ("read_error", pa.string()),
    ]
)


def _flatten(rec: Record) -> dict[str, Any]:
    a = rec.article
    return {
        "record_id": rec.record_id,
        "source": rec.source,
        "url": rec.url,
        "site": rec.site,
        "title": rec.title,
        "text": None if a is None else a.text,
        "evasion": None if a is None else json.dumps(a.meta.get("evasion", {})),
        # Carried so that a text in an unsupported language gets that verdict here too.
        "language": None if a is None else a.language,
        "language_confidence": None if a is None else a.meta.get("language_confidence"),
        "read_error": rec.error,
    }


def _unflatten(row: dict[str, Any]) -> Record:
    rec = Record(
        record_id=row["record_id"],
        source=row["source"],
        url=row["url"],
        site=row["site"],
        title=row["title"],
        error=row["read_error"],
    )
    if row["text"] is not None:
        rec.article = Article(
            text=row["text"],
            url=row["url"],
            site=row["site"],
            title=row["title"],
            source_path=row["source"],
            language=row["language"],
            meta={
                "evasion": json.loads(row["evasion"]),
                "record_id": row["record_id"],
                "language_confidence": row["language_confidence"] or 0.0,
            },
        )
    return rec


def make_reader(records: RecordOptions, done: dict[str, int | None], chunk: int) -> Any:
    """A generator UDF: one input path in, blocks of not-yet-done records out (an id
    done with another text is placed as the local engine places it, ``id@<text hash>``)."""
    from newsprobe.batch.scan import placed_id, rename, text_sha

    def read(batch: dict[str, Any]) -> Iterator[pa.Table]:
        for path in batch["path"]:
            rows: list[dict[str, Any]] = []
            for rec in iter_file_records(Path(str(path)), records):
                rename(rec, placed_id(rec.record_id, text_sha(rec), done))
                if rec.record_id in done:
                    continue
                rows.append(_flatten(rec))
                if len(rows) >= chunk:
                    yield pa.Table.from_pylist(rows, schema=READ_SCHEMA)
                    rows = []
            if rows:
                yield pa.Table.from_pylist(rows, schema=READ_SCHEMA)

    return read


class RayScorer:
    """Actor: loads the detector once, then scores blocks of records into result rows."""

    def __init__(self, detector: str | None, detect: DetectOptions, threads: int) -> None:
        import torch

        from newsprobe.pipeline import load_detector

        torch.set_num_threads(threads)
        self.detect = detect
        self.det = load_detector(detector, detect)

    def __call__(self, batch: pa.Table) -> pa.Table:
        from newsprobe.batch.scan import score_records

        recs = [_unflatten(r) for r in batch.to_pylist()]
        return pa.Table.from_pylist(score_records(recs, self.det, self.detect), schema=SCHEMA)


def _one_line(exc: BaseException) -> str:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, NewsprobeError):
            return str(cause)
        cause = cause.__cause__ or getattr(cause, "cause", None)
    lines = [x for x in str(exc).splitlines() if x.strip()]
    return f"ray scan failed: {type(exc).__name__}: {lines[-1] if lines else ''}"


def scan_ray(
    files: list[Path],
    store: ResultStore,
    done: dict[str, int | None],
    detector: str | None,
    detect: DetectOptions,
    records: RecordOptions,
    options: Any,
    progress: Any,
    summary: Any,
) -> None:
    """Run the scan on Ray; rows arrive at the driver and are written as parts there."""
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise NewsprobeError("--engine ray needs Ray: pip install 'newsprobe[ray]'") from exc
    from newsprobe.batch.resume import short_sha
    from newsprobe.batch.scan import _record, placed_id

    started = False
    if not ray.is_initialized():
        address = options.ray_address or os.environ.get("RAY_ADDRESS")
        # The scan's own bar and summary report progress; Ray's setup notes are noise here.
        kwargs: dict[str, Any] = {"include_dashboard": False, "logging_level": "error"}
        if not address:
            kwargs["num_cpus"] = os.cpu_count() or 1
        try:
            ray.init(address=address, **kwargs)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise NewsprobeError(
                f"cannot start or reach Ray ({address or 'local'}): {str(exc).splitlines()[0]}"
            ) from exc
        started = True
    try:
        logging.getLogger("ray.data").setLevel(logging.ERROR)
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False  # the scan's own bar reports progress
        # Blocks come back in input order, so an id repeated across files keeps its first
        # occurrence, as in the local engine (otherwise which copy wins depends on timing).
        ctx.execution_options.preserve_order = True
        resources = ray.cluster_resources()
        gpus = resources.get("GPU", 0) if detect.device != "cpu" else 0
        threads = options.threads or 1
        workers = options.workers or max(1, int(resources.get("CPU", 1) // threads))
        if gpus:
            workers = min(workers, int(gpus))
        ds = ray.data.from_items(
            [{"path": str(p)} for p in files], override_num_blocks=max(1, len(files))
        )
        ds = ds.map_batches(
            make_reader(records, done, options.chunk_size),
            batch_size=1,
            batch_format="numpy",
            num_cpus=0,  # reading is light; CPUs are left to the scoring actors
        )
        ds = ds.map_batches(
            RayScorer,
            fn_constructor_kwargs={"detector": detector, "detect": detect, "threads": threads},
            batch_size=options.chunk_size,
            batch_format="pyarrow",
            # Up to ``workers`` actors, as many as there are chunks to score (a fixed
            # pool warned when a small input could not feed it).
            compute=ray.data.ActorPoolStrategy(min_size=1, max_size=workers),
            num_cpus=0 if gpus else threads,
            num_gpus=1 if gpus else 0,
        )
        if done:
            summary.notes.append(
                f"the readers skipped input rows whose ids are among the {len(done)} "
                "already in the results"
            )
        seen: dict[str, int | None] = {}  # this run's ids, with their texts' hashes
        for block in ds.iter_batches(batch_size=None, batch_format="pyarrow"):
            rows = []
            for row in block.to_pylist():
                sha = short_sha(row["text_sha"])
                row["record_id"] = placed_id(row["record_id"], sha, seen)
                if row["record_id"] in done:
                    summary.skipped += 1
                elif row["record_id"] in seen:
                    summary.repeated += 1
                else:
                    seen[row["record_id"]] = sha
                    rows.append(row)
            if rows:
                _record(rows, store, summary)
                progress.advance(len(rows))
    except NewsprobeError:
        raise
    except Exception as exc:  # Ray wraps user errors; the user gets one line
        raise NewsprobeError(_one_line(exc)) from exc
    finally:
        if started:
            ray.shutdown()
