import numpy as np
import pytest

from newsprobe.article import Article, SentenceScore
from newsprobe.detect.boundary import (
    BOUNDARY_LEVEL,
    ENDING_WORDS,
    MIN_SENTENCES,
    BoundaryLocator,
    change_point,
    credible_range,
    ending_start,
    fit_locator,
    locate_boundary,
    mixed_evidence,
    split_posterior,
)
from newsprobe.detect.detector import Detector
from newsprobe.detect.sentences import fit_depth_calibration
from newsprobe.detect.style import SentenceStyle, style_features
from newsprobe.pipeline import check_articles
from newsprobe.settings import DetectOptions
from sample_texts import ARTICLE, ASSISTANT, MACHINE_LIKE, REPORTER


@pytest.fixture(scope="module")
def style() -> SentenceStyle:
    return SentenceStyle(C=1.0, min_count=1).fit(
        REPORTER + ASSISTANT, [0] * len(REPORTER) + [1] * len(ASSISTANT)
    )


def test_change_point_finds_a_rise_and_weighs_splits_near_the_ends():
    k, stat = change_point([-1.0] * 4 + [1.0] * 5)
    assert k == 4 and stat > 0
    # The same rise, later: found there too.
    assert change_point([-1.0] * 7 + [1.0] * 2)[0] == 7
    # A fall is no human-to-machine turn: the best "rise" is not positive.
    assert change_point([1.0] * 4 + [-1.0] * 4)[1] <= 0
    # A flat article has no rise at all.
    assert change_point([0.3] * 8)[1] == pytest.approx(0.0)
    assert change_point([0.5]) == (0, float("-inf"))
    # One outlier at an end gives a smaller statistic than a rise in the middle.
    assert change_point([0.0] * 8 + [2.0])[1] < change_point([0.0] * 4 + [2.0] * 5)[1]


def test_the_split_posterior_is_sure_of_a_clear_turn_and_unsure_of_a_faint_one():
    clear = split_posterior([-2.0] * 4 + [2.0] * 5, noise=1.0)
    assert clear.sum() == pytest.approx(1.0) and len(clear) == 8
    assert int(np.argmax(clear)) + 1 == 4 and clear[3] > 0.99
    assert credible_range(clear, 0.9) == (4, 4)
    # The same turn in noisier evidence: spread over the neighbouring splits.
    faint = split_posterior([-2.0] * 4 + [2.0] * 5, noise=6.0)
    assert faint.argmax() == 3 and faint[3] < 0.5 and min(faint[2], faint[4]) > 0.1
    low, high = credible_range(faint, 0.9)
    assert low < 4 < high and faint[low - 1 : high].sum() >= 0.9
    # Only rises count: a split where the evidence falls gets no probability.
    falls_then_rises = split_posterior([1.0, -1.0, -1.0, 1.0, 1.0, 1.0], noise=0.5)
    assert falls_then_rises[0] == 0.0 and int(np.argmax(falls_then_rises)) + 1 == 3
    # An article that only falls still gets a posterior (every split then counts).
    assert split_posterior([1.0] * 3 + [-1.0] * 3, noise=1.0).sum() == pytest.approx(1.0)
    with pytest.raises(ValueError, match="positive"):
        split_posterior([0.0, 1.0], noise=0.0)
    # Of equally short runs, the one holding most.
    assert credible_range([0.1, 0.45, 0.45], 0.5) == (2, 3)
    assert credible_range([0.4, 0.1, 0.5], 0.5) == (3, 3)


def test_the_mixed_test_weighs_a_rise_against_noise():
    rng = np.random.default_rng(0)
    flat = rng.normal(0.0, 1.0, 10)
    turn = flat + np.r_[np.zeros(5), np.full(5, 3.0)]
    assert mixed_evidence(turn, noise=1.0) > mixed_evidence(flat, noise=1.0) + 5
    # The same rise in noisier evidence says less; a longer run of it says more.
    assert mixed_evidence(turn, noise=4.0) < mixed_evidence(turn, noise=1.0)
    longer = np.r_[turn[:5], turn[:5], turn[5:], turn[5:]]
    assert mixed_evidence(longer, noise=1.0) > mixed_evidence(turn, noise=1.0)
    # Evidence that only falls is no human-to-machine turn.
    assert mixed_evidence([1.0, 0.5, 0.0, -0.5], noise=1.0) == float("-inf")


