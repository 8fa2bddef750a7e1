"""The ``scan`` and ``sites`` commands (registered on the main ``newsprobe`` app).

Thin shells: they parse options, call ``batch.scan.scan`` or ``batch.sites.site_report``
and print. Kept out of ``cli.py`` so the batch commands live with the batch code.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from newsprobe.cli_options import DeviceOpt, RuntimeOpt, text_column
from newsprobe.errors import NewsprobeError, OutputError
from newsprobe.fileio import output_file
from newsprobe.words import counted

err = Console(stderr=True)


class RichScanProgress:
    """Bar, count, articles/s and ETA on stderr; the rate counts only records scored now
    (records skipped on resume would make it lie)."""

    def __init__(self) -> None:
        self._bar = Progress(
            TextColumn("scanning"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("{task.fields[eta]}"),
            console=err,
            transient=False,
            disable=not err.is_terminal,
        )
        self._task = self._bar.add_task("scan", total=None, rate="", eta="")
        self._start = time.perf_counter()
        self._n = 0
        self._total: int | None = None

    def __enter__(self) -> RichScanProgress:
        self._bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.__exit__(*exc)  # type: ignore[arg-type]

    def start(self, total: int | None, done: int) -> None:
        self._total = total
        self._start = time.perf_counter()
        self._bar.update(self._task, total=total)
        if done:
            # Not "N skipped": the inputs may hold fewer of them (a file left out this time).
            err.print(
                f"resuming: {counted(done, 'record')} in the results already; "
                "input rows with their ids are skipped"
            )

    def advance(self, n: int) -> None:
        self._n += n
        elapsed = time.perf_counter() - self._start
        rate = self._n / elapsed if elapsed > 0 else 0.0
        eta = ""
        if self._total is not None and rate > 0:
            left = max(0, self._total - self._n) / rate
            eta = f"ETA {int(left // 3600)}:{int(left % 3600 // 60):02d}:{int(left % 60):02d}"
        self._bar.update(self._task, advance=n, rate=f"{rate:.2f} articles/s", eta=eta)


def scan_cmd(
    inputs: Annotated[
        list[str],
        typer.Argument(help="JSONL/CSV/Parquet/WARC files, folders of .txt/.md/.html/.pdf"),
    ],
    out: Annotated[Path, typer.Option("--out", help="Results Parquet file")] = Path(
        "results.parquet"
    ),
    text_field: Annotated[
        str | None,
        typer.Option(help="Column holding the article text [default: text]", show_default=False),
    ] = None,
    html_field: Annotated[
        str | None, typer.Option(help="Column holding HTML (extracted instead of text)")
    ] = None,
    id_field: Annotated[str, typer.Option(help="Column with a stable record id")] = "id",
    url_field: Annotated[str, typer.Option(help="Column with the URL")] = "url",
    site_field: Annotated[str, typer.Option(help="Column with the site (else URL host)")] = "site",
    title_field: Annotated[str, typer.Option(help="Column with the title")] = "title",
    detector: Annotated[
        str, typer.Option(help="'default' (shipped), or a fitted detector .json")
    ] = "default",
    fpr: Annotated[
        float | None, typer.Option(help="Share of human news the threshold may flag")
    ] = None,
    max_tokens: Annotated[
        int | None, typer.Option(help="Tokens scored per article (default: the detector's)")
    ] = None,
    chunk_size: Annotated[int, typer.Option(help="Records per scoring call / part file")] = 32,
    workers: Annotated[
        int | None,
        typer.Option(help="Processes (local, default 1) or actors (ray, default: CPUs/threads)"),
    ] = None,
    threads: Annotated[
        int | None,
        typer.Option(help="Model threads per worker, torch or onnx (default: cores / workers)"),
    ] = None,
    engine: Annotated[str, typer.Option(help="local, or ray (Ray Data)")] = "local",
    ray_address: Annotated[
        str | None, typer.Option(help="Ray cluster address (default: $RAY_ADDRESS or local)")
    ] = None,
    device: DeviceOpt = None,
    runtime: RuntimeOpt = "torch",
) -> None:
    """Score a crawl into a Parquet file; rerun the same command to resume after a kill."""
    from newsprobe.batch.scan import ScanOptions, scan
    from newsprobe.ingest.records import WARC_SUFFIXES, RecordOptions
    from newsprobe.settings import DetectOptions

    if fpr is not None and not 0.0 < fpr < 1.0:
        raise NewsprobeError(f"--fpr must be between 0 and 1, got {fpr}")
    # Per-article rows only: sentence scores are not stored in the results table.
    detect = DetectOptions(
        max_tokens=max_tokens, fpr=fpr, device=device, runtime=runtime, sentences=False
    )
    records = RecordOptions(
        text_field=text_column(text_field, html_field),
        html_field=html_field,
        id_field=id_field,
        url_field=url_field,
        site_field=site_field,
        title_field=title_field,
    )
    options = ScanOptions(
        chunk_size=chunk_size,
        workers=workers,
        threads=threads,
        engine=engine,
        ray_address=ray_address,
    )
    named = "--text-field" if text_field is not None else "--html-field" if html_field else ""
    if named and any(str(i).lower().endswith(WARC_SUFFIXES) for i in inputs):
        err.print(f"note: {named} is not read from WARC files: their records are web pages")
    try:
        with RichScanProgress() as progress:
            s = scan(inputs, out, detector, detect, records, options, progress)
    except KeyboardInterrupt:
        err.print(f"interrupted: finished chunks are kept in {out}.parts; rerun to resume")
        sys.exit(130)
    except OSError as exc:  # a full disk, a folder gone: what was finished is kept
        why = f"cannot write the results to {out} ({exc.strerror or exc})"
        if not any(Path(f"{out}.parts").glob("part-*.parquet")):
            raise OutputError(why) from exc  # nothing kept: no resuming to promise
        raise OutputError(
            f"{why}; finished chunks are kept in {out}.parts; rerun the same command to resume"
        ) from exc
    errors = f"{counted(s.errors, 'error')} in the error column"
    if s.error_rows > s.errors:  # a resumed scan: the file also holds earlier runs' errors
        errors = f"{counted(s.errors, 'error')} now, {s.error_rows} in the file's error column"
    line = (
        f"{s.out}: {counted(s.rows, 'row')} ({s.scored} scored now, {errors}, "
        f"{s.skipped} skipped as already done) in {s.seconds:.1f}s"
    )
    if s.scored and s.seconds > 0:
        line += f", {(s.scored + s.errors) / s.seconds:.2f} articles/s"
    if s.retried:
        line += f"; {counted(s.retried, 'record')} whose scoring had failed tried again"
    if s.duplicates:
        line += f"; {counted(s.duplicates, 'repeated record id')} kept once"
    for note in s.notes:
        line += f"; {note}"
    err.print(line, soft_wrap=True, highlight=False)
    if s.errors and not s.scored:
        # Every row of this run is an error row: most likely a wrong option (--text-field)
        # or input, which a zero exit would let a pipeline take for a finished scan.
        # Exit 1, as check's for inputs that could not be read: the run itself went through.
        print(
            f"error: none of the {s.errors} records could be scored; the first: {s.first_error}",
            file=sys.stderr,
            flush=True,
        )
        raise typer.Exit(1)
    if s.failed:
        # Not the records' fault (memory, a device): a rerun scores them again.
        print(
            f"error: scoring failed on {counted(s.failed, 'record')} (the first: "
            f"{s.first_failure}); rerun the same command to try them again",
            file=sys.stderr,
            flush=True,
        )
        raise typer.Exit(1)


def sites_cmd(
    results: Annotated[Path, typer.Argument(help="Results Parquet file from newsprobe scan")],
    csv_out: Annotated[Path | None, typer.Option("--csv", help="Write the table as CSV")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the table as JSON")] = None,
    html_out: Annotated[Path | None, typer.Option("--html", help="Write an HTML report")] = None,
    min_articles: Annotated[int, typer.Option(help="Leave out sites with fewer articles")] = 1,
    top: Annotated[int, typer.Option(help="Top flagged articles listed per site")] = 3,
    confidence: Annotated[
        float, typer.Option(help="Wilson interval confidence, in [0.5, 1)")
    ] = 0.95,
) -> None:
    """Per-site share of machine-flagged articles, ranked by the interval's lower bound."""
    from newsprobe.batch.sites import site_report
    from newsprobe.report.sites import print_sites, write_csv, write_html, write_json

    if not 0.5 <= confidence < 1.0:
        raise NewsprobeError(f"--confidence must be in [0.5, 1), got {confidence}")
    if min_articles < 1 or top < 0:
        raise NewsprobeError(
            f"--min-articles must be at least 1 and --top at least 0, got {min_articles} and {top}"
        )
    for flag, out_path in (("--csv", csv_out), ("--json", json_out), ("--html", html_out)):
        if out_path is not None:
            output_file(out_path, flag, inputs=[results])
    report = site_report(results, top=top, confidence=confidence, min_articles=min_articles)
    if not report.sites:
        err.print(f"no site has {min_articles} articles or more (--min-articles)")
    if csv_out:
        write_csv(report, csv_out)
    if json_out:
        write_json(report, json_out)
    if html_out:
        write_html(report, html_out)
    print_sites(report, Console() if sys.stdout.isatty() else Console(width=160))
