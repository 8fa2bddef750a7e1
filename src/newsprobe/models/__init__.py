"""Causal language models: where they come from, how they load, how texts run through them."""

from newsprobe.models.loader import LanguageModel, pick_device
from newsprobe.models.registry import DEFAULT_MODEL, OFFLINE_MODELS, ModelSource, resolve

__all__ = [
    "DEFAULT_MODEL",
    "OFFLINE_MODELS",
    "LanguageModel",
    "ModelSource",
    "pick_device",
    "resolve",
]