def test_sentence_style_reads_assistant_prose_as_machine(style):
    held_out_reporter = 'The mayor said on Monday that 40 homes had been flooded, "and more".'
    held_out_assistant = "Furthermore, the initiative highlights the significant challenges."
    human, machine = style.decision_function([held_out_reporter, held_out_assistant])
    assert machine > 0 > human
    # Its features are function words, punctuation and tag n-grams, never content words.
    names = set().union(*style_features([held_out_assistant]))
    assert "w=furthermore" in names and not any(n.startswith("w=initiative") for n in names)
    assert any(n.startswith("t3=") for n in names)
    again = SentenceStyle.from_dict(style.to_dict())
    assert np.allclose(again.decision_function(ASSISTANT), style.decision_function(ASSISTANT))


def test_sentence_style_needs_both_labels():
    with pytest.raises(ValueError, match="both labels"):
        SentenceStyle(min_count=1).fit(REPORTER, [0] * len(REPORTER))
    with pytest.raises(ValueError, match="not fitted"):
        SentenceStyle().decision_function(REPORTER)


def _article(sentences: list[str], proba: list[float | None]) -> Article:
    text, spans, pos = "", [], 0
    for s in sentences:
        spans.append((pos, pos + len(s)))
        text += s + " "
        pos = len(text)
    article = Article(text=text)
    article.sentences = [
        SentenceScore(start=a, end=b, machine_probability=p)
        for (a, b), p in zip(spans, proba, strict=True)
    ]
    return article


def _whole_articles(rng: np.random.Generator, n: int = 40):
    """Whole human and whole machine articles with noisy window probabilities."""
    arts, labels = [], []
    for i in range(n):
        label = i % 2
        pool = ASSISTANT if label else REPORTER
        sents = [pool[j] for j in rng.permutation(len(pool))]
        p = np.clip(rng.normal(0.7 if label else 0.3, 0.15, len(sents)), 0.01, 0.99)
        arts.append(_article(sents, p.tolist()))
        labels.append(label)
    return arts, labels


def test_the_locator_finds_the_turn_and_keeps_quiet_on_human_news(style):
    rng = np.random.default_rng(0)
    arts, labels = _whole_articles(rng)
    locator = BoundaryLocator.fit(style, arts, labels, fpr=0.05)
    assert locator.window > 0 and locator.style_weight > 0 and np.isfinite(locator.cutoff)
    # The noise is the evidence's spread within whole articles, widened for neighbours
    # that share windows: at least the plain within-article variance.
    within = [
        np.var(
            locator.evidence(
                [a.text[s.start : s.end] for s in a.sentences],
                [s.machine_probability for s in a.sentences],
            ),
            ddof=1,
        )
        for a in arts
    ]
    assert locator.noise is not None and locator.noise >= 0.9 * np.mean(within)
    det = Detector()
    det.boundary_ = locator.to_dict()
    assert BoundaryLocator.from_dict(det.boundary_).to_dict() == locator.to_dict()
    # At most the stated share of the human articles it was set on get a boundary.
    human = [a for a, y in zip(arts, labels, strict=True) if y == 0]
    assert np.mean([locate_boundary(a, det) is not None for a in human]) <= 0.05
    # A human article whose last four sentences a chat model wrote: found at the join.
    mixed = _article(REPORTER[:4] + ASSISTANT[:4], [0.3, 0.25, 0.35, 0.3, 0.6, 0.7, 0.65, 0.7])
    b = locate_boundary(mixed, det)
    assert b is not None and b.sentence == 4 and b.start == mixed.sentences[4].start
    assert b.statistic > b.cutoff == locator.cutoff and b.fpr_target == 0.05
    assert b.likely_range is not None and b.likely_range[0] <= 4 <= b.likely_range[1]
    assert b.likely_level == BOUNDARY_LEVEL
    # A locator saved before the noise was measured: the largest rise, and no range.
    old = {k: v for k, v in locator.to_dict().items() if k != "noise"}
    det.boundary_ = old
    b = locate_boundary(mixed, det)
    assert b is not None and b.sentence == 4 and b.likely_range is None is b.likely_level
    det.boundary_ = locator.to_dict()
    # Sentences past the scored window end the run; too few scored gives no answer.
    cut = _article(REPORTER[:2] + ASSISTANT[:4], [0.3, 0.3, 0.7, None, 0.9, 0.9])
    assert MIN_SENTENCES > 3 and locate_boundary(cut, det) is None
    # A detector without a locator reports none.
    assert locate_boundary(mixed, Detector()) is None


