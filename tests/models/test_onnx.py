"""The ONNX Runtime forward pass: the same statistics as PyTorch's, exported once."""

import logging
import os

import numpy as np
import pytest

from newsprobe.errors import ModelError, NewsprobeError
from newsprobe.models.loader import LanguageModel
from newsprobe.models.onnx_graph import graph_path
from newsprobe.models.registry import resolve
from newsprobe.models.runner import token_stats
from newsprobe.settings import DetectOptions

pytest.importorskip("onnxruntime")

TEXTS = [
    "The minister said the budget would rise by 3 percent next year.",
    "Officials confirmed that 12 people were injured.",
    "Heavy rain caused flooding across the region, and schools were closed on Monday. " * 6,
]


@pytest.fixture(scope="module")
def torch_lm(tiny_model_dir):
    return LanguageModel(str(tiny_model_dir), device="cpu")


@pytest.fixture(scope="module")
def onnx_lm(tiny_model_dir):
    return LanguageModel(str(tiny_model_dir), device="cpu", runtime="onnx")


def test_onnx_statistics_match_pytorch_in_padded_batches(torch_lm, onnx_lm):
    # Texts of different lengths in one batch: the short ones are right-padded.
    expected = token_stats(TEXTS, torch_lm, batch_size=3)
    got = token_stats(TEXTS, onnx_lm, batch_size=3)
    assert onnx_lm.runs_onnx and not torch_lm.runs_onnx
    for a, b in zip(expected, got, strict=True):
        assert a.ids.tolist() == b.ids.tolist()
        np.testing.assert_allclose(b.logprob, a.logprob, atol=1e-4)
        np.testing.assert_allclose(b.entropy, a.entropy, atol=1e-4)
        assert b.rank.tolist() == a.rank.tolist()


def test_the_graph_is_exported_once_and_reused(onnx_lm, tiny_model_dir):
    token_stats(TEXTS[:1], onnx_lm)
    path = graph_path(resolve(str(tiny_model_dir)))
    assert path.is_file()
    stamp = path.stat().st_mtime_ns
    again = LanguageModel(str(tiny_model_dir), device="cpu", runtime="onnx")
    (st,) = token_stats(TEXTS[:1], again)
    assert path.stat().st_mtime_ns == stamp
    assert again.runs_onnx
    assert len(st) > 5


def test_an_edited_local_model_gets_a_new_graph(tiny_model_dir, tmp_path):
    import shutil

    copy = tmp_path / "tiny"
    shutil.copytree(tiny_model_dir, copy)
    before = graph_path(resolve(str(copy)))
    (copy / "config.json").write_text((copy / "config.json").read_text() + "\n")
    os.utime(copy / "config.json", ns=(1, 1))
    assert graph_path(resolve(str(copy))) != before


def test_auto_falls_back_to_pytorch_when_the_export_fails(
    tiny_model_dir, torch_lm, monkeypatch, caplog, tmp_path
):
    import newsprobe.models.onnx_graph as onnx_graph

    def refuse(model, target):
        raise ModelError("cannot export the model to ONNX: unsupported operator")

    monkeypatch.setattr(onnx_graph, "graph_path", lambda *a: tmp_path / "never" / "x.onnx")
    monkeypatch.setattr(onnx_graph, "export_graph", refuse)
    auto = LanguageModel(str(tiny_model_dir), device="cpu", runtime="auto")
    with caplog.at_level(logging.WARNING):
        (st,) = token_stats(TEXTS[:1], auto)
    assert not auto.runs_onnx
    assert "running" in caplog.text and "on PyTorch" in caplog.text
    (expected,) = token_stats(TEXTS[:1], torch_lm)
    np.testing.assert_allclose(st.logprob, expected.logprob, atol=1e-6)
    strict = LanguageModel(str(tiny_model_dir), device="cpu", runtime="onnx")
    with pytest.raises(ModelError, match="cannot export"):
        token_stats(TEXTS[:1], strict)


def test_unknown_runtimes_are_refused():
    with pytest.raises(ModelError, match="unknown runtime"):
        LanguageModel("smollm2-135m", runtime="tensorrt")
    with pytest.raises(NewsprobeError, match="--runtime must be one of"):
        DetectOptions(runtime="tensorrt")


