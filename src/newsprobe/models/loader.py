"""Loading causal LMs through ``transformers``, once, and fast on the second start.

GGUF files are de-quantized by ``transformers`` (30-75 s for the default models on two
CPU cores). The result is saved as ordinary safetensors in the user cache, so later starts
read it in well under a second. Weights load on first use, never in ``__init__``.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import warnings
from pathlib import Path
from typing import Any

from newsprobe.errors import ModelError
from newsprobe.models.registry import ModelSource, resolve
from newsprobe.settings import cache_dir

log = logging.getLogger(__name__)
_LOCK = threading.Lock()


def pick_device(device: str | None = None) -> str:
    """``device`` if given, else ``"cuda"`` when a GPU is visible, else ``"cpu"``."""
    import torch

    if device:
        try:
            torch.device(device)
        except RuntimeError:
            raise ModelError(f"unknown device '{device}' (cpu, cuda or cuda:N)") from None
        if device.startswith("cuda") and not torch.cuda.is_available():
            raise ModelError(f"device '{device}' was asked for but no CUDA GPU is visible")
        return device
    return "cuda" if torch.cuda.is_available() else "cpu"


def _quiet_transformers() -> None:
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    warnings.filterwarnings("ignore", module="transformers")


def converted_dir(source: ModelSource) -> Path:
    return cache_dir() / "models" / source.cache_key


def convert_gguf(source: ModelSource) -> Path:
    """De-quantize a GGUF file into a ``transformers`` directory in the cache (once)."""
    target = converted_dir(source)
    if (target / "config.json").is_file():
        return target
    assert source.path is not None
    from transformers import AutoModelForCausalLM, AutoTokenizer

    log.info("converting %s to safetensors (once)", source.path)
    _quiet_transformers()
    kwargs = {"gguf_file": source.path.name}
    try:
        tokenizer = AutoTokenizer.from_pretrained(str(source.path.parent), **kwargs)
        model = AutoModelForCausalLM.from_pretrained(str(source.path.parent), **kwargs)
    except Exception as exc:  # transformers raises many types for unsupported files
        raise ModelError(f"cannot load GGUF {source.path}: {exc}".splitlines()[0]) from exc
    # The de-quantized weights are plain float tensors; drop the GGUF marker so that
    # save_pretrained writes them instead of refusing a "quantized" model.
    model.hf_quantizer = None
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".convert-", dir=target.parent))
    try:
        model.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        os.replace(tmp, target)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        if not (target / "config.json").is_file():
            raise
    return target


class LanguageModel:
    """A causal LM and its tokenizer, loaded on first use.

    name (str): an offline model name (``smollm2-135m``, ``gemma3-270m``), a local path
        (GGUF file or ``transformers`` directory) or a hub id.
    device (str | None): ``None`` picks CUDA when present, else CPU.
    """

    def __init__(self, name: str, device: str | None = None) -> None:
        self.name = name
        self.device = device
        self._model: Any = None
        self._tokenizer: Any = None

    def __repr__(self) -> str:
        return f"LanguageModel({self.name!r})"

    @property
    def model(self) -> Any:
        self._load()
        return self._model

    @property
    def tokenizer(self) -> Any:
        self._load()
        return self._tokenizer

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def _load(self) -> None:
        if self._model is not None:
            return
        with _LOCK:
            if self._model is not None:
                return
            import torch
            from transformers import AutoModelForCausalLM, AutoTokenizer

            _quiet_transformers()
            source = resolve(self.name)
            if source.kind == "gguf":
                location = str(convert_gguf(source))
            elif source.kind == "local":
                location = str(source.path)
            else:
                location = str(source.hub_id)
            device = pick_device(self.device)
            dtype = torch.float32 if device == "cpu" else torch.bfloat16
            try:
                tokenizer = AutoTokenizer.from_pretrained(location)
                model = AutoModelForCausalLM.from_pretrained(location, dtype=dtype)
            except OSError as exc:
                raise ModelError(f"cannot load model '{self.name}': {exc}".splitlines()[0]) from exc
            if tokenizer.pad_token_id is None:
                tokenizer.pad_token = tokenizer.eos_token
            model.to(device).eval()
            self.device = device
            self._tokenizer, self._model = tokenizer, model
