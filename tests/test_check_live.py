"""`kaznews check-live` against local servers, and `kaznews fixtures record URL` through Scrapy."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cleaners.health import check_page
from scrapers.mirror import MirrorServer
from scrapers.spiders import SPIDERS
from tests.conftest import run_kaznews
from tests.spider_server import ROOT

TengrinewsRu = SPIDERS["tengrinews_ru"]

FAST = ["--set", "AUTOTHROTTLE_ENABLED=0", "--set", "DOWNLOAD_DELAY=0"]
FIXTURES = ROOT / "fixtures"


def _kaznews(*args: str) -> subprocess.CompletedProcess[str]:
    return run_kaznews(*args, timeout=180)


def _statuses(output: str) -> dict[str, str]:
    """{field: status} of the first checked page in check-live's output."""
    return {m[2]: m[1] for m in re.finditer(r"^  (PASS|FAIL|WARN|SKIP)\s+(\w+)", output, re.M)}


def _changed_tengrinews(tmp: Path, renames: dict[str, str]) -> Path:
    """A copy of the tengrinews fixtures whose article pages had these class names renamed."""
    root = tmp / "fixtures"
    shutil.copytree(FIXTURES / "tengrinews.kz", root / "tengrinews.kz")
    for page in (root / "tengrinews.kz").glob("*.html"):
        html = page.read_text(encoding="utf-8")
        for old, new in renames.items():
            html = html.replace(old, new)
        page.write_text(html, encoding="utf-8")
    return root


def _check(root: Path) -> subprocess.CompletedProcess[str]:
    with MirrorServer(root=root, spiders=[TengrinewsRu]) as server:
        base = server.base_url("tengrinews_ru")
        return _kaznews("check-live", "--outlet", "tengrinews_ru", "--base-url", base, *FAST)


def test_unchanged_layout_passes(tmp_path: Path) -> None:
    done = _check(_changed_tengrinews(tmp_path, {}))
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    # the newest of the edition's pages is checked, on the current layout
    assert "https://tengrinews.kz/kazakhstan_news/almatyi-nazvali-sroki" in done.stdout
    statuses = _statuses(done.stdout)
    assert {statuses[f] for f in ("layout", "title", "date", "body", "language", "tags")} == {"PASS"}
    assert "tengrinews.kz: PASS" in done.stdout and "1 checked: 1 passed, 0 failed" in done.stdout


def test_redesigned_page_fails_layout_and_body(tmp_path: Path) -> None:
    renames = {
        "content_main_text": "article-text-v3",
        "head-single": "article-title",
        "date-time": "article-meta-date",
        "tn-news-content": "article-text-v3",
        "tn-content-title": "article-title",
    }
    done = _check(_changed_tengrinews(tmp_path, renames))
    assert done.returncode == 1, done.stdout
    statuses = _statuses(done.stdout)
    assert statuses["layout"] == "FAIL" and statuses["body"] == "FAIL"
    assert "no layout of tengrinews.kz matches the page" in done.stdout
    assert "tengrinews.kz: FAIL" in done.stdout and "1 checked: 0 passed, 1 failed" in done.stdout


def test_a_renamed_date_block_fails_only_the_date(tmp_path: Path) -> None:
    done = _check(_changed_tengrinews(tmp_path, {"date-time": "published-at"}))
    assert done.returncode == 1, done.stdout
    statuses = _statuses(done.stdout)
    assert statuses["date"] == "FAIL" and "no trustworthy date (date_missing)" in done.stdout
    assert statuses["layout"] == statuses["body"] == statuses["title"] == "PASS"


def test_a_date_only_a_fallback_finds_is_a_failure(tmp_path: Path) -> None:
    """The page still has a date in its meta tags, but the profile's selector lost it: FAIL, not a silent pass."""
    meta = '<head><meta property="article:published_time" content="2024-10-01T10:00:00+05:00">'
    done = _check(_changed_tengrinews(tmp_path, {"date-time": "published-at", "<head>": meta}))
    assert done.returncode == 1, done.stdout
    statuses = _statuses(done.stdout)
    assert statuses["date"] == "FAIL"
    assert "matched nothing; a fallback gave '2024-10-01T10:00:00+05:00'" in done.stdout


