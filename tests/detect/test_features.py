import pytest

from newsprobe.detect import features as features_module
from newsprobe.detect.features import FeatureExtractor, StatsCache
from newsprobe.models.runner import encode

CORPUS = [
    "The minister said the budget would rise by 3 percent next year.",
    "Officials confirmed that 12 people were injured in the crash on Monday.",
    "Heavy rain caused flooding across the region, and schools were closed.",
]


def _same_rows(a: list[dict], b: list[dict]) -> bool:
    return len(a) == len(b) and all(
        x == pytest.approx(y, rel=1e-3, abs=1e-5, nan_ok=True) for x, y in zip(a, b, strict=True)
    )


@pytest.fixture()
def cache(tmp_path):
    return StatsCache(tmp_path / "stats.sqlite")


def test_a_cache_filled_at_a_long_window_serves_a_shorter_one(tiny_model_dir, cache, monkeypatch):
    model = str(tiny_model_dir)
    FeatureExtractor([model], max_tokens=32, cache=cache).extract(CORPUS)
    assert cache.windows(model) == [32]
    expected = FeatureExtractor([model], max_tokens=9).from_stats(
        CORPUS, FeatureExtractor([model], max_tokens=9).stats(CORPUS)
    )

    def no_model_pass(*args, **kwargs):
        raise AssertionError("the model ran although a longer window was cached")

    monkeypatch.setattr(features_module, "token_stats", no_model_pass)
    rows = FeatureExtractor([model], max_tokens=9, cache=cache).extract(CORPUS)
    assert _same_rows(rows, expected)
    assert {r[f"n_tokens@{model}"] for r in rows} == {8.0}


def test_features_read_their_own_window_of_longer_statistics(tiny_model_dir):
    model = str(tiny_model_dir)
    ex = FeatureExtractor([model], max_tokens=9)
    long_stats = ex.stats(CORPUS, max_tokens=64)
    assert all(len(st) > 8 for st in long_stats[model])
    assert _same_rows(ex.from_stats(CORPUS, long_stats), ex.from_stats(CORPUS, ex.stats(CORPUS)))


def test_another_window_shares_the_loaded_model_and_the_cache(tiny_model_dir, cache):
    model = str(tiny_model_dir)
    short = FeatureExtractor([model], max_tokens=9, cache=cache)
    short.extract(CORPUS)
    wide = short.with_window(32)
    assert wide.language_model(model) is short.language_model(model)
    stats = wide.cached_stats(CORPUS)[model]
    assert max(len(st) for st in stats) > 9 and cache.windows(model) == [9, 32]
    assert _same_rows(wide.extract(CORPUS), FeatureExtractor([model], 32).extract(CORPUS))


def test_cache_all_keeps_an_articles_reading_and_rereads_it_without_the_model(
    tiny_model_dir, cache, monkeypatch
):
    model = str(tiny_model_dir)
    fresh = FeatureExtractor([model], max_tokens=9).stats(CORPUS, max_tokens=32)[model]
    ex = FeatureExtractor([model], max_tokens=9, cache=cache, cache_all=True)
    first = ex.stats(CORPUS, max_tokens=32)[model]
    assert cache.windows(model) == [32]

    def no_model_pass(*args, **kwargs):
        raise AssertionError("the model ran although the reading was cached")

    monkeypatch.setattr(features_module, "token_stats", no_model_pass)
    again = ex.with_window(9).stats(CORPUS, max_tokens=32)[model]
    for a, b, c in zip(fresh, first, again, strict=True):
        assert list(a.ids) == list(b.ids) == list(c.ids)
        assert a.logprob == pytest.approx(c.logprob, abs=1e-6)
    with pytest.raises(AssertionError, match="the model ran"):
        FeatureExtractor([model], max_tokens=9, cache=cache).stats(CORPUS, max_tokens=32)


def test_texts_that_begin_others_are_read_inside_them_with_the_same_statistics(
    tiny_model_dir, monkeypatch
):
    model = str(tiny_model_dir)
    long = " ".join(CORPUS)
    texts = [CORPUS[0], long, CORPUS[1], " ".join(CORPUS[:2])]
    ex = FeatureExtractor([model], max_tokens=64)
    fresh = ex.stats(texts)[model]
    read: list[str] = []
    real = features_module.token_stats

    def counting(batch, *args, **kwargs):
        read.extend(batch)
        return real(batch, *args, **kwargs)

    monkeypatch.setattr(features_module, "token_stats", counting)
    shared = ex.stats_within(texts)[model]
    # The two prefixes of ``long`` were read inside it: two passes for four texts.
    assert sorted(read) == sorted([long, CORPUS[1]])
    for a, b in zip(fresh, shared, strict=True):
        assert a.ids.tolist() == b.ids.tolist()
        assert a.offsets.tolist() == b.offsets.tolist()
        assert a.logprob == pytest.approx(b.logprob, abs=1e-4)
        assert a.rank.tolist() == b.rank.tolist()


def test_a_text_whose_last_token_crosses_its_hosts_is_read_alone_and_cached_all(
    tiny_model_dir, cache, monkeypatch
):
    model = str(tiny_model_dir)
    ex = FeatureExtractor([model], max_tokens=64, cache=cache, cache_all=True)
    lm = ex.language_model(model)
    full = CORPUS[0]
    whole = encode(lm, full, 64)[0]

    def crosses(k: int) -> bool:
        ids = encode(lm, full[:k], 64)[0]
        return ids != whole[: len(ids)]

    cut = next(k for k in range(5, len(full)) if crosses(k))
    texts = [full[:cut], full]
    fresh = FeatureExtractor([model], max_tokens=64).stats(texts)[model]
    got = ex.stats_within(texts)[model]

    def no_model_pass(*args, **kwargs):
        raise AssertionError("the model ran although the reading was cached")

    monkeypatch.setattr(features_module, "token_stats", no_model_pass)
    again = ex.stats_within(texts)[model]
    for a, b, c in zip(fresh, got, again, strict=True):
        assert a.ids.tolist() == b.ids.tolist() == c.ids.tolist()
        assert a.logprob == pytest.approx(c.logprob, abs=1e-4)


def test_compressors_run_beside_the_other_features_with_the_same_values_in_order(
    tiny_model_dir, monkeypatch
):
    from newsprobe.detect.scorers import TEXT_SCORERS

    model = str(tiny_model_dir)
    ex = FeatureExtractor([model], max_tokens=32)
    rows = ex.from_stats(CORPUS, ex.stats(CORPUS))
    side = [cls() for cls in TEXT_SCORERS.values() if cls.off_thread]
    assert {s.kind for s in side} >= {"prelude", "compression"}
    for row, text in zip(rows, CORPUS, strict=True):
        for cls in TEXT_SCORERS.values():
            assert row[cls().name] == pytest.approx(cls().score_text(text), nan_ok=True)
        # Filled in at their place among the features, not appended after them.
        names = list(row)
        assert names[: 1 + len(TEXT_SCORERS)] == ["n_tokens@words"] + [
            cls().name for cls in TEXT_SCORERS.values()
        ]
    # A process made by fork (another pid) gets its own thread.
    pool = features_module._beside()
    assert features_module._beside() is pool
    monkeypatch.setattr(features_module.os, "getpid", lambda: -1)
    assert features_module._beside() is not pool
    assert _same_rows(ex.from_stats(CORPUS, ex.stats(CORPUS)), rows)
