"""What a claim is: a span of the article plus the parts that can be checked.

A :class:`Claim` is a view into ``Article.text`` (``start``/``end`` character offsets, as a
spaCy ``Span``), so reports can point at the exact sentence. Verification fills ``verdict``,
``evidence`` and ``conflicts`` later (predict, then annotate).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

VERDICTS = ("supported", "contradicted", "not_enough_evidence")


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity (spaCy label) inside a claim, offsets into the parsed text."""

    text: str
    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit; ``unit`` is normalized ("percent", "usd", "person", ...).

    A range ("30-40%", "between 5 and 6 million") has ``value`` as its low end and
    ``high`` as its high end; ``verb`` is the lemma of the verb the number belongs to, so a
    source's number is only compared when it is about the same action.

    ``bound`` is ``"lower"`` for "more than 100" / "at least 100" (the value is 100 or
    above), ``"upper"`` for "up to 50" / "fewer than 50", ``""`` for a stated value: a
    bound is compared as a bound, not as an estimate ("about" is ``approximate``).
    """

    value: float
    unit: str
    text: str
    start: int
    end: int
    approximate: bool = False
    high: float | None = None
    verb: str = ""
    bound: str = ""
    # The words right after the number ("voted", "favour"; "against"): which of two counts
    # of one action a value is, as "15 voted in favour and 6 against" tells them apart.
    context: tuple[str, ...] = ()
    # The lemma of the subject of the value's clause ("debt" in "public debt stood at 67%"):
    # whose value it is, where one sentence gives two ("the deficit narrowed to 2.6%").
    subject: str = ""
    # The period a rate is given for ("day" in "240 tonnes a day", "year" in "$51 a
    # year"), so "1,680 tonnes a week" is compared as the same rate, "$51 a month" not.
    per: str = ""
    # How many are given the value each ("each of the two families 500,000 kwacha": 2), so
    # their total ("a combined 1 million kwacha") states it too.
    each: int = 0


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression; any of year, month, day may be unknown. ``decade`` marks "the
    1990s", which is too loose to check against a year."""

    text: str
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    decade: bool = False
    verb: str = ""
    weekday: int | None = None  # 0 = Monday: "last Tuesday", "on Wednesday, 14 May"
    # "a decade ago", "last year": the year is counted back from the document's own date;
    # ``slack`` years either way for a count that a reader rounds ("25 years ago").
    relative: bool = False
    slack: int = 0
    # A season across two years ("1945/1946", "2020-21") states ``year`` and the next.
    years: int = 1
    # Whose action the date is (the lemma of its verb's subject: "finland" in "Finland
    # joined in 2023"), "" when none is named.
    subject: str = ""
    # ``verb`` is a noun the date stands before ("the 2014 annexation"): only a date of
    # that same noun is about the same thing.
    of_noun: bool = False


@dataclass(frozen=True, slots=True)
class Change:
    """Which way a value moved ("rose", "fell", "doubled"): +1 up, -1 down; ``what`` is
    the lemma of the noun that moved ("price" in "prices rose"); ``when`` the dates said of
    this verb ("fell in March" in "rose in February and fell in March")."""

    text: str
    direction: int
    start: int
    end: int
    what: str = ""
    when: tuple[DateRef, ...] = ()


@dataclass(frozen=True, slots=True)
class Membership:
    """Names in a named group (``claims.groups``): a claim's one name said to belong to
    it ("Poland, a Baltic state"), or the whole group as a source lists it ("the Baltic
    states, Estonia, Latvia and Lithuania"). ``group`` is the key two texts share
    ("baltic country" for "Baltic states" and "a Baltic country"); ``written`` the group's
    own words; ``appositive``: said in passing inside a sentence about something else."""

    group: str
    written: str
    members: tuple[str, ...]
    text: str
    start: int
    end: int
    appositive: bool = False


@dataclass(frozen=True, slots=True)
class Relation:
    """Who did what to whom: lowercased subject and object heads, verb lemma, negation."""

    subject: str
    verb: str
    object: str
    negated: bool = False


