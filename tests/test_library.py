"""The library as docs/library.md shows it: what a caller passes by habit gets a clear error."""

from __future__ import annotations

import pytest

from newsprobe import Article
from newsprobe.detect.detector import Detector
from newsprobe.errors import InputError, NewsprobeError
from newsprobe.pipeline import check_articles, verify_articles
from newsprobe.settings import DetectOptions
from sample_texts import ARTICLE, MACHINE_LIKE


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
    with pytest.raises(TypeError, match="verify_articles takes a list of Article objects"):
        verify_articles(ARTICLE, str(tmp_path / "s.sqlite"))


def test_a_store_takes_passages_with_text_and_names_what_it_refuses(tmp_path):
    from newsprobe.sources import Passage, SQLiteStore

    for text, source in (("", "e"), ("   ", "e"), ("Text.", "")):
        with pytest.raises(ValueError, match=r"must be non-empty text|must name the document"):
            Passage(text, source)
    store = SQLiteStore(tmp_path / "s.sqlite")
    with pytest.raises(TypeError, match=r"store.add\(\[passage\]\)"):
        store.add(Passage("Text.", "s"))
    with pytest.raises(TypeError, match="got str"):
        store.add(["Text."])


def test_an_article_that_cannot_be_read_is_named_by_its_place(toy_detector):
    with pytest.raises(InputError, match=r"^articles\[1\]: no text after normalization"):
        check_articles([Article(text=ARTICLE), Article(text="  ")], toy_detector)
    # A ValueError too, as a library user catching bad input expects.
    with pytest.raises(ValueError, match="no text after normalization"):
        check_articles([Article(text="  ")], toy_detector)
    with pytest.raises(TypeError, match=r"articles\[0\].text must be a str, got NoneType"):
        check_articles([Article(text=None)], toy_detector)


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
    with pytest.raises(ValueError, match="2 texts or rows and 1 labels"):
        unfitted.fit(rows, [0])
    # Labels as predict gives them; one read the wrong way round is refused, not sorted.
    texts = [ARTICLE, MACHINE_LIKE]
    assert toy_detector.score(texts, ["human", "machine"]) == toy_detector.score(texts, [0, 1])
    with pytest.raises(ValueError, match="got 'ai'"):
        toy_detector.score(texts, ["human", "ai"])
    with pytest.raises(ValueError, match="got 2"):
        unfitted.fit(rows, [0, 2])
    import pandas as pd

    from_frame = Detector(**toy_detector.get_params()).fit(pd.DataFrame(rows), [0, 1])
    assert from_frame.feature_names_  # a DataFrame of feature rows, one row a text
    # A generator is read once; an empty list is an empty answer.
    assert toy_detector.predict(t for t in texts) == toy_detector.predict(texts)
    assert toy_detector.predict_proba([]).shape == (0, 2) and toy_detector.predict([]) == []
    (made,) = check_articles((Article(text=t) for t in [ARTICLE]), toy_detector)
    assert made.verdict is not None
    # scikit-learn's clone and set_params; one feature named as a string; a typo.
    from sklearn.base import clone

    copy = clone(Detector(runtime="onnx", batch_size=8))
    assert (copy.runtime, copy.batch_size) == ("onnx", 8)
    assert "runtime='onnx'" in repr(copy.set_params(max_tokens=64)) and copy.max_tokens == 64
    assert Detector(features="loglik").features == ("loglik",)
    with pytest.raises(NewsprobeError, match="unknown feature 'logliklihood'; known: "):
        Detector(features=("logliklihood",)).fit(rows, [0, 1])
    # A rate the calibration cannot back is refused by predict as by check_articles.
    with pytest.raises(InputError, match="below what the detector's 3 human calibration"):
        toy_detector.predict(texts, fpr=0.1)


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
    # A page's markup, as a .txt file holding it is read: its story, not its tags.
    page = f"<html><head><title>Drones cross</title></head><body><p>{ARTICLE}</p></body></html>"
    (path := tmp_path / "page.txt").write_text(page, encoding="utf-8")
    (made,) = check_articles([Article(text=page)], toy_detector)
    (read,) = check_articles([read_article(path)], toy_detector)
    assert made.text == read.text and "<p>" not in made.text
    assert made.title == read.title == "Drones cross"
    assert made.verdict.machine_probability == read.verdict.machine_probability


def test_a_checked_article_is_json_as_check_prints_it(toy_detector):
    import json

    from newsprobe.report import article_json

    (art,) = check_articles([Article(text=ARTICLE)], toy_detector)
    out = json.loads(json.dumps(art.to_json(toy_detector.model_label)))
    assert out == json.loads(json.dumps(article_json(art, toy_detector.model_label)))
    assert out["label"] == art.verdict.label and art.to_json()["model"] is None
    assert "TokenStats" not in repr(art)  # no per-token arrays (thousands of characters)
    with pytest.raises(ValueError, match="not been checked"):
        Article(text=ARTICLE).to_json()


def test_the_detector_is_imported_from_the_package_as_the_docs_say():
    import newsprobe
    from newsprobe import Detector
    from newsprobe.detect.detector import Detector as Defined

    assert Detector is Defined and "Detector" in newsprobe.__all__
    with pytest.raises(AttributeError, match="no attribute 'Detectr'"):
        newsprobe.Detectr  # noqa: B018


def test_a_headline_is_shown_as_the_title_and_the_verdict_reads_the_story(toy_detector):
    """A human headline over a machine story lowered its probability: the detector was
    calibrated on stories without one. The headline stays in the text, unscored."""
    headline = "Poland asks allies for talks after drones cross border"
    (plain,) = check_articles([Article(text=ARTICLE)], toy_detector)
    (headed,) = check_articles([Article(text=f"{headline}\n\n{ARTICLE}")], toy_detector)
    assert headed.title == headline and headed.text.startswith(headline)
    assert headed.body_start == len(headline) + 2
    assert headed.verdict.machine_probability == plain.verdict.machine_probability
    assert headed.scores == plain.scores
    # The headline is a sentence of its own, with no number; the story's are the same.
    assert headed.sentences[0].machine_probability is None
    shift = headed.body_start
    assert [(s.start - shift, s.machine_probability) for s in headed.sentences[1:]] == [
        (s.start, s.machine_probability) for s in plain.sentences
    ]
    # A first line that ends as a sentence does, or one over no story, is not a headline.
    for text in (f"{headline}.\n\n{ARTICLE}", f"{headline}\n\nDrones crossed the border."):
        (art,) = check_articles([Article(text=text)], toy_detector)
        assert art.title is None and art.body_start == 0


def test_train_on_rows_names_what_it_takes(tmp_path):
    """docs/library.md's recipe: labelled_rows gives (rows, excluded); passing the pair
    whole failed deep inside with "'list' object has no attribute 'label'"."""
    from newsprobe.eval.inputs import labelled_rows
    from newsprobe.eval.training import train_on_rows

    data = tmp_path / "mine.jsonl"
    data.write_text(
        '{"text": "Poland joined NATO in 1999.", "label": "human"}\n'
        '{"text": "Sweden joined NATO in 2024.", "label": "machine"}\n',
        encoding="utf-8",
    )
    pair = labelled_rows([str(data)])
    with pytest.raises(TypeError, match="unpack labelled_rows"):
        train_on_rows(pair)
    rows, _ = pair
    with pytest.raises(NewsprobeError, match="fpr must be between 0 and 1"):
        train_on_rows(rows, fpr=0)
