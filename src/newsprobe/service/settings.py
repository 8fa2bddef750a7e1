"""Every knob of the web service in one frozen object, built once at the edge (CLI or test).

The defaults are sized for the machine the shipped detector was measured on (2 CPU cores,
~1 article/s): one worker thread, because a second one only splits the same cores between
two forward passes, and a queue that holds about 16 s of work before the service says 503.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from newsprobe.settings import max_tokens_error

API_KEY_ENV = "NEWSPROBE_API_KEY"


@dataclass(frozen=True, slots=True)
class ServiceSettings:
    """How the service admits, bounds and times requests.

    workers: threads that run the detector; a request waits for one of them.
    queue_size: requests that may wait beyond those running; more get 503 + Retry-After.
    max_body_bytes: request bodies larger than this get 413 before they are parsed.
    max_text_chars: a text (or extracted article) longer than this gets 413.
    max_batch: items in one ``/v1/check/batch`` request.
    timeout_s: a request not answered by then gets 504 (its work still finishes).
    api_key: when set, ``/v1`` routes need it in ``X-API-Key`` or ``Authorization: Bearer``.
    allow_private_urls: let ``url`` inputs reach loopback/private addresses (tests, intranets).
    fetch_timeout_s: time limit of one URL fetch.
    max_tokens: tokens of each article the model scores; None is the detector's own window.
        A longer one colours more sentences of a long article on the page, at more cost per
        request; the verdict is the same (it reads the detector's window).
    """

    workers: int = 1
    queue_size: int = 16
    max_body_bytes: int = 2_000_000
    max_text_chars: int = 100_000
    max_batch: int = 32
    timeout_s: float = 60.0
    api_key: str | None = None
    allow_private_urls: bool = False
    fetch_timeout_s: float = 10.0
    max_tokens: int | None = None

    @classmethod
    def from_env(cls, **overrides: object) -> ServiceSettings:
        """Defaults, then ``NEWSPROBE_API_KEY``, then explicit (non-None) overrides."""
        values: dict[str, object] = {}
        if os.environ.get(API_KEY_ENV):
            values["api_key"] = os.environ[API_KEY_ENV]
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def validate(self) -> ServiceSettings:
        """Raise ValueError on settings that cannot work (caught by the CLI as one line,
        so each names the ``serve`` option that sets it, as ``--port``'s error does)."""
        for name in ("workers", "max_body_bytes", "max_text_chars", "max_batch"):
            if getattr(self, name) < 1:
                flag = "--" + name.replace("_", "-")
                raise ValueError(f"{flag} must be at least 1, got {getattr(self, name)}")
        if self.max_tokens is not None and self.max_tokens < 2:
            raise ValueError(max_tokens_error(self.max_tokens))
        if self.queue_size < 0:
            raise ValueError(f"--queue-size must not be negative, got {self.queue_size}")
        if self.timeout_s <= 0:
            raise ValueError(f"--timeout must be positive, got {self.timeout_s}")
        if self.fetch_timeout_s <= 0:
            raise ValueError(f"fetch_timeout_s must be positive, got {self.fetch_timeout_s}")
        return self
