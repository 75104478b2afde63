"""Public sets benchmark: `python -m bench.public [--sets aeb,naeb] [--data DIR] [--write-docs] [names...]`.

Reads AEB, wcxb-dev, naeb and htmldate-default from `../shared/benchmarks/` (or --data, or
$KAZNEWS_BENCHMARKS; `bench.sets`) and runs every extractor of `bench.extractors.PUBLIC` on each,
one subprocess per (extractor, set): the pages are read and decoded first, an untimed warm-up on the
first pages, then `--passes` timed passes (default 1) over the article pages, `--jobs` (default 2)
subprocesses at a time so the whole run stays near 10 minutes on 2 cores; wcxb-dev's listing and collection pages run once more, untimed, for
the extractors that can reject a page. An extractor runs only on the sets with gold for what it
gives. pages/s is over the median pass, quality is scored on the last pass (`bench.set_scores`).
Prints the tables, writes bench/results/public.json and, with --write-docs,
the `public-*` blocks of docs/benchmarks.md (`bench.set_tables`). A missing set is skipped with a
message naming where the bench looked.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from .extractors import EXTRACTORS, PUBLIC, Extracted
from .machine import machine, versions
from .runner import pages_per_s, spawn, timed_passes
from .set_scores import ARTICLE, body_pages, catastrophic, score_set
from .set_tables import blocks
from .sets import SETS, BenchSet, data_root, load_set, missing_message, read_pages
from .targets import publish

RESULTS = Path(__file__).resolve().parent / "results" / "public.json"
WARMUP_PAGES = 20
JOBS = 2  # two subprocesses at a time on the 2-core machine; the speed target uses CPU time, not wall time
PASSES = 1  # timed passes per set: the four sets are ~2,300 pages, so one pass keeps `make bench` near 15 min
PEER = "trafilatura"  # catastrophic pages are counted against this extractor's per-page F1
WORD_METRIC_SETS = ("wcxb-dev",)  # sets that also get WCXB's word-level F1


def _output(got: Extracted) -> dict[str, Any]:
    """The fields of one extraction worth keeping (None ones dropped)."""
    out = {
        "body": got.body or "",
        "title": got.title,
        "date": got.date,
        "authors": got.authors,
        "date_source": got.date_source,
        "date_precision": got.date_precision,
        "page_kind": got.page_kind,
        "rejected": got.rejected,
    }
    return {k: v for k, v in out.items() if v is not None}


def run_worker(name: str, bset: BenchSet, passes: int) -> dict[str, Any]:
    """Runs inside the subprocess: read the pages, warm up, time the passes, return outputs and times."""
    spec = EXTRACTORS[name]
    read, unreadable = read_pages(bset)
    pages = [p for p in read if p[0].page_type in (None, ARTICLE)]
    others = [p for p in read if p[0].page_type not in (None, ARTICLE)] if "rejected" in spec.fields else []
    extract = spec.loader()
    outputs: dict[str, dict[str, Any]] = {}
    errors: dict[str, str] = {key: "unreadable file" for key in unreadable}

    def run(subset: list[Any]) -> None:
        for gold, raw, text in subset:
            try:
                outputs[gold.key] = _output(extract(raw, text, gold.url, None))
            except Exception as exc:  # noqa: BLE001 - a crash scores as an empty prediction
                outputs[gold.key] = {"body": ""}
                errors[gold.key] = f"{type(exc).__name__}: {exc}"[:200]

    cpu: list[float] = []

    def timed() -> None:
        start = time.process_time()
        run(pages)
        cpu.append(time.process_time() - start)

    times, _ = timed_passes(timed, passes, 0.0, warm_up=lambda: run(pages[:WARMUP_PAGES]))
    run(others)  # listing and collection pages: once, untimed, for the page-kind confusion
    return {
        "name": name,
        "set": bset.name,
        "pages": len(pages),
        "times": times,
        "cpu": cpu,
        "outputs": outputs,
        "errors": errors,
        "versions": versions(spec.packages),
    }


def scorable(name: str, bset: BenchSet) -> bool:
    """Whether the set has gold for something the extractor gives (a body, or a day for a dates tool)."""
    spec = EXTRACTORS[name]
    return bool((spec.body and body_pages(bset.pages)) or ("date" in spec.fields and bset.has_day))


def run_one(name: str, bset: BenchSet, root: Path, passes: int, limit: int | None, timeout: float) -> dict[str, Any]:
    """One extractor on one set in its own subprocess; `{"name", "failed"}` when missing or crashed."""
    if not EXTRACTORS[name].available():
        return {"name": name, "failed": ["not installed (pip install -e '.[bench]')"]}
    args = ["--worker", name, "--set", bset.name, "--data", str(root), "--passes", str(passes)]
    return {"name": name, **spawn("bench.public", args + (["--limit", str(limit)] if limit else []), timeout)}


def score(result: dict[str, Any], bset: BenchSet) -> dict[str, Any]:
    spec = EXTRACTORS[result["name"]]
    scores = score_set(bset.pages, result["outputs"], spec.fields, spec.body, bset.name in WORD_METRIC_SETS)
    pages = result["pages"]
    return {
        "name": result["name"],
        "pages": pages,
        "pages_per_s": pages_per_s(pages, result["times"]),
        "pass_seconds": result["times"],
        "cpu_seconds": result["cpu"],
        "cpu_pages_per_s": pages_per_s(pages, result["cpu"]),
        "errors": result["errors"],
        "versions": result["versions"],
        **scores,
    }


def add_catastrophic(rows: list[dict[str, Any]]) -> None:
    """Each row with a body gets the pages it fails (F1 < 0.5) where the peer succeeds (F1 >= 0.9)."""
    peer = next((r for r in rows if r["name"] == PEER and r.get("body")), None)
    for row in rows:
        if row.get("body") and peer is not None and row is not peer:
            row["catastrophic"] = catastrophic(row["body"]["page_f1"], peer["body"]["page_f1"])


def run_sets(bsets: list[BenchSet], root: Path, names: list[str], args: argparse.Namespace) -> dict[str, Any]:
    """Every extractor on every set, `args.jobs` subprocesses at a time, scored; set name -> its results entry."""

    def task(bset: BenchSet, name: str) -> dict[str, Any]:
        result = run_one(name, bset, root, args.passes, args.limit, args.timeout)
        print(f"done: {name} on {bset.name}", file=sys.stderr)
        return result if "failed" in result else score(result, bset)

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {b.name: [pool.submit(task, b, n) for n in names if scorable(n, b)] for b in bsets}
        rows = {set_name: [f.result() for f in fs] for set_name, fs in futures.items()}
    out: dict[str, Any] = {}
    for bset in bsets:
        add_catastrophic(rows[bset.name])
        articles = sum(1 for g in bset.pages if g.page_type in (None, ARTICLE))
        out[bset.name] = {
            "pages": len(bset.pages),
            "article_pages": articles,
            "passes": args.passes,
            "jobs": args.jobs,
            "path": str(bset.path),
            "results": rows[bset.name],
        }
    return out


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m bench.public", description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help=f"extractors (default: {' '.join(PUBLIC)}); known: {' '.join(EXTRACTORS)}")
    ap.add_argument("--sets", default=",".join(SETS), help=f"comma-separated sets (default: {','.join(SETS)})")
    ap.add_argument(
        "--data", help="directory holding the sets (default: $KAZNEWS_BENCHMARKS, else ../shared/benchmarks)"
    )
    ap.add_argument("--passes", type=int, default=PASSES, help="timed passes per set after the warm-up")
    ap.add_argument(
        "--jobs",
        type=int,
        default=JOBS,
        help=f"extractor subprocesses at a time (default {JOBS}; 1 = nothing in parallel)",
    )
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages of each set")
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds per extractor subprocess")
    ap.add_argument("--output", type=Path, default=RESULTS, help="JSON results path")
    ap.add_argument("--write-docs", action="store_true", help="rewrite the public-* blocks of docs/benchmarks.md")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--set", help=argparse.SUPPRESS)
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = parser()
    args = ap.parse_args(argv)
    root = data_root(args.data)
    if args.worker:
        bset = load_set(args.set, root, args.limit)
        if bset is None:
            print(missing_message(args.set, root), file=sys.stderr)
            return 1
        json.dump(run_worker(args.worker, bset, args.passes), sys.stdout)
        return 0
    names = args.names or list(PUBLIC)
    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = [n for n in names if n not in EXTRACTORS] + [s for s in sets if s not in SETS]
    if unknown:
        ap.error(f"unknown extractor(s) or set(s): {', '.join(unknown)}")
    info = machine()
    data: dict[str, Any] = {"machine": info, "root": str(root), "limit": args.limit, "sets": {}, "missing": {}}
    bsets: list[BenchSet] = []
    for name in sets:
        try:
            bset = load_set(name, root, args.limit)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            bset, data["missing"][name] = None, f"bench: set {name} unreadable under {root}: {exc!r}; skipped"
        else:
            if bset is None:
                data["missing"][name] = missing_message(name, root)
        if bset is None:
            print(data["missing"][name], file=sys.stderr)
            continue
        bsets.append(bset)
    data["sets"] = run_sets(bsets, root, names, args)
    info["packages"] = {
        k: v for s in data["sets"].values() for r in s["results"] for k, v in r.get("versions", {}).items()
    }
    publish(blocks(data), data, args.output, args.write_docs, public_path=args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
