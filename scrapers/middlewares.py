"""Downloader helpers: exponential backoff before retries, and a per-run duplicate filter."""
from __future__ import annotations

import asyncio

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.dupefilters import RFPDupeFilter


class RetryBackoffMiddleware:
    """Wait base * 2**(n-1) seconds (capped) before sending the n-th retry of a request.

    Scrapy's RetryMiddleware re-schedules failed requests at once; this delays each retry
    in the downloader so a struggling server gets room to recover.
    """

    def __init__(self, base: float, cap: float) -> None:
        self.base, self.cap = base, cap

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryBackoffMiddleware:
        return cls(crawler.settings.getfloat("KAZNEWS_RETRY_BACKOFF_BASE"),
                   crawler.settings.getfloat("KAZNEWS_RETRY_BACKOFF_MAX"))

    async def process_request(self, request: Request) -> None:
        tries = request.meta.get("retry_times", 0)
        if tries and self.base > 0:
            await asyncio.sleep(min(self.cap, self.base * 2 ** (tries - 1)))


class RunDupeFilter(RFPDupeFilter):
    """Scrapy's request filter without the JOBDIR `requests.seen` file.

    A killed run loses the requests it had in flight; a persisted filter would then block
    them forever on resume. The SQLite state already skips what was emitted, so each run
    starts with an empty filter and re-discovers everything else.
    """

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunDupeFilter:
        return cls(None, crawler.settings.getbool("DUPEFILTER_DEBUG"), fingerprinter=crawler.request_fingerprinter)
