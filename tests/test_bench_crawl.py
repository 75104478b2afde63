"""The crawl benchmark end to end on a tiny mirror: every article emitted exactly once (no timings)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import crawl
from bench.crawl_mirror import build_mirror, check_mirror
from scrapers.localredis import unavailable
from scrapers.state import fingerprint
from scrapers.urlguard import path_and_query

N = 50


def test_mirror_copies_are_distinct_articles_that_clean_like_their_fixtures() -> None:
    mirror = build_mirror("tengrinews_ru", N, chunk=20)
    assert len(set(mirror.urls)) == N and mirror.sitemaps() == 3
    assert check_mirror(mirror) == []
    bodies = {fingerprint(mirror.page(path_and_query(url))[0].decode()) for url in mirror.urls}  # type: ignore[index]
    assert len(bodies) == N
    index = mirror.sitemap_index("http://127.0.0.1:1").decode()
    assert index.count("<sitemap>") == 3 and "sitemap-news-2.xml" in index
    listed = "".join(mirror.sitemap(i, "http://127.0.0.1:1").decode() for i in range(3))  # type: ignore[union-attr]
    assert listed.count("<url>") == N and mirror.sitemap(3, "") is None


def _results(tmp_path: Path, *args: str) -> list[dict]:
    out = tmp_path / "crawl.json"
    code = crawl.main(
        [
            "--articles",
            str(N),
            "--chunk",
            "20",
            "--output",
            str(out),
            "--tmp",
            str(tmp_path),
            "--no-compare",
            "--prefill",
            "0",
            *args,
        ]
    )
    runs = json.loads(out.read_text(encoding="utf-8"))["runs"]
    assert code == 0, runs
    return runs


def test_sqlite_crawl_emits_every_article_once_also_on_a_prefilled_state(tmp_path: Path) -> None:
    runs = _results(tmp_path, "--prefill", "2000")
    assert [r["prefill"] for r in runs] == [0, 2000]
    for run in runs:
        assert run["emitted"] == run["unique_urls"] == N and run["missing"] == 0
        assert run["returncodes"] == [0] and run["peak_rss_mb"][0] > 0
        assert not any(k.startswith("dropped/") for k in run["dropped"]), run["dropped"]
    assert (tmp_path / "crawl-state-2000.sqlite").exists()  # the cache sits next to the results


@pytest.mark.skipif(unavailable() is not None, reason=unavailable() or "")
def test_two_redis_workers_share_the_crawl_without_duplicates(tmp_path: Path) -> None:
    [run] = _results(tmp_path, "--backend", "redis", "--workers", "2")
    assert run["workers"] == 2 and run["emitted"] == run["unique_urls"] == N and run["missing"] == 0
    assert run["returncodes"] == [0, 0] and len(run["peak_rss_mb"]) == 2
