"""A readable verdict for a person at a terminal (rich)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsprobe.article import Article, Verdict
from newsprobe.detect.sentences import SENTENCE_FPR, SHADE_FPR
from newsprobe.report.meanings import caveats, scorer_meaning


def _rate(x: float) -> str:
    """A rate as a percentage with the digits it needs: 1%, 0.5%, 0.01%."""
    return f"{x * 100:.2g}%" if x < 0.1 else f"{x:.0%}"


def _clip(text: str, width: int) -> str:
    """``text`` cut at a word before ``width`` characters, with "…" where it was cut."""
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def _title(article: Article) -> str:
    """The input, and the record's id when the input is a record file: four rows of one
    JSONL would otherwise be four panels of the same name."""
    title = article.source_path or "article"
    record_id = article.meta.get("record_id")
    if not record_id or record_id == title:
        return title
    return record_id if str(record_id).startswith(title) else f"{title} · {record_id}"


def render_article(article: Article, model: str, console: Console | None = None) -> None:
    console = console or Console()
    v = article.verdict
    if v is None:
        raise ValueError("article has not been checked")
    title = _title(article)
    if v.label in ("too_short", "unsupported_language"):
        word = "TOO SHORT TO JUDGE" if v.label == "too_short" else "UNSUPPORTED LANGUAGE"
        head = Text.assemble((word, "bold yellow"), f"  {v.reason}")
    else:
        p = v.machine_probability or 0.0
        turn = article.boundary
        if v.label == "human" and turn is not None:
            # The verdict reads the start; a turn found after it is what the reader must
            # see first, not "likely human" with the turn at the foot of the panel.
            word = f"MIXED: machine-written from sentence {turn.sentence + 1} on"
            colour = "bold magenta"
        elif v.label == "machine" and p < 0.5:
            # Above a threshold set low (on human news that scores low), but under even
            # odds: flagged, not "likely" machine-written.
            word, colour = "FLAGGED, leaning human", "bold red"
        elif v.label == "machine":
            word, colour = "likely MACHINE-WRITTEN", "bold red"
        elif p < 0.5:
            word, colour = "likely HUMAN-WRITTEN", "bold green"
        else:
            # Under a threshold set strict on human news, a probability of 50% or more is
            # not "likely human": not flagged, and uncertain.
            word, colour = "NOT FLAGGED, leaning machine", "bold yellow"
        head = Text.assemble(
            (word, colour),
            f"   machine probability {p:.1%}" + (" (of its start)" if turn is not None else ""),
            f"   (flagged above {v.threshold:.1%}: at most {_rate(v.fpr_target)} of human "
            "news is flagged"
            + (f", measured on {v.threshold_texts} texts)" if v.threshold_texts else ")"),
        )
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    used = set(article.meta.get("verdict_features", ()))
    table.add_column("scorer")
    table.add_column("in verdict", justify="center")
    table.add_column("value", justify="right")
    table.add_column("meaning", style="dim")
    for name, value in sorted(article.scores.items()):
        table.add_row(name, "yes" if name in used else "", f"{value:.4f}", scorer_meaning(name))
    notes: list[Text] = [Text("ATTENTION  " + flag, style="bold magenta") for flag in v.flags]
    if article.removed:
        cut = ", ".join(f"{r.reason} {_clip(r.text, 40)!r}" for r in article.removed[:6])
        more = f" and {len(article.removed) - 6} more" if len(article.removed) > 6 else ""
        notes.append(Text(f"removed before scoring: {cut}{more}", style="dim"))
    tokens = article.meta.get("tokens", 0)
    read = max((len(st) for st in article.token_stats.values()), default=0)
    words = len(article.text.split())
    footer = Text(
        f"model {model}, verdict on the first {tokens} tokens, {read} scored for the sentences"
        if read > tokens
        else f"model {model}, {tokens} tokens scored",
        style="dim",
    )
    if tokens and words > max(tokens, read):  # ~1.3 tokens a word: most of it went unread
        footer.append(
            f" of a {words}-word text (the verdict reads its start; --max-tokens 512 "
            "colours and reads more of it for a turn to machine text)"
        )
    notes += [Text(note, style="yellow") for note in caveats(article)]
    # A text not judged (another language, too short) gets no score table: its rows would
    # read "in verdict: yes" for a verdict that was never given. The footer still says
    # how many tokens were read.
    if not article.scores:
        parts = [head, *notes]
    elif v.machine_probability is None:
        parts = [head, *notes, footer]
    else:
        parts = [head, *notes, Text(""), table, footer]
    if article.sentences:
        # Piped to a file or a pager (or NO_COLOR), shades are lost: marks say it instead.
        plain = console.no_color or console.color_system is None
        parts += [Text(""), sentence_text(article, v, plain=plain)]
    if article.boundary is not None:
        parts.append(boundary_text(article))
    if article.claims is not None:
        from newsprobe.report.claims import claims_section

        parts += [Text(""), *claims_section(article)]
        if "claims_note" in article.meta:
            parts.append(Text(f"Note: {article.meta['claims_note']}", style="yellow"))
    for why in ("claims_not_checked", "claims_error"):
        if why in article.meta:
            parts += [Text(""), Text(f"Claims not checked: {article.meta[why]}")]
    console.print(Panel(Group(*parts), title=Text(title), expand=False))


#: Sentences past the last scored one that the terminal still prints.
UNSCORED_SHOWN = 3


def sentence_text(article: Article, verdict: Verdict, plain: bool = False) -> Text:
    """The article with each sentence shaded by its machine probability.

    Red above the sentence cut-off that at most SENTENCE_FPR of human news sentences pass,
    yellow above the one at SHADE_FPR, plain below; dim where the sentence lay past the
    scored window. A detector without calibrated sentence scores falls back to the verdict
    threshold and half of it. A key line says what the colours mean. ``plain`` (no colours
    where the text goes) follows a red or yellow sentence with a mark such as
    ``[machine-like 87%]`` instead, which a reader of a saved log or ``grep`` can find.
    """
    if verdict.sentence_threshold is not None and verdict.sentence_shade is not None:
        red, yellow = verdict.sentence_threshold, verdict.sentence_shade
        red_key = f" above {red:.0%} (at most {SENTENCE_FPR:.0%} of human news sentences), "
        yellow_key = f" above {yellow:.0%} (at most {SHADE_FPR:.0%}), "
    else:
        red, yellow = verdict.threshold, verdict.threshold / 2
        red_key, yellow_key = " above the threshold, ", " above half of it, "
    out = Text()
    pos = 0
    sentences = article.sentences
    scored = [i for i, s in enumerate(sentences) if s.machine_probability is not None]
    # A long article past its scored window is not printed whole (a 20,000-word text ran
    # to hundreds of lines, none coloured): a few sentences, then how many more.
    cut = scored[-1] + 1 + UNSCORED_SHOWN if scored else len(sentences)
    hidden = len(sentences) - cut
    if hidden > 0:
        sentences = sentences[:cut]
    for s in sentences:
        out.append(article.text[pos : s.start])
        if article.boundary is not None and s.start == article.boundary.start:
            out.append("▶", style="bold magenta")
        p = s.machine_probability
        style = (
            "dim"
            if p is None
            else "black on red"
            if p > red
            else "black on yellow"
            if p > yellow
            else ""
        )
        out.append(article.text[s.start : s.end], style=style)
        if plain and p is not None and p > yellow:
            out.append(f" [{'machine-like' if p > red else 'leaning machine'} {p:.0%}]")
        pos = s.end
    if hidden > 0:
        out.append(
            f" … and {hidden} more sentences, not scored (--max-tokens 512 colours more; "
            "--json lists them all)",
            style="dim",
        )
    else:
        out.append(article.text[pos:])
    if plain:
        key = f"[machine-like]{red_key}[leaning machine]{yellow_key}unmarked below or not scored"
        return Text.assemble(out, f"\nsentences: {key}")
    key = Text.assemble(
        "\nsentences: ",
        ("machine-like", "black on red"),
        red_key,
        ("leaning machine", "black on yellow"),
        yellow_key,
        ("not scored", "dim"),
    )
    return Text.assemble(out, key)


def boundary_text(article: Article) -> Text:
    """Where a mixed article turns machine-written (marked ▶ in the shaded text)."""
    b = article.boundary
    if b is None:
        raise ValueError("article has no boundary")
    s = article.sentences[b.sentence]
    first = article.text[s.start : s.end]
    first = first if len(first) <= 70 else first[:69] + "…"
    likely = ""
    if b.likely_range is not None and b.likely_level is not None:
        low, high = (i + 1 for i in b.likely_range)
        where = f"sentence {low}" if low == high else f"sentences {low}-{high}"
        likely = f"; the turn is in {where} with {b.likely_level:.0%} probability"
    why = (
        "its ending, read alone, reads machine-written more strongly"
        if b.test == "ending"
        else "the evidence of a turn is stronger"
    )
    return Text.assemble(
        ("▶ MIXED", "bold magenta"),
        f"  machine-written from sentence {b.sentence + 1} on: “{first}”{likely}",
        (f"  ({why} than in all but {_rate(b.fpr_target)} of human news articles)", "dim"),
    )
