"""Source sentences that open with a pronoun, read with the subject it stands for.

Reference texts state a fact and go on about it: "Article 5 says ... It has been invoked
once, after the attacks of 11 September 2001." Read alone, the second sentence is about
"it": it shares no term with the claim "Article 5 has been invoked once", its similarity
to the claim is low, and the checks cannot tell whose date it gives. A coreference model
would resolve every mention; what the verifier needs is narrower and can be done safely
from the parse: a sentence whose subject is its first word, a personal pronoun, takes the
subject of the sentence before it, when that subject is a full noun phrase that agrees
("it": one thing, not a person; "he"/"she": a person; "they": several). Everything else
(expletive "it is clear that", weather "it rained", a pronoun antecedent) is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SUBJECTS = ("nsubj", "nsubjpass")
PERSONAL = {"it", "he", "she", "they"}
WEATHER = {"rain", "snow", "hail", "thunder", "drizzle", "pour"}


@dataclass(frozen=True, slots=True)
class Resolved:
    """A sentence with its opening pronoun replaced: ``text`` to read (parse, embed),
    ``shown`` with the replacement in square brackets, as an editor marks an insertion."""

    text: str
    shown: str


def _subject(sent: Span) -> Token | None:
    root = sent.root
    return next((t for t in root.children if t.dep_ in SUBJECTS), None)


def _expletive(pronoun: Token) -> bool:
    """ "It is clear that ...", "it seems ...", "it rained": no antecedent to find."""
    head = pronoun.head
    if head.lemma_.lower() in WEATHER:
        return True
    deps = {c.dep_ for c in head.children}
    return bool(deps & {"ccomp", "csubj", "xcomp"}) and head.lemma_.lower() in {
        "be",
        "seem",
        "appear",
        "remain",
        "become",
    }


def _agrees(pronoun: str, head: Token, phrase: Span) -> bool:
    person = head.ent_type_ == "PERSON" or any(e.label_ == "PERSON" for e in phrase.ents)
    plural = head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children)
    if pronoun in ("he", "she"):
        return person and not plural
    if pronoun == "they":
        return plural
    return not person and not plural  # "it"


def resolve_opening_pronoun(sent: Span, previous: Span | None) -> Resolved | None:
    """``sent`` with its opening pronoun subject replaced by ``previous``'s subject, or
    ``None`` when the sentence does not open that way or no safe antecedent is there."""
    if previous is None or len(sent) < 2:
        return None
    first = sent[0]
    word = first.lower_
    if word not in PERSONAL or first.dep_ not in SUBJECTS or _expletive(first):
        return None
    head = _subject(previous)
    if head is None or head.pos_ == "PRON":
        return None
    left = min(t.i for t in head.subtree)
    right = max(t.i for t in head.subtree) + 1
    phrase = head.doc[left:right]
    if len(phrase) > 12 or not _agrees(word, head, phrase):
        return None
    name = phrase.text
    rest = sent.text[len(first.text) :]
    return Resolved(text=name + rest, shown=f"[{name}]{rest}")