@dataclass(slots=True)
class ClaimParts:
    """The checkable parts of one sentence, as the consistency checks compare them."""

    entities: list[Entity] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    # The dates of the attribution frame ("the government said on Saturday"), apart from
    # ``dates``: when it was said, not when it happened, so they refute nothing; but a
    # claim giving that day to the fact ("rose to 1,644 on Saturday") is no conflict.
    frame_dates: list[DateRef] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    # The subjects written as names that the parse tagged as no entity ("easyJet" in
    # "while easyJet cancelled 274"): whom a source's list gives a value to.
    named_subjects: list[str] = field(default_factory=list)
    # Whose or what the subject is ("germany" in "Germany's exports rose", "japan" in
    # "Exports to Japan rose"): the sentence's actor too.
    owners: list[str] = field(default_factory=list)
    negated: bool = False
    # What the negations negate ("go" in "we couldn't go"): a source's negation of another
    # action in the same sentence is no answer to the claim's.
    negated_verbs: list[str] = field(default_factory=list)
    # The negated actions whose values the sentence denies ("did not raise it to 6
    # percent"): not one the sentence also affirms, nor "not ... until 2023".
    denied_verbs: list[str] = field(default_factory=list)
    quote: bool = False
    # The sentence says one thing made another happen ("cut rates because home sales
    # fell"): a source stating both facts without the link does not confirm it.
    cause: bool = False
    # The words in which the sentence states a cause, if any ("because", "led to"): what a
    # source must say for a claim's cause to be read in it.
    cause_words: list[str] = field(default_factory=list)
    attribution: str | None = None  # who the sentence says said it, lower-cased
    attributed_as: str | None = None  # the same as written ("Manager O'Neill")
    # Ranks ("30th member"), apart from ``quantities``: a rank is only compared with a rank
    # of the same thing (``unit`` is the noun it ranks), never with a count.
    ordinals: list[Quantity] = field(default_factory=list)
    # The named person the sentence attributes its statement to ("Mark Rutte said ...").
    # The attribution frame is left out of ``entities`` (a source need not repeat who told
    # reporters a fact), but a named speaker must be in the evidence: a source quoting
    # someone else does not confirm that this person said it.
    speaker: Entity | None = None
    # The named entity of any kind the statement is attributed to ("Article 4 says",
    # "the Kremlin said"; the speaker too, when a person): whose quoted words to compare.
    attributed_to: Entity | None = None
    # The words inside quotation marks: a quote is checked word for word.
    quoted: list[str] = field(default_factory=list)
    # The ``terms`` said only inside those marks: what a quote claims, not what frames it
    # ("the project", "the job losses"), which is how a source on the same statement is
    # found when it quotes other words.
    quoted_terms: list[str] = field(default_factory=list)
    # Which way the sentence says its values moved: "fell by 12 percent" against a source's
    # "rose by 12 percent" is the same number and the opposite fact.
    changes: list[Change] = field(default_factory=list)
    # Names listed together ("Poland, the Czech Republic and Hungary"), one list per
    # coordination: a source's list with a member swapped is a conflict.
    name_lists: list[list[Entity]] = field(default_factory=list)
    # Names said to belong to a named group ("Poland, a Baltic state"), and the groups the
    # sentence lists whole ("the Baltic states, Estonia, Latvia and Lithuania").
    memberships: list[Membership] = field(default_factory=list)
    groups: list[Membership] = field(default_factory=list)
    # Each named person's office as written before the name ("Prime Minister" for
    # "Gintautas Paluckas"): "President Paluckas" is another office, which a source
    # calling him Prime Minister contradicts.
    offices: dict[str, str] = field(default_factory=dict)
    # Places said where an action happened, or from or to where (verb, preposition,
    # place): ("cross", "from", Belarus) in "drones crossed its border from Belarus".
    places: list[tuple[str, str, Entity]] = field(default_factory=list)
    # The people a currency is named by ("norwegian" in "2.1 billion Norwegian crowns"),
    # compared as the currency's name, not required of a source as an entity.
    money_peoples: list[str] = field(default_factory=list)
    # Numbered things (kind, number, as written): ("article", "4", "Article 4").
    references: list[tuple[str, str, str]] = field(default_factory=list)
    # The sentence's words, lower-cased, with where each starts in the parsed text: what
    # lines a restated sentence up with its source word for word (``verify.alignment``).
    words: list[tuple[str, int]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "entities": [{"text": e.text, "label": e.label} for e in self.entities],
            "numbers": [
                {"value": q.value, "unit": q.unit, "text": q.text}
                for q in [*self.quantities, *self.ordinals]
            ],
            "dates": [
                {
                    "text": d.text,
                    "year": d.year,
                    "month": d.month,
                    "day": d.day,
                    **({"relative": True} if d.relative else {}),
                }
                for d in self.dates
            ],
            "negated": self.negated,
            "quote": self.quote,
            "attribution": self.attribution,
        }


@dataclass(slots=True)
class Evidence:
    """One passage from the trusted-source store, with the sentence that best matches."""

    text: str
    source: str
    url: str | None
    score: float
    sentence: str = ""
    title: str | None = None
    date: str | None = None
    similarity: float = 0.0
    relevant: bool = False

    @property
    def name(self) -> str:
        """What a reader is shown: the document's title, else the store's source name
        (``source`` stays the store's name, which ``sources remove`` takes)."""
        return self.title or self.source

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "source": self.source,
            "title": self.title,
            "url": self.url,
            **({"date": self.date} if self.date else {}),
            "score": round(self.score, 6),
            "sentence": self.sentence,
            "similarity": round(self.similarity, 4),
            "relevant": self.relevant,
        }


@dataclass(slots=True)
class Conflict:
    """A value in the claim that a trusted source states differently."""

    # "number", "date", "role", "negation", "quote", "speaker", "direction", "name", "group"
    kind: str
    claim_value: str
    source_value: str
    source_text: str
    source: str
    url: str | None = None
    title: str | None = None

    @property
    def name(self) -> str:
        return self.title or self.source

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "claim": self.claim_value,
            "source_says": self.source_value,
            "source_text": self.source_text,
            "source": self.source,
            "title": self.title,
            "url": self.url,
        }


@dataclass(slots=True)
class Claim:
    """A check-worthy sentence of an article and, once verified, what the sources say."""

    text: str
    start: int
    end: int
    score: float
    parts: ClaimParts
    verdict: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    judge: dict[str, Any] | None = None
    # The evidence summary the verdict was decided from (verify.verifier.claim_features).
    features: dict[str, float] | None = None
    # Why a verdict no conflict explains was given (the verdict model's "contradicted"
    # where no value differs): a fact-checker must not be left to guess.
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "checkworthiness": round(self.score, 3),
            "verdict": self.verdict,
            "evidence": [e.to_json() for e in self.evidence],
            "conflicts": [c.to_json() for c in self.conflicts],
            "parts": self.parts.to_json(),
        }
        if self.reason is not None:
            out["reason"] = self.reason
        if self.judge is not None:
            out["judge"] = self.judge
        return out
