"""Only text in a language the models know gets a number."""

from __future__ import annotations

from newsprobe.ingest import article_from_bytes
from newsprobe.ingest.language import detect_language, is_unsupported

POLISH = (
    "Polska zwróciła się w środę do sojuszników z NATO o konsultacje na podstawie artykułu 4 "
    "traktatu, po tym jak w nocy kilka dronów przekroczyło granicę kraju."
)
#: News in Chinese, which py3langid splits between Mandarin and Wu (0.76 / 0.24).
CHINESE = (
    "国家统计局周三公布的数据显示，今年前十个月全国规模以上工业企业利润同比增长百分之三点五，"
    "其中装备制造业利润增长较快。分析人士表示，随着稳增长政策持续发力，工业生产有望继续保持平稳运行。"
)
ENGLISH = (
    "Poland asked NATO allies on Wednesday to hold consultations under Article 4 of the "
    "treaty, after several drones crossed into its airspace overnight."
)


def test_languages_are_identified_with_confidence() -> None:
    assert detect_language(ENGLISH)[0] == "en"
    lang, conf = detect_language(POLISH)
    assert lang == "pl" and conf > 0.9
    assert is_unsupported(lang, conf)
    assert not is_unsupported("en", 1.0)


def test_too_little_text_is_not_judged_unsupported() -> None:
    assert detect_language("970x125 OK") == (None, 0.0)
    article = article_from_bytes(b"Tusk: tak.")
    assert not is_unsupported(article.language, article.meta["language_confidence"])


def test_article_carries_its_language() -> None:
    article = article_from_bytes(POLISH.encode())
    assert article.language == "pl"
    assert article.meta["language_confidence"] > 0.9


def test_a_language_split_between_close_relatives_is_still_not_english(toy_detector) -> None:
    from newsprobe.ingest.language import _identifier
    from newsprobe.pipeline import check_articles

    top, share = _identifier().classify(CHINESE)
    assert top == "zh" and share < 0.9
    lang, conf = detect_language(CHINESE)
    assert lang == "zh" and conf > 0.999 and is_unsupported(lang, conf)
    (checked,) = check_articles([article_from_bytes(CHINESE.encode())], toy_detector)
    assert checked.verdict.label == "unsupported_language"
    assert checked.verdict.machine_probability is None and "'zh'" in checked.verdict.reason
    # Case says nothing of the language: a record in capitals with a few mixed-case words
    # spreads the cased posterior thin over every language; in lower case it is English.
    record = (
        "BILL: HB2107 SHORT TITLE: SCHOOL BUS SAFETY BILL VERSION: CSHB 2107(FIN) AM H "
        "CURRENT STATUS: CHAPTER 3 4SSLA 09 STATUS DATE: 04/12/09 SPONSOR(S): RULES BY "
        "REQUEST OF THE GOVERNORBill Number:Jrn-Date Jrn-Page Action 03/09/09 2145 (H) READ "
        "THE FIRST TIME - REFERRALS 03/09/09 2145 (H) FIN 03/09/09"
    )
    assert max(p for _, p in _identifier().rank(record)) < 0.1
    for text in (ENGLISH, record):
        lang, conf = detect_language(text)
        assert lang == "en" and conf > 0.9 and not is_unsupported(lang, conf)


MORE_ENGLISH = (
    "The foreign minister told reporters that the government wanted allies to see the "
    "debris for themselves, and that the army had been put on alert along the border."
)
STILL_ENGLISH = (
    "Officials in Brussels confirmed that ambassadors would meet on Thursday morning, and "
    "a spokesman said the alliance stood ready to help its member."
)
MORE_POLISH = (
    "Minister spraw zagranicznych powiedział dziennikarzom, że rząd chce, aby sojusznicy "
    "sami zobaczyli szczątki, a wojsko zostało postawione w stan gotowości przy granicy."
)
SPANISH = (
    "Los funcionarios prometieron un informe en unas semanas, y la alcaldesa dijo que se "
    "reunirá con los comerciantes el viernes para escuchar sus preocupaciones."
)


def test_a_text_mixing_languages_says_how_much_of_each(toy_detector) -> None:
    """One posterior for the whole text hides a mix: it is read paragraph by paragraph."""
    from rich.console import Console

    from newsprobe.pipeline import check_articles
    from newsprobe.report.json import article_json
    from newsprobe.report.terminal import render_article

    english = "\n\n".join([ENGLISH, MORE_ENGLISH, STILL_ENGLISH])
    english_first = f"{english}\n\n{SPANISH}"
    mostly_polish = f"{POLISH}\n\n{MORE_POLISH}\n\n{ENGLISH}"
    one_language = english
    en, pl, plain = check_articles(
        [article_from_bytes(t.encode()) for t in (english_first, mostly_polish, one_language)],
        toy_detector,
    )
    assert en.language == "en" and en.verdict.machine_probability is not None
    assert list(en.meta["languages"]) == ["en", "es"] and 0.2 < en.meta["languages"]["es"] < 0.4
    assert article_json(en)["languages"] == en.meta["languages"]
    console = Console(record=True, width=300, color_system=None)
    render_article(en, "toy", console)
    out = " ".join(console.export_text().replace("\u2502", " ").split())
    assert "part of the text is in another language (" in out and "in 'es'):" in out
    assert pl.verdict.label == "unsupported_language"
    assert pl.verdict.reason.startswith("text is mostly in 'pl' (")
    assert "'en' of its paragraphs" in pl.verdict.reason
    assert "languages" not in plain.meta and "languages" not in article_json(plain)
