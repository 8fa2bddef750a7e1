"""Names said to belong to a named group, and groups a text lists whole.

"Poland, a Baltic state on NATO's eastern flank, ..." says in passing that Poland is one of
the Baltic states. No passage about Poland refutes that: a reference text refutes it by
listing the group ("Estonia, Latvia and Lithuania, the three Baltic states"), and Poland is
not on the list. So the claim side reads a :class:`Membership` with one member (the name an
indefinite "a Baltic state" is said of), the source side a list with the definite article
("the Baltic states, Estonia, Latvia and Lithuania"), and ``verify.memberships`` finds the
list by the group's name.

Only groups named by a proper modifier and a noun of a kind of state or member count
("Baltic state", "Nordic country", "G7 member", "NATO ally"): "a country of 38 million" or
"a Polish politician" name no list a source would give whole. A list introduced by
"including", "such as" or "other" is open, and not read as the whole group.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprobe.claims.model import Membership
from newsprobe.claims.numbers import number_value

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: The group nouns read, each with the kind it names: "Baltic states" and "Baltic
#: countries" are one group.
GROUP_NOUNS = {
    "state": "country",
    "country": "country",
    "nation": "country",
    "republic": "republic",
    "kingdom": "kingdom",
    "monarchy": "monarchy",
    "member": "member",
    "ally": "ally",
    "island": "island",
    "economy": "economy",
}
MEMBER_LABELS = {"GPE", "LOC", "ORG", "NORP"}
OPEN_WORDS = {"other", "such", "including", "like", "among", "several", "some", "many"}
INDEFINITE = {"a", "an"}


def group_key(noun: Token) -> tuple[str, str] | None:
    """The group a noun names, as (key, words as written): ("baltic country", "Baltic
    state") for "a Baltic state on NATO's eastern flank"; None for a noun of another kind,
    one without a proper modifier, or an open group ("other Baltic states")."""
    kind = GROUP_NOUNS.get(noun.lemma_.lower())
    if kind is None or any(c.lower_ in OPEN_WORDS for c in noun.children):
        return None
    named = [
        c
        for c in noun.children
        if c.dep_ in ("amod", "compound")
        and c.i < noun.i
        and (c.pos_ == "PROPN" or c.ent_type_ or c.text[:1].isupper())
    ]
    if not named:
        return None
    first = min(c.left_edge.i for c in named)
    written = noun.doc[first : noun.i + 1].text
    return " ".join(t.lower_ for t in named) + f" {kind}", written


def _name(tok: Token) -> str | None:
    """The proper name a token heads (the whole entity: "the Czech Republic"), or None."""
    if tok.pos_ != "PROPN":
        return None
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            if ent.label_ not in MEMBER_LABELS:
                return None
            return ent.text.removeprefix("the ").removeprefix("The ")
    return tok.text


def _listed(first: Token) -> list[str] | None:
    """The names of a coordination that starts at ``first`` ("Estonia, Latvia and
    Lithuania"), or None when one of its members is not a name."""
    out, todo = [], [first]
    while todo:
        tok = todo.pop()
        name = _name(tok)
        if name is None:
            return None
        out.append((tok.i, name))
        todo += [c for c in tok.children if c.dep_ == "conj"]
    return [n for _, n in sorted(out)]


def _determiner(noun: Token) -> str:
    return next((c.lower_ for c in noun.children if c.dep_ == "det"), "")


def _span_text(first: int, last: int, sent: Span) -> tuple[str, int, int]:
    doc = sent.doc
    while last > first and doc[last].is_punct:
        last -= 1
    span = doc[first : last + 1]
    return span.text, span.start_char, span.end_char


def memberships(sent: Span) -> list[Membership]:
    """What the sentence says belongs to a group: "Poland, a Baltic state" or "Poland, one
    of the Baltic states" (an apposition, ``appositive``), or "Poland is a Baltic state"
    (a copula, the sentence's own claim)."""
    out = []
    for tok in sent:
        noun = _one_of(tok) if tok.lower_ == "one" else tok
        if noun is None or (noun is tok and _determiner(tok) not in INDEFINITE):
            continue
        if tok.dep_ == "appos":
            member, appositive = tok.head, True
        elif tok.dep_ == "attr" and tok.head.lemma_ == "be":
            if any(c.dep_ == "neg" for c in tok.head.children):
                continue  # "is not a Baltic state" asserts no membership
            subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
            if not subjects:
                continue
            member, appositive = subjects[0], False
        else:
            continue
        if any(c.dep_ == "conj" for c in member.children):
            continue
        name = _name(member)
        key = group_key(noun)
        if name is None or key is None:
            continue
        first = min(member.left_edge.i, tok.left_edge.i)
        text, start, end = _span_text(first, tok.right_edge.i, sent)
        out.append(Membership(key[0], key[1], (name,), text, start, end, appositive))
    return out


def _one_of(tok: Token) -> Token | None:
    """The group noun of "one of the Baltic states" (definite: "one of many states" names
    no list), or None."""
    nouns = [g for c in tok.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return nouns[0] if nouns and _determiner(nouns[0]) == "the" else None


def _counted(noun: Token) -> int | None:
    """The number a group noun states ("the three Baltic states"), or None."""
    for c in noun.children:
        if c.dep_ == "nummod":
            value = number_value(c.text)
            return None if value is None else int(value)
    return None


def groups(sent: Span) -> list[Membership]:
    """Groups the sentence lists whole: "the Baltic states, Estonia, Latvia and Lithuania",
    "the Baltic states of Estonia, ...", "Estonia, Latvia and Lithuania, the three Baltic
    states", "the Baltic states are Estonia, ..." (a definite group of two names or more)."""
    out = []
    for tok in sent:
        if _determiner(tok) != "the":
            continue
        key = group_key(tok)
        if key is None:
            continue
        # "the Baltic states, Estonia, ...": set off by a comma. Without one the list only
        # picks some out ("the Nordic countries Sweden and Finland applied to join").
        heads = [
            c
            for c in tok.children
            if c.dep_ == "appos" and c.i > tok.i and tok.doc[tok.i + 1].text in (",", "(", ":")
        ]
        heads += [
            g for c in tok.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ]
        if tok.dep_ == "appos":
            heads.append(tok.head)
        if tok.dep_ in ("nsubj", "attr") and tok.head.lemma_ == "be":
            other = "attr" if tok.dep_ == "nsubj" else "nsubj"
            heads += [c for c in tok.head.children if c.dep_ == other]
        for head in heads:
            names = _listed(head)
            if names is None or len(names) < 2 or _counted(tok) not in (None, len(names)):
                continue  # "the three Baltic states" listing two is not the whole group
            first = min(head.left_edge.i, tok.left_edge.i)
            last = max(head.right_edge.i, tok.right_edge.i)
            text, start, end = _span_text(first, last, sent)
            out.append(Membership(key[0], key[1], tuple(names), text, start, end))
    return out
