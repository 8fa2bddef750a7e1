"""``newsprobe sources``, ``check --sources`` and ``eval-claims`` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprobe.cli import app
from newsprobe.errors import NewsprobeError
from sample_pdf import make_pdf

STORY = (
    "Poland joined NATO in 2009, the foreign minister told reporters on Monday. "
    "Brazil won the 1970 World Cup in Mexico City. "
    "The government said that Article 4 of the North Atlantic Treaty allows consultations."
)
runner = CliRunner()


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsprobe", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=300,
    )


@pytest.fixture(scope="module")
def sources_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("trusted")
    (d / "nato.txt").write_text(
        "Poland joined NATO in 1999.\n\nArticle 4 of the North Atlantic Treaty allows any ally "
        "to request consultations when it feels threatened.",
        encoding="utf-8",
    )
    rows = [
        {
            "text": "The Danube flows through Budapest and Vienna.",
            "title": "Rivers",
            "url": "https://example.org/rivers",
        }
    ]
    (d / "more.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def store(sources_dir, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store") / "s.sqlite"
    res = runner.invoke(app, ["sources", "add", str(sources_dir), "--store", str(path)])
    assert res.exit_code == 0, res.output
    assert "added 3 passages from 2 documents (0 duplicates skipped)" in res.output
    return path


@pytest.fixture(scope="module")
def tiny_detector(fit_tiny_detector, tmp_path_factory) -> Path:
    texts = [
        STORY,
        STORY.upper(),
        STORY[::-1],
        "The budget rose by 3 percent. " * 6,
        "The budget rose by 3 percent. " * 12,
        "The budget rose. " * 8,
    ]
    det = fit_tiny_detector(texts, [0, 0, 0, 1, 1, 1])
    return det.save(tmp_path_factory.mktemp("det") / "tiny.json")


def test_sources_add_is_incremental_and_list_remove_work(store, sources_dir):
    again = runner.invoke(
        app, ["sources", "add", str(sources_dir / "nato.txt"), "--store", str(store)]
    )
    assert "added 0 passages" in again.output and "2 duplicates skipped" in again.output
    listed = runner.invoke(app, ["sources", "list", "--store", str(store), "--json"])
    infos = [json.loads(line) for line in listed.output.splitlines()]
    assert sorted(i["passages"] for i in infos) == [1, 2]
    extra = store.parent / "extra.sqlite"
    runner.invoke(app, ["sources", "add", str(sources_dir), "--store", str(extra)])
    gone = runner.invoke(
        app, ["sources", "remove", "https://example.org/rivers", "--store", str(extra)]
    )
    assert gone.exit_code == 0 and "removed https://example.org/rivers (1 passage)" in gone.output
    left = runner.invoke(app, ["sources", "list", "--store", str(extra), "--json"])
    assert len(left.output.splitlines()) == 1
    (last,) = (json.loads(line)["source"] for line in left.output.splitlines())
    runner.invoke(app, ["sources", "remove", last, "--store", str(extra)])
    empty = runner.invoke(app, ["sources", "list", "--store", str(extra)])
    assert empty.exit_code == 0
    assert empty.stderr.strip() == "no sources yet (newsprobe sources add FILE|FOLDER|URL)"


def test_check_with_sources_adds_claims_to_the_json(store, tiny_detector, tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(STORY, encoding="utf-8")
    res = runner.invoke(
        app,
        [
            "check",
            str(article),
            "--json",
            "--detector",
            str(tiny_detector),
            "--sources",
            "--store",
            str(store),
        ],
    )
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert {"label", "machine_probability", "claims", "claims_summary"} <= set(out)
    by_verdict = {c["verdict"]: c for c in out["claims"]}
    bad = by_verdict["contradicted"]
    assert STORY[bad["start"] : bad["end"]] == bad["text"]
    assert bad["text"].startswith("Poland joined NATO in 2009")
    (conflict,) = bad["conflicts"]
    assert (conflict["claim"], conflict["source_says"]) == ("2009", "1999")
    assert conflict["source_text"] == "Poland joined NATO in 1999."
    assert set(bad["evidence"][0]) >= {"text", "source", "title", "url", "score"}
    # The evidence names its document as `sources list` does, so it can be removed by it.
    listed = runner.invoke(app, ["sources", "list", "--store", str(store)]).output
    assert conflict["source"] in listed and f"({conflict['title']})" in listed
    assert conflict["source"] == bad["evidence"][0]["source"]
    brazil = next(c for c in out["claims"] if c["text"].startswith("Brazil"))
    assert brazil["verdict"] == "not_enough_evidence"
    assert out["claims_summary"]["contradicted"] == 1


def test_check_with_sources_prints_a_claims_section(store, tiny_detector, tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(STORY, encoding="utf-8")
    res = runner.invoke(
        app,
        [
            "check",
            str(article),
            "--detector",
            str(tiny_detector),
            "--sources",
            "--store",
            str(store),
        ],
        terminal_width=200,
    )
    assert res.exit_code == 0, res.output
    assert "1 contradicted" in res.output
    assert "CONTRADICTED" in res.output and "'2009'" in res.output and "'1999'" in res.output


def test_relative_dates_count_back_from_check_date_or_a_record_files_date_column(
    store, tiny_detector, tmp_path
):
    """A pasted text carries no date; ``--date`` gives it (over a page's own), and a record
    file's ``date`` column gives each row's: "a decade ago" then reads as a year."""
    said = "Poland joined NATO a decade ago, the foreign minister told reporters."
    article = tmp_path / "story.txt"
    article.write_text(said, encoding="utf-8")
    base = ["--detector", str(tiny_detector), "--sources", "--store", str(store), "--json"]

    def conflicts(res) -> list[list[tuple[str, str]]]:
        assert res.exit_code == 0, res.output
        rows = [json.loads(line) for line in res.stdout.splitlines()]
        return [
            [(c["claim"], c["source_says"]) for x in r["claims"] for c in x["conflicts"]]
            for r in rows
        ]

    res = runner.invoke(app, ["check", str(article), *base])
    assert conflicts(res) == [[]]  # no date: "a decade ago" names no year, and it says so
    assert json.loads(res.stdout)["claims_note"] == (
        "1 date is counted from the article's publication date ('a decade ago'), which it "
        'does not give: give it (check --date YYYY-MM-DD, a service request\'s "date") to '
        "read them"
    )
    res = runner.invoke(app, ["check", str(article), *base, "--date", "2025-09-10"])
    assert conflicts(res) == [[("a decade ago (2015)", "1999")]]
    assert json.loads(res.stdout)["date"] == "2025-09-10"
    rows = [{"id": "a", "text": said, "date": "2009-05-01"}, {"id": "b", "text": said}]
    rows += [{"id": "c", "text": said, "date": "10 September 2025"}]
    rows += [{"id": "d", "text": said, "date": "2025-13-40"}]
    records = tmp_path / "crawl.jsonl"
    records.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    res = runner.invoke(app, ["check", str(records), *base])
    # 2009 counts back to 1999, give or take two years for a decade: nothing to contradict;
    # a date with the month's name is read; one that is no date is said to be unreadable.
    assert conflicts(res) == [[], [], [("a decade ago (2015)", "1999")], []]
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r.get("date") for r in out] == ["2009-05-01", None, "10 September 2025", "2025-13-40"]
    assert ["claims_note" in r for r in out] == [False, True, False, True]
    assert (
        "but its date cannot be read ('2025-13-40' is not a calendar date" in out[3]["claims_note"]
    )
    res = runner.invoke(app, ["check", str(records), *base, "--date", "2025-09-10"])
    assert conflicts(res) == [[("a decade ago (2015)", "1999")]] * 4


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("10/09/2025", "a date is YYYY-MM-DD"),
        ("bad", "a date is YYYY-MM-DD"),
        ("2025-02-30", "not a calendar date"),
    ],
)
def test_a_bad_check_date_is_one_line_and_exit_2(value, message, tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(STORY, encoding="utf-8")
    proc = cli("check", str(article), "--sources", "--date", value)
    assert proc.returncode == 2
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith("error: --date: ") and message in line


def test_claims_of_a_text_in_another_language_are_said_not_checked(store, tiny_detector, tmp_path):
    """An English parser reads German as English and finds nothing to contradict: the
    claims are not listed "without enough evidence" but said to be unchecked."""
    article = tmp_path / "de.txt"
    article.write_text(
        "Die NATO wurde im Jahr 1952 in Washington gegründet. Polen trat dem Bündnis im "
        "Jahr 2009 bei, wie die Regierung in Warschau am Mittwoch mitteilte. Die Minister "
        "wollen sich in der kommenden Woche erneut treffen, um über die Lage zu beraten.",
        encoding="utf-8",
    )
    base = ["check", str(article), "--detector", str(tiny_detector), "--sources"]
    res = runner.invoke(app, [*base, "--store", str(store), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["label"] == "unsupported_language"
    assert "claims" not in out and "claims_summary" not in out
    assert out["claims_not_checked"] == "claims are checked in en only; this text reads as de"
    res = runner.invoke(app, [*base, "--store", str(store)], terminal_width=200)
    assert "Claims not checked: claims are checked in en only" in res.output


def test_eval_claims_reports_the_system_and_both_baselines(tmp_path):
    rows = [
        {
            "claim": "Poland joined NATO in 2009.",
            "label": "REFUTES",
            "evidence": [{"text": "Poland joined NATO in 1999.", "title": "Poland"}],
        },
        {
            "claim": "The Eiffel Tower was completed in 1889.",
            "label": "SUPPORTS",
            "evidence": [{"text": "The Eiffel Tower was completed in 1889.", "title": "Tower"}],
        },
        {
            "claim": "Brazil won the 1970 World Cup.",
            "label": "NOT_ENOUGH_INFO",
            "evidence": [{"text": "Rain fell on Krakow.", "title": "Weather"}],
        },
        {
            "claim": "Scientists disagree.",
            "label": "DISPUTED",
            "evidence": [{"text": "Some do.", "title": "x"}],
        },
    ]
    data = tmp_path / "fc.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    out = tmp_path / "m.json"
    res = runner.invoke(app, ["eval-claims", "--data", str(data), "--json", str(out)])
    assert res.exit_code == 0, res.output
    m = json.loads(out.read_text())
    assert m["n"] == 3 and m["n_skipped"] == 1
    assert m["systems"]["newsprobe"]["accuracy"] == 1.0
    assert m["claims_past_gate"] == 2  # the Brazil claim finds only the weather
    assert m["claims_past_gate_by_label"] == {"REFUTES": 1, "SUPPORTS": 1}
    assert len(m["systems"]) == 3 and "retrieval-only" in m["systems"]
    assert "macro-F1" in res.output and "P REFUTES" in res.output


def test_eval_claims_cross_validates_on_a_sample_of_climate_fever(shared_data, tmp_path):
    data = shared_data / "factcheck" / "climate_fever.jsonl"
    out, model = tmp_path / "m.json", tmp_path / "verdict.json"
    args = ["--data", str(data), "--limit", "40", "--cv", "2", "--json", str(out)]
    res = runner.invoke(app, ["eval-claims", *args, "--fit-out", str(model)])
    assert res.exit_code == 0, res.output
    m = json.loads(out.read_text())
    oof = m["systems"]["newsprobe, 2-fold out-of-fold"]
    assert {"newsprobe", "retrieval-only", "hand rules (no model)"} <= set(m["systems"])
    assert 0.0 <= oof["macro_f1"] <= 1.0
    assert set(oof["per_label"]) == {"SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO"}
    folds = m["cv"]["folds"]
    assert len(folds) == 2 and sum(f["n_test"] for f in folds) == m["n"]
    assert sum(m["cv"]["predicted"].values()) == m["n"]
    assert m["in_sample"] is True  # the shipped model was fitted on ClimateFEVER
    assert "out-of-fold" in res.output and "in-sample" in res.output
    assert json.loads(model.read_text())["provenance"]["rows"] == m["n"]


def test_eval_claims_knows_the_shipped_models_claims_by_content_not_file_name(
    shared_data, tmp_path
):
    """In-sample is decided by the claims the verdict model was fitted on: a sample of
    ClimateFEVER under another name is in-sample for the rows it shares with the fit, and
    other claims in a file called climate_fever.jsonl are not."""
    head = (shared_data / "factcheck" / "climate_fever.jsonl").read_text().splitlines()[:30]
    sample = tmp_path / "my_sample.jsonl"
    sample.write_text("\n".join(head), encoding="utf-8")
    out = tmp_path / "m.json"
    res = runner.invoke(app, ["eval-claims", "--data", str(sample), "--json", str(out)])
    assert res.exit_code == 0, res.output
    m = json.loads(out.read_text())
    assert m["in_sample"] is True and 0 < m["in_sample_rows"] < m["n"]
    assert f"fitted on {m['in_sample_rows']} of these {m['n']} claims" in res.output
    assert "claims_sha256" not in m["verdict_model"]  # the hashes stay in the model file

    rows = [
        {"claim": c, "label": label, "evidence": [{"text": c, "title": "t"}]}
        for c, label in [("Poland joined NATO in 1999.", "SUPPORTS"), ("Rain fell.", "REFUTES")]
    ]
    named = tmp_path / "climate_fever.jsonl"
    named.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    res = runner.invoke(app, ["eval-claims", "--data", str(named), "--json", str(out)])
    assert res.exit_code == 0, res.output
    m = json.loads(out.read_text())
    assert m["in_sample"] is False and m["in_sample_rows"] == 0
    assert "in-sample" not in res.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sources", "add", "/nonexistent/file.txt"], "no such file or folder"),
        (["sources", "add", "http://169.254.169.254/a"], "non-public address"),
        (["sources", "list", "--store", "/nonexistent.sqlite"], "no such source store"),
        (["eval-claims", "--data", "/nonexistent.jsonl"], "no such file"),
        (["check", "x.txt", "--store", "s.sqlite"], "--store needs --sources"),
        (["check", "x.txt", "--date", "2025-09-10"], "--date needs --sources"),
        (
            ["check", "x.txt", "--judge-url", "http://h/v1", "--judge-model", "m"],
            "--judge-url and --judge-model need --sources",
        ),
    ],
)
def test_bad_input_is_one_line_and_a_nonzero_exit(args, message):
    proc = cli(*args)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], proc.stderr


def test_removing_an_unknown_source_is_an_error(store):
    proc = cli("sources", "remove", "no-such-source", "--store", str(store))
    assert proc.returncode != 0
    assert proc.stderr.strip() == "error: not in the store: no-such-source"
    # `sources list` shows "(nato)", the title: the error names the source to remove instead.
    proc = cli("sources", "remove", "nato", "--store", str(store))
    assert proc.returncode != 0
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith("error: not in the store: nato ('nato' is the title of /")
    assert line.endswith("nato.txt)")


def _one_line_error(proc: subprocess.CompletedProcess, message: str) -> None:
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], proc.stderr


def test_an_unknown_embedder_creates_no_store(sources_dir, tmp_path):
    path = tmp_path / "s4.sqlite"
    proc = cli("sources", "add", str(sources_dir), "--store", str(path), "--embedder", "bogus")
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert lines == ["error: unknown embedder 'bogus'; choose from minilm, minilm-static"]
    assert not path.exists()
    # The store is not poisoned: a later add with the default embedder works.
    res = runner.invoke(app, ["sources", "add", str(sources_dir), "--store", str(path)])
    assert res.exit_code == 0, res.output


def test_sources_add_refuses_a_binary_file(tmp_path):
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    path = tmp_path / "s.sqlite"
    proc = cli("sources", "add", str(binary), "--store", str(path))
    _one_line_error(proc, "bin.txt: looks like a binary file, not text")
    assert not path.exists()


def _treaty_folder(tmp_path: Path) -> Path:
    """A folder of sources holding one good file, the treaty's Article 4."""
    folder = tmp_path / "trusted"
    folder.mkdir()
    (folder / "treaty.txt").write_text(
        "Article 4 of the North Atlantic Treaty provides for consultations whenever a "
        "member believes its territorial integrity or security is threatened."
    )
    return folder


def test_sources_add_names_the_files_of_a_folder_it_does_not_read(tmp_path):
    folder = _treaty_folder(tmp_path)
    (folder / "scan.docx").write_bytes(b"PK\x03\x04")
    proc = cli("sources", "add", str(folder), "--store", str(tmp_path / "s.sqlite"))
    assert proc.returncode == 0, proc.stderr
    assert "added 1 passage from 1 document (" in proc.stdout
    note = f"note: {folder}: 1 file left out, not text, HTML, PDF or a record file (scan.docx)"
    assert proc.stderr.strip() == note


def test_sources_add_adds_the_good_documents_and_names_the_bad_ones(tmp_path):
    """One empty file or bad row in a folder of sources blocked the whole add."""
    folder = _treaty_folder(tmp_path)
    (folder / "empty.txt").write_text("")
    rows = [{"text": "Poland joined NATO in 1999."}, {"text": ""}]
    (folder / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    store = tmp_path / "s.sqlite"
    proc = cli("sources", "add", str(folder), "--store", str(store))
    assert proc.returncode == 1
    assert "added 2 passages from 2 documents (" in proc.stdout
    assert proc.stderr.strip().splitlines() == [
        f"error: {folder / 'empty.txt'}: empty input",
        f'error: {folder / "rows.jsonl"}:2: "text" is empty',
        "error: 2 inputs could not be added (named above)",
    ]
    listed = cli("sources", "list", "--store", str(store)).stdout
    assert "treaty" in listed and "rows.jsonl#1" in listed


def test_sources_add_indexes_a_pdf_report_under_its_title(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(
        make_pdf(
            [
                [
                    "Article 4 of the North Atlantic Treaty provides for consultations when-",
                    "ever a member believes its territorial integrity is threatened.",
                ]
            ],
            title="The North Atlantic Treaty",
            date="19490404",
        )
    )
    store = tmp_path / "s.sqlite"
    proc = cli("sources", "add", str(pdf), "--store", str(store))
    assert proc.returncode == 0, proc.stderr
    listed = cli("sources", "list", "--store", str(store), "--json")
    info = json.loads(listed.stdout)
    assert info["title"] == "The North Atlantic Treaty" and info["passages"] == 1
    # A PDF without a text layer (a scan) is refused in one line, and no store is made.
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(make_pdf([[]]))
    proc = cli("sources", "add", str(scan), "--store", str(tmp_path / "p.db"))
    _one_line_error(proc, "scan.pdf: a PDF without a text layer (a scan?); run OCR on it first")
    assert not (tmp_path / "p.db").exists()


def test_sources_add_refuses_a_jsonl_row_with_a_list_url(tmp_path):
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"text": "Rain fell on Krakow.", "url": ["a"]}), encoding="utf-8")
    path = tmp_path / "s.sqlite"
    proc = cli("sources", "add", str(rows), "--store", str(path))
    _one_line_error(proc, 'rows.jsonl:1: "url" must be a string, not list')
    assert not path.exists()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"text": "Rain fell.", "date": {"y": 2024}}, '"date" must be a string, not dict'),
        ({"text": "Rain fell.", "title": 7}, '"title" must be a string, not int'),
        ({"text": ""}, '"text" is empty'),
    ],
)
def test_sources_add_names_the_bad_jsonl_line_and_field(tmp_path, row, message):
    rows = tmp_path / "rows.jsonl"
    good = json.dumps({"text": "Rain fell on Krakow.", "url": "https://example.org/rain"})
    rows.write_text(f"{good}\n{json.dumps(row)}\n", encoding="utf-8")
    path = tmp_path / "s.sqlite"
    res = runner.invoke(app, ["sources", "add", str(rows), "--store", str(path)])
    # The good row is added; the bad one is named by line and field, and the exit says so.
    assert res.exit_code == 1
    assert f"rows.jsonl:2: {message}" in res.output and "added 1 passage" in res.output
    assert (
        "https://example.org/rain"
        in runner.invoke(app, ["sources", "list", "--store", str(path)]).output
    )


