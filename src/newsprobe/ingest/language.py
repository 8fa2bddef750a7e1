"""Which language an article is in, so a verdict is given only where the models apply.

The default models and the fitted combiner know English news; their numbers on Polish or
Spanish text are confident-looking noise. py3langid (97 languages, model shipped in the
wheel) is small and fast enough to run on every article.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

#: Languages the shipped detector was fitted and calibrated on.
SUPPORTED_LANGUAGES = frozenset({"en"})
#: Below this many letters, language identification is a guess; we do not decide.
MIN_LETTERS = 40
#: Posterior a non-English label needs before a text is called unsupported.
MIN_CONFIDENCE = 0.9
#: A second language holding this share of a text's letters makes it mixed.
MIXED_SHARE = 0.15


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid import langid

    return langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float]:
    """``(ISO 639-1 code, posterior)`` of the likeliest language, or ``(None, 0.0)`` when
    the text is too short.

    For a language the detector does not cover, the posterior is that of all such
    languages together: whether a verdict may be given depends on whether the text could
    be English, not on which of two close languages it is. Chinese news splits its
    posterior between ``zh`` and ``wuu`` (0.77 / 0.23) and gives English 1e-35. The text is
    read in lower case: case says nothing of the language, and a legislative record in
    capitals with a few mixed-case words ("GOVERNORBill Number:Jrn-Date") spread the
    posterior thin over every language (Volapük first at 0.09, English 0.01; in lower case
    English 0.997).
    """
    sample = text[:5000]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None, 0.0
    ranked = _identifier().rank(sample.lower())
    lang, prob = ranked[0]
    if lang not in SUPPORTED_LANGUAGES:
        prob = 1.0 - sum(p for code, p in ranked if code in SUPPORTED_LANGUAGES)
    return str(lang), float(prob)


def is_unsupported(language: str | None, confidence: float) -> bool:
    """True only when we are confident the text is in a language the models do not cover."""
    return (
        language is not None
        and language not in SUPPORTED_LANGUAGES
        and confidence >= MIN_CONFIDENCE
    )


def language_shares(text: str) -> dict[str, float]:
    """The share of the text's letters in each language, read paragraph by paragraph, when
    two or more languages each hold ``MIXED_SHARE`` of it; else ``{}``.

    One posterior for the whole text says "es, 1.00" of an article that is two-fifths
    English, and nothing of an English story with a Spanish passage: paragraphs are each
    in one language. A paragraph under ``MIN_LETTERS`` letters or below ``MIN_CONFIDENCE``
    counts as unknown. On the 11,707 human texts of ``../shared/data`` cut into paragraphs
    of two sentences, one was mixed (a story with German dialogue).
    """
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    if len(paragraphs) < 2:
        paragraphs = [p for p in text.split("\n") if p.strip()]
    if len(paragraphs) < 2:
        return {}
    letters: Counter[str] = Counter()
    for paragraph in paragraphs:
        n = sum(ch.isalpha() for ch in paragraph)
        # Names say little of a language: a list of stations ("Hamburg Hauptbahnhof -
        # Köln Messe/Deutz") reads German to py3langid; prose has lower-case words.
        if n < MIN_LETTERS or sum(w[:1].islower() for w in paragraph.split()) < 4:
            letters["?"] += n
            continue
        lang, prob = _identifier().classify(paragraph.lower())
        letters[str(lang) if prob >= MIN_CONFIDENCE else "?"] += n
    total = sum(letters.values())
    shares = {k: v / total for k, v in letters.most_common() if k != "?"}
    if sum(share >= MIXED_SHARE for share in shares.values()) < 2:
        return {}
    return {k: round(v, 2) for k, v in shares.items() if v >= 0.01}
