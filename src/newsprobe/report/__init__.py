"""Presenting results: JSON objects and the terminal view."""

from newsprobe.report.json import article_json
from newsprobe.report.terminal import render_article

__all__ = ["article_json", "render_article"]
