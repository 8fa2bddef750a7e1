"""``newsprobe scan`` as a user runs it: complete, resumable, errors kept, one-line failures."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsprobe.batch.resume import ResultStore
from newsprobe.cli import app
from sample_pdf import make_pdf

runner = CliRunner()


def scan(*args: str) -> object:
    return runner.invoke(app, ["scan", *args])


def read(out: Path) -> dict[str, dict]:
    rows = pq.read_table(out).to_pylist()
    ids = [r["record_id"] for r in rows]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    return {r["record_id"]: r for r in rows}


def test_scan_writes_every_record_once_with_errors_in_their_rows(
    tmp_path, tiny_detector, crawl_jsonl
):
    crawl = tmp_path / "crawl.jsonl"
    ids = crawl_jsonl(crawl, 10)
    out = tmp_path / "results.parquet"
    res = scan(str(crawl), "--out", str(out), "--detector", str(tiny_detector), "--chunk-size", "4")
    assert res.exit_code == 0, res.output
    rows = read(out)
    assert list(rows) == ids
    good = [rows[f"a{i}"] for i in range(10)]
    assert all(r["error"] is None and r["label"] in {"machine", "human"} for r in good)
    assert all(0 <= r["machine_probability"] <= 1 and r["tokens"] > 10 for r in good)
    assert all(r["site"] == f"site{i % 3}.example" for i, r in enumerate(good))
    assert set(json.loads(good[0]["scores"])) >= {"prelude", "compression"}
    assert "not a JSON object" in rows[f"{crawl}#11"]["error"]
    assert "empty" in rows["empty"]["error"]
    assert not out.with_name(out.name + ".parts").exists()
    assert "12 rows (10 scored now, 2 errors" in res.output

    again = scan(str(crawl), "--out", str(out), "--detector", str(tiny_detector))
    assert again.exit_code == 0, again.output
    # The two error rows of the first run are still in the file, and said to be.
    assert "0 scored now, 0 errors now, 2 in the file's error column, 12 skipped" in again.output
    assert read(out) == rows


def test_a_scan_where_no_record_could_be_scored_exits_non_zero(tmp_path, tiny_detector):
    """Rows that all fail alike (no text in any; a wrong --text-field is refused before
    anything is written): the rows are kept, and the exit says so."""
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(
        "\n".join(json.dumps({"id": f"r{i}", "text": "", "body": TEXT}) for i in range(3))
    )
    out = tmp_path / "results.parquet"
    proc = subprocess.run(
        [
            *(sys.executable, "-m", "newsprobe", "scan", str(crawl), "--out", str(out)),
            *("--detector", str(tiny_detector)),
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)),
    )
    assert proc.returncode == 1  # as docs/scan.md says: rows written, none scored
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("error: none of the 3 records could be scored; the first: ")
    assert "articles/s" not in proc.stderr
    assert [r["error"] is not None for r in read(out).values()] == [True] * 3


TEXT = (
    "The council met on Tuesday to discuss the new bridge, and residents asked how long the "
    "work would close the road to traffic."
)


def test_a_folder_scan_reads_pdfs_and_names_the_files_it_does_not_read(tmp_path, tiny_detector):
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    (crawl / "a.txt").write_text(TEXT)
    (crawl / "b.pdf").write_bytes(make_pdf([[TEXT]]))
    (crawl / "rows.jsonl").write_text("{}")  # a folder scan reads single-article files only
    out = tmp_path / "results.parquet"
    res = scan(str(crawl), "--out", str(out), "--detector", str(tiny_detector))
    assert res.exit_code == 0, res.output
    rows = read(out)
    assert list(rows) == [str(crawl / "a.txt"), str(crawl / "b.pdf")]
    assert rows[str(crawl / "b.pdf")]["error"] is None  # the PDF's text layer was scored
    assert f"{crawl}: 1 file left out, not text, HTML or PDF (rows.jsonl)" in res.output


def test_interrupted_scan_resumes_without_redoing_or_losing(
    tmp_path, tiny_detector, monkeypatch, crawl_jsonl
):
    crawl = tmp_path / "crawl.jsonl"
    ids = crawl_jsonl(crawl, 20)
    out = tmp_path / "results.parquet"
    args = [str(crawl), "--out", str(out), "--detector", str(tiny_detector), "--chunk-size", "3"]
    real_write = ResultStore.write
    calls = {"n": 0}

    def dying_write(self, rows):
        calls["n"] += 1
        if calls["n"] == 4:  # killed while the 4th chunk is being written
            raise KeyboardInterrupt
        return real_write(self, rows)

    monkeypatch.setattr(ResultStore, "write", dying_write)
    res = scan(*args)
    assert res.exit_code == 130
    assert not out.exists()
    parts = sorted(out.with_name(out.name + ".parts").glob("part-*.parquet"))
    assert len(parts) == 3
    monkeypatch.setattr(ResultStore, "write", real_write)

    res = scan(*args)
    assert res.exit_code == 0, res.output
    assert "resuming: 9 records in the results already; input rows with their ids are" in res.output
    assert "22 rows (11 scored now, 2 errors in the error column, 9 skipped" in res.output
    assert sorted(read(out)) == sorted(ids)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["kill", "term"])
def test_killed_scan_process_restarts_and_finishes_exactly_once(
    tmp_path, tiny_detector, crawl_jsonl, sig
):
    """A real SIGKILL (or the SIGTERM of systemd and Kubernetes, which stops it as Ctrl-C
    does) in the middle of a scan with two worker processes, then the same command
    again; the killed scan's workers must not live on."""
    import psutil

    crawl = tmp_path / "crawl.jsonl"
    ids = crawl_jsonl(crawl, 400, bad_rows=False)
    out = tmp_path / "results.parquet"
    parts = out.with_name(out.name + ".parts")
    cmd = [sys.executable, "-m", "newsprobe", "scan", str(crawl), "--out", str(out)]
    cmd += ["--detector", str(tiny_detector), "--chunk-size", "2"]
    cmd += ["--workers", "2", "--threads", "1"]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and len(list(parts.glob("part-*.parquet"))) < 3:
        assert proc.poll() is None, proc.stderr.read().decode()
        time.sleep(0.05)
    workers = psutil.Process(proc.pid).children(recursive=True)
    proc.send_signal(sig)
    proc.wait(timeout=60)
    if sig == signal.SIGTERM:
        assert proc.returncode == 130
        assert "interrupted: finished chunks are kept" in proc.stderr.read().decode()
    assert not out.exists(), "the scan finished before it could be killed"
    _, alive = psutil.wait_procs(workers, timeout=15)
    assert not alive, f"workers outlived the killed scan: {alive}"
    done_before = sum(pq.read_metadata(p).num_rows for p in parts.glob("part-*.parquet"))
    assert 0 < done_before < 400
    fin = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert fin.returncode == 0, fin.stderr
    assert f"{400 - done_before} scored now" in fin.stderr
    assert sorted(read(out)) == sorted(ids)


