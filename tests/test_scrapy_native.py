"""What docs/scrapy.md claims about Scrapy's own features, each run as a user would: `scrapy`
subprocesses in an empty working directory, against a bundled mirror on 127.0.0.1."""

from __future__ import annotations

import csv
import json
import os
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest

from scrapers.mirror import MirrorServer, edition_fixtures, spider_classes
from tests.spider_server import FAST, FIXTURES, ROOT

INFORM_RU = next(cls for cls in spider_classes() if cls.name == "inform_ru")
URLS = {fx.url for fx in edition_fixtures(INFORM_RU, FIXTURES)}
TIMEOUT = 120
WARNING = "USER_AGENT has no contact address yet"


@pytest.fixture(scope="module")
def mirror() -> Iterator[MirrorServer]:
    with MirrorServer(FIXTURES, [INFORM_RU]) as server:
        yield server


def _env() -> dict[str, str]:
    return {**os.environ, "SCRAPY_SETTINGS_MODULE": "scrapers.settings", "PYTHONPATH": str(ROOT)}


def scrapy(cwd: Path, *args: str, fast: bool = True) -> subprocess.CompletedProcess[str]:
    """`scrapy COMMAND ARGS...` in `cwd` (outside the checkout); FAST settings first, ARGS override them."""
    settings = [f"-s{k}={v}" for k, v in FAST.items()] if fast else []
    return subprocess.run(
        [sys.executable, "-m", "scrapy", args[0], *settings, *args[1:]],
        cwd=cwd,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def kaznews(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapers.cli", *args],
        cwd=cwd,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _by_url(path: Path) -> list[dict]:
    return sorted(_jsonl(path), key=lambda item: item["url"])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_feeds_get_exactly_the_crawls_items_in_every_format(tmp_path: Path, mirror: MirrorServer) -> None:
    base = mirror.base_url("inform_ru")
    for _ in range(2):  # not incremental by default: the second crawl gets the same items
        run = scrapy(
            tmp_path,
            "crawl",
            "inform_ru",
            "-a",
            f"base_url={base}",
            "-O",
            "a.jsonl",
            "-O",
            "a.json",
            "-O",
            "a.csv",
            "-O",
            "a.xml",
        )
        assert run.returncode == 0, run.stderr[-3000:]
        assert {item["url"] for item in _jsonl(tmp_path / "a.jsonl")} == URLS
        assert {item["url"] for item in json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))} == URLS
        with (tmp_path / "a.csv").open(encoding="utf-8", newline="") as fh:
            assert {row["url"] for row in csv.DictReader(fh)} == URLS
        xml_urls = {el.text for el in ElementTree.parse(tmp_path / "a.xml").getroot().iter("url")}
        assert xml_urls == URLS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "a.json", "a.jsonl", "a.xml"]  # nothing else
    assert run.stderr.count(WARNING) == 1


def test_incremental_only_with_an_explicit_state(tmp_path: Path, mirror: MirrorServer) -> None:
    base = mirror.base_url("inform_ru")
    state = ["-s", "KAZNEWS_STATE=state.sqlite"]
    first = scrapy(tmp_path, "crawl", "inform_ru", "-a", f"base_url={base}", *state, "-O", "one.jsonl")
    second = scrapy(tmp_path, "crawl", "inform_ru", "-a", f"base_url={base}", *state, "-O", "two.jsonl")
    assert first.returncode == second.returncode == 0, second.stderr[-3000:]
    assert {item["url"] for item in _jsonl(tmp_path / "one.jsonl")} == URLS
    assert _jsonl(tmp_path / "two.jsonl") == []

    runs = [
        kaznews(tmp_path, "crawl", "inform_ru", "--base-url", base, *flag)
        for flag in ([], [], ["--no-state"], ["--state", "other.sqlite"])
    ]
    assert [r.returncode for r in runs] == [0, 0, 0, 0], runs[0].stderr[-3000:]
    assert [r.stdout.splitlines()[-1] for r in runs] == [
        "2 articles appended to out/articles.jsonl",
        "nothing new: out/articles.jsonl unchanged",
        "2 articles appended to out/articles.jsonl",
        "2 articles appended to out/articles.jsonl",
    ]
    assert (tmp_path / ".kaznews" / "state.sqlite").is_file() and (tmp_path / "other.sqlite").is_file()
    assert len(_jsonl(tmp_path / "out" / "articles.jsonl")) == 6


