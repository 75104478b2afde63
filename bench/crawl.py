"""Crawl-pipeline benchmark: `python -m bench.crawl [--articles 10000] [--workers 1] [--backend sqlite|redis]`.

A mirror of N distinct article pages (`bench.crawl_mirror`: one edition's fixtures replicated
under distinct URLs, found through a sitemap index) is served on 127.0.0.1 by its own process
(`bench.crawl_server`); the real spider runs as `scrapy crawl <spider> -a base_url=...`
subprocess(es) with the loopback settings of `bench.crawl_run.LOOPBACK` (no politeness delays).
Measured (`bench.crawl_run`): articles/s end to end (emitted JSONL lines / wall time from process
start to exit), the steady-state rate (between the 10th and 90th percentile lines), the crawlers'
CPU time, peak RSS (`kaznews/peak_rss_mb`, VmHWM) and RSS over the run. Every run checks that
each article was emitted exactly once. With the SQLite backend the run is repeated on a state
pre-filled with `--prefill` synthetic articles and, with `--compare`, with the settings of
`COMPARE`; `--backend redis --workers 1,2,4` runs 1, 2 and 4 workers sharing one Redis.
`--write-docs` replaces the bench:crawl (bench:workers) block of docs/benchmarks.md; JSON goes
to bench/results/crawl.json (crawl-workers.json).
"""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

from .crawl_mirror import build_mirror, check_mirror
from .crawl_report import block
from .crawl_run import LOOPBACK, Run, Server, crawl_command, measure, profiled, worker_counts
from .machine import machine, versions

RESULTS = Path(__file__).resolve().parent / "results"
PACKAGES = ("scrapy", "twisted", "lxml", "selectolax", "trafilatura", "redis", "scrapy-redis")
COMPARE = (  # --compare: what the fixes of docs/benchmarks.md bought, each on an empty state
    ("KAZNEWS_FSYNC=line (fsync per line, the old default)", {"KAZNEWS_FSYNC": "line"}),
    ("KAZNEWS_FSYNC=off", {"KAZNEWS_FSYNC": "off"}),
    ("CONCURRENT_ITEMS=100 (Scrapy's default)", {"CONCURRENT_ITEMS": "100"}),
)


def bench_sqlite(
    args: argparse.Namespace, urls: list[str], prefill: int, label: str, extra: dict[str, str] | None = None
) -> Run:
    from .crawl_state import prefilled_state

    run = Run(label, args.articles, 1, "sqlite", prefill)
    with tempfile.TemporaryDirectory(prefix="kaznews-bench-", dir=args.tmp) as tmp:
        work = Path(tmp)
        if prefill:
            prefilled_state(work / "state.sqlite", prefill, args.results)
        with Server(args.spider, args.articles, args.chunk, args.server) as server:
            cmd = crawl_command(args.spider, server.base_url, work, {**dict(args.set), **(extra or {})})
            if args.profile:
                cmd = profiled(cmd, args.results / f"crawl-profile-{label.split()[0]}.txt")
            measure(
                run, [cmd], [work / "articles.jsonl"], [work / "stats.jsonl"], urls, [work / "crawl.log"], args.timeout
            )
        run.server_cpu_s, run.server_requests = server.report.get("cpu_s", 0.0), server.report.get("requests", 0)
        if not run.ok and args.keep_failed:
            shutil.copytree(work, args.results / "crawl-failed", dirs_exist_ok=True)
    return run