def test_worker_processes_give_the_same_rows(tmp_path, tiny_detector, crawl_jsonl):
    crawl = tmp_path / "crawl.jsonl"
    crawl_jsonl(crawl, 8)
    one, two = tmp_path / "one.parquet", tmp_path / "two.parquet"
    base = [str(crawl), "--detector", str(tiny_detector), "--chunk-size", "2"]
    assert scan(*base, "--out", str(one)).exit_code == 0
    res = scan(*base, "--out", str(two), "--workers", "2", "--threads", "1")
    assert res.exit_code == 0, res.output
    a, b = read(one), read(two)
    assert a.keys() == b.keys()
    for k in a:
        assert a[k]["label"] == b[k]["label"] and a[k]["error"] == b[k]["error"]
        if a[k]["machine_probability"] is not None:
            assert a[k]["machine_probability"] == pytest.approx(b[k]["machine_probability"])


def test_resume_with_other_options_is_refused(tmp_path, tiny_detector, crawl_jsonl):
    crawl = tmp_path / "crawl.jsonl"
    crawl_jsonl(crawl, 3)
    out = tmp_path / "r.parquet"
    assert scan(str(crawl), "--out", str(out), "--detector", str(tiny_detector)).exit_code == 0
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsprobe",
            "scan",
            str(crawl),
            "--out",
            str(out),
            "--detector",
            str(tiny_detector),
            "--fpr",
            "0.5",
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)),
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [proc.stderr.strip()]
    assert "other options (--fpr)" in proc.stderr and "Traceback" not in proc.stderr


