"""CrawlSummary: log one summary line per spider, record peak memory, optionally append stats as JSON;
close a spider that could read none of its start URLs as `fetch_failed`; warn about a placeholder
contact in USER_AGENT."""

from __future__ import annotations

import json
import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider
from scrapy.settings import BaseSettings

PREFIX = "kaznews/"
FETCH_FAILED = "fetch_failed"  # close reason: every fetch failed, nothing was read (DNS, refused...)
NORMAL_REASONS = ("finished", "closespider_itemcount", "closespider_pagecount", "closespider_timeout")
PLACEHOLDER_CONTACT = "CHANGE-ME"
CLOSE_REASONS: list[str] = []  # every spider closed in this process (`scrapy crawl`'s exit status)
_warned: set[str] = set()
logger = logging.getLogger(__name__)


def nothing_read(stats: dict[str, Any]) -> bool:
    """Fetches failed and not one sitemap, feed or listing was read."""
    return any(k.startswith(PREFIX + "fetch_failed/") for k in stats) and not any(
        k.startswith(PREFIX + "discovery/") for k in stats
    )


def warn_placeholder_contact(settings: BaseSettings) -> None:
    """Once per process: USER_AGENT still carries the shipped CHANGE-ME contact."""
    agent = settings.get("USER_AGENT") or ""
    if PLACEHOLDER_CONTACT in agent and PLACEHOLDER_CONTACT not in _warned:
        _warned.add(PLACEHOLDER_CONTACT)
        logger.warning(
            "USER_AGENT has no contact address yet (%s): set USER_AGENT in scrapers/settings.py"
            " or with -s USER_AGENT=... so site owners can reach you",
            agent,
        )


def summary(stats: dict[str, Any]) -> dict[str, Any]:
    """new, updated and dropped-by-reason counts out of a crawl's stats."""
    dropped = {k.removeprefix(PREFIX + "dropped/"): v for k, v in stats.items() if k.startswith(PREFIX + "dropped/")}
    failed = {
        k.removeprefix(PREFIX + "fetch_failed/"): v for k, v in stats.items() if k.startswith(PREFIX + "fetch_failed/")
    }
    return {
        "new": stats.get(PREFIX + "new", 0),
        "updated": stats.get(PREFIX + "updated", 0),
        "dropped": dict(sorted(dropped.items())),
        "fetch_failed": dict(sorted(failed.items())),
        "skipped_seen": stats.get(PREFIX + "skipped/seen", 0),
        "output_failed": stats.get(PREFIX + "output_failed", 0),
    }


class CrawlSummary:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats_file = crawler.settings.get("KAZNEWS_STATS_FILE")
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        warn_placeholder_contact(crawler.settings)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlSummary:
        return cls(crawler)

    def spider_idle(self, spider: Spider) -> None:
        stats = self.crawler.stats.get_stats()
        if nothing_read(stats):
            failed = summary(stats)["fetch_failed"]
            spider.logger.error(
                "%s: every fetch failed, nothing was read (%s)",
                spider.name,
                ", ".join(f"{k}: {v}" for k, v in failed.items()),
            )
            raise CloseSpider(FETCH_FAILED)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        CLOSE_REASONS.append(reason)
        peak = peak_rss_mb()
        if peak is not None:
            self.crawler.stats.set_value(PREFIX + "peak_rss_mb", peak)
        stats = self.crawler.stats.get_stats()
        spider.logger.info("kaznews summary %s: %s", spider.name, json.dumps(summary(stats)))
        if self.stats_file:
            path = Path(self.stats_file)
            path.parent.mkdir(parents=True, exist_ok=True)
            record = {"spider": spider.name, "reason": reason, **stats}
            with path.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(record, default=_jsonable, ensure_ascii=False) + "\n")


def peak_rss_mb() -> float | None:
    """This process's peak resident memory (Linux VmHWM; unlike ru_maxrss, not inherited
    from the parent that forked it), or None where /proc is missing."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    line = next((ln for ln in status.splitlines() if ln.startswith("VmHWM:")), None)
    return round(int(line.split()[1]) / 1024, 1) if line else None


def _jsonable(value: object) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value)
