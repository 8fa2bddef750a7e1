"""Which data fits the shipped detector, which calibrates it, and which judges it.

The detector is judged on generators and human sources it never saw:

* fit generators: GPT-2-XL, OPT-2.7B, GPT-Neo-2.7B, GPT-J-6B, GPT-NeoX-20B (open models,
  2019-2022) and Vicuna-v1.3 7/13/33B (LLMFake);
* fit human sources: PolitiFact / GossipCop / CoAID news (LLMFake), WritingPrompts stories
  and SQuAD Wikipedia (open models); no BBC XSum text;
* held out: ChatGPT, Claude-instant, PaLM-2 and Llama-2-70B on BBC XSum news (DetectRL,
  all evasion variants), and ChatGPT-3.5 and Llama-2 7/13/70B on LLMFake news whose human
  side is kept apart from the fit.

The threshold is set on LLMFake human news that the combiner was not fitted on; its FPR is
then re-measured on BBC XSum human news, a source neither fit nor calibration saw.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from newsprobe.eval.data import Row, dedupe, read_rows

FIT_GENERATORS = frozenset(
    {
        "gpt2-xl",
        "opt-2.7b",
        "gpt-neo-2.7B",
        "gpt-j-6B",
        "gpt-neox-20b",
        "vicuna-v1.3_7b",
        "vicuna-v1.3_13b",
        "vicuna-v1.3_33b",
    }
)
HELD_OUT_GENERATORS = frozenset(
    {
        "ChatGPT",
        "Claude-instant",
        "Google-PaLM",
        "Llama-2-70b",
        "chatgpt_3.5",
        "llama2_7b",
        "llama2_13b",
        "llama2_70b",
    }
)


@dataclass(slots=True)
class Split:
    fit: list[Row]
    calibration: list[Row]
    test_xsum: list[Row]
    test_llmfake: list[Row]


def _take(rows: list[Row], n: int, rng: random.Random) -> list[Row]:
    rows = list(rows)
    rng.shuffle(rows)
    return rows[:n]


def make_split(
    data_dir: str | Path,
    n_fit_machine: int = 700,
    n_fit_human: int = 600,
    n_calibration: int = 350,
    n_test: int | None = 800,
    seed: int = 0,
) -> Split:
    """Build the fit / calibration / held-out rows from ``../shared/data``."""
    root = Path(data_dir) / "detect"
    rng = random.Random(seed)
    xsum = read_rows(root / "detectrl_xsum_news.jsonl")
    multi = read_rows(root / "detectrl_multi_llm.jsonl")
    open_models = read_rows(root / "open_models_2019_2022.jsonl")
    llmfake = read_rows(root / "llmfake_news.jsonl")
    held_out_texts = [r.text for r in xsum] + [r.text for r in multi]
    open_models = dedupe(open_models, exclude=held_out_texts)
    llmfake = dedupe(llmfake, exclude=held_out_texts)

    fake_humans = _take([r for r in llmfake if r.label == 0], 10**9, rng)
    n_fake_fit = n_fit_human // 2
    fit_fake_h = fake_humans[:n_fake_fit]
    calibration = fake_humans[n_fake_fit : n_fake_fit + n_calibration]
    test_fake_h = fake_humans[n_fake_fit + n_calibration :]
    fit_open_h = _take(
        [r for r in open_models if r.label == 0 and r.domain in {"story", "wiki"}],
        n_fit_human - n_fake_fit,
        rng,
    )
    # Half the machine texts from the instruction-tuned fit generator (Vicuna), half from the
    # 2019-2022 base models: drawn in proportion, the base models would be 70% of the fit
    # and the combiner would learn their (continuation-style) text rather than chat models'.
    old = [r for r in open_models if r.label == 1 and r.generator in FIT_GENERATORS]
    chat = [r for r in llmfake if r.label == 1 and r.generator in FIT_GENERATORS]
    fit_m = _take(chat, n_fit_machine // 2, rng) + _take(
        old, n_fit_machine - n_fit_machine // 2, rng
    )
    fit = fit_fake_h + fit_open_h + fit_m
    rng.shuffle(fit)

    test_fake_m = [r for r in llmfake if r.label == 1 and r.generator in HELD_OUT_GENERATORS]
    test_fake = test_fake_h + _take(test_fake_m, len(test_fake_h), rng)
    test_xsum = list(xsum)
    if n_test is not None:
        test_xsum = _stratified(test_xsum, n_test, rng)
        test_fake = _stratified(test_fake, n_test, rng)
    return Split(fit=fit, calibration=calibration, test_xsum=test_xsum, test_llmfake=test_fake)


def _stratified(rows: list[Row], n: int, rng: random.Random) -> list[Row]:
    """Half humans, the other half spread evenly over generators."""
    if n >= len(rows):
        return list(rows)
    humans = _take([r for r in rows if r.label == 0], n // 2, rng)
    gens = sorted({r.generator for r in rows if r.label == 1})
    per = max(1, (n - len(humans)) // max(1, len(gens)))
    machines = [m for g in gens for m in _take([r for r in rows if r.generator == g], per, rng)]
    return humans + machines
