"""The claim commands: ``sources add|list|remove``, ``eval-claims``, and the ``--sources``
step of ``check`` and ``serve``. Kept apart from ``cli.py`` so the claims stage stays in its
own files; ``cli.py`` only registers them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from newsprobe.cli_options import AllowPrivateOpt, SeedOpt
from newsprobe.errors import NewsprobeError
from newsprobe.fileio import output_file, write_text_atomic
from newsprobe.words import counted

if TYPE_CHECKING:
    from newsprobe.pipeline import ClaimsStage

StoreOpt = Annotated[
    Path | None,
    typer.Option("--store", help="Source store file (default: sources.sqlite in the cache)"),
]


SourcesOpt = Annotated[
    bool, typer.Option("--sources", help="Also check claims against the trusted sources")
]
MaxClaimsOpt = Annotated[int, typer.Option(help="Most check-worthy claims per article")]
JudgeUrlOpt = Annotated[
    str | None, typer.Option(help="OpenAI-compatible endpoint for an LLM judge")
]
JudgeModelOpt = Annotated[str | None, typer.Option(help="Model name for --judge-url")]


def print_notes(notes: list[str]) -> None:
    """What an input run left out and why, a line each on stderr (never lost silently)."""
    for note in notes:
        print(f"note: {note}", file=sys.stderr, flush=True)


def claims_verifier(
    enabled: bool,
    store_path: Path | None,
    max_claims: int,
    judge_url: str | None,
    judge_model: str | None,
    also: Sequence[tuple[str, object]] = (),
) -> ClaimsStage | None:
    """The claims stage that ``--sources`` asks for (None without it), shared by ``check``
    and ``serve`` so that both refuse the same bad options with the same one-line errors.
    ``also``: a command's other options that mean something only with ``--sources``
    (``check --date``), as (flag, value)."""
    if not enabled:
        given = [
            name
            for name, value in (
                ("--store", store_path),
                ("--judge-url", judge_url),
                ("--judge-model", judge_model),
                *also,
            )
            if value is not None
        ]
        if given:
            need = "needs" if len(given) == 1 else "need"
            raise NewsprobeError(f"{' and '.join(given)} {need} --sources")
        return None
    from newsprobe.pipeline import ClaimsStage
    from newsprobe.sources import SQLiteStore
    from newsprobe.verify import VerifyOptions
    from newsprobe.verify.judge import check_judge_url

    if max_claims < 1:
        raise NewsprobeError(f"--max-claims must be at least 1, got {max_claims}")
    if judge_url is not None:
        check_judge_url(judge_url)  # before the store is opened (or created)
    if store_path is not None and not store_path.is_file():
        raise NewsprobeError(f"{store_path}: no such source store (newsprobe sources add)")
    store = SQLiteStore(store_path)
    if len(store) == 0:
        raise NewsprobeError(f"{store.path}: the source store is empty (newsprobe sources add)")
    opts = VerifyOptions(max_claims=max_claims, judge_url=judge_url, judge_model=judge_model)
    return ClaimsStage(store, opts)


sources_app = typer.Typer(
    no_args_is_help=True, help="Trusted sources that claims are checked against."
)


@sources_app.command("add")
def sources_add(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files, folders, URLs or .jsonl (text, title, url)"),
    ],
    store: StoreOpt = None,
    embedder: Annotated[
        str | None, typer.Option(help="minilm-static (default, fast) or minilm, for a new store")
    ] = None,
    max_words: Annotated[int, typer.Option(help="Words per passage, at most")] = 60,
    allow_private: AllowPrivateOpt = False,
) -> None:
    """Index documents as passages; a file or page added again replaces its old version."""
    from newsprobe.sources import SQLiteStore, iter_documents

    if max_words < 5:
        raise NewsprobeError(f"--max-words must be at least 5, got {max_words}")
    if embedder is not None:
        from newsprobe.sources.embed import check_embedder_name

        check_embedder_name(embedder)  # before reading (or fetching) any input
    if store is not None:  # a typo'd folder is refused, as every command's output is
        output_file(store, "--store", "a store file", inputs)
    left_out: list[str] = []
    whole: list[str] = []
    errors: list[str] = []  # a bad file or row is named and skipped; the rest are added
    documents = iter_documents(inputs, max_words, left_out, whole, allow_private, errors)
    passages = [p for doc in documents for p in doc]
    print_notes(left_out)
    if errors and not passages:  # nothing to add: no store is made
        for message in errors[:-1]:
            print(f"error: {message}", file=sys.stderr, flush=True)
        raise NewsprobeError(errors[-1])
    db = SQLiteStore(store, embedder)
    res = db.add(passages, replace=whole)
    replaced = f", {counted(res.replaced, 'outdated passage')} removed" if res.replaced else ""
    print(
        f"{db.path}: added {counted(res.added, 'passage')} from "
        f"{counted(res.documents, 'document')} ({counted(res.duplicates, 'duplicate')} "
        f"skipped{replaced}); {counted(len(db), 'passage')} in all"
    )
    if errors:  # the good ones are in; the bad ones are named, and the exit says so
        for message in errors:
            print(f"error: {message}", file=sys.stderr, flush=True)
        print(
            f"error: {counted(len(errors), 'input')} could not be added (named above)",
            file=sys.stderr,
            flush=True,
        )
        raise typer.Exit(1)


@sources_app.command("list")
def sources_list(
    store: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per source")] = False,
) -> None:
    """The indexed documents with their passage counts."""
    from dataclasses import asdict

    from newsprobe.sources import SQLiteStore

    if store is not None and not store.is_file():
        raise NewsprobeError(f"{store}: no such source store")
    infos = SQLiteStore(store).list()
    if not infos:
        print("no sources yet (newsprobe sources add FILE|FOLDER|URL)", file=sys.stderr)
    for info in infos:
        if as_json:
            print(json.dumps(asdict(info)))
        else:
            title = f"  ({info.title})" if info.title else ""
            print(f"{info.passages:6d}  {info.source}{title}")


@sources_app.command("remove")
def sources_remove(
    sources: Annotated[list[str], typer.Argument(help="Source names as 'sources list' shows")],
    store: StoreOpt = None,
) -> None:
    """Remove documents and their passages."""
    from newsprobe.sources import SQLiteStore

    if store is not None and not store.is_file():
        raise NewsprobeError(f"{store}: no such source store")
    db = SQLiteStore(store)
    missing = []
    for name in sources:
        n = db.remove(name)
        if n == 0 and Path(name).exists():
            # `add` names a file by its absolute path; the path it was given works too.
            n = db.remove(str(Path(name).resolve()))
        if n == 0:  # documents are only created with passages, so 0 means absent
            missing.append(name)
        else:
            print(f"removed {name} ({counted(n, 'passage')})")
    if missing:
        # `sources list` shows titles beside the names; a title is not a name, but say whose.
        titled = {i.title: i.source for i in db.list() if i.title}
        hints = [f"'{m}' is the title of {titled[m]}" for m in missing if m in titled]
        hint = f" ({'; '.join(hints)})" if hints else ""
        raise NewsprobeError(f"not in the store: {', '.join(missing)}{hint}")


def eval_claims(
    data: Annotated[Path, typer.Option("--data", help="ClimateFEVER-layout JSONL")],
    limit: Annotated[int | None, typer.Option(help="Seeded sample of this many rows")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the metrics here")] = None,
    seed: SeedOpt = 0,
    cv: Annotated[
        int | None,
        typer.Option(
            "--cv", help="Also fit verdict models in K folds by claim; report out-of-fold"
        ),
    ] = None,
    verdict_model: Annotated[
        str,
        typer.Option(help="Verdict model: 'default' (shipped), 'rules' (hand rules) or a .json"),
    ] = "default",
    C: Annotated[float, typer.Option("--C", help="Inverse L2 strength of fitted models")] = 0.1,
    fit_out: Annotated[
        Path | None, typer.Option(help="Write a verdict model fitted on all rows here")
    ] = None,
) -> None:
    """Accuracy and macro-F1 of claim verdicts, against majority and retrieval-only."""
    from newsprobe.eval.claims import evaluate_claims, read_factcheck
    from newsprobe.report.tables import print_claims_eval
    from newsprobe.verify import VerifyOptions

    if limit is not None and limit < 1:
        raise NewsprobeError(f"--limit must be at least 1, got {limit}")
    for flag, out_path in (("--json", json_out), ("--fit-out", fit_out)):
        if out_path is not None:
            output_file(out_path, flag, inputs=[data])
    if cv is not None and cv < 2:
        raise NewsprobeError(f"--cv must be at least 2, got {cv}")
    if C <= 0:
        raise NewsprobeError(f"--C must be positive, got {C}")
    rows = read_factcheck(data, limit=limit, seed=seed)
    err = Console(stderr=True)
    options = VerifyOptions(verdict_model=None if verdict_model == "rules" else verdict_model)
    result = evaluate_claims(
        rows,
        options,
        progress=lambda msg: err.print(msg, style="dim"),
        cv=cv,
        seed=seed,
        C=C,
        fit_out=fit_out,
        data_name=str(data),
    )
    result["data"] = str(data)
    print_claims_eval(result, Console() if sys.stdout.isatty() else Console(width=160))
    if json_out is not None:
        write_text_atomic(json_out, json.dumps(result, indent=2))
