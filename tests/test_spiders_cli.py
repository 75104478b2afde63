"""`kaznews crawl` (scrapers.cli): every bundled mirror in one process, then again (nothing new)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.spider_server import ROOT

FAST = ["--set", "AUTOTHROTTLE_ENABLED=0", "--set", "DOWNLOAD_DELAY=0"]


def _kaznews(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapers.cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_crawl_all_mirrors_then_nothing_new(tmp_path: Path, article_validator) -> None:
    out, state = tmp_path / "articles.jsonl", tmp_path / "state.sqlite"
    first = _kaznews("crawl", "all", "--mirror", "-o", str(out), "--state", str(state), *FAST)
    assert first.returncode == 0, first.stderr[-3000:]
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines and f"{len(lines)} articles appended to {out}" in first.stdout
    assert "\\u04" not in out.read_text(encoding="utf-8")  # Cyrillic is written as is
    articles = [json.loads(line) for line in lines]
    assert all(article_validator.is_valid(a) for a in articles)
    assert len({a["url"] for a in articles}) == len(articles)
    assert "inform.kz" in first.stdout and "new:" in first.stdout

    again = _kaznews("crawl", "all", "--mirror", "-o", str(out), "--state", str(state), *FAST)
    assert again.returncode == 0, again.stderr[-3000:]
    assert f"nothing new: {out} unchanged" in again.stdout
    assert out.read_text(encoding="utf-8").splitlines() == lines


def test_crawl_one_outlet_with_max_articles(tmp_path: Path) -> None:
    out = tmp_path / "a.jsonl"
    done = _kaznews(
        "crawl",
        "inform_ru",
        "--mirror",
        "--max-articles",
        "1",
        "-o",
        str(out),
        "--state",
        str(tmp_path / "s.sqlite"),
        "--set",
        "CONCURRENT_REQUESTS=1",
        *FAST,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_unknown_outlet_is_an_error(tmp_path: Path) -> None:
    done = _kaznews("crawl", "nosuch.kz", "-o", str(tmp_path / "a.jsonl"))
    assert done.returncode != 0 and "unknown outlet" in done.stderr
