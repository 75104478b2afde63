"""Scrapyd end to end: a real `scrapyd` on 127.0.0.1, the project deployed with `scrapyd-deploy`,
a crawl of a mirror scheduled through schedule.json, its items read back (docs/scheduling.md)."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from scrapers.mirror import MirrorServer, edition_fixtures, spider_classes
from tests.spider_server import FIXTURES, ROOT

pytest.importorskip("scrapyd")
DEPLOY = Path(sys.executable).with_name("scrapyd-deploy")
SETUP = '''from setuptools import find_packages, setup

setup(name="kaznews", version="1.0", packages=find_packages(include=["scrapers*", "cleaners*"]),
      package_data={"scrapers": ["article.schema.json"]},
      entry_points={"scrapy": ["settings = scrapers.settings"]})
'''


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _api(url: str, data: list[tuple[str, str]] | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(url, body, timeout=10) as response:
        return json.loads(response.read())


def _project(dest: Path, scrapyd_url: str) -> Path:
    """What a deployment checks out: the packages, scrapy.cfg pointing at scrapyd, a setup.py
    that bundles the article schema into the egg."""
    ignore = shutil.ignore_patterns("__pycache__")
    for package in ("scrapers", "cleaners"):
        shutil.copytree(ROOT / package, dest / package, ignore=ignore)
    shutil.copy(ROOT / "docs" / "article.schema.json", dest / "scrapers" / "article.schema.json")
    (dest / "setup.py").write_text(SETUP)
    (dest / "scrapy.cfg").write_text(
        f"[settings]\ndefault = scrapers.settings\n\n[deploy]\nurl = {scrapyd_url}/\nproject = kaznews\n")
    return dest


@pytest.mark.skipif(not DEPLOY.exists(), reason="scrapyd-client is not installed")
def test_scrapyd_deploy_schedule_and_read_items(tmp_path: Path) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    home = tmp_path / "scrapyd"
    home.mkdir()
    (home / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\npoll_interval = 0.2\n"
        "eggs_dir = eggs\nlogs_dir = logs\nitems_dir = items\ndbs_dir = dbs\n")
    daemon = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=home, stdout=subprocess.DEVNULL,
                              stderr=(home / "scrapyd.err").open("wb"))
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                assert _api(f"{url}/daemonstatus.json")["status"] == "ok"
                break
            except OSError:
                assert time.monotonic() < deadline, (home / "scrapyd.err").read_text()
                time.sleep(0.2)
        project = _project(tmp_path / "project", url)
        deployed = subprocess.run([str(DEPLOY), "default", "-p", "kaznews", "--version", "1"], cwd=project,
                                  capture_output=True, text=True, timeout=120)
        assert deployed.returncode == 0, deployed.stdout + deployed.stderr
        assert "inform_ru" in _api(f"{url}/listspiders.json?project=kaznews")["spiders"]

        spider = next(cls for cls in spider_classes() if cls.name == "inform_ru")
        output = tmp_path / "out" / "articles.jsonl"
        with MirrorServer(FIXTURES, [spider]) as mirror:
            job = _api(f"{url}/schedule.json", [
                ("project", "kaznews"), ("spider", "inform_ru"), ("base_url", mirror.base_url("inform_ru")),
                ("setting", f"KAZNEWS_OUTPUT={output}"), ("setting", f"KAZNEWS_STATE={tmp_path / 'state.sqlite'}"),
                ("setting", "AUTOTHROTTLE_ENABLED=0"), ("setting", "DOWNLOAD_DELAY=0")])["jobid"]
            deadline = time.monotonic() + 90
            while not any(j["id"] == job for j in _api(f"{url}/listjobs.json?project=kaznews")["finished"]):
                assert time.monotonic() < deadline, "the Scrapyd job did not finish"
                time.sleep(0.3)
        items_file = home / "items" / "kaznews" / "inform_ru" / f"{job}.jl"
        items = [json.loads(line) for line in items_file.read_text(encoding="utf-8").splitlines()]
        expected = {fx.url for fx in edition_fixtures(spider, FIXTURES)}
        assert {item["url"] for item in items} == expected, (home / "logs").glob("**/*.log")
        assert [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()] == items
    finally:
        daemon.terminate()
        daemon.wait(timeout=30)
