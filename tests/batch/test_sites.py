"""``newsprobe sites``: Wilson intervals, ranking, and the CSV/JSON/HTML outputs."""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprobe.batch.resume import ResultStore
from newsprobe.batch.sites import site_report, wilson_interval
from newsprobe.cli import app

runner = CliRunner()


def test_wilson_interval_matches_published_values():
    # Newcombe (1998), Table I: 0/10 -> 0.0-0.2775, 5/10 -> 0.2366-0.7634, 81/263.
    assert wilson_interval(0, 10) == pytest.approx((0.0, 0.2775), abs=1e-4)
    assert wilson_interval(5, 10) == pytest.approx((0.2366, 0.7634), abs=1e-4)
    assert wilson_interval(81, 263) == pytest.approx((0.2553, 0.3662), abs=1e-4)
    assert wilson_interval(0, 0) == (0.0, 1.0)
    lo90, hi90 = wilson_interval(5, 10, 0.90)
    assert 0.2366 < lo90 < hi90 < 0.7634


def test_a_site_with_all_or_none_flagged_is_plotted(tmp_path):
    """0 of 5 and 5 of 5: the bounds are exactly 0 and 1 (rounding had left 0 of 5's low
    bound at 3e-17, a negative error bar that failed the plot)."""
    assert wilson_interval(0, 5)[0] == 0.0 and wilson_interval(5, 5)[1] == 1.0
    rows = [_row(f"f{i}", "farm.example", "machine", 0.9) for i in range(5)]
    rows += [_row(f"n{i}", "news.example", "human", 0.1) for i in range(5)]
    out = tmp_path / "s.html"
    res = runner.invoke(
        app, ["sites", str(_results(tmp_path / "r.parquet", rows)), "--html", str(out)]
    )
    assert res.exit_code == 0, res.output
    assert out.read_text().count("data:image/png;base64,iVBOR") == 1


def _row(rid: str, site: str | None, label: str | None, p: float | None, **kw) -> dict:
    row = dict.fromkeys(
        ["source", "text_sha", "title", "threshold", "fpr_target", "tokens", "scores", "model"]
    )
    row.update(
        record_id=rid,
        site=site,
        url=f"https://{site}/{rid}" if site else None,
        label=label,
        machine_probability=p,
        invisible_characters=0,
        homoglyphs=0,
        misspellings=0,
        tells=0,
        spaced_hyphens=0,
        error=None,
    )
    row.update(kw)
    return row


def _results(path: Path, rows: list[dict]) -> Path:
    store = ResultStore(path, {"test": True})
    store.open()
    store.write(rows)
    store.finalize()
    return path