def test_evidence_that_points_the_wrong_way_is_refused(style):
    arts, labels = _whole_articles(np.random.default_rng(1))
    with pytest.raises(ValueError, match="towards 'machine'"):
        BoundaryLocator.fit(style, arts, [1 - y for y in labels])


def test_the_locator_is_saved_with_the_detector_and_cleared_by_a_refit(
    fit_tiny_detector, style, tmp_path
):
    texts = [ARTICLE, ARTICLE.upper(), ARTICLE[::-1], MACHINE_LIKE, MACHINE_LIKE * 2]
    det = fit_tiny_detector(texts, [0, 0, 0, 1, 1])
    arts, labels = _whole_articles(np.random.default_rng(2))
    det.boundary_ = BoundaryLocator.fit(style, arts, labels).to_dict()
    again = Detector.load(det.save(tmp_path / "det.json"))
    assert again.boundary_locator().to_dict() == det.boundary_locator().to_dict()
    again.fit(again.feature_rows(texts), [0, 0, 0, 1, 1])
    assert again.boundary_ is None and again.boundary_locator() is None


def test_fit_locator_reads_whole_articles_through_the_detector(fit_tiny_detector):
    """The training path: style from the sentences of some articles, weights and cut-off
    from the detector's own sentence scores on others, then a mixed article located."""

    rng = np.random.default_rng(3)

    def article(pool: list[str]) -> str:
        return " ".join(pool[j] for j in rng.permutation(len(pool)))

    texts = [article(REPORTER) for _ in range(6)] + [article(ASSISTANT) for _ in range(6)]
    labels = [0] * 6 + [1] * 6
    det = fit_tiny_detector(texts, labels)
    cal, _ = fit_depth_calibration(det, texts, labels, max_tokens=512)
    det.sentence_calibration_ = cal.to_dict()
    locator = fit_locator(
        det, texts, labels, texts, labels, max_tokens=512, fpr=0.2, prescreen_share=0.5
    )
    assert locator.window > 0 and locator.style_weight > 0 and locator.fpr == 0.2
    det.boundary_ = locator.to_dict()
    mixed = " ".join(REPORTER[:4] + ASSISTANT[:4])
    (checked,) = check_articles([Article(text=mixed)], det, DetectOptions(max_tokens=512))
    assert checked.boundary is not None and checked.boundary.sentence == 4
    # The split noise of the evidence with each window also read alone: measured, saved.
    assert locator.reread_noise is not None and locator.reread_noise > 0
    assert BoundaryLocator.from_dict(det.boundary_).reread_noise == locator.reread_noise
    # ... and the two-stage test's cut-offs, on the same human articles.
    assert locator.two_stage and np.isfinite(locator.prescreen + locator.reread_cutoff)
    loaded = BoundaryLocator.from_dict(det.boundary_)
    assert (loaded.prescreen, loaded.reread_cutoff) == (locator.prescreen, locator.reread_cutoff)
    with pytest.raises(ValueError, match="prescreen_share"):
        fit_locator(det, texts, labels, texts, labels, max_tokens=512, fpr=0.2)
    quick = fit_locator(det, texts, labels, texts, labels, max_tokens=512, fpr=0.2, reread=False)
    assert quick.reread_noise is None and "reread_noise" not in quick.to_dict()
    assert not quick.two_stage and "prescreen" not in quick.to_dict()


