"""Hostile disk state: a full disk fails the run loudly and leaves the output repairable; the next run repairs it."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from scrapers import pipelines
from scrapers.cli import report
from scrapers.extensions import summary
from scrapers.items import Record
from scrapers.spiders import SPIDERS

FETCHED = "2026-01-05T10:00:00Z"
KHABAR_RU = SPIDERS["khabar_ru"]


def _exporter(tmp_path: Path, fsync: str = "line") -> pipelines.ExportPipeline:
    crawler = get_crawler(
        KHABAR_RU,
        {
            "KAZNEWS_STATE": str(tmp_path / "state.sqlite"),
            "KAZNEWS_BACKEND": "sqlite",
            "KAZNEWS_OUTPUT": str(tmp_path / "out.jsonl"),
            "KAZNEWS_FSYNC": fsync,
        },
    )
    return pipelines.ExportPipeline(crawler)


def _record(n: int) -> Record:
    url = f"https://khabar.kz/ru/news/item/{n}-story"
    return Record(
        {"url": url, "canonical_url": url, "title": f"Story {n}", "body": f"Body of story {n}."}, url, FETCHED
    )


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_bytes().splitlines()]


def test_disk_full_mid_write_cuts_the_fragment_and_uncounts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = _exporter(tmp_path)
    out.process_item(_record(1))
    before = (tmp_path / "out.jsonl").read_bytes()
    real_write = os.write

    def short_then_full(fd: int, data: bytes) -> int:
        if len(data) > 10:
            return real_write(fd, bytes(data[: len(data) // 2]))  # a short write, then the disk is full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pipelines.os, "write", short_then_full)
    out.process_item(_record(2))
    monkeypatch.setattr(pipelines.os, "write", real_write)
    assert (tmp_path / "out.jsonl").read_bytes() == before  # no fragment left behind
    stats = out.crawler.stats
    assert stats.get_value("kaznews/new") == 1 and stats.get_value("kaznews/output_failed") == 1
    with pytest.raises(DropItem, match="output_failed"):
        out.process_item(_record(3))
    out.close_spider()
    assert (
        report(
            {"khabar_ru": {**summary(stats.get_stats()), "reason": "finished"}}, {"khabar_ru": "khabar.kz"}, "out.jsonl"
        )
        == 1
    )  # the CLI exits non-zero
    again = _exporter(tmp_path)  # the next run emits the lost story again: it was never recorded
    again.process_item(_record(2))
    again.close_spider()
    assert [line["title"] for line in _lines(tmp_path / "out.jsonl")] == ["Story 1", "Story 2"]


def test_disk_full_on_fsync_fails_the_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = _exporter(tmp_path, "batch")
    for n in range(3):
        out.process_item(_record(n))

    def full(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(pipelines.os, "fsync", full)
    out.close_spider()
    assert (tmp_path / "out.jsonl").read_bytes() == b""
    assert out.crawler.stats.get_value("kaznews/new") == 0
    assert out.crawler.stats.get_value("kaznews/output_failed") == 3


@pytest.mark.parametrize(
    "garbage",
    [b'{"url": "https://khabar.kz/ru/news/item/9-x", "bo', b"\x00\x00\x00\n", b"[1, 2]\n", b"not json at all\n"],
)
def test_next_run_cuts_a_fragment_and_what_follows_it(tmp_path: Path, garbage: bytes) -> None:
    out = _exporter(tmp_path)
    out.process_item(_record(1))
    out.close_spider()
    path = tmp_path / "out.jsonl"
    good = path.read_bytes()
    unrecorded = (json.dumps(_record(2).article) + "\n").encode()  # written after the fragment, never recorded
    path.write_bytes(good + garbage + unrecorded)
    again = _exporter(tmp_path)
    assert path.read_bytes() == good
    again.process_item(_record(2))
    again.close_spider()
    assert [line["title"] for line in _lines(path)] == ["Story 1", "Story 2"]


def test_complete_unrecorded_lines_are_adopted(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    first = _exporter(tmp_path)  # the state takes the (empty) output as its own when it opens it
    first.close_spider()
    first.state.close()
    with path.open("ab") as fh:  # killed after the write, before the state commit
        fh.write((json.dumps(_record(1).article) + "\n").encode() + b'{"url": "cut mid-li')
    out = _exporter(tmp_path)  # adopted, not written twice; the fragment is cut
    with pytest.raises(DropItem, match="seen"):
        pipelines.DeduplicatePipeline(out.crawler).process_item(_record(1))
    out.close_spider()
    assert [line["title"] for line in _lines(path)] == ["Story 1"]


def test_a_new_state_does_not_take_an_old_output_as_its_own(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes((json.dumps(_record(1).article) + "\n").encode() + b'{"url": "cut mid-li')
    out = _exporter(tmp_path)  # another crawl's lines (issue 12): emitted again, the fragment cut
    out.process_item(_record(1))
    out.close_spider()
    assert [line["title"] for line in _lines(path)] == ["Story 1", "Story 1"]


def test_garbage_in_an_output_a_reseeded_state_reads_is_kept_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    first, second = ((json.dumps(_record(n).article) + "\n").encode() for n in (1, 2))
    path.write_bytes(first + b"garbage the user typed\n" + second)
    (tmp_path / "state.sqlite").write_bytes(b"this is not a database" * 100)
    out = _exporter(tmp_path)  # the state is set aside: every article line re-seeds it, nothing is cut
    assert path.read_bytes() == first + b"garbage the user typed\n" + second
    for n in (1, 2):
        with pytest.raises(DropItem, match="seen"):
            pipelines.DeduplicatePipeline(out.crawler).process_item(_record(n))
    out.close_spider()


def test_corrupt_state_is_set_aside_and_reseeded_from_the_output(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    out = _exporter(tmp_path)
    out.process_item(_record(1))
    out.close_spider()
    out.state.close()
    state = tmp_path / "state.sqlite"
    for suffix in ("-wal", "-shm"):
        Path(f"{state}{suffix}").unlink(missing_ok=True)
    state.write_bytes(b"this is not a database" * 100)
    again = _exporter(tmp_path)  # no traceback: the broken file is moved aside, the output re-seeds the state
    assert any(p.name.startswith("state.sqlite.corrupt-") for p in tmp_path.iterdir())
    assert "unreadable" in caplog.text
    with pytest.raises(DropItem, match="seen"):
        pipelines.DeduplicatePipeline(again.crawler).process_item(_record(1))
    again.close_spider()


def test_a_1970_server_date_is_not_an_anchor() -> None:
    from datetime import UTC, datetime

    from scrapers.base import served_at

    assert served_at("Thu, 01 Jan 1970 00:00:00 GMT") > datetime(2020, 1, 1, tzinfo=UTC)
    assert served_at("Mon, 05 Jan 2026 10:00:00 GMT") == datetime(2026, 1, 5, 10, tzinfo=UTC)
