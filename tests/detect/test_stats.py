import math

import numpy as np
import pytest
import torch

from newsprobe.detect.stats import (
    STATS_ROWS,
    cross_moments,
    stats_from_logits,
    token_entropy,
    token_logprobs,
    token_ranks,
)

# Two positions over a 3-token vocabulary, written out by hand.
LOGITS = torch.tensor([[0.0, 0.0, 0.0], [2.0, 0.0, -1.0]])
IDS = torch.tensor([1, 2])


def _softmax(row):
    e = [math.exp(v) for v in row]
    return [v / sum(e) for v in e]


def test_token_logprobs_match_hand_computation():
    p2 = _softmax([2.0, 0.0, -1.0])
    got = token_logprobs(LOGITS, IDS)
    assert got.tolist() == pytest.approx([math.log(1 / 3), math.log(p2[2])], rel=1e-5)


def test_token_entropy_uniform_is_log_vocab():
    assert token_entropy(LOGITS)[0].item() == pytest.approx(math.log(3), rel=1e-6)


def test_token_ranks_are_one_based_and_tie_friendly():
    assert token_ranks(LOGITS, IDS).tolist() == [1, 3]
    assert token_ranks(LOGITS, torch.tensor([0, 0])).tolist() == [1, 1]


def test_cross_moments_with_itself_gives_minus_entropy():
    mean, var = cross_moments(LOGITS, LOGITS)
    assert mean.tolist() == pytest.approx((-token_entropy(LOGITS)).tolist(), rel=1e-6)
    assert var[0].item() == pytest.approx(0.0, abs=1e-6)  # uniform: log p is constant
    p = _softmax([2.0, 0.0, -1.0])
    lp = [math.log(v) for v in p]
    m = sum(a * b for a, b in zip(p, lp, strict=False))
    v = sum(a * b * b for a, b in zip(p, lp, strict=False)) - m * m
    assert var[1].item() == pytest.approx(v, rel=1e-5)


def test_cross_moments_weighs_scoring_logprobs_by_reference_probs():
    ref = torch.tensor([[10.0, -10.0, -10.0]])  # reference is sure of token 0
    score = torch.tensor([[0.0, 1.0, 2.0]])
    mean, var = cross_moments(ref, score)
    assert mean.item() == pytest.approx(token_logprobs(score, torch.tensor([0])).item(), abs=1e-4)
    assert var.item() == pytest.approx(0.0, abs=1e-3)


def test_stats_from_logits_drops_first_token_and_aligns_offsets():
    seq_logits = torch.cat([LOGITS, torch.zeros(1, 3)])  # 3 tokens -> 2 predictions
    ids = torch.tensor([0, 1, 2])
    offsets = np.array([[0, 0], [0, 3], [3, 7]])
    st = stats_from_logits("m", seq_logits, ids, offsets)
    assert len(st) == 2
    assert st.ids.tolist() == [1, 2]
    assert st.offsets.tolist() == [[0, 3], [3, 7]]
    assert st.logprob.tolist() == pytest.approx(token_logprobs(LOGITS, IDS).tolist(), rel=1e-5)
    assert st.ref_mean.tolist() == pytest.approx((-st.entropy).tolist(), rel=1e-6)
    assert st.slice(3, 10).ids.tolist() == [2]


def test_stats_from_logits_over_many_blocks_match_the_whole_sequence_functions():
    # More positions than one block of STATS_ROWS, and a last block that is not full.
    gen = torch.Generator().manual_seed(0)
    n = 3 * STATS_ROWS + 3
    logits = torch.randn(n + 1, 50, generator=gen) * 3
    ids = torch.randint(0, 50, (n + 1,), generator=gen)
    offsets = np.arange(2 * (n + 1)).reshape(-1, 2)
    st = stats_from_logits("m", logits, ids, offsets)
    assert len(st) == n
    np.testing.assert_allclose(st.logprob, token_logprobs(logits[:-1], ids[1:]), rtol=1e-6)
    np.testing.assert_allclose(st.entropy, token_entropy(logits[:-1]), rtol=1e-6)
    assert st.rank.tolist() == token_ranks(logits[:-1], ids[1:]).tolist()
    mean, var = cross_moments(logits[:-1], logits[:-1])
    np.testing.assert_allclose(st.ref_mean, mean, rtol=1e-6)
    np.testing.assert_allclose(st.ref_var, var, rtol=1e-4, atol=1e-6)
