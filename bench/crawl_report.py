"""The crawl benchmark's tables and their docs blocks (`bench:crawl`, `bench:workers`)."""

from __future__ import annotations

import argparse
from typing import Any

from .crawl_run import LOOPBACK, Run
from .machine import machine_line, packages_line

RATE_TARGET, RSS_TARGET = 200, 300  # articles/s end to end, peak RSS MB (issue 5)


def table(runs: list[Run]) -> str:
    lines = [
        (
            "| run | emitted once | wall s | articles/s | steady articles/s | start-up s | crawler CPU s "
            "| CPU ms/article | peak RSS MB | RSS MB at 50% → 90% | mirror (+ redis) CPU s | articles/s of each run |"
        ),
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in runs:
        once = "yes" if r.ok else f"**NO** ({r.emitted} lines, {r.unique_urls} unique, {r.missing} missing)"
        cpu = sum(r.crawler_cpu_s)
        lines.append(
            f"| {r.label} | {once} | {r.wall_s:.1f} | {r.rate:.0f} | {r.steady_rate:.0f} | {r.first_line_s:.1f} "
            f"| {cpu:.1f} | {1000 * cpu / max(1, r.emitted):.2f} | {' / '.join(f'{m:.0f}' for m in r.peak_rss_mb)} "
            f"| {r.rss_mid_mb:.0f} → {r.rss_late_mb:.0f} | {r.server_cpu_s:.1f}"
            + (f" + {r.redis_cpu_s:.1f}" if r.backend == "redis" else "")
            + f" | {', '.join(f'{x:.0f}' for x in r.rates or [r.rate])} |"
        )
    return "\n".join(lines)


def verdicts(runs: list[Run]) -> str:
    """The crawl targets of issue 5, judged on the empty-state run and the pre-filled one."""
    base = next((r for r in runs if r.backend == "sqlite" and not r.prefill and r.label == "empty state"), None)
    if base is None:
        return ""
    big = next((r for r in runs if r.prefill), None)
    peak = max(base.peak_rss_mb or [0.0])

    def met(ok: bool) -> str:
        return "met" if ok else "**missed**"

    out = [
        (
            f"* >= {RATE_TARGET} articles/s end to end: {met(base.rate >= RATE_TARGET)} ({base.rate:.0f} articles/s; "
            f"{base.steady_rate:.0f} in the steady state)."
        ),
        f"* peak RSS < {RSS_TARGET} MB at {base.articles:,} articles: {met(peak < RSS_TARGET)} ({peak:.0f} MB).",
    ]
    if big is not None:
        big_peak = max(big.peak_rss_mb or [0.0])
        flat = big_peak <= peak * 1.1 + 5
        out.append(
            f"* RSS not growing with the state size: {met(flat)} ({peak:.0f} MB on an empty state, "
            f"{big_peak:.0f} MB on a state of {big.prefill:,} articles)."
        )
    return "Targets (issue 5), from this run:\n\n" + "\n".join(out)


def describe(args: argparse.Namespace, info: dict[str, Any], templates: list[str], sitemaps: int, command: str) -> str:
    settings = " ".join(f"-s {k}={v}" for k, v in {**LOOPBACK, **dict(args.set)}.items())
    return (
        f"Command: `{command}`. Mirror: spider `{args.spider}`, {args.articles:,} copies of {len(templates)} "
        f"fixture pages ({', '.join(templates)}) listed in {sitemaps} child sitemaps of {args.chunk}, served "
        f"by the {args.server} server in its own process. Crawler settings overridden: `{settings}` (plus "
        f"the state, output and stats paths).\n\nMachine: {machine_line(info)}; "
        f"{packages_line(info.get('packages', {}))}."
    )


def block(
    runs: list[Run], args: argparse.Namespace, info: dict[str, Any], templates: list[str], sitemaps: int, command: str
) -> str:
    parts = [table(runs), describe(args, info, templates, sitemaps, command)]
    if args.backend == "sqlite":
        parts.append(verdicts(runs))
    return "\n\n".join(p for p in parts if p)