def test_scrapy_parse_an_article_without_meta(tmp_path: Path, mirror: MirrorServer) -> None:
    url = next(iter(sorted(URLS)))
    served = mirror.base_url("inform_ru") + url.split("inform.kz", 1)[1]
    run = scrapy(
        tmp_path,
        "parse",
        "--spider",
        "inform_ru",
        "-c",
        "parse_article",
        "--pipelines",
        "-a",
        f"base_url={mirror.base_url('inform_ru')}",
        "-s",
        "KAZNEWS_OUTPUT=one.jsonl",
        served,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert f"'url': '{url}'" in run.stdout  # the Page item, under the outlet's URL
    [article] = _jsonl(tmp_path / "one.jsonl")  # cleaned and validated by the pipelines
    assert article["url"] == url and article["body"] and article["layout"].startswith("inform.kz@")


def test_scrapy_shell_and_check(tmp_path: Path, mirror: MirrorServer) -> None:
    page = mirror.base_url("inform_ru") + "/lenta/"
    shell = scrapy(tmp_path, "shell", page, "-c", "(response.status, len(response.css('a')) > 0)")
    assert shell.returncode == 0 and shell.stdout.strip() == "(200, True)", shell.stderr[-3000:]
    listed = scrapy(tmp_path, "check", "-l", fast=False)
    checked = scrapy(tmp_path, "check", "inform_ru", fast=False)
    assert listed.returncode == checked.returncode == 0, checked.stderr[-3000:]
    assert "Ran 0 contracts" in checked.stderr


def test_httpcache_replays_a_crawl_offline_and_autothrottle_runs(tmp_path: Path) -> None:
    with MirrorServer(FIXTURES, [INFORM_RU]) as server:
        base = server.base_url("inform_ru")
        online = scrapy(
            tmp_path,
            "crawl",
            "inform_ru",
            "-a",
            f"base_url={base}",
            "-O",
            "online.jsonl",
            "-s",
            "HTTPCACHE_ENABLED=1",
            "-s",
            f"HTTPCACHE_DIR={tmp_path / 'cache'}",
            "-s",
            "AUTOTHROTTLE_ENABLED=1",
            "-s",
            "AUTOTHROTTLE_START_DELAY=0.05",
            "-s",
            "AUTOTHROTTLE_DEBUG=1",
        )
    assert online.returncode == 0, online.stderr[-3000:]
    assert "[scrapy.extensions.throttle] INFO: slot:" in online.stderr  # AutoThrottle adjusted the delay
    offline = scrapy(
        tmp_path,
        "crawl",
        "inform_ru",
        "-a",
        f"base_url={base}",
        "-O",
        "offline.jsonl",
        "-s",
        "HTTPCACHE_ENABLED=1",
        "-s",
        f"HTTPCACHE_DIR={tmp_path / 'cache'}",
    )  # the mirror is gone
    assert offline.returncode == 0, offline.stderr[-3000:]
    assert _by_url(tmp_path / "offline.jsonl") == _by_url(tmp_path / "online.jsonl")
    assert {item["url"] for item in _jsonl(tmp_path / "offline.jsonl")} == URLS


def test_failed_crawls_and_bad_arguments_exit_non_zero(tmp_path: Path) -> None:
    dead = f"http://127.0.0.1:{_free_port()}/inform_ru"  # nothing listens: every fetch is refused
    run = scrapy(tmp_path, "crawl", "inform_ru", "-a", f"base_url={dead}", "-O", "none.jsonl")
    assert run.returncode == 1
    assert "'finish_reason': 'fetch_failed'" in run.stderr and "every fetch failed" in run.stderr
    crawl = kaznews(tmp_path, "crawl", "inform_ru", "--base-url", dead, "--set", "KAZNEWS_RETRY_BACKOFF_BASE=0.01")
    assert crawl.returncode == 1 and "(fetch_failed)" in crawl.stderr
    for args, message in (
        (["nosuch"], "kaznews crawl: unknown outlet or spider 'nosuch' (see `kaznews sites`)"),
        (["inform_ru", "--since", "yesterday"], "kaznews crawl: --since is not an ISO 8601 date: 'yesterday'"),
    ):
        (tmp_path / "bad").mkdir(exist_ok=True)
        bad = kaznews(tmp_path / "bad", "crawl", *args)
        assert (bad.returncode, bad.stderr.strip()) == (1, message)
    assert list((tmp_path / "bad").iterdir()) == []  # refused before any crawl started


def test_user_agent_warning_once_per_process(tmp_path: Path) -> None:
    run = kaznews(tmp_path, "crawl", "inform.kz", "--mirror", "--no-state", "-o", "out.jsonl")
    assert run.returncode == 0, run.stderr[-3000:]
    assert "kaznews: inform_kk:" in run.stderr and "kaznews: inform_ru:" in run.stderr
    assert run.stderr.count(WARNING) == 1
    quiet = kaznews(
        tmp_path,
        "crawl",
        "inform.kz",
        "--mirror",
        "--no-state",
        "-o",
        "out.jsonl",
        "--set",
        "USER_AGENT=kaznews/0.1 (contact: news-team@example.kz)",
    )
    assert quiet.returncode == 0 and WARNING not in quiet.stderr


def test_mirror_serve_on_a_given_port() -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "scrapers.mirror", "serve", "--port", str(port)],
        cwd="/",
        env=_env(),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        printed = ""
        while not printed.endswith("}\n"):
            line = proc.stdout.readline()  # type: ignore[union-attr]
            assert line, "the mirror exited"
            printed += line
        urls = json.loads(printed)
        assert urls["inform_ru"] == f"http://127.0.0.1:{port}/inform_ru"
        with urllib.request.urlopen(urls["inform_ru"] + "/lenta/", timeout=10) as response:
            assert response.status == 200 and f"127.0.0.1:{port}/inform_ru/ru/".encode() in response.read()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
