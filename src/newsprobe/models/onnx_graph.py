"""A causal LM's forward pass as an ONNX graph, run by ONNX Runtime on the CPU.

On two CPU cores PyTorch's eager forward pass is most of a check's cost (~77% at the
default window). ONNX Runtime runs the same graph in 0.64-0.87 of the time, with
log-probabilities within ~1e-4 of PyTorch's, so the features and the verdict agree
(measured in docs/benchmarks.md, "ONNX Runtime"). The graph is exported once from the
``transformers`` model and cached beside the converted weights; later starts load only the
graph and the tokenizer.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import warnings
from pathlib import Path
from typing import Any

from newsprobe.errors import ModelError
from newsprobe.models.registry import ModelSource
from newsprobe.settings import cache_dir

log = logging.getLogger(__name__)

# Bumped when the exported graph changes (inputs, outputs, opset), so old files are not read.
EXPORT_VERSION = 1
OPSET = 18


def onnx_available() -> bool:
    """Whether both halves are installed: ``onnx`` (the exporter writes it) and ``onnxruntime``."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("onnx", "onnxruntime"))


def graph_path(source: ModelSource, converted: Path | None = None) -> Path:
    """Where ``source``'s exported graph is cached.

    A GGUF model's graph sits in its converted directory (whose name changes with the
    file). A local directory's name says nothing of its weights, so its key hashes its
    path and its files' sizes and times: an edited model is exported again.
    """
    name = f"model-v{EXPORT_VERSION}.onnx"
    if source.kind == "gguf" and converted is not None:
        return converted / name
    if source.kind == "local" and source.path is not None:
        h = hashlib.sha1(str(source.path).encode())
        for f in sorted(source.path.iterdir()):
            if f.is_file():
                st = f.stat()
                h.update(f"{f.name}:{st.st_size}:{st.st_mtime_ns}".encode())
        return cache_dir() / "onnx" / f"{source.name}-{h.hexdigest()[:12]}" / name
    return cache_dir() / "onnx" / source.name.replace("/", "--") / name


def export_graph(model: Any, target: Path) -> Path:
    """Export ``model``'s logits for (input_ids, attention_mask) to ``target``, atomically.

    Traced on a right-padded batch, so the graph keeps the mask's arithmetic; batch size
    and length are dynamic.
    """
    import torch

    class Logits(torch.nn.Module):
        def __init__(self, lm: Any) -> None:
            super().__init__()
            self.lm = lm

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            out = self.lm(input_ids=input_ids, attention_mask=attention_mask, use_cache=False)
            return out.logits

    ids = torch.ones((2, 16), dtype=torch.long)
    mask = torch.ones_like(ids)
    mask[1, 10:] = 0
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".export-", suffix=".onnx", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    log.info("exporting %s to ONNX (once)", target)
    try:
        with warnings.catch_warnings(), torch.inference_mode():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Logits(model).eval(),
                (ids, mask),
                str(tmp),
                dynamo=False,
                input_names=["input_ids", "attention_mask"],
                output_names=["logits"],
                dynamic_axes={
                    "input_ids": {0: "batch", 1: "tokens"},
                    "attention_mask": {0: "batch", 1: "tokens"},
                    "logits": {0: "batch", 1: "tokens"},
                },
                opset_version=OPSET,
            )
        share_tied_embedding(tmp)
        tmp.chmod(0o644)  # mkstemp's 0600 would hide a shared cache from other users
        os.replace(tmp, target)
    except Exception as exc:  # the tracer raises many types for models it cannot export
        tmp.unlink(missing_ok=True)
        raise ModelError(f"cannot export the model to ONNX: {exc}".splitlines()[0]) from exc
    return target


def share_tied_embedding(path: Path) -> bool:
    """Store a tied embedding once; whether it was tied.

    SmolLM2 and Gemma-3 read tokens and write logits with one matrix; the exporter writes
    it twice, as the embedding's table and, transposed, as the output layer's weight (113
    MB more for SmolLM2, 671 MB for Gemma-3, on disk and in memory). The embedding then
    gathers the transposed copy's columns instead and turns them back, which costs a few
    hundred thousand copies a batch; the output layer's product stays as it was.
    """
    import numpy as np
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(path))
    graph = model.graph
    weights = {t.name: t for t in graph.initializer}
    gathers = [
        n
        for n in graph.node
        if n.op_type == "Gather" and n.input[0] in weights and n.input[1] == "input_ids"
    ]
    heads = [
        n
        for n in graph.node
        if n.op_type == "MatMul" and list(n.output) == ["logits"] and n.input[1] in weights
    ]
    if len(gathers) != 1 or len(heads) != 1:
        return False
    gather, table, weight = gathers[0], weights[gathers[0].input[0]], weights[heads[0].input[1]]
    if list(table.dims)[::-1] != list(weight.dims) or table.data_type != weight.data_type:
        return False
    if not np.array_equal(numpy_helper.to_array(table), numpy_helper.to_array(weight).T):
        return False
    out = gather.output[0]
    columns = f"{out}/columns"
    gather.input[0], gather.output[0] = weight.name, columns
    del gather.attribute[:]
    gather.attribute.append(helper.make_attribute("axis", 1))  # [hidden, batch, tokens]
    turn = helper.make_node(
        "Transpose", [columns], [out], name=f"{gather.name}/turn", perm=[1, 2, 0]
    )
    nodes = list(graph.node)
    nodes.insert(nodes.index(gather) + 1, turn)
    del graph.node[:]
    graph.node.extend(nodes)
    graph.initializer.remove(table)
    onnx.save(model, str(path))
    return True


class OnnxLogits:
    """An exported graph behind the call the runner makes: ids and mask in, logits out."""

    def __init__(self, path: Path) -> None:
        import onnxruntime as ort
        import torch

        options = ort.SessionOptions()
        options.intra_op_num_threads = torch.get_num_threads()  # what --threads set
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        # Spinning workers fight the compressor thread and spaCy for two cores (40 checks
        # took 10.7 s without against 11.2-12.2 s with). The memory arena stays: without
        # it peak memory rose (4.0 GiB against 2.7 at a 512-token window), at no gain.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        try:
            self.session = ort.InferenceSession(
                str(path), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # onnxruntime raises its own types for a bad file
            raise ModelError(f"cannot load ONNX graph {path}: {exc}".splitlines()[0]) from exc

    def __call__(self, input_ids: Any, attention_mask: Any) -> Any:
        import torch

        (logits,) = self.session.run(
            ["logits"],
            {
                "input_ids": input_ids.cpu().numpy(),
                "attention_mask": attention_mask.cpu().numpy(),
            },
        )
        return torch.from_numpy(logits)
