"""A wall-clock budget for one page's cleaning, so no single page can stall a crawl.

Python checks signals between bytecodes and inside long regex matches, so SIGALRM interrupts a
runaway rule wherever it runs; C code that never returns to Python (a parser) is bounded by the
input caps instead (cleaners/parse.py). Signals reach only the main thread: elsewhere the budget
is not enforced (Scrapy runs the item pipelines in the main thread).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class PageTimeout(TimeoutError):
    """Cleaning one page took longer than its budget."""


def _expire(signum: int, frame: FrameType | None) -> None:
    del signum, frame
    raise PageTimeout("cleaning the page took longer than its time budget")


@contextmanager
def page_budget(seconds: float) -> Iterator[None]:
    """Raise PageTimeout in the body once `seconds` have passed (0 or less: no budget)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
