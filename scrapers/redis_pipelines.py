"""The Redis backend's item pipelines, in place of DeduplicatePipeline and ExportPipeline (backend.py)."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler

from .crawlstate import article_key, fingerprint
from .items import Record
from .pipelines import DeduplicatePipeline, ExportPipeline
from .redis_state import redis_state


class ClaimPipeline(DeduplicatePipeline):
    """DeduplicatePipeline for many workers: check and claim in one atomic step.

    Drop reason `claimed`: another worker is writing the same story (or body) at this moment.
    """

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.shared = redis_state(crawler)

    def process_item(self, item: Record) -> Record:
        item.fingerprint = fingerprint(item.article["body"])
        verdict = self.shared.claim(article_key(item.article), item.fingerprint)
        if verdict in ("seen", "duplicate", "claimed"):
            raise self.drop(verdict, item.url, item.fetched_at)
        item.update = verdict == "update"
        return item


class RedisExportPipeline(ExportPipeline):
    """ExportPipeline that gives the claim back when it does not write the article (max_articles),
    and reports its flushes to the state: a request whose line still waits in memory
    (KAZNEWS_FSYNC=batch) is not finished for the shared frontier, so a kill sends it back to the queue."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.shared = redis_state(crawler)

    def process_item(self, item: Record) -> dict[str, Any]:
        try:
            return super().process_item(item)
        except BaseException:
            self.shared.release(article_key(item.article), item.fingerprint)
            raise
        finally:
            self.shared.exported(len(self.pending))

    def flush(self) -> None:
        super().flush()
        self.shared.exported(len(self.pending), flushed=True)