def test_a_model_that_cannot_load_stops_the_scan(tmp_path, tiny_detector, crawl_jsonl):
    crawl = tmp_path / "crawl.jsonl"
    crawl_jsonl(crawl, 3)
    out = tmp_path / "r.parquet"
    cmd = [sys.executable, "-m", "newsprobe", "scan", str(crawl), "--out", str(out)]
    cmd += ["--detector", str(tiny_detector), "--device", "cuda"]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path), CUDA_VISIBLE_DEVICES="")
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert proc.returncode == 3, proc.stderr
    assert proc.stderr.startswith("error: ") and "CUDA" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not out.exists()  # no file full of error rows


def test_a_bad_input_leaves_nothing_that_blocks_the_corrected_rerun(tmp_path, tiny_detector):
    crawl = tmp_path / "notext.csv"
    crawl.write_text("id,body\n1,The minister said the budget would rise next year.\n")
    out = tmp_path / "r3.parquet"
    res = scan(str(crawl), "--out", str(out), "--detector", str(tiny_detector))
    assert res.exit_code != 0 and "no column 'text'" in str(res.exception)
    assert not out.with_name(out.name + ".parts").exists() and not out.exists()
    args = ["--out", str(out), "--detector", str(tiny_detector), "--text-field", "body"]
    res = scan(str(crawl), *args)
    assert res.exit_code == 0, res.output
    assert list(read(out)) == ["1"]


def test_a_scan_stopped_before_its_first_part_does_not_block_other_options(
    tmp_path, tiny_detector, monkeypatch, crawl_jsonl
):
    crawl = tmp_path / "crawl.jsonl"
    ids = crawl_jsonl(crawl, 3)
    out = tmp_path / "r.parquet"
    parts = out.with_name(out.name + ".parts")
    real_write = ResultStore.write

    def ctrl_c(self, rows):
        raise KeyboardInterrupt  # Ctrl-C before the first chunk is written

    monkeypatch.setattr(ResultStore, "write", ctrl_c)
    res = scan(str(crawl), "--out", str(out), "--detector", str(tiny_detector))
    assert res.exit_code == 130
    assert [p.name for p in parts.iterdir()] == ["scan.json"]
    monkeypatch.setattr(ResultStore, "write", real_write)

    args = ["--out", str(out), "--detector", str(tiny_detector), "--fpr", "0.5"]
    res = scan(str(crawl), *args)
    assert res.exit_code == 0, res.output
    assert sorted(read(out)) == sorted(ids)
    meta = json.loads(pq.read_schema(out).metadata[b"newsprobe.scan"])
    assert meta["fpr"] == 0.5  # the manifest was rewritten for the options that ran


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: d / "missing.jsonl", "no such file"),
        (lambda d: (d / "x.docx").write_bytes(b"PK") and d / "x.docx", "unknown input kind"),
        (lambda d: (d / "t.csv").write_text("a,b\n1,2\n") and d / "t.csv", "no column 'text'"),
        (lambda d: "-", "not standard input ('-'): save it to a file"),
    ],
)
def test_bad_inputs_fail_with_one_line(tmp_path, setup, message):
    path = setup(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "newsprobe", "scan", str(path), "--out", str(tmp_path / "o.pq")],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)),
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: ") and message in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_check_expands_record_files(tmp_path, tiny_detector, crawl_jsonl):
    crawl = tmp_path / "crawl.jsonl"
    crawl_jsonl(crawl, 3)
    res = runner.invoke(app, ["check", str(crawl), "--json", "--detector", str(tiny_detector)])
    assert res.exit_code == 1  # two rows are bad
    lines = [json.loads(x) for x in res.stdout.splitlines() if x.startswith("{")]
    assert [x.get("record_id") for x in lines if "error" not in x] == ["a0", "a1", "a2"]
    errors = [x for x in lines if "error" in x]
    assert len(errors) == 2 and "empty" in errors[1]["error"]
    assert errors[1]["record_id"] == "empty" and errors[1]["path"] == str(crawl)


