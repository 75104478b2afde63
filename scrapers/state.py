"""Incremental crawl state in SQLite (a `scrapers.crawlstate.CrawlState`): what was fetched and
emitted, by URL and body fingerprint.

Every check is one indexed query, so memory stays flat however many URLs the state holds.
Tables:
  articles(key, fingerprint, date, run, emitted_at)  one row per emitted story (key: canonical URL)
  urls(url, key, fetched_at, run)                     every page URL fetched, for request-level skips
  outputs(path, offset)                               bytes of each output file covered by the state
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings

from .crawlstate import article_key, fingerprint, utc

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, date TEXT,
                                     run TEXT NOT NULL, emitted_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS articles_fingerprint ON articles (fingerprint);
CREATE TABLE IF NOT EXISTS urls (url TEXT PRIMARY KEY, key TEXT, fetched_at TEXT NOT NULL, run TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outputs (path TEXT PRIMARY KEY, offset INTEGER NOT NULL);
"""
logger = logging.getLogger(__name__)
FSYNC_MODES = ("batch", "line", "off")
MEMORY = ":memory:"  # SQLite's in-memory database: a state that ends with the crawl


def fsync_mode(settings: BaseSettings) -> str:
    """KAZNEWS_FSYNC: `batch` (default), `line` or `off` (see scrapers.pipelines.ExportPipeline)."""
    mode = (settings.get("KAZNEWS_FSYNC") or "batch").lower()
    if mode not in FSYNC_MODES:
        raise ValueError(f"KAZNEWS_FSYNC must be one of {', '.join(FSYNC_MODES)}, not {mode!r}")
    return mode


def _open(path: str | Path, synchronous: str) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute(f"PRAGMA synchronous={'NORMAL' if synchronous.upper() == 'NORMAL' else 'FULL'}")
        db.executescript(SCHEMA)
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db


class State:
    def __init__(self, path: str | Path, run: str, synchronous: str = "FULL") -> None:
        """`synchronous`: SQLite's; NORMAL (no fsync per commit) when the exporter orders its own fsyncs."""
        if str(path) != MEMORY:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.run = run
        self.reseed = False  # set aside after damage: the outputs' lines are its own again
        try:
            self.db = _open(path, synchronous)
        except sqlite3.DatabaseError as exc:  # not SQLite, or damaged: set it aside, start afresh
            aside = Path(path).with_name(f"{Path(path).name}.corrupt-{datetime.now(UTC):%Y%m%dT%H%M%S}")
            for suffix in ("", "-wal", "-shm"):
                if Path(f"{path}{suffix}").exists():
                    Path(f"{path}{suffix}").rename(f"{aside}{suffix}")
            logger.error(
                "The state %s is unreadable (%s): moved to %s; a new state is started, and the output"
                " file re-seeds it (what it holds is not emitted again)",
                path,
                exc,
                aside,
            )
            self.db = _open(path, synchronous)
            self.reseed = True

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> State:
        """The state of a crawl from its settings (KAZNEWS_STATE; none: in memory, not incremental)."""
        run = f"{utc(datetime.now(UTC))}/{crawler.spidercls.name}"
        synchronous = "FULL" if fsync_mode(crawler.settings) == "line" else "NORMAL"
        return cls(crawler.settings.get("KAZNEWS_STATE") or MEMORY, run, synchronous)

    def should_fetch(self, url: str, modified: datetime | None = None) -> bool:
        """False when the URL was fetched before, unless `modified` (a sitemap lastmod) is newer."""
        row = self.db.execute("SELECT fetched_at FROM urls WHERE url = ?", (url,)).fetchone()
        return row is None or (modified is not None and utc(modified) > row[0])

    def emitted_fingerprint(self, key: str) -> str | None:
        """The body fingerprint last emitted under this key, or None if never emitted."""
        row = self.db.execute("SELECT fingerprint FROM articles WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def has_fingerprint(self, fp: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE fingerprint = ? LIMIT 1", (fp,)).fetchone() is not None

    def remember_url(self, url: str, fetched_at: str, key: str | None = None) -> None:
        self.db.execute(
            "INSERT INTO urls (url, key, fetched_at, run) VALUES (?, ?, ?, ?) ON CONFLICT (url) DO UPDATE"
            " SET key = coalesce(excluded.key, key), fetched_at = excluded.fetched_at, run = excluded.run",
            (url, key, fetched_at, self.run),
        )

    def record(self, article: dict[str, Any], url: str, fetched_at: str, output: str | None, offset: int) -> None:
        """Mark an article emitted, and the output file (if any) written up to `offset`, in one transaction."""
        key = article_key(article)
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute(
                "INSERT INTO articles (key, fingerprint, date, run, emitted_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET fingerprint = excluded.fingerprint, date = excluded.date,"
                " run = excluded.run, emitted_at = excluded.emitted_at",
                (key, fingerprint(article.get("body") or ""), article.get("date"), self.run, utc(datetime.now(UTC))),
            )
            for page_url in {page for page in (url, article.get("url"), key) if page}:
                self.remember_url(page_url, fetched_at, key)
            if output is not None:
                self.set_offset(output, offset)

    def offset(self, output: str) -> int | None:
        """Bytes of `output` the state covers; None when this state never wrote to it."""
        row = self.db.execute("SELECT offset FROM outputs WHERE path = ?", (output,)).fetchone()
        return row[0] if row else None

    def set_offset(self, output: str, offset: int) -> None:
        self.db.execute(
            "INSERT INTO outputs (path, offset) VALUES (?, ?) ON CONFLICT (path) DO UPDATE"
            " SET offset = excluded.offset",
            (output, offset),
        )

    def close(self) -> None:
        self.db.close()
