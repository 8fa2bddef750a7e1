import pytest

from newsprobe.errors import ModelError
from newsprobe.models.loader import LanguageModel, pick_device
from newsprobe.models.registry import resolve


def test_local_directory_and_gguf_paths(tiny_model_dir, tmp_path):
    src = resolve(str(tiny_model_dir))
    assert src.kind == "local" and src.path == tiny_model_dir.resolve()
    gguf = tmp_path / "model.gguf"
    gguf.write_bytes(b"GGUF")
    src = resolve(str(gguf))
    assert src.kind == "gguf" and src.name == "model"
    assert src.cache_key == "model-4"


def test_hub_ids_are_passed_through():
    src = resolve("HuggingFaceTB/SmolLM2-135M")
    assert src.kind == "hub" and src.hub_id == "HuggingFaceTB/SmolLM2-135M"


def test_unknown_name_is_a_one_line_error():
    with pytest.raises(ModelError, match="unknown model 'nonsense'"):
        resolve("nonsense")


def test_offline_default_is_found_in_its_package():
    src = resolve("smollm2-135m")
    assert src.kind == "gguf"
    assert src.path.name == "SmolLM2-135M-Instruct.Q4_1.gguf"


def test_cpu_is_picked_without_a_gpu():
    import torch

    if torch.cuda.is_available():
        pytest.skip("a GPU is visible")
    assert pick_device() == "cpu"
    with pytest.raises(ModelError, match="no CUDA GPU"):
        pick_device("cuda")


def test_hub_loading_failure_is_a_model_error(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    lm = LanguageModel("newsprobe-test/does-not-exist", device="cpu")
    with pytest.raises(ModelError, match="cannot load model"):
        _ = lm.model