def test_scan_reads_no_further_ahead_than_one_chunk(
    tmp_path, tiny_detector, crawl_jsonl, monkeypatch
):
    """Flat memory: records are pulled from the reader only as chunks are scored."""
    import newsprobe.batch.scan as scan_module

    crawl = tmp_path / "crawl.jsonl"
    crawl_jsonl(crawl, 30, bad_rows=False)
    read = {"n": 0}
    real_reader = scan_module.iter_file_records

    def counting_reader(path, options):
        for rec in real_reader(path, options):
            read["n"] += 1
            yield rec

    written = []
    real_write = ResultStore.write

    def watching_write(self, rows):
        written.append(len(rows))
        assert read["n"] - sum(written) <= 4, "the reader ran ahead of the scoring"
        return real_write(self, rows)

    monkeypatch.setattr(scan_module, "iter_file_records", counting_reader)
    monkeypatch.setattr(ResultStore, "write", watching_write)
    out = tmp_path / "r.parquet"
    res = scan(str(crawl), "--out", str(out), "--detector", str(tiny_detector), "--chunk-size", "4")
    assert res.exit_code == 0, res.output
    assert written == [4] * 7 + [2] and read["n"] == 30


def test_scan_workers_on_onnx_runtime_score_as_pytorch(tmp_path, tiny_detector, crawl_jsonl):
    pytest.importorskip("onnxruntime")
    crawl = tmp_path / "crawl.jsonl"
    crawl_jsonl(crawl, 6)
    outs = {}
    for runtime, workers in (("torch", "1"), ("onnx", "2")):
        out = tmp_path / f"{runtime}.parquet"
        res = scan(
            str(crawl), "--out", str(out), "--detector", str(tiny_detector),
            "--runtime", runtime, "--workers", workers, "--chunk-size", "2",
        )  # fmt: skip
        assert res.exit_code == 0, res.output
        outs[runtime] = read(out)
    assert outs["onnx"].keys() == outs["torch"].keys()
    for key, row in outs["torch"].items():
        if row["error"] is None:
            got = json.loads(outs["onnx"][key]["scores"])
            for name, value in json.loads(row["scores"]).items():
                assert got[name] == pytest.approx(value, rel=1e-3, abs=1e-3), (key, name)
            # The toy detector is steep (fitted on six texts): its probabilities move more.
            got_p = outs["onnx"][key]["machine_probability"]
            assert got_p == pytest.approx(row["machine_probability"], abs=1e-2), key


