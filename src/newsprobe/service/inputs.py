"""From a request item to a checked ``Article`` and back to JSON.

HTML extraction and URL fetching belong to ``newsprobe.ingest`` (``ingest.html``,
``ingest.fetch``); they are imported on first use so that the service runs, and says 501
for those inputs, in a build that lacks them.
"""

from __future__ import annotations

import base64
from pathlib import PurePosixPath
from typing import Any

from newsprobe.article import Article
from newsprobe.ingest import article_from_bytes
from newsprobe.ingest.inputs import article_from_data
from newsprobe.ingest.pdf import article_from_pdf, is_pdf
from newsprobe.ingest.records import is_record_file
from newsprobe.report.json import article_json
from newsprobe.service.errors import ServiceError, TooLarge, Unavailable
from newsprobe.service.schemas import CheckItem
from newsprobe.service.settings import ServiceSettings


def available_inputs() -> dict[str, bool]:
    """Which input kinds this build can take (the page greys out the others)."""
    return {
        "text": True,
        "markdown": True,
        "html": _html_module() is not None,
        "url": _fetch_module() is not None,
        "pdf": True,
        "file": True,
    }


def _html_module() -> Any:
    try:
        from newsprobe.ingest import html
    except ImportError:
        return None
    return html if hasattr(html, "article_from_html") else None


def _fetch_module() -> Any:
    try:
        from newsprobe.ingest import fetch
    except ImportError:
        return None
    return fetch if hasattr(fetch, "fetch_url") else None


def _check_length(chars: int, what: str, settings: ServiceSettings) -> None:
    if chars > settings.max_text_chars:
        raise TooLarge(
            f"{what} is {chars} characters; this service takes at most {settings.max_text_chars}"
        )


def _base64(value: str, message: str) -> bytes:
    try:
        return base64.b64decode(value, validate=True)
    except ValueError as exc:  # binascii.Error, and non-ASCII characters
        raise ServiceError(message, status=422) from exc


def _file_name(name: str | None) -> str:
    """The file's own name, for its suffix (its kind) and the messages that name it;
    never a path to anything here."""
    base = PurePosixPath((name or "").replace("\\", "/")).name
    if base and base.isprintable() and len(base) <= 100 and not base.startswith("."):
        return base
    suffix = "".join(PurePosixPath(base).suffixes[-1:]).lower()
    return f"file{suffix}" if suffix.isascii() and len(suffix) <= 10 else "file"


def article_from_item(item: CheckItem, settings: ServiceSettings) -> Article:
    """Read one item into an Article (blocking: may fetch a URL); ServiceError/InputError."""
    article = _read_item(item, settings)
    article.date = item.date or article.date
    return article


def _read_item(item: CheckItem, settings: ServiceSettings) -> Article:
    if item.text is not None:
        _check_length(len(item.text), "text", settings)
        # As `check -` reads it: a page's source pasted into the text box is a page.
        return article_from_data(item.text.encode("utf-8", "replace"), "text")
    if item.markdown is not None:
        _check_length(len(item.markdown), "markdown", settings)
        data = item.markdown.encode("utf-8", "replace")
        return article_from_bytes(data, "markdown", markdown=True)
    if item.file is not None:
        if is_record_file(item.filename or ""):
            raise ServiceError(
                "file: a record file (JSONL, CSV, Parquet, WARC) holds many articles; send "
                "them as items to /v1/check/batch, or run `newsprobe scan` on it",
                status=422,
            )
        data = _base64(item.file, "file must be a base64-encoded file")
        article = article_from_data(data, _file_name(item.filename))
    elif item.pdf is not None:
        data = _base64(item.pdf, "pdf must be a base64-encoded PDF file")
        if not is_pdf(data):
            raise ServiceError("pdf does not hold a PDF file (no %PDF- header)", status=422)
        article = article_from_pdf(data, "pdf")
    elif item.html is not None:
        module = _html_module()
        if module is None:
            raise Unavailable("html input is not available: this build lacks newsprobe.ingest.html")
        article = module.article_from_html(item.html, name="html")
    else:
        url = item.url or ""
        if not url.lower().startswith(("http://", "https://")):
            raise ServiceError(
                f"url must start with http:// or https://, got {url[:80]!r}", status=422
            )
        module = _fetch_module()
        if module is None:
            raise Unavailable("url input is not available: this build lacks newsprobe.ingest.fetch")
        article = module.fetch_url(
            url,
            allow_private=settings.allow_private_urls,
            timeout=settings.fetch_timeout_s,
            max_bytes=settings.max_body_bytes * 5,
        )
    _check_length(len(article.text), "extracted text", settings)
    return article


def result_json(article: Article, model: str) -> dict[str, Any]:
    """What ``check --json`` prints for the article, without the file path it does not have."""
    out = article_json(article, model)
    out.pop("path", None)
    return out
