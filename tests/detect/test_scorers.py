import math

import numpy as np
import pytest

from newsprobe.detect.scorers import (
    Binoculars,
    Burstiness,
    ClippedFastDetectGPT,
    Compression,
    Entropy,
    EntropySpread,
    ExcessLogLikelihood,
    FastDetectGPT,
    LogLikelihood,
    LogLikelihoodSpread,
    LogRank,
    LowerQuartileLogLikelihood,
    MedianLogLikelihood,
    NumberRate,
    PreludeCompression,
    QuoteRate,
    SurpriseTail,
    Top5Share,
    TopRank,
    UnigramExcess,
    UnigramExcessLowerQuartile,
    UpperQuartileLogLikelihood,
    WordLength,
    model_scorers,
    word_excess,
)
from newsprobe.detect.stats import TokenStats


def _stats(logprob, entropy, rank, ref_mean=None, ref_var=None, reference=None):
    n = len(logprob)
    return TokenStats(
        model="m",
        ids=np.arange(n),
        offsets=np.stack([np.arange(n) * 2, np.arange(n) * 2 + 1], axis=1),
        logprob=np.asarray(logprob, dtype=np.float32),
        entropy=np.asarray(entropy, dtype=np.float32),
        rank=np.asarray(rank),
        ref_mean=np.asarray(
            ref_mean if ref_mean is not None else [-e for e in entropy], np.float32
        ),
        ref_var=np.asarray(ref_var if ref_var is not None else [1.0] * n, dtype=np.float32),
        reference=reference,
    )


ST = _stats([-1.0, -3.0], [2.0, 1.0], [1, 4], ref_mean=[-2.0, -1.0], ref_var=[1.0, 3.0])


def test_loglik_logrank_entropy_are_means():
    assert LogLikelihood("m").score(ST) == pytest.approx(-2.0)
    assert LogRank("m").score(ST) == pytest.approx(math.log(4) / 2)
    assert Entropy("m").score(ST) == pytest.approx(1.5)


def test_fastdetectgpt_is_length_normalised_discrepancy():
    expected = ((-4.0) - (-3.0)) / math.sqrt(4.0) / math.sqrt(2)
    assert FastDetectGPT("m").score(ST) == pytest.approx(expected)


def test_binoculars_is_perplexity_over_cross_perplexity():
    assert Binoculars("m").score(ST) == pytest.approx(2.0 / 1.5)


def test_one_model_binoculars_divides_by_entropy():
    st = _stats([-1.0, -2.0], [3.0, 1.0], [1, 1])
    assert Binoculars("m", "m").score(st) == pytest.approx(1.5 / 2.0)


def test_directions_make_machine_like_stats_score_higher():
    machine = _stats([-0.5, -0.4], [1.0, 0.8], [1, 1])  # likely, low-entropy, top-ranked
    human = _stats([-4.0, -5.0], [3.0, 3.5], [20, 40])
    text = "on it"  # the words under the two tokens, for the scorers that read them
    for scorer in model_scorers("m"):
        m, h = scorer.score_with_text(machine, text), scorer.score_with_text(human, text)
        assert scorer.oriented(m) > scorer.oriented(h), scorer.name


def test_empty_stats_give_nan_not_an_error():
    empty = _stats([], [], [])
    for scorer in model_scorers("m"):
        assert math.isnan(scorer.score_with_text(empty, "")), scorer.name


def test_scorer_names_carry_models():
    assert LogLikelihood("a").name == "loglik@a"
    assert Binoculars("a", "b").name == "binoculars@a|b"
    assert Binoculars("a", "a").name == "binoculars@a"
    assert Compression().name == "compression"


@pytest.mark.parametrize("codec", ["zlib", "lzma"])
def test_compression_ranks_repetition_below_varied_text(codec):
    scorer = Compression(reference=codec)
    repetitive = "the cat sat on the mat. " * 40
    rng = np.random.default_rng(0)
    varied = " ".join("".join(rng.choice(list("abcdefghij"), 6)) for _ in range(160))
    assert scorer.score_text(repetitive) < scorer.score_text(varied)
    assert math.isnan(scorer.score_text(""))