def test_records_whose_scoring_failed_are_scored_again_by_the_rerun(
    tmp_path, tiny_detector, monkeypatch, crawl_jsonl
):
    """A failure of the scoring (memory, a device) is not the record's: the run says so
    with exit 1, and the rerun scores those records again, each kept once."""
    from newsprobe.batch import scan as scan_module

    crawl = tmp_path / "crawl.jsonl"
    ids = crawl_jsonl(crawl, 6)
    out = tmp_path / "results.parquet"
    args = [str(crawl), "--out", str(out), "--detector", str(tiny_detector), "--chunk-size", "4"]
    real = scan_module.check_articles

    def failing(articles, *a, **k):
        if any("record_id" in x.meta and x.meta["record_id"] in {"a1", "a4"} for x in articles):
            raise MemoryError("out of memory")
        return real(articles, *a, **k)

    monkeypatch.setattr(scan_module, "check_articles", failing)
    res = scan(*args)
    assert res.exit_code == 1, res.output
    assert "error: scoring failed on 2 records (the first: scoring failed: MemoryError" in (
        res.output
    )
    rows = read(out)
    assert sorted(rows) == sorted(ids)
    assert [i for i, r in rows.items() if (r["error"] or "").startswith("scoring failed")] == [
        "a1",
        "a4",
    ]
    monkeypatch.setattr(scan_module, "check_articles", real)
    res = scan(*args)
    assert res.exit_code == 0, res.output
    assert "2 scored now" in res.output and "2 records whose scoring had failed tried" in res.output
    rows = read(out)
    assert sorted(rows) == sorted(ids)
    assert rows["a1"]["error"] is None and rows["a4"]["label"] in {"human", "machine"}


def test_a_device_that_does_not_exist_is_refused_before_any_row(
    tmp_path, tiny_detector, crawl_jsonl
):
    crawl = tmp_path / "crawl.jsonl"
    crawl_jsonl(crawl, 3)
    out = tmp_path / "r.parquet"
    res = scan(str(crawl), "--out", str(out), "--detector", str(tiny_detector), "--device", "tpu")
    from newsprobe.errors import UsageError  # exit 2 from the command line

    assert isinstance(res.exception, UsageError) and "unknown device 'tpu'" in str(res.exception)
    assert not out.exists() and not out.with_name(out.name + ".parts").exists()


def test_a_full_disk_is_one_line_and_the_finished_chunks_are_kept(
    tmp_path, tiny_detector, monkeypatch, crawl_jsonl
):
    import errno

    import pyarrow.parquet as pq_module

    crawl = tmp_path / "crawl.jsonl"
    ids = crawl_jsonl(crawl, 8)
    out = tmp_path / "results.parquet"
    args = [str(crawl), "--out", str(out), "--detector", str(tiny_detector), "--chunk-size", "3"]
    real = pq_module.write_table
    calls = {"n": 0}

    def full(table, where, *a, **k):
        calls["n"] += 1
        if calls["n"] == 2:
            Path(where).write_bytes(b"PAR1")  # begun, then the disk filled
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(table, where, *a, **k)

    monkeypatch.setattr(pq_module, "write_table", full)
    res = scan(*args)
    from newsprobe.errors import OutputError  # exit 1 from the command line

    assert isinstance(res.exception, OutputError)
    assert str(res.exception) == (
        f"cannot write the results to {out} (No space left on device); finished chunks are "
        f"kept in {out}.parts; rerun the same command to resume"
    )
    parts = out.with_name(out.name + ".parts")
    assert [p.name for p in sorted(parts.iterdir())] == ["part-00000000.parquet", "scan.json"]
    monkeypatch.setattr(pq_module, "write_table", real)
    assert scan(*args).exit_code == 0
    assert sorted(read(out)) == sorted(ids)
    # Full before the first chunk: nothing kept, so no resuming is promised.
    calls["n"] = 1
    monkeypatch.setattr(pq_module, "write_table", full)
    other = tmp_path / "other.parquet"
    res = scan(str(crawl), "--out", str(other), "--detector", str(tiny_detector))
    assert str(res.exception) == f"cannot write the results to {other} (No space left on device)"


def test_a_text_too_short_to_judge_says_why_in_its_row(tmp_path, tiny_detector):
    crawl = tmp_path / "crawl.jsonl"
    rows = [{"id": "menu", "text": "Menu"}, {"id": "story", "text": TEXT}]
    crawl.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "r.parquet"
    res = scan(str(crawl), "--out", str(out), "--detector", str(tiny_detector))
    assert res.exit_code == 0, res.output
    got = read(out)
    assert got["menu"]["label"] == "too_short" and got["menu"]["error"] is None
    assert "at least" in got["menu"]["reason"] and got["story"]["reason"] is None


