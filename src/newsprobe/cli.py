"""The ``newsprobe`` command: a thin shell over the library API.

Each command parses its options, calls one library function and prints the result. Every
:class:`~newsprobe.errors.NewsprobeError` becomes a one-line ``error: ...`` on stderr and a
non-zero exit code, never a traceback.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from newsprobe.cli_claims import (
    JudgeModelOpt,
    JudgeUrlOpt,
    MaxClaimsOpt,
    SourcesOpt,
    StoreOpt,
    claims_verifier,
    eval_claims,
    print_notes,
    sources_app,
)
from newsprobe.cli_options import (
    AllowPrivateOpt,
    DeviceOpt,
    RuntimeOpt,
    SeedOpt,
    text_column,
)
from newsprobe.errors import NewsprobeError, UsageError
from newsprobe.fileio import output_file, write_text_atomic
from newsprobe.words import counted

if TYPE_CHECKING:
    from newsprobe.detect.detector import Detector
    from newsprobe.eval.data import Row
    from newsprobe.eval.inputs import Excluded

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Tell whether a news article was written by a machine.",
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


def _version(value: bool) -> None:
    if value:
        from newsprobe import __version__

        print(f"newsprobe {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Tell whether a news article was written by a machine."""


def _error(message: object) -> None:
    """One line on stderr, never wrapped (scripts grep it)."""
    print(f"error: {message}", file=sys.stderr, flush=True)


DetectorOpt = Annotated[
    str, typer.Option("--detector", help="'default' (shipped), or a fitted detector .json")
]
TextFieldOpt = Annotated[
    str | None,
    typer.Option(
        help="Column holding the text in JSONL/CSV/Parquet inputs [default: text]",
        show_default=False,
    ),
]
HtmlFieldOpt = Annotated[
    str | None,
    typer.Option(help="Column holding HTML in JSONL/CSV/Parquet inputs (instead of text)"),
]


def _out() -> Console:
    """stdout console; wide when piped so that tables stay readable in logs."""
    return Console() if sys.stdout.isatty() else Console(width=160)


def _progress(total: int, label: str) -> Progress:
    return Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal and total < 2,
    )


