"""`kaznews archive` killed with SIGKILL mid-run, then run again: the output is the uninterrupted run's."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from email.utils import parsedate_to_datetime
from pathlib import Path

from bench.crawl_mirror import build_mirror
from scrapers.archive_write import ArchivedResponse, Writer, warc_date
from scrapers.cli import main
from scrapers.urlguard import path_and_query

ROOT = Path(__file__).resolve().parent.parent
FILES, PER_FILE = 6, 40


def _write_files(folder: Path) -> list[Path]:
    """FILES archives of PER_FILE distinct article pages each (copies of tengrinews fixtures)."""
    mirror = build_mirror("tengrinews_ru", FILES * PER_FILE)
    pages = []
    for url in mirror.urls:
        body, date = mirror.page(path_and_query(url)) or (b"", "")
        pages.append(ArchivedResponse(url, body, warc_date(parsedate_to_datetime(date).isoformat() if date else None)))
    paths = []
    for n in range(FILES):
        paths.append(folder / f"part-{n}.warc.gz")
        with Writer(paths[-1]) as w:
            w.pages(pages[n * PER_FILE : (n + 1) * PER_FILE])
    return paths


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True) if path.exists() else []


def test_sigkill_then_rerun_writes_each_record_once_in_order(tmp_path: Path) -> None:
    files = _write_files(tmp_path)
    reference = tmp_path / "reference.jsonl"
    assert main(["archive", *map(str, files), "-o", str(reference), "-q"]) == 0
    expected = _lines(reference)
    assert len(expected) == FILES * PER_FILE

    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "scrapers.cli", "archive", *map(str, files), "-o", str(out), "-q", "-j", "2"]
    proc = subprocess.Popen(cmd, cwd=ROOT, start_new_session=True, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while len(_lines(out)) < PER_FILE and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    killed_after = len(_lines(out))
    assert PER_FILE <= killed_after < len(expected), "killed mid-run"
    with out.open("ab") as fh:  # as if killed in the middle of a write
        fh.write(b'{"url": "https://tengrinews.kz/kazakhst')

    assert main(["archive", *map(str, files), "-o", str(out), "-q", "-j", "2"]) == 0
    assert _lines(out) == expected  # nothing lost, nothing twice, the same order
