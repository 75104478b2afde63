"""Failures a crawl meets on the real web, each handled, counted in the crawl stats, none fatal.

Two crawls against a private copy of one outlet's fixtures: a listing (inform_ru) whose links hit
a 404, a 500 that succeeds on retry, a response slower than the timeout, redirect loops and a
robots.txt disallow; a sitemap index (khabar_ru) whose sitemaps are malformed, gzipped, a gzip
bomb (as a .xml.gz file and as Content-Encoding), and a "billion laughs" entity expansion.
"""

from __future__ import annotations

import gzip

import pytest

from scrapers.mirror import MirrorServer, spider_classes
from tests.spider_server import (
    BILLION_LAUGHS,
    Run,
    Workdir,
    add_variant,
    copy_outlet,
    fail_once,
    gzip_bomb,
    redirect_to,
    slow,
    static,
)

SPIDERS = {cls.name: cls for cls in spider_classes()}
MEMORY_LIMIT_MB = 400
BOMB = 80 << 20  # decompresses to 80 MiB, over DOWNLOAD_MAXSIZE (64 MiB)
ARTICLE = "/ru/polnost-yu-obespechit-region-myasom-pticy-namereny-v-sko_a3725092"


@pytest.fixture(scope="module")
def listing_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = copy_outlet("inform.kz", tmp_path_factory.mktemp("fixtures"))
    flaky_url = add_variant(root, "inform.kz", "ru-2020-poultry-sko", 1)
    flaky = "/" + flaky_url.split("/", 3)[3]
    flaky_page = (root / "inform.kz" / "ru-2020-poultry-sko-v1.html").read_bytes()
    faults = [
        "/ru/missing-a00001",
        flaky,
        "/ru/slow-a00002",
        "/ru/loop-a00003",
        "/ru/chain-a00005",
        "/ru/secret-a00004",
        ARTICLE,
    ]
    links = "".join(f'<a href="{{base_url}}{path}">x</a>\n' for path in faults)
    (root / "inform.kz" / "mirror" / "inform_ru" / "lenta" / "index").write_text(f"<html><body>{links}</body></html>")
    server = MirrorServer(root, [SPIDERS["inform_ru"]], robots="User-agent: *\nDisallow: /inform_ru/ru/secret-\n")
    base = server.base_url("inform_ru")
    server.routes.update(
        {
            f"/inform_ru{flaky}": fail_once(500, flaky_page),
            "/inform_ru/ru/slow-a00002": slow(2.5),
            "/inform_ru/ru/loop-a00003": redirect_to(lambda n: f"{base}/ru/loop-a00003"),
            "/inform_ru/ru/chain-a00005": redirect_to(lambda n: f"{base}/ru/chain-a00005?n={n + 1}"),
        }
    )
    with server:
        return Workdir(tmp_path_factory.mktemp("work")).crawl(
            "inform_ru", base, settings={"DOWNLOAD_TIMEOUT": "1", "RETRY_TIMES": "1"}
        )


@pytest.fixture(scope="module")
def sitemap_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = copy_outlet("khabar.kz", tmp_path_factory.mktemp("fixtures"))
    mirror = root / "khabar.kz" / "mirror" / "khabar_ru"
    good = (mirror / "sitemap.xml").read_bytes()
    (mirror / "news.xml.gz").write_bytes(gzip.compress(good.replace(b"{base_url}", b"https://khabar.kz")))
    (mirror / "broken.xml").write_bytes(
        b'<?xml version="1.0"?><urlset><url><loc>{base_url}/ru/news/x/item/1-gone</loc>'
        b"</url><url><loc>https://khabar.kz/ru/news/x/item/2-gone</lo"
    )
    (mirror / "bomb.xml.gz").write_bytes(gzip_bomb(BOMB))
    (mirror / "laughs.xml").write_bytes(BILLION_LAUGHS)
    children = ["news.xml.gz", "broken.xml", "bomb.xml.gz", "laughs.xml", "encoded.xml"]
    (mirror / "sitemap.xml").write_text(
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<sitemap><loc>{{base_url}}/{name}</loc></sitemap>" for name in children)
        + "</sitemapindex>"
    )
    server = MirrorServer(root, [SPIDERS["khabar_ru"]])
    server.routes["/khabar_ru/encoded.xml"] = static(
        gzip_bomb(BOMB), {"Content-Type": "application/xml", "Content-Encoding": "gzip"}
    )
    with server:
        return Workdir(tmp_path_factory.mktemp("work")).crawl("khabar_ru", server.base_url("khabar_ru"))


def _clean_exit(run: Run) -> None:
    assert run.returncode == 0, run.log[-3000:]
    assert "Traceback" not in run.log, run.log[-3000:]
    assert run.stats.get("finish_reason") == "finished"
    assert 0 < run.stats["kaznews/peak_rss_mb"] < MEMORY_LIMIT_MB  # the crawl process's own peak (VmHWM)


def test_listing_faults_are_not_fatal(listing_run: Run) -> None:
    _clean_exit(listing_run)
    assert {item["url"].rsplit("/", 1)[1] for item in listing_run.items} == {
        ARTICLE.rsplit("/", 1)[1],
        "v1-polnost-yu-obespechit-region-myasom-pticy-namereny-v-sko_a3725092",
    }


def test_404_is_counted(listing_run: Run) -> None:
    assert listing_run.stat("kaznews/fetch_failed/http_404") == 1


def test_500_succeeds_on_retry(listing_run: Run) -> None:
    assert listing_run.stat("retry/reason_count/500 Internal Server Error") == 1
    assert any("v1-polnost" in item["url"] for item in listing_run.items)


def test_timeout_is_retried_then_counted(listing_run: Run) -> None:
    assert listing_run.stat("retry/reason_count/scrapy.exceptions.DownloadTimeoutError") == 1
    assert listing_run.stat("kaznews/fetch_failed/DownloadTimeoutError") == 1


def test_redirect_loops_are_cut(listing_run: Run) -> None:
    assert listing_run.stat("kaznews/fetch_failed/redirect_loop") == 1  # an endless chain: REDIRECT_MAX_TIMES
    assert listing_run.stat("dupefilter/filtered") == 1  # a page redirecting to itself


def test_robots_disallow_is_obeyed(listing_run: Run) -> None:
    assert listing_run.stat("robotstxt/forbidden") == 1
    assert listing_run.stat("kaznews/fetch_failed/robots_forbidden") == 1


def test_sitemap_faults_are_not_fatal(sitemap_run: Run) -> None:
    _clean_exit(sitemap_run)
    assert [item["url"] for item in sitemap_run.items] == [
        "https://khabar.kz/ru/news/obshchestvo/item/163418-v-petropavlovske-nadstraivayut-damby-na-ishime"
    ]


def test_gzipped_sitemap_is_read(sitemap_run: Run) -> None:
    assert sitemap_run.stat("kaznews/discovery/urlset") == 2  # news.xml.gz and broken.xml


def test_malformed_sitemap_keeps_what_it_can(sitemap_run: Run) -> None:
    assert sitemap_run.stat("kaznews/discovery/malformed") == 1
    assert sitemap_run.stat("kaznews/fetch_failed/http_404") == 2  # both of its URLs were tried


def test_gzip_bombs_are_refused(sitemap_run: Run) -> None:
    assert sitemap_run.stat("kaznews/discovery/too_large") == 1  # a .xml.gz file
    assert sitemap_run.stat("kaznews/fetch_failed/too_large") == 1  # Content-Encoding: gzip


def test_entity_expansion_is_refused(sitemap_run: Run) -> None:
    assert sitemap_run.stat("kaznews/discovery/entities") == 1