@pytest.mark.parametrize("option", ["--threads", "--workers", "--chunk-size"])
def test_a_count_below_one_is_refused(tmp_path, tiny_detector, crawl_jsonl, option):
    crawl = tmp_path / "crawl.jsonl"
    crawl_jsonl(crawl, 2)
    out = tmp_path / "r.parquet"
    res = scan(str(crawl), "--out", str(out), "--detector", str(tiny_detector), option, "0")
    assert "must be at least 1" in str(res.exception) and not out.exists()


def test_a_column_named_by_an_option_must_be_there(tmp_path, tiny_detector):
    """Unnamed, a missing url column is simply not used; named (--url-field link), a
    missing one would put every row under the "(unknown)" site without a word."""
    crawl = tmp_path / "crawl.csv"
    crawl.write_text(f'id,text,href\n1,"{TEXT}",https://news.example/1\n')
    rows = tmp_path / "crawl.jsonl"
    rows.write_text(json.dumps({"text": TEXT, "domain": "news.example"}) + "\n")
    out = tmp_path / "r.parquet"
    base = ["--out", str(out), "--detector", str(tiny_detector)]
    res = scan(str(crawl), *base, "--url-field", "link")
    assert str(res.exception) == (
        f"{crawl}: no column 'link' for --url-field (columns: href, id, text)"
    )
    res = scan(str(rows), *base, "--site-field", "site_name")
    assert "no column 'site_name' for --site-field (columns: domain, text)" in str(res.exception)
    assert not out.exists() and not out.with_name(out.name + ".parts").exists()
    # The text or HTML column too: in JSON Lines it had made a file of error rows that
    # the corrected command then refused as made with other options.
    for flag in ("--text-field", "--html-field"):
        res = scan(str(rows), *base, flag, "body")
        assert f"no column 'body' for {flag} (columns: domain, text)" in str(res.exception)
        assert not out.exists() and not out.with_name(out.name + ".parts").exists()
    res = scan(str(crawl), *base, "--url-field", "href")
    assert res.exit_code == 0, res.output
    assert read(out)["1"]["site"] == "news.example"


