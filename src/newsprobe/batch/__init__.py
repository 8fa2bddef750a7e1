"""Batch jobs over crawls: ``scan`` (resumable, local or Ray) and per-site reports."""
