import numpy as np
import pytest

from newsprobe.article import Article
from newsprobe.detect.sentences import (
    REREAD_TOKENS,
    DepthCalibration,
    fit_depth_calibration,
    reread_scores,
    score_sentences,
    sentence_windows,
    window_scores,
)
from newsprobe.eval.metrics import auroc
from newsprobe.pipeline import check_articles
from newsprobe.settings import DetectOptions


def _drifting_windows(n=2000, seed=0):
    """Window probabilities whose log-odds rise with depth for humans and machines alike,
    as a causal model's do: the class is in the offset, the drift is in the depth."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    depth = rng.integers(0, 500, n)
    z = np.where(y == 1, 1.5, -1.5) + 0.8 * np.log1p(depth) + rng.normal(0, 1.0, n)
    return 1 / (1 + np.exp(-z)), depth, y


def test_depth_calibration_removes_the_drift_with_depth():
    p, depth, y = _drifting_windows()
    cal = DepthCalibration.fit(p, depth, y)
    q = cal(p, depth)
    deep, top = depth > 250, depth < 10
    # Raw: a deep human window looks more machine-like than a top machine one.
    assert np.median(p[deep & (y == 0)]) > np.median(p[top & (y == 1)])
    # Calibrated: humans low and machines high wherever they sit.
    for where in (deep, top):
        assert np.median(q[where & (y == 0)]) < 0.5 < np.median(q[where & (y == 1)])
    assert auroc(y, q) > auroc(y, p)


def test_depth_calibration_keeps_the_order_at_every_depth_and_passes_nan():
    p, depth, y = _drifting_windows(seed=1)
    cal = DepthCalibration.fit(p, depth, y)
    grid = np.linspace(0.01, 0.99, 50)
    for d in (0, 40, 400, 10_000):
        assert np.all(np.diff(cal(grid, np.full(50, d))) > 0)
    out = cal(np.array([np.nan, 0.5]), np.array([3, 3]))
    assert np.isnan(out[0]) and 0 < out[1] < 1
    assert DepthCalibration.from_dict(cal.to_dict()) == cal


def test_a_calibration_that_would_reverse_the_detector_is_refused():
    p, depth, y = _drifting_windows(seed=2)
    with pytest.raises(ValueError, match="reverse"):
        DepthCalibration.fit(p, depth, 1 - y)


HUMAN = (
    "The council met on Tuesday night. Residents packed the hall, some standing at the "
    'back. "We were never asked," said Mary Jones, 71, who has lived on the street since '
    "1979. The plan, first floated in 2019, would close the library on Fridays. A vote is "
    "due next month."
)
MACHINE = (
    "The council meeting was an important event for the community. Many residents "
    "attended the meeting to share their views. The council discussed the plan in detail. "
    "The plan is expected to have a significant impact on the community. Overall, the "
    "meeting was a productive discussion for everyone involved."
)


def test_sentence_scores_go_through_the_detectors_depth_calibration(fit_tiny_detector):
    texts = [HUMAN, HUMAN.upper(), HUMAN[::-1], MACHINE, MACHINE * 2, MACHINE.lower()]
    labels = [0, 0, 0, 1, 1, 1]
    det = fit_tiny_detector(texts, labels)
    cal, human_scores = fit_depth_calibration(det, texts, labels, max_tokens=256)
    article = Article(text=HUMAN + " " + MACHINE)
    article.token_stats = det.extractor.stats([article.text], 256)
    article.token_stats = {m: s[0] for m, s in article.token_stats.items()}
    raw = [s.machine_probability for s in score_sentences(article, det)]
    det.sentence_calibration_ = cal.to_dict()
    fixed = [s.machine_probability for s in score_sentences(article, det)]
    _, windows = window_scores(article, det)
    expected = cal(
        np.array([p for p, _ in windows.values()]), np.array([d for _, d in windows.values()])
    )
    assert len(fixed) == len(raw) and len(windows) >= 5
    assert np.allclose([fixed[i] for i in windows], expected)
    assert not np.allclose([fixed[i] for i in windows], [raw[i] for i in windows])
    # Sentences past the scored tokens stay unscored either way.
    assert [p is None for p in fixed] == [p is None for p in raw]
    # Depths are the tokens read before each window: zero at the top, growing after.
    depths = [d for _, d in windows.values()]
    assert depths[0] == 0 and depths == sorted(depths) and depths[-1] > 0
    # The human sentence scores it returns are the calibrated human windows, sorted.
    expected_human = []
    for text in texts[:3]:
        one = Article(text=text)
        one.token_stats = {m: s[0] for m, s in det.extractor.stats([text], 256).items()}
        _, w = window_scores(one, det)
        expected_human += cal(
            np.array([p for p, _ in w.values()]), np.array([d for _, d in w.values()])
        ).tolist()
    assert human_scores == sorted(human_scores)
    assert np.allclose(human_scores, np.sort(expected_human), atol=1e-4)  # batched vs one


def test_a_reread_window_scores_as_that_text_checked_alone(fit_tiny_detector):
    """Each window read alone is what the detector says of the window's text on its own,
    calibrated at depth 0: the article above it no longer colours it."""
    texts = [HUMAN, HUMAN.upper(), HUMAN[::-1], MACHINE, MACHINE * 2, MACHINE.lower()]
    labels = [0, 0, 0, 1, 1, 1]
    det = fit_tiny_detector(texts, labels)
    (article,) = check_articles(
        [Article(text=HUMAN + " " + MACHINE)], det, DetectOptions(max_tokens=256)
    )
    _, windows, depth = sentence_windows(article, det)
    alone = reread_scores(article, det)
    assert sorted(alone) == sorted(windows) and len(alone) >= 5
    options = DetectOptions(max_tokens=REREAD_TOKENS, sentences=False)
    each = check_articles(
        [Article(text=article.text[slice(*windows[i])]) for i in alone], det, options
    )
    # Read in one padded batch against one at a time: equal up to float noise (1.4e-6 in a
    # fresh install of 2026-12-05, on the code of 2026-12-04 too), past np.allclose's 1e-5.
    checked = [a.verdict.machine_probability for a in each]
    assert np.allclose(list(alone.values()), checked, atol=1e-4)
    # The in-article reading of a deep window differs: it read the article above it.
    in_article = {i: p for i, (p, _) in window_scores(article, det)[1].items()}
    deep = [i for i in windows if depth[i] > 0]
    assert deep and not np.allclose([alone[i] for i in deep], [in_article[i] for i in deep])
    # Only the sentences asked for are read; a calibrated detector maps them at depth 0.
    cal, _ = fit_depth_calibration(det, texts, labels, max_tokens=256)
    det.sentence_calibration_ = cal.to_dict()
    some = reread_scores(article, det, [1, 3, 999])
    assert sorted(some) == [1, 3]
    assert np.allclose([some[1], some[3]], cal(np.array([alone[1], alone[3]]), np.zeros(2)))


def test_a_window_grown_by_several_sentences_is_scored_once(fit_tiny_detector, monkeypatch):
    texts = [HUMAN, HUMAN.upper(), HUMAN[::-1], MACHINE, MACHINE * 2, MACHINE.lower()]
    det = fit_tiny_detector(texts, [0, 0, 0, 1, 1, 1])
    (article,) = check_articles(
        [Article(text=HUMAN + " " + MACHINE)], det, DetectOptions(max_tokens=256)
    )
    _, windows, _ = sentence_windows(article, det)
    shared = len(windows) - len(set(windows.values()))
    assert shared > 0  # sentences of this article share windows
    expected = window_scores(article, det)
    read: list[str] = []
    from_stats = det.extractor.from_stats

    def counted(texts, stats):
        read.extend(texts)
        return from_stats(texts, stats)

    monkeypatch.setattr(det.extractor, "from_stats", counted)
    assert window_scores(article, det) == expected
    assert len(read) == len(set(read)) == len(set(windows.values()))
    read.clear()
    alone = reread_scores(article, det)
    assert sorted(alone) == sorted(windows) and len(read) == len(set(windows.values()))
    for i, j in zip(list(windows)[:-1], list(windows)[1:], strict=True):
        if windows[i] == windows[j]:
            assert alone[i] == alone[j] and expected[1][i][0] == expected[1][j][0]
