"""The cron line of docs/scheduling.md, run verbatim in a fresh clone (no logs/ nor .kaznews/ yet).

The clone's `.venv/bin/kaznews` (what `make install` creates) is a stand-in that runs the clone's
own `kaznews` with `--mirror` added, so the crawl reads the bundled mirrors on 127.0.0.1 instead
of the live sites; the rest of the line (cd, the lock, the log) is exactly as documented.
"""

from __future__ import annotations

import fcntl
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

from tests.spider_server import ROOT, fresh_clone

DOCS = ROOT / "docs" / "scheduling.md"
DOCUMENTED_HOME = "/srv/kaznews"
CRAWL_TIMEOUT = 300


def documented_cron_line() -> str:
    """The command of the first ```cron block (the 5 schedule fields removed)."""
    block = re.search(r"```cron\n(.+?)\n```", DOCS.read_text(encoding="utf-8"), re.DOTALL)
    assert block, "docs/scheduling.md has no cron block"
    return block.group(1).splitlines()[0].split(maxsplit=5)[5]


def _clone_with_venv(dest: Path) -> Path:
    clone = fresh_clone(dest)
    assert not (clone / "logs").exists() and not (clone / ".kaznews").exists()
    stand_in = clone / ".venv" / "bin" / "kaznews"
    stand_in.parent.mkdir(parents=True)
    stand_in.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m scrapers.cli "$@" --mirror\n')
    stand_in.chmod(0o755)
    return clone


def test_documented_cron_line_runs_verbatim_in_a_fresh_clone(tmp_path: Path) -> None:
    clone = _clone_with_venv(tmp_path / "kaznews")
    line = documented_cron_line()
    assert line.startswith(f"cd {DOCUMENTED_HOME} && ")
    line = line.replace(DOCUMENTED_HOME, shlex.quote(str(clone)))
    run = subprocess.run(["/bin/sh", "-c", line], capture_output=True, text=True, timeout=CRAWL_TIMEOUT, check=False)
    log = (clone / "logs" / "kaznews.log").read_text(encoding="utf-8")
    assert run.returncode == 0, run.stderr + log[-3000:]
    articles = [json.loads(x) for x in (clone / "out" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert articles and f"{len(articles)} articles appended to out/articles.jsonl" in log
    assert (clone / ".kaznews" / "state.sqlite").is_file()

    with (clone / ".kaznews" / "cron.lock").open("a") as lock:  # a previous run still going
        fcntl.flock(lock, fcntl.LOCK_EX)
        skipped = subprocess.run(
            ["/bin/sh", "-c", line], capture_output=True, text=True, timeout=CRAWL_TIMEOUT, check=False
        )
    assert skipped.returncode != 0  # flock -n: this run is skipped, the log and the output untouched
    assert (clone / "logs" / "kaznews.log").read_text(encoding="utf-8") == log
    assert len((clone / "out" / "articles.jsonl").read_text(encoding="utf-8").splitlines()) == len(articles)