@app.command()
def check(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Text, HTML or PDF files, JSONL/CSV/Parquet/WARC files, directories, URLs, "
            "or - for stdin"
        ),
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON (one object per article)")
    ] = False,
    with_text: Annotated[
        bool,
        typer.Option(
            "--with-text",
            help="With --json: also the text that was scored (what was read once debris "
            "was cut; the sentences' start and end index into it)",
        ),
    ] = False,
    fpr: Annotated[
        float | None, typer.Option(help="Share of human news the threshold may flag")
    ] = None,
    detector: DetectorOpt = "default",
    max_tokens: Annotated[
        int | None,
        typer.Option(
            help="Tokens scored per article (default: the detector's window); a longer "
            "window colours more sentences of a long article, at more cost"
        ),
    ] = None,
    read_ending: Annotated[
        bool,
        typer.Option(
            help="Read a long article's unscored ending alone, for a machine story behind "
            "a human lead (one more short model pass where the verdict is human)"
        ),
    ] = True,
    device: DeviceOpt = None,
    runtime: RuntimeOpt = "torch",
    allow_private: AllowPrivateOpt = False,
    text_field: TextFieldOpt = None,
    html_field: HtmlFieldOpt = None,
    sources: SourcesOpt = False,
    store: StoreOpt = None,
    max_claims: MaxClaimsOpt = 20,
    judge_url: JudgeUrlOpt = None,
    judge_model: JudgeModelOpt = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="With --sources: the articles' publication date (YYYY-MM-DD), which "
            "'last year' and 'a decade ago' in their claims count back from; over a date "
            "the page or a record's date column gives",
            show_default=False,
        ),
    ] = None,
    html_out: Annotated[
        Path | None,
        typer.Option(
            "--html",
            help="Also write the results as one self-contained HTML page (coloured "
            "sentences, claims, scores) to this file",
        ),
    ] = None,
) -> None:
    """Judge whether each article was machine-written (and, with --sources, its claims)."""
    from newsprobe.ingest import iter_inputs
    from newsprobe.ingest.records import (
        RecordOptions,
        check_error_json,
        expand_check_inputs,
        read_check_item,
    )
    from newsprobe.pipeline import check_articles, load_detector
    from newsprobe.report import article_json, render_article
    from newsprobe.settings import DetectOptions

    if fpr is not None and not 0.0 < fpr < 1.0:
        raise NewsprobeError(f"--fpr must be between 0 and 1, got {fpr}")
    if with_text and not as_json:
        raise UsageError("--with-text adds the text to --json's objects: give --json too")
    if date is not None and sources:  # without --sources, claims_verifier refuses it
        from newsprobe.claims.parts import read_date

        try:
            date = read_date(date)
        except ValueError as exc:
            raise UsageError(f"--date: {exc}") from None
    if html_out is not None:
        output_file(html_out, "--html", inputs=paths)
    options = DetectOptions(
        max_tokens=max_tokens, fpr=fpr, device=device, runtime=runtime, read_ending=read_ending
    )
    # --date dates the claims' "last year"; the verdict does not read it.
    verify = claims_verifier(
        sources, store, max_claims, judge_url, judge_model, also=[("--date", date)]
    )
    records = RecordOptions(text_column(text_field, html_field), html_field)
    left_out: list[str] = []
    # A .jsonl/... expands to its records; a folder to the files check reads.
    files = expand_check_inputs(iter_inputs(paths, left_out), records)
    if html_out is not None:  # nor a file read from a folder input ("check ex --html ex/a.txt")
        output_file(
            html_out, "--html", inputs=[f if isinstance(f, str) else f.source for f in files]
        )
    print_notes(left_out)
    single = len(files) == 1
    if single:
        # A bad single input is an error (exit 2); with --json its line is printed too, as
        # for one input of several, so that a script reads every input's outcome alike.
        try:
            articles = [read_check_item(files[0], allow_private=allow_private)]
        except NewsprobeError as exc:
            if as_json:
                print(json.dumps(check_error_json(files[0], exc)), flush=True)
            raise
    det = load_detector(detector, options)
    options.window(det.max_tokens)  # before any article is checked
    model = det.model_label
    out = Console()
    failed = unread = 0  # inputs with an error; of them, those that could not be read
    saved: list[tuple[int, dict]] = []  # what --html writes: results and errors, by input
    with _progress(len(files), "checking") as bar:
        task = bar.add_task("checking", total=len(files), rate="")
        batch_size = 8
        for b in range(0, len(files), batch_size):
            chunk = files[b : b + batch_size]
            good, where = [], []
            lines: list[tuple[int, dict]] = []  # --json: printed in the order of the inputs
            for i, f in enumerate(chunk, b):
                try:
                    good.append(
                        articles[0] if single else read_check_item(f, allow_private=allow_private)
                    )
                    where.append(i)
                except NewsprobeError as exc:
                    failed += 1
                    unread += 1
                    lines.append((i, check_error_json(f, exc)))
                    _error(exc)
            for article in good:
                article.date = date or article.date
            checked = check_articles(good, det, options)
            if verify:
                try:
                    checked = verify(checked)
                except NewsprobeError as exc:
                    # The claims failed (a judge that is down); the verdicts still stand.
                    failed += len(checked)
                    _error(exc)
                    for article in checked:
                        article.claims = None
                for article in checked:  # a fault on one article: the others' claims stand
                    if "claims_error" in article.meta:
                        failed += 1
                        name = article.source_path or article.url or "article"
                        _error(f"{name}: {article.meta['claims_error']}")
            for i, article in zip(where, checked, strict=True):
                lines.append((i, article_json(article, model, with_text)))
                if not as_json:
                    render_article(article, model, out)
            for i, row in sorted(lines, key=lambda line: line[0]):
                if html_out is not None:
                    saved.append((i, row))
                if as_json:
                    print(json.dumps(row), flush=True)
            bar.advance(task, len(chunk))
    if html_out is not None:
        from newsprobe.report.html import saved_note, write_report

        rows = [row for _, row in sorted(saved)]
        note = saved_note("by newsprobe check --html", model)
        write_report(html_out, rows, det.feature_names_, note)
        print(f"wrote {html_out}", file=sys.stderr, flush=True)
    if failed:
        if unread and len(files) > 1:  # their error lines scrolled away above the panels
            _error(f"{unread} of {len(files)} inputs could not be read (named above)")
        raise typer.Exit(1)


