"""Hostile records for `kaznews merge`: wrong field types are skipped and counted; a failed write leaves no temp file."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from scrapers import merge
from scrapers.cli import main

GOOD = {"url": "https://khabar.kz/ru/news/1-a", "title": "A", "body": "Текст."}
BAD = [
    {"url": ["https://khabar.kz/x"]},
    {"url": "https://khabar.kz/y", "body": 5},
    {"canonical_url": {"x": 1}, "url": "https://khabar.kz/z"},
    {"url": "https://khabar.kz/w", "date_modified": 7},
    {"url": 12},
    [1, 2],
    "text",
    None,
]


def test_wrong_field_types_are_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    worker = tmp_path / "w.jsonl"
    worker.write_text("".join(json.dumps(r) + "\n" for r in [*BAD, GOOD]), encoding="utf-8")
    out = tmp_path / "all.jsonl"
    assert main(["merge", str(worker), "-o", str(out)]) == 0
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == [GOOD]
    assert f"{len(BAD)} invalid lines skipped" in capsys.readouterr().err


def test_a_failed_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    worker = tmp_path / "w.jsonl"
    worker.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    out = tmp_path / "all.jsonl"
    out.write_text("old\n", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(merge.os, "fsync", full)
    assert main(["merge", str(worker), "-o", str(out)]) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.jsonl", "w.jsonl"]
    assert out.read_text(encoding="utf-8") == "old\n"
