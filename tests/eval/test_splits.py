"""The fit never sees BBC XSum text, calibration humans or a held-out family."""

from newsprobe.eval.splits import FAMILIES, make_split


def test_split_keeps_the_held_out_source_and_families_apart(shared_data):
    split = make_split(shared_data)
    fit_texts = {r.text for r in split.fit}
    assert not fit_texts & {r.text for r in split.test_xsum}
    assert not fit_texts & {r.text for r in split.calibration}
    assert {r.label for r in split.calibration} == {0}
    fit_gens = {r.generator for r in split.fit if r.label == 1}
    assert {"chatgpt_3.5", "llama2_7b", "vicuna-v1.3_7b"} <= fit_gens
    assert not fit_gens & {"ChatGPT", "Claude-instant", "Google-PaLM", "Llama-2-70b"}
    for generator, family in FAMILIES.items():
        assert not {r.generator for r in split.fit_without(generator)} & family
        test = split.test_for(generator)
        assert {r.generator for r in test if r.label == 1} == {generator}
        assert sum(r.label == 0 for r in test) == sum(r.label == 0 for r in split.test_xsum)
    # Deterministic: the same seed gives the same rows.
    again = make_split(shared_data)
    assert [r.text for r in again.fit] == [r.text for r in split.fit]


def test_own_rows_are_split_four_ways_with_every_label_and_generator_in_each():
    from newsprobe.eval.data import Row
    from newsprobe.eval.training import split_rows

    rows = [Row(text=f"human {i}", label=0) for i in range(100)]
    rows += [Row(text=f"{g} {i}", label=1, generator=g) for g in ("a", "b") for i in range(40)]
    split = split_rows(rows, seed=3)
    parts = [split.fit, split.calibration, split.sentences, split.test_xsum]
    texts = [r.text for part in parts for r in part]
    assert sorted(texts) == sorted(r.text for r in rows)  # each row once
    assert {r.label for r in split.calibration} == {0} and len(split.calibration) == 15
    assert len([r for r in split.test_xsum if r.label == 0]) == 20
    for part in (split.fit, split.sentences, split.test_xsum):
        assert {r.generator for r in part if r.label == 1} == {"a", "b"}
    assert [r.text for r in split_rows(rows, seed=3).fit] == [r.text for r in split.fit]
