"""Item pipelines, in order: clean → validate → deduplicate → export.

Every dropped page is counted in the crawl stats as `kaznews/dropped/<reason>`:
  not_article  the page could not be cleaned (not HTML, empty, undecodable, HTTP error page)
  too_slow     cleaning took longer than KAZNEWS_PAGE_BUDGET seconds (logged as a warning)
  no_body      the cleaner found no article text
  no_date      no trustworthy publication date
  schema       the record does not match the article JSON Schema (cleaners/article.schema.json)
  out_of_window dated before `since` or after `until`
  duplicate    the same body was emitted under another URL
  seen         emitted before with the same body (e.g. re-fetched after a newer sitemap lastmod)
  max_articles over the spider's max_articles (not recorded: the next run emits it)
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.defer import deferred_from_coro
from twisted.internet.task import LoopingCall

from cleaners import CleanerError, clean_html
from cleaners.generic import quiet_trafilatura
from cleaners.schema import article_schema

from .budget import PageTimeout, page_budget
from .crawlstate import article_key, crawl_state, fingerprint, utc
from .discovery import parse_utc_date
from .items import Page, Record
from .jsonl_output import adopt_tail, locked, now
from .state import fsync_mode

logger = logging.getLogger(__name__)


class _Stage:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.state = crawl_state(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> _Stage:
        return cls(crawler)

    def drop(self, reason: str, url: str, fetched_at: str, detail: str = "") -> DropItem:
        """Count the drop, remember the URL (not fetched again unless its lastmod changes)."""
        self.crawler.stats.inc_value(f"kaznews/dropped/{reason}")
        self.state.remember_url(url, _utc(fetched_at))
        return DropItem(f"{reason}: {url}{f' ({detail})' if detail else ''}")


class CleanPipeline(_Stage):
    """Page (raw bytes) → Record (the cleaned `Article` as a dict), in at most KAZNEWS_PAGE_BUDGET seconds."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.budget = crawler.settings.getfloat("KAZNEWS_PAGE_BUDGET", 30.0)
        quiet_trafilatura()  # its warnings are about pages the cleaner handles

    def process_item(self, item: Page) -> Record:
        if item.status != 200:
            raise self.drop("not_article", item.url, item.fetched_at, f"HTTP {item.status}")
        try:
            with page_budget(self.budget):
                article = clean_html(item.body, item.url, fetched_at=item.fetched_at, headers=item.headers)
        except CleanerError as exc:
            raise self.drop("not_article", item.url, item.fetched_at, f"{type(exc).__name__}: {exc}") from exc
        except PageTimeout as exc:
            logger.warning("too_slow: cleaning %s took over %ss; page skipped", item.url, self.budget)
            raise self.drop("too_slow", item.url, item.fetched_at, f"over {self.budget}s") from exc
        return Record(article.to_dict(), item.url, item.fetched_at)


class ValidatePipeline(_Stage):
    """Drop records without body or date, outside the crawl window, or off the JSON Schema."""

    def __init__(self, crawler: Crawler) -> None:
        from jsonschema import Draft202012Validator

        super().__init__(crawler)
        self.validator = Draft202012Validator(article_schema())

    def process_item(self, item: Record) -> Record:
        article, spider = item.article, self.crawler.spider
        if not article.get("body", "").strip():
            raise self.drop("no_body", item.url, item.fetched_at)
        if not article.get("date"):
            raise self.drop("no_date", item.url, item.fetched_at)
        errors = sorted(self.validator.iter_errors(article), key=str)
        if errors:
            raise self.drop("schema", item.url, item.fetched_at, errors[0].message)
        date = parse_utc_date(article["date"])
        if spider is not None and hasattr(spider, "in_window") and not spider.in_window(date):
            raise self.drop("out_of_window", item.url, item.fetched_at, article["date"])
        return item


class DeduplicatePipeline(_Stage):
    """Emit each story once: by canonical URL (a changed body is an update), then by body."""

    def process_item(self, item: Record) -> Record:
        item.fingerprint = fingerprint(item.article["body"])
        previous = self.state.emitted_fingerprint(article_key(item.article))
        if previous == item.fingerprint:
            raise self.drop("seen", item.url, item.fetched_at)
        if previous is None and self.state.has_fingerprint(item.fingerprint):
            raise self.drop("duplicate", item.url, item.fetched_at)
        item.update = previous is not None
        return item


