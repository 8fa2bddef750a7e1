"""The library as docs/library.md shows it: what a caller passes by habit gets a clear error."""

from __future__ import annotations

import pytest

from newsprobe import Article
from newsprobe.detect.detector import Detector
from newsprobe.errors import NewsprobeError
from newsprobe.pipeline import check_articles, verify_articles
from newsprobe.settings import DetectOptions
from sample_texts import ARTICLE


@pytest.mark.parametrize(
    ("articles", "detector", "options", "message"),
    [
        (ARTICLE, "det", None, "a list of Article objects"),
        ([ARTICLE], "det", None, "a list of Article objects"),
        ([Article(text=ARTICLE)], None, None, "detector must be a Detector"),
        ([Article(text=ARTICLE)], "det", {"fpr": 0.05}, "options must be a DetectOptions"),
    ],
)
def test_check_articles_names_what_it_takes(toy_detector, articles, detector, options, message):
    det = toy_detector if detector == "det" else detector
    with pytest.raises(TypeError, match=message):
        check_articles(articles, det, options)


@pytest.mark.parametrize("fpr", [2, 0, -0.1, "0.05"])
def test_detect_options_refuse_an_fpr_outside_zero_and_one(fpr):
    with pytest.raises(NewsprobeError, match="fpr must be a number between 0 and 1"):
        DetectOptions(fpr=fpr)


def test_verify_articles_names_the_store_it_takes(tmp_path):
    with pytest.raises(TypeError, match=r"SQLiteStore\(path\)"):
        verify_articles([Article(text=ARTICLE)], str(tmp_path / "s.sqlite"))


def test_detector_takes_texts_and_rows_as_scikit_learn_users_expect(toy_detector):
    assert Detector(models="smollm2-135m").models == ("smollm2-135m",)
    with pytest.raises(TypeError, match=r"one string \(pass \[text\]\)"):
        toy_detector.predict(ARTICLE)
    with pytest.raises(TypeError, match="texts must be strings"):
        toy_detector.predict([ARTICLE, None])
    rows = toy_detector.feature_rows([ARTICLE, ARTICLE])
    unfitted = Detector(**toy_detector.get_params())
    with pytest.raises(TypeError, match=r"det.fit\(det.feature_rows\(texts\), y\)"):
        unfitted.fit([ARTICLE, ARTICLE], [0, 1])
    with pytest.raises(ValueError, match="2 rows and 1 labels"):
        unfitted.fit(rows, [0])


def test_an_article_made_in_code_is_read_as_a_file_is(toy_detector, tmp_path):
    """``Article(text=...)`` skipped the ingest stage: a zero-width space hid in a word,
    no language was read, and the probability differed from ``check``'s."""
    from newsprobe.ingest import read_article

    text = ARTICLE.replace("Poland", "Po\u200bland") + "\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    (made,) = check_articles([Article(text=text)], toy_detector)
    (read,) = check_articles([read_article(path)], toy_detector)
    assert made.text == read.text and "\u200b" not in made.text
    assert made.language == read.language == "en"
    assert made.meta["evasion"] == read.meta["evasion"]
    assert made.meta["evasion"]["invisible_characters"] == ARTICLE.count("Poland")
    assert made.verdict.machine_probability == read.verdict.machine_probability
