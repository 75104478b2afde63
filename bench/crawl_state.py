"""A crawl state pre-filled with synthetic rows, to show memory does not grow with the state size."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from scrapers.state import State

CACHE = Path(__file__).resolve().parent / "results"


def _rows(n: int) -> Iterator[tuple[str, str, str, str, str]]:
    for i in range(n):
        key = f"https://tengrinews.kz/kazakhstan_news/prefill-{i}-{i % 997}/"
        fp = hashlib.sha256(key.encode()).hexdigest()
        yield key, fp, "2020-01-01T00:00:00+05:00", "2020-01-01T00:00:00Z/prefill", "2020-01-01T00:00:00Z"


def build_state(path: Path, rows: int) -> Path:
    """A SQLite state with `rows` emitted articles and their URLs (one URL row each)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    State(path, "prefill").close()  # the schema, exactly as the crawler makes it
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA synchronous=OFF")
    db.execute("BEGIN")
    db.executemany("INSERT INTO articles (key, fingerprint, date, run, emitted_at) VALUES (?, ?, ?, ?, ?)", _rows(rows))
    db.execute("INSERT INTO urls (url, key, fetched_at, run) SELECT key, key, emitted_at, run FROM articles")
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def prefilled_state(dest: Path, rows: int, cache: Path = CACHE) -> Path:
    """Copy a cached pre-filled state (built on first use under bench/results/) to `dest`."""
    cached = cache / f"crawl-state-{rows}.sqlite"
    if not cached.exists():
        tmp = cached.with_suffix(".tmp")
        for stale in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            stale.unlink(missing_ok=True)
        build_state(tmp, rows)
        for side in ("-wal", "-shm"):
            Path(f"{tmp}{side}").unlink(missing_ok=True)
        tmp.rename(cached)
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, dest)
    return dest
