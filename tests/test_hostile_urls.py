"""Hostile URLs: only the outlet's hosts and the mirror the user named are fetched, redirects included (SSRF)."""

from __future__ import annotations

import gzip
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import TextResponse
from scrapy.utils.test import get_crawler

from scrapers.base import MAX_SITEMAP_DEPTH, NewsSpider
from scrapers.mirror import MirrorServer, spider_classes
from scrapers.urlguard import HostGuardMiddleware, HostPolicy
from tests.spider_server import FIXTURES, Run, Workdir, copy_outlet, redirect_to

SPIDERS = {cls.name: cls for cls in spider_classes()}
ARTICLE = "https://khabar.kz/ru/news/obshchestvo/item/163418-v-petropavlovske-nadstraivayut-damby-na-ishime"
KhabarRu = SPIDERS["khabar_ru"]


def _spider(tmp_path: Path, base_url: str = "") -> NewsSpider:
    crawler = get_crawler(KhabarRu, {"KAZNEWS_STATE": str(tmp_path / "state.sqlite"), "KAZNEWS_BACKEND": "sqlite"})
    crawler.spider = KhabarRu.from_crawler(crawler, base_url=base_url or None)
    return crawler.spider


def _sitemap(*locs: str) -> bytes:
    return (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>{loc}</loc></url>" for loc in locs)
        + "</urlset>"
    ).encode()


@pytest.mark.parametrize(
    "loc",
    [
        "http://127.0.0.1:6379\\@khabar.kz/ru/news/obshchestvo/item/1-x",  # urllib sees khabar.kz, Scrapy fetches 127.0.0.1
        "http://127.0.0.1:6379\\\\@khabar.kz/ru/news/obshchestvo/item/1-x",
        "http://khabar.kz.evil.example/ru/news/obshchestvo/item/1-x",
        "http://evil.example/ru/news/obshchestvo/item/1-x?u=http://khabar.kz/",
        "http://user@127.0.0.1:8000/ru/news/obshchestvo/item/1-x#@khabar.kz",
    ],
)
def test_sitemap_urls_off_the_outlet_are_not_requested(tmp_path: Path, loc: str) -> None:
    spider = _spider(tmp_path)
    response = TextResponse(
        "https://khabar.kz/sitemap.xml",
        body=_sitemap(loc, ARTICLE),
        encoding="utf-8",
        request=Request("https://khabar.kz/sitemap.xml"),
    )
    urls = [r.url for r in spider.parse_discovery(response)]
    assert urls == [ARTICLE]


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        (ARTICLE, True),
        ("https://www.khabar.kz/ru/", True),
        ("https://24.kz/ru/", True),  # the same profile's other domain
        ("http://127.0.0.1:6379\\@khabar.kz/x", False),
        ("http://127.0.0.1:8123/ru/x", True),  # the mirror: exactly its host and port
        ("http://127.0.0.1:8124/ru/x", False),
        ("http://localhost:8123/ru/x", False),
        ("file:///etc/passwd", False),
        ("ftp://khabar.kz/x", False),
    ],
)
def test_guard_allows_only_the_outlet_and_the_mirror(tmp_path: Path, url: str, allowed: bool) -> None:
    spider = _spider(tmp_path, "http://127.0.0.1:8123/khabar_ru")
    guard = HostGuardMiddleware(spider.crawler)
    request = Request(url) if url.startswith("http") else Request("http://127.0.0.1:1/").replace(url=url)
    if allowed:
        assert guard.process_request(request) is None
    else:
        with pytest.raises(IgnoreRequest, match="off-site"):
            guard.process_request(request)


def test_policy_reads_urls_as_scrapy_fetches_them() -> None:
    policy = HostPolicy.of(["khabar.kz"])
    assert policy.allows_url("https://khabar.kz/ru/")
    assert not policy.allows_url("http://127.0.0.1:80\\@khabar.kz/")
    assert not policy.allows_url("http://evilkhabar.kz/")


class _Secret(BaseHTTPRequestHandler):
    """Another local service: it must never be reached."""

    hits: ClassVar[list[str]] = []
    page = b""

    def do_GET(self) -> None:
        _Secret.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.page)))
        self.end_headers()
        self.wfile.write(self.page)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def redirect_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = copy_outlet("inform.kz", tmp_path_factory.mktemp("fixtures"))
    page = FIXTURES / "inform.kz" / "ru-2020-poultry-sko.html.gz"
    _Secret.page = gzip.decompress(page.read_bytes())
    secret = ThreadingHTTPServer(("127.0.0.1", 0), _Secret)
    threading.Thread(target=secret.serve_forever, daemon=True).start()
    port = secret.server_address[1]
    links = ["/ru/stolen-a00009"]
    index = root / "inform.kz" / "mirror" / "inform_ru" / "lenta" / "index"
    index.write_text(
        "<html><body>"
        + "".join(f'<a href="{{base_url}}{p}">x</a>' for p in links)
        + f'<a href="http://127.0.0.1:{port}\\@inform.kz/ru/direct-a00010">y</a></body></html>'
    )
    server = MirrorServer(root, [SPIDERS["inform_ru"]])
    server.routes["/inform_ru/ru/stolen-a00009"] = redirect_to(lambda n: f"http://127.0.0.1:{port}/ru/stolen-a00009")
    try:
        with server:
            return Workdir(tmp_path_factory.mktemp("work")).crawl("inform_ru", server.base_url("inform_ru"))
    finally:
        secret.shutdown()


def test_redirect_off_the_mirror_is_refused(redirect_run: Run) -> None:
    assert redirect_run.returncode == 0, redirect_run.log[-3000:]
    assert _Secret.hits == []
    assert redirect_run.items == []
    assert redirect_run.stat("kaznews/fetch_failed/offsite") == 1


def _index(*locs: str) -> bytes:
    return (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs)
        + "</sitemapindex>"
    ).encode()


def test_sitemap_index_chains_stop_at_a_depth(tmp_path: Path) -> None:
    spider = _spider(tmp_path)
    url = "https://khabar.kz/sitemap.xml"
    depth, followed = 0, 0
    while depth < 10:
        request = Request(url, meta={"kaznews_depth": depth})
        response = TextResponse(
            url, body=_index(f"https://khabar.kz/sitemap-{depth + 1}.xml"), encoding="utf-8", request=request
        )
        children = list(spider.parse_discovery(response))
        if not children:
            break
        followed += 1
        depth, url = children[0].meta["kaznews_depth"], children[0].url
    assert followed == MAX_SITEMAP_DEPTH
    assert spider.crawler.stats.get_value("kaznews/discovery/too_deep") == 1


def test_retry_after_is_honoured() -> None:
    from datetime import UTC, datetime

    from scrapy.http import Response

    from scrapers.middlewares import RETRY_AFTER, RetryAfterMiddleware, retry_after

    now = datetime(2026, 1, 5, 10, tzinfo=UTC)
    assert retry_after(b"120") == 120
    assert retry_after(b"Mon, 05 Jan 2026 10:00:30 GMT", now) == 30
    assert retry_after(b"soon") == 0 and retry_after(None) == 0
    request = Request("https://khabar.kz/ru/")
    RetryAfterMiddleware().process_response(
        request, Response(request.url, status=429, headers={"Retry-After": "7"}, request=request)
    )
    assert request.copy().meta[RETRY_AFTER] == 7  # RetryMiddleware retries a copy