def _print_excluded(excluded: Excluded, what: str) -> None:
    """Inputs left out, as `check` reports them: one line each, but rows of a file that
    fail alike once, then the count by reason."""
    from newsprobe.eval.inputs import MAX_LISTED

    for problem, n in list(excluded.problems.items())[:MAX_LISTED]:
        _error(excluded.first[problem] + (f" (and on {n - 1} more rows)" if n > 1 else ""))
    if excluded.total:
        reasons = ", ".join(f"{n} {why}" for why, n in sorted(excluded.counts.items()))
        print(
            f"left out of {what}: {reasons} (listed under 'excluded' in --json)",
            file=sys.stderr,
            flush=True,
        )


def _labelled(
    paths: list[str],
    fields: tuple[str | None, str | None],
    label: str | None,
    label_field: str,
    allow_private: bool,
    what: str,
    generator_field: str = "generator",
) -> tuple[list[Row], Excluded]:
    """Labelled rows of ``paths`` as eval, train and threshold read them, with the inputs
    left out of ``what`` reported; none left is an error that says why."""
    from newsprobe.eval.inputs import labelled_rows
    from newsprobe.ingest.records import RecordOptions

    text_field, html_field = fields
    left_out: list[str] = []
    rows, excluded = labelled_rows(
        paths,
        RecordOptions(text_column(text_field, html_field), html_field),
        label=label,
        label_field=label_field,
        allow_private=allow_private,
        notes=left_out,
        generator_field=generator_field,
    )
    print_notes(left_out)
    _print_excluded(excluded, what)
    if not rows:
        reasons = ", ".join(f"{n} {why.replace('_', ' ')}" for why, n in excluded.counts.items())
        # Nothing read and nothing left out: the files given hold no rows.
        reasons = reasons or f"{', '.join(paths)}: no rows in {'it' if len(paths) == 1 else 'them'}"
        raise NewsprobeError(f"no input could be used ({reasons})")
    return rows, excluded


