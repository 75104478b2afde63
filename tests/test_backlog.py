"""A big sitemap waits as bare URLs: only a window of article requests is in the scheduler at a time."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

from scrapy import Request
from scrapy.http import TextResponse
from scrapy.utils.test import get_crawler

from scrapers.backlog import Backlog
from scrapers.spiders import SPIDERS
from tests.spider_server import Workdir

KhabarRu = SPIDERS["khabar_ru"]

WINDOW = 40
ITEM = "https://khabar.kz/ru/news/obshchestvo/item/{n}-x"


def _urlset(urls: list[str]) -> bytes:
    return (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>{u}</loc></url>" for u in urls)
        + "</urlset>"
    ).encode()


def test_backlog_releases_a_window_then_one_per_completion() -> None:
    backlog = Backlog(3)
    backlog.add(["a", "b", "a", "c", "d", "e"])
    assert len(backlog) == 5  # "a" once
    assert backlog.take() == ["a", "b", "c"]
    assert backlog.take() == []  # the window is full
    backlog.done()
    assert backlog.take() == ["d"]
    backlog.add(["b", "f"])  # already queued once: not again
    assert backlog.idle() == ["e", "f"]
    assert len(backlog) == 0


def test_no_window_releases_everything() -> None:
    backlog = Backlog(0)
    backlog.add(str(n) for n in range(5))
    assert backlog.take() == ["0", "1", "2", "3", "4"]


def test_a_big_sitemap_yields_only_a_window_of_requests(tmp_path: Path) -> None:
    crawler = get_crawler(
        KhabarRu,
        {"KAZNEWS_STATE": str(tmp_path / "s.sqlite"), "KAZNEWS_BACKEND": "sqlite", "KAZNEWS_ARTICLE_WINDOW": WINDOW},
    )
    spider = crawler.spider = KhabarRu.from_crawler(crawler)
    urls = [ITEM.format(n=n) for n in range(5000)]
    response = TextResponse(
        "https://khabar.kz/sitemap.xml",
        body=_urlset(urls),
        encoding="utf-8",
        request=Request("https://khabar.kz/sitemap.xml"),
    )
    requests = list(spider.parse_discovery(response))
    assert [r.url for r in requests] == urls[:WINDOW]
    assert len(spider.backlog) == 5000 - WINDOW


class _Site(BaseHTTPRequestHandler):
    """A sitemap index with two overlapping 3000-URL sitemaps; every article is a 404."""

    articles: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        maps = {"/sitemap1.xml": range(3000), "/sitemap2.xml": range(2000, 5000)}
        if self.path == "/sitemap.xml":  # the edition's start URL: an index of both
            body = (
                '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                + "".join(f"<sitemap><loc>https://khabar.kz{m}</loc></sitemap>" for m in maps)
                + "</sitemapindex>"
            ).encode()
        elif self.path in maps:
            body = _urlset([ITEM.format(n=n) for n in maps[self.path]])
        else:  # robots.txt and the articles
            self.articles.append(self.path)
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_every_url_of_a_big_sitemap_is_fetched_once_through_the_window(tmp_path: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        run = Workdir(tmp_path).crawl(
            "khabar_ru",
            f"http://127.0.0.1:{server.server_address[1]}",
            settings={"KAZNEWS_ARTICLE_WINDOW": str(WINDOW), "CONCURRENT_REQUESTS_PER_DOMAIN": "16"},
            timeout=300,
        )
    finally:
        server.shutdown()
    assert run.returncode == 0, run.log[-3000:]
    assert run.stat("kaznews/fetch_failed/http_404") == 5000
    assert sorted(p for p in _Site.articles if p != "/robots.txt") == sorted(
        f"/ru/news/obshchestvo/item/{n}-x" for n in range(5000)
    )
