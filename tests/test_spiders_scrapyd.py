"""Scrapyd end to end, as docs/scheduling.md says: a real `scrapyd` on 127.0.0.1, a fresh copy of
the checkout deployed with `scrapyd-deploy default -p kaznews`, a crawl of a mirror scheduled
through schedule.json and its items read back, and a job whose every fetch fails visibly failed."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from scrapers.mirror import MirrorServer, edition_fixtures, spider_classes
from tests.spider_server import FIXTURES, ROOT, fresh_clone

pytest.importorskip("scrapyd")
DEPLOY = Path(sys.executable).with_name("scrapyd-deploy")
DOCS = ROOT / "docs" / "scheduling.md"
START_TIMEOUT = 30.0
JOB_TIMEOUT = 90.0
POLL = 0.3
FAST = [
    ("setting", "AUTOTHROTTLE_ENABLED=0"),
    ("setting", "DOWNLOAD_DELAY=0"),
    ("setting", "KAZNEWS_RETRY_BACKOFF_BASE=0.01"),
]


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _api(url: str, data: list[tuple[str, str]] | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(url, body, timeout=10) as response:
        return json.loads(response.read())


@dataclass
class Scrapyd:
    url: str
    home: Path

    def log(self) -> str:
        return (self.home / "scrapyd.log").read_text(errors="replace")

    def schedule(self, spider: str, fields: list[tuple[str, str]]) -> str:
        return _api(f"{self.url}/schedule.json", [("project", "kaznews"), ("spider", spider), *fields])["jobid"]

    def wait(self, job: str) -> dict:
        deadline = time.monotonic() + JOB_TIMEOUT
        while True:
            finished = [j for j in _api(f"{self.url}/listjobs.json?project=kaznews")["finished"] if j["id"] == job]
            if finished:
                return finished[0]
            assert time.monotonic() < deadline, f"the Scrapyd job did not finish\n{self.log()[-3000:]}"
            time.sleep(POLL)

    def job_log(self, spider: str, job: str) -> str:
        return (self.home / "logs" / "kaznews" / spider / f"{job}.log").read_text(errors="replace")


@pytest.fixture
def scrapyd(tmp_path: Path) -> Iterator[Scrapyd]:
    port = _free_port()
    home = tmp_path / "scrapyd"
    home.mkdir()
    (home / "scrapyd.conf").write_text(  # as the docs say: 127.0.0.1 only, items_dir = items
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\npoll_interval = 0.2\n"
        "eggs_dir = eggs\nlogs_dir = logs\nitems_dir = items\ndbs_dir = dbs\n"
    )
    with (home / "scrapyd.log").open("wb") as log:
        daemon = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=home, stdout=log, stderr=subprocess.STDOUT)
    server = Scrapyd(f"http://127.0.0.1:{port}", home)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                assert _api(f"{server.url}/daemonstatus.json")["status"] == "ok"
                break
            except OSError:
                assert time.monotonic() < deadline, server.log()
                time.sleep(0.2)
        yield server
    finally:
        daemon.terminate()
        daemon.wait(timeout=30)


def documented_deploy() -> list[str]:
    """The deploy command of docs/scheduling.md, as a command line."""
    found = re.search(r"^\s*(scrapyd-deploy [^\n`]+)$", DOCS.read_text(encoding="utf-8"), re.MULTILINE)
    assert found, "docs/scheduling.md has no scrapyd-deploy line"
    return found.group(1).split()


@pytest.mark.skipif(not DEPLOY.exists(), reason="scrapyd-client is not installed")
def test_scrapyd_deploy_schedule_read_items_and_a_failed_job(tmp_path: Path, scrapyd: Scrapyd) -> None:
    project = fresh_clone(tmp_path / "checkout")
    cfg = project / "scrapy.cfg"  # the one change: the deploy target on this test's port
    cfg.write_text(cfg.read_text().replace("http://localhost:6800/", f"{scrapyd.url}/"))
    command = documented_deploy()
    assert command == ["scrapyd-deploy", "default", "-p", "kaznews"]
    deployed = subprocess.run(
        [str(DEPLOY), *command[1:]], cwd=project, capture_output=True, text=True, timeout=120, check=False
    )
    assert deployed.returncode == 0, deployed.stdout + deployed.stderr
    assert "inform_ru" in _api(f"{scrapyd.url}/listspiders.json?project=kaznews")["spiders"]

    spider = next(cls for cls in spider_classes() if cls.name == "inform_ru")
    output, state = tmp_path / "out" / "articles.jsonl", tmp_path / "state.sqlite"
    paths = [("setting", f"KAZNEWS_OUTPUT={output}"), ("setting", f"KAZNEWS_STATE={state}")]
    with MirrorServer(FIXTURES, [spider]) as mirror:
        job = scrapyd.schedule("inform_ru", [("base_url", mirror.base_url("inform_ru")), *paths, *FAST])
        scrapyd.wait(job)
    items_file = scrapyd.home / "items" / "kaznews" / "inform_ru" / f"{job}.jl"
    items = [json.loads(line) for line in items_file.read_text(encoding="utf-8").splitlines()]
    assert {item["url"] for item in items} == {fx.url for fx in edition_fixtures(spider, FIXTURES)}
    assert [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()] == items
    assert "'finish_reason': 'finished'" in scrapyd.job_log("inform_ru", job)

    dead = f"http://127.0.0.1:{_free_port()}/inform_ru"  # nothing listens: every fetch is refused
    failed = scrapyd.schedule("inform_ru", [("base_url", dead), *paths, *FAST])
    scrapyd.wait(failed)
    log = scrapyd.job_log("inform_ru", failed)
    assert "'finish_reason': 'fetch_failed'" in log
    assert "every fetch failed" in log
    assert re.search(rf"Process died: exitstatus=1 .*job='{failed}'", scrapyd.log())
    assert not re.search(rf"Process died: .*job='{job}'", scrapyd.log())
