"""Fetch one page with the project's own HTTP stack (Scrapy with the kaznews settings).

Used by `kaznews fixtures record URL`: the page is fetched exactly as a spider would fetch it
(user agent, robots.txt, retries with backoff, size limits, decompression), and its bytes are
stored as served. Starts a Twisted reactor, so call it once per process (the CLI does).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from .base import failure_reason, response_headers, served_at
from .process import crawler_process, project_settings


class FetchError(Exception):
    """The page could not be fetched (HTTP error, robots.txt, timeout, too large...)."""


class _FetchSpider(scrapy.Spider):
    name = "kaznews_fetch"
    custom_settings = {"ITEM_PIPELINES": {}, "HTTPERROR_ALLOW_ALL": False}

    def __init__(self, url: str = "", sink: dict[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.url, self.sink = url, sink if sink is not None else {}

    async def start(self):  # type: ignore[override]
        yield scrapy.Request(self.url, self.got, errback=self.failed, dont_filter=True)

    def got(self, response: Response) -> None:
        headers = response_headers(response)
        self.sink.update(body=response.body, headers=headers, fetched_at=served_at(headers.get("Date")))

    def failed(self, failure: Failure) -> None:
        self.sink["error"] = f"{failure_reason(failure)}: {failure.getErrorMessage()}"


def fetch_page(url: str, settings: dict[str, Any] | None = None) -> tuple[bytes, dict[str, str], datetime]:
    """The body of `url` as served (after redirects and content decoding), the response headers
    and when the server generated it (its Date header, as a spider reads it); raises FetchError."""
    project = project_settings({"LOG_LEVEL": "WARNING", "EXTENSIONS": {}}, shared=False)
    for key, value in (settings or {}).items():
        project.set(key, value, priority="cmdline")
    sink: dict[str, Any] = {}
    process, _ = crawler_process(project)
    process.crawl(_FetchSpider, url=url, sink=sink)
    process.start()
    if "body" not in sink:
        raise FetchError(f"could not fetch {url}: {sink.get('error', 'no response')}")
    return sink["body"], sink["headers"], sink["fetched_at"]
