"""Sentence-score benchmark: do the sentence colours point at machine text, and can they
find where a human article turns machine-written?

All texts are DetectRL XSum news, a source the detector never fitted on (its Claude and
PaLM-2 texts are from generators it never saw either). Each part is run twice: with the
shipped sentence scores (depth-calibrated, see ``detect/sentences.py``) and with the raw
window probabilities, which drift upwards with a sentence's place in the article.

1. Whole articles (``--n`` human, ``--n`` machine): sentence AUROC (every sentence takes its
   article's label) and the share of sentences the terminal shades red or at all: above
   the sentence cut-offs at 2% / 10% of human news sentences where the detector has them
   (the shipped one does), above the verdict threshold / half of it where not (raw). And
   the mixed test's false alarms: the share of ``--n-mixed`` whole human (and machine)
   articles that get a boundary, against the 5% its cut-off was set at on LLMFake humans.
2. Splices: the first sentences of a human article, then those of a machine one. The
   shipped boundary estimate (``detect/boundary.py``) is the posterior median split of
   the sentence log-odds from window and style evidence under a mean shift, each window's
   log-odds the mean of the article's reading and the window read alone (the shipped
   detector reads them alone only once the mixed test has passed; here every splice is
   read both ways, so all rows see the same splices); beside it, the same split from the
   article's reading only (shipped 2026-12-03), and the split with the largest rise in
   that evidence, weighted by sqrt(k (n - k) / n) as in a CUSUM test (shipped before
   2026-12-03, for both where and whether); the
   window-only rows take that largest-rise split of the window probabilities alone. The
   share of splices whose mixed test (the Bayes factor of a rise against none) passes its
   cut-off or whose ending test passes (a boundary is reported; in brackets, the share each
   test passes on its own) is given with the error there, and the share whose
   true split lies in the reported 90% range, with the range's mean width. The error is in
   sentences. The baseline guesses the middle of the text. Two kinds of splice: "second
   half" (3-6 human sentences, then 3-6 machine ones), where the middle guess knows the
   truth is "about half", and "anywhere" (1-8 and 1-8), where it does not.
3. Same-story splices: DetectRL's human and machine texts are different stories, so the
   first machine sentence after the join reads as a jump to an unrelated story. A content
   farm rewriting a wire story does not jump: here a human LLMFake article (PolitiFact,
   GossipCop; none in the combiner's fit or calibration) keeps its first sentences and the
   rest comes from ChatGPT-3.5's rewrite or paraphrase of that same article (LLMFake's
   ``rewrite_generation`` / ``paraphrase_generation``, paired by TF-IDF cosine 0.3-0.9),
   taken from the sentence whose place in the rewrite matches where the human part
   stopped. ChatGPT-3.5 is in the fit (other texts of it); the depth calibration was fitted
   on some of these human articles (two coefficients, not these splices), and so were the
   boundary's evidence weights and cut-off; its style model read none of them.

4. With ``--long N``: N "second half" splices of each kind from longer articles (8-12
   human sentences, then 8-12 machine ones, ~19 in all), read to 1024 tokens; real
   articles are longer than the ~9 sentences of the other splices.

Run on demand:  python -m benchmarks.bench_sentences [--n 60] [--n-mixed 300] [--max-tokens 512]
                [--long 40] [--no-cache]
Prints two tables and writes benchmarks/results/sentences.json. Every model reading (the
articles, the windows read alone, the endings) goes through the token-statistics cache, so
a rerun on the same texts pays only for what it has not read (--no-cache: read afresh).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from benchmarks.pairs import same_story_pairs, sentences_of
from newsprobe.article import Article
from newsprobe.detect.boundary import (
    BOUNDARY_LEVEL,
    MIN_SENTENCES,
    change_point,
    ending_statistic,
    locate_boundary,
    scored_sentences,
)
from newsprobe.detect.detector import Detector
from newsprobe.detect.sentences import SENTENCE_FPR, SHADE_FPR, reread_scores, score_sentences
from newsprobe.eval.metrics import auroc
from newsprobe.eval.splits import make_split
from newsprobe.fileio import write_json_atomic
from newsprobe.pipeline import check_articles, load_detector
from newsprobe.settings import DetectOptions

RESULTS = Path(__file__).parent / "results"
SPLICES = {"second half": (3, 6), "anywhere": (1, 8)}
#: Human and machine sentences of the long splices (``--long``), and the tokens read.
LONG_SPLICE = (8, 12)
LONG_TOKENS = 1024
#: The shipped boundary estimate: the posterior median split of the window and style
#: evidence (detect.boundary), windows also read alone; the same from the article's reading
#: only, and that evidence's largest rise, both shipped before it.
LOCATOR = "window + style (shipped)"
ONE_READING = "window + style, article's reading only"
LARGEST_RISE = "window + style, largest rise"


def with_sentences(rows: list, label: int, n: int) -> list[str]:
    """The texts of ``rows`` with ``label`` that have at least ``n`` sentences."""
    return [r.text for r in rows if r.label == label and len(sentences_of(r.text)) >= n]


def estimate_boundary(scores: list[float]) -> int:
    """The index of the first machine sentence from window probabilities alone: the
    weighted-mean-gap (CUSUM) split of the probabilities themselves."""
    return change_point(scores)[0]


def variants(det: Detector) -> dict[str, Detector]:
    """The shipped sentence scores and the raw window probabilities of the same detector."""
    raw = Detector.from_dict(det.to_dict())
    raw.sentence_calibration_ = raw.sentence_scores_ = None
    return {"depth-calibrated (shipped)": det, "raw window scores": raw}


def whole_articles(
    arts: list[Article], labels: list[int], dets: dict[str, Detector]
) -> dict[str, dict]:
    out = {}
    for name, det in dets.items():
        y, s = [], []
        for a, label in zip(arts, labels, strict=True):
            for sent in score_sentences(a, det):
                if sent.machine_probability is not None:
                    y.append(label)
                    s.append(sent.machine_probability)
        y_arr, s_arr, thr = np.array(y), np.array(s), det.threshold_
        red = det.sentence_threshold_for(SENTENCE_FPR) or thr
        shade = det.sentence_threshold_for(SHADE_FPR) or thr / 2
        out[name] = {
            "n_sentences": len(y),
            "sentence_auroc": auroc(y_arr, s_arr),
            **{
                f"{who}_{what}": float(np.mean(s_arr[y_arr == lab] > cut))
                for who, lab in (("human", 0), ("machine", 1))
                for what, cut in (("red", red), ("shaded", shade))
            },
        }
    return out


def mixed_rates(arts: list[Article], labels: list[int], shipped: Detector) -> dict:
    """How often whole (unspliced) articles get a boundary: the mixed test's false alarms,
    on human articles (the stated rate) and on machine ones; beside it, the test on the
    article's reading alone (shipped before the two-stage test), the share found by the
    ending test and the share of articles whose windows the two-stage test reads a second
    time (its cost)."""
    locator = shipped.boundary_locator()
    flagged: dict[int, list[bool]] = {0: [], 1: []}
    one_stage: dict[int, list[bool]] = {0: [], 1: []}
    by_ending: dict[int, list[bool]] = {0: [], 1: []}
    reread: dict[int, list[bool]] = {0: [], 1: []}
    for a, label in zip(arts, labels, strict=True):
        a.sentences = score_sentences(a, shipped)
        b = locate_boundary(a, shipped)
        flagged[label].append(b is not None)
        by_ending[label].append(b is not None and b.test == "ending")
        texts, proba = scored_sentences(a)
        stat = (
            locator.statistic(locator.evidence(texts, proba))
            if locator is not None and len(texts) >= MIN_SENTENCES
            else float("-inf")
        )
        one_stage[label].append(locator is not None and stat > locator.cutoff)
        reread[label].append(
            locator is not None and locator.two_stage and locator.needs_reread(stat)
        )
    out: dict = {}
    for who, lab in (("human", 0), ("machine", 1)):
        out[f"n_{who}"] = len(flagged[lab])
        for key, got in (
            ("flagged_mixed", flagged),
            ("flagged_mixed_one_stage", one_stage),
            ("flagged_mixed_by_ending", by_ending),
            ("read_twice", reread),
        ):
            out[f"{who}_{key}"] = float(np.mean(got[lab])) if got[lab] else None
    return out


def splice_errors(
    pairs: list[tuple[str, str]],
    bounds: tuple[int, int],
    aligned: bool,
    shipped: Detector,
    dets: dict[str, Detector],
    options: DetectOptions,
    rng: random.Random,
) -> dict:
    """Boundary errors over splices of ``pairs``: ``lo``-``hi`` human sentences, then as
    many machine ones; ``aligned`` starts the machine part where the human part stopped
    (same-story rewrites), else at the machine text's top."""
    lo, hi = bounds
    locator = shipped.boundary_locator()
    reread = locator is not None and locator.reread_noise is not None
    errors: dict[str, list[int]] = {
        name: []
        for name in [LOCATOR, ONE_READING, LARGEST_RISE, *dets, "guess the middle"]
        if (name not in (LOCATOR, ONE_READING, LARGEST_RISE) or locator)
        and (name != ONE_READING or reread)
    }
    flagged: list[bool] = []
    by_sentences: list[bool] = []
    by_ending: list[bool] = []
    covered: list[bool] = []
    widths: list[int] = []
    n_sents = []
    texts: list[dict] = []
    for h, m in pairs:
        hs, ms = sentences_of(h), sentences_of(m)
        k_h = rng.randint(lo, min(hi, len(hs) - (1 if aligned else 0)))
        start = round(k_h * len(ms) / len(hs)) if aligned else 0
        if len(ms) - start < lo:
            continue  # the rewrite is too short past the join
        k_m = rng.randint(lo, min(hi, len(ms) - start))
        text = " ".join(hs[:k_h]) + " " + " ".join(ms[start : start + k_m])
        (article,) = check_articles([Article(text=text)], shipped, options)
        scored = {
            name: [s.machine_probability for s in score_sentences(article, det)]
            for name, det in dets.items()
        }
        first = next(iter(scored.values()))
        if len(first) != k_h + k_m or any(p is None for p in first):
            continue  # the sentencizer split differently or the window ran out: skip
        estimates = {}
        if locator is not None:
            sents = sentences_of(text)
            evidence = locator.evidence(sents, first)
            rise, stat = change_point(evidence)[0], locator.statistic(evidence)
            est, likely = single = locator.split(evidence)
            both = None
            if reread:
                got = reread_scores(article, shipped, range(len(first)))
                both = locator.reread_evidence(sents, first, got)
                est, likely = locator.split(both, locator.reread_noise)
                errors[ONE_READING].append(abs(single[0] - k_h))
                estimates[ONE_READING] = single[0]
            for name, k in ((LOCATOR, est), (LARGEST_RISE, rise)):
                errors[name].append(abs(k - k_h))
                estimates[name] = k
            ending = ending_statistic(article, shipped, locator, sents)
            flagged.append(locator.is_mixed(stat, both, ending))
            by_sentences.append(locator.is_mixed(stat, both))
            by_ending.append(locator.ending_passes(ending))
            if likely is not None:
                covered.append(likely[0] <= k_h <= likely[1])
                widths.append(likely[1] - likely[0] + 1)
        for name, probs in scored.items():
            est = estimate_boundary([float(p) for p in probs])  # type: ignore[arg-type]
            errors[name].append(abs(est - k_h))
            estimates[name] = est
        texts.append(
            {"text": text, "human_sentences": k_h, "estimates": estimates, "scores": scored}
        )
        errors["guess the middle"].append(abs(len(first) // 2 - k_h))
        n_sents.append(len(first))
    out: dict = {"n_texts": len(n_sents), "mean_sentences": float(np.mean(n_sents))}
    if covered:
        out["likely_range_level"] = BOUNDARY_LEVEL
        out["likely_range_covers"] = float(np.mean(covered))
        out["likely_range_width"] = float(np.mean(widths))
        hit = np.array(flagged)
        if hit.any():
            out["flagged_range_covers"] = float(np.array(covered)[hit].mean())
            out["flagged_range_width"] = float(np.array(widths)[hit].mean())
    if flagged:
        hit = np.array(flagged)
        out["flagged_mixed_share"] = float(hit.mean())
        out["flagged_mixed_sentence_test_share"] = float(np.mean(by_sentences))
        out["flagged_mixed_ending_test_share"] = float(np.mean(by_ending))
        out["flagged_boundary_error"] = (
            float(np.array(errors[LOCATOR])[hit].mean()) if hit.any() else None
        )
        if ONE_READING in errors:
            out["flagged_one_reading_error"] = (
                float(np.array(errors[ONE_READING])[hit].mean()) if hit.any() else None
            )
        out["flagged_middle_error"] = (
            float(np.array(errors["guess the middle"])[hit].mean()) if hit.any() else None
        )
    for name, e in errors.items():
        err = np.array(e)
        out[name] = {
            "mean_boundary_error": float(err.mean()),
            "median_boundary_error": float(np.median(err)),
            "exact_share": float(np.mean(err == 0)),
            "within_one_share": float(np.mean(err <= 1)),
        }
    out["texts"] = texts
    return out


def splice_rows(table: Table, name: str, result: dict) -> None:
    """One table row per boundary method for the splices ``name``."""
    methods = [k for k, v in result.items() if isinstance(v, dict) and "mean_boundary_error" in v]
    for method in methods:
        m = result[method]
        reported = likely = ""
        if method == LOCATOR:
            err, mid = result["flagged_boundary_error"], result["flagged_middle_error"]
            reported = (
                f"{result['flagged_mixed_share']:.0%} "
                f"[{result['flagged_mixed_sentence_test_share']:.0%} / "
                f"{result['flagged_mixed_ending_test_share']:.0%}]"
                + (f" ({err:.2f} / {mid:.2f})" if err is not None else "")
            )
            if "likely_range_covers" in result:
                likely = f"{result['likely_range_covers']:.0%} ({result['likely_range_width']:.1f})"
            if "flagged_range_covers" in result:
                likely += (
                    f"; reported {result['flagged_range_covers']:.0%} "
                    f"({result['flagged_range_width']:.1f})"
                )
        table.add_row(
            name,
            method,
            str(result["n_texts"]),
            f"{result['mean_sentences']:.1f}",
            f"{m['mean_boundary_error']:.2f}",
            f"{m['exact_share']:.0%}",
            f"{m['within_one_share']:.0%}",
            reported,
            likely,
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--max-tokens", type=int, default=512)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--n-mixed",
        type=int,
        default=300,
        help="whole human and machine articles for the mixed test's false alarms",
    )
    ap.add_argument(
        "--long",
        type=int,
        default=0,
        help="also this many long second-half splices of each kind (8-12 + 8-12 sentences)",
    )
    ap.add_argument(
        "--no-cache", action="store_true", help="read every text afresh, not through the cache"
    )
    args = ap.parse_args()
    rng = random.Random(args.seed)
    rows = make_split(args.data_dir, n_test=None).test_xsum
    humans, machines = with_sentences(rows, 0, 6), with_sentences(rows, 1, 6)
    rng.shuffle(humans)
    rng.shuffle(machines)
    # The check itself skips the sentences: each variant scores them below.
    options = DetectOptions(max_tokens=args.max_tokens, sentences=False)
    dets = variants(load_detector(None, options))
    shipped = next(iter(dets.values()))
    shipped.extractor.cache_all = not args.no_cache
    console = Console(width=170)
    report: dict = {"max_tokens": args.max_tokens, "whole_articles": {}, "splices": {}}

    # 1. Whole articles, after the ones the splices use.
    n_splice = args.n * len(SPLICES)
    whole_h = humans[n_splice : n_splice + args.n]
    whole_m = machines[n_splice : n_splice + args.n]
    texts, labels = whole_h + whole_m, [0] * len(whole_h) + [1] * len(whole_m)
    arts = check_articles([Article(text=t) for t in texts], shipped, options)
    report["whole_articles"] = whole_articles(arts, labels, dets)
    if shipped.boundary_locator() is not None:
        # The mixed test's false alarms need more articles than the sentence table.
        more_h = humans[n_splice + args.n : n_splice + args.n_mixed]
        more_m = machines[n_splice + args.n : n_splice + args.n_mixed]
        more = check_articles([Article(text=t) for t in more_h + more_m], shipped, options)
        report["whole_articles_mixed"] = mixed_rates(
            arts + more, labels + [0] * len(more_h) + [1] * len(more_m), shipped
        )
    table = Table(title="Sentence scores on whole held-out articles (DetectRL XSum)")
    for col in (
        "scores",
        "sentences",
        "AUROC",
        "human red",
        "human shaded",
        "machine red",
        "machine shaded",
    ):
        table.add_column(col)
    for name, r in report["whole_articles"].items():
        table.add_row(
            name,
            str(r["n_sentences"]),
            f"{r['sentence_auroc']:.3f}",
            *(
                f"{r[k]:.1%}"
                for k in ("human_red", "human_shaded", "machine_red", "machine_shaded")
            ),
        )
    console.print(table)
    if "whole_articles_mixed" in report:
        mixed = report["whole_articles_mixed"]
        console.print(
            f"boundary reported (mixed test) on whole held-out articles: "
            f"{mixed['human_flagged_mixed']:.1%} of {mixed['n_human']} human, "
            f"{mixed['machine_flagged_mixed']:.1%} of {mixed['n_machine']} machine "
            f"(by the ending test: {mixed['human_flagged_mixed_by_ending']:.1%} / "
            f"{mixed['machine_flagged_mixed_by_ending']:.1%}; "
            f"the article's reading alone: {mixed['human_flagged_mixed_one_stage']:.1%}"
            f" / {mixed['machine_flagged_mixed_one_stage']:.1%}; windows read a second time: "
            f"{mixed['human_read_twice']:.1%} / {mixed['machine_read_twice']:.1%})"
        )

    # 2. Splices of different stories; 3. of the same story.
    table = Table(title="Boundary of human → machine splices (held out)")
    for col in (
        "splice",
        "method",
        "texts",
        "sentences",
        "mean error",
        "exact",
        "within 1",
        "reported [sentence test / ending test] (error / middle's)",
        "in the 90% range (width)",
    ):
        table.add_column(col)
    different = list(zip(humans, machines, strict=False))
    same = same_story_pairs(args.data_dir)
    rng.shuffle(same)
    n_same = len(same) // len(SPLICES)
    for r, (regime, bounds) in enumerate(SPLICES.items()):
        for kind, pairs, aligned in (
            ("DetectRL XSum, two stories", different[r * args.n : (r + 1) * args.n], False),
            ("LLMFake, same story rewritten", same[r * n_same : (r + 1) * n_same], True),
        ):
            name = f"{regime}: {kind}"
            result = splice_errors(pairs, bounds, aligned, shipped, dets, options, rng)
            report["splices"][name] = result
            splice_rows(table, name, result)
    if args.long:
        # Longer articles, read to LONG_TOKENS tokens, on a random stream of their own.
        long_rng = random.Random(args.seed + 1)
        long_options = DetectOptions(max_tokens=LONG_TOKENS, sentences=False)
        most = LONG_SPLICE[1]
        humans_l, machines_l = with_sentences(rows, 0, most), with_sentences(rows, 1, most)
        long_rng.shuffle(humans_l)
        long_rng.shuffle(machines_l)
        same_l = [
            (h, m)
            for h, m in same_story_pairs(args.data_dir)
            if len(sentences_of(h)) >= most and len(sentences_of(m)) >= most
        ]
        long_rng.shuffle(same_l)
        for kind, pairs, aligned in (
            (
                "DetectRL XSum, two stories",
                list(zip(humans_l, machines_l, strict=False))[: args.long],
                False,
            ),
            ("LLMFake, same story rewritten", same_l[: args.long], True),
        ):
            lo, hi = LONG_SPLICE
            name = f"long second half ({lo}-{hi} + {lo}-{hi}, {LONG_TOKENS} tokens): {kind}"
            result = splice_errors(
                pairs, LONG_SPLICE, aligned, shipped, dets, long_options, long_rng
            )
            report["splices"][name] = result
            splice_rows(table, name, result)
    console.print(table)
    console.print(f"wrote {write_json_atomic(RESULTS / 'sentences.json', report)}")


if __name__ == "__main__":
    main()
