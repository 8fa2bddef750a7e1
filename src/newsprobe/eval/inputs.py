"""Labelled rows from anything ``newsprobe check`` reads, for ``newsprobe eval``.

Evaluation should measure what a user gets, so every input goes through the same ingestion
as ``check``: decoding, HTML extraction, normalization, debris removal, language.

An input's label comes from the first of these that it has:

1. its record's label column (``label_field``, default ``label``) in JSONL, CSV or Parquet;
2. a folder named ``human`` or ``machine`` in its path (``pages/machine/a.html``), the
   layout of scikit-learn's ``load_files``;
3. the ``label`` given for the whole run (``eval --label machine``).

A label other than human/machine, or no label at all, is a :class:`DataError`: a metric
over guessed labels would be wrong without saying so. ``generator``, ``domain``,
``variant`` and ``source`` columns are used when present.

What ``check`` gives no number for is not a prediction, so it is left out of the metrics
and counted in :class:`Excluded`: an input that cannot be read (``unreadable``) and a text
in a language the detector does not cover (``unsupported_language``). Texts too short to
judge stay in, as they do in ``check`` (``n_too_short``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprobe.errors import DataError, NewsprobeError
from newsprobe.eval.data import LABELS, Row, relabelled_texts
from newsprobe.ingest.inputs import iter_inputs
from newsprobe.ingest.language import is_unsupported
from newsprobe.ingest.records import (
    CheckItem,
    Record,
    RecordOptions,
    is_record_file,
    iter_file_records,
    iter_stdin_jsonl,
    read_check_item,
    stdin_is_jsonl,
)
from newsprobe.words import counted

#: Columns besides the label that eval groups its metrics by, as in ../shared/data.
GROUP_FIELDS = ("generator", "domain", "variant", "source")
#: Excluded inputs listed by name in the result (the rest are counted).
MAX_LISTED = 20


@dataclass(slots=True)
class Excluded:
    """Inputs left out of the metrics, by reason, with the first few named."""

    counts: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    examples: list[dict[str, str]] = field(default_factory=list)
    # Unreadable inputs by problem, rows of one file with the same one together ("a.jsonl:
    # column 'body' is missing"): a wrong option fails every row alike, and one line can
    # say so; ``first`` keeps each problem's first message, with its place.
    problems: Counter[str] = field(default_factory=Counter)
    first: dict[str, str] = field(default_factory=dict)

    def add(self, reason: str, where: str, detail: str, problem: str | None = None) -> None:
        self.counts[reason] += 1
        if reason == "unreadable":
            self.problems[problem or detail] += 1
            self.first.setdefault(problem or detail, detail)
        if len(self.examples) < MAX_LISTED:
            self.examples.append({"input": where, "reason": reason, "detail": detail})

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "by_reason": dict(sorted(self.counts.items())),
            "by_language": dict(sorted(self.languages.items())),
            "examples": list(self.examples),
        }


def _where(item: CheckItem) -> str:
    if isinstance(item, str):
        return item
    return f"{item.source}:{item.row}" if item.row else item.source


def _folder_label(path: str) -> str | None:
    """``human`` or ``machine`` from the nearest such folder in ``path``."""
    if "://" in path or path == "-":
        return None
    for part in reversed(Path(path).parts[:-1]):
        if part.lower() in LABELS:
            return part.lower()
    return None


#: A label column may instead say whether the text is machine-written (an ``is_ai``
#: column of booleans, 0/1 or yes/no): true, 1 and yes are machine.
MACHINE_FLAGS = {
    "true": 1, "1": 1, "1.0": 1, "yes": 1, "false": 0, "0": 0, "0.0": 0, "no": 0,
}  # fmt: skip

#: The words other detection datasets label with (HC3, RAID, M4, Kaggle's "AI vs human").
LABEL_WORDS = {
    "ai": 1, "ai-generated": 1, "ai_generated": 1, "generated": 1, "machine-generated": 1,
    "machine_generated": 1, "llm": 1, "human-written": 0, "human_written": 0,
}  # fmt: skip


def _check_label(raw: object, where: str) -> int:
    value = str(raw).strip().lower()
    if value in LABELS:
        return LABELS[value]
    if value in MACHINE_FLAGS:
        return MACHINE_FLAGS[value]
    if value in LABEL_WORDS:
        return LABEL_WORDS[value]
    raise DataError(
        f"{where}: label must be 'human' or 'machine' (or ai/true/1/yes for machine, "
        f"false/0/no for human), got {raw!r}"
    )


def _label_of(item: CheckItem, label_field: str, default: str | None) -> int:
    """The item's label by the rules above, or :class:`DataError`."""
    fields = item.fields if isinstance(item, Record) else {}
    source = item if isinstance(item, str) else item.source
    raw = fields.get(label_field)
    if raw is None:
        raw = _folder_label(source) or default
    if raw is None:
        raise DataError(
            f"{_where(item)}: no label (give the rows a {label_field!r} column, put the file "
            "under a human/ or machine/ folder, or pass --label human|machine)"
        )
    return _check_label(raw, _where(item))


