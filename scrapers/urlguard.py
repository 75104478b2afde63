"""Which hosts a crawl may fetch: the outlet's own, and the mirror the user named with base_url.

URLs are read the way Scrapy fetches them (w3lib's `safe_url_string`, WHATWG rules), so a URL
such as `http://127.0.0.1:8080\\@khabar.kz/` is judged by the host it is fetched from
(127.0.0.1), not by the host `urllib.parse` sees in it (khabar.kz). The downloader middleware
checks every request, redirects included (Scrapy schedules each redirect as a new request), so
no page, sitemap or redirect can send the crawler to another host (SSRF).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from w3lib.url import safe_url_string

logger = logging.getLogger(__name__)
SCHEMES = frozenset({"http", "https"})
OFFSITE = "off-site"  # in the IgnoreRequest message: scrapers.base.failure_reason names it `offsite`


def path_and_query(url: str) -> str:
    """The URL's path and query as one string (`/news/1?lang=ru`); the path may be empty."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def fetched_url(url: str) -> str:
    """The URL as Scrapy will fetch it."""
    return safe_url_string(url)


def fetched_parts(url: str) -> SplitResult:
    """urlsplit of the URL as Scrapy will fetch it."""
    return urlsplit(fetched_url(url))


def _bare(host: str) -> str:
    return host.lower().rstrip(".").removeprefix("www.")


@dataclass(frozen=True)
class HostPolicy:
    """The outlet's domains (and their subdomains, any port) and the mirror's exact host and port."""

    domains: tuple[str, ...]
    mirror: tuple[str, int] | None = None

    @classmethod
    def of(cls, domains: Iterable[str], base_url: str = "") -> HostPolicy:
        mirror = None
        if base_url:
            parts = fetched_parts(base_url)
            mirror = (_bare(parts.hostname or ""), _port(parts))
        return cls(tuple(sorted({_bare(d) for d in domains if d})), mirror)

    def allows(self, parts: SplitResult) -> bool:
        if parts.scheme not in SCHEMES or not parts.hostname:
            return False
        host = _bare(parts.hostname)
        if self.mirror is not None and (host, _port(parts)) == self.mirror:
            return True
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def allows_url(self, url: str) -> bool:
        return self.allows(fetched_parts(url))


def _port(parts: SplitResult) -> int:
    try:
        port = parts.port
    except ValueError:
        return -1
    return port if port is not None else (443 if parts.scheme == "https" else 80)


class HostGuardMiddleware:
    """Refuse (IgnoreRequest, stat `kaznews/fetch_failed/offsite`) any request to a host the spider does not own."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> HostGuardMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        policy: HostPolicy | None = getattr(self.crawler.spider, "host_policy", None)
        if policy is None:  # not a kaznews spider
            return
        if not policy.allows(urlsplit(request.url)):  # request.url is already safe_url_string'ed
            logger.warning("Refused %s request to %s (not the outlet's host or the mirror)", OFFSITE, request.url)
            raise IgnoreRequest(f"{OFFSITE} host refused: {request.url}")
