"""Every benchmark in one command: `python -m bench [--passes N] [--data DIR] [--write-docs]`.

Runs the public sets benchmark (`bench.public`: AEB, wcxb-dev, naeb, htmldate-default from
../shared/benchmarks, or --data, or $KAZNEWS_BENCHMARKS), the Kazakh fixtures benchmark
(`bench.fixtures`), the language benchmark (`bench.language`), the crawl benchmark (`bench.crawl`,
SQLite then 1/2/4 Redis workers, in subprocesses), the archive benchmark (`bench.archive`), the
layout drift repair benchmark (`bench.drift`, hold-one-layout-out), then
plots F1 against pages/s. With --write-docs every result block of docs/benchmarks.md (tables,
targets, machine) and the plot docs/img/bench-f1-vs-speed.png are rewritten; without it the plot
goes to bench/results/. Each part can also run alone (`python -m bench.public`, `bench.fixtures`,
`bench.language`, `bench.archive`, `bench.drift`, `bench.plot`).
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys

from . import fixtures, language, public
from .runner import ROOT
from .targets import write_shared


def crawl_commands(write_docs: bool) -> list[list[str]]:
    """The crawl benchmark: one SQLite process (with the big-state rows), then 1, 2 and 4 Redis workers."""
    base = [sys.executable, "-m", "bench.crawl", *(["--write-docs"] if write_docs else [])]
    return [base, base + ["--workers", "1,2,4", "--backend", "redis"]]


def run_crawl(write_docs: bool) -> None:
    """Run each crawl command in its own process; a failing one is reported and the rest still run."""
    for cmd in crawl_commands(write_docs):
        print(f"bench: {' '.join(cmd[1:])}", file=sys.stderr)
        code = subprocess.run(cmd, cwd=ROOT, check=False).returncode
        if code:
            print(f"bench: {' '.join(cmd[1:])} exited {code}; continuing", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    ap.add_argument("--passes", type=int, default=3, help="timed passes after one warm-up pass (fixtures)")
    ap.add_argument("--public-passes", type=int, default=public.PASSES, help="timed passes per public set")
    ap.add_argument("--public-jobs", type=int, default=public.JOBS, help="public-set subprocesses at a time")
    ap.add_argument(
        "--data", help="where the public sets are (default: $KAZNEWS_BENCHMARKS, else ../shared/benchmarks)"
    )
    ap.add_argument("--min-seconds", type=float, default=1.0, help="repeat the pages until a pass lasts this long")
    ap.add_argument("--write-docs", action="store_true", help="rewrite the result blocks of docs/benchmarks.md")
    ap.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["public", "fixtures", "language", "crawl", "archive", "drift", "plot"],
        help="leave out a part (repeatable)",
    )
    args = ap.parse_args(argv)
    docs = ["--write-docs"] if args.write_docs else []
    if "public" not in args.skip:
        data = ["--data", args.data] if args.data else []
        public.main(["--passes", str(args.public_passes), "--jobs", str(args.public_jobs), *data, *docs])
    if "fixtures" not in args.skip:
        print()
        fixtures.main(["--passes", str(args.passes), "--min-seconds", str(args.min_seconds), *docs])
    if "language" not in args.skip:
        print()
        language.main(docs)
    if "crawl" not in args.skip:
        run_crawl(args.write_docs)
    if "archive" not in args.skip:
        from . import archive

        archive.main(docs)
    if "drift" not in args.skip:
        from . import drift

        print()
        drift.main(docs)
    if args.write_docs:
        missing = write_shared()
        if missing:
            print(f"bench: docs/benchmarks.md lacks blocks {', '.join(missing)}", file=sys.stderr)
    if "plot" not in args.skip:
        if importlib.util.find_spec("matplotlib") is None:
            print("bench: matplotlib not installed (pip install -e '.[bench]'); plot skipped", file=sys.stderr)
        else:
            from .plot import main as plot_main

            plot_main([] if args.write_docs else ["--output", str(ROOT / "bench" / "results" / "f1-vs-speed.png")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
