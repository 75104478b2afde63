"""Article URLs found in sitemaps and feeds but not yet handed to Scrapy's scheduler.

A Scrapy `Request` with its meta costs a few KB in the scheduler's memory queue, so a 100k-URL
sitemap used to cost hundreds of MB before the first article was fetched. The backlog keeps the
URLs (strings) instead and releases at most `window` requests at a time: one more each time an
article request completes, and a full window whenever the spider goes idle (which also covers
requests that a middleware dropped on the way). A window of 0 releases everything at once (the
Redis frontier, where the requests live in Redis and other workers must see them).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable


class Backlog:
    def __init__(self, window: int) -> None:
        self.window = window
        self.urls: deque[str] = deque()
        self.queued: set[str] = set()  # each URL once, although sitemaps repeat them
        self.in_flight = 0

    def add(self, urls: Iterable[str]) -> None:
        for url in urls:
            if url not in self.queued:
                self.queued.add(url)
                self.urls.append(url)

    def take(self) -> list[str]:
        """The URLs to request now: the free part of the window (all of them with no window)."""
        free = len(self.urls) if self.window <= 0 else max(0, self.window - self.in_flight)
        out = [self.urls.popleft() for _ in range(min(free, len(self.urls)))]
        self.in_flight += len(out)
        return out

    def done(self) -> None:
        """An article request completed (fetched or failed)."""
        self.in_flight = max(0, self.in_flight - 1)

    def idle(self) -> list[str]:
        """The spider is idle, so nothing it released is still waiting: a fresh window."""
        self.in_flight = 0
        return self.take()

    def __len__(self) -> int:
        return len(self.urls)
