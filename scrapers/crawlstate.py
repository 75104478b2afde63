"""The crawl state's one interface: what a crawl fetched and emitted, whichever backend keeps it.

`CrawlState` is what spiders, pipelines and the output writers use; `scrapers.state.State`
(SQLite, one process) and `scrapers.redis_state.RedisState` (Redis, many workers) implement it.
`crawl_state(crawler)` opens the crawl's one instance, of the class KAZNEWS_STATE_CLASS names
(default: SQLite; the `Backend` add-on switches it with the rest of the Redis profile).
"""

from __future__ import annotations

import functools
import hashlib
import re
import weakref
from datetime import UTC, datetime
from typing import Any, Protocol, runtime_checkable

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.utils.misc import load_object

_SPACE = re.compile(r"\s+")
DEFAULT_STATE_CLASS = "scrapers.state.State"
_OPEN: weakref.WeakKeyDictionary[Crawler, CrawlState] = weakref.WeakKeyDictionary()


@runtime_checkable
class CrawlState(Protocol):
    """What was fetched and emitted, by URL, article key and body fingerprint."""

    reseed: bool  # True after a damaged state was set aside: the outputs' lines are its own again

    def should_fetch(self, url: str, modified: datetime | None = None) -> bool:
        """False when the URL was fetched before, unless `modified` (a sitemap lastmod) is newer."""
        ...

    def emitted_fingerprint(self, key: str) -> str | None:
        """The body fingerprint last emitted under this key, or None if never emitted."""
        ...

    def has_fingerprint(self, fp: str) -> bool:
        """True when a story with this body fingerprint was emitted."""
        ...

    def remember_url(self, url: str, fetched_at: str, key: str | None = None) -> None:
        """Note the URL as fetched at `fetched_at` (and the article key it gave, if any)."""
        ...

    def record(self, article: dict[str, Any], url: str, fetched_at: str, output: str | None, offset: int) -> None:
        """Mark an article emitted, and the output file (if any) written up to `offset`."""
        ...

    def offset(self, output: str) -> int | None:
        """Bytes of `output` the state covers; None when this state never wrote to it."""
        ...

    def set_offset(self, output: str, offset: int) -> None:
        """The state covers `output` up to `offset`."""
        ...

    def close(self) -> None:
        """Release the database or connection."""
        ...


class CrawlStateClass(Protocol):
    """A `CrawlState` implementation that can open itself from a crawler's settings."""

    def from_crawler(self, crawler: Crawler) -> CrawlState: ...


def crawl_state(crawler: Crawler) -> CrawlState:
    """The one state of a crawl, shared by its spider, pipelines and scheduler; closed with the spider."""
    if crawler not in _OPEN:
        cls: CrawlStateClass = load_object(crawler.settings.get("KAZNEWS_STATE_CLASS") or DEFAULT_STATE_CLASS)
        state = _OPEN[crawler] = cls.from_crawler(crawler)
        crawler.signals.connect(state.close, signal=signals.spider_closed, weak=False)
    return _OPEN[crawler]


@functools.lru_cache(maxsize=256)  # the deduplicator and the state's record hash the same body
def fingerprint(body: str) -> str:
    """A hash of the article body, insensitive to case and whitespace."""
    return hashlib.sha256(_SPACE.sub(" ", body).strip().casefold().encode("utf-8")).hexdigest()


def article_key(article: dict[str, Any]) -> str:
    """The key a story is emitted under: its canonical URL, else its URL."""
    return article.get("canonical_url") or article.get("url") or ""


def utc(dt: datetime) -> str:
    """A time as the states store it: UTC, `2026-11-20T10:00:00Z`."""
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