def _items(
    paths: Sequence[str],
    options: RecordOptions | None,
    keep: Sequence[str],
    notes: list[str] | None = None,
) -> Iterator[CheckItem]:
    """Inputs as ``check`` expands them, record files streamed (a big file is not held)."""
    for p in iter_inputs(list(paths), notes):
        if p == "-" and stdin_is_jsonl():
            yield from iter_stdin_jsonl(options or RecordOptions(), keep)
        elif p != "-" and "://" not in p and is_record_file(p):
            path = Path(p)
            if not path.is_file():
                raise DataError(f"{path}: no such file")
            yield from iter_file_records(path, options, keep)
        else:
            yield p


def labelled_rows(
    paths: Sequence[str],
    options: RecordOptions | None = None,
    *,
    label: str | None = None,
    label_field: str = "label",
    allow_private: bool = False,
    notes: list[str] | None = None,
    generator_field: str = "generator",
) -> tuple[list[Row], Excluded]:
    """Rows to evaluate from ``paths`` (files, folders, record files, URLs, ``-``).

    RETURNS (tuple[list[Row], Excluded]): the rows, in input order, each text once, and
    what was left out.
    ``notes`` gains a line for each folder holding files of kinds that are not read, and
    for each file whose machine rows name no generator in ``generator_field``.
    """
    if label is not None and label.lower() not in LABELS:
        raise DataError(f"--label must be 'human' or 'machine', got {label!r}")
    keep = (label_field, generator_field, *GROUP_FIELDS)
    rows: list[Row] = []
    excluded = Excluded()
    unlabelled: Counter[str] = Counter()  # record files' rows given the default label
    unnamed: Counter[str] = Counter()  # record files' machine rows with no generator
    for item in _items(paths, options, keep, notes):
        if isinstance(item, Record) and label_field in item.fields:
            # A wrong label is a data error even on a row whose text cannot be read.
            _check_label(item.fields[label_field], _where(item))
        try:
            article = read_check_item(item, allow_private=allow_private)
        except NewsprobeError as exc:
            # "a.jsonl line 3: column 'body' is missing" is "a.jsonl: column ... missing".
            row = isinstance(item, Record) and item.row
            same = f"{item.source}: {str(exc).split(': ', 1)[-1]}" if row else None
            excluded.add("unreadable", _where(item), str(exc), same)
            continue
        y = _label_of(item, label_field, label)
        if isinstance(item, Record) and label_field not in item.fields:
            unlabelled[item.source] += _folder_label(item.source) is None
        confidence = float(article.meta.get("language_confidence", 0.0))
        if is_unsupported(article.language, confidence):
            excluded.add(
                "unsupported_language",
                _where(item),
                f"text is in {article.language!r} (confidence {confidence:.2f})",
            )
            excluded.languages[str(article.language)] += 1
            continue
        fields = item.fields if isinstance(item, Record) else {}
        if isinstance(item, Record) and y == 1 and not fields.get(generator_field):
            unnamed[item.source] += 1
        rows.append(
            Row(
                text=article.text,
                label=y,
                generator=str(fields.get(generator_field) or ("human" if y == 0 else "unknown")),
                domain=str(fields.get("domain") or "unknown"),
                variant=str(fields.get("variant") or "none"),
                source=str(fields.get("source") or _where(item)),
                extra={"input": _where(item), "evasion": article.meta.get("evasion", {})},
            )
        )
    if notes is not None:
        # A label column under another name ("is_ai") would otherwise go unseen, every
        # machine row of it counted as the default label.
        notes.extend(
            f"{source}: {counted(n, 'row')} without a {label_field!r} value taken as {label} "
            "(--label-field names another column)"
            for source, n in unlabelled.items()
            if n
        )
        # Per-generator rows and the refits without each need the column by its name.
        notes.extend(
            f"{source}: {counted(n, 'machine row')} without a {generator_field!r} value, "
            "reported as generator 'unknown' (--generator-field names another column)"
            for source, n in unnamed.items()
        )
    conflicts = relabelled_texts(rows)
    if conflicts:
        # A text labelled human in one row and machine in another would count against
        # either answer; it is left out, every copy of it.
        for r in rows:
            if r.text.strip() in conflicts:
                other = "machine" if r.label == 0 else "human"
                excluded.add(
                    "labelled_both", r.extra["input"], f"the same text is also labelled {other}"
                )
        rows = [r for r in rows if r.text.strip() not in conflicts]
    return _unique(rows, excluded), excluded


def _unique(rows: list[Row], excluded: Excluded) -> list[Row]:
    """Each text once: an archive's syndicated copies, or a file given twice, would count
    one article many times (29 texts given four times passed a threshold's 100-text
    minimum)."""
    first: dict[str, str] = {}
    unique = []
    for r in rows:
        key = r.text.strip()
        if key in first:
            excluded.add("duplicate", r.extra["input"], f"the same text as {first[key]}")
            continue
        first[key] = r.extra["input"]
        unique.append(r)
    return unique
