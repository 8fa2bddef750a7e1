"""``newsprobe sources add`` / ``remove`` as a user keeps a store of trusted files."""

from __future__ import annotations

from typer.testing import CliRunner

from newsprobe.cli import app


def test_a_source_file_is_removed_by_the_relative_path_it_was_added_by(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "trusted").mkdir()
    (tmp_path / "trusted" / "wire.txt").write_text("Poland joined NATO in 1999.", encoding="utf-8")
    runner = CliRunner()
    store = ["--store", "s.sqlite"]
    assert runner.invoke(app, ["sources", "add", "trusted/wire.txt", *store]).exit_code == 0
    done = runner.invoke(app, ["sources", "remove", "trusted/wire.txt", *store])
    assert done.exit_code == 0, done.output
    assert "removed trusted/wire.txt (1 passage)" in done.output
    listed = runner.invoke(app, ["sources", "list", *store])
    assert listed.stdout == "" and listed.stderr.startswith("no sources yet")
    again = runner.invoke(app, ["sources", "remove", "trusted/wire.txt", *store])
    assert again.exit_code != 0 and "not in the store: trusted/wire.txt" in str(again.exception)


def test_a_file_added_again_replaces_its_old_version(tmp_path, monkeypatch):
    """A corrected source stops saying what it used to: its outdated passages go, the
    passages it still holds stay, and other documents are untouched."""
    from newsprobe.sources import SQLiteStore

    monkeypatch.chdir(tmp_path)
    (tmp_path / "trusted").mkdir()
    doc = tmp_path / "trusted" / "treaty.txt"
    doc.write_text(
        "The treaty was signed by twelve countries.\n\nIt entered into force in 1949.",
        encoding="utf-8",
    )
    (tmp_path / "rows.jsonl").write_text(
        '{"text": "The Danube flows through Vienna.", "source": "rivers"}\n', encoding="utf-8"
    )
    runner = CliRunner()
    store = ["--store", "s.sqlite"]
    first = runner.invoke(app, ["sources", "add", "trusted", "rows.jsonl", *store])
    assert first.exit_code == 0 and "added 3 passages" in first.output
    doc.write_text(
        "The treaty was signed by fourteen countries.\n\nIt entered into force in 1949.",
        encoding="utf-8",
    )
    (tmp_path / "rows.jsonl").write_text(
        '{"text": "The Rhine flows through Basel.", "source": "rivers"}\n', encoding="utf-8"
    )
    again = runner.invoke(app, ["sources", "add", "trusted", "rows.jsonl", *store])
    assert again.exit_code == 0, again.output
    assert "added 2 passages" in again.output and "1 outdated passage removed" in again.output
    texts = {
        h.passage.text for h in SQLiteStore(tmp_path / "s.sqlite").search("treaty countries", k=10)
    }
    assert any("fourteen" in t for t in texts) and not any("twelve" in t for t in texts)
    assert any("1949" in t for t in texts)
    # JSON Lines rows under one source name only grow: the Danube row is still there.
    rivers = SQLiteStore(tmp_path / "s.sqlite").search("Danube Vienna Rhine", k=10)
    assert {h.passage.text for h in rivers if h.passage.source == "rivers"} == {
        "The Danube flows through Vienna.",
        "The Rhine flows through Basel.",
    }


def test_a_broken_link_in_a_folder_is_named_not_skipped(tmp_path, monkeypatch):
    """A link whose file is gone is an article the user meant to add: the others are
    added, it is named, and the exit says so."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "trusted").mkdir()
    (tmp_path / "trusted" / "wire.txt").write_text("Poland joined NATO in 1999.", encoding="utf-8")
    (tmp_path / "trusted" / "gone.txt").symlink_to(tmp_path / "moved" / "gone.txt")
    res = CliRunner().invoke(app, ["sources", "add", "trusted", "--store", "s.sqlite"])
    assert res.exit_code == 1
    assert "added 1 passage from 1 document" in res.stdout
    assert "trusted/gone.txt: no such file" in res.stderr
