"""Errors a user can act on.

Every failure that reaches the command line is a :class:`NewsprobeError` whose message is one
line; the CLI prints it and exits non-zero instead of showing a traceback.
"""

from __future__ import annotations


class NewsprobeError(Exception):
    """Base class: the message is a single line meant for the user."""

    exit_code = 2


class InputError(NewsprobeError, ValueError):
    """The input cannot be read as an article (missing, unreadable, binary, empty); a
    ``ValueError`` too, as a library user catching bad input expects."""


class FetchError(InputError):
    """The site named by a URL failed (unreachable, an HTTP error, too slow): the request
    was fine, so the service answers as a gateway does (502, or 504 for a timeout) and a
    client knows that sending it again later may work, where a 422 says it never will."""

    def __init__(self, message: str, status: int = 502) -> None:
        super().__init__(message)
        self.status = status


class UsageError(NewsprobeError):
    """An option's value names nothing there is (a device, an embedder): exit 2, as for
    other bad options, not 3, which says a model or detector file could not be loaded."""


class ModelError(NewsprobeError):
    """A language model cannot be found, converted or loaded."""

    exit_code = 3


class DetectorFileError(NewsprobeError):
    """A fitted detector file is missing, corrupt or of an unknown version."""

    exit_code = 3


class DataError(NewsprobeError):
    """An evaluation or training data file is not in the expected row format."""


class OutputError(NewsprobeError):
    """Results could not be written part way through a run (a full disk): what was
    finished is kept, so the exit is 1, as for a run that could not do everything."""

    exit_code = 1
