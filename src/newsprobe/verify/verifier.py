"""Verify claims against an evidence store: retrieve, gate on relevance, check, decide.

Each claim's retrieved passages are summarised as features (similarity, term overlap,
entity coverage, values agreed and in conflict; :func:`claim_features`), and the verdict
comes from :func:`newsprobe.verify.verdict_model.decide`: hard rules first (no relevant
passage: ``not_enough_evidence``; a relevant source confirming every checked value:
``supported``; else a value conflict: ``contradicted``, with the conflicting values), then
the fitted :class:`~newsprobe.verify.verdict_model.VerdictModel` shipped with newsprobe,
or the hand rules alone with ``VerifyOptions(verdict_model=None)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from newsprobe.claims.aliases import lemma_named, spelled_out
from newsprobe.claims.extract import DATELINE
from newsprobe.claims.model import Claim, Conflict, Entity, Evidence
from newsprobe.claims.parts import (
    NAMED,
    PRONOUN_SPEAKERS,
    REFERENCE_YEAR,
    SUBJECTS,
    parse_parts,
    reference_year,
)
from newsprobe.sources.base import EvidenceStore, Hit, Passage
from newsprobe.sources.embed import Embedder, MiniLMEmbedder
from newsprobe.verify.alignment import Alignment
from newsprobe.verify.antecedents import Resolved, resolve_opening_pronoun
from newsprobe.verify.checks import (
    SWAP_SIMILARITY,
    CheckResult,
    actor_swapped,
    compare,
    compound_of,
    entity_coverage,
    measures_alike,
    misattributed,
    quotes_in,
    quotes_nearly_in,
    reported_by_another,
    same_person,
    swapped_names,
    term_overlap,
    topic_overlap,
    values_stated,
)
from newsprobe.verify.judge import LLMJudge
from newsprobe.verify.memberships import group_evidence
from newsprobe.verify.options import (
    NEGATION_SIMILARITY,
    PARAPHRASE_OVERLAP,
    PARAPHRASE_SIMILARITY,
    VerifyOptions,
)
from newsprobe.verify.verdict_model import decide, resolve_model

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span


#: Subjects that name what happened, not who acted: "The result moved Villa up to fourth"
#: is about Villa, whom a source says "lifted to fifth" without any "result".
UNNAMING = {"result", "outcome", "move", "decision", "figure", "data", "news", "development"}


def _search(store: EvidenceStore, queries: list[str], k: int) -> list[list[Hit]]:
    many = getattr(store, "search_many", None)
    if callable(many):
        return many(queries, k)
    return [store.search(q, k) for q in queries]


@dataclass(frozen=True, slots=True)
class _Sentence:
    """A passage sentence as the checks read it (``span``, ``text``: an opening pronoun
    replaced by its antecedent) and as the report shows it (``shown``)."""

    span: Span
    text: str
    shown: str
    joined: bool = False  # several sentences of one quotation


def _passage_sentences(docs: dict[str, Doc], nlp: Language) -> dict[str, list[_Sentence]]:
    """Each passage's sentences, those opening with a pronoun re-parsed with its antecedent
    (``verify.antecedents``) so the term overlap, the similarity and the value checks see
    whose fact the sentence states."""
    plain: dict[str, list[tuple[Span, Resolved | None]]] = {}
    for text, doc in docs.items():
        sents = _quotations_whole(list(doc.sents))
        plain[text] = [
            (s, resolve_opening_pronoun(s, sents[i - 1] if i else None) or _undated(s))
            for i, s in enumerate(sents)
        ]
    rewritten = sorted({r.text for rows in plain.values() for _, r in rows if r is not None})
    reparsed = {t: d[:] for t, d in zip(rewritten, nlp.pipe(rewritten), strict=True)}
    out: dict[str, list[_Sentence]] = {}
    for text, rows in plain.items():
        for _, r in rows:  # a re-parsed sentence keeps its document's date
            if r is not None:
                reparsed[r.text].doc.user_data.update(docs[text].user_data)
        out[text] = [
            _Sentence(s, s.text.strip(), s.text.strip(), len(list(s.sents)) > 1)
            if r is None
            else _Sentence(reparsed[r.text], r.text.strip(), r.shown.strip())
            for s, r in rows
        ]
    return out


def _undated(sent: Span) -> Resolved | None:
    """A sentence without the dateline it opens with ("Buenos Aires, March 26 - Argentina
    beat Brazil 2-0"), which parsed with it made the city the subject; shown as written."""
    m = DATELINE.match(sent.text)
    if m is None or not sent.text[m.end() :].strip():
        return None
    return Resolved(text=sent.text[m.end() :], shown=sent.text)


def _open_quotes(text: str) -> int:
    """How many quotations a text opens and does not close."""
    return (text.count('"') % 2) + max(0, text.count("“") - text.count("”"))


#: A quotation closed and then attributed: '... before," Battalion Chief Tom Rudd said.'
_ATTRIBUTED = re.compile(r"(?<=\S)[\"”]\s+[\w(]")


def _quotations_whole(sents: list[Span], most: int = 4) -> list[Span]:
    """The sentences, those of one quotation that runs over several joined into one: in
    '"This fire made a run of six miles in four hours. We have not seen that before,"
    Battalion Chief Tom Rudd said.' the first sentence's words are Rudd's, which only the
    last says (read alone, anyone quoted with those words was confirmed by it). Only a
    sentence that opens with the quotation mark is joined, to the sentences after it up
    to one that closes the quotation and goes on to say whose it is, none of those in
    between quoting: a stray mark (scraped text has many) joins nothing."""
    out: list[Span] = []
    i = 0
    while i < len(sents):
        j = i
        if sents[i].text.lstrip()[:1] in ('"', "“") and _open_quotes(sents[i].text):
            for k in range(i + 1, min(i + most, len(sents))):
                text = sents[k].text
                if not _open_quotes(text):
                    if _quotes(text):
                        break  # a quotation of its own
                    continue
                if _ATTRIBUTED.search(text.rstrip().rstrip(".")):
                    j = k
                break
        out.append(sents[i].doc[sents[i].start : sents[j].end])
        i = j + 1
    return out


def _documents(store: EvidenceStore, sources: list[str]) -> dict[str, str]:
    """The whole text of each document the passages come from, where the store keeps it."""
    whole = getattr(store, "document_text", None)
    if not callable(whole):
        return {}
    texts = {src: whole(src) for src in dict.fromkeys(sources)}
    return {src: t for src, t in texts.items() if t}


def _text_before(documents: dict[str, str], passage: Passage) -> str:
    """What the passage's document says before it (nothing where it is not known)."""
    whole = documents.get(passage.source, "")
    at = whole.find(passage.text)
    return whole[:at] if at > 0 else ""


#: Words that put a sentence in no one place: another place than the one named before.
_EVERYWHERE = frozenset({"worldwide", "global", "globally", "nationwide", "nationally"})
#: Kinds of name, as far as one can stand for another: the parser tells a company from a
#: product or a law less surely than a person from a place.
_NAME_KINDS = {"PERSON": "person", "GPE": "place", "LOC": "place", "NORP": "place", "FAC": "place"}


def _named_before(claim: Claim, sent: Span, page: str, before: str) -> list[Entity]:
    """The claim's names that the passage leaves to its document's earlier text: "Pain at
    the injection site was the most common side effect", three paragraphs after the page
    named the VLD-4 vaccine, is on VLD-4, as a reader of the page knows. Not where the
    sentence names another of that kind, which it may be about instead ("In Portugal, the
    fire killed 14", after a paragraph on Spain), or a person by a pronoun ("His campaign
    failed", after a paragraph on his rival)."""
    missing = [
        e
        for e in claim.parts.entities
        if entity_coverage([e], page) < 1.0 and before and entity_coverage([e], before) == 1.0
    ]
    others = _other_kinds(claim, sent)
    # A person the sentence calls "he" or "his" may be anyone named before.
    if any(t.lower_ in ("he", "she", "his", "her", "him") for t in sent):
        others.add("person")
    return [e for e in missing if _NAME_KINDS.get(e.label, "thing") not in others]


def _other_kinds(claim: Claim, sent: Span) -> set[str]:
    """The kinds of name the sentence gives to another than the claim's: a name of that
    kind the page said elsewhere need not be the one this sentence is about."""
    others = {
        _NAME_KINDS.get(x.label_, "thing")
        for x in sent.ents
        if x.label_ in NAMED and entity_coverage([Entity(x.text, x.label_, 0, 0)], claim.text) < 1.0
    }
    # "recorded more than 14 million cases worldwide" is no one country's count
    if any(t.lower_ in _EVERYWHERE for t in sent):
        others.add("place")
    return others


def _words_of(names: Iterable[Entity]) -> set[str]:
    """The words of names, lower-cased: a name given in part gives all its words
    ("Brandsma" says "Pieter")."""
    return {w for e in names for w in e.text.lower().split()}


def _best_sentence(
    claim: Claim, sentences: Sequence[_Sentence], alike: dict[str, float]
) -> tuple[_Sentence, float]:
    """The passage sentence that holds the claim's quoted words, else the one that shares
    most of the claim's terms and entities and is closest to it in meaning (``alike``, by
    sentence text), and the share of the claim's terms it has; between sentences that share
    as many, the one that states values of the claim's kinds (its units, its years): "the
    wall will be 1,200 metres long", not "the council voted to build a new sea wall", for a
    claim of the wall's length."""
    best: tuple[tuple[bool, bool, float, int], _Sentence, float] | None = None
    for sent in sentences:
        lemmas = {t.lemma_.lower() for t in sent.span}
        here = [e for e in claim.parts.entities if entity_coverage([e], sent.text) == 1.0]
        coverage = len(here) / len(claim.parts.entities) if claim.parts.entities else 1.0
        # A name the sentence gives in part gives all its words: "Brandsma" says "Pieter".
        overlap = term_overlap(claim.parts, lemmas | _words_of(here))
        key = (
            # The sentence that holds the claim's quoted words first: who it gives them to
            # is the question ("Austin said 'a strong signal'" against a passage where
            # Austin approves the deployment and Blaszczak says the words).
            quotes_in(claim.parts, sent.text),
            # Then, for a quote, a sentence that quotes at all: words changed inside the
            # marks ("come and rebuild" for "come and help") are compared with the quote,
            # not with the sentence before it that names the speaker's title.
            bool(claim.parts.quoted) and _quotes(sent.text),
            # what it shares with the claim: terms, names, and meaning ("demanded a six-year
            # prison term for Brandsma", not the sentence before that names him in full)
            overlap + coverage + alike[sent.text],
            _value_kinds(claim, lemmas, sent.text),
        )
        if best is None or key > best[0]:
            best = (key, sent, overlap)
    assert best is not None
    return best[1], best[2]


def _clauses(sent: Span) -> list[Span]:
    """The clauses of a sentence that joins two or more, each with a subject of its own
    ("The New Zealand dollar fell 0.8%, while swap rates dropped 12 basis points"): each
    joined clause, and what comes before the first; none for a simple sentence."""
    doc = sent.doc
    heads = [
        t
        for t in sent
        if t.dep_ in ("conj", "advcl")
        and t.pos_ in ("VERB", "AUX")
        and any(c.dep_ in SUBJECTS for c in t.children)
    ]
    spans = [doc[min(t.left_edge.i, t.i) : t.right_edge.i + 1] for t in heads]
    if spans:
        spans.append(doc[sent.start : min(s.start for s in spans)])
    return [s for s in spans if sum(t.is_alpha for t in s) >= 4]


def _phrases(sent: Span, claim: Claim) -> list[Span]:
    """The verb phrases of a sentence that share its subject ("ordered Talbot to pay a
    fine of $250,000 and to forfeit $1.3 million in cash and property", "spread east,
    driven by gusts of up to 45 mph") and give a value of the claim's measure: each may
    be all a claim restates, which the whole sentence is too long to resemble. Read for
    the relevance gate only; the sentence, which names the subject, is what the checks
    compare. (A phrase of no such value finds a likeness that says little: "has risen by
    0.10 °C" is not about "temperatures rose from about '75 to about 2005".)"""
    if not claim.parts.quantities:
        return []
    doc = sent.doc
    heads = [
        t
        for t in sent
        if t.dep_ in ("conj", "advcl", "xcomp")
        and t.pos_ == "VERB"
        and not any(c.dep_ in SUBJECTS for c in t.children)
    ]
    spans = [doc[t.left_edge.i : t.right_edge.i + 1] for t in heads]
    return [
        s
        for s in spans
        if sum(t.is_alpha for t in s) >= 4
        and len(s) < len(sent)
        and measures_alike(claim.parts, parse_parts(s))
    ]


def _said_whole(claim: Claim, sent: _Sentence) -> bool:
    """Whether the sentence holds the claim's quote word for word, or nearly (all but one
    word in five), and the quote is a sentence's worth (four words or more): '"We stand
    ready to do more if needed," she said' is about the claim's quote however little else
    the two sentences share (0.64 alike, under the gate), and says who said it; "for
    twenty years" in a quote that says "for ten years" is the quote changed."""
    return sum(len(q.split()) for q in claim.parts.quoted) >= 4 and (
        quotes_in(claim.parts, sent.text) or quotes_nearly_in(claim.parts, sent.text)
    )


def _quotes(text: str) -> bool:
    """Whether a sentence quotes someone, in whole or in part: a quotation that runs over
    several sentences shows only one of its marks in each."""
    return bool(re.search(r"[\"“”]", text))


def _spelled_out(subject: str, claim: Claim, text: str) -> bool:
    """Whether the claim's subject is an acronym ("the WHO") that ``text`` spells out."""
    return any(
        e.text.lower() == subject and spelled_out(e.text, text) for e in claim.parts.entities
    )


def _value_kinds(claim: Claim, lemmas: set[str], text: str) -> int:
    """How many of the claim's values a sentence could state: a quantity whose unit word it
    uses, a year it names."""
    units = sum(1 for q in claim.parts.quantities if q.unit and q.unit in lemmas)
    years = sum(1 for d in claim.parts.dates if d.year is not None and str(d.year) in text)
    return units + years


def verify_claims(
    claims: Sequence[Claim],
    store: EvidenceStore,
    nlp: Language,
    options: VerifyOptions | None = None,
    embedder: Embedder | None = None,
) -> list[Claim]:
    """Attach evidence, conflicts and a verdict to each claim (mutates and returns them)."""
    options = options or VerifyOptions()
    embedder = embedder or MiniLMEmbedder()
    judge = (
        LLMJudge(
            options.judge_url,
            options.judge_model or "default",
            options.judge_api_key,
            options.judge_timeout,
        )
        if options.judge_url
        else None
    )
    model = resolve_model(options.verdict_model)
    claims = list(claims)
    if not claims:
        return claims
    hits = _search(store, [c.text for c in claims], options.top_k)
    texts = sorted({h.passage.text for hs in hits for h in hs})
    docs = dict(zip(texts, nlp.pipe(texts), strict=True))
    for h in (h for hs in hits for h in hs):  # "last year" in a source dated 2024: 2023
        year = reference_year(h.passage.date)
        if year is not None:
            docs[h.passage.text].user_data.setdefault(REFERENCE_YEAR, year)
    sentences = _passage_sentences(docs, nlp)
    # A passage is about its page's headline: "The victory earns Markovic 963,225 euros",
    # under "Markovic stuns top seed Park to win Madrid Open title", is on the Madrid
    # Open, as a reader of the page knows. Its terms are read with it, as the entity gate
    # reads the title's names; not its actor ("Wildfire near Lenhall kills 14; quake hits
    # Belmira": the quake's paragraph has no wildfire).
    titles = sorted({h.passage.title for hs in hits for h in hs if h.passage.title})
    headline = {
        t: {w.lemma_.lower() for w in d} for t, d in zip(titles, nlp.pipe(titles), strict=True)
    }
    documents = _documents(store, [h.passage.source for hs in hits for h in hs])
    claim_texts = [c.text for c in claims]
    # Every sentence of every passage found, as close as it is to the claim: the passage's
    # sentence that says the claim is chosen by its meaning as well as its words.
    each = list(
        dict.fromkeys(
            (ci, s.text)
            for ci, hs in enumerate(hits)
            for h in hs
            for s in sentences[h.passage.text]
        )
    )
    alike = dict(zip(each, _similarities(embedder, claim_texts, each), strict=True))
    aligned = []  # (claim index, hit, sentence, sentence overlap)
    for ci, (claim, hs) in enumerate(zip(claims, hits, strict=True)):
        for h in hs:
            near = {s.text: alike[(ci, s.text)] for s in sentences[h.passage.text]}
            sent, s_overlap = _best_sentence(claim, sentences[h.passage.text], near)
            aligned.append((ci, h, sent, s_overlap))
    sims = [alike[(a[0], a[2].text)] for a in aligned]
    # A clause of a long source sentence may say the claim alone: "The New Zealand dollar
    # fell 0.8% ..., while two-year swap rates dropped 12 basis points to 2.91%" is 0.50
    # alike a claim on swap rates, its second clause much more. The relevance gate reads
    # the closer of the two, and a sentence relevant by one clause only is compared by it.
    # A quotation joined over several sentences (_quotations_whole) is as close as the
    # closest of them, and a sentence as its closest verb phrase (_phrases), but each is
    # compared whole: the quotation's speaker is said only at its end, the phrase's
    # subject before it.
    clauses = [
        (i, a[0], c, whole)
        for i, a in enumerate(aligned)
        for c, whole in [
            # a quote's clause compared whole: who said it is in the other clause
            *((c, bool(claims[a[0]].parts.quoted)) for c in _clauses(a[2].span)),
            *((c, True) for c in (list(a[2].span.sents) if a[2].joined else [])),
            *((c, True) for c in _phrases(a[2].span, claims[a[0]])),
        ]
    ]
    gate = list(sims)
    said_in: list[Span | None] = [None] * len(aligned)  # the clause that passed the gate
    pairs = [(ci, c.text) for _, ci, c, _ in clauses]
    for (i, _, c, whole), s in zip(
        clauses, _similarities(embedder, claim_texts, pairs), strict=True
    ):
        if s > gate[i]:
            gate[i], said_in[i] = s, None if whole else c
    per_claim: list[list[_Found]] = [[] for _ in claims]
    for (ci, h, sent, s_overlap), sim, near, clause in zip(
        aligned, sims, gate, said_in, strict=True
    ):
        claim = claims[ci]
        doc = docs[h.passage.text]
        p_lemmas = {t.lemma_.lower() for t in doc}
        p_overlap = topic_overlap(
            claim.parts, p_lemmas | headline.get(h.passage.title or "", set())
        )
        # The document's title counts: a passage of a page titled "NATO" that says "the
        # alliance" is about NATO, as a reader of the page knows.
        page = f"{h.passage.title or ''}\n{h.passage.text}"
        coverage = entity_coverage(claim.parts.entities, page)
        # Names the page said before the passage, and those it gives otherwise (below).
        before = _named_before(claim, sent.span, page, _text_before(documents, h.passage))
        covered = list(before)
        # The actor must be there: "a storm killed 14" is not about "the flood killed 14".
        # A subject that names no actor ("the result moved Villa up to fourth") need not.
        # The speaker of a quote, subject of the verb that frames it ("Kyle welcomed the
        # decision, saying: '...'"), is checked as the speaker below, not as the actor.
        speaking = (
            claim.parts.speaker.text.lower().split()
            if claim.parts.speaker is not None and claim.parts.quoted
            else []
        )
        named = [x for x in claim.parts.subjects if x not in UNNAMING and x not in speaking]
        # A subject that is a name the page gives ("Halvard Group", the headline's, or one
        # said before the passage) is there however the passage calls it ("The company
        # will publish ...", "Kingsbridge are fourth"); but not the headline's where the
        # sentence names another of its kind ("Serrana Forward and the Greens won eight
        # and five seats", under "Civic Alliance wins Alta Serrana vote").
        others = _other_kinds(claim, sent.span)
        titled = _words_of(
            e
            for e in claim.parts.entities
            if e.label in ("ORG", "GPE", "PERSON")
            and (
                e in before
                or entity_coverage([e], h.passage.text) == 1.0
                or (
                    entity_coverage([e], page) == 1.0
                    and _NAME_KINDS.get(e.label, "thing") not in others
                )
            )
        )
        actor = not named or any(
            x in p_lemmas
            or f"{x}s" in p_lemmas  # "Rescuers", capitalised, is a name to the tagger
            or x in titled
            or lemma_named(x, p_lemmas)
            or _spelled_out(x, claim, h.passage.text)
            or compound_of(x, p_lemmas)
            for x in named
        )
        theirs = None  # the sentence's parts, once parsed
        if not actor and near >= options.min_similarity and len(claim.parts.quantities) >= 2:
            # Named otherwise ("patients" for "people", "the government" for "we"), the
            # actor is the sentence's when two of the claim's values are there too: "4% of
            # velimab patients ..., compared with 8%" and "4 percent of people on velimab
            # ..., compared with 8 percent". One value alone ("a storm killed 14") is not,
            # nor two beside a third the sentence gives otherwise.
            theirs = parse_parts(sent.span)
            actor = values_stated(claim.parts, theirs) >= 2
        if not actor and near >= SWAP_SIMILARITY:
            # Another subject in the source's same words: the sentence is about the
            # claim's fact, and says it of another ("France sent four Canadair ..."
            # against "Spain sent four Canadair ...").
            theirs = theirs or parse_parts(sent.span)
            lined = Alignment(claim.parts, theirs)
            actor = actor_swapped(claim.parts, theirs, lined, near) is not None
        # So must a named speaker, whom the entity gate does not see (the attribution frame
        # is not part of the assertion): "Rutte said X" is not confirmed by a passage
        # without Rutte, nor by "Stoltenberg said X".
        speaker = claim.parts.speaker
        voiced = (
            speaker is None
            or entity_coverage([speaker], h.passage.text) == 1.0
            # "he said", read as the person named before it: a source's passage that
            # starts after that person was named gives the words to "he" as well.
            or claim.parts.attribution in PRONOUN_SPEAKERS
        )
        if (
            coverage < options.min_entity_coverage
            and actor
            and sim >= NEGATION_SIMILARITY
            and p_overlap >= options.min_term_overlap
        ):
            # A name the passage lacks may stand where its sentence, in the claim's own
            # words, names another: the passage is about the claim, and says otherwise.
            theirs = theirs or parse_parts(sent.span)
            swaps = swapped_names(claim.parts, theirs, Alignment(claim.parts, theirs))
            covered += [e for e, _ in swaps]
        coverage = entity_coverage(claim.parts.entities, page, covered)
        relevant = (
            actor
            and voiced
            # A quote found word for word is about the claim however long the quotation
            # it is part of ('"We have not seen that before," Rudd said').
            and (near >= options.min_similarity or _said_whole(claim, sent))
            and p_overlap >= options.min_term_overlap
            and coverage >= options.min_entity_coverage
        )
        if relevant and sim < options.min_similarity and clause is not None:
            # Relevant by one clause: that clause is what the checks compare ("the New
            # Zealand dollar fell 0.8%" is no value of the claim's swap rates).
            source = parse_parts(clause)
        else:
            source = (theirs or parse_parts(sent.span)) if relevant else None
        misquoted = None  # who the source gives the claim's quoted words to, if another
        if (
            source is not None
            and speaker is not None
            and source.speaker is not None
            and not same_person(speaker.text, source.speaker.text)
        ):
            # The passage names him, but the sentence quotes another: no evidence, unless
            # it gives the other the claim's very words.
            misquoted = misattributed(claim.parts, source, sent.text)
            relevant, source = misquoted is not None, None
        elif not voiced and actor and (sim >= options.min_similarity or _said_whole(claim, sent)):
            # A passage without the speaker is no evidence of what he said, unless it gives
            # someone else his quoted words, word for word: a misattributed quote.
            theirs = theirs or parse_parts(sent.span)
            misquoted = misattributed(claim.parts, theirs, sent.text) or reported_by_another(
                claim.parts, theirs, sent.text, near
            )
            relevant = misquoted is not None
        ev = Evidence(
            text=h.passage.text,
            source=h.passage.source,
            url=h.passage.url,
            score=h.score,
            sentence=sent.shown,
            title=h.passage.title,
            date=h.passage.date,
            similarity=sim,
            relevant=relevant,
        )
        result, negated = None, False
        if source is not None:
            # Negated, unless the sentence affirms what it denies too ("This is not a bet
            # on the next five years, it is a bet on the next 25"): both polarities said.
            negated = bool(source.denied_verbs)
            if set(claim.parts.negated_verbs) & set(source.negated_verbs):
                # Both deny the one action ("not to stop ... before talking to a doctor",
                # "should not stop ... without talking to their doctor"): one polarity,
                # however each bounds it.
                negated = bool(claim.parts.denied_verbs)
            # The sentence read in its page, as the relevance gate reads it: its headline's
            # terms and the names the page gave before it count for the claim's own event
            # ("Turnout was 48 percent", under "Greens win Ostmark mayoral race").
            title = h.passage.title or ""
            page_words = (
                headline.get(title, set())
                | _words_of(before)
                | _words_of(e for e in claim.parts.entities if entity_coverage([e], title) == 1.0)
            )
            framed = term_overlap(claim.parts, {t.lemma_.lower() for t in sent.span} | page_words)
            result = compare(claim.parts, source, ev, max(s_overlap, framed), sim)
            if _partly_confirmed(claim, result):
                near_here = {s.text: alike[(ci, s.text)] for s in sentences[h.passage.text]}
                result, ev = _read_on(
                    claim, result, ev, sent, sentences[h.passage.text], page_words, near_here
                )
        elif misquoted is not None:
            conflict = Conflict("speaker", *misquoted, ev.sentence, ev.source, ev.url, ev.title)
            result = CheckResult([conflict], checkable=1)
        per_claim[ci].append(_Found(ev, result, s_overlap, p_overlap, coverage, actor, negated))
    for g in group_evidence(claims, store, nlp, options.top_k):
        # The passage read as the group's list, first: it is the evidence that decides.
        found = per_claim[g.claim]
        same = [f for f in found if f.evidence.text == g.evidence.text]
        g.evidence.similarity = same[0].evidence.similarity if same else 0.0
        listed = CheckResult([g.conflict] if g.conflict else [], int(g.conflict is None), 1)
        found[:] = [
            _Found(g.evidence, listed, 0.0, 0.0, 1.0, True, False),
            *(f for f in found if f not in same),
        ]
    for claim, found in zip(claims, per_claim, strict=True):
        _drop_named_elsewhere(found)
        claim.evidence = [f.evidence for f in found]
        claim.features = claim_features(claim, found)
        conflicts = [c for f in found if f.result is not None for c in f.result.conflicts]
        claim.verdict = decide(claim.features, model)
        claim.conflicts = conflicts if claim.verdict == "contradicted" else []
        relevant = [f.evidence for f in found if f.result is not None]
        if judge is not None and relevant:
            claim.judge = judge.judge(claim, relevant)
            claim.verdict = claim.judge["verdict"]
        claim.reason = unexplained(claim)
    return claims


#: How close to the claim another sentence of the passage must be to complete its values:
#: "It ... is designed to operate for seven years" is 0.68 alike "Oceansat-4 cost 4.1
#: billion rupees ... and is designed to work for seven years"; "The government met its
#: goal of 50,000 new homes in 2024" only 0.30 alike "Rents rose 3% in 2024", whose year
#: it does not give.
NEIGHBOUR_SIMILARITY = 0.5


def _claim_values(claim: Claim) -> set[str]:
    """The claim's numbers and dates, as :class:`CheckResult` names those it confirms."""
    return {q.text for q in claim.parts.quantities} | {d.text for d in claim.parts.dates}


def _partly_confirmed(claim: Claim, result: CheckResult) -> bool:
    """Whether a sentence confirms some of the claim's values, says nothing else of them,
    and leaves others unsaid: what a claim joining two of the source's facts looks like."""
    wanted = _claim_values(claim)
    return (
        len(wanted) >= 2
        and bool(set(result.confirmed) & wanted)
        and not wanted <= set(result.confirmed)
        and not (result.conflicts or result.unread_time)
    )


def _read_on(
    claim: Claim,
    result: CheckResult,
    ev: Evidence,
    sent: _Sentence,
    passage: list[_Sentence],
    page_words: set[str],
    near: dict[str, float],
) -> tuple[CheckResult, Evidence]:
    """The claim's values its closest sentence leaves unsaid, read in the passage's other
    sentences: "Oceansat-4 cost 4.1 billion rupees ... and is designed to work for seven
    years" joins "Oceansat-4, built at a cost of 4.1 billion rupees ..." and the next
    sentence, "It ... is designed to operate for seven years". Confirmed only when every
    value is said alike somewhere and no sentence of the passage says one otherwise; the
    evidence then shows the sentences that confirm it."""
    wanted = _claim_values(claim)
    confirmed = set(result.confirmed) & wanted
    used: list[_Sentence] = []
    causes = result.unread_cause
    for other in passage:
        if other.text == sent.text:
            continue
        lemmas = {t.lemma_.lower() for t in other.span}
        overlap = term_overlap(claim.parts, lemmas | page_words)
        shown = replace(ev, sentence=other.shown)
        # Only the values still unsaid: "spent 2.1 billion crowns", confirmed already, is
        # no value the next sentence's "invest" can leave unresolved.
        rest = replace(
            claim.parts,
            quantities=[q for q in claim.parts.quantities if q.text not in confirmed],
            dates=[d for d in claim.parts.dates if d.text not in confirmed],
        )
        theirs = parse_parts(other.span)
        r = compare(rest, theirs, shown, overlap, near[other.text])
        if r.conflicts and near[other.text] >= NEIGHBOUR_SIMILARITY:
            # A value the closest sentence left unsaid, said otherwise in the next: "...
            # and plans to invest 1.4 billion euros in a new plant" against "... planned
            # to invest 1.4 billion crowns in a new production plant".
            return r, shown
        if r.conflicts or compare(claim.parts, theirs, shown, overlap, near[other.text]).conflicts:
            # another value of the claim's, said close by: "The economy grew 0.9% in 2024"
            # after the forecast of 1.1% that confirmed "grew 1.1% in 2024" in part
            return result, ev
        new = set(r.confirmed) & wanted - confirmed
        if new and near[other.text] >= NEIGHBOUR_SIMILARITY and not (r.unresolved or r.unread_time):
            confirmed |= new
            used.append(other)
            causes = min(causes, r.unread_cause)
    if confirmed != wanted:
        return result, ev
    read = {sent.text, *(s.text for s in used)}
    joined = " ... ".join(s.shown for s in passage if s.text in read)  # in the page's order
    n = len(wanted)
    joint = CheckResult(agreed=n, checkable=n, unread_cause=causes, confirmed=sorted(wanted))
    return joint, replace(ev, sentence=joined)


def _drop_named_elsewhere(found: list[_Found]) -> None:
    """A name that a relevant source sentence as close to the claim gives as the claim
    does is no conflict where another names something else in its place: "Flights were
    suspended at Gatwick Airport" is what one trusted story says, whatever another says
    of Stansted."""
    relevant = [f.evidence for f in found if f.result is not None]
    for f in found:
        if f.result is None or not f.result.conflicts:
            continue
        closer = [
            e.sentence
            for e in relevant
            if e.similarity >= f.evidence.similarity and e is not f.evidence
        ]
        kept = [
            c
            for c in f.result.conflicts
            if c.kind != "name" or not any(c.claim_value in s for s in closer)
        ]
        f.result.checkable -= len(f.result.conflicts) - len(kept)
        f.result.conflicts = kept


def unexplained(claim: Claim) -> str | None:
    """What a "contradicted" that names no conflict rests on: the verdict model reads the
    evidence as against the claim where no value, name or quote differs (a claim whose
    nearest source says the opposite, "we will not stay silent" for "we will stay
    silent", in words the checks could not pair)."""
    if claim.verdict != "contradicted" or claim.conflicts or claim.features is None:
        return None
    if claim.judge is not None:
        return "the judge model read the evidence as against the claim"
    if claim.features.get("negation_mismatch", 0.0) > 0:
        return (
            "the closest source sentence negates what the claim affirms, or the reverse; "
            "no value in it differs"
        )
    return "the verdict model reads the evidence as against the claim; no value in it differs"


@dataclass(slots=True)
class _Found:
    """One retrieved passage and what the checks found in it for one claim."""

    evidence: Evidence
    result: CheckResult | None  # None: the passage did not pass the relevance gate
    sentence_overlap: float
    passage_overlap: float
    entity_coverage: float
    actor: bool
    sentence_negated: bool


def claim_features(claim: Claim, found: Sequence[_Found]) -> dict[str, float]:
    """The per-claim features a verdict model reads (names in ``verdict_model.FEATURES``).

    Aggregates over all retrieved passages (how close the nearest evidence is) and over the
    relevant ones (what the value checks found), so the model sees both topic match and
    agreement; the hard rules in :func:`decide` read the same numbers.
    """
    relevant = [f for f in found if f.result is not None]
    sims = [f.evidence.similarity for f in found]
    agreeing = paraphrase = whole = False
    parts = claim.parts
    values = len(parts.quantities) + len(parts.dates) + len(parts.relations)
    for f in relevant:
        res = f.result
        assert res is not None
        if res.conflicts:
            continue
        if res.checkable and res.agreed == res.checkable:
            agreeing = True
            # every value and the time read in one sentence: another relevant sentence
            # whose time cannot be read ("began lowering ... in August 2024") takes
            # nothing from it
            whole = whole or (res.checkable >= values and not (res.unread_time or res.unresolved))
        elif (
            not res.checkable
            and f.evidence.similarity >= PARAPHRASE_SIMILARITY
            and f.sentence_overlap >= PARAPHRASE_OVERLAP
        ):
            paraphrase = True
    best = max(relevant, key=lambda f: f.evidence.similarity, default=None)
    return {
        "max_similarity": max(sims, default=0.0),
        "mean_similarity": float(np.mean(sims)) if sims else 0.0,
        "max_relevant_similarity": best.evidence.similarity if best else 0.0,
        "best_sentence_overlap": max((f.sentence_overlap for f in found), default=0.0),
        "best_passage_overlap": max((f.passage_overlap for f in found), default=0.0),
        "best_entity_coverage": max((f.entity_coverage for f in found), default=0.0),
        "actor_found": float(any(f.actor for f in found)),
        "n_relevant": float(len(relevant)),
        "checkable": float(sum(f.result.checkable for f in relevant if f.result)),
        "agreed": float(sum(f.result.agreed for f in relevant if f.result)),
        "n_conflicts": float(sum(len(f.result.conflicts) for f in relevant if f.result)),
        "agreeing_source": float(agreeing),
        "paraphrase_source": float(paraphrase),
        "claim_values": float(values),
        "claim_negated": float(parts.negated),
        "negation_mismatch": float(
            best is not None
            and best.sentence_negated != bool(parts.denied_verbs)
            and not (best.result is not None and best.result.value_denied)
        ),
        # Read by the veto on the model's "supported" (verdict_model.unconfirmed), not by
        # the model.
        "unresolved": float(sum(f.result.unresolved for f in relevant if f.result)),
        "unread_time": 0.0
        if whole
        else float(sum(f.result.unread_time for f in relevant if f.result)),
        # Every relevant sentence without the claim's causal link: none states it.
        "unread_cause": float(
            bool(relevant) and all(f.result.unread_cause for f in relevant if f.result)
        ),
    }


def _similarities(
    embedder: Embedder, claim_texts: list[str], pairs: list[tuple[int, str]]
) -> list[float]:
    """Cosine of each (claim, sentence) pair, every distinct text embedded once."""
    if not pairs:
        return []
    sentences = sorted({s for _, s in pairs})
    vecs = embedder.encode(claim_texts + sentences)
    cv, sv = vecs[: len(claim_texts)], vecs[len(claim_texts) :]
    index = {s: i for i, s in enumerate(sentences)}
    return [float(np.dot(cv[ci], sv[index[s]])) for ci, s in pairs]
