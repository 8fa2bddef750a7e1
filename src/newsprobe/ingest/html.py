"""HTML input: a saved page (or a fetched one) to an ``Article`` with trafilatura.

trafilatura finds the main text and the metadata (title, author, date, site); scripts are
never executed, only parsed away. What trafilatura leaves of a page's furniture (an ad
slot inside the article body, a repeated teaser) is cut by the debris rules afterwards.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
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
    html, hidden, tree = _without_hidden(html)
    try:
        doc = _extract(html, url, with_metadata=True, include_tables=False)
    except (ValueError, TypeError, RecursionError) as exc:
        raise InputError(f"{name}: cannot parse HTML ({exc})") from exc
    if doc is None or not (doc.text or "").strip():
        raise InputError(f"{name}: no article text found in the HTML")
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
    hidden_lines = [Removal(text=t, reason="hidden", line=-1) for t in hidden[:MAX_LISTED]]
    tree = tree if tree is not None else _tree(html)  # the page parsed once for both reads
    # The page's elements are looked for in the text with whitespace runs as one space.
    flat = " ".join(article.text.split())
    links = _link_share(flat, tree)  # before _page_removals rewrites the tree
    cards, card_words = _story_cards(flat, tree)
    stories = max(_stories_read(flat, tree), _entries_read(flat, tree))
    if stories > 1:
        article.meta["stories"] = stories
    article.removed = hidden_lines + _page_removals(tree, article) + article.removed
    # Read on the text left once debris is cut: a cookie notice has five words too.
    try:
        menus_only = _menus_only(article.text, html, url)
    except (ValueError, TypeError, RecursionError) as exc:
        raise InputError(f"{name}: cannot parse HTML ({exc})") from exc
    if menus_only:
        raise InputError(f"{name}: no article text found in the HTML, only menus and links")
    if links >= MAX_LINK_SHARE:
        raise InputError(
            f"{name}: no article text found in the HTML, only links to stories "
            f"({links:.0%} of its text; a section front or a list of headlines)"
        )
    if cards >= MIN_CARDS and len(article.text.split()) - card_words < OWN_WORDS:
        raise InputError(
            f"{name}: no article text found in the HTML, only teasers of other stories "
            f"({cards} headlines that link elsewhere, a few sentences each: a home page or "
            "a section front)"
        )
    if _repeated_share(article) >= MAX_LINK_SHARE:
        raise InputError(
            f"{name}: no article text found in the HTML, only the same lines repeated "
            "(a list of story cards)"
        )
    if (error := _error_page(article)) is not None:
        raise InputError(f"{name}: an error page ({error!r}), no article text")
    return article


def _stories_read(flat: str, tree: Any) -> int:
    """How many of the page's ``<article>`` elements of 40 words or more the extracted
    text holds: a live page or a digest gives several stories, read as one text."""
    if tree is None:
        return 0
    return sum(_holds(flat, e, 40) for e in tree.xpath("//article[not(ancestor::article)]"))


def _entries_read(flat: str, tree: Any) -> int:
    """How many entries of a live page the text holds: sibling blocks of one kind (tag
    and class), three or more, each with its own time stamp and 20 words or more, as a
    live blog posts them without an ``<article>`` each."""
    if tree is None:
        return 0
    kinds: dict[tuple[Any, str, str | None], set[Any]] = defaultdict(set)
    for stamp in tree.iter("time"):
        for block in stamp.iterancestors():
            parent = block.getparent()
            if parent is None:
                break
            if block.tag != "li":  # a timeline's dates are one story's list
                kinds[(parent, block.tag, block.get("class"))].add(block)
    return max(
        (sum(_holds(flat, b, 20) for b in blocks) for blocks in kinds.values() if len(blocks) >= 3),
        default=0,
    )


def _holds(flat: str, element: Any, least: int) -> bool:
    """Whether the text (``flat``: whitespace runs as one space) holds the element's text,
    of ``least`` words or more, judged by ten words from its middle and a third of the way
    in, past the headline and byline the text may have cut. Text nodes are joined with and
    without a space: a minified page's "</h2><p>" has none between the headline and the
    body, and "<b>Po</b>land" none inside a word."""
    for words in (element.text_content().split(), " ".join(element.itertext()).split()):
        probes = [" ".join(words[k : k + 10]) for k in (len(words) // 3, len(words) // 2)]
        if len(words) >= least and any(p in flat for p in probes):
            return True
    return False


#: A page whose main text is mostly the text of links is a list of stories, not one:
#: a section front's headlines have the five words a menu lacks.
MAX_LINK_SHARE = 0.5
# What an error page is titled, not a headline that says "not found" ("Missing hiker not
# found after search"): a status code first, or a page that is not there.
_ERROR_TITLE = re.compile(
    r"^\W*(?:error\W*)?(?:404|410|500)\b|^\W*not found\W*$"
    r"|\b(?:page|file|article|content)\s+(?:not found|(?:does not|doesn't) exist)\b",
    re.I,
)
_ERROR_WORDS = 100  # an error page says a sentence or two, an article more
#: Marks of an element a reader of the page never sees: not shown, no size, transparent,
#: or moved off the screen (a red-team hid a human paragraph each of these ways).
_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden"
    r"|font-size\s*:\s*(?:0(?![.\d]*[1-9])|0?\.0\d*)|(?<![-\w])color\s*:\s*transparent"
    r"|(?:left|top|right|text-indent)\s*:\s*-(?:\d{3,}|\d{2,}(?:\.\d+)?\s*(?:em|rem|vw|vh))"
    r"|margin(?:-left|-top)?\s*:\s*-\d{4,}"  # a layout's overlap is -100px, not -9999px
    r"|transform\s*:\s*translate[xy]?\(\s*-\d{3,}|scale\(\s*0\s*\)"
    r"|clip\s*:\s*rect\(\s*0[\s,]+0|clip-path\s*:\s*inset\(\s*50%",
    re.I,
)
#: A style sheet's rule: its selectors and its declarations.
_CSS_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
#: A selector naming one class or id ("p.note", "#x"), the only kind read.
_SIMPLE_SELECTOR = re.compile(r"[\w-]*([.#])([\w-]+)")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
#: Transparent: read in an element's own style only, since a style sheet's "opacity: 0"
#: is most often where a script's fade-in starts.
_FADED = re.compile(r"opacity\s*:\s*0(?![.\d]*[1-9])", re.I)
_COLOUR = re.compile(r"(?<![-\w])color\s*:\s*([^;!]+?)\s*(?:!important\s*)?(?:;|$)", re.I)
_BACKGROUND = re.compile(
    r"(?<![-\w])background(?:-color)?\s*:\s*([^;!]+?)\s*(?:!important\s*)?(?:;|$)", re.I
)
_HIDDEN_CLASSES = frozenset({"hidden", "sr-only", "visually-hidden", "screen-reader-text"})


def _tree(html: str) -> Any:
    """The page as an lxml tree, or None where lxml cannot parse it."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        return lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _without_hidden(html: str) -> tuple[str, list[str], Any]:
    """The page without the elements a reader never sees (``hidden``, ``aria-hidden``,
    ``<template>``, a style of their own or a style sheet's class or id that hides them:
    ``_hidden_style``, ``_hidden_selectors``), and their text. A content farm can hide a human
    paragraph there for the detector to read; the page is returned as given when it
    hides nothing, or when it hides everything (a page whose script shows the article).
    Also the parsed tree of the page returned, when there is one, for the reads after
    extraction."""
    from lxml import html as lxml_html

    tree = _tree(html)
    if tree is None:
        return html, [], None
    hide, hidden_ids = _hidden_selectors(tree)
    hidden = []
    for el in list(tree.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        classes = set((el.get("class") or "").lower().split())
        if any(":" in c for c in classes):  # "hidden md:block": shown on a wider screen
            classes.discard("hidden")
        if (
            el.tag == "template"
            or el.get("hidden") is not None
            or (el.get("aria-hidden") or "").lower() == "true"
            or _hidden_style(el.get("style") or "")
            or classes & hide
            or el.get("id") in hidden_ids
        ):
            text = " ".join(el.text_content().split())
            if text:
                hidden.append(text)
            el.drop_tree()
    if not hidden:
        return html, [], tree
    body = tree.find("body")
    if body is None or len(" ".join(body.text_content().split()).split()) < 5:
        return html, [], None  # the tree lost what the page keeps
    return lxml_html.tostring(tree, encoding="unicode"), hidden, tree


def _hidden_style(style: str) -> bool:
    """Whether an element's own style hides it, or writes it in its background's colour
    ("color:#fff;background:#fff")."""
    style = _CSS_COMMENT.sub("", style)
    if _HIDDEN_STYLE.search(style) or _FADED.search(style):
        return True
    colour = _COLOUR.search(style)
    ground = _BACKGROUND.search(style)
    return bool(colour and ground) and colour.group(1).lower() == ground.group(1).lower()


def _hidden_selectors(tree: Any) -> tuple[set[str], set[str]]:
    """The classes (lower-cased) and ids the page's style sheets hide, each named alone
    in a selector list (".sr, #note {clip: rect(0 0 0 0)}"); a selector of more parts
    (".menu .x") hides only where it applies, so it is not read."""
    classes, ids = set(_HIDDEN_CLASSES), set()
    for style in tree.iter("style"):
        for rule in _CSS_RULE.finditer(_CSS_COMMENT.sub("", style.text or "")):
            if not _HIDDEN_STYLE.search(rule.group(2)):
                continue
            for selector in rule.group(1).split(","):
                if m := _SIMPLE_SELECTOR.fullmatch(selector.strip()):
                    kind, name = m.groups()
                    if kind == ".":
                        classes.add(name.lower())
                    else:
                        ids.add(name)
    return classes, ids


def _link_share(flat: str, tree: Any) -> float:
    """How much of the article's text is the text of the page's links."""
    if tree is None or not flat:
        return 0.0
    links = {" ".join(a.text_content().split()) for a in tree.iter("a")}
    covered = sum(len(t) for t in links if len(t.split()) >= 3 and t in flat)
    return min(1.0, covered / len(flat))


#: Story cards: this many headlines or more that link to other pages, each in a block of
#: at most CARD_WORDS words (a card: a headline and a summary, not a story), and fewer
#: than OWN_WORDS words of the text outside them (a listicle's or a live page's own
#: introduction and entries are an article's).
MIN_CARDS, CARD_WORDS, OWN_WORDS = 3, 160, 40


def _story_cards(flat: str, tree: Any) -> tuple[int, int]:
    """How many story cards the text is made of, and how many of its words are theirs: a
    heading of four words or more that links to another page (not "#post-3" on this one),
    in a small block whose summary or heading the text holds. Several such headings in
    one ``<article>`` are its items (a listicle's books), not cards; a card that is an
    ``<article>`` of its own is a card."""
    if tree is None:
        return 0, 0
    found: list[tuple[Any, str, int]] = []
    for heading in tree.xpath("//h1|//h2|//h3|//h4"):
        words = " ".join(heading.text_content().split())
        links = heading.xpath("ancestor::a[@href] | .//a[@href]")
        if len(words.split()) < 4 or not any(not a.get("href").startswith("#") for a in links):
            continue
        card = heading.xpath("ancestor::*[.//p][1]")
        if not card or len(card[0].text_content().split()) > CARD_WORDS:
            continue  # the page's body, not a card: a story's own linked headline
        summaries = [" ".join(p.text_content().split()) for p in card[0].iter("p")]
        shown = [t for t in summaries if len(t.split()) >= 8 and t in flat]
        if words in flat or shown:
            size = len(words.split()) * (words in flat) + sum(len(t.split()) for t in shown)
            article = next(iter(heading.xpath("ancestor::article[1]")), None)
            found.append((article, words, size))
    per_article = Counter(a for a, _, _ in found if a is not None)
    cards = {w: n for a, w, n in found if a is None or per_article[a] == 1}
    return len(cards), sum(cards.values())


def _repeated_share(article: Article) -> float:
    """How much of the text is lines said three times or more: a page of story cards
    whose summaries repeat, which no article does. The copies the debris cut took out as
    repeated teasers count: they are what the page was made of."""
    copies = [r.text for r in article.removed if r.reason.startswith("repeated_")]
    lines = [
        " ".join(line.split()) for line in [*article.text.split("\n"), *copies] if line.strip()
    ]
    counts = Counter(lines)
    total = sum(len(line) for line in lines)
    repeated = sum(len(line) for line in lines if counts[line] >= 3)
    return repeated / total if total else 0.0


def _error_page(article: Article) -> str | None:
    """The title of an error page ("404 - Page not found") with a sentence or two."""
    if len(article.text.split()) >= _ERROR_WORDS:
        return None
    for line in (article.title or "", *article.text.split("\n")[:2]):
        if _ERROR_TITLE.search(line):
            return line.strip()
    return None


def _publication_date(found: str | None, html: str, url: str | None) -> str | None:
    """trafilatura's date, unless it is only a year or a month: its last resort reads them
    out of the page's text, and on a page with no date markup that is the footer's
    "© 2025", given as 2025-01-01, or a story's "£682m in 2010/11", given as 2010-11-01. A
    reader (and the claim checks, which count "last year" back from it) takes that for
    the day the article was published, so a first of the month that the page's markup
    and address do not also give is dropped."""
    if not found or not found.endswith("-01"):
        return found or None
    from htmldate import find_date

    try:
        marked = find_date(html, url=url, extensive_search=False, original_date=True)
    except (ValueError, TypeError):
        return None
    return found if marked == found else None


def _menus_only(text: str, html: str, url: str | None) -> bool:
    """Whether trafilatura's text is a section front's or error page's menus: no line of
    five words (and nothing left when it favours precision), or five lines and more with
    at most one in five that long ("Weather / 0 hours ago / 1 hours ago"). Its fallback extractors
    return "Home / World / Sign in" rather than nothing, which was scored as a too-short
    article instead of saying the page holds none."""
    lines = [line for line in text.splitlines() if line.strip()]
    long = sum(len(line.split()) >= 5 for line in lines)
    if long and not (len(lines) >= 5 and long <= len(lines) // 5):
        return False  # a sentence, not only "Weather / 0 hours ago / 1 hours ago / ..."
    if len(lines) >= 5 and long:
        return True
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


def _page_removals(tree: Any, article: Article) -> list[Removal]:
    """The page's visible lines that did not make it into the article (the audit trail).

    trafilatura drops navigation, ads, cookie banners and footers silently; a user who
    wants to know why a verdict differs from the page they see needs the list. Lines a
    debris rule recognises get its reason, the rest are "boilerplate". ``tree`` is
    rewritten (scripts dropped, a line break around each block).
    """
    if tree is None:
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
