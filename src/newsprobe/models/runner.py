"""Running texts through one model (or a reference/scoring pair) into :class:`TokenStats`.

Texts are tokenized with character offsets, truncated to a token window, sorted by length
and batched with right padding, so a batch wastes little work on padding tokens.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprobe.detect.stats import TokenStats, stats_from_logits
from newsprobe.errors import ModelError
from newsprobe.models.loader import LanguageModel


def encode(model: LanguageModel, text: str, max_tokens: int) -> tuple[list[int], np.ndarray]:
    """Token ids and character offsets of ``text``, starting with the model's BOS token.

    A BOS token is prepended when the tokenizer does not add one, so that the first word
    of the article is scored too.
    """
    tok = model.tokenizer
    enc = tok(text, add_special_tokens=True, return_offsets_mapping=True, truncation=False)
    ids = list(enc["input_ids"])
    offsets = [tuple(o) for o in enc["offset_mapping"]]
    start = tok.bos_token_id if tok.bos_token_id is not None else tok.eos_token_id
    if not ids or ids[0] != start:
        ids.insert(0, start)
        offsets.insert(0, (0, 0))
    ids, offsets = ids[:max_tokens], offsets[:max_tokens]
    return ids, np.asarray(offsets, dtype=np.int64).reshape(-1, 2)


def _check_shared_vocabulary(a: LanguageModel, b: LanguageModel) -> None:
    if a.tokenizer.get_vocab() != b.tokenizer.get_vocab():
        raise ModelError(
            f"models '{a.name}' and '{b.name}' do not share a tokenizer; "
            "a reference/scoring pair (Binoculars, Fast-DetectGPT) needs one"
        )


def token_stats(
    texts: Sequence[str],
    scoring: LanguageModel,
    reference: LanguageModel | None = None,
    max_tokens: int = 256,
    batch_size: int = 4,
) -> list[TokenStats]:
    """Per-token statistics of each text under ``scoring`` (and ``reference`` when given).

    RETURNS (list[TokenStats]): one per text, in input order.
    """
    import torch

    if reference is not None and reference.name == scoring.name:
        reference = None
    if reference is not None:
        _check_shared_vocabulary(scoring, reference)
    encoded = [encode(scoring, t, max_tokens) for t in texts]
    order = sorted(range(len(texts)), key=lambda i: len(encoded[i][0]))
    pad = scoring.tokenizer.pad_token_id
    results: list[TokenStats | None] = [None] * len(texts)
    with torch.inference_mode():
        for b in range(0, len(order), batch_size):
            batch = order[b : b + batch_size]
            width = max(len(encoded[i][0]) for i in batch)
            ids = torch.full((len(batch), width), pad, dtype=torch.long)
            mask = torch.zeros((len(batch), width), dtype=torch.long)
            for row, i in enumerate(batch):
                seq = encoded[i][0]
                ids[row, : len(seq)] = torch.tensor(seq)
                mask[row, : len(seq)] = 1
            logits = scoring.logits(ids, mask)
            ref_logits = None
            if reference is not None:
                ref_logits = reference.logits(ids, mask).to(logits.device)
            for row, i in enumerate(batch):
                n = len(encoded[i][0])
                results[i] = stats_from_logits(
                    scoring.name,
                    logits[row, :n],
                    ids[row, :n].to(logits.device),
                    encoded[i][1],
                    reference_logits=None if ref_logits is None else ref_logits[row, :n],
                    reference=None if reference is None else reference.name,
                )
    return [r for r in results if r is not None]
