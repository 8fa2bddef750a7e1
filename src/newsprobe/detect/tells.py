"""Chatbot scaffolding: the assistant's own words left in a published text.

Content farms paste a chat model's reply whole: "Sure, here is a 5-sentence news article
based on…", "As an AI language model, I cannot…", "[assistant]:", a refusal in place of a
story. NewsGuard's count of unreliable AI-generated news sites began with exactly these
error messages. They are not statistics but the machine naming itself, so one such span
settles the verdict whatever the token statistics say (see :data:`TELL_PROBABILITY`), and
the span is shown to the user as the reason.

A chat reply's formatting counts too: a line that is wholly a bold markdown span
(``**Council approves harbour wall**``) is how chat interfaces set a headline, as is a
text opening "Title: ..." (265 machine texts of ``../shared/data``, no human one), and it
survives only where the reply was pasted raw, markup and all. A page's own headline comes
through extraction as plain text (trafilatura keeps no markup), and reporters' copy has no
markdown; inline bold (``he **admits** it``, Reddit's ``**Part I** First…``) is left alone.

Reporters do write about chatbots and quote them, so a phrase inside quotation marks is
not a tell, and phrases that people also say ("here is a summary of the events so far",
"I can't help but…") are matched only in the forms a chatbot uses: at the very start of
the text, or naming the prompt's own terms (an N-sentence news article, a polished
version). Measured on the 12,707 human texts of ``../shared/data`` (BBC, PolitiFact,
GossipCop, CoAID, arXiv, Yelp, WritingPrompts, SQuAD): see ``benchmarks/bench_tells.py``.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

#: Machine probability given to a text that carries a tell: a chatbot naming itself is not
#: a matter of degree. Below 1 because the patterns, though checked on 12,707 human texts
#: without a hit, are still patterns.
TELL_PROBABILITY = 0.99

_NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
_WRITE = (
    r"(?:fulfill|fulfil|complete|comply\ with|generate|write|create|produce"
    r"|assist\ with|help\ with)"
)

#: (kind, pattern). Patterns are case-insensitive; ``^`` is the start of the text (the
#: markdown heading alone matches per line).
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("role tag", r"\[(?:assistant|system|user)\]|^\s*(?:assistant|chatgpt|ai)\s*:"),
    (
        "self-reference",
        r"\bas\ an?\ (?:ai|artificial\ intelligence)(?:\ language)?\ model\b"
        r"|\bI(?:'m|\ am)\ (?:only\ |just\ )?(?:an?\ )?(?:large\ )?language\ model\b"
        r"|\bI(?:'m|\ am)\ an\ ai(?:\ assistant|\ chatbot)?\s*[,.;]"
        r"|\bmy\ (?:knowledge\ cutoff|training\ data)\b"
        r"|\bas\ of\ my\ (?:last\ )?(?:knowledge\ (?:update|cutoff)|training)\b",
    ),
    (
        "refusal",
        rf"\bI\ (?:cannot|can\ not|can't|am\ unable\ to|'m\ unable\ to|am\ not\ able\ to"
        rf"|'m\ not\ able\ to)\ {_WRITE}\b"
        r"|\bviolat\w*\ (?:the\ |our\ |my\ )?(?:usage|content)\ (?:guidelines|polic(?:y|ies))\b",
    ),
    (
        "reply framing",
        # Opening the text with the reply's preamble ("Sure, here is the article…").
        r"^\W*(?:sure|certainly|absolutely|okay|of\ course)\W+(?:here|below)\b"
        r"|^\W*(?:here\ is|here's|below\ is)\ (?:a|an|the|my|your)\b[^.\n:]{0,40}?"
        r"\b(?:article|story|report|version|rewrite|paraphrase|piece)\b"
        # Anywhere: naming the prompt's own terms.
        rf"|\b(?:here\ is|here's|below\ is)\ (?:a|an|the|my|your)\b[^.\n:]{{0,40}}?"
        rf"(?:\b{_NUM}[\s-]sentences?\b|\bnews\ article\b"
        r"|\b(?:polished|rewritten|revised|improved|paraphrased)\ version\b)"
        rf"|\b{_NUM}[\s-]sentences?\ news\ (?:article|story)\b"
        r"|\bnews\ article\ based\ on\ (?:the|a|this|your)\ (?:given\ )?"
        r"(?:summary|abstract|prompt|headline|information)\b"
        # Signing the reply off to the person who asked for it.
        r"|\bI\ hope\ (?:this|the)\ (?:article|story|piece|rewrite|version)\ "
        r"(?:meets|fits|suits|helps|is\ what)\b"
        r"|\blet\ me\ know\ if\ you\ (?:would\ like|need|want)\ (?:me\ to\ make\ )?"
        r"(?:any\ )?(?:changes|adjustments|revisions|modifications|edits)\b",
    ),
    # A whole line in bold: a chat reply's markdown headline, pasted with its markup.
    ("markdown heading", r"(?m:^[ \t]*\*\*[^*\n]{3,200}\*\*[ \t]*$)"),
    # The reply's headline labelled as such ("Title: ...", "**Headline:** ..."), opening
    # the text; not a CMS export's header, whose next line is another field ("Author:").
    (
        "title label",
        r"^\W*(?:title|headline)[ \t]*:[^\n]*+(?!\n[ \t]*\W*(?:author|byline|by|date"
        r"|published|updated|source|url|link|tags?|categor(?:y|ies)|description|keywords"
        r"|section)[ \t]*:)",
    ),
)
_COMPILED = tuple((kind, re.compile(p, re.I | re.X)) for kind, p in _PATTERNS)
#: Every kind of tell, in the order they are tried.
TELL_KINDS: tuple[str, ...] = tuple(kind for kind, _ in _PATTERNS)


@dataclass(frozen=True, slots=True)
class Tell:
    """One span of chatbot scaffolding: character offsets into the text and its kind."""

    start: int
    end: int
    kind: str


def _quoted(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation opened earlier in its paragraph."""
    para = text[text.rfind("\n", 0, pos) + 1 : pos]
    straight = para.count('"')
    if straight % 2:
        return True
    curly_open = sum(para.count(q) for q in "“«")
    curly_close = sum(para.count(q) for q in "”»")
    if curly_open > curly_close:
        return True
    # British single quotes: ’ closes one only where no letter follows (not "don’t").
    return para.count("‘") > len(re.findall(r"’(?!\w)", para))


def _same_clause(text: str, end: int, start: int) -> bool:
    gap = text[end:start] if start > end else ""
    return len(gap) <= 40 and not any(ch in gap for ch in ".!?:\n")


def find_tells(text: str, kinds: Collection[str] = TELL_KINDS) -> list[Tell]:
    """Every span of chatbot scaffolding in ``text``, in order, overlapping matches joined
    and quotations left out; ``kinds`` limits the search to some of :data:`TELL_KINDS`
    (how a benchmark measures the rule without one of them)."""
    found: list[Tell] = []
    for kind, pattern in _COMPILED:
        if kind not in kinds:
            continue
        for m in pattern.finditer(text):
            if m.end() > m.start() and not _quoted(text, m.start()):
                found.append(Tell(m.start(), m.end(), kind))
    found.sort(key=lambda t: (t.start, -t.end))
    merged: list[Tell] = []
    for t in found:
        # Matches that overlap or sit in the same clause ("Sure, here" … "5-sentence news
        # article") are one piece of scaffolding: one span, one tell.
        if merged and _same_clause(text, merged[-1].end, t.start):
            last = merged[-1]
            merged[-1] = Tell(last.start, max(last.end, t.end), last.kind)
        else:
            merged.append(t)
    return merged
