"""The `Article`: one text and the annotations that pipeline stages add to it.

Stages never return loose tuples: ingestion fills the text and metadata, detection writes
``token_stats`` (per model), ``scores`` and the ``verdict``. Spans are views (start/end
character offsets) into ``text``, in the manner of spaCy's ``Doc``/``Span``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsprobe.claims.model import Claim
    from newsprobe.detect.stats import TokenStats


@dataclass(frozen=True, slots=True)
class Span:
    """A character range of an article's text (end exclusive)."""

    start: int
    end: int
    label: str = ""

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Removal:
    """Text cut from the input before scoring (scrape debris), kept so a user can audit it.

    ``line`` is the line number in the text as extracted, before the cut.
    """

    text: str
    reason: str
    line: int = 0


@dataclass(frozen=True, slots=True)
class SentenceScore:
    """One sentence's machine probability, from the detector over a window around it.

    ``None`` where the sentence lies past the scored token window.
    """

    start: int
    end: int
    machine_probability: float | None


@dataclass(frozen=True, slots=True)
class Boundary:
    """Where a human article turns machine-written: ``sentence`` is the index (in
    ``Article.sentences``) of the first machine-written sentence, ``start`` its character
    offset. Only set when the evidence for a turn (``statistic``, a log Bayes factor, or
    the ending's log-odds for the ending test, see ``detect.boundary``) passes ``cutoff``;
    at most ``fpr_target`` of whole human news articles pass either test.
    ``likely_range`` is the run of sentences, first and last index, that may be the first
    machine-written one with probability ``likely_level`` (``None`` from older detector
    files)."""

    sentence: int
    start: int
    statistic: float
    cutoff: float
    fpr_target: float
    likely_range: tuple[int, int] | None = None
    likely_level: float | None = None
    #: Which test found the turn: ``"sentences"`` (the Bayes factor of a rise in the
    #: sentence evidence) or ``"ending"`` (the detector on the article's ending read alone,
    #: ``statistic`` then its log-odds).
    test: str = "sentences"


@dataclass(slots=True)
class Verdict:
    """The calibrated answer for a whole article.

    ``label`` is ``"machine"``, ``"human"`` or ``"too_short"``; for the last,
    ``machine_probability`` is ``None`` because no number would be honest.
    """

    label: str
    machine_probability: float | None
    threshold: float
    fpr_target: float
    reason: str = ""
    flags: list[str] = field(default_factory=list)
    # Sentence cut-offs: above ``sentence_threshold`` lie at most SENTENCE_FPR of human news
    # sentences ("machine-like"), above ``sentence_shade`` at most SHADE_FPR (see
    # detect.sentences); None for a detector without calibrated sentence scores.
    sentence_threshold: float | None = None
    sentence_shade: float | None = None
    # How many human texts the threshold was read on: 1% of 300 is three texts, and a
    # threshold a user set on 40 (newsprobe threshold) says less than the shipped one.
    threshold_texts: int | None = None

    @property
    def attention(self) -> str:
        """``"high"`` when something besides the number calls for a closer look."""
        return "high" if self.flags else "normal"


#: The longest headline the verdict sets aside (``Article.body_start``), in words and
#: characters; a longer title is read as part of the story.
HEADLINE_WORDS = 20
HEADLINE_CHARS = 160


@dataclass(slots=True)
class Article:
    """An article's text plus what the pipeline learned about it."""

    text: str
    title: str | None = None
    url: str | None = None
    source_path: str | None = None
    author: str | None = None
    date: str | None = None
    site: str | None = None
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    removed: list[Removal] = field(default_factory=list)
    # Per-token arrays: kept out of repr(), where they ran to thousands of characters.
    token_stats: dict[str, TokenStats] = field(default_factory=dict, repr=False)
    scores: dict[str, float] = field(default_factory=dict)
    verdict: Verdict | None = None
    sentences: list[SentenceScore] = field(default_factory=list, repr=False)
    # Where the sentences turn machine-written, when a mixed article is found (detect.boundary).
    boundary: Boundary | None = None
    # Chatbot scaffolding found in the text (label = kind), which sets the verdict.
    tells: list[Span] = field(default_factory=list)
    # Check-worthy claims, best first, once verified against trusted sources (None: not run).
    claims: list[Claim] | None = None

    @property
    def id(self) -> str:
        """Stable identifier: the SHA-256 of the text (used as a cache key)."""
        return text_hash(self.text)

    @property
    def body_start(self) -> int:
        """Where the story starts after the headline that opens ``text`` (0 without one).

        The verdict reads the story, not its headline: a headline is no sentence of
        prose, the detector was calibrated on stories without one, and a human one over
        a machine story lowered its probability (``benchmarks.bench_headlines``)."""
        title = self.title
        if not title or not self.text.startswith(title):
            return 0
        # A headline's length: a "title" of a paragraph is read (a page may title itself
        # with its whole first paragraph, which would then go unread).
        if len(title) > HEADLINE_CHARS or len(title.split()) > HEADLINE_WORDS:
            return 0
        start = len(self.text) - len(self.text[len(title) :].lstrip())
        return start if start < len(self.text) else 0

    def to_json(self, model: str | None = None) -> dict[str, Any]:
        """What ``check --json`` prints for this checked article, as a dict ready for
        ``json.dumps`` (``model``: the detector's ``model_label``, which the article does
        not know)."""
        from newsprobe.report.json import article_json

        return article_json(self, model)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
