"""Reading labelled rows in the ``../shared/data`` JSONL layout.

``{"text": str, "label": "human"|"machine", "generator"?: str, "domain"?: str,
"variant"?: str, "source": str}`` -- one object per line.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsprobe.errors import DataError
from newsprobe.normalize import normalize_text

LABELS = {"human": 0, "machine": 1}


@dataclass(frozen=True, slots=True)
class Row:
    text: str
    label: int  # 1 = machine
    generator: str = "human"
    domain: str = "unknown"
    variant: str = "none"
    source: str = ""
    extra: dict = field(default_factory=dict, compare=False, hash=False)


def numbered_lines(path: Path) -> list[tuple[int, str]]:
    """``(line number, line)`` for each non-blank line of a UTF-8 text file.

    The whole file is read at once, so a missing or unreadable file is one ``DataError``
    before any row is parsed.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise DataError(f"{path}: no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read ({exc.__class__.__name__})") from exc
    return [(n, line) for n, line in enumerate(lines, 1) if line.strip()]


def read_rows(
    path: str | Path, limit: int | None = None, seed: int = 0, normalize: bool = True
) -> list[Row]:
    """All rows of a JSONL file; with ``limit``, a seeded sample keeping the label balance.

    Texts go through the same normalization as ``newsprobe check`` input (Unicode, invisible
    characters, homoglyphs), so that evaluation measures what users get.
    """
    path = Path(path)
    rows: list[Row] = []
    for n, line in numbered_lines(path):
        try:
            obj = json.loads(line)
            label = LABELS[obj["label"]]
            text = obj["text"]
            if not isinstance(text, str):
                raise TypeError("text is not a string")
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise DataError(
                f"{path}:{n}: expected a JSON object with 'text' and 'label' "
                f"(human|machine): {exc.__class__.__name__}"
            ) from exc
        if normalize:
            text = normalize_text(text) or text
        rows.append(
            Row(
                text=text,
                label=label,
                generator=str(obj.get("generator") or ("human" if label == 0 else "unknown")),
                domain=str(obj.get("domain") or "unknown"),
                variant=str(obj.get("variant") or "none"),
                source=str(obj.get("source") or ""),
                extra={k: v for k, v in obj.items() if k not in {"text", "label"}},
            )
        )
    if not rows:
        raise DataError(f"{path}: no rows")
    return sample(rows, limit, seed) if limit else rows


def sample(rows: Sequence[Row], limit: int | None, seed: int = 0) -> list[Row]:
    """A seeded sample of at most ``limit`` rows, half human and half machine where possible."""
    if limit is None or limit >= len(rows):
        return list(rows)
    rng = random.Random(seed)
    humans = [r for r in rows if r.label == 0]
    machines = [r for r in rows if r.label == 1]
    rng.shuffle(humans)
    rng.shuffle(machines)
    n_h = min(len(humans), max(limit // 2, limit - len(machines)))
    picked = humans[:n_h] + machines[: limit - n_h]
    rng.shuffle(picked)
    return picked


def dedupe(rows: Iterable[Row], exclude: Iterable[str] = ()) -> list[Row]:
    """Drop repeated texts, and texts found in ``exclude`` (e.g. an evaluation set)."""
    seen = {t.strip() for t in exclude}
    out = []
    for r in rows:
        key = r.text.strip()
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out


def relabelled_texts(rows: Iterable[Row]) -> set[str]:
    """Texts found under both labels: their truth is not known from the data.

    LLMFake as shipped in ../shared/data gives 8,206 of its 11,774 machine rows the text of
    the human article they were made from (834 texts, each under one human row and up to
    21 machine ones); a metric that reads them counts human articles as missed machine text.
    """
    labels: dict[str, set[int]] = {}
    for r in rows:
        labels.setdefault(r.text.strip(), set()).add(r.label)
    return {text for text, seen in labels.items() if len(seen) > 1}


def machine_written(rows: Iterable[Row]) -> list[Row]:
    """``rows`` without the machine rows whose text is also a human row's (see
    :func:`relabelled_texts`): for benchmarks that sample a file's machine texts."""
    rows = list(rows)
    human = {r.text.strip() for r in rows if r.label == 0}
    return [r for r in rows if r.label == 0 or r.text.strip() not in human]


def is_cased(text: str) -> bool:
    """Sentences start with capitals: CoAID's human articles were lower-cased and stripped
    of commas, which a model of sentence style (or a splice onto a cased rewrite) would
    learn as "human" by itself."""
    from newsprobe.detect.segment import split_sentences

    starts = [text[a:b].strip()[:1] for a, b in split_sentences(text)]
    starts = [c for c in starts if c]
    return bool(starts) and sum(c.isupper() for c in starts) / len(starts) > 0.7