@app.command("eval")
def eval_cmd(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Labelled inputs: JSONL/CSV/Parquet with a label column, or text/HTML files, "
            "WARC files, directories, URLs, - (label from a human/ or machine/ folder, or "
            "--label)",
            show_default=False,
        ),
    ] = None,
    data: Annotated[
        Path | None, typer.Option("--data", help="Labelled JSONL (../shared/data layout)")
    ] = None,
    label: Annotated[
        str | None,
        typer.Option(help="human or machine: the label of inputs that carry none"),
    ] = None,
    label_field: Annotated[str, typer.Option(help="Column holding human|machine")] = "label",
    generator_field: Annotated[
        str, typer.Option(help="Column naming each machine text's generator")
    ] = "generator",
    text_field: TextFieldOpt = None,
    html_field: HtmlFieldOpt = None,
    allow_private: AllowPrivateOpt = False,
    detector: Annotated[
        str,
        typer.Option(
            "--detector",
            help="'default', a detector .json, or one zero-shot scorer "
            "(loglik, loglik_median, logrank, toprank, entropy, fastdetectgpt, "
            "fastdetectgpt_clip, binoculars, compression, prelude)",
        ),
    ] = "default",
    limit: Annotated[int | None, typer.Option(help="Seeded, label-balanced sample size")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the metrics here")] = None,
    plot: Annotated[Path | None, typer.Option(help="Write a ROC curve PNG here")] = None,
    seed: SeedOpt = 0,
) -> None:
    """AUROC and TPR at 1%/5% FPR, overall and per generator, domain and variant."""
    from newsprobe.eval.data import sample
    from newsprobe.eval.evaluate import evaluate
    from newsprobe.pipeline import load_detector
    from newsprobe.report.tables import print_eval

    paths = [*(inputs or []), *([str(data)] if data is not None else [])]
    for flag, out_path in (("--json", json_out), ("--plot", plot)):
        if out_path is not None:
            output_file(out_path, flag, inputs=paths)
    if limit is not None and limit < 2:
        raise NewsprobeError(
            f"--limit must be at least 2 (a human and a machine text), got {limit}"
        )
    if not paths:
        raise NewsprobeError("nothing to evaluate: name labelled inputs (or --data FILE)")
    rows, excluded = _labelled(
        paths,
        (text_field, html_field),
        label,
        label_field,
        allow_private,
        "the metrics",
        generator_field,
    )
    unreadable = excluded.counts["unreadable"]
    warnings = []
    if limit is not None and limit > len(rows):
        warnings.append(f"--limit {limit} is more than the {len(rows)} texts read: all are used")
    rows = sample(rows, limit, seed)
    scorer = None
    if detector != "default" and not detector.endswith(".json"):
        scorer, detector = detector, "default"
    det = load_detector(detector)
    with _progress(len(rows), "scoring") as bar:
        task = bar.add_task("scoring", total=len(rows) * max(1, len(det.models)), rate="")
        try:
            result = evaluate(det, rows, scorer, lambda n: bar.advance(task, n), plot)
        except ValueError as exc:
            raise NewsprobeError(str(exc)) from exc
    result["data"] = ", ".join(paths)
    if scorer is None:  # which file was measured; a zero-shot scorer reads none
        result["detector_file"] = "shipped" if detector == "default" else detector
        if detector != "default":
            result["detector"] += f" ({detector})"
    result["excluded"] = excluded.to_json()
    if (auroc := result.get("auroc")) is not None and auroc < INVERTED_AUROC:
        warnings.append(
            f"AUROC {auroc:.3f} is far below 0.5: these machine texts score lower than the "
            f"humans. Are the labels inverted? ({label_field} is read as 1 or "
            "'machine' = machine-written)"
        )
    if warnings:
        result["warnings"] = warnings
    print_eval(result, _out())
    if json_out is not None:
        write_text_atomic(json_out, json.dumps(result, indent=2))
    if unreadable:  # metrics are printed, but a lost input is not a clean run
        raise typer.Exit(1)


#: An AUROC this far below chance is labels read the wrong way round more often than a
#: detector that bad (the shipped one's lowest, on 2019 GPT-2 news, is 0.66).
INVERTED_AUROC = 0.3