def test_robust_scorers_ignore_a_few_edited_tokens():
    fluent = _stats([-0.5] * 20, [1.0] * 20, [1] * 20)
    edited = _stats([-0.5] * 18 + [-15.0, -15.0], [1.0] * 20, [1] * 18 + [900, 900])
    assert MedianLogLikelihood("m").score(edited) == pytest.approx(-0.5)
    assert LogLikelihood("m").score(edited) < -1.5  # the mean is dragged down
    assert TopRank("m").score(edited) == pytest.approx(0.9)
    clipped = ClippedFastDetectGPT("m")
    assert clipped.score(fluent) - clipped.score(edited) <= 2 * 4 / 20 + 1e-6


def test_prelude_compression_prefers_prelude_style_text():
    scorer = PreludeCompression()
    assistant_like = (
        "Overall, it is important to note that there are many factors to consider. "
        "Additionally, I really enjoy spending time with my friends and family, and I love "
        "to stay active and get outdoors whenever I can."
    )
    rng = np.random.default_rng(1)
    gibberish = " ".join("".join(rng.choice(list("qxzvkj"), 7)) for _ in range(30))
    assert scorer.score_text(assistant_like) > scorer.score_text(gibberish)
    assert math.isnan(scorer.score_text("   "))


def test_profile_scorers_on_hand_computed_values():
    lp = [-0.5, -1.0, -2.0, -4.0, -8.0, -0.1, -0.2, -0.3]
    ent = [1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0]
    st = _stats(lp, ent, [1, 2, 6, 9, 30, 1, 1, 3])
    assert LowerQuartileLogLikelihood().score(st) == pytest.approx(np.percentile(lp, 25))
    assert UpperQuartileLogLikelihood().score(st) == pytest.approx(np.percentile(lp, 75))
    assert LogLikelihoodSpread().score(st) == pytest.approx(np.std(lp))
    assert EntropySpread().score(st) == pytest.approx(0.5)
    assert Top5Share().score(st) == pytest.approx(5 / 8)
    assert SurpriseTail().score(st) == pytest.approx(-8.0)  # 5% of 8 tokens: the worst one
    assert ExcessLogLikelihood().score(st) == pytest.approx(np.mean(np.add(lp, ent)))


def test_profile_scorers_orient_steady_text_as_machine():
    steady = _stats([-1.0] * 20, [1.5] * 20, [1] * 20)
    bursty = _stats([-0.1, -3.0] * 10, [1.0, 3.0] * 10, [1, 40] * 10)
    for scorer in (LogLikelihoodSpread(), EntropySpread(), SurpriseTail(), Top5Share()):
        assert scorer.oriented(scorer.score(steady)) > scorer.oriented(scorer.score(bursty))


def test_word_length_counts_letters_of_words_only():
    assert WordLength().score_text("It's a fine day, 2024!") == pytest.approx((4 + 1 + 4 + 3) / 4)
    assert math.isnan(WordLength().score_text("12 34 !!"))


def test_burstiness_is_the_spread_of_sentence_lengths():
    even = "One two three four. Five six seven eight. Nine ten eleven twelve."
    mixed = "He left. The council met on Tuesday to discuss the plan for the new bridge. Why?"
    assert Burstiness().score_text(even) == pytest.approx(0.0)
    assert Burstiness().score_text(mixed) == pytest.approx(np.std([2, 13, 1]))
    scorer = Burstiness()
    assert scorer.oriented(scorer.score_text(even)) > scorer.oriented(scorer.score_text(mixed))
    assert Burstiness().score_text("Only one sentence here.") == 0.0
    assert math.isnan(Burstiness().score_text("  "))


def test_burstiness_reads_a_bounded_number_of_sentences():
    text = "Short one. " * 200 + "This much longer sentence comes far too late to count at all."
    assert Burstiness().score_text(text) == pytest.approx(0.0)


def test_quote_and_number_rates_count_per_word():
    text = 'He said: "We won 3-1 in 2024." \u201cGreat\u201d, she said.'
    assert QuoteRate().score_text(text) == pytest.approx(4 / 10)
    assert NumberRate().score_text(text) == pytest.approx(3 / 10)
    vague = "Officials said several people were hurt in the incident."
    for scorer in (QuoteRate(), NumberRate()):
        assert scorer.oriented(scorer.score_text(vague)) > scorer.oriented(scorer.score_text(text))
        assert math.isnan(scorer.score_text("   "))


