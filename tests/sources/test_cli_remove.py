"""``newsprobe sources remove`` takes a file by the path ``add`` was given."""

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
    assert "removed trusted/wire.txt (1 passages)" in done.output
    assert runner.invoke(app, ["sources", "list", *store]).output.strip() == ""
    again = runner.invoke(app, ["sources", "remove", "trusted/wire.txt", *store])
    assert again.exit_code != 0 and "not in the store: trusted/wire.txt" in str(again.exception)
