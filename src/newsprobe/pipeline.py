"""The library API that the CLI, the service and batch jobs all call.

``check_articles`` runs the detector's models over the articles (predict), then writes
token statistics, scores and a verdict onto each ``Article`` (set annotations).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterable, Sequence, Sized
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprobe.article import Article, Span, Verdict
from newsprobe.detect.boundary import flagged_alone, locate_boundary, unread_ending
from newsprobe.detect.detector import Detector
from newsprobe.detect.sentences import SENTENCE_FPR, SHADE_FPR, score_sentences
from newsprobe.detect.tells import find_tells
from newsprobe.errors import InputError, NewsprobeError
from newsprobe.ingest.language import SUPPORTED_LANGUAGES, is_unsupported
from newsprobe.normalize.text import TRANSLATION_MIN
from newsprobe.settings import DetectOptions

if TYPE_CHECKING:
    from newsprobe.sources.base import EvidenceStore
    from newsprobe.verify.options import VerifyOptions

log = logging.getLogger(__name__)


def ingested(article: Article) -> Article:
    """``article``, read as a file would be: an ``Article(text=...)`` made in code had skipped
    the ingest stage, so its invisible characters and look-alike letters were scored as they
    came, its language was never checked, and its numbers differed from ``check``'s for the
    same text. It is normalized in place (text, language, evasion counts, cut debris) before
    anything is scored, a page's markup read as a page; one that came through
    ``newsprobe.ingest`` (its ``evasion`` count is set) or carries token statistics
    already is left as it is."""
    if article.date is not None and not isinstance(article.date, str):
        from newsprobe.claims.parts import read_date

        try:  # Article(date=datetime.date(...)): text, as every reader gives it
            article.date = read_date(article.date)
        except ValueError as exc:
            raise TypeError(f"Article.date: {exc}") from None
    if "evasion" in article.meta or article.token_stats:
        return article
    from newsprobe.ingest.html import article_from_html, looks_like_html
    from newsprobe.ingest.text import article_from_text

    name = article.source_path or "<text>"
    if looks_like_html(article.text):  # a page's markup, as a .txt file holding it is read
        read = article_from_html(article.text, url=article.url, name=name)
    else:
        read = article_from_text(article.text, name)
    article.text = read.text
    for key in ("title", "author", "date", "site", "language"):
        if getattr(article, key) is None:
            setattr(article, key, getattr(read, key))
    article.removed = [*read.removed, *article.removed]
    article.meta = {**read.meta, **article.meta}
    return article


def _article_list(articles: Iterable[Article], caller: str) -> list[Article]:
    """The articles as a list (a generator is read once, here), or a TypeError naming what
    was expected."""
    if isinstance(articles, Article | str) or not isinstance(articles, Iterable):
        raise TypeError(f"{caller} takes a list of Article objects: [Article(text=...)]")
    articles = list(articles)
    if not all(isinstance(a, Article) for a in articles):
        raise TypeError(f"{caller} takes a list of Article objects: [Article(text=...)]")
    for i, article in enumerate(articles):
        if not isinstance(article.text, str):
            raise TypeError(f"articles[{i}].text must be a str, got {type(article.text).__name__}")
    return articles


def _ingest_all(articles: list[Article]) -> None:
    """Read each article as a file would be, before any is scored; one that cannot be
    read (nothing left after normalization) is named by its place in the list."""
    for i, article in enumerate(articles):
        try:
            ingested(article)
        except InputError as exc:
            where = article.source_path or f"articles[{i}]"
            raise InputError(str(exc).replace("<text>", where, 1)) from None


def load_detector(path: str | None = None, options: DetectOptions | None = None) -> Detector:
    """The shipped detector (or one from ``path``) with ``options``' run settings applied:
    device and runtime, and the batch size and minimum length where they are set (unset,
    the file's own stand)."""
    det = Detector.load(path)
    if options is not None:
        if options.batch_size is not None:
            det.batch_size = options.batch_size
        if options.min_tokens is not None:
            det.min_tokens = options.min_tokens
        det.device = options.device
        det.runtime = options.runtime
        if options.fpr is not None:
            det.check_rate(options.fpr)  # before any article is read or scored
    return det


def _language_said(article: Article, confidence: float) -> str:
    """What the text is in, with its other languages' shares when it mixes them."""
    shares = article.meta.get("languages")
    if not shares:
        return f"text is in {article.language!r} (confidence {confidence:.2f})"
    parts = [f"{share:.0%} {lang!r}" for lang, share in shares.items()]
    return f"text is mostly in {article.language!r} ({', '.join(parts)} of its paragraphs)"


def check_articles(
    articles: Sequence[Article], detector: Detector, options: DetectOptions | None = None
) -> list[Article]:
    """Score each article and attach ``token_stats``, ``scores`` and ``verdict``."""
    articles = _article_list(articles, "check_articles")
    if not isinstance(detector, Detector):
        raise TypeError(f"detector must be a Detector (load_detector()), got {detector!r}")
    if options is not None and not isinstance(options, DetectOptions):
        raise TypeError("options must be a DetectOptions, e.g. DetectOptions(fpr=0.05)")
    options = options or DetectOptions()
    options.window(detector.max_tokens)  # a window shorter than the verdict's is refused
    _ingest_all(articles)
    fpr = options.fpr if options.fpr is not None else detector.fpr
    if options.fpr is not None:
        detector.check_rate(options.fpr)
    threshold = detector.threshold_for(fpr)
    scored = []
    for article in articles:
        confidence = float(article.meta.get("language_confidence", 0.0))
        if is_unsupported(article.language, confidence):
            # The models would give a confident-looking number on text they do not know.
            article.verdict = Verdict(
                label="unsupported_language",
                machine_probability=None,
                threshold=threshold,
                fpr_target=fpr,
                reason=f"{_language_said(article, confidence)}; the detector covers "
                f"{', '.join(sorted(SUPPORTED_LANGUAGES))} only",
            )
        else:
            scored.append(article)
    if scored:
        _score(scored, detector, options, threshold, fpr)
    cut, shade = (detector.sentence_threshold_for(f) for f in (SENTENCE_FPR, SHADE_FPR))
    for article in articles:
        if article.verdict is not None:
            article.verdict.flags = evasion_flags(
                article.meta.get("evasion", {}), len(article.text.split())
            )
            article.verdict.threshold_texts = len(detector.calibration_scores_)
            article.verdict.flags += tell_flags(article)
            article.verdict.sentence_threshold, article.verdict.sentence_shade = cut, shade
        if (
            options.sentences
            and detector.models
            and article.verdict
            and article.verdict.label != "too_short"
        ):
            article.sentences = score_sentences(article, detector)
            article.boundary = locate_boundary(article, detector)
            if article.boundary is None and options.read_ending:
                _read_to_the_end(article, detector)
    return list(articles)


#: Tokens the sentences are scored over once an article's unread ending reads
#: machine-written: what ``--max-tokens 512`` colours.
FURTHER_TOKENS = 512


def _read_to_the_end(article: Article, detector: Detector) -> None:
    """Read the ending the verdict's window left unread; where it alone would be flagged,
    score the sentences further and locate the turn (a human lead in front of a machine
    story had hidden it: ``detect.boundary.unread_ending``)."""
    unread = unread_ending(article, detector)
    if not flagged_alone(unread, article):
        return
    if max(len(st) for st in article.token_stats.values()) < FURTHER_TOKENS:
        start = article.body_start
        stats = detector.extractor.stats([article.text[start:]], FURTHER_TOKENS)
        article.token_stats = {m: stats[m][0].shifted(start) for m in detector.models}
        article.sentences = score_sentences(article, detector)
    article.boundary = locate_boundary(article, detector, unread)


def _score(
    scored: list[Article],
    detector: Detector,
    options: DetectOptions,
    threshold: float,
    fpr: float,
) -> None:
    """Run the models over the articles in a covered language and give each a verdict."""
    starts = [a.body_start for a in scored]  # the story after its headline
    texts = [a.text[b:] for a, b in zip(scored, starts, strict=True)]
    stats = detector.extractor.stats(texts, options.max_tokens)
    rows = detector.extractor.from_stats(texts, stats)
    # The headline the verdict sets aside is read for tells too: a page titled with a chat
    # reply's bold headline (<h1>**Swansea City Still Not Safe**) shows the markup there
    # only, extraction having run the story on after it on the same line.
    headed = [find_tells(a.text[:b].strip()) for a, b in zip(scored, starts, strict=True)]
    if detector.tells:
        for row, told in zip(rows, headed, strict=True):
            row["tells"] = row.get("tells", 0.0) + len(told)
    proba = detector.predict_proba_rows(rows)
    n_tokens = detector.n_tokens(rows)
    for i, article in enumerate(scored):
        article.token_stats = {m: stats[m][i].shifted(starts[i]) for m in detector.models}
        article.scores = {k: float(v) for k, v in rows[i].items() if not k.startswith("n_tokens")}
        article.meta["tokens"] = int(n_tokens[i])
        article.meta["verdict_features"] = list(detector.feature_names_)
        if detector.tells and rows[i].get("tells", 0) > 0:
            # The row already counted them; the spans are looked up only where there are some.
            told = find_tells(article.text)
            for h in headed[i]:  # the headline's own, where the text's do not cover them
                if not any(h.start < t.end and t.start < h.end for t in told):
                    told.append(h)
            told.sort(key=lambda t: t.start)
            article.tells = [Span(t.start, t.end, t.kind) for t in told]
        p = proba[i]
        if np.isnan(p):
            n = int(n_tokens[i])
            article.verdict = Verdict(
                label="too_short",
                machine_probability=None,
                threshold=threshold,
                fpr_target=fpr,
                reason=f"only {n} token{'' if n == 1 else 's'}; at least "
                f"{detector.min_tokens} are needed to judge"
                if n < detector.min_tokens
                # Enough tokens, but no words among them: digits, emoji, symbols.
                else f"too few words to judge: {n} tokens of numbers or symbols",
            )
        else:
            article.verdict = Verdict(
                label="machine" if p > threshold else "human",
                machine_probability=float(p),
                threshold=threshold,
                fpr_target=fpr,
            )


#: Look-alike letters or invisible characters, beyond this many, are a deliberate trick.
EVASION_MIN = 3
#: Words recased, from this many and this share of the text's words: most of a story
#: typed in a case no reporter writes it in. A human story's one paragraph of legal
#: boilerplate in capitals, or a shouted quote, is recased without a flag.
RECASED_MIN = 20
RECASED_SHARE = 0.5


def evasion_flags(findings: dict[str, int], words: int | None = None) -> list[str]:
    """Flags for a verdict from the evasion counts of normalization.

    Human reporters do not type Cyrillic letters into English words or hide zero-width
    spaces between tokens; text that carries them was manipulated to fool detectors, so it
    raises attention whatever the probability says (which is computed on the cleaned text).
    A round trip through machine translation, a way to launder another outlet's story or
    a chatbot's, leaves compounds spaced ("45 -year -old"); it raises attention the same way.
    """
    flags = []
    if findings.get("homoglyphs", 0) >= EVASION_MIN:
        flags.append(f"evasion: {findings['homoglyphs']} look-alike letters folded")
    if findings.get("invisible_characters", 0) >= EVASION_MIN:
        flags.append(f"evasion: {findings['invisible_characters']} invisible characters removed")
    if findings.get("misspellings", 0) >= EVASION_MIN:
        flags.append(f"evasion: {findings['misspellings']} misspelled words repaired")
    if findings.get("split_words", 0) >= EVASION_MIN:
        flags.append(f"evasion: {findings['split_words']} words split by a hyphen joined")
    recased = findings.get("recased_words", 0)
    if recased >= RECASED_MIN and (words is None or recased >= RECASED_SHARE * words):
        flags.append(
            f"evasion: prose typed in capitals or Title Case, {recased} words given sentence case"
        )
    if findings.get("spaced_hyphens", 0) >= TRANSLATION_MIN:
        flags.append(
            f"machine translation: {findings['spaced_hyphens']} compounds spaced as a "
            "translation leaves them (“45 -year -old”), joined before scoring"
        )
    return flags


def tell_flags(article: Article, shown: int = 2) -> list[str]:
    """One flag per tell (the first ``shown``): a chatbot's own words in the text."""
    flags = []
    for span in article.tells[:shown]:
        quote = " ".join(span.text_of(article.text).split())
        flags.append(f"chatbot text ({span.label}): “{quote[:80]}”")
    if len(article.tells) > shown:
        more = len(article.tells) - shown
        flags.append(f"chatbot text: {more} more {'span' if more == 1 else 'spans'}")
    return flags


def verify_articles(
    articles: Sequence[Article], store: EvidenceStore, options: VerifyOptions | None = None
) -> list[Article]:
    """Extract each article's check-worthy claims and verify them against ``store``.

    Sets ``article.claims`` (best first), each with evidence, conflicts and a verdict.
    """
    from newsprobe.claims import extract_claims, load_nlp
    from newsprobe.verify import VerifyOptions, verify_claims

    articles = _article_list(articles, "verify_articles")
    options = options or VerifyOptions()
    if not hasattr(store, "search"):
        raise TypeError(f"store must be a source store (SQLiteStore(path)), got {store!r}")
    _ingest_all(articles)  # claims are read from the text check would read
    if isinstance(store, Sized) and len(store) == 0:
        # Every claim would come back "not enough evidence", which reads like a check.
        where = getattr(store, "path", "the store")
        raise InputError(f"{where}: the source store is empty (newsprobe sources add)")
    nlp = load_nlp()
    every = []
    for article in articles:
        confidence = float(article.meta.get("language_confidence", 0.0))
        if is_unsupported(article.language, confidence):  # as check_articles decides it
            # spaCy's English parser would read German as English and find no conflict:
            # say the claims were not checked rather than list them "without evidence".
            article.claims = None
            article.meta["claims_not_checked"] = (
                f"claims are checked in {', '.join(sorted(SUPPORTED_LANGUAGES))} only; "
                f"this text reads as {article.language or 'another language'}"
            )
            continue
        year, unread = _article_year(article.date)
        article.claims = extract_claims(
            article.text, nlp, options.min_checkworthiness, options.max_claims, year=year
        )
        if year is None:
            _note_unread_dates(article, unread)
        every.extend(article.claims)
    verify_claims(every, store, nlp, options)
    return list(articles)


def _article_year(date: str | None) -> tuple[int | None, str]:
    """The year relative dates in an article's claims count back from, or why there is
    none: no date, or one that cannot be read (a record file's "2025-13-40")."""
    from newsprobe.claims.parts import read_date, reference_year

    if not date:
        return None, "which it does not give"
    try:
        return reference_year(read_date(date)), ""
    except ValueError as exc:
        return None, f"but its date cannot be read ({exc})"


def _note_unread_dates(article: Article, why: str) -> None:
    """Say so when claims date an event from the article's own date and there is none to
    count from: they read "not enough evidence", which would otherwise look like a check."""
    said = [d.text for c in article.claims or () for d in c.parts.dates if d.relative]
    if said:
        n = len(dict.fromkeys(said))
        article.meta["claims_note"] = (
            f"{n} {'date is' if n == 1 else 'dates are'} counted from the article's "
            f"publication date ('{said[0]}'), {why}: give it (check --date YYYY-MM-DD, "
            'a service request\'s "date") to read them'
        )


#: Checked once when a claims stage warms up: a dated, numbered sentence, so that extraction
#: finds a claim and the search, the embedder, spaCy and the verdict model all load.
WARM_UP_CLAIM = "The city council said on Monday that 12 residents complained in 2024."


class ClaimsStage:
    """``verify_articles`` bound to one opened store and one set of options.

    Built once (a ``check --sources`` run, a ``serve --sources`` process) so that the store
    is opened and the models loaded once, then called on each batch of checked articles.
    Calls are serialized: the store's SQLite connection and spaCy's pipeline are shared
    objects that the web service reaches from several worker threads.
    """

    def __init__(self, store: EvidenceStore, options: VerifyOptions | None = None) -> None:
        from newsprobe.verify import VerifyOptions

        self.store = store
        self.options = options or VerifyOptions()
        self._lock = threading.Lock()
        self._warm = False

    def __call__(self, articles: Sequence[Article]) -> list[Article]:
        with self._lock:
            try:
                return verify_articles(articles, self.store, self.options)
            except NewsprobeError:
                raise  # the store or the judge: every article's claims fail alike
            except Exception:
                if len(articles) == 1:
                    return [self._failed(articles[0])]
            # A fault in the checks on one article (a bug) loses no other article's
            # claims: each is checked alone, and only the one that fails goes without.
            out = []
            for article in articles:
                try:
                    out.extend(verify_articles([article], self.store, self.options))
                except NewsprobeError:
                    raise
                except Exception:
                    out.append(self._failed(article))
            return out

    @staticmethod
    def _failed(article: Article) -> Article:
        """The article without claims, saying why (``claims_error``): its detector verdict
        stands, and a batch run goes on."""
        exc = sys.exc_info()[1]
        log.debug("claim check failed", exc_info=True)
        article.claims = None
        article.meta["claims_error"] = (
            f"the claim check failed on this article ({type(exc).__name__}: {exc}); "
            "this is a fault in newsprobe, please report it with the article"
        )
        return article

    def warm_up(self) -> None:
        """Load every model the stage uses now, not on the first article (once)."""
        if not self._warm:
            self([Article(text=WARM_UP_CLAIM)])
            self._warm = True

    def describe(self) -> dict[str, Any]:
        """What a client may know about the sources: counts, not the server's paths."""
        with self._lock:
            docs = self.store.list()
        return {
            "configured": True,
            "documents": len(docs),
            "passages": sum(d.passages for d in docs),
            "max_claims": self.options.max_claims,
            "judge": self.options.judge_url is not None,
        }
