"""Downloader helpers: exponential backoff (or the server's Retry-After) before retries, a per-run duplicate filter."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.dupefilters import RFPDupeFilter
from scrapy.http import Response

RETRY_AFTER = "kaznews_retry_after"


class RetryBackoffMiddleware:
    """Wait base * 2**(n-1) seconds (capped) before sending the n-th retry of a request.

    Scrapy's RetryMiddleware re-schedules failed requests at once; this delays each retry
    in the downloader so a struggling server gets room to recover.
    """

    def __init__(self, base: float, cap: float) -> None:
        self.base, self.cap = base, cap

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryBackoffMiddleware:
        return cls(
            crawler.settings.getfloat("KAZNEWS_RETRY_BACKOFF_BASE"),
            crawler.settings.getfloat("KAZNEWS_RETRY_BACKOFF_MAX"),
        )

    async def process_request(self, request: Request) -> None:
        tries = request.meta.get("retry_times", 0)
        if tries and self.base > 0:
            backoff = self.base * 2 ** (tries - 1)
            await asyncio.sleep(min(self.cap, max(backoff, request.meta.get(RETRY_AFTER, 0.0))))


class RetryAfterMiddleware:
    """Note a 429/503's Retry-After (seconds or an HTTP date) in the request's meta; the retry copies it
    and RetryBackoffMiddleware waits that long (capped by KAZNEWS_RETRY_BACKOFF_MAX)."""

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status in (429, 503):
            delay = retry_after(response.headers.get(b"Retry-After"))
            if delay:
                request.meta[RETRY_AFTER] = delay
        return response


def retry_after(value: bytes | None, now: datetime | None = None) -> float:
    """Seconds a Retry-After header asks to wait (0 when absent or unreadable)."""
    text = (value or b"").decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return 0.0
    if when.tzinfo is None:
        return 0.0
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RunDupeFilter(RFPDupeFilter):
    """Scrapy's request filter without the JOBDIR `requests.seen` file.

    A killed run loses the requests it had in flight; a persisted filter would then block
    them forever on resume. The SQLite state already skips what was emitted, so each run
    starts with an empty filter and re-discovers everything else.
    """

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunDupeFilter:
        return cls(None, crawler.settings.getbool("DUPEFILTER_DEBUG"), fingerprinter=crawler.request_fingerprinter)
