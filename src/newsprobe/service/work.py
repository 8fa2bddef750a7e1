"""A bounded worker pool: detector calls run in threads, and admission is refused (503)
instead of letting an unbounded backlog grow.

The event loop stays free for health checks and for refusing work while the detector is
busy. A slot is held until the thread finishes, not until the client stops waiting: a
request that timed out (504) still occupies its worker, so a burst of timeouts cannot pile
more work onto the CPU than ``workers + queue_size``.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from newsprobe.service.errors import Busy, TimedOut

T = TypeVar("T")


def late(limit_s: float) -> str:
    """The 504 message, naming the request's whole time limit."""
    return (
        f"no answer within {limit_s:g} s: the service is busy or the text is long for "
        "the time allowed (serve --timeout)"
    )


class WorkerPool:
    """``workers`` threads and at most ``queue_size`` waiting jobs."""

    def __init__(self, workers: int, queue_size: int) -> None:
        self.workers = workers
        self.capacity = workers + queue_size
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="newsprobe")
        self._lock = threading.Lock()
        self._held = 0
        self._seconds_per_job = 1.0  # running mean, for Retry-After
        self.completed = 0
        self.rejected = 0
        self.timed_out = 0  # answered 504 (a job already running still counts as completed)

    @property
    def in_flight(self) -> int:
        return self._held

    def retry_after(self) -> int:
        """Seconds until a slot is likely free: the backlog divided among the workers."""
        return max(1, math.ceil(self._seconds_per_job * self._held / self.workers))

    def _release(self, started: float) -> None:
        elapsed = time.perf_counter() - started
        with self._lock:
            self._held -= 1
            self.completed += 1
            self._seconds_per_job += 0.2 * (elapsed - self._seconds_per_job)

    def ensure_room(self) -> None:
        """Busy now if no slot is free: for work worth skipping, such as fetching a URL.

        Text and HTML are read first (milliseconds), so a bad one gets its 4xx even when
        the service is busy; ``run`` makes the binding decision either way.
        """
        with self._lock:
            if self._held >= self.capacity:
                self.rejected += 1
                raise Busy(f"all {self.capacity} slots are busy; retry later", self.retry_after())

    async def run(self, fn: Callable[[], T], timeout_s: float, limit_s: float | None = None) -> T:
        """Run ``fn`` on a worker thread; Busy when full, TimedOut after ``timeout_s``.

        ``limit_s`` is the request's whole time limit, named in the 504 message (``timeout_s``
        is what is left of it).
        """
        with self._lock:
            if self._held >= self.capacity:
                self.rejected += 1
                raise Busy(f"all {self.capacity} slots are busy; retry later", self.retry_after())
            self._held += 1

        def job() -> T:
            started = time.perf_counter()
            try:
                return fn()
            finally:
                self._release(started)

        try:
            future: Future[T] = self._executor.submit(job)
        except RuntimeError:  # executor shut down while the app stops
            self._unhold()
            raise
        # A job cancelled before it started (timeout, client gone) never runs its finally.
        future.add_done_callback(lambda f: self._unhold() if f.cancelled() else None)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout_s)
        except TimeoutError:
            future.cancel()
            self.note_timeout()
            raise TimedOut(late(limit_s if limit_s is not None else timeout_s)) from None

    def note_timeout(self) -> None:
        """Count a 504, from the detector's queue or from reading the input."""
        with self._lock:
            self.timed_out += 1

    def _unhold(self) -> None:
        with self._lock:
            self._held -= 1

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
