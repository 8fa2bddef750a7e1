"""Turning what users hand us (files, pages, URLs, stdin, directories) into Articles."""

from newsprobe.ingest.fetch import FetchPolicy, fetch_url
from newsprobe.ingest.html import article_from_html
from newsprobe.ingest.inputs import iter_inputs, read_article
from newsprobe.ingest.text import article_from_bytes, article_from_text

__all__ = [
    "FetchPolicy",
    "article_from_bytes",
    "article_from_html",
    "article_from_text",
    "fetch_url",
    "iter_inputs",
    "read_article",
]