class ExportPipeline(_Stage):
    """Append one JSON line per article to KAZNEWS_OUTPUT, then record it in the state; how durably,
    KAZNEWS_FSYNC says. Every article also goes on to Scrapy's feeds (-o/-O/FEEDS); without
    KAZNEWS_OUTPUT (the default of `scrapy crawl`) the feeds are the only output.

    The state stores how many bytes of the output it covers; on open, complete lines past that
    offset (written just before a kill, not yet recorded) are recorded and a partial line is cut,
    so across a kill and a restart each article is written exactly once. An exclusive flock on
    the output serializes processes that append to the same file (Scrapyd jobs).

    KAZNEWS_FSYNC (docs/benchmarks.md):
      batch (default)  lines wait in memory (at most KAZNEWS_FSYNC_BATCH of them, or
                       KAZNEWS_FSYNC_INTERVAL seconds), then one write and one fsync, then the state
                       records them (SQLite synchronous=NORMAL). The state never covers a line that
                       is not on disk: exactly once across kills and power loss; the lines still
                       in memory at a kill were never recorded and are fetched again.
      line             one write, fsync and state commit (synchronous=FULL) per line.
      off              one write per line and no fsync at all: exactly once across process kills
                       (the page cache survives them), but after an OS crash or a power loss the
                       state can cover lines that never reached the disk, and those are lost.
    """

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        output = crawler.settings.get("KAZNEWS_OUTPUT")
        self.path = Path(output).resolve() if output else None  # None: items go only to Scrapy's feeds
        self.fd: int | None = None
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self.emitted = 0
        self.mode = fsync_mode(crawler.settings)
        self.batch = max(1, crawler.settings.getint("KAZNEWS_FSYNC_BATCH", 100)) if self.mode == "batch" else 1
        self.interval = crawler.settings.getfloat("KAZNEWS_FSYNC_INTERVAL", 1.0)
        self.pending: list[tuple[bytes, Record]] = []
        self.pending_keys: dict[str, str] = {}  # article key → body fingerprint, of the pending lines
        self.pending_fingerprints: set[str] = set()
        self.timer: LoopingCall | None = None
        self.failed = False
        if self.path is not None and self.fd is not None:
            self._recover(self.path, self.fd)

    def _recover(self, path: Path, fd: int) -> None:
        with locked(fd):
            adopt_tail(path, os.fstat(fd).st_size, self.state, lambda article: now())

    def open_spider(self) -> None:
        if self.batch > 1 and self.interval > 0:  # pending lines go out at least this often
            self.timer = LoopingCall(self.flush)
            self.timer.start(self.interval, now=False)

    def process_item(self, item: Record) -> dict[str, Any]:
        if self.failed:  # the output cannot be written: the crawl is closing
            raise DropItem(f"output_failed: {item.url}")
        limit = getattr(self.crawler.spider, "max_articles", 0)
        if limit and self.emitted >= limit:  # in flight when the limit was hit: left for the next run
            self.crawler.stats.inc_value("kaznews/dropped/max_articles")
            raise DropItem(f"max_articles: {item.url}")
        key = article_key(item.article)
        fp = item.fingerprint or fingerprint(item.article.get("body") or "")
        if key in self.pending_keys or fp in self.pending_fingerprints:  # the state does not know these yet
            if self.pending_keys.get(key) == fp:
                raise self.drop("seen", item.url, item.fetched_at)
            if key not in self.pending_keys:
                raise self.drop("duplicate", item.url, item.fetched_at)
            item.update = True
        self.emitted += 1
        out = dict(item.article)
        if item.update:
            out["update"] = True
        self.pending.append(((json.dumps(out, ensure_ascii=False) + "\n").encode("utf-8"), item))
        self.pending_keys[key], item.fingerprint = fp, fp
        self.pending_fingerprints.add(fp)
        if len(self.pending) >= self.batch:
            self.flush()
        self.crawler.stats.inc_value("kaznews/updated" if item.update else "kaznews/new")
        return out

    def flush(self) -> None:
        """Write the pending lines (one write), fsync them (unless `off`), then record them.

        A failed write or fsync (disk full, I/O error) cuts what it wrote, counts the lines as
        `kaznews/output_failed` (not as new) and closes the crawl with reason `output_failed`.
        """
        if not self.pending:
            return
        pending, self.pending = self.pending, []
        if self.fd is None:  # no KAZNEWS_OUTPUT: the feeds have the items, the state records them
            for _, item in pending:
                self.state.record(item.article, item.url, _utc(item.fetched_at), None, 0)
            self.pending_keys.clear()
            self.pending_fingerprints.clear()
            return
        data = memoryview(b"".join(line for line, _ in pending))
        with locked(self.fd):  # other processes appending to the same file wait
            offset = os.fstat(self.fd).st_size
            try:
                while data:
                    data = data[os.write(self.fd, data) :]
                if self.mode != "off":
                    os.fsync(self.fd)
            except OSError as exc:
                self._write_failed(self.fd, exc, offset, [item for _, item in pending])
                return
            for line, item in pending:
                offset += len(line)
                self.state.record(item.article, item.url, _utc(item.fetched_at), str(self.path), offset)
        self.pending_keys.clear()
        self.pending_fingerprints.clear()

    def _write_failed(self, fd: int, exc: OSError, offset: int, lost: list[Record]) -> None:
        """Cut the partial write (the next run cuts it if this cannot), uncount the lines, stop the crawl."""
        try:
            os.ftruncate(fd, offset)
        except OSError:
            pass
        self.pending_keys.clear()
        self.pending_fingerprints.clear()
        stats = self.crawler.stats
        for item in lost:
            stats.inc_value("kaznews/updated" if item.update else "kaznews/new", -1)
        stats.inc_value("kaznews/output_failed", len(lost))
        logger.error(
            "Cannot write %d articles to %s (%s): the crawl stops; they are fetched again by the next run",
            len(lost),
            self.path,
            exc,
        )
        if not self.failed and self.crawler.crawling:
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="output_failed"))
        self.failed = True

    def close_spider(self) -> None:
        if self.timer is not None and self.timer.running:
            self.timer.stop()
        self.flush()
        if self.fd is not None:
            os.close(self.fd)


def _utc(iso: str) -> str:
    parsed = parse_utc_date(iso)
    return utc(parsed) if parsed else now()
