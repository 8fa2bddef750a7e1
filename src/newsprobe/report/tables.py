"""Metric tables for ``newsprobe eval``, ``train`` and ``threshold``."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

from newsprobe.words import counted

if TYPE_CHECKING:
    from newsprobe.eval.thresholds import ThresholdReport


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _row(name: str, m: dict[str, Any]) -> list[str]:
    tpr = m.get("tpr_at_fpr", {})
    return [
        name,
        _fmt(m.get("n_human")),
        _fmt(m.get("n_machine")),
        _fmt(m.get("auroc")),
        _fmt(tpr.get("0.01")),
        _fmt(tpr.get("0.05")),
        _fmt(m.get("fpr_at_threshold")),
        _fmt(m.get("tpr_at_threshold")),
    ]


def print_eval(result: dict[str, Any], console: Console) -> None:
    cols = ["", "humans", "machines", "AUROC", "TPR@1%", "TPR@5%", "FPR@thr", "TPR@thr"]
    # "calibrated detector scored on <data>": the data is what was measured, not fitted on.
    table = Table(title=f"{result.get('detector', '')} scored on {result.get('data', '')}")
    for c in cols:
        table.add_column(c, justify="left" if not c else "right")
    table.add_row(*_row("overall", result), style="bold")
    for section in ("by_generator", "by_domain", "by_variant"):
        groups = result.get(section) or {}
        if len(groups) < 2 and section != "by_generator":
            continue
        table.add_section()
        for name, m in groups.items():
            table.add_row(*_row(f"{section[3:]}: {name}", m))
    console.print(table)
    for warning in result.get("warnings") or ():
        console.print(warning, style="yellow")
    domains = result.get("by_domain") or {}
    if len(domains) > 1 and any(
        not m.get("n_human") or not m.get("n_machine") for m in domains.values()
    ):
        # DetectRL's machine rows carry no domain: its humans are "news", its machines
        # "unknown", and neither row can be judged.
        console.print(
            "domain rows with texts of one label only have no AUROC: a domain is judged on "
            "its own humans and machines (rows without a domain field are 'unknown')",
            style="dim",
        )
    # Under a millisecond the model did not run (train scores features read once for all
    # its tables): no speed to state.
    seconds = result.get("seconds_per_text") or 0.0
    parts = [f"{seconds:.3f} s/text"] if seconds >= 0.001 else []
    if result.get("n_too_short"):
        parts.append(f"{result['n_too_short']} too short to judge (left out)")
    for why, n in ((result.get("excluded") or {}).get("by_reason") or {}).items():
        parts.append(f"{n} {why.replace('_', ' ')} (left out)")
    if result.get("threshold") is not None:
        parts.append(f"threshold {result['threshold']:.4f}")
    if parts:
        console.print(", ".join(parts), style="dim")
    console.print(
        "TPR@1%/@5%: machine texts caught where 1%/5% of these humans are flagged; "
        "FPR@thr/TPR@thr: humans flagged / machine texts caught at the detector's threshold",
        style="dim",
    )
    n_human = int(result.get("n_human") or 0)
    if 0 < n_human < 100:
        # 1% of fewer than 100 texts is less than one: the threshold flags none of them.
        if n_human < 20:  # and 5% of fewer than 20
            said = "1% and 5% of them are less than one: TPR@1% and TPR@5% are"
            need = "20 or more measure a 5% point, 100 a 1% point"
        else:
            said, need = "1% of them is less than one: TPR@1% is", "100 or more measure a 1% point"
        console.print(
            f"with {n_human} human texts, {said} the share caught above every human text ({need})",
            style="dim",
        )
    cal = result.get("calibration")
    if cal and cal.get("ece") is not None:
        console.print(
            f"calibration: expected calibration error {cal['ece']:.3f}, Brier "
            f"{cal['brier']:.3f} (this data is {cal['machine_share']:.0%} machine; "
            "per-bin machine share in --json)",
            style="dim",
        )


def print_threshold(report: ThresholdReport, console: Console) -> None:
    """The old and the new threshold side by side on the user's human texts, then the rate
    on texts each threshold was not set on: what it will likely flag on more of the same."""
    n = report.n_human
    table = Table(
        title=f"flag at most {report.fpr:.1%} of your {counted(n, 'human text')}",
        title_justify="left",
    )
    cols = ["", "flagged above", "your humans flagged"]
    if report.n_machine:
        cols.append(f"your machine texts caught (of {report.n_machine})")
    for c in cols:
        table.add_column(c, justify="left" if not c else "right")
    rows = (
        ("before", report.threshold_before, report.flagged_before, report.caught_before),
        ("after", report.threshold, report.flagged, report.caught),
    )
    for name, t, flagged, caught in rows:
        cells = [name, f"{t:.1%}", f"{flagged} ({flagged / n:.1%})"]
        if report.n_machine:
            cells.append(f"{caught} ({(caught or 0) / report.n_machine:.1%})")
        table.add_row(*cells)
    console.print(table)
    before = (
        f"before: the detector's old threshold for {report.fpr:.1%}, read on "
        f"{counted(report.n_before, 'human text')}"
    )
    if report.own_rate != report.fpr:
        before += (
            f" (at its own rate, {report.own_rate:.1%}, it flagged above "
            f"{report.own_threshold:.1%})"
        )
    console.print(before + "; after: set on these texts, so it meets the rate on them", style="dim")
    if report.held_out_flagged is None:
        need = math.ceil(1 / report.fpr * report.folds / (report.folds - 1))
        console.print(
            f"too few texts to check the rate on texts it was not set on: give at least {need}",
            style="dim",
        )
    else:
        low, high = report.held_out_interval or (0.0, 1.0)
        console.print(
            f"on texts it was not set on (each fifth judged by a threshold set on the other "
            f"four): {report.held_out_flagged} of {n} flagged "
            f"({report.held_out_flagged / n:.1%}); on more news like this, expect between "
            f"{low:.1%} and {high:.1%} (95% interval)",
            style="dim",
        )
    if n < report.texts_advised:
        console.print(
            f"about {report.texts_advised:,} human texts would hold the rate within half of "
            f"{report.fpr:.1%} either side; {n:,} leave it loose",
            style="dim",
        )
    if report.n_too_short:
        console.print(
            f"{counted(report.n_too_short, 'human text')} too short to judge (left out)",
            style="dim",
        )
    _print_sentence_cutoffs(report, console)


def _print_sentence_cutoffs(report: ThresholdReport, console: Console) -> None:
    if report.sentence_cutoffs_before is None:
        return
    (red0, shade0), n = report.sentence_cutoffs_before, report.n_sentences
    if report.sentence_cutoffs is None:
        console.print(
            f"sentence colours kept (red above {red0:.1%}, shaded above {shade0:.1%}): "
            f"{counted(n, 'sentence')} of these texts are too few to read them on (50 needed)",
            style="dim",
        )
        return
    red, shade = report.sentence_cutoffs
    console.print(
        f"sentence colours read on {counted(n, 'sentence')} of these texts: red above "
        f"{red:.1%} (was {red0:.1%}), shaded above {shade:.1%} (was {shade0:.1%})",
        style="dim",
    )


def print_claims_eval(result: dict[str, Any], console: Console) -> None:
    """One row per system: accuracy, macro-F1, F1 per label, and how often a verdict that
    commits (SUPPORTS, REFUTES) is right, which is what a reader of a verdict relies on."""
    labels = ("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO")
    committed = ("SUPPORTS", "REFUTES")
    table = Table(title=f"claims on {result.get('data', '')} ({result['n']} rows)")
    cols = ["system", "accuracy", "macro-F1", *(f"F1 {x}" for x in labels)]
    cols += [f"P {x}" for x in committed]
    for c in cols:
        table.add_column(c, justify="left" if c == "system" else "right")
    for name, m in result["systems"].items():
        per = m["per_label"]
        table.add_row(
            name,
            _fmt(m["accuracy"]),
            _fmt(m["macro_f1"]),
            *(_fmt(per[x]["f1"]) for x in labels),
            *(_fmt(per[x]["precision"]) for x in committed),
        )
    console.print(table)
    skipped = result.get("n_skipped")
    note = f"predicted {result['predicted']}, gold {result['gold']}"
    if skipped:
        rows = "row" if skipped == 1 else "rows"
        note += f"; {skipped} {rows} left out ({result['skipped_labels']})"
    console.print(note + f"; {result['seconds_total']:.1f} s", style="dim")
    if result.get("in_sample"):
        console.print(
            f"the 'newsprobe' row uses a verdict model fitted on {result['in_sample_rows']} "
            f"of these {result['n']} claims: it is in-sample; --cv K gives the out-of-fold "
            "number",
            style="dim",
        )
    cv = result.get("cv")
    if cv:
        per_fold = ", ".join(f"{f['macro_f1']:.3f}" for f in cv["folds"])
        ruled = sum(1 for f in cv["folds"] if f["hand_rules"])
        note = f"{cv['k']}-fold by claim (seed {cv['seed']}): macro-F1 per fold {per_fold}"
        note += f"; out-of-fold predicted {cv['predicted']}"
        if ruled:
            note += f"; {ruled} folds had too few labels to fit and used the hand rules"
        console.print(note, style="dim")
    if result.get("fitted_model"):
        console.print(f"wrote a verdict model fitted on all rows to {result['fitted_model']}")
