"""bench.archive writes WARCs of distinct pages and reports records/s, kept/s and the RSS verdict."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bench.archive import Run, block, make_pages, write_archives
from scrapers.archive import iter_archive


def test_bench_archives_hold_each_page_once_beside_requests_and_other_hosts(tmp_path: Path) -> None:
    pages = make_pages(6)
    paths, records = write_archives(pages, 2, tmp_path)
    assert len(paths) == 2 and records == 18
    found = Counter(reason for path in paths for reason, _ in iter_archive(str(path)))
    assert found == {"kept": 6, "not_response": 6, "other_host": 6}


def test_block_reports_rates_and_whether_rss_stayed_flat() -> None:
    small = Run("kaznews archive -j 1, a quarter of the pages", 250, 750, 250, 2.0, 100.0, 1.0)
    big = Run("kaznews archive -j 1", 1000, 3000, 1000, 6.0, 110.0, 1.0)
    text = block([big, small], small, big)
    assert "| kaznews archive -j 1 | 1,000 | 3,000 | 1,000 | 6.0 (1.0) | 500 | 600 | 166.7 | 110 |" in text
    assert "flat in the number of records: yes" in text
    grown = Run("kaznews archive -j 1", 1000, 3000, 1000, 6.0, 200.0, 1.0)
    assert "flat in the number of records: NO" in block([grown, small], small, grown)
