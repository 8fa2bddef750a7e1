import math
import re

import numpy as np
import pytest

from newsprobe.detect.detector import Detector, _direction
from newsprobe.detect.features import FeatureExtractor
from newsprobe.detect.scorers import (
    PAIR_SCORERS,
    CrossModelLowerQuartile,
    CrossModelMean,
    CrossModelSpread,
    pair_scorers,
    shared_word_logprobs,
    word_logprobs,
)
from newsprobe.detect.stats import TokenStats

TEXT = "The Szczebrzeszyn mayor, 61, said"


def _stats(model, offsets, logprob):
    n = len(logprob)
    return TokenStats(
        model=model,
        ids=np.arange(n),
        offsets=np.asarray(offsets, dtype=np.int64).reshape(-1, 2),
        logprob=np.asarray(logprob, dtype=np.float32),
        entropy=np.ones(n, np.float32),
        rank=np.ones(n, np.int64),
        ref_mean=-np.ones(n, np.float32),
        ref_var=np.zeros(n, np.float32),
    )


# Model A splits the name in two; model B keeps it whole but splits "mayor", and its
# tokens carry the leading space (" said" starts at 28, the word at 29).
A = _stats(
    "a",
    [(0, 3), (4, 8), (8, 17), (18, 23), (23, 24), (25, 27), (27, 28), (29, 33)],
    [-2.0, -9.0, -1.0, -4.0, -0.5, -6.0, -0.5, -1.5],
)
B = _stats(
    "b",
    [(0, 3), (3, 17), (17, 20), (20, 23), (23, 24), (24, 25), (25, 26), (26, 27), (28, 33)],
    [-1.0, -6.0, -3.0, -2.0, -0.5, -1.0, -1.0, -1.0, -2.5],
)
WORDS_A = [-2.0, -10.0, -4.0, -1.5]  # The, Szczebrzeszyn, mayor, said (61 is no word)
WORDS_B = [-1.0, -6.0, -5.0, -2.5]


def test_word_logprobs_sum_the_tokens_of_each_word_on_characters():
    spans, values = word_logprobs(A, TEXT)
    assert [TEXT[a:b] for a, b in spans] == ["The", "Szczebrzeszyn", "mayor", "said"]
    np.testing.assert_allclose(values, WORDS_A)
    spans_b, values_b = word_logprobs(B, TEXT)
    np.testing.assert_array_equal(spans_b, spans)
    np.testing.assert_allclose(values_b, WORDS_B)


def test_pair_features_compare_the_same_words_under_two_tokenizers():
    diff = np.subtract(WORDS_A, WORDS_B)  # -1, -4, 1, 1
    assert CrossModelMean("a", "b").score_pair(A, B, TEXT) == pytest.approx(diff.mean())
    assert CrossModelLowerQuartile("a", "b").score_pair(A, B, TEXT) == pytest.approx(
        np.quantile(diff, 0.25)
    )
    assert CrossModelSpread("a", "b").score_pair(A, B, TEXT) == pytest.approx(np.std(diff))
    assert CrossModelMean("a", "b").name == "xmodel_mean@a|b"


def test_only_words_both_models_scored_whole_count():
    # A without its unpredicted first token, and a window that ends inside "said":
    # "The" is missing and "said" is cut, so only the two middle words are shared.
    a = _stats("a", [(4, 8), (8, 17), (18, 23), (23, 24), (29, 31)], [-9, -1, -4, -0.5, -1])
    spans, values = word_logprobs(a, TEXT)
    assert [TEXT[s:e] for s, e in spans] == ["Szczebrzeszyn", "mayor"]
    np.testing.assert_allclose(values, [-10.0, -4.0])
    # A word whose first piece is missing is not whole either.
    cut = _stats("a", [(8, 17), (18, 23)], [-1.0, -4.0])
    assert [TEXT[s:e] for s, e in word_logprobs(cut, TEXT)[0]] == ["mayor"]
    va, vb = shared_word_logprobs(a, B, TEXT)
    np.testing.assert_allclose(va, [-10.0, -4.0])
    np.testing.assert_allclose(vb, [-6.0, -5.0])
    assert math.isnan(CrossModelSpread("a", "b").score_pair(cut, B, TEXT))  # one word
    assert math.isnan(CrossModelMean("a", "b").score_pair(_stats("a", [], []), B, TEXT))


def test_directions_make_text_model_a_favours_score_higher():
    # "machine": A finds every word 2 nats likelier than B does; "human": B does.
    b_vals = [-3.0, -1.0, -5.0, -2.0, -4.0, -1.0, -2.0, -6.0]
    text = "one two three four five six seven eight"
    offsets = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    human_b = _stats("b", offsets, b_vals)
    machine_a = _stats("a", offsets, [v + 2 for v in b_vals])
    human_a = _stats("a", offsets, [v - 2 + (i % 2) * 3 for i, v in enumerate(b_vals)])
    for scorer in pair_scorers(["a", "b"]):
        m = scorer.score_pair(machine_a, human_b, text)
        h = scorer.score_pair(human_a, human_b, text)
        assert scorer.oriented(m) > scorer.oriented(h), scorer.name


def test_one_model_extractor_rows_have_no_pair_features():
    stats = {"a": [A], "b": [B]}
    one = FeatureExtractor(["a"], max_tokens=128).from_stats([TEXT], {"a": [A]})[0]
    two = FeatureExtractor(["a", "b"], max_tokens=128).from_stats([TEXT], stats)[0]
    assert not any(k.startswith("xmodel") for k in one)
    assert {k for k in two if k.startswith("xmodel")} == {f"{kind}@a|b" for kind in PAIR_SCORERS}
    # The one-model features are the same with or without a second model.
    assert {k: two[k] for k in one} == pytest.approx(one, nan_ok=True)
    assert two["xmodel_mean@a|b"] == pytest.approx(np.mean(np.subtract(WORDS_A, WORDS_B)))


def test_pair_kinds_are_detector_features_only_with_two_models():
    assert not any("xmodel" in n for n in Detector(models=("a",)).candidate_features())
    names = Detector(models=("a", "b")).candidate_features()
    assert "xmodel_spread@a|b" in names and _direction("xmodel_spread@a|b") == -1
    assert _direction("xmodel_mean@a|b") == 1
    shipped = Detector.load()
    assert not any("xmodel" in n for n in shipped.feature_names_)
    assert set(shipped.feature_names_) <= set(shipped.candidate_features())
