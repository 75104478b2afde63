"""The base of every kaznews spider: discover article URLs, fetch them, yield raw `Page`s.

A spider is one edition of a site profile (`cleaners/sites/`): `spider_class` makes it, and
scrapers/spiders/ holds one per edition of the registry. The edition gives its host, path prefix
and start URL; `Edition.article` is a regex that article URLs match, `Edition.follow` which
sitemaps of an index to read, `Edition.next_page` a path template for listing pagination.
Discovery reads whatever a start URL returns (sniffed, not declared): a sitemap index, a (news)
sitemap, an RSS/Atom feed, or an HTML listing page. Cleaning happens in the pipelines.

Arguments (`-a name=value`): since / until (ISO 8601; sitemap and feed entries outside the
window are not fetched, articles dated outside it are dropped), max_articles (stop after N
emitted), base_url (fetch everything from a mirror: `https://host/path?q` is fetched as
`{base_url}/path?q`, and mirror URLs found in documents map back to the outlet's URLs).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import cached_property
from typing import Any, ClassVar
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from cleaners.profiles import Edition, SiteProfile

from .backlog import Backlog
from .crawlstate import CrawlState, crawl_state
from .discovery import Entry, parse_utc_date, read_document
from .items import Page
from .urlguard import OFFSITE, HostPolicy, fetched_parts, fetched_url, path_and_query


class NewsSpider(scrapy.Spider):
    """A spider of one edition; `spider_class` fills in the class attributes."""

    profile: ClassVar[SiteProfile]
    edition: ClassVar[Edition]
    outlet: ClassVar[str] = ""  # the profile id, e.g. "inform.kz"

    def __init__(
        self,
        since: str | None = None,
        until: str | None = None,
        max_articles: str | None = None,
        base_url: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.since = _bound(since, "since")
        self.until = _bound(until, "until")
        self.max_articles = int(max_articles) if max_articles else 0
        self.base_url = (base_url or "").rstrip("/")
        self.follow_re = re.compile(self.edition.follow)
        self.host_policy = HostPolicy.of((*self.profile.domains, self.edition.host), self.base_url)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.release_backlog, signal=signals.spider_idle)
        if spider.max_articles:  # settings are still open here; the CloseSpider extension counts
            crawler.settings.set("CLOSESPIDER_ITEMCOUNT", spider.max_articles, priority="spider")
        return spider

    @property
    def store(self) -> CrawlState:
        """The crawl's state, opened on first use: after the add-ons chose the backend (the spider is
        built before them). Not `state`: Scrapy's SpiderState extension owns that name under JOBDIR."""
        return crawl_state(self.crawler)

    @cached_property
    def backlog(self) -> Backlog:
        """Article URLs not requested yet, made on first use (after the add-ons set the window)."""
        return Backlog(self.crawler.settings.getint("KAZNEWS_ARTICLE_WINDOW"))

    # URLs: the outlet's own URL is the identity; base_url only changes where it is fetched from.
    @property
    def origin(self) -> str:
        return f"{urlsplit(self.edition.start_url).scheme or 'https'}://{self.edition.host}"

    def fetch_url(self, url: str) -> str:
        if not self.base_url:
            return url
        found = path_and_query(url)
        return self.base_url + (found if found.startswith("/") else "/" + found)

    def original_url(self, found: str) -> str | None:
        """The outlet URL behind a URL found in a response, or None when it is off this site.

        The URL is read as Scrapy will fetch it (scrapers/urlguard.py), not as urllib splits it.
        """
        found = fetched_url(found)
        if self.base_url and found.startswith(self.base_url + "/"):
            return self.origin + found[len(self.base_url) :]
        return found if _bare(fetched_parts(found).hostname or "") == _bare(self.edition.host) else None

    @classmethod
    def owns(cls, url: str) -> bool:
        """Is this an article URL of this spider's edition? On the edition's host, the URL's
        edition (`SiteProfile.edition_for`: prefix and query) is this one, and `article` matches."""
        host = urlsplit(url).hostname or ""
        return (
            _bare(host) == _bare(cls.edition.host)
            and cls.profile.edition_for(url) is cls.edition
            and re.search(cls.edition.article, path_and_query(url)) is not None
        )

    def in_window(self, modified: datetime | None, *, upper: bool = True) -> bool:
        if modified is None:
            return True
        return not ((self.since and modified < self.since) or (upper and self.until and modified > self.until))

    # Requests
    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield self._discovery_request(self.edition.start_url, 1, dont_filter=True)

    def _discovery_request(self, url: str, page: int, dont_filter: bool = False, depth: int = 0) -> scrapy.Request:
        return scrapy.Request(
            self.fetch_url(url),
            self.parse_discovery,
            errback=self.failed,
            dont_filter=dont_filter,
            meta={"kaznews_url": url, "kaznews_page": page, "kaznews_depth": depth},
        )

    def _fresh_urls(self, entries: list[Entry]) -> Iterator[str]:
        """The outlet URLs of entries that are in the window and not fetched yet (counted when skipped)."""
        for entry in entries:
            url = self.original_url(entry.url)
            if url is None or not self.owns(url):
                continue
            if not self.in_window(entry.modified):
                self.crawler.stats.inc_value("kaznews/skipped/out_of_window")
            elif not self.store.should_fetch(url, entry.modified):
                self.crawler.stats.inc_value("kaznews/skipped/seen")
            else:
                yield url

    def _article_requests(self, urls: list[str]) -> list[scrapy.Request]:
        return [
            scrapy.Request(
                self.fetch_url(url), self.parse_article, errback=self.failed, priority=1, meta={"kaznews_url": url}
            )
            for url in urls
        ]

    def release_backlog(self, spider: scrapy.Spider) -> None:
        """spider_idle: request the next window of the backlog, and stay open while it lasts."""
        if spider is not self or not self.backlog:
            return
        for request in self._article_requests(self.backlog.idle()):
            self.crawler.engine.crawl(request)
        raise DontCloseSpider

    # Callbacks
    def parse_discovery(self, response: Response) -> Iterator[scrapy.Request]:
        doc = read_document(response.body, self.settings.getint("DOWNLOAD_MAXSIZE"))
        self.crawler.stats.inc_value(f"kaznews/discovery/{doc.kind}")
        if doc.malformed:
            self.crawler.stats.inc_value("kaznews/discovery/malformed")
            self.logger.warning("Malformed discovery document (%d entries kept): %s", len(doc.entries), response.url)
        if doc.kind not in ("sitemapindex", "urlset", "feed", "html"):
            self.logger.warning("Refused discovery document (%s): %s", doc.kind, response.url)
            return
        found = [Entry(urljoin(response.url, e.url), e.modified) for e in doc.entries]
        if doc.kind == "sitemapindex":
            depth = response.meta.get("kaznews_depth", 0) + 1
            if depth > MAX_SITEMAP_DEPTH:
                self.crawler.stats.inc_value("kaznews/discovery/too_deep")
                self.logger.warning(
                    "Sitemap index nested deeper than %d, not followed: %s", MAX_SITEMAP_DEPTH, response.url
                )
                return
            for entry in found:
                url = self.original_url(entry.url)
                if url and self.follow_re.search(url) and self.in_window(entry.modified, upper=False):
                    yield self._discovery_request(url, 1, depth=depth)
            return
        if doc.kind == "html" and isinstance(response, TextResponse):
            found = [Entry(response.urljoin(href)) for href in response.css("a::attr(href)").getall()]
        fresh = list(self._fresh_urls(found))
        self.backlog.add(fresh)
        yield from self._article_requests(self.backlog.take())
        page = response.meta.get("kaznews_page", 1)
        next_page = self.edition.next_page
        if doc.kind == "html" and next_page and fresh and page < self.settings.getint("KAZNEWS_MAX_PAGES"):
            url = self.origin + next_page.format(n=page + 1)
            yield self._discovery_request(url, page + 1)

    def parse_article(self, response: Response) -> Iterator[Page | scrapy.Request]:
        self.backlog.done()
        yield from self._article_requests(self.backlog.take())
        headers = response_headers(response)
        # the outlet URL the request was for; `scrapy parse -c parse_article URL` has none in meta
        url = response.meta.get("kaznews_url") or self.original_url(response.url) or response.url
        if response.url != self.fetch_url(url):  # redirected: the page is where it landed
            url = self.original_url(response.url) or url
        yield Page(
            url=url,
            fetched_url=response.url,
            body=response.body,
            headers=headers,
            fetched_at=served_at(headers.get("Date")).isoformat(),
            status=response.status,
        )

    def failed(self, failure: Failure) -> list[scrapy.Request]:
        if failure.request.callback == self.parse_article:  # type: ignore[attr-defined]  # Scrapy sets Failure.request
            self.backlog.done()
        reason = failure_reason(failure)
        self.crawler.stats.inc_value(f"kaznews/fetch_failed/{reason}")
        self.logger.warning("Fetch failed (%s): %s", reason, failure.request.url)  # type: ignore[attr-defined]  # as above
        return self._article_requests(self.backlog.take())