def test_a_bad_judge_url_is_one_line_and_touches_no_store(store, tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(STORY, encoding="utf-8")
    args = ["check", str(article), "--sources", "--store", str(store)]
    proc = cli(*args, "--judge-url", "notaurl", "--judge-model", "m")
    _one_line_error(proc, "judge URL 'notaurl' must be http:// or https:// with a host")
    # Without --store the default store is not created either.
    cache = tmp_path / "cache"
    for url in ("notaurl", "ftp://example.org/v1", "file:///etc/passwd", "http://h:port/v1"):
        res = runner.invoke(
            app,
            ["check", str(article), "--sources", "--judge-url", url, "--judge-model", "m"],
            env={"NEWSPROBE_CACHE_DIR": str(cache)},
        )
        assert res.exit_code != 0 and isinstance(res.exception, NewsprobeError), res.output
        assert "judge URL" in str(res.exception)
        assert not (cache / "sources.sqlite").exists()


def test_a_judge_that_is_down_keeps_the_verdicts(store, tiny_detector, tmp_path):
    # Port 9 (discard) on loopback refuses: the claims fail, the detection results stand.
    article = tmp_path / "story.txt"
    article.write_text(STORY, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(STORY.replace("Poland", "Hungary"), encoding="utf-8")
    proc = cli(
        "check",
        str(article),
        str(other),
        "--json",
        "--detector",
        str(tiny_detector),
        "--sources",
        "--store",
        str(store),
        "--judge-url",
        "http://127.0.0.1:9/v1",
        "--judge-model",
        "m",
    )
    assert proc.returncode == 1
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [Path(o["path"]).name for o in out] == ["story.txt", "other.txt"]
    assert all(o["label"] in {"human", "machine"} and "claims" not in o for o in out)
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith("error: judge http://127.0.0.1:9/v1")


def test_a_store_in_a_folder_that_is_not_there_is_refused(tmp_path, sources_dir):
    """`sources add --store /nonexistent/x.sqlite` had made the folder at the root, where
    every other command refuses a typo'd folder."""
    store = tmp_path / "no-such-folder" / "x.sqlite"
    proc = cli("sources", "add", str(sources_dir), "--store", str(store))
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"error: --store: folder {store.parent} does not exist"
    assert not store.parent.exists()


def test_a_fault_in_the_checks_on_one_article_loses_only_its_claims(
    store, tiny_detector, tmp_path, monkeypatch
):
    """A bug in the claim checks (an exception no input explains) costs the article it hit
    its claims, said in ``claims_error`` and on stderr with exit 1; the other articles'
    claims and every detector verdict are kept."""
    import newsprobe.pipeline as pipeline

    real = pipeline.verify_articles

    def faulty(articles, store, options=None):
        if any("Hungary" in a.text for a in articles):
            raise IndexError("list index out of range")
        return real(articles, store, options)

    monkeypatch.setattr(pipeline, "verify_articles", faulty)
    article = tmp_path / "story.txt"
    article.write_text(STORY, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(STORY.replace("Poland", "Hungary"), encoding="utf-8")
    args = ["check", str(article), str(other), "--json", "--detector", str(tiny_detector)]
    res = runner.invoke(app, [*args, "--sources", "--store", str(store)])
    assert res.exit_code == 1
    out = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    assert [Path(o["path"]).name for o in out] == ["story.txt", "other.txt"]
    assert all(o["label"] in {"human", "machine"} for o in out)
    assert out[0]["claims_summary"]["claims"] > 0 and "claims_error" not in out[0]
    assert "claims" not in out[1]
    assert out[1]["claims_error"].startswith("the claim check failed on this article (IndexError")
    assert f"{other}: the claim check failed" in res.stderr
