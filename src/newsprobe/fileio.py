"""Writing result and model files so that a crash never leaves half a file behind."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from filelock import FileLock

from newsprobe.errors import InputError


def output_file(
    path: str | Path,
    flag: str | None = None,
    kind: str = "a file",
    inputs: Iterable[str | Path] = (),
) -> Path:
    """``path``, once it can be written: checked before the work whose result it holds.

    Every command refuses a missing folder alike (a typo in it should not become a new
    tree) and says so before the scoring, not after it; and an output that is one of the
    command's ``inputs`` (``check page.html --html page.html``), which writing would
    destroy.
    """
    path = Path(path)
    where = f"{flag}: " if flag else ""
    if path.is_dir():
        raise InputError(f"{where}{path} is a folder; name {kind}")
    if not path.parent.is_dir():
        raise InputError(f"{where}folder {path.parent} does not exist")
    if path.exists():
        # Once per file: a record file's many records name the same one.
        for source in dict.fromkeys(map(str, inputs)):
            if Path(source).is_file() and os.path.samefile(source, path):
                raise InputError(f"{where}{path} is an input; writing it would destroy it")
    return path


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` via a temporary file and a rename.

    A reader sees either the old file or the whole new one. The file is made readable by
    everyone (mkstemp makes it private), since model files and reports are meant to be
    shared.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_json_atomic(path: str | Path, data: Any) -> Path:
    """Write ``data`` as indented JSON to ``path``, whole or not at all."""
    return write_text_atomic(path, json.dumps(data, indent=1) + "\n")


@contextmanager
def made_once(target: Path) -> Iterator[bool]:
    """Hold ``target``'s lock file while it is made; yields whether it still needs making.

    Processes that share a cache (``scan --workers``, Ray actors on one machine, two
    ``check`` runs) would each spend a minute and gigabytes converting or exporting the
    same model at once; the rename keeps the file whole either way, the lock keeps it
    made once. The others wait, then find it made.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target.parent / f".{target.name}.lock")):
        yield not target.exists()
