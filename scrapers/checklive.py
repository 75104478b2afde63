"""`kaznews check-live`: fetch one recent article per outlet and check every field (PASS/FAIL).

Each outlet's spider (its first edition's) discovers articles as in a crawl (sitemap, feed or
listing) but with a throw-away state and no output; its first `--candidates` article pages are
captured and each is checked by `cleaners.health.check_page`, which says per field whether the
outlet's profile still finds it. The outlet fails when any of them fails; the report shows the
page with most failures, else the newest. A FAIL means the outlet changed its markup: record a
fixture of the new page and add a layout version (docs/adding-an-outlet.md). Exit status 1 when
any outlet fails.

    kaznews check-live [--outlet X]... [--all-editions] [--candidates 3] [--timeout 120]
                       [--base-url URL | --mirror] [--set NAME=VALUE]...
"""

from __future__ import annotations

import argparse
import tempfile
from contextlib import nullcontext
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from scrapy.crawler import Crawler

from cleaners.cli_fixtures import fixtures_root
from cleaners.health import FAIL, FieldCheck, PageHealth, check_page, format_health
from cleaners.profiles import profile_by_id

from .base import NewsSpider
from .drift.live import add_suggest_options, after_failure
from .extensions import nothing_read, summary
from .items import Page
from .process import crawler_process, project_settings, select_spiders


class CapturePipeline:
    """Keeps the raw pages a spider yields (on `crawler.kaznews_pages`) instead of cleaning them."""

    def __init__(self, crawler: Crawler) -> None:
        self.pages: list[Page] = crawler.__dict__.setdefault("kaznews_pages", [])

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CapturePipeline:
        return cls(crawler)

    def process_item(self, item: Page) -> Page:
        if item.status == 200:
            self.pages.append(item)
        return item


def add_check_live_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check-live", help="fetch one recent article per outlet and check every field")
    p.add_argument("--outlet", action="append", default=[], help="outlet id or spider name (default: all)")
    p.add_argument("--all-editions", action="store_true", help="one article per edition, not per outlet")
    p.add_argument("--candidates", type=int, default=3, help="article pages fetched per outlet; the newest is checked")
    p.add_argument("--timeout", type=int, default=120, help="seconds per outlet before giving up")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--base-url", help="fetch from this mirror instead (one outlet only)")
    where.add_argument("--mirror", action="store_true", help="check the bundled mirrors on 127.0.0.1")
    p.add_argument(
        "--fixtures",
        metavar="DIR",
        help="the fixtures folder: --mirror serves its mirrors, --suggest records there (default: the checkout's)",
    )
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a Scrapy setting, e.g. LOG_LEVEL=INFO (repeatable)",
    )
    add_suggest_options(p)
    p.set_defaults(func=cmd_check_live)


def pick_spiders(names: list[str], available: dict[str, Any], all_editions: bool) -> list[str]:
    """Spider names to run: every edition's spider, or per outlet the spider of its first edition."""
    if all_editions:
        return names
    first: dict[str, tuple[int, str]] = {}
    for name in names:
        cls = available[name]
        profile = profile_by_id(cls.outlet)
        rank = profile.editions.index(cls.edition) if profile else 0
        if cls.outlet not in first or rank < first[cls.outlet][0]:
            first[cls.outlet] = (rank, name)
    return [name for _, name in first.values()]


def worst(healths: list[PageHealth]) -> PageHealth:
    """The page to report: the one with most failed fields, else the newest (undated pages last)."""
    return max(
        healths,
        key=lambda h: (
            len(h.failed),
            h.article is not None and bool(h.article.date),
            (h.article.date or "") if h.article else "",
        ),
    )


def check_spider(pages: list[Page]) -> PageHealth:
    if not pages:
        return PageHealth("", "", (FieldCheck("fetch", FAIL, "no article page could be discovered or fetched"),))
    return worst([check_page(p.body, p.url, fetched_at=p.fetched_at, headers=p.headers) for p in pages])


def unreachable(crawler: Crawler) -> PageHealth:
    """No page: `cannot reach <host>` when every fetch failed, else what check_spider says."""
    stats = crawler.stats.get_stats()
    if not nothing_read(stats):
        return check_spider([])
    spider = cast(NewsSpider, crawler.spider)  # check-live crawls one kaznews spider
    host = urlsplit(spider.fetch_url(spider.edition.start_url)).netloc
    reasons = ", ".join(summary(stats)["fetch_failed"])
    return PageHealth("", "", (FieldCheck("fetch", FAIL, f"cannot reach {host} ({reasons})"),))


def cmd_check_live(args: argparse.Namespace) -> int:
    from .mirror import MirrorServer

    root = fixtures_root(args.fixtures, "check-live --mirror") if args.mirror else None
    with tempfile.TemporaryDirectory(prefix="kaznews-check-live-") as tmp:
        overrides = {
            "LOG_LEVEL": "CRITICAL",
            "ITEM_PIPELINES": {f"{__name__}.CapturePipeline": 100},
            "KAZNEWS_STATE": str(Path(tmp) / "state.sqlite"),
            "CLOSESPIDER_TIMEOUT": args.timeout,
        }
        process, available = crawler_process(project_settings(overrides, args.set, shared=False))
        outlets = {name: cls.outlet for name, cls in available.items()}
        names = pick_spiders(
            select_spiders(args.outlet or ["all"], available, "check-live"), available, args.all_editions
        )
        if args.base_url and len(names) != 1:
            raise SystemExit("kaznews check-live: --base-url needs exactly one outlet (or spider)")
        crawlers: dict[str, Any] = {}
        with MirrorServer(root) if root else nullcontext() as mirror:
            for name in names:
                crawler = crawlers[name] = process.create_crawler(name)
                base = mirror.base_url(name) if mirror else args.base_url
                process.crawl(crawler, max_articles=str(args.candidates), **({"base_url": base} if base else {}))
            process.start()
    failed = 0
    for name in names:
        label = name if args.all_editions else outlets[name]
        pages = crawlers[name].__dict__.get("kaznews_pages", [])
        health = unreachable(crawlers[name]) if not pages else check_spider(pages)
        failed += not health.ok
        checked = f"({len(pages)} pages checked)\n" if len(pages) > 1 else ""
        print(format_health(label, health), checked, sep="\n", flush=True)
        if not health.ok:
            after_failure(args, outlets[name], pages)
    print(f"{len(names)} checked: {len(names) - failed} passed, {failed} failed")
    return 1 if failed else 0
