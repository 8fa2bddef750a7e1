import numpy as np
import pytest

from newsprobe.errors import ModelError
from newsprobe.models.loader import LanguageModel
from newsprobe.models.runner import encode, token_stats

TEXTS = [
    "The minister said the budget would rise by 3 percent next year.",
    "Officials confirmed that 12 people were injured.",
    "Heavy rain caused flooding across the region, and schools were closed on Monday.",
]


@pytest.fixture(scope="module")
def lm(tiny_model_dir):
    return LanguageModel(str(tiny_model_dir), device="cpu")


def test_encode_prepends_bos_and_keeps_offsets(lm):
    ids, offsets = encode(lm, TEXTS[0], max_tokens=512)
    assert ids[0] == lm.tokenizer.bos_token_id
    assert offsets.shape == (len(ids), 2)
    assert offsets[-1, 1] == len(TEXTS[0])


def test_token_window_truncates(lm):
    (st,) = token_stats([TEXTS[2]], lm, max_tokens=8)
    assert len(st) == 7  # 8 tokens -> 7 predictions


def test_batching_with_padding_does_not_change_results(lm):
    batched = token_stats(TEXTS, lm, batch_size=3)
    single = [token_stats([t], lm, batch_size=1)[0] for t in TEXTS]
    for a, b in zip(batched, single, strict=False):
        assert a.ids.tolist() == b.ids.tolist()
        np.testing.assert_allclose(a.logprob, b.logprob, atol=1e-4)
        np.testing.assert_allclose(a.entropy, b.entropy, atol=1e-4)


def test_stats_are_in_input_order_and_map_to_characters(lm):
    stats = token_stats(TEXTS, lm, batch_size=2)
    for text, st in zip(TEXTS, stats, strict=False):
        assert st.offsets[-1, 1] == len(text)
        assert np.all(st.logprob <= 0)
        assert np.all(st.rank >= 1)


def test_model_as_its_own_reference_equals_single_model(lm, tiny_model_dir):
    other = LanguageModel(str(tiny_model_dir), device="cpu")
    _ = other.model  # load under its path, then give it another name
    other.name = "copy"
    (pair,) = token_stats(TEXTS[:1], lm, reference=other)
    (alone,) = token_stats(TEXTS[:1], lm)
    assert pair.reference == "copy"
    np.testing.assert_allclose(pair.ref_mean, alone.ref_mean, atol=1e-4)
    np.testing.assert_allclose(pair.ref_var, alone.ref_var, atol=1e-3)


def test_pair_without_shared_tokenizer_is_refused(lm, tmp_path, tiny_model_dir):
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(tiny_model_dir)
    tok.add_tokens(["zzzextra"])
    other = LanguageModel(str(tiny_model_dir), device="cpu")
    other.name = "other"
    other._tokenizer, other._model = tok, lm.model
    with pytest.raises(ModelError, match="do not share a tokenizer"):
        token_stats(TEXTS[:1], lm, reference=other)


def test_head_of_a_long_window_is_the_short_window(lm):
    # Causal attention: the first positions of a 32-token window are a 9-token window's.
    (long,) = token_stats([TEXTS[2]], lm, max_tokens=32)
    (short,) = token_stats([TEXTS[2]], lm, max_tokens=9)
    head = long.head(9)
    assert len(head) == len(short) == 8
    assert head.ids.tolist() == short.ids.tolist()
    np.testing.assert_allclose(head.logprob, short.logprob, atol=1e-5)
    np.testing.assert_allclose(head.entropy, short.entropy, atol=1e-5)
    assert head.rank.tolist() == short.rank.tolist()
    assert long.head(1000) is long
