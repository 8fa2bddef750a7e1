"""Labels as ``newsprobe eval`` reads them from a row's column."""

from __future__ import annotations

import json

import pytest

from newsprobe.errors import DataError
from newsprobe.eval.inputs import labelled_rows

TEXT = (
    "The council met on Tuesday night. Residents packed the hall, some standing at the "
    "back. A vote on the library's hours is due next month, the chair said."
)


def test_a_machine_flag_column_is_a_label(tmp_path):
    """An export's ``is_ai`` column of booleans, 0/1 or yes/no, or another dataset's
    words ("AI", "generated"): true, 1, yes and AI are machine."""
    path = tmp_path / "export.jsonl"
    flags = [True, False, 1, 0, "1", "false", "Machine", "human", "AI", "no", "yes", "Human"]
    path.write_text(
        "\n".join(
            json.dumps({"text": f"{TEXT} Item {i}.", "is_ai": f}) for i, f in enumerate(flags)
        )
    )
    rows, excluded = labelled_rows([str(path)], label_field="is_ai")
    assert [r.label for r in rows] == [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0]
    assert not excluded.total
    path.write_text(json.dumps({"text": TEXT, "is_ai": "maybe"}))
    with pytest.raises(DataError, match=r"export\.jsonl:1: label must be 'human' or 'machine'"):
        labelled_rows([str(path)], label_field="is_ai")


def test_a_text_under_both_labels_is_left_out_every_copy(tmp_path):
    """LLMFake gives thousands of its machine rows the human article's text: such a text
    would count as a missed machine text and a correct human one at once."""
    from newsprobe.eval.data import machine_written, read_rows, relabelled_texts

    path = tmp_path / "data.jsonl"
    rows = [
        {"text": f"{TEXT} One.", "label": "human"},
        {"text": f"{TEXT} One.", "label": "machine", "variant": "paraphrase"},
        {"text": f"{TEXT} One.", "label": "machine", "variant": "rewrite"},
        {"text": f"{TEXT} Two.", "label": "human"},
        {"text": f"{TEXT} Three.", "label": "machine"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    kept, excluded = labelled_rows([str(path)])
    assert [(r.text[-4:], r.label) for r in kept] == [("Two.", 0), ("ree.", 1)]
    assert excluded.counts["labelled_both"] == 3
    details = [e["detail"] for e in excluded.examples]
    assert details[0] == "the same text is also labelled machine"
    assert details[1] == "the same text is also labelled human"
    read = read_rows(path)
    assert relabelled_texts(read) == {f"{TEXT} One."}
    assert [(r.text[-4:], r.label) for r in machine_written(read)] == [
        ("One.", 0),
        ("Two.", 0),
        ("ree.", 1),
    ]


def test_labelled_json_lines_piped_in_are_rows(monkeypatch):
    """``jq -c ... | newsprobe eval -`` (or ``threshold -``): the rows' labels and groups
    are read as from the same file named."""
    import io
    import sys

    lines = [
        {"text": f"{TEXT} Item {i}.", "label": lab, "generator": g}
        for i, (lab, g) in enumerate([("human", None), ("machine", "gpt"), ("human", None)])
    ]
    data = "".join(json.dumps({k: v for k, v in r.items() if v}) + "\n" for r in lines)
    stdin = io.TextIOWrapper(io.BytesIO(data.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    rows, excluded = labelled_rows(["-"])
    assert [(r.label, r.generator, r.extra["input"]) for r in rows] == [
        (0, "human", "<stdin>:1"),
        (1, "gpt", "<stdin>:2"),
        (0, "human", "<stdin>:3"),
    ]
    assert not excluded.total


def test_rows_given_the_default_label_are_named_in_a_note(tmp_path):
    """``threshold export.csv`` takes unlabelled rows as human: a label column under
    another name would make every machine row a human one, so the note says so."""
    path = tmp_path / "export.jsonl"
    rows = [{"text": f"{TEXT} Item {i}.", "is_ai": i % 2} for i in range(4)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    notes: list[str] = []
    got, _ = labelled_rows([str(path)], label="human", notes=notes)
    assert [r.label for r in got] == [0, 0, 0, 0]
    assert notes == [
        f"{path}: 4 rows without a 'label' value taken as human (--label-field names another "
        "column)"
    ]
    notes.clear()
    got, _ = labelled_rows([str(path)], label="human", label_field="is_ai", notes=notes)
    assert [r.label for r in got] == [0, 1, 0, 1]
    # Its machine rows name no generator: one 'unknown' row in the tables, said so.
    assert notes == [
        f"{path}: 2 machine rows without a 'generator' value, reported as generator "
        "'unknown' (--generator-field names another column)"
    ]


def test_each_text_counts_once(tmp_path):
    """A file given twice, or an archive's syndicated copies: one article, one row."""
    path = tmp_path / "archive.jsonl"
    rows = [{"text": f"{TEXT} Item {i % 3}.", "label": "human"} for i in range(5)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    got, excluded = labelled_rows([str(path), str(path)])
    assert [r.extra["input"] for r in got] == [f"{path}:{i}" for i in (1, 2, 3)]
    assert excluded.counts == {"duplicate": 7}
    assert excluded.examples[0] == {
        "input": f"{path}:4",
        "reason": "duplicate",
        "detail": f"the same text as {path}:1",
    }
