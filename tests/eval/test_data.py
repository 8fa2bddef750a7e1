import json

import pytest

from newsprobe.errors import DataError
from newsprobe.eval.data import read_rows, sample


def _write(tmp_path, rows):
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


def test_rows_are_normalized_like_check_input(tmp_path):
    path = _write(tmp_path, [{"text": "The secоnd\u200b  round", "label": "machine"}])
    (row,) = read_rows(path)
    assert row.text == "The second round"
    assert row.generator == "unknown" and row.label == 1
    (raw,) = read_rows(path, normalize=False)
    assert raw.text == "The secоnd\u200b  round"


def test_limit_keeps_labels_balanced(tmp_path):
    rows = [{"text": f"h{i}", "label": "human"} for i in range(50)]
    rows += [{"text": f"m{i}", "label": "machine", "generator": "g"} for i in range(10)]
    picked = read_rows(_write(tmp_path, rows), limit=20, seed=3)
    assert sum(r.label for r in picked) == 10
    assert sample(picked, None) == picked


def test_bad_rows_name_the_line(tmp_path):
    path = _write(tmp_path, [{"text": "ok", "label": "human"}, {"label": "human"}])
    with pytest.raises(DataError, match=r"rows\.jsonl:2"):
        read_rows(path)
    with pytest.raises(DataError, match="no such file"):
        read_rows(tmp_path / "missing.jsonl")
