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

from newsprobe.errors import ModelError, UsageError
from newsprobe.fileio import made_once
from newsprobe.models.onnx_graph import onnx_available
from newsprobe.models.registry import ModelSource, resolve
from newsprobe.settings import RUNTIMES, cache_dir

log = logging.getLogger(__name__)
_LOCK = threading.Lock()


def pick_device(device: str | None = None) -> str:
    """``device`` if given, else ``"cuda"`` when a GPU is visible, else ``"cpu"``."""
    import torch

    if device:
        try:
            torch.device(device)
        except RuntimeError:
            raise UsageError(f"unknown device '{device}' (cpu, cuda or cuda:N)") from None
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
    with made_once(target) as needed:
        if needed:
            _convert(source, target)
    return target


def _convert(source: ModelSource, target: Path) -> None:
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


def _located(source: ModelSource) -> str:
    """Where ``from_pretrained`` reads ``source``: its converted copy for a GGUF file."""
    if source.kind == "gguf":
        return str(convert_gguf(source))
    if source.kind == "local":
        return str(source.path)
    return str(source.hub_id)


class LanguageModel:
    """A causal LM and its tokenizer, loaded on first use.

    name (str): an offline model name (``smollm2-135m``, ``gemma3-270m``), a local path
        (GGUF file or ``transformers`` directory) or a hub id.
    device (str | None): ``None`` picks CUDA when present, else CPU.
    runtime (str): what runs the forward pass: ``"torch"``; ``"onnx"``, ONNX Runtime on
        the CPU over a graph exported once into the cache (faster on CPU cores, see
        :mod:`newsprobe.models.onnx_graph`); ``"auto"``, ONNX Runtime on the CPU when it
        is installed and the model exports, else PyTorch.
    """

    def __init__(self, name: str, device: str | None = None, runtime: str = "torch") -> None:
        if runtime not in RUNTIMES:
            raise ModelError(f"unknown runtime '{runtime}' ({', '.join(RUNTIMES)})")
        self.name = name
        self.device = device
        self.runtime = runtime
        self._model: Any = None
        self._tokenizer: Any = None
        self._forward: Any = None
        self._location: str | None = None

    def __repr__(self) -> str:
        return f"LanguageModel({self.name!r})"

    @property
    def model(self) -> Any:
        """The ``transformers`` model (loaded now if the ONNX graph made it unneeded)."""
        self._load()
        if self._model is None:
            with _LOCK:
                if self._model is None:
                    assert self._location is not None and self.device is not None
                    self._model = self._weights(self._location, self.device)
        return self._model

    @property
    def tokenizer(self) -> Any:
        self._load()
        return self._tokenizer

    @property
    def loaded(self) -> bool:
        return self._tokenizer is not None

    @property
    def runs_onnx(self) -> bool:
        """Whether the forward pass runs on ONNX Runtime (known once loaded)."""
        self._load()
        return self._forward is not None

    def logits(self, input_ids: Any, attention_mask: Any) -> Any:
        """The next-token logits of a batch, on the model's device."""
        self._load()
        if self._forward is not None:
            return self._forward(input_ids, attention_mask)
        device = self.device or "cpu"
        out = self.model(input_ids=input_ids.to(device), attention_mask=attention_mask.to(device))
        return out.logits

    def _load(self) -> None:
        if self._tokenizer is not None:
            return
        with _LOCK:
            if self._tokenizer is not None:
                return
            from transformers import AutoTokenizer

            source, location, device = self._where()
            if self.runtime == "onnx" and device != "cpu":
                raise ModelError(
                    f"the onnx runtime runs on the CPU only, not '{device}'; "
                    "use --device cpu or --runtime torch"
                )
            try:
                tokenizer = AutoTokenizer.from_pretrained(location)
            except OSError as exc:
                raise ModelError(f"cannot load model '{self.name}': {exc}".splitlines()[0]) from exc
            if tokenizer.pad_token_id is None:
                tokenizer.pad_token = tokenizer.eos_token
            self._location, self.device = location, device
            if self._wants_onnx(device):
                self._forward = self._onnx_forward(source, location, device)
            if self._forward is None:
                self._model = self._weights(location, device)
            self._tokenizer = tokenizer

    def prepare(self) -> None:
        """Do what this model's first use would write into the cache (the GGUF file
        converted, the ONNX graph exported), keeping nothing loaded: worker processes
        started afterwards find them there, instead of each doing it at the same time."""
        if self.loaded:
            return
        with _LOCK:
            source, location, device = self._where()
            if not self._wants_onnx(device) or not onnx_available():
                return
            try:
                self._graph(source, location, device)
            except ModelError as exc:
                if self.runtime == "onnx":
                    raise
                log.warning("%s; '%s' will run on PyTorch", exc, self.name)

    def _where(self) -> tuple[ModelSource, str, str]:
        """The model's source, the path transformers loads it from (a GGUF file is
        converted into the cache first) and the device it runs on."""
        _quiet_transformers()
        source = resolve(self.name)
        return source, _located(source), pick_device(self.device)

    def _wants_onnx(self, device: str) -> bool:
        return self.runtime == "onnx" or (
            self.runtime == "auto" and device == "cpu" and onnx_available()
        )

    def _weights(self, location: str, device: str) -> Any:
        import torch
        from transformers import AutoModelForCausalLM

        dtype = torch.float32 if device == "cpu" else torch.bfloat16
        try:
            model = AutoModelForCausalLM.from_pretrained(location, dtype=dtype)
        except OSError as exc:
            raise ModelError(f"cannot load model '{self.name}': {exc}".splitlines()[0]) from exc
        return model.to(device).eval()

    def _graph(self, source: ModelSource, location: str, device: str) -> Path:
        """The model's ONNX graph in the cache, exported first if missing."""
        from newsprobe.models.onnx_graph import export_graph, graph_path

        path = graph_path(source, Path(location) if source.kind == "gguf" else None)
        if not path.is_file():
            with made_once(path) as needed:
                if needed:
                    export_graph(self._weights(location, device), path)
        return path

    def _onnx_forward(self, source: ModelSource, location: str, device: str) -> Any:
        """The cached graph's runner, exported first if missing; None where ``auto`` falls
        back to PyTorch (no onnxruntime, or a model the exporter cannot trace)."""
        from newsprobe.models.onnx_graph import OnnxLogits

        if not onnx_available():
            raise ModelError(
                "--runtime onnx needs onnx and onnxruntime: pip install onnxruntime onnx"
            )
        try:
            return OnnxLogits(self._graph(source, location, device))
        except ModelError as exc:
            if self.runtime == "onnx":
                raise
            log.warning("%s; running '%s' on PyTorch", exc, self.name)
            return None
