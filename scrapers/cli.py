"""The `kaznews` console script: the cleaner commands plus `kaznews crawl`.

    kaznews crawl OUTLET... [--since ISO] [--until ISO] [--max-articles N] [-o FILE]
                  [--state FILE | --no-state] [--mirror | --base-url URL] [--set NAME=VALUE]... [-v]

OUTLET is an outlet id (tengrinews.kz), a spider name (tengrinews_ru) or `all`. All spiders run
in one process; a line per finished spider and a summary per outlet (new, updated, dropped by
reason) are printed. `--mirror` crawls the bundled fixture mirrors (the demo).

Unlike `scrapy crawl`, it is incremental by default: the state `.kaznews/state.sqlite` remembers
what was emitted, and the articles are appended to `out/articles.jsonl`.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from contextlib import ExitStack
from typing import Any

from cleaners.cli import build_parser, run
from cleaners.cli_fixtures import fixtures_root
from cleaners.outpath import writable_file

from .archive_cli import add_archive_command, extend_fixtures_record
from .checklive import add_check_live_command
from .discovery import parse_utc_date
from .drift.cli import add_profile_command
from .extensions import NORMAL_REASONS, summary
from .fetch import fetch_page
from .merge import add_merge_command
from .process import crawler_process, project_settings, select_spiders

DEFAULT_OUTPUT = "out/articles.jsonl"
DEFAULT_STATE = ".kaznews/state.sqlite"


def add_crawl_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("crawl", help="fetch new articles from the outlets into JSON Lines")
    p.add_argument("outlets", nargs="+", metavar="OUTLET", help="outlet id, spider name, or all")
    p.add_argument("--since", help="skip sitemap/feed entries and articles older than this ISO 8601 date")
    p.add_argument("--until", help="skip entries and articles newer than this ISO 8601 date")
    p.add_argument("--max-articles", type=int, help="stop each spider after N emitted articles")
    p.add_argument(
        "-o",
        "--output",
        default=DEFAULT_OUTPUT,
        help=f"append the articles to this JSON Lines file (default: {DEFAULT_OUTPUT})",
    )
    state = p.add_mutually_exclusive_group()
    state.add_argument(
        "--state",
        default=DEFAULT_STATE,
        help=f"SQLite state that makes the crawl incremental (default: {DEFAULT_STATE})",
    )
    state.add_argument(
        "--no-state",
        dest="state",
        action="store_const",
        const="",
        help="not incremental: emit every article found, remember nothing",
    )
    where = p.add_mutually_exclusive_group()
    where.add_argument("--mirror", action="store_true", help="crawl the bundled mirrors on 127.0.0.1")
    where.add_argument("--base-url", help="fetch from this mirror instead (one spider only)")
    p.add_argument(
        "--fixtures", metavar="DIR", help="the fixtures folder whose mirrors --mirror serves (default: the checkout's)"
    )
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a Scrapy setting, e.g. USER_AGENT=... (repeatable)",
    )
    p.add_argument("-v", "--verbose", action="store_true", help="Scrapy's INFO log on stderr")
    p.set_defaults(func=cmd_crawl)


def check_window(args: argparse.Namespace) -> None:
    """--since and --until are ISO 8601 dates (a one-line error before any crawl starts)."""
    for name in ("since", "until"):
        value = getattr(args, name)
        if value and parse_utc_date(value) is None:
            raise SystemExit(f"kaznews crawl: --{name} is not an ISO 8601 date: {value!r}")


def cmd_crawl(args: argparse.Namespace) -> int:
    check_window(args)
    writable_file(args.output, "output", "crawl")
    if args.state:
        writable_file(args.state, "state", "crawl")
    from scrapy import signals

    from .mirror import MirrorServer

    root = fixtures_root(args.fixtures, "crawl --mirror") if args.mirror else None
    settings = project_settings(
        {
            "LOG_LEVEL": "INFO" if args.verbose else "WARNING",
            "KAZNEWS_OUTPUT": args.output,
            "KAZNEWS_STATE": args.state,
        },
        args.set,
    )
    process, available = crawler_process(settings)
    names = select_spiders(args.outlets, available)
    if args.base_url and len(names) != 1:
        raise SystemExit("kaznews crawl: --base-url needs exactly one spider")
    spider_args = {
        k: str(v) for k, v in (("since", args.since), ("until", args.until), ("max_articles", args.max_articles)) if v
    }
    results: dict[str, dict[str, Any]] = {}
    with ExitStack() as stack:
        mirror = stack.enter_context(MirrorServer(root)) if root else None
        for name in names:
            crawler = process.create_crawler(name)
            crawler.signals.connect(_on_close(crawler, results), signal=signals.spider_closed, weak=False)
            base = mirror.base_url(name) if mirror else args.base_url
            process.crawl(crawler, **spider_args, **({"base_url": base} if base else {}))
        process.start()
    return report(results, {n: available[n].outlet for n in names}, settings.get("KAZNEWS_OUTPUT"))


def _on_close(crawler: Any, results: dict[str, dict[str, Any]]) -> Any:
    def closed(spider: Any, reason: str) -> None:
        results[spider.name] = {**summary(crawler.stats.get_stats()), "reason": reason}
        s = results[spider.name]
        print(
            f"kaznews: {spider.name}: {s['new']} new, {s['updated']} updated,"
            f" {sum(s['dropped'].values())} dropped ({reason})",
            file=sys.stderr,
            flush=True,
        )

    return closed


def report(results: dict[str, dict[str, Any]], outlets: dict[str, str], output: str) -> int:
    per_outlet: dict[str, Counter[str]] = defaultdict(Counter)
    for name, s in results.items():
        counts = per_outlet[outlets[name]]
        counts.update({"new": s["new"], "updated": s["updated"]})
        counts.update({f"dropped {k}": v for k, v in s["dropped"].items()})
        counts.update({f"failed {k}": v for k, v in s["fetch_failed"].items()})
    for outlet, counts in sorted(per_outlet.items()):
        extra = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()) if k not in ("new", "updated"))
        print(f"{outlet:16} new: {counts['new']}, updated: {counts['updated']}{', ' + extra if extra else ''}")
    total = sum(c["new"] + c["updated"] for c in per_outlet.values())
    print(f"{total} articles appended to {output}" if total else f"nothing new: {output} unchanged")
    lost = sum(s.get("output_failed", 0) for s in results.values())
    if lost:
        print(
            f"kaznews: {lost} articles could not be written to {output} (see the log); run again once it is"
            " writable: nothing recorded is lost",
            file=sys.stderr,
        )
    failed = set(outlets) - set(results) or any(
        s["reason"] not in NORMAL_REASONS or s.get("output_failed") for s in results.values()
    )
    return 1 if failed else 0


def spider_names() -> dict[tuple[str, Any], str]:
    """(outlet id, edition) → spider name, for `kaznews sites`."""
    from .mirror import spider_classes

    return {(cls.outlet, cls.edition): cls.name for cls in spider_classes()}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser(fetch=fetch_page, spiders=spider_names)
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    add_crawl_command(sub)
    add_check_live_command(sub)
    add_merge_command(sub)
    add_archive_command(sub)
    add_profile_command(sub)
    extend_fixtures_record(sub)
    return run(parser, argv)


if __name__ == "__main__":
    raise SystemExit(main())
