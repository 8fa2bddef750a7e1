"""HTML input: a saved page (or a fetched one) to an ``Article`` with trafilatura.

trafilatura finds the main text and the metadata (title, author, date, site); scripts are
never executed, only parsed away. What trafilatura leaves of a page's furniture (an ad
slot inside the article body, a repeated teaser) is cut by the debris rules afterwards.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from newsprobe.article import Article, Removal
from newsprobe.errors import InputError
from newsprobe.ingest.text import article_from_text, check_bytes, decode
from newsprobe.normalize import normalize_text
from newsprobe.normalize.debris import classify_line, is_preview, line_key
from newsprobe.normalize.text import CONTROL

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
#: Element count above which trafilatura gives up instead of spending minutes on a page.
MAX_TREE_SIZE = 200_000


@lru_cache(maxsize=1)
def _config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    # trafilatura's timeout uses SIGALRM, which only works in the main thread; services and
    # batch workers call this from others. Size caps bound the work instead.
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    config.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))
    return config


def looks_like_html(data: bytes | str) -> bool:
    head = (data[:2048].decode("latin-1") if isinstance(data, bytes) else data[:2048]).lower()
    return any(tag in head for tag in ("<!doctype html", "<html", "<head", "<body", "<article"))


_HTML_TAG = re.compile(r"<html[\s>]", re.I)
_BODY_TAG = re.compile(r"<body[\s>]", re.I)


def _as_document(html: str) -> str:
    """A fragment (an HTML column holding ``<p>...</p>``) wrapped as a whole page.

    trafilatura finds no main text in a bare ``<p>`` or ``<body>`` fragment, though it
    finds it in the same markup inside ``<html><body>``.
    """
    head = html[:10_000]
    if _HTML_TAG.search(head):
        return html
    if _BODY_TAG.search(head):
        return f"<html>{html}</html>"
    return f"<html><body>{html}</body></html>"


def article_from_html(
    html: bytes | str, url: str | None = None, name: str | None = None
) -> Article:
    """The main text and metadata of a page, or :class:`InputError` when it has none."""
    name = name or url or "<html>"
    if isinstance(html, bytes):
        check_bytes(html, name)
        html = decode(html)
    elif not html.strip():
        raise InputError(f"{name}: empty input")
    html = _as_document(CONTROL.sub("", html))
    try:
        doc = _extract(html, url, with_metadata=True, include_tables=False)
        if doc is None or not (doc.text or "").strip():
            raise InputError(f"{name}: no article text found in the HTML")
    except (ValueError, TypeError, RecursionError) as exc:
        raise InputError(f"{name}: cannot parse HTML ({exc})") from exc
    # trafilatura puts one paragraph per line; plain-text articles separate paragraphs with
    # a blank line, and the two must tokenize alike for a page and its text to agree.
    body = "\n\n".join(p for p in doc.text.split("\n") if p.strip())
    article = article_from_text(
        body,
        name,
        title=doc.title or None,
        url=url or doc.url or None,
        author=doc.author or None,
        date=_publication_date(doc.date, html, url),
        site=doc.sitename or doc.hostname or None,
    )
    article.meta["extraction"] = {"html_chars": len(html), "text_chars": len(doc.text)}
    article.removed = _page_removals(html, article) + article.removed
    # Read on the text left once debris is cut: a cookie notice has five words too.
    try:
        menus_only = _menus_only(article.text, html, url)
    except (ValueError, TypeError, RecursionError) as exc:
        raise InputError(f"{name}: cannot parse HTML ({exc})") from exc
    if menus_only:
        raise InputError(f"{name}: no article text found in the HTML, only menus and links")
    return article


def _publication_date(found: str | None, html: str, url: str | None) -> str | None:
    """trafilatura's date, unless it is only a year: its last resort reads years out of the
    page's text, and on a page with no date markup that is the footer's "© 2025", given
    as 2025-01-01. A reader takes that for the day the article was published, so a first
    of January that the page's markup and address do not also give is dropped."""
    if not found or not found.endswith("-01-01"):
        return found or None
    from htmldate import find_date

    try:
        marked = find_date(html, url=url, extensive_search=False, original_date=True)
    except (ValueError, TypeError):
        return None
    return found if marked == found else None


def _menus_only(text: str, html: str, url: str | None) -> bool:
    """Whether trafilatura's text is a section front's or error page's menus: no line of
    five words, and nothing left when it favours precision. Its fallback extractors
    return "Home / World / Sign in" rather than nothing, which was scored as a too-short
    article instead of saying the page holds none."""
    if any(len(line.split()) >= 5 for line in text.splitlines()):
        return False
    precise = _extract(html, url, favor_precision=True)
    return precise is None or not (precise.text or "").strip()


def _extract(html: str, url: str | None, **options: bool) -> Any:
    """trafilatura's main text of a page, with the settings every reading of it shares."""
    import trafilatura

    return trafilatura.bare_extraction(
        html, url=url, include_comments=False, config=_config(), **options
    )


_BLOCKS = (
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "nav",
    "footer",
    "header",
    "aside",
    "section",
    "article",
    "main",
    "table",
    "tr",
    "td",
    "th",
    "br",
    "blockquote",
    "figure",
    "figcaption",
    "form",
    "button",
    "dd",
    "dt",
    "pre",
)
MAX_LISTED = 200


def _page_removals(html: str, article: Article) -> list[Removal]:
    """The page's visible lines that did not make it into the article (the audit trail).

    trafilatura drops navigation, ads, cookie banners and footers silently; a user who
    wants to know why a verdict differs from the page they see needs the list. Lines a
    debris rule recognises get its reason, the rest are "boilerplate".
    """
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    for bad in tree.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    for el in tree.iter(*_BLOCKS):  # a block starts and ends a line, as a browser shows it
        el.text = "\n" + (el.text or "")
        el.tail = "\n" + (el.tail or "")
    kept = {line_key(line) for line in article.text.split("\n")}
    kept.update(line_key(r.text) for r in article.removed)
    text = " ".join(kept)
    out: list[Removal] = []
    seen: set[str] = set()
    for line in tree.text_content().split("\n"):
        line = normalize_text(line)
        key = line_key(line)
        if not key or key in seen or key in kept or key in text:
            continue
        seen.add(key)
        reason = classify_line(line) or ("truncated_preview" if is_preview(line) else "boilerplate")
        out.append(Removal(text=line, reason=reason, line=-1))
        if len(out) >= MAX_LISTED:
            break
    return out
