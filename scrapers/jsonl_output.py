"""The JSON Lines outputs that crawls and archive runs append to: locking, and making the file and
the crawl state agree when a writer opens it (exactly once across kills)."""

from __future__ import annotations

import fcntl
import json
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .crawlstate import CrawlState, utc

logger = logging.getLogger(__name__)
TAIL_CHUNK = 64 * 1024  # bytes read at a time when looking for the last complete line


def adopt_tail(path: Path, size: int, state: CrawlState, fetched_at: Callable[[dict[str, Any]], str]) -> None:
    """Make the output and the state agree when a writer opens it (under its lock): record the
    complete lines past the state's offset (a crash between write and commit), cut a partial or
    failed write; a state that never wrote here starts after the last complete line."""
    key = str(path)
    offset = state.offset(key)
    if offset is None and state.reseed:
        offset = 0  # a damaged state set aside: the output re-seeds the new one
    if offset is None or offset > size:
        # a state that never wrote here (the lines are not its own: not adopted), or the file
        # was rotated or truncated: start at its end, after the last complete line
        end = last_line_end(path, size)
        if end < size:
            os.truncate(path, end)
        state.set_offset(key, end)
        return
    with open(path, "rb") as fh:
        fh.seek(offset)
        tail = fh.read()
    complete = tail[: tail.rfind(b"\n") + 1]
    start, kept, skipped = offset, 0, 0
    for line in complete.splitlines(keepends=True):
        article = article_line(line)
        if article is None and start > 0:  # past what the state covers: a failed write; never recorded
            break
        kept += len(line)
        if article is None:  # no state covers this file (new, or set aside): keep the user's lines
            skipped += 1
            continue
        state.record(article, article.get("url") or "", fetched_at(article), key, start + kept)
    if skipped:
        logger.warning("%s: %d lines are not JSON objects; left in place, skipped", path, skipped)
    if kept < len(tail):
        logger.warning(
            "%s: cut %d bytes from offset %d (not complete JSON lines)", path, len(tail) - kept, start + kept
        )
        os.truncate(path, start + kept)


def last_line_end(path: Path, size: int) -> int:
    """The offset just past the file's last newline (0 without one), reading back from the end."""
    with open(path, "rb") as fh:
        end = size
        while end > 0:
            start = max(0, end - TAIL_CHUNK)
            fh.seek(start)
            newline = fh.read(end - start).rfind(b"\n")
            if newline >= 0:
                return start + newline + 1
            end = start
    return 0


@contextmanager
def locked(fd: int) -> Iterator[None]:
    """An exclusive lock on the open output: writers of other processes wait."""
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)


def article_line(line: bytes) -> dict[str, Any] | None:
    """The article of one complete output line, or None when the line is not one JSON object."""
    try:
        article = json.loads(line)
    except ValueError:
        return None
    return article if isinstance(article, dict) and line.endswith(b"\n") else None


def now() -> str:
    """The current time, UTC, as the state stores it."""
    return utc(datetime.now(UTC))