def test_an_outlet_that_serves_nothing_fails(tmp_path: Path) -> None:
    with MirrorServer(root=tmp_path, spiders=[TengrinewsRu]) as server:  # no fixtures: every URL is a 404
        done = _kaznews(
            "check-live",
            "--outlet",
            "tengrinews.kz",
            "--base-url",
            server.base_url("tengrinews_ru"),
            "--timeout",
            "30",
            *FAST,
        )
    assert done.returncode == 1
    assert "FAIL  fetch" in done.stdout


def test_every_bundled_mirror_passes() -> None:
    done = _kaznews("check-live", "--mirror", *FAST)
    assert done.returncode == 0, done.stdout[-3000:]
    outlets = {p.name for p in FIXTURES.iterdir() if (p / "mirror").is_dir()}
    assert f"{len(outlets)} checked: {len(outlets)} passed, 0 failed" in done.stdout


def test_health_of_a_saved_fixture_is_computed_without_scrapy() -> None:
    page = FIXTURES / "inform.kz" / "ru-2020-poultry-sko.html.gz"
    import gzip

    meta = json.loads((page.parent / "meta.json").read_text(encoding="utf-8"))["ru-2020-poultry-sko"]
    health = check_page(gzip.decompress(page.read_bytes()), meta["url"], fetched_at=meta.get("fetched_at"))
    assert health.ok and health.layout.startswith("inform.kz@")
    assert {c.field for c in health.checks} >= {"layout", "title", "date", "body", "language"}


def test_record_fetches_a_url_with_the_project_http_stack(tmp_path: Path) -> None:
    fx = FIXTURES / "tengrinews.kz"
    meta = json.loads((fx / "meta.json").read_text(encoding="utf-8"))["ru-2024-almaty-metro"]
    path = "/" + meta["url"].split("/", 3)[3]
    with MirrorServer(spiders=[TengrinewsRu]) as server:
        url = server.base_url("tengrinews_ru") + path
        done = _kaznews(
            "fixtures",
            "record",
            url,
            "--outlet",
            "tengrinews.kz",
            "--name",
            "metro",
            "--url",
            meta["url"],
            "--fixtures",
            str(tmp_path),
        )
        missing = _kaznews(
            "fixtures",
            "record",
            server.base_url("tengrinews_ru") + "/nosuch/",
            "--outlet",
            "tengrinews.kz",
            "--fixtures",
            str(tmp_path),
        )
    assert done.returncode == 0, done.stderr[-2000:]
    saved = tmp_path / "tengrinews.kz"
    assert (saved / "metro.html").read_bytes() == (fx / "ru-2024-almaty-metro.html").read_bytes()
    record = json.loads((saved / "meta.json").read_text(encoding="utf-8"))["metro"]
    assert record["provenance"] == "saved" and record["reviewed"] is False and record["url"] == meta["url"]
    assert url in record["origin"]
    draft = json.loads((saved / "metro.json").read_text(encoding="utf-8"))
    expected = json.loads((fx / "ru-2024-almaty-metro.json").read_text(encoding="utf-8"))
    fields = ("title", "date", "body", "tags")  # the date is relative ("Сегодня"): anchored by the Date header
    assert {k: draft[k] for k in fields} == {k: expected[k] for k in fields}
    assert missing.returncode != 0 and "could not fetch" in missing.stderr and "http_404" in missing.stderr
    listed = _kaznews("fixtures", "review", "--fixtures", str(tmp_path))
    assert "tengrinews.kz/metro: unreviewed draft" in listed.stdout


@pytest.mark.parametrize("argv", [["check-live", "--base-url", "http://127.0.0.1:9"]])
def test_base_url_needs_one_outlet(argv: list[str]) -> None:
    done = _kaznews(*argv)
    assert done.returncode != 0 and "exactly one outlet" in done.stderr
