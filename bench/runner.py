"""Timing protocol shared by the benchmarks: one subprocess per extractor, warm-up, timed passes, median."""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def pin_to_one_cpu(cpu: int | None = None) -> int | None:
    """Pin this process to one CPU (`cpu`, else the last usable one); None where affinity is unsupported."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    allowed = sorted(os.sched_getaffinity(0))
    target = cpu if cpu in allowed else allowed[-1]
    os.sched_setaffinity(0, {target})
    return target


def timed_passes(
    run_once: Callable[[], None], passes: int, min_seconds: float, warm_up: Callable[[], None] | None = None
) -> tuple[list[float], int]:
    """One untimed warm-up call, then `passes` timed passes; returns seconds per call and repeats per pass.

    A pass repeats `run_once` enough times to last about `min_seconds` (estimated from the warm-up), so
    short page sets are timed over more than a few milliseconds; each figure is the pass time / repeats.
    With `warm_up` (e.g. a few pages of a big set) that is the untimed call and every pass runs once.
    """
    start = time.perf_counter()
    (warm_up or run_once)()
    warm = time.perf_counter() - start
    repeats = max(1, math.ceil(min_seconds / warm)) if warm > 0 and min_seconds > 0 and not warm_up else 1
    times: list[float] = []
    for _ in range(passes):
        start = time.perf_counter()
        for _ in range(repeats):
            run_once()
        times.append((time.perf_counter() - start) / repeats)
    return times, repeats


def pages_per_s(pages: int, times: list[float]) -> float:
    """Pages over the median pass time."""
    median = statistics.median(times) if times else 0.0
    return pages / median if median else float("inf")


def spawn(module: str, args: list[str], timeout: float) -> dict[str, Any]:
    """Run `python -m module args` in a fresh interpreter; its stdout is one JSON object."""
    cmd = [sys.executable, "-m", module, *args]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    try:
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"failed": [f"timeout after {timeout:.0f} s"]}
    if proc.returncode != 0:
        return {"failed": proc.stderr.strip().splitlines()[-1:] or [f"exit {proc.returncode}"]}
    return json.loads(proc.stdout)


def add_run_arguments(ap: argparse.ArgumentParser, names: list[str], passes: int, results: Path, block: str) -> None:
    """The options every extractor benchmark shares (names, passes, timing, output, docs, worker)."""
    ap.add_argument("names", nargs="*", help=f"extractors (default: all); known: {' '.join(names)}")
    ap.add_argument("--passes", type=int, default=passes, help="timed passes after one warm-up pass")
    ap.add_argument("--min-seconds", type=float, default=1.0, help="repeat the pages until a pass lasts this long")
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds per extractor subprocess")
    ap.add_argument("--output", type=Path, default=results, help="JSON results path")
    ap.add_argument("--write-docs", action="store_true", help=f"rewrite the {block} of docs/benchmarks.md")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