@app.command()
def train(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Your own labelled texts (as eval reads them: JSONL/CSV/Parquet with a label "
            "column, human/ and machine/ folders...); none: the ../shared/data split",
            show_default=False,
        ),
    ] = None,
    data_dir: Annotated[Path, typer.Option(help="The shared data folder (without inputs)")] = Path(
        "../shared/data"
    ),
    out: Annotated[Path, typer.Option(help="Where to write the fitted detector")] = Path(
        "detector.json"
    ),
    model: Annotated[list[str] | None, typer.Option(help="Language model (repeatable)")] = None,
    feature: Annotated[
        list[str] | None, typer.Option(help="Scorer kind to combine (repeatable)")
    ] = None,
    combiner: Annotated[str, typer.Option(help="boosted (monotone trees) or logistic")] = "boosted",
    C: Annotated[float, typer.Option("--C", help="Inverse regularisation strength")] = 0.1,
    fpr: Annotated[float, typer.Option(help="Target FPR of the shipped threshold")] = 0.01,
    max_tokens: Annotated[int, typer.Option(help="Token window the features read")] = 128,
    seed: SeedOpt = 0,
    leave_out: Annotated[
        bool, typer.Option(help="Also refit without each generator (family) and report it")
    ] = True,
    sentences: Annotated[
        bool,
        typer.Option(
            help="Fit the sentence calibration and boundary locator (a model pass per "
            "sentence of their texts)"
        ),
    ] = True,
    label: Annotated[
        str | None, typer.Option(help="human or machine: the label of inputs that carry none")
    ] = None,
    label_field: Annotated[str, typer.Option(help="Column holding human|machine")] = "label",
    generator_field: Annotated[
        str, typer.Option(help="Column naming each machine text's generator")
    ] = "generator",
    text_field: TextFieldOpt = None,
    html_field: HtmlFieldOpt = None,
    allow_private: AllowPrivateOpt = False,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write the metrics tables here")
    ] = None,
) -> None:
    """Fit the combiner, calibrate, and report metrics on texts and generators left out."""
    from newsprobe.eval.thresholds import texts_advised
    from newsprobe.eval.training import train_detector, train_on_rows
    from newsprobe.report.tables import print_eval

    output_file(out, "--out", "a .json file", inputs=inputs or ())
    if json_out is not None:
        output_file(json_out, "--json", inputs=inputs or ())
        if json_out.resolve() == out.resolve():
            raise UsageError(
                f"--json and --out both name {out}; the report would replace the detector"
            )
    if not 0 < fpr < 1:  # before the inputs are read and counted
        raise UsageError(f"--fpr must be between 0 and 1, got {fpr:g}")
    models = tuple(model or ["smollm2-135m"])
    params = dict(
        combiner=combiner,
        C=C,
        fpr=fpr,
        max_tokens=max_tokens,
        features=tuple(feature) if feature else None,
        seed=seed,
        leave_out=leave_out,
    )
    rows, excluded = None, None
    if inputs:
        rows, excluded = _labelled(
            inputs,
            (text_field, html_field),
            label,
            label_field,
            allow_private,
            "the fit",
            generator_field,
        )
    with _progress(1, "features") as bar:
        task = bar.add_task("features", total=None, rate="")
        step = lambda n: bar.advance(task, n)  # noqa: E731
        try:
            if rows is not None:
                det, report = train_on_rows(
                    rows,
                    models,
                    sentences=sentences,
                    data=", ".join(inputs or []),
                    progress=step,
                    **params,
                )
            else:
                det, report = train_detector(
                    data_dir, models, progress=step, sentences=sentences, **params
                )
        except ValueError as exc:  # a fit the data cannot carry (one label in a part)
            raise NewsprobeError(str(exc)) from exc
    det.save(out)
    console = _out()
    for name, result in report.items():
        console.rule(name)
        if "error" in result:
            console.print(f"not judged: {result['error']}")
        else:
            print_eval(result, console)
    console.print(f"wrote {out}", soft_wrap=True)
    set_on, advised = len(det.calibration_scores_), texts_advised(fpr)
    if set_on < advised:  # as `threshold` says of the texts it is given
        console.print(
            f"its threshold was set on {set_on:,} human texts; about {advised:,} would hold "
            f"the rate within half of {fpr:.1%} either side ('newsprobe threshold' sets it "
            "again on more human news)",
            style="dim",
            soft_wrap=True,
        )
    if json_out is not None:
        saved = {"detector_file": str(out), "tables": report}
        if excluded is not None:
            saved["excluded"] = excluded.to_json()
        write_text_atomic(json_out, json.dumps(saved, indent=2))