def test_the_split_reads_the_windows_alone_once_the_test_has_passed(style, monkeypatch):
    """A locator without the two-stage cut-offs tests the article's own pass; the split,
    only once that test has passed, the mean of both readings' log-odds under the noise
    measured for it."""
    import newsprobe.detect.sentences as sentences

    arts, labels = _whole_articles(np.random.default_rng(0))
    locator = BoundaryLocator.fit(style, arts, labels, fpr=0.05)
    # One style throughout, so that only the window readings place the turn.
    mixed = _article(REPORTER[:4] * 2, [0.1] * 4 + [0.9] * 4)
    texts = [mixed.text[s.start : s.end] for s in mixed.sentences]
    proba = [s.machine_probability for s in mixed.sentences]
    # Read alone, the first two "machine" sentences look human: the turn moves to 6.
    alone = [1e-4] * 6 + [0.9999] * 2
    read: list[list[int]] = []

    def fake_reread(article, detector, wanted, *args, **kwargs):
        read.append(list(wanted))
        return {i: alone[i] for i in wanted if i != 7}  # the last window could not be read

    monkeypatch.setattr(sentences, "reread_scores", fake_reread)
    det = Detector()
    det.boundary_ = locator.to_dict()
    assert locate_boundary(mixed, det).sentence == 4 and not read  # not fitted with it
    locator.reread_noise = locator.noise
    det.boundary_ = locator.to_dict()
    b = locate_boundary(mixed, det)
    assert read == [list(range(8))]
    both = locator.reread_evidence(texts, proba, {i: alone[i] for i in range(7)})
    assert b.sentence == locator.split(both, locator.reread_noise)[0] == 6
    assert b.statistic == locator.statistic(locator.evidence(texts, proba))
    # The unread window kept the article's reading; the others are the mean log-odds.
    single = locator.evidence(texts, proba)
    assert both[7] == pytest.approx(single[7])
    mean = 1 / (1 + np.exp(-(np.log(0.9 / 0.1) + np.log(0.9999 / 1e-4)) / 2))
    assert both[6] == pytest.approx(locator.evidence(texts[6:7], [mean])[0])
    # A human article never reaches the second reading.
    read.clear()
    human = [a for a, y in zip(arts, labels, strict=True) if y == 0]
    quiet = [a for a in human if locate_boundary(a, det) is None]
    assert quiet and len(read) == len(human) - len(quiet)


def test_the_two_stage_test_decides_on_the_windows_read_alone(style, monkeypatch):
    """Past the prescreen, the Bayes factor of the averaged evidence decides: a turn the
    windows read alone confirm is reported with that statistic and cut-off, one they do not
    is not; below the prescreen nothing is read a second time."""
    import newsprobe.detect.sentences as sentences

    arts, labels = _whole_articles(np.random.default_rng(0))
    locator = BoundaryLocator.fit(style, arts, labels, fpr=0.05)
    locator.reread_noise = locator.noise
    mixed = _article(REPORTER[:4] * 2, [0.1] * 4 + [0.9] * 4)
    texts = [mixed.text[s.start : s.end] for s in mixed.sentences]
    proba = [s.machine_probability for s in mixed.sentences]
    first = locator.statistic(locator.evidence(texts, proba))
    alone: list[float] = []
    read: list[list[int]] = []

    def fake_reread(article, detector, wanted, *args, **kwargs):
        read.append(list(wanted))
        return {i: alone[i] for i in wanted}

    monkeypatch.setattr(sentences, "reread_scores", fake_reread)
    det = Detector()
    confirmed = locator.reread_evidence(texts, proba, dict(enumerate([1e-4] * 4 + [0.9999] * 4)))
    flat = locator.reread_evidence(texts, proba, dict(enumerate([0.5] * 8)))
    locator.prescreen = first - 1.0
    # The second cut-off between what the two readings say.
    locator.reread_cutoff = (
        locator.reread_statistic(flat) + locator.reread_statistic(confirmed)
    ) / 2
    assert locator.two_stage and locator.needs_reread(first)
    det.boundary_ = locator.to_dict()
    alone[:] = [1e-4] * 4 + [0.9999] * 4
    b = locate_boundary(mixed, det)
    assert b is not None and b.sentence == 4 and read == [list(range(8))]
    assert b.statistic == locator.reread_statistic(confirmed) > b.cutoff == locator.reread_cutoff
    alone[:] = [0.5] * 8
    assert locate_boundary(mixed, det) is None and len(read) == 2
    # Below the prescreen: not mixed, and no second reading.
    locator.prescreen = first + 1.0
    det.boundary_ = locator.to_dict()
    assert not locator.needs_reread(first)
    assert locate_boundary(mixed, det) is None and len(read) == 2


