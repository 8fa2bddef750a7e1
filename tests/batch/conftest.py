"""Fixtures for batch tests: a detector over the tiny model and small crawls on disk."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

WORDS = " ".join(
    [
        "the minister said budget would rise by percent next year officials confirmed that people "
        "were injured in crash on Monday council review decision company reported revenue heavy "
        "rain caused flooding across region and schools closed Poland invoked treaty drones border"
    ]
).split()


def make_texts(n: int, seed: int = 0) -> list[str]:
    """Distinct news-like texts of 30-80 words (seeded)."""
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 80))) for _ in range(n)]


@pytest.fixture(scope="session")
def tiny_detector(fit_tiny_detector, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A detector over the tiny model, fitted through the public API on toy labels."""
    det = fit_tiny_detector(make_texts(8, seed=99), [0, 1] * 4)
    return det.save(tmp_path_factory.mktemp("det") / "tiny.json")


def write_jsonl(path: Path, n: int, seed: int = 0, bad_rows: bool = True) -> list[str]:
    """``n`` good rows (ids ``a0``..), plus a bad JSON line and an empty text when asked.

    RETURNS: the record ids the file holds, in order.
    """
    ids = []
    with path.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(make_texts(n, seed)):
            site = f"site{i % 3}.example"
            fh.write(json.dumps({"id": f"a{i}", "text": text, "url": f"https://{site}/{i}"}))
            fh.write("\n")
            ids.append(f"a{i}")
        if bad_rows:
            fh.write("{not json\n")
            ids.append(f"{path}#{n + 1}")
            fh.write(json.dumps({"id": "empty", "text": "  "}) + "\n")
            ids.append("empty")
    return ids


@pytest.fixture
def crawl_jsonl():
    """``write_jsonl`` as a fixture, so test modules need not import from conftest."""
    return write_jsonl
