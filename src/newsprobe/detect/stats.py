"""Per-token statistics of a text under causal language models.

The math is kept as pure functions over tensors (as Binoculars keeps ``perplexity`` and
``entropy`` in ``metrics.py``) so it can be tested on tiny hand-written logits. The
results are stored once per article and model in :class:`TokenStats`; scorers and, later,
sentence scores read slices of those arrays instead of running the model again.

Position ``i`` of every array describes the prediction of token ``i + 1`` from the tokens
before it, so a text of ``n`` tokens yields ``n - 1`` positions.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch


def token_logprobs(logits: torch.Tensor, ids: torch.Tensor) -> torch.Tensor:
    """Log-probability of each observed next token.

    logits (Tensor[..., T, V]): predictions for positions 0..T-1.
    ids (Tensor[..., T]): the tokens that actually followed.
    RETURNS (Tensor[..., T]): ``log softmax(logits)[ids]``.
    """
    logp = torch.log_softmax(logits.float(), dim=-1)
    return logp.gather(-1, ids.unsqueeze(-1)).squeeze(-1)


def token_entropy(logits: torch.Tensor) -> torch.Tensor:
    """Shannon entropy (nats) of each predictive distribution."""
    logp = torch.log_softmax(logits.float(), dim=-1)
    return -(logp.exp() * logp).sum(-1)


def token_ranks(logits: torch.Tensor, ids: torch.Tensor) -> torch.Tensor:
    """1-based rank of each observed token among the vocabulary (1 = the model's top choice)."""
    observed = logits.gather(-1, ids.unsqueeze(-1))
    return (logits > observed).sum(-1) + 1


def cross_moments(
    reference_logits: torch.Tensor, scoring_logits: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    """Mean and variance of the scoring model's log-probability under the reference model.

    For each position: ``mean = sum_v p_ref(v) log p_score(v)`` and
    ``var = sum_v p_ref(v) log p_score(v)^2 - mean^2``. This is the analytic sampling
    expectation of Fast-DetectGPT; ``-mean`` is the cross-perplexity term of Binoculars
    (reference = observer, scoring = performer). With one model in both roles,
    ``-mean`` is its entropy.
    """
    p_ref = torch.softmax(reference_logits.float(), dim=-1)
    logp_score = torch.log_softmax(scoring_logits.float(), dim=-1)
    mean = (p_ref * logp_score).sum(-1)
    var = (p_ref * logp_score.square()).sum(-1) - mean.square()
    return mean, var.clamp_min(0.0)


@dataclass(slots=True)
class TokenStats:
    """Per-token arrays of one text under one model (or one reference/scoring pair).

    ``offsets[i]`` is the character span of the predicted token ``i``, so any character
    range of the article (a sentence, a claim) maps to a slice of these arrays.
    """

    model: str
    ids: np.ndarray  # int64[n]: the predicted tokens
    offsets: np.ndarray  # int64[n, 2]
    logprob: np.ndarray  # float32[n]
    entropy: np.ndarray  # float32[n]
    rank: np.ndarray  # int64[n]
    ref_mean: np.ndarray  # float32[n]: E_ref[log p_score]; equals -entropy for one model
    ref_var: np.ndarray  # float32[n]: Var_ref[log p_score]
    reference: str | None = None  # the reference/observer model when it differs

    def __len__(self) -> int:
        return int(self.logprob.shape[0])

    def head(self, max_tokens: int) -> TokenStats:
        """The statistics a window of ``max_tokens`` tokens would have given.

        A causal model's prediction at position ``i`` sees only tokens ``<= i``, so the
        first ``max_tokens - 1`` positions of a longer window are exactly those of the
        shorter one: the verdict can use a short window while the sentences use a long
        one, from one model pass, and a cache filled at one window serves every shorter one.
        """
        n = max(max_tokens - 1, 0)
        return self if len(self) <= n else self._take(slice(0, n))

    def slice(self, start: int, end: int, rebase: bool = False) -> TokenStats:
        """The positions whose tokens start inside the character range ``[start, end)``.

        ``rebase=True`` shifts the offsets to index ``text[start:end]``, for scorers that
        align tokens with the words of the text they are given.
        """
        keep = (self.offsets[:, 0] >= start) & (self.offsets[:, 0] < end)
        return self._take(keep, shift=start if rebase else 0)

    def shifted(self, chars: int) -> TokenStats:
        """The same statistics with offsets ``chars`` characters on: those of a text's
        tail (``text[chars:]``) placed back in the whole text."""
        return self._take(slice(None), shift=-chars) if chars else self

    def _take(self, index: slice | np.ndarray, shift: int = 0) -> TokenStats:
        """The positions ``index`` selects, offsets moved ``shift`` characters left."""
        return TokenStats(
            model=self.model,
            ids=self.ids[index],
            offsets=self.offsets[index] - shift,
            logprob=self.logprob[index],
            entropy=self.entropy[index],
            rank=self.rank[index],
            ref_mean=self.ref_mean[index],
            ref_var=self.ref_var[index],
            reference=self.reference,
        )


#: Positions whose log-softmax is held at once on a CPU: a block of rows over a 50k-262k
#: vocabulary stays in the cache through the passes over it (17 ms against 24-31 ms for
#: the whole of a 128-token window over SmolLM2's 49k vocabulary, on two cores). An
#: accelerator takes the whole sequence in one block.
STATS_ROWS = 8


def stats_from_logits(
    model: str,
    scoring_logits: torch.Tensor,
    input_ids: torch.Tensor,
    offsets: np.ndarray,
    reference_logits: torch.Tensor | None = None,
    reference: str | None = None,
) -> TokenStats:
    """Build :class:`TokenStats` for one unpadded sequence.

    scoring_logits (Tensor[T, V]) and input_ids (Tensor[T]) cover the whole sequence; the
    last logit row and the first id are dropped so that row ``i`` predicts id ``i + 1``.
    The log-softmax is computed once per block of ``STATS_ROWS`` positions and shared by
    all statistics: over a 50k-262k vocabulary these passes cost as much as a third of
    the forward pass when they run over the whole sequence at once.
    """
    ids = input_ids[1:]
    n = int(ids.shape[0])
    observed = torch.empty(n)
    entropy = torch.empty(n)
    rank = torch.empty(n, dtype=torch.long)
    # sum_v p(v) log p(v)^2, for the one-model variance (a reference model gives its own)
    second = torch.empty(n) if reference_logits is None else None
    block = STATS_ROWS if scoring_logits.device.type == "cpu" else max(n, 1)
    for a in range(0, n, block):
        b = min(a + block, n)
        logp = torch.log_softmax(scoring_logits[a:b].float(), dim=-1)
        seen = logp.gather(-1, ids[a:b].unsqueeze(-1))
        observed[a:b] = seen.squeeze(-1).cpu()
        rank[a:b] = ((logp > seen).sum(-1) + 1).cpu()
        plogp = logp.exp().mul_(logp)
        entropy[a:b] = -plogp.sum(-1).cpu()
        if second is not None:
            second[a:b] = plogp.mul_(logp).sum(-1).cpu()
    if second is not None:
        mean = -entropy
        var = (second - mean.square()).clamp_min(0.0)
    else:
        mean, var = cross_moments(reference_logits[:-1], scoring_logits[:-1])
    return TokenStats(
        model=model,
        ids=ids.cpu().numpy().astype(np.int64),
        offsets=np.asarray(offsets[1:], dtype=np.int64).reshape(-1, 2),
        logprob=observed.numpy().astype(np.float32),
        entropy=entropy.numpy().astype(np.float32),
        rank=rank.numpy().astype(np.int64),
        ref_mean=mean.cpu().numpy().astype(np.float32),
        ref_var=var.cpu().numpy().astype(np.float32),
        reference=reference,
    )
