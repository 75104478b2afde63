"""The crawl benchmark's measurement: start crawler processes, sample their output and memory, check.

`measure` starts the `scrapy crawl` commands, waits for them (their CPU time from wait4), samples
the output line count and the crawlers' RSS every 0.1 s, then checks that every mirror URL was
emitted exactly once and reads each crawler's stats line (`kaznews/peak_rss_mb`, drops).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = {  # every setting the bench overrides, besides the state/output/stats file paths
    "DOWNLOAD_DELAY": "0",  # the mirror is local: no politeness delay ...
    "AUTOTHROTTLE_ENABLED": "False",  # ... and no latency-driven throttling
    "CONCURRENT_REQUESTS": "32",  # default 16
    "CONCURRENT_REQUESTS_PER_DOMAIN": "32",  # default 2 (all requests go to one host)
}


@dataclass
class Run:
    """One measured crawl (one or more worker processes)."""

    label: str
    articles: int
    workers: int
    backend: str
    prefill: int
    emitted: int = 0
    unique_urls: int = 0
    missing: int = 0
    wall_s: float = 0.0
    rate: float = 0.0  # emitted / wall_s
    rates: list[float] = field(default_factory=list)  # of every repetition (--repeat), this one the median
    steady_rate: float = 0.0  # between the 10th and 90th percentile lines
    first_line_s: float = 0.0  # start-up: process start to the first emitted line
    crawler_cpu_s: list[float] = field(default_factory=list)
    peak_rss_mb: list[float] = field(default_factory=list)
    rss_mid_mb: float = 0.0  # RSS (summed over workers) when half the articles were out ...
    rss_late_mb: float = 0.0  # ... and when 90% were: flat when nothing grows with the crawl
    server_cpu_s: float = 0.0
    redis_cpu_s: float = 0.0  # redis-server's (INFO cpu), with --backend redis
    server_requests: int = 0
    returncodes: list[int] = field(default_factory=list)
    dropped: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return (
            self.emitted == self.unique_urls == self.articles
            and not self.missing
            and all(rc == 0 for rc in self.returncodes)
        )


class Server:
    """`bench.crawl_server` in a subprocess; `with` starts it and stops it (SIGTERM)."""

    def __init__(self, spider: str, articles: int, chunk: int, kind: str) -> None:
        self.cmd = [
            sys.executable,
            "-m",
            "bench.crawl_server",
            "--spider",
            spider,
            "--articles",
            str(articles),
            "--chunk",
            str(chunk),
            "--kind",
            kind,
        ]
        self.report: dict[str, Any] = {}

    def __enter__(self) -> Self:
        self.proc = subprocess.Popen(self.cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        self.port = json.loads(self.proc.stdout.readline())["port"]
        return self

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        out, _ = self.proc.communicate(timeout=30)
        lines = [ln for ln in out.splitlines() if ln.startswith("{")]
        self.report = json.loads(lines[-1]) if lines else {}


def crawl_command(spider: str, base_url: str, work: Path, extra: dict[str, str]) -> list[str]:
    settings = {
        **LOOPBACK,
        "KAZNEWS_STATE": str(work / "state.sqlite"),
        "KAZNEWS_OUTPUT": str(work / "articles.jsonl"),
        "KAZNEWS_STATS_FILE": str(work / "stats.jsonl"),
        **extra,
    }
    cmd = [sys.executable, "-m", "scrapy", "crawl", spider, "-a", f"base_url={base_url}"]
    for key, value in settings.items():
        cmd += ["-s", f"{key}={value}"]
    return cmd


class LineCounter(threading.Thread):
    """Samples (seconds since start, lines) of the output files every `every` seconds."""

    def __init__(self, paths: list[Path], start: float, every: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.paths, self.start_time, self.every = paths, start, every
        self.samples: list[tuple[float, int]] = []
        self.pids: list[int] = []
        self.rss: list[tuple[int, float]] = []  # (lines, summed RSS MB of the crawlers)
        self.offsets = dict.fromkeys(paths, 0)
        self.counts = dict.fromkeys(paths, 0)
        self.done = threading.Event()

    def count(self) -> int:
        for path in self.paths:
            if path.exists():
                with path.open("rb") as fh:
                    fh.seek(self.offsets[path])
                    data = fh.read()
                self.offsets[path] += len(data)
                self.counts[path] += data.count(b"\n")
        return sum(self.counts.values())

    def run(self) -> None:
        while not self.done.wait(self.every):
            lines = self.count()
            self.samples.append((time.perf_counter() - self.start_time, lines))
            if self.pids:
                self.rss.append((lines, sum(rss_mb(pid) for pid in self.pids)))

    def rss_at(self, lines: int) -> float:
        """The crawlers' summed RSS when the output first reached `lines` lines."""
        return round(next((mb for n, mb in self.rss if n >= lines and mb), 0.0), 1)

    def steady(self, total: int) -> tuple[float, float]:
        """(seconds to the first line, lines/s between the 10th and 90th percentile lines)."""

        def at(k: int) -> float:
            return next((t for t, n in self.samples if n >= k), 0.0)

        lo, hi = max(1, total // 10), max(1, total * 9 // 10)
        t_lo, t_hi = at(lo), at(hi)
        return at(1), (hi - lo) / (t_hi - t_lo) if t_hi > t_lo else 0.0


def profiled(cmd: list[str], out: Path) -> list[str]:
    """`cmd` sampled by py-spy (`pip install py-spy`), idle time included: collapsed stacks to `out`."""
    return [
        str(Path(sys.executable).parent / "py-spy"),
        "record",
        "--idle",
        "--format",
        "raw",
        "-o",
        str(out),
        "--",
        *cmd,
    ]


def worker_counts(value: str) -> list[int]:
    """`--workers 4` or `--workers 1,2,4`."""
    try:
        counts = [int(v) for v in value.split(",") if v.strip()]
    except ValueError:
        counts = []
    if not counts or any(n < 1 for n in counts):
        raise argparse.ArgumentTypeError(f"worker counts must be positive integers: {value!r}")
    return counts


def rss_mb(pid: int) -> float:
    """A process's resident memory now (VmRSS), 0 when it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    line = next((ln for ln in status.splitlines() if ln.startswith("VmRSS:")), "VmRSS: 0 kB")
    return int(line.split()[1]) / 1024


def wait_rusage(proc: subprocess.Popen[bytes], timeout: float) -> float:
    """Wait for the process (SIGKILL after `timeout` seconds); its CPU seconds (user + system)."""
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return round(usage.ru_utime + usage.ru_stime, 2)


def measure(
    run: Run,
    cmds: list[list[str]],
    outputs: list[Path],
    stats: list[Path],
    urls: list[str],
    logs: list[Path],
    timeout: float,
) -> Run:
    """Start the crawler processes, wait for all, then count, check and collect their stats."""
    start = time.perf_counter()
    counter = LineCounter(outputs, start)
    counter.start()
    procs = []
    for cmd, log in zip(cmds, logs):
        with log.open("ab") as fh:  # the child keeps its own copy of the descriptor
            procs.append(subprocess.Popen(cmd, cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT))
    counter.pids = [p.pid for p in procs]
    run.crawler_cpu_s = [wait_rusage(p, timeout) for p in procs]
    run.wall_s = round(time.perf_counter() - start, 2)
    counter.done.set()
    counter.join()
    run.returncodes = [p.returncode for p in procs]
    emitted = [
        json.loads(line)["url"]
        for out in outputs
        if out.exists()
        for line in out.read_text(encoding="utf-8").splitlines()
    ]
    counter.samples.append((run.wall_s, len(emitted)))
    run.emitted, run.unique_urls = len(emitted), len(set(emitted))
    run.missing = len(set(urls) - set(emitted))
    run.rate = round(run.emitted / run.wall_s, 1) if run.wall_s else 0.0
    first, steady = counter.steady(run.emitted)
    run.first_line_s, run.steady_rate = round(first, 2), round(steady, 1)
    run.rss_mid_mb, run.rss_late_mb = counter.rss_at(run.emitted // 2), counter.rss_at(run.emitted * 9 // 10)
    for path in stats:
        record = json.loads(path.read_text(encoding="utf-8").splitlines()[-1]) if path.exists() else {}
        run.peak_rss_mb.append(record.get("kaznews/peak_rss_mb", 0.0))
        for key, value in record.items():
            if key.startswith(("kaznews/dropped/", "kaznews/fetch_failed/")):
                run.dropped[key.removeprefix("kaznews/")] = run.dropped.get(key.removeprefix("kaznews/"), 0) + value
    return run