def test_sites_ranks_by_lower_bound_and_writes_every_format(tmp_path):
    rows = []
    rows += [
        _row(
            f"f{i}",
            "farm.example",
            "machine" if i < 40 else "human",
            0.9 - i / 100,
            tells=i % 2,
            spaced_hyphens=i % 5,  # 2, 3 or 4 in 30 of the 50: machine-translated
        )
        for i in range(50)
    ]
    rows += [_row(f"s{i}", "tiny.example", "machine", 0.99) for i in range(2)]  # 2/2: unsure
    rows += [_row(f"n{i}", "news.example", "human", 0.1) for i in range(60)]
    rows += [_row("n60", "news.example", "machine", 0.95, homoglyphs=3)]
    rows += [_row("short", "news.example", "too_short", None)]
    rows += [_row("fr", "news.example", "unsupported_language", None)]
    rows += [_row("bad", None, None, None, error="x.jsonl line 3: not a JSON object")]
    results = _results(tmp_path / "r.parquet", rows)
    out_csv, out_json, out_html = tmp_path / "s.csv", tmp_path / "s.json", tmp_path / "s.html"
    res = runner.invoke(
        app,
        [
            "sites",
            str(results),
            "--csv",
            str(out_csv),
            "--json",
            str(out_json),
            "--html",
            str(out_html),
        ],
    )
    assert res.exit_code == 0, res.output
    data = json.loads(out_json.read_text())
    ranked = [s["site"] for s in data["sites"]]
    assert ranked == ["farm.example", "tiny.example", "news.example", "(unknown)"]
    farm, tiny, news, unknown = data["sites"]
    assert (farm["machine"], farm["judged"], farm["machine_share"]) == (40, 50, 0.8)
    assert farm["ci_low"] == pytest.approx(wilson_interval(40, 50)[0], abs=1e-6)
    assert [t["record_id"] for t in farm["top_flagged"]] == ["f0", "f1", "f2"]
    assert tiny["machine_share"] == 1.0 and tiny["ci_low"] < farm["ci_low"]
    assert (news["judged"], news["too_short"], news["evasion_articles"]) == (61, 1, 1)
    assert news["other_language"] == 1 and news["articles"] == 63
    assert news["homoglyphs"] == 3 and unknown["errors"] == 1
    assert unknown["judged"] == 0 and unknown["machine_share"] is None  # not "0.0%"
    assert farm["chatbot_articles"] == 25 and news["chatbot_articles"] == 0
    assert farm["translated_articles"] == 30 and news["translated_articles"] == 0
    assert data["articles"] == len(rows)
    table = list(csv.DictReader(out_csv.open()))
    assert [r["site"] for r in table] == ranked and table[0]["rank"] == "1"
    assert "https://farm.example/f0" in table[0]["top_flagged"]
    assert table[-1]["site"] == "(unknown)" and table[-1]["machine_share"] == ""
    assert table[0]["translated_articles"] == "30" and table[2]["other_language"] == "1"
    page = out_html.read_text()
    assert page.count("data:image/png;base64,iVBOR") == 1  # an embedded PNG
    assert page.index("farm.example") < page.index("news.example")
    assert "farm.example" in res.output
    header = next(line for line in res.output.splitlines() if "site" in line and "#" in line)
    assert [c.strip() for c in header.split("┃")[-3:-1]] == ["translated", "errors"], header
    unknown = next(line for line in res.output.splitlines() if "(unknown)" in line)
    assert unknown.split("│")[-2].strip() == "1"  # the bad JSON line's error, counted

    res = runner.invoke(
        app, ["sites", str(results), "--min-articles", "10", "--json", str(out_json)]
    )
    data = json.loads(out_json.read_text())
    assert [s["site"] for s in data["sites"]] == ["farm.example", "news.example"]
    assert (data["sites_left_out"], data["min_articles"], data["articles"]) == (2, 10, len(rows))
    assert "2 sites with fewer than 10 articles left out (--min-articles)" in res.output
    res = runner.invoke(app, ["sites", str(results), "--min-articles", "1000"])
    assert res.exit_code == 0 and "no site has 1000 articles or more" in res.stderr
    res = runner.invoke(app, ["sites", str(results), "--top", "-2"])
    assert res.exit_code != 0 and "--top at least 0" in str(res.exception)


def test_sites_on_a_file_that_is_not_results_fails_with_one_line(tmp_path):
    bogus = tmp_path / "x.parquet"
    bogus.write_text("nope")
    (tmp_path / "stopped.parquet.parts").mkdir()  # a scan interrupted before its end
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    for target, says in (
        (bogus, "not a Parquet file"),
        (tmp_path / "missing.parquet", "no such results file"),
        (tmp_path / "stopped.parquet", "rerun the same scan command to finish it"),
        (tmp_path, "a folder, not a results file"),
    ):
        proc = subprocess.run(
            [sys.executable, "-m", "newsprobe", "sites", str(target)],
            capture_output=True,
            text=True,
            env=env,
        )
        assert proc.returncode == 2
        assert proc.stderr.startswith("error: ") and len(proc.stderr.strip().splitlines()) == 1
        assert says in proc.stderr


