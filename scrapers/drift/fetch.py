"""Fetch several pages in one Scrapy run with the project's settings (`scrapers.fetch` fetches one)."""

from __future__ import annotations

import os
from typing import Any

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from ..base import failure_reason, response_headers, served_at


class _ManySpider(scrapy.Spider):
    name = "kaznews_fetch_many"
    custom_settings = {"ITEM_PIPELINES": {}, "HTTPERROR_ALLOW_ALL": False}

    def __init__(self, urls: tuple[str, ...] = (), sink: dict[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls, self.sink = urls, sink if sink is not None else {}

    async def start(self):  # type: ignore[override]
        for url in self.urls:
            yield scrapy.Request(url, self.got, errback=self.failed, dont_filter=True, cb_kwargs={"asked": url})

    def got(self, response: Response, asked: str) -> None:
        headers = response_headers(response)
        self.sink[asked] = (response.body, headers, served_at(headers.get("Date")).isoformat())

    def failed(self, failure: Failure) -> None:
        asked = failure.request.cb_kwargs.get("asked", failure.request.url)  # type: ignore[attr-defined]
        self.sink[asked] = f"{failure_reason(failure)}: {failure.getErrorMessage()}"


def fetch_many(urls: list[str], obey_robots: bool = True) -> dict[str, tuple[bytes, dict[str, str], str] | str]:
    """url -> (body, headers, fetched_at ISO) or the reason it failed; starts (and ends) a reactor."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "scrapers.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    for key, value in (
        ("LOG_LEVEL", "WARNING"),
        ("EXTENSIONS", {}),
        ("KAZNEWS_BACKEND", "sqlite"),
        ("ROBOTSTXT_OBEY", obey_robots),
    ):
        settings.set(key, value, priority="cmdline")
    sink: dict[str, Any] = {}
    process = CrawlerProcess(settings)
    process.crawl(_ManySpider, urls=tuple(urls), sink=sink)
    process.start()
    return {url: sink.get(url, "no response") for url in urls}
