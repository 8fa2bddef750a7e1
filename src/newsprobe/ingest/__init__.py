"""Turning what users hand us (files, stdin, directories) into :class:`~newsprobe.Article`."""

from newsprobe.ingest.text import article_from_bytes, iter_inputs, read_article

__all__ = ["article_from_bytes", "iter_inputs", "read_article"]
