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
    tiny_model_dir, torch_lm, monkeypatch, caplog
):
    import newsprobe.models.onnx_graph as onnx_graph

    def refuse(model, target):
        raise ModelError("cannot export the model to ONNX: unsupported operator")

    monkeypatch.setattr(onnx_graph, "graph_path", lambda *a: onnx_graph.Path("/nonexistent/x"))
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
