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