def test_a_file_named_by_its_absolute_path_resumes_the_same_records(
    tmp_path, tiny_detector, monkeypatch
):
    """Rows without an id or url are "<path>#<row>": the same file typed as an absolute
    path had been a second set of ids, every record scored and kept twice."""
    monkeypatch.chdir(tmp_path)
    rows = [{"text": f"{TEXT} Item {i}."} for i in range(3)]
    Path("crawl.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    args = ["--out", "r.parquet", "--detector", str(tiny_detector)]
    assert scan("crawl.jsonl", *args).exit_code == 0
    again = scan(str(tmp_path / "crawl.jsonl"), *args)
    assert again.exit_code == 0 and "0 scored now" in again.output
    assert sorted(read(tmp_path / "r.parquet")) == [
        "crawl.jsonl#1",
        "crawl.jsonl#2",
        "crawl.jsonl#3",
    ]
    # Rerun from another folder (a cron job's): the paths in the ids start where the
    # first run did, so "../crawl.jsonl" is the same file's records, not new ones.
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    other = scan("../crawl.jsonl", "--out", "../r.parquet", "--detector", str(tiny_detector))
    assert other.exit_code == 0 and "0 scored now" in other.output, other.output
    assert len(read(tmp_path / "r.parquet")) == 3


def test_a_page_fetched_twice_in_one_file_is_scored_once(tmp_path, tiny_detector):
    """A crawl engineer's feed held one page twice (same url, same text): it had been a
    second row, "#2", and counted twice in its site's share."""
    feed = tmp_path / "feed.jsonl"
    rows = [
        {"url": "https://a.example/1", "text": TEXT},
        {"url": "https://a.example/1", "text": f"{TEXT} Updated."},
        {"url": "https://a.example/1", "text": TEXT},
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "r.parquet"
    res = scan(str(feed), "--out", str(out), "--detector", str(tiny_detector))
    assert res.exit_code == 0 and "1 repeated record id kept once" in res.output
    assert sorted(read(out)) == ["https://a.example/1", "https://a.example/1#2"]


def test_ids_reused_across_files_for_other_articles_are_all_kept(tmp_path, tiny_detector):
    """Exports of two sites, each numbered from 1: the second site's articles are other
    articles under the same ids, kept as "1@<text hash>"; the same article met again, in
    any file, is a repeat, kept once; an unreadable row does not stand for a later
    article under its id; the rerun skips them all, and so does a rerun of the crawl moved
    with its results."""
    story = (
        "The council said on Tuesday that it would review the decision after residents "
        "complained about the new parking rules, and officials promised a report within weeks"
    )
    texts = [f"{story} on case {n}, the mayor told reporters." for n in "ABCD"]
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    files = {
        "siteA.csv": f'id,text\n1,"{texts[0]}"\n2,"{texts[1]}"\n3,""\n',
        "siteB.csv": f'id,text\n1,"{texts[2]}"\n2,"{texts[3]}"\n3,"{texts[3]} Again."\n',
        "again.csv": f'id,text\n1,"{texts[2]}"\n',  # site B's first article again
        "again2.csv": f'id,text\n1,"{texts[0]}"\n',  # site A's
    }
    for name, content in files.items():
        (crawl / name).write_text(content)
    out = crawl / "results.parquet"
    args = [str(crawl / n) for n in files] + ["--out", str(out), "--detector", str(tiny_detector)]
    res = scan(*args)
    assert res.exit_code == 0, res.output
    rows = read(out)
    placed = {i for i in rows if "@" in i}
    assert len(rows) == 6 and {"1", "2", "3"} <= rows.keys() and len(placed) == 3
    assert {rows[i]["text_sha"] for i in placed} | {rows["1"]["text_sha"]} == {
        r["text_sha"] for r in rows.values() if r["text_sha"]
    } - {rows["2"]["text_sha"]}
    assert rows["3"]["error"] is not None  # site A's unreadable row 3 keeps its id ...
    assert any(i.startswith("3@") for i in placed)  # ... and site B's article 3 is kept
    assert "; 2 repeated record ids kept once" in res.output
    rerun = scan(*args)
    assert rerun.exit_code == 0, rerun.output
    assert "0 scored now" in rerun.output and "6 skipped as already done" in rerun.output
    moved = tmp_path / "moved"
    crawl.rename(moved)
    again = [str(moved / n) for n in files] + ["--out", str(moved / "results.parquet")]
    res = scan(*again, "--detector", str(tiny_detector))
    assert res.exit_code == 0 and "0 scored now" in res.output, res.output
    assert sorted(read(moved / "results.parquet")) == sorted(rows)


def test_a_mixed_articles_turn_is_in_its_row(tmp_path):
    """A human-labelled article with a turn to machine text was a plain "human" row: a
    pipeline keyed on the label lost every mixed article."""
    from newsprobe.article import Article, Boundary, Verdict
    from newsprobe.batch.schema import result_row, to_table
    from newsprobe.ingest.records import Record

    article = Article(text=TEXT)
    article.verdict = Verdict(
        label="human", machine_probability=0.2, threshold=0.9, fpr_target=0.01
    )
    rec = Record(record_id="r1", source="crawl.jsonl", article=article)
    assert result_row(rec, article, "m")["boundary_sentence"] is None
    article.boundary = Boundary(sentence=4, start=120, statistic=3.0, cutoff=2.0, fpr_target=0.05)
    row = result_row(rec, article, "m")
    assert row["boundary_sentence"] == 4 and row["label"] == "human"
    assert to_table([row]).column("boundary_sentence").to_pylist() == [4]