def test_the_ending_is_the_last_sentences_holding_enough_words():
    short = ["one two three four five."] * (2 * ENDING_WORDS // 5 - 1)
    assert ending_start(short) is None  # the ending would repeat the verdict's reading
    long = ["one two three four five."] * (2 * ENDING_WORDS // 5 + 3)
    first = ending_start(long)
    assert first == len(long) - ENDING_WORDS // 5
    assert sum(len(t.split()) for t in long[first:]) >= ENDING_WORDS


def test_the_ending_test_finds_a_turn_the_sentence_test_misses(style, monkeypatch):
    """Beside the two-stage test: an article whose verdict is human and whose ending, read
    alone, passes the ending cut-off is mixed ("ending" test, the ending's log-odds as the
    statistic), split on both readings; a machine verdict or a human-reading ending is not."""
    import newsprobe.detect.boundary as boundary
    import newsprobe.detect.sentences as sentences
    from newsprobe.article import Verdict

    arts, labels = _whole_articles(np.random.default_rng(0))
    locator = BoundaryLocator.fit(style, arts, labels, fpr=0.05)
    locator.reread_noise = locator.noise
    # One reading that shows no turn: the sentence test stops at its prescreen.
    sents = (REPORTER * 4)[:16]
    flat = _article(sents, [0.3] * 16)
    texts = [flat.text[s.start : s.end] for s in flat.sentences]
    first = locator.statistic(locator.evidence(texts, [0.3] * 16))
    locator.prescreen, locator.reread_cutoff, locator.ending_cutoff = first + 1, first + 2, 1.0
    assert ending_start(texts) is not None
    read_alone: list[int] = []

    def fake_reread(article, detector, wanted, *args, **kwargs):
        read_alone.append(1)
        return {i: 1e-4 if i < 10 else 0.9999 for i in wanted}

    endings: list[str] = []
    logit = [3.0]

    def fake_endings(texts_, detector, stats_of=None):
        endings.extend(texts_)
        return np.array(logit)

    monkeypatch.setattr(sentences, "reread_scores", fake_reread)
    monkeypatch.setattr(boundary, "ending_logits", fake_endings)
    det = Detector()
    det.threshold_ = 0.5
    det.boundary_ = locator.to_dict()
    flat.verdict = Verdict("human", 0.1, 0.5, 0.01)
    b = locate_boundary(flat, det)
    assert b is not None and b.test == "ending" and (b.statistic, b.cutoff) == (3.0, 1.0)
    assert endings == [" ".join(texts[ending_start(texts) :])] and read_alone == [1]
    assert b.sentence == 10  # placed by the windows read alone
    logit[0] = 0.5  # the ending reads human: no turn, and no second reading
    assert locate_boundary(flat, det) is None and read_alone == [1]
    logit[0] = 3.0
    flat.verdict = Verdict("machine", 0.9, 0.5, 0.01)  # the head reads machine: not asked
    n_asked = len(endings)
    assert locate_boundary(flat, det) is None and len(endings) == n_asked
    # Saved and loaded with the locator; a locator without it never asks.
    assert BoundaryLocator.from_dict(locator.to_dict()).ending_cutoff == 1.0
    locator.ending_cutoff = None
    det.boundary_ = locator.to_dict()
    flat.verdict = Verdict("human", 0.1, 0.5, 0.01)
    assert locate_boundary(flat, det) is None and len(endings) == n_asked
    assert "ending_cutoff" not in locator.to_dict()


def test_the_two_tests_share_the_human_articles_false_alarms():
    """With the ending test beside it, the sentence test's cut-off passes half of ``fpr``
    of the human articles, and the ending's cut-off fills the union up to ``fpr``."""
    from newsprobe.detect.boundary import _set_two_stage

    rng = np.random.default_rng(1)
    n = 200
    first = rng.normal(size=n).tolist()
    evidence = [np.array([0.0, 0.0, 1.0, float(x)]) for x in rng.normal(size=n)]
    endings = rng.normal(size=n).tolist()
    human = [True] * n
    locator = BoundaryLocator(SentenceStyle(), 1.0, 1.0, 0.0, 0.0, 0.1, 1.0, 1.0)
    _set_two_stage(locator, first, evidence, human, 0.5, endings)
    second = [
        locator.reread_statistic(e) if f > locator.prescreen else -np.inf
        for f, e in zip(first, evidence, strict=True)
    ]
    by_sentences = np.array(second) > locator.reread_cutoff
    by_ending = np.array(endings) > locator.ending_cutoff
    assert 0 < by_sentences.mean() <= 0.05
    assert 0.05 < (by_sentences | by_ending).mean() <= 0.1
    # Too few human articles given the ending test: no cut-off rather than a guess.
    _set_two_stage(locator, first, evidence, human, 0.5, [-np.inf] * (n - 5) + [1.0] * 5)
    assert locator.ending_cutoff is None


def test_an_ending_the_window_never_read_is_read_and_the_turn_located(
    style, toy_detector, monkeypatch
):
    """A human lead in front of a machine story hid it: the verdict reads ~100 words, so
    no sentence score reached the story. The article's own ending is read alone; where it
    would be flagged at the verdict's threshold, the sentences are scored further and the
    turn located ("ending" test, the verdict's threshold and rate); else nothing more is
    read. An ending the scored sentences reach is left to their own tests, and one whose
    style reads human is not read."""
    import newsprobe.detect.boundary as boundary
    from newsprobe.pipeline import FURTHER_TOKENS

    det = Detector.from_dict(toy_detector.to_dict())
    det.boundary_ = BoundaryLocator(style, 1e-3, 1.0, 0.0, cutoff=50.0, fpr=0.05).to_dict()
    det.calibration_scores_ = [0.9] * 100  # its start reads human (the tiny model's 0.17)
    long = ARTICLE + " " + " ".join(REPORTER + ASSISTANT)
    endings: list[str] = []
    logit = [9.0]

    def fake_endings(texts, detector, stats_of=None):
        endings.extend(texts)
        return np.array(logit * len(texts))

    monkeypatch.setattr(boundary, "ending_logits", fake_endings)
    (plain,) = check_articles([Article(text=long)], det)
    assert plain.verdict.label == "human"  # read on its start, as before
    (art,) = check_articles([Article(text=long)], det)
    assert len(endings) == 2 and endings[0].endswith(ASSISTANT[-1])
    b = art.boundary
    assert b is not None and b.test == "ending" and b.statistic == 9.0
    assert b.fpr_target == art.verdict.fpr_target != det.boundary_locator().fpr
    assert b.cutoff == pytest.approx(np.log(art.verdict.threshold / (1 - art.verdict.threshold)))
    scored = [s for s in art.sentences if s.machine_probability is not None]
    assert len(scored) > 5 and max(len(t) for t in art.token_stats.values()) <= FURTHER_TOKENS
    assert art.verdict.machine_probability == plain.verdict.machine_probability
    logit[0] = -9.0  # the ending reads human: no turn, nothing scored further
    (calm,) = check_articles([Article(text=long)], det)
    assert calm.boundary is None
    assert sum(s.machine_probability is not None for s in calm.sentences) < len(scored)
    n_read = len(endings)
    (short,) = check_articles([Article(text=ARTICLE)], det)
    assert short.boundary is None and len(endings) == n_read  # no unread ending
    # An ending in a reporter's style is not read: the style model screens it first.
    (reported,) = check_articles(
        [Article(text=ARTICLE + " " + " ".join(ASSISTANT + REPORTER))], det
    )
    assert reported.boundary is None and len(endings) == n_read
    logit[0] = 9.0  # asked not to read it: not read (check --no-read-ending)
    (fast,) = check_articles([Article(text=long)], det, DetectOptions(read_ending=False))
    assert fast.boundary is None and len(endings) == n_read
