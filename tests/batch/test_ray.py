"""``--engine ray`` on a local Ray instance gives the rows the local engine gives."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsprobe.cli import app

ray = pytest.importorskip("ray", reason="the ray extra is not installed")


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, logging_level="error")
    yield
    ray.shutdown()


def test_ray_engine_matches_local_engine(tmp_path, tiny_detector, local_ray, crawl_jsonl):
    first, second, third = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl"
    crawl_jsonl(first, 6, seed=1)
    crawl_jsonl(second, 5, seed=1)  # a0..a4 again in another file, with the same texts
    crawl_jsonl(third, 2, seed=2, bad_rows=False)  # a0, a1 again with other texts
    with second.open("a") as fh:  # the models do not cover German: no number on either engine
        fh.write(
            '{"id": "de", "text": "Die Bundesregierung hat am Mittwoch beschlossen, die '
            'Hilfen für die Landwirtschaft im kommenden Jahr deutlich zu erhöhen."}\n'
        )
    local, distributed = tmp_path / "local.parquet", tmp_path / "ray.parquet"
    base = [str(first), str(second), str(third)]
    base += ["--detector", str(tiny_detector), "--chunk-size", "3"]
    runner = CliRunner()
    res = runner.invoke(app, ["scan", *base, "--out", str(local)])
    assert res.exit_code == 0, res.output
    # Ids met again in the second file are repeats, not records "already done".
    summary = "0 skipped as already done) in"
    assert summary in res.output and "; 6 repeated record ids kept once" in res.output
    # Run again over finished results: each result is met once, the repeats stay repeats.
    again = runner.invoke(app, ["scan", *base, "--out", str(local)])
    assert "0 errors now, 3 in the file's error column, 12 skipped as" in again.output
    assert "; 6 repeated record ids kept once" in again.output
    res = runner.invoke(
        app, ["scan", *base, "--out", str(distributed), "--engine", "ray", "--workers", "2"]
    )
    assert res.exit_code == 0, res.output
    assert summary in res.output and "; 6 repeated record ids kept once" in res.output
    a = {r["record_id"]: r for r in pq.read_table(local).to_pylist()}
    b = {r["record_id"]: r for r in pq.read_table(distributed).to_pylist()}
    assert len(b) == pq.read_metadata(distributed).num_rows  # ids unique
    assert a.keys() == b.keys()
    # a0..a5 + 2 bad rows of the first file; the second adds only its bad JSON line and
    # "de" (its a0..a4 and "empty" repeat the first file's: scored once); the third's a0
    # and a1 are other articles under reused ids, placed as "a0@<text hash>"
    assert len(a) == 12
    (placed,) = [i for i in a if i.startswith("a0@")]
    assert a[placed]["text_sha"] != a["a0"]["text_sha"] and placed[3:] in a[placed]["text_sha"]
    assert a["de"]["label"] == b["de"]["label"] == "unsupported_language"
    for k, row in a.items():
        other = b[k]
        assert row["text_sha"] == other["text_sha"] and row["error"] == other["error"]
        assert row["label"] == other["label"] and row["site"] == other["site"]
        if row["machine_probability"] is not None:
            assert row["machine_probability"] == pytest.approx(other["machine_probability"])

    # resuming on Ray: a finished file is extended, never redone
    third = tmp_path / "c.jsonl"
    third.write_text('{"id": "new", "text": "' + "word " * 40 + '"}\n')
    res = runner.invoke(
        app,
        ["scan", *base, str(third), "--out", str(distributed), "--engine", "ray", "--workers", "1"],
    )
    assert res.exit_code == 0, res.output
    assert "1 scored now" in res.output
    assert set(pq.read_table(distributed, columns=["record_id"]).column(0).to_pylist()) == {
        *a,
        "new",
    }
