"""Only text in a language the models know gets a number."""

from __future__ import annotations

from newsprobe.ingest import article_from_bytes
from newsprobe.ingest.language import detect_language, is_unsupported

POLISH = (
    "Polska zwróciła się w środę do sojuszników z NATO o konsultacje na podstawie artykułu 4 "
    "traktatu, po tym jak w nocy kilka dronów przekroczyło granicę kraju."
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