def median_run(runs: list[Run]) -> Run:
    """The run with the median articles/s (the lower one of an even count), with every rate kept;
    any failed repetition fails the result."""
    ranked = sorted(runs, key=lambda r: r.rate)
    best = ranked[(len(ranked) - 1) // 2]
    best.rates = [r.rate for r in runs]
    if not all(r.ok for r in runs):
        best.returncodes = best.returncodes + [rc or 1 for r in runs if not r.ok for rc in r.returncodes[:1]]
    return best


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bench.crawl", description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument(
        "--workers",
        type=worker_counts,
        default=[1],
        dest="worker_counts",
        metavar="N[,N...]",
        help="crawler processes sharing one Redis, e.g. 1,2,4 (more than 1 needs --backend redis)",
    )
    ap.add_argument("--backend", choices=("sqlite", "redis"), default="sqlite")
    ap.add_argument("--spider", default="tengrinews_ru", help="the spider whose edition fixtures are replicated")
    ap.add_argument("--chunk", type=int, default=1000, help="URLs per child sitemap (at most 50000)")
    ap.add_argument("--server", choices=("asyncio", "threading"), default="asyncio")
    ap.add_argument(
        "--prefill",
        type=int,
        default=1_000_000,
        metavar="ROWS",
        help="also run on a state pre-filled with this many articles (0: not); built once, cached",
    )
    ap.add_argument(
        "--set",
        type=lambda s: tuple(s.split("=", 1)),
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="another Scrapy setting for the crawler (repeatable)",
    )
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds before a crawler is killed")
    ap.add_argument("--tmp", default=None, help="where the per-run work directories go (default: the system's)")
    ap.add_argument("--keep-failed", action="store_true", help="copy a failed run's files next to the results")
    ap.add_argument(
        "--compare",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also run the settings of COMPARE: fsync modes, CONCURRENT_ITEMS (default: yes)",
    )
    ap.add_argument("--repeat", type=int, default=1, help="runs of each configuration (interleaved); median shown")
    ap.add_argument("--profile", action="store_true", help="sample the crawler with py-spy (times are then off)")
    ap.add_argument("--write-docs", action="store_true", help="replace the bench:crawl/bench:workers blocks")
    ap.add_argument(
        "--output",
        type=Path,
        default=None,
        help="results JSON (default bench/results/crawl.json, crawl-workers.json with redis)",
    )
    args = ap.parse_args(argv)
    args.results = args.output.parent if args.output else RESULTS  # caches, profiles, failed runs
    if not 1 <= args.chunk <= 50000:
        ap.error("--chunk must be 1..50000")
    if args.worker_counts != [1] and args.backend != "redis":
        ap.error("more than one worker needs --backend redis (the SQLite state is one process's)")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    command = "python -m bench.crawl " + shlex.join(sys.argv[1:] if argv is None else argv)
    mirror = build_mirror(args.spider, args.articles, args.chunk)
    problems = check_mirror(mirror)
    if problems:
        print("the mirror's copies do not clean like their fixtures:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 2
    info = {**machine(), "packages": versions(PACKAGES)}
    templates = [t.name for t in mirror.templates]
    print(
        f"mirror: {len(templates)} templates ({', '.join(templates)}), {args.articles} articles, "
        f"{mirror.sitemaps()} child sitemaps",
        file=sys.stderr,
    )
    rounds: list[list[Run]] = []
    for _ in range(args.repeat):  # interleaved, so that a noisy minute hits every configuration alike
        if args.backend == "redis":
            from .crawl_workers import bench_workers

            rounds.append(bench_workers(args, mirror.urls))
            continue
        done = [bench_sqlite(args, mirror.urls, 0, "empty state")]
        if args.prefill:
            done.append(bench_sqlite(args, mirror.urls, args.prefill, f"state of {args.prefill:,} articles"))
        for label, extra in COMPARE if args.compare else ():
            done.append(bench_sqlite(args, mirror.urls, 0, label, extra))
        rounds.append(done)
    runs = [median_run(list(same)) for same in zip(*rounds)]
    text = block(runs, args, info, templates, mirror.sitemaps(), command)
    print(text)
    output = args.output or RESULTS / ("crawl-workers.json" if args.backend == "redis" else "crawl.json")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(
        json.dumps(
            {
                "machine": info,
                "command": command,
                "templates": templates,
                "settings": {**LOOPBACK, **dict(args.set)},
                "runs": [asdict(r) for r in runs],
            },
            indent=1,
            default=str,
        ),
        encoding="utf-8",
    )
    if args.write_docs:
        from .docs import replace_block

        name = "workers" if args.backend == "redis" else "crawl"
        if not replace_block(name, text):
            print(f"docs/benchmarks.md has no bench:{name} block", file=sys.stderr)
    return 0 if all(r.ok for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
