"""The crawl benchmark with the Redis backend: N `scrapy crawl` workers share one frontier and state.

Each worker count runs against a fresh `redis-server` (`scrapers.localredis.local_redis`, 127.0.0.1,
ephemeral port) and a fresh mirror server; each worker writes its own JSONL output and stats, and
the union of the outputs must hold every article exactly once.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from redis import Redis

from .crawl_run import Run, Server, crawl_command, measure, profiled


def bench_workers(args: argparse.Namespace, urls: list[str]) -> list[Run]:
    from scrapers.localredis import local_redis, unavailable

    reason = unavailable()
    if reason:
        raise SystemExit(f"--backend redis: {reason}")
    runs = []
    for n in args.worker_counts:
        run = Run(f"redis, {n} worker{'s' if n > 1 else ''}", args.articles, n, "redis", 0)
        with tempfile.TemporaryDirectory(prefix="kaznews-bench-", dir=args.tmp) as tmp, local_redis() as redis_url:
            work = Path(tmp)
            with Server(args.spider, args.articles, args.chunk, args.server) as server:
                cmds, outputs, stats, logs = [], [], [], []
                for i in range(n):
                    folder = work / f"w{i}"
                    folder.mkdir()
                    extra = {
                        "KAZNEWS_BACKEND": "redis",
                        "REDIS_URL": redis_url,
                        "KAZNEWS_WORKER_ID": f"bench-w{i}",
                        **dict(args.set),
                    }
                    cmd = crawl_command(args.spider, server.base_url, folder, extra)
                    if args.profile and i == 0:
                        cmd = profiled(cmd, args.results / f"crawl-profile-redis-{n}.txt")
                    cmds.append(cmd)
                    outputs.append(folder / "articles.jsonl")
                    stats.append(folder / "stats.jsonl")
                    logs.append(folder / "crawl.log")
                measure(run, cmds, outputs, stats, urls, logs, args.timeout)
                cpu = Redis.from_url(redis_url).info("cpu")
                run.redis_cpu_s = round(float(cpu["used_cpu_user"]) + float(cpu["used_cpu_sys"]), 1)
            run.server_cpu_s, run.server_requests = server.report.get("cpu_s", 0.0), server.report.get("requests", 0)
            if not run.ok and args.keep_failed:
                shutil.copytree(work, args.results / f"crawl-failed-redis-{n}", dirs_exist_ok=True)
        runs.append(run)
    return runs
