"""Find the sentences of an article that assert something checkable, ranked by how
check-worthy they are.

Check-worthiness follows what fact-checkers triage first (ClaimBuster-style features):
numbers and dates, named actors, attribution and quotes raise a sentence; questions,
first-person opinion and very short or very long sentences lower it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprobe.claims.model import Claim, ClaimParts
from newsprobe.claims.nlp import load_nlp
from newsprobe.claims.parts import REFERENCE_YEAR, parse_parts
from newsprobe.detect.segment import sentence_groups

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

#: Lines longer than this (characters) are parsed in runs of whole sentences: spaCy's
#: parser refuses a text of a million characters and needs memory in proportion.
LINE_CHARS = 20_000

#: A wire story's dateline: the city in capitals, maybe a date or country, an agency in
#: brackets, then a dash ("WARSAW, Sept 10 —", "LONDON (Reuters) -"). Parsed with the
#: sentence, the city became its subject and an entity no source names.
DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’ -]{2,30}[A-Z.](?:,\s*[A-Z][\w.]*(?:\s[\w.]+){0,3})?\s*"
    r"(?:\([^)\n]{1,40}\)\s*[—–-]{1,2}|[—–]{1,2})"
    # or a city as written and a date before any dash: "Buenos Aires, March 26 -"
    r"|[A-Z][\w.'’]+(?: [A-Z][\w.'’]+){0,2},\s*(?:[A-Z][a-z]+,\s*)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:,? \d{4})?"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?[—–-]{1,2})\s+(?=[A-Z\"“‘'])"
)
OPINION = {"i think", "i believe", "in my view", "i feel", "we think", "in my opinion"}
COMPARATIVE_TAGS = {"JJR", "JJS", "RBR", "RBS"}
MIN_TOKENS, MAX_TOKENS = 5, 80


def checkworthiness(sent: Span, parts: ClaimParts) -> float:
    """A score >= 0; 0 means nothing in the sentence can be checked against a source."""
    n = sum(1 for t in sent if not t.is_punct)
    if n < MIN_TOKENS or sent.text.rstrip().endswith("?"):
        return 0.0
    score = 2.0 * min(len(parts.quantities), 3)
    score += 1.5 * min(sum(1 for d in parts.dates if d.year), 2)
    score += 0.5 * min(sum(1 for d in parts.dates if not d.year), 2)
    score += 1.0 * min(len(parts.entities), 3)
    score += 0.5 * min(len(parts.relations), 2)
    if parts.quote and (parts.attributed_to is not None or _titled(parts.attributed_as)):
        # A named person's, body's or document's quoted words ("Article 4 of the treaty
        # says that the parties "will consult together ...""), or an office's ("the Prime
        # Minister said"): who said what can be checked. "The crowd chanted" cannot.
        score += 1.0
    if parts.speaker is not None and not parts.quote:
        # A named person's reported words ("Lindqvist said the carrier had accepted all
        # the recommendations"): who said what can be checked, as a quote's words can.
        score += 1.0
    if score == 0.0:
        return 0.0
    if parts.attribution:
        score += 1.0
    if parts.quote:
        score += 0.5
    if any(t.tag_ in COMPARATIVE_TAGS for t in sent):
        score += 0.5
    low = sent.text.lower()
    if any(p in low for p in OPINION):
        score *= 0.3
    if n > MAX_TOKENS:
        score *= 0.5
    return score


def _titled(attribution: str | None) -> bool:
    """Whether an attribution is an office written as a title ("Prime Minister", "the
    Foreign Office"), which names one speaker as surely as a name does; one word is not
    ("Officials said" has its capital from the start of the sentence)."""
    words = re.findall(r"[\w'’-]+", attribution or "")
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def clauses(sent: Span) -> list[Span]:
    """A sentence's independent clauses joined by "and" / "but" / "while", each with a
    subject of its own, as separate claims: "Poland joined NATO in 2009, and Sweden became
    its 30th member in 2024" states two facts that two different passages confirm or
    refute, and one passage rarely names all of the sentence's actors. A sentence whose
    clauses would be shorter than a claim stays whole."""
    root = sent.root
    cuts = []
    for conj in root.children:
        if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX") or conj.i <= root.i:
            continue
        subjects = [c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        if subjects:
            cuts.append(conj.left_edge.i)
    if not cuts:
        return [sent]
    doc, out, start = sent.doc, [], sent.start
    for cut in [*cuts, sent.end]:
        end = cut
        while (
            cut < sent.end and end > start and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc")
        ):
            end -= 1  # ", and" between two clauses belongs to neither
        part = doc[start:end]
        if sum(1 for t in part if not t.is_punct) < MIN_TOKENS:
            return [sent]
        out.append(part)
        start = cut
    return out


def _said_in_passing(sent: Span, parts: ClaimParts, min_score: float, offset: int) -> list[Claim]:
    """An apposition that puts a name in a group ("Poland, a Baltic state on NATO's eastern
    flank, invoked ...") as a claim of its own, taken out of the sentence's parts: it is
    another fact than the sentence's, refuted by another passage (the group's list), and a
    fact-checker lists it apart. Scored by its names (one named group and its member: 2)."""
    out = []
    for m in [m for m in parts.memberships if m.appositive]:
        parts.memberships.remove(m)
        span = sent.doc.char_span(m.start, m.end)
        if span is None:
            continue
        own = parse_parts(span)
        own.memberships, own.groups = [m], []
        score = float(min(len(own.entities), 3))
        if score >= min_score:
            out.append(Claim(m.text, m.start + offset, m.end + offset, score, own))
    return out


def claims_from_doc(
    doc: Span, min_score: float = 1.0, max_claims: int | None = None, offset: int = 0
) -> list[Claim]:
    """Claims from a parsed document, best first (ties keep article order)."""
    claims = []
    for sent in (clause for whole in doc.sents for clause in clauses(whole)):
        parts = parse_parts(sent)
        claims += _said_in_passing(sent, parts, min_score, offset)
        score = checkworthiness(sent, parts)
        if score < min_score:
            continue
        text = sent.text.strip()
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip())) + offset
        claims.append(
            Claim(text=text, start=start, end=start + len(text), score=score, parts=parts)
        )
    claims.sort(key=lambda c: (-c.score, c.start))
    return claims[:max_claims] if max_claims else claims


def extract_claims(
    text: str,
    nlp: Language | None = None,
    min_score: float = 1.0,
    max_claims: int | None = None,
    year: int | None = None,
) -> list[Claim]:
    """Check-worthy claims of ``text``; each keeps its character span into ``text``.

    min_score: sentences scoring below it are not claims (1.0 = at least one named entity
    or undated-month mention; a number alone scores 2).
    max_claims: keep only the most check-worthy ones (None: all).
    year: when the text was published, which "last year" and "a decade ago" count from
    (None: such dates are not read as years).
    """
    nlp = nlp or load_nlp()
    # Lines are parsed apart: a headline has no full stop, and spaCy would run it into the
    # first paragraph.
    lines = []
    for m in re.finditer(r"[^\n]+", text):
        if not m.group().strip():
            continue
        begin, line = m.start(), m.group()
        if dateline := DATELINE.match(line):  # "STOCKHOLM — Poland joined ...": not a subject
            begin, line = begin + dateline.end(), line[dateline.end() :]
        if len(line) <= LINE_CHARS:
            lines.append((begin, line))
        else:  # a page without line breaks: parsed a run of sentences at a time
            lines += [(begin + a, line[a:b]) for a, b in sentence_groups(line, LINE_CHARS)]
    claims: list[Claim] = []
    for (start, _), doc in zip(lines, nlp.pipe(line for _, line in lines), strict=True):
        if year is not None:
            doc.user_data[REFERENCE_YEAR] = year
        claims.extend(claims_from_doc(doc, min_score=min_score, offset=start))
    claims.sort(key=lambda c: (-c.score, c.start))
    return claims[:max_claims] if max_claims else claims
