"""Request and response shapes: what ``/docs`` shows and what schemathesis tests against."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema

#: The ways an article can be given, in the order they are looked for.
INPUT_KINDS = ("text", "markdown", "html", "url", "pdf", "file")


class CheckItem(BaseModel):
    """One article, given as plain text, as Markdown, as an HTML page, as a PDF file, as
    any file's bytes, or as a URL."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"text": "Poland invoked Article 4 of ...", "fpr": 0.01}]},
    )

    text: str | None = Field(None, description="The article as plain text.")
    markdown: str | None = Field(
        None,
        description="A Markdown document (a .md file); its markup is removed, as a page's "
        "tags are, so that its own bold headline is not read as a chat reply's.",
    )
    html: str | None = Field(None, description="An HTML page; its main text is extracted.")
    url: str | None = Field(
        None, description="An http(s) URL to fetch (public addresses only).", max_length=2048
    )
    pdf: str | None = Field(
        None, description="A PDF file, base64-encoded; its text layer is read (no OCR)."
    )
    file: str | None = Field(
        None,
        description="Any article file, base64-encoded, read as `newsprobe check` reads it: "
        "a PDF by its header, HTML by its name or content (its declared charset honoured), "
        "Markdown by a .md name, else text in any encoding.",
    )
    filename: str | None = Field(
        None, max_length=255, description="The file's name (with `file`): its kind by suffix."
    )
    fpr: float | None = Field(
        None,
        gt=0.0,
        lt=1.0,
        allow_inf_nan=False,
        strict=True,  # a JSON number: "0.05" or true (read as 1) is refused, not coerced
        description="Share of human news the threshold may flag (default: the detector's).",
    )
    date: str | None = Field(
        None,
        description="The article's publication date (YYYY-MM-DD, YYYY-MM or YYYY): what "
        "'last year' and 'a decade ago' in its claims count back from; over a date the "
        "page or PDF gives.",
        examples=["2025-09-10"],
    )

    @field_validator("date")
    @classmethod
    def _calendar_date(cls, value: str | None) -> str | None:
        from newsprobe.claims.parts import read_date

        return None if value is None else read_date(value)

    @model_validator(mode="after")
    def _exactly_one_input(self) -> CheckItem:
        given = [k for k in INPUT_KINDS if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of text, markdown, html, url, pdf or file")
        if self.filename is not None and self.file is None:
            raise ValueError("filename goes with file")
        return self

    @property
    def kind(self) -> str:
        return next(k for k in INPUT_KINDS if getattr(self, k) is not None)


class BatchRequest(BaseModel):
    """Several articles in one request; they are scored together (faster per article)."""

    model_config = ConfigDict(extra="forbid")

    # An item that is not a valid CheckItem comes through as it was sent (kept out of the
    # API docs): it gets its own 422 in the results and the other items are checked.
    items: list[Annotated[CheckItem | SkipJsonSchema[Any], Field(union_mode="left_to_right")]] = (
        Field(..., min_length=1)
    )


class Removed(BaseModel):
    """A piece of the input cut before scoring (navigation, share buttons, ...)."""

    text: str
    reason: str


class EvidenceResult(BaseModel):
    """A trusted-source passage retrieved for a claim, with its best-matching sentence."""

    model_config = ConfigDict(extra="allow")

    text: str
    source: str = Field(
        ..., description="The source document as the store names it (what `sources remove` takes)"
    )
    title: str | None = Field(None, description="The source document's title, if it has one")
    url: str | None
    score: float = Field(..., description="Fused retrieval (RRF) score")
    sentence: str = Field(..., description="The passage's sentence closest to the claim")
    similarity: float
    relevant: bool = Field(..., description="Whether it passed the relevance gate")


class ConflictResult(BaseModel):
    """A value the claim states and a trusted source states differently."""

    model_config = ConfigDict(extra="allow")

    kind: str = Field(
        ...,
        description=(
            '"number", "date", "role", "negation", "quote", "speaker", "direction", "name" or '
            '"group"'
        ),
    )
    claim: str
    source_says: str
    source_text: str
    source: str
    title: str | None = None
    url: str | None


class ClaimResult(BaseModel):
    """A check-worthy sentence of the article and what the trusted sources say about it."""

    model_config = ConfigDict(extra="allow")

    text: str
    start: int
    end: int
    checkworthiness: float
    verdict: str | None = Field(
        ..., description='"supported", "contradicted" or "not_enough_evidence"'
    )
    evidence: list[EvidenceResult]
    conflicts: list[ConflictResult]
    reason: str | None = Field(
        None, description="Why a contradicted verdict that names no conflict was given"
    )
    parts: dict[str, Any]


class Tell(BaseModel):
    """A chatbot's own words in the text ("Here is a 5-sentence news article…")."""

    start: int
    end: int
    kind: str = Field(
        ...,
        description='"role tag", "self-reference", "refusal", "reply framing" or '
        '"markdown heading"',
    )
    text: str


class BoundaryResult(BaseModel):
    """Where a mixed article turns machine-written."""

    sentence: int = Field(..., description="Index in sentences of the first machine sentence")
    start: int = Field(..., description="Its character offset")
    text: str
    statistic: float = Field(
        ...,
        description="The evidence for a turn: the log Bayes factor of a rise against none "
        "(test 'sentences') or the detector's log-odds on the ending read alone ('ending')",
    )
    cutoff: float = Field(
        ..., description="The statistic that at most fpr_target of human news articles pass"
    )
    fpr_target: float
    likely_range: list[int] | None = Field(
        None,
        min_length=2,
        max_length=2,
        description="First and last index in sentences that may be the first machine "
        "sentence, with probability likely_level (null from older detector files)",
    )
    likely_level: float | None = None
    test: str = Field(
        "sentences",
        description="Which test found the turn: 'sentences' (a rise in the sentence "
        "evidence) or 'ending' (the article's ending, read alone, reads machine-written)",
    )


class SentenceResult(BaseModel):
    """One sentence and its calibrated machine probability (null past the scored tokens).
    Offsets are into the text that was scored, after cleaning, not into the input."""

    start: int
    end: int
    text: str
    machine_probability: float | None


class ArticleResult(BaseModel):
    """The verdict for one article: the same keys as ``newsprobe check --json``.

    Optional keys appear when they apply: ``reason`` (no number given), ``flags``
    (evasion tricks), ``sentences``, ``claims`` and the page metadata (title, url, ...).
    """

    model_config = ConfigDict(extra="allow")

    machine_probability: float | None
    label: str = Field(..., description='"machine", "human", "too_short" or "unsupported_language"')
    threshold: float | None
    fpr_target: float
    threshold_texts: int | None = Field(
        None, description="How many human texts the threshold was read on"
    )
    model: str
    tokens: int
    scores: dict[str, float | None]
    language: str | None = Field(None, description="The text's language (ISO 639-1)")
    title: str | None = Field(None, description="Page metadata, when the input had it")
    author: str | None = None
    date: str | None = None
    site: str | None = None
    url: str | None = None
    stories: int | None = Field(
        None, description="A page holding several stories: how many were read as one text"
    )
    languages: dict[str, float] | None = Field(
        None, description="A text mixing languages: each one's share of its paragraphs"
    )
    evasion: dict[str, int] | None = Field(None, description="Tricks undone before scoring")
    attention: str | None = Field(None, description='"high" when flags call for a closer look')
    flags: list[str] | None = None
    caveats: list[str] | None = Field(
        None, description="What limits the number: a short text, several stories, languages"
    )
    reason: str | None = Field(None, description="Why no number is given")
    removed: list[Removed] | None = Field(None, description="Debris cut before scoring")
    tells: list[Tell] | None = Field(
        None, description="Chatbot scaffolding in the text; any sets the verdict to machine"
    )
    sentences: list[SentenceResult] | None = Field(
        None, description="Each sentence in reading order, scored over a window of its neighbours"
    )
    sentence_threshold: float | None = Field(
        None,
        description="Sentence probability above which at most sentence_fpr_target of human "
        "news sentences lie (with sentences, where the detector has calibrated ones)",
    )
    sentence_fpr_target: float | None = None
    sentence_shade: float | None = Field(
        None,
        description="A lower sentence cut-off: above it lie at most sentence_shade_fpr_target "
        "of human news sentences (leaning machine)",
    )
    sentence_shade_fpr_target: float | None = None
    boundary: BoundaryResult | None = Field(
        None,
        description="With sentences: where a human article turns machine-written, when the "
        "rise in sentence evidence passes a cut-off stated on human news; else null",
    )
    claims: list[ClaimResult] | None = Field(
        None, description="Only when the service runs with --sources: claims, best first"
    )
    claims_summary: dict[str, int] | None = Field(
        None, description="Claims per verdict (with claims)"
    )
    claims_not_checked: str | None = Field(
        None,
        description="With --sources, why this article's claims were not checked (a "
        "language the claim parser does not read); claims is then absent",
    )
    claims_note: str | None = Field(
        None,
        description="With claims: dates said relative to the article's own ('a decade "
        "ago') that could not be read, as it gives no readable publication date",
    )
    claims_error: str | None = Field(
        None,
        description="With --sources, why the claim check failed on this article (a fault "
        "in newsprobe); claims is then absent and the detector's result stands",
    )


class ItemError(BaseModel):
    """A batch item that could not be checked; the others still are."""

    error: str
    status: int
    url: str | None = Field(None, description="The item's url, when it was one.")


class BatchResult(BaseModel):
    results: list[ArticleResult | ItemError]


#: ``BatchResult.results`` read strictly (built once: a TypeAdapter compiles a validator).
_ANSWERED = TypeAdapter(list[ArticleResult | ItemError])


class ReportRequest(BaseModel):
    """Results to save as one report page: what ``/v1/check`` or ``/v1/check/batch``
    answered, unchanged."""

    model_config = ConfigDict(extra="forbid")

    results: list[ArticleResult | ItemError] = Field(..., min_length=1)

    @field_validator("results", mode="before")
    @classmethod
    def _as_answered(cls, value: Any) -> Any:
        """Strictly as the API answers them: a "3" where it gives 3 is not its answer."""
        try:
            _ANSWERED.validate_python(value, strict=True)
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = first["loc"]
            item = f"[{loc[0]}]" if loc and isinstance(loc[0], int) else ""
            field = ".".join(str(x) for x in loc[2:])
            raise ValueError(
                f"results{item} is not a result as /v1/check gives it: "
                f"{first['msg'].lower()}{f' ({field})' if field else ''}"
            ) from None
        return value


class ErrorBody(BaseModel):
    error: str


class Health(BaseModel):
    status: str
    in_flight: int
    capacity: int
    completed: int
    rejected: int
    timed_out: int
    uptime_s: float


class SourcesInfo(BaseModel):
    """Whether claims are checked (``serve --sources``), and against how much."""

    configured: bool
    documents: int | None = None
    passages: int | None = None
    max_claims: int | None = None
    judge: bool | None = Field(None, description="Whether an LLM judge gives the verdicts")


class ModelsInfo(BaseModel):
    models: list[str]
    features: list[str]
    meanings: dict[str, str] = Field(
        ..., description="What each scorer's value says, by scorer (the name before '@')"
    )
    fpr_target: float
    threshold: float
    threshold_texts: int = Field(..., description="How many human texts the threshold was read on")
    max_tokens: int
    min_tokens: int
    inputs: dict[str, bool]
    limits: dict[str, Any]
    sources: SourcesInfo


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in {
        401: "Missing or wrong API key",
        413: "Request body or text too large",
        422: "Malformed JSON or invalid fields, or the input has no usable text",
        501: "This input kind is not available in this build",
        502: "The site a url names failed (unreachable, or an HTTP error); may work later",
        503: "All workers and queue slots busy (see Retry-After)",
        504: "Not answered within the request timeout, or a url's site too slow",
    }.items()
}
