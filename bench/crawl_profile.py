"""Where a crawler's time goes: `python -m bench.crawl_profile bench/results/crawl-profile-empty.txt`.

Reads the py-spy samples that `python -m bench.crawl --profile` writes (raw collapsed stacks,
idle included) and prints the share of the crawler's main thread (the reactor: everything Scrapy
does runs there) per part of the pipeline. A sample counts for the first part, in the order of
PARTS, that has a frame on its stack (samples outside the reactor loop: start-up and shutdown);
what matches none is Scrapy, Twisted and asyncio themselves.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

PARTS = (  # (part, regex on a frame "function (file:line)")
    ("idle: waiting for the network", r"^EpollSelector\.select |^select "),
    ("cleaning (`clean_html`, cleaners/)", r"^clean_html \("),
    ("validation (jsonschema)", r"^ValidatePipeline\.process_item "),
    ("deduplication (state lookups)", r"^(DeduplicatePipeline|ClaimPipeline)\.process_item "),
    ("export: JSON, write, fsync, state records", r"^(Redis)?ExportPipeline\.(process_item|flush) "),
    ("discovery: sitemaps, should_fetch", r"^NewsSpider\.parse_discovery "),
    ("spider: article callback", r"^NewsSpider\.parse_article "),
    ("Redis frontier: scheduler and request filter", r"redis_frontier\.py|scrapy_redis/"),
)
OUTSIDE = "start-up and shutdown (outside the reactor loop)"


def shares(path: Path) -> tuple[int, Counter[str]]:
    """(main-thread samples, samples per part) of a py-spy raw file."""
    compiled = [(name, re.compile(rx)) for name, rx in PARTS]
    counts: Counter[str] = Counter()
    total = 0
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, n = line.rpartition(" ")
        if not n.isdigit() or stack.startswith("Thread._bootstrap"):  # not the main thread
            continue
        frames = stack.split(";")
        total += int(n)
        part = (
            OUTSIDE
            if not any(f.startswith("BaseEventLoop.run_forever ") for f in frames)
            else next((name for name, rx in compiled if any(rx.search(f) for f in frames)), None)
        )
        counts[part or "Scrapy, Twisted, asyncio (download, engine, middlewares)"] += int(n)
    return total, counts


def table(total: int, counts: Counter[str]) -> str:
    lines = ["| part of the crawler's main thread | share of samples |", "|---|---:|"]
    lines += [f"| {name} | {100 * n / total:.0f}% |" for name, n in counts.most_common()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.crawl_profile", description=__doc__.splitlines()[0])
    ap.add_argument("profile", type=Path, help="a py-spy raw file from `bench.crawl --profile`")
    args = ap.parse_args(argv)
    total, counts = shares(args.profile)
    if not total:
        print(f"{args.profile}: no main-thread samples", file=sys.stderr)
        return 1
    print(table(total, counts))
    print(f"\n{total} samples of the main thread ({total / 100:.0f} s at py-spy's 100 Hz).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
