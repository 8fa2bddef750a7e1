"""Source sentences that open with a pronoun, read with the subject it stands for.

Reference texts state a fact and go on about it: "Article 5 says ... It has been invoked
once, after the attacks of 11 September 2001." Read alone, the second sentence is about
"it": it shares no term with the claim "Article 5 has been invoked once", its similarity
to the claim is low, and the checks cannot tell whose date it gives. A coreference model
would resolve every mention; what the verifier needs is narrower and can be done safely
from the parse: a sentence whose subject is its first word, a personal pronoun, or whose
subject opens with a possessive one ("Her fastest serve ..."), takes the subject of the
sentence before it, when that subject is a full noun phrase that agrees
("it": one thing, not a person; "he"/"she": a person, no title of the other sex; "they":
several). Everything else (a copular "it is ...", weather "it rained", a pronoun
antecedent) is left alone.
Taking the previous subject is centering theory's preferred reading; it is wrong when the
pronoun means that sentence's object ("The council approved the budget. It includes
..."), which is why the report shows the replacement in brackets rather than hiding it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprobe.claims.parts import FEMALE, MALE, SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PERSONAL = {"it", "he", "she", "they"}
#: An opening possessive and the personal pronoun it agrees as: "Her fastest serve was
#: clocked at 189 kph", after "Markovic saved 11 of 14 break points", is Markovic's serve.
POSSESSIVE = {"its": "it", "his": "he", "her": "she", "their": "they"}
WEATHER = {"rain", "snow", "hail", "thunder", "drizzle", "pour"}
COPULAS = {"be", "seem", "appear", "remain", "become"}


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
    """ "It is clear that ...", "it is not known what ...", "it rained", and any "it is
    ...": a copular "it" is as often the situation as the thing named before ("It was a
    costly miss"), so it is left alone."""
    head = pronoun.head
    lemma = head.lemma_.lower()
    if lemma in WEATHER or (pronoun.lower_ == "it" and lemma in COPULAS):
        return True
    clause = any(c.dep_ in ("ccomp", "csubj", "xcomp") for c in head.children)
    return clause and (lemma in COPULAS or pronoun.dep_ == "nsubjpass")


def _agrees(pronoun: str, head: Token, phrase: Span) -> bool:
    person = head.ent_type_ == "PERSON" or any(e.label_ == "PERSON" for e in phrase.ents)
    plural = head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children)
    titles = {t.lower_.rstrip(".") for t in phrase}
    if pronoun == "he":
        return person and not plural and not titles & FEMALE
    if pronoun == "she":
        return person and not plural and not titles & MALE
    if pronoun == "they":
        return plural
    return not person and not plural  # "it"


def _noun_phrase(head: Token) -> Span:
    """The subject's words, without an adverb or stray quote the parse hung on it."""
    tokens = sorted(head.subtree, key=lambda t: t.i)
    while tokens and tokens[0].pos_ in ("ADV", "PUNCT", "CCONJ") and tokens[0].i != head.i:
        tokens.pop(0)
    return head.doc[tokens[0].i : tokens[-1].i + 1]


def resolve_opening_pronoun(sent: Span, previous: Span | None) -> Resolved | None:
    """``sent`` with its opening pronoun subject replaced by ``previous``'s subject, or
    ``None`` when the sentence does not open that way or no safe antecedent is there."""
    if previous is None or len(sent) < 2:
        return None
    first = sent[0]
    word = first.lower_
    owner = first.dep_ == "poss" and first.head.dep_ in SUBJECTS and word in POSSESSIVE
    if owner:
        word = POSSESSIVE[word]
    elif word not in PERSONAL or first.dep_ not in SUBJECTS or _expletive(first):
        return None
    head = _subject(previous)
    if head is None or head.pos_ == "PRON":
        return None
    phrase = _noun_phrase(head)
    if len(phrase) > 12 or not _agrees(word, head, phrase):
        return None
    name = phrase.text
    if owner:
        # The owner by its name alone, without what a comma sets after it ("The
        # 23-year-old Markovic, seeded 14th"): "Markovic's fastest serve".
        person = next((e for e in phrase.ents if head in e), None)
        if person is None and ("," in name or word in ("he", "she")):
            return None  # "Her rival ... His campaign": whose rival is no owner's name
        name = person.text if person is not None else name
        name += "'" if word == "they" and name.endswith("s") else "'s"
    rest = sent.text[len(first.text) :]
    return Resolved(text=name + rest, shown=f"[{name}]{rest}")