@pytest.mark.slow
def test_real_detector_ranks_a_content_farm_above_human_newsrooms(tmp_path, shared_data):
    """A mixed crawl from LLMFake news: machine rows on farm.example, human rows split over
    two newsrooms; scanned with the shipped detector, then ranked by ``sites``.

    The farm publishes articles written from a prompt (LLMFake's open-ended generation),
    as content farms do."""
    rows = [json.loads(x) for x in (shared_data / "detect" / "llmfake_news.jsonl").open()]
    rng = random.Random(7)
    # Most of LLMFake's machine rows carry the human article's own text (eval.data).
    human_texts = {r["text"].strip() for r in rows if r["label"] == "human"}
    written = [
        r
        for r in rows
        if r["label"] == "machine"
        and r["variant"] == "open_ended_generation"
        and r["text"].strip() not in human_texts
    ]
    machine = rng.sample(written, 12)
    human = rng.sample([r for r in rows if r["label"] == "human"], 16)
    crawl = tmp_path / "crawl.jsonl"
    with crawl.open("w") as fh:
        for i, r in enumerate(machine):
            fh.write(json.dumps({"text": r["text"], "url": f"https://farm.example/{i}"}) + "\n")
        for i, r in enumerate(human):
            site = "news-a.example" if i % 2 else "news-b.example"
            fh.write(json.dumps({"text": r["text"], "url": f"https://{site}/{i}"}) + "\n")
    results = tmp_path / "results.parquet"
    res = runner.invoke(app, ["scan", str(crawl), "--out", str(results)])
    assert res.exit_code == 0, res.output
    out = tmp_path / "sites.json"
    res = runner.invoke(app, ["sites", str(results), "--json", str(out)])
    assert res.exit_code == 0, res.output
    sites = json.loads(out.read_text())["sites"]
    assert sites[0]["site"] == "farm.example", sites
    assert sites[0]["machine"] >= 6  # 9 of 12 when written
    assert sites[0]["ci_low"] > max(s["ci_low"] for s in sites[1:])


def test_results_written_before_tells_and_misspellings_still_report(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsprobe.batch.schema import SCHEMA

    rows = [_row(f"a{i}", "old.example", "machine", 0.9) for i in range(3)]
    newer = ("misspellings", "tells", "spaced_hyphens")
    old = pa.schema([f for f in SCHEMA if f.name not in newer])
    path = tmp_path / "old.parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=old), path)
    (site,) = site_report(path).sites
    assert (site.machine, site.chatbot_articles, site.misspellings) == (3, 0, 0)
    assert site.translated_articles == 0

    # A scan begun before those columns existed and resumed after an upgrade: its old
    # parts are compacted with the new ones, the missing columns null.
    store = ResultStore(tmp_path / "resumed.parquet", {"test": True})
    store.parts.mkdir()
    (store.parts / "part-00000000.parquet").write_bytes(path.read_bytes())
    assert len(store.open()) == 3
    store.write([_row("b0", "old.example", "human", 0.1, spaced_hyphens=3)])
    assert store.finalize() == (4, 0)
    table = pq.read_table(tmp_path / "resumed.parquet")
    assert table.schema.names == SCHEMA.names
    assert table.column("spaced_hyphens").to_pylist() == [None, None, None, 3]
    (site,) = site_report(tmp_path / "resumed.parquet").sites
    assert (site.articles, site.translated_articles) == (4, 1)


def test_only_web_addresses_become_links_in_the_html_report(tmp_path):
    """Crawled data is not trusted: a ``javascript:`` url is shown as text, not a link
    that runs in the reader's browser."""
    rows = [
        _row("x", "farm.example", "machine", 0.9, url="javascript:alert(document.domain)"),
        _row("y", "farm.example", "machine", 0.8),
    ]
    out = tmp_path / "s.html"
    res = runner.invoke(
        app, ["sites", str(_results(tmp_path / "r.parquet", rows)), "--html", str(out)]
    )
    assert res.exit_code == 0, res.output
    page = out.read_text()
    assert 'href="javascript' not in page and "<li>0.90 javascript:alert" in page
    assert '<a href="https://farm.example/y">' in page


def test_records_without_a_site_are_listed_after_every_site(tmp_path):
    """ "(unknown)" pools pages of many sites: it is not ranked above a real one however
    many of them were flagged."""
    rows = [_row(f"u{i}", None, "machine", 0.99) for i in range(20)]
    rows += [_row(f"f{i}", "farm.example", "machine" if i < 5 else "human", 0.9) for i in range(10)]
    out_json = tmp_path / "s.json"
    res = runner.invoke(
        app, ["sites", str(_results(tmp_path / "r.parquet", rows)), "--json", str(out_json)]
    )
    assert res.exit_code == 0, res.output
    data = json.loads(out_json.read_text())
    assert [s["site"] for s in data["sites"]] == ["farm.example", "(unknown)"]
    assert data["sites"][1]["machine_share"] == 1.0