def _word_stats(offsets, logprob):
    n = len(logprob)
    return TokenStats(
        model="m",
        ids=np.arange(n),
        offsets=np.asarray(offsets, dtype=np.int64),
        logprob=np.asarray(logprob, dtype=np.float32),
        entropy=np.ones(n, np.float32),
        rank=np.ones(n, np.int64),
        ref_mean=-np.ones(n, np.float32),
        ref_var=np.zeros(n, np.float32),
    )


def test_word_excess_is_model_log_probability_beyond_word_frequency():
    from wordfreq import zipf_frequency

    text = "The Szczebrzeszyn mayor, 61, said"
    # " The", " Szcz" + "ebrzeszyn" (two tokens, one word), " mayor", ",", " 61", ...
    offsets = [(0, 3), (4, 8), (8, 17), (18, 23), (23, 24), (25, 27), (27, 28), (29, 33)]
    logprob = [-2.0, -9.0, -1.0, -4.0, -0.5, -6.0, -0.5, -1.5]
    got = word_excess(_word_stats(offsets, logprob), text)
    ln10 = math.log(10)
    expected = [
        -2.0 - (zipf_frequency("the", "en") - 9) * ln10,
        -10.0 - (0.0 - 9) * ln10,  # unseen word: rarer than any listed one
        -4.0 - (zipf_frequency("mayor", "en") - 9) * ln10,
        -1.5 - (zipf_frequency("said", "en") - 9) * ln10,  # numbers are not words
    ]
    np.testing.assert_allclose(got, expected, rtol=1e-6)
    mean = UnigramExcess(model="m").score_with_text(_word_stats(offsets, logprob), text)
    q25 = UnigramExcessLowerQuartile(model="m").score_with_text(_word_stats(offsets, logprob), text)
    assert mean == pytest.approx(np.mean(expected))
    assert q25 == pytest.approx(np.quantile(expected, 0.25))
    assert UnigramExcess.direction == 1 and "lm_unigram@m" in {s.name for s in model_scorers("m")}


def test_word_excess_reads_only_words_inside_the_token_window():
    text = "Officials said the bridge would reopen in spring after repairs"
    stats = _word_stats([(0, 9), (9, 14)], [-3.0, -1.0])  # the window ends after "said"
    assert len(word_excess(stats, text)) == 2
    assert math.isnan(UnigramExcess(model="m").score_with_text(_word_stats([], []), text))


def test_sentence_slices_rebased_onto_their_own_text():
    text = "The Szczebrzeszyn mayor, 61, said"
    offsets = [(0, 3), (4, 8), (8, 17), (18, 23), (23, 24), (25, 27), (27, 28), (29, 33)]
    stats = _word_stats(offsets, [-2.0, -9.0, -1.0, -4.0, -0.5, -6.0, -0.5, -1.5])
    window = stats.slice(18, 33, rebase=True)
    assert window.offsets[0].tolist() == [0, 5]
    np.testing.assert_allclose(
        word_excess(window, text[18:33]), word_excess(stats, text)[2:], rtol=1e-6
    )


def test_word_excess_is_read_once_for_the_mean_and_the_quartile_and_not_reused_wrongly():
    text = "The Szczebrzeszyn mayor, 61, said"
    offsets = [(0, 3), (4, 8), (8, 17), (18, 23), (23, 24), (25, 27), (27, 28), (29, 33)]
    stats = _word_stats(offsets, [-2.0, -9.0, -1.0, -4.0, -0.5, -6.0, -0.5, -1.5])
    first = word_excess(stats, text)
    assert word_excess(stats, text) is first  # the second scorer's read
    with pytest.raises(ValueError):
        first[0] = 0.0  # shared, so read-only
    # Other statistics of the same text, or the same statistics of another text: read anew.
    other = _word_stats(offsets, [-1.0] * len(offsets))
    assert not np.allclose(word_excess(other, text), first)
    assert len(word_excess(stats, text[:23])) == 3
    np.testing.assert_array_equal(word_excess(stats, text), first)
