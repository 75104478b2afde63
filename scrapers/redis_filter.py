"""The Redis backend's request filter and seeding: which requests a crawl of many workers schedules.

`DupeFilter` is scrapy-redis' shared filter (a Redis set per spider, `<p>:<s>:seen`) holding
Scrapy's own request fingerprints cut to 16 bytes; `ShareRequests` sends start requests through
it, so the first worker of a crawl seeds the shared queue and later ones join. The scheduler
(scrapers/redis_frontier.py) clears the set when the crawl ends.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any

from scrapy import Request, Spider
from scrapy.http import Response
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware
from scrapy_redis.connection import get_redis_from_settings
from scrapy_redis.dupefilter import RFPDupeFilter


class DupeFilter(RFPDupeFilter):
    """scrapy-redis' shared filter, storing Scrapy's request fingerprints cut to 16 bytes.

    Not cleared when one worker closes (scrapy-redis' `close` deletes the key): the scheduler
    clears it when the whole crawl has ended.
    """

    def __init__(self, server: Any, key: str, debug: bool = False, fingerprinter: Any = None) -> None:
        super().__init__(server, key, debug)
        self.fingerprinter = fingerprinter

    @classmethod
    def from_spider(cls, spider: Spider) -> DupeFilter:
        key = spider.settings.get("SCHEDULER_DUPEFILTER_KEY") % {"spider": spider.name}
        return cls(
            get_redis_from_settings(spider.settings),
            key,
            spider.settings.getbool("DUPEFILTER_DEBUG"),
            spider.crawler.request_fingerprinter,
        )

    def request_fingerprint(self, request: Request) -> bytes:  # type: ignore[override]
        return self.fingerprinter.fingerprint(request)[:16]

    def close(self, reason: str = "") -> None:
        pass


class ShareRequests(BaseSpiderMiddleware):
    """Spider middleware (closest to the engine) of the redis backend.

    Start requests go through the shared filter, so only the first worker of a crawl schedules
    them and later ones join. Requests a callback yields (a sitemap's article URLs) are all
    scheduled at once, before its items: Scrapy would otherwise feed them to the scheduler at the
    pace this worker cleans pages, keeping the shared queue nearly empty for the other workers.
    """

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for item in start:
            yield item.replace(dont_filter=False) if isinstance(item, Request) else item

    def process_spider_output(  # type: ignore[override]  # Scrapy 2.13+ drops the deprecated `spider` argument
        self, response: Response | None, result: Iterable[Any]
    ) -> Iterable[Any]:
        return self._schedule(list(result))

    async def process_spider_output_async(  # type: ignore[override]  # as above
        self, response: Response | None, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        for item in self._schedule([item async for item in result]):
            yield item

    def _schedule(self, output: list[Any]) -> list[Any]:
        for request in (o for o in output if isinstance(o, Request)):
            self.crawler.engine.crawl(request)
        return [o for o in output if not isinstance(o, Request)]