MAX_SITEMAP_DEPTH = 3  # sitemap indexes inside sitemap indexes: real sites use one or two levels
SERVED_AT_FLOOR = datetime(2000, 1, 1, tzinfo=UTC)  # older Date headers come from broken clocks
_IGNORED = (
    (OFFSITE, "offsite"),
    ("redirection", "redirect_loop"),
    ("DOWNLOAD_MAXSIZE", "too_large"),
    ("robots.txt", "robots_forbidden"),
)


def spider_class(profile: SiteProfile, edition: Edition, module: str) -> type[NewsSpider]:
    """The spider of one edition (`tengrinews_ru` → class `TengrinewsRu`), defined in `module`."""
    class_name = "".join(part.capitalize() for part in edition.spider.split("_"))
    attrs = {
        "name": edition.spider,
        "outlet": profile.id,
        "profile": profile,
        "edition": edition,
        "__module__": module,
        "__doc__": f"{profile.name}, {edition.language} edition on {edition.host}"
        f"{edition.path_prefix} (from `cleaners/sites/`).",
    }
    return type(class_name, (NewsSpider,), attrs)


def _bare(host: str) -> str:
    return host.lower().removeprefix("www.")


def failure_reason(failure: Failure) -> str:
    """A short name for why a request failed: http_404, redirect_loop, robots_forbidden, TimeoutError..."""
    if isinstance(failure.value, HttpError):
        return f"http_{failure.value.response.status}"
    if failure.check(IgnoreRequest):
        return next((reason for text, reason in _IGNORED if text in str(failure.value)), "ignored")
    return type(failure.value).__name__


def _bound(value: str | None, name: str) -> datetime | None:
    if not value:
        return None
    parsed = parse_utc_date(value)
    if parsed is None:
        raise ValueError(f"{name} is not an ISO 8601 date: {value!r}")
    return parsed


def response_headers(response: Response) -> dict[str, str]:
    """The response's headers as text (repeated headers joined with ", ")."""
    return {k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in response.headers.items()}


def served_at(date_header: str | None) -> datetime:
    """When the server generated the page (its Date header, which anchors relative dates such as
    'Сегодня, 02:47' the way the page meant them, also for cached copies), else now."""
    now = datetime.now(UTC)
    try:
        served = parsedate_to_datetime(date_header) if date_header else None
    except (TypeError, ValueError, IndexError):
        served = None
    if served is None or served.tzinfo is None or served > now or served < SERVED_AT_FLOOR:
        return now  # absent, unreadable, in the future or a broken clock (1970): not an anchor
    return served