@app.command("threshold")
def threshold_cmd(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Your human news: text/HTML/PDF files, directories, JSONL/CSV/Parquet "
            "(rows labelled machine there are only counted), WARC files, URLs, -",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path, typer.Option(help="Where to write the detector with the new threshold")
    ] = Path("detector.json"),
    fpr: Annotated[
        float | None,
        typer.Option(
            help="Share of these human texts the threshold may flag (default: the detector's "
            "own rate, 0.01 for the shipped one)",
            show_default=False,
        ),
    ] = None,
    detector: DetectorOpt = "default",
    source: Annotated[
        str, typer.Option(help="What these texts are, kept in the file's provenance")
    ] = "",
    label_field: Annotated[str, typer.Option(help="Column holding human|machine")] = "label",
    text_field: TextFieldOpt = None,
    html_field: HtmlFieldOpt = None,
    allow_private: AllowPrivateOpt = False,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the report here")] = None,
    device: DeviceOpt = None,
    runtime: RuntimeOpt = "torch",
    seed: Annotated[int, typer.Option(help="Random seed of the cross-fitting folds")] = 0,
) -> None:
    """Set the threshold on your own human news: at most --fpr of it flagged."""
    from newsprobe.eval.thresholds import set_threshold
    from newsprobe.pipeline import load_detector
    from newsprobe.report.tables import print_threshold
    from newsprobe.settings import DetectOptions

    output_file(out, "--out", "a .json file", inputs=[*inputs, detector])
    if json_out is not None:
        output_file(json_out, "--json", inputs=[*inputs, detector])
        if json_out.resolve() == out.resolve():
            raise UsageError(
                f"--json and --out both name {out}; the report would replace the detector"
            )
    if fpr is not None and not 0 < fpr < 1:  # before the inputs are read and counted
        raise UsageError(f"--fpr must be between 0 and 1, got {fpr:g}")
    det = load_detector(detector, DetectOptions(device=device, runtime=runtime))
    _refuse_other_detector(out, det)
    rows, excluded = _labelled(
        inputs, (text_field, html_field), "human", label_field, allow_private, "the threshold"
    )
    with _progress(len(rows), "scoring") as bar:
        task = bar.add_task("scoring", total=len(rows) * max(1, len(det.models)), rate="")
        report = set_threshold(
            det, rows, fpr, source, seed=seed, progress=lambda n: bar.advance(task, n)
        )
    det.save(out)
    console = _out()
    print_threshold(report, console)
    console.print(f"wrote {out}: use it with --detector {out}", soft_wrap=True)
    if json_out is not None:
        result = {**report.to_json(), "detector_file": str(out), "excluded": excluded.to_json()}
        write_text_atomic(json_out, json.dumps(result, indent=2))
    if excluded.counts["unreadable"]:
        n = excluded.counts["unreadable"]
        _error(
            f"{counted(n, 'input')} could not be read (named above); the threshold was set "
            "without them"
        )
        raise typer.Exit(1)


def _refuse_other_detector(out: Path, det: Detector) -> None:
    """``threshold --out`` naming a file that holds another fitted detector (``train``
    writes detector.json too) would replace it with this one: a trained model lost."""
    try:
        held = json.loads(out.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    mine = det.to_dict()
    if not isinstance(held, dict) or held.get("format") != mine["format"]:
        return
    fitted = ("feature_names", "coef", "intercept", "trees")
    if any(held.get(k) != mine[k] for k in fitted):
        raise UsageError(
            f"--out {out} holds another detector; writing would replace it. Name a new "
            f"file, or pass --detector {out} to set that detector's threshold"
        )


from newsprobe.batch.commands import scan_cmd, sites_cmd  # noqa: E402  (batch commands)
from newsprobe.service.command import serve_cmd  # noqa: E402  (web service)

app.command("scan")(scan_cmd)
app.command("sites")(sites_cmd)
app.add_typer(sources_app, name="sources")
app.command("eval-claims")(eval_claims)
app.command("serve")(serve_cmd)


def _stop_on_terminate() -> None:
    """SIGTERM (systemd, Kubernetes, ``kill``) stops a run as Ctrl-C does: a scan keeps its
    finished chunks and says how to resume, with exit code 130. A forked worker process
    keeps the default, so the pool still ends it."""
    main_pid = os.getpid()

    def terminate(signum: int, frame: object) -> None:
        if os.getpid() != main_pid:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
            return
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)


def _option_errors() -> tuple[type[Exception], ...]:
    """What the command-line parser raises for a bad option: typer's own click (0.29+),
    whose errors are ``TyperException``s, or click itself in older typer releases."""
    kinds: list[type[Exception]] = [typer.TyperException]
    try:
        import click

        kinds.append(click.ClickException)
    except ImportError:
        pass
    return tuple(kinds)


def main() -> None:
    _stop_on_terminate()
    try:
        code = app(standalone_mode=False)
    except _option_errors() as exc:
        # One line, as every other error: not the parser's usage box ("--fpr abc", "--jsn").
        ctx = getattr(exc, "ctx", None)
        where = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        message = exc.format_message()  # type: ignore[attr-defined]
        if message:  # none after the help a bare "newsprobe" prints
            _error(f"{message}{where}")
        sys.exit(getattr(exc, "exit_code", 2))
    except typer.Abort:
        err.print("interrupted")
        sys.exit(130)
    except NewsprobeError as exc:
        _error(exc)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