def test_prepare_exports_the_graph_without_keeping_anything_loaded(tiny_model_dir, tmp_path):
    import shutil

    copy = tmp_path / "tiny-prepared"
    shutil.copytree(tiny_model_dir, copy)
    path = graph_path(resolve(str(copy)))
    LanguageModel(str(copy), device="cpu").prepare()  # PyTorch needs no graph
    assert not path.exists()
    lm = LanguageModel(str(copy), device="cpu", runtime="onnx")
    lm.prepare()
    assert path.is_file() and not lm.loaded
    stamp = path.stat().st_mtime_ns
    (st,) = token_stats(TEXTS[:1], lm)
    assert lm.runs_onnx and len(st) > 5
    assert path.stat().st_mtime_ns == stamp  # the first use found it: not exported again


RACE = """
import logging, sys, time
from pathlib import Path
import torch, transformers  # imported before the start line, so that all start together
from newsprobe.models.loader import LanguageModel
logging.basicConfig(level=logging.INFO, format="%(message)s")
lm = LanguageModel(sys.argv[1], device="cpu", runtime="onnx")
go = Path(sys.argv[2])
Path(sys.argv[3]).touch()
while not go.exists():
    time.sleep(0.01)
lm.prepare()
"""


def test_processes_sharing_a_cache_export_the_graph_once(tiny_model_dir, tmp_path):
    """Workers started together (scan --workers, Ray actors) find the graph being made
    and wait for it rather than each exporting it with the weights loaded."""
    import shutil
    import subprocess
    import sys
    import time

    copy = tmp_path / "tiny-raced"
    shutil.copytree(tiny_model_dir, copy)
    go = tmp_path / "go"
    env = {**os.environ, "NEWSPROBE_CACHE_DIR": str(tmp_path / "cache")}
    ready = [tmp_path / f"ready-{i}" for i in range(3)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RACE, str(copy), str(go), str(r)],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for r in ready
    ]
    deadline = time.monotonic() + 120
    while not all(r.exists() for r in ready) and time.monotonic() < deadline:
        time.sleep(0.05)  # every process has imported torch and waits at the line
    go.touch()
    logs = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], logs
    assert sum(log.count("to ONNX (once)") for log in logs) == 1, logs


def test_a_tied_embedding_is_stored_once_with_the_same_statistics(tiny_model_dir, tmp_path):
    """SmolLM2 and Gemma-3 tie their embedding to the output layer; the exporter wrote the
    matrix twice (652 against 539 MB for SmolLM2)."""
    import onnx
    from transformers import AutoConfig, LlamaForCausalLM

    tied = tmp_path / "tiny-tied"
    config = AutoConfig.from_pretrained(tiny_model_dir)
    config.tie_word_embeddings = True
    model = LlamaForCausalLM.from_pretrained(tiny_model_dir, config=config)
    model.tie_weights()
    model.save_pretrained(tied)
    for name in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"):
        if (tiny_model_dir / name).is_file():
            (tied / name).write_bytes((tiny_model_dir / name).read_bytes())
    expected = token_stats(TEXTS, LanguageModel(str(tied), device="cpu"), batch_size=3)
    got = token_stats(TEXTS, LanguageModel(str(tied), device="cpu", runtime="onnx"), batch_size=3)
    for a, b in zip(expected, got, strict=True):
        np.testing.assert_allclose(b.logprob, a.logprob, atol=1e-4)
        assert b.rank.tolist() == a.rank.tolist()
    vocab, hidden = config.vocab_size, config.hidden_size
    shapes = [list(t.dims) for t in onnx.load(graph_path(resolve(str(tied)))).graph.initializer]
    assert [hidden, vocab] in shapes and [vocab, hidden] not in shapes


def test_an_untied_output_layer_keeps_its_own_weights(onnx_lm, tiny_model_dir):
    import onnx

    from newsprobe.models.onnx_graph import share_tied_embedding

    token_stats(TEXTS[:1], onnx_lm)
    path = graph_path(resolve(str(tiny_model_dir)))
    before = path.read_bytes()
    assert share_tied_embedding(path) is False
    assert path.read_bytes() == before
    assert any(n.op_type == "Gather" for n in onnx.load(path).graph.node)
