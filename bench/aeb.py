"""Article-extraction benchmark runner: `python -m bench.aeb [--limit N] [--passes 3] [--write-docs] [names...]`.

Each extractor runs in its own subprocess (`--worker NAME`) over the same pages, which are
decompressed and decoded into memory before any timing. One untimed warm-up pass, then
`--passes` timed passes (`bench.runner.timed_passes`); pages/s is over the median pass. Quality
is scored on the texts of the last pass with `bench.metric`. Prints a markdown table and the
machine, writes JSON to bench/results/aeb.json and, with --write-docs, the `aeb` block of
docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

from .docs import replace_block
from .extractors import DEFAULT, EXTRACTORS
from .machine import machine, machine_line, packages_line, versions
from .metric import Counts, aggregate, match
from .runner import add_run_arguments, pages_per_s, spawn, timed_passes
from .targets import write_shared

DATA = Path(__file__).resolve().parent / "data" / "aeb"
RESULTS = Path(__file__).resolve().parent / "results" / "aeb.json"
Page = tuple[str, str | None, bytes, str]  # id, url, raw bytes, decoded text


def load_truth(data: Path = DATA) -> dict[str, dict[str, str]]:
    return json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))


def load_pages(limit: int | None = None, data: Path = DATA) -> list[Page]:
    """Pages in id order, decompressed and decoded (UTF-8) up front."""
    truth = load_truth(data)
    pages: list[Page] = []
    for key in sorted(truth)[:limit]:
        raw = gzip.decompress((data / "html" / f"{key}.html.gz").read_bytes())
        pages.append((key, truth[key].get("url"), raw, raw.decode("utf-8", errors="replace")))
    return pages


def run_worker(name: str, limit: int | None, passes: int, min_seconds: float = 0.0) -> dict[str, Any]:
    """Runs inside the subprocess: load, warm up, time `passes` passes, return texts and times."""
    spec = EXTRACTORS[name]
    pages = load_pages(limit)
    extract = spec.load()
    texts: dict[str, str] = {}
    errors: dict[str, str] = {}

    def once() -> None:
        for key, url, raw, text in pages:
            try:
                texts[key] = extract(raw, text, url) or ""
            except Exception as exc:  # noqa: BLE001 - a crash scores as an empty prediction
                texts[key] = ""
                errors[key] = f"{type(exc).__name__}: {exc}"[:200]

    times, repeats = timed_passes(once, passes, min_seconds)
    return {"name": name, "pages": len(pages), "times": times, "repeats": repeats, "texts": texts,
            "errors": errors, "versions": versions(spec.packages)}


def run_one(name: str, limit: int | None, passes: int, min_seconds: float, timeout: float) -> dict[str, Any]:
    """One extractor in its own subprocess; `{"name", "failed"}` when it is missing or crashed."""
    if not EXTRACTORS[name].available():
        return {"name": name, "failed": ["not installed (pip install -e '.[bench]')"]}
    args = ["--worker", name, "--passes", str(passes), "--min-seconds", str(min_seconds)]
    result = spawn("bench.aeb", args + (["--limit", str(limit)] if limit else []), timeout)
    return {"name": name, **result}


def score(result: dict[str, Any], truth: dict[str, dict[str, str]]) -> dict[str, Any]:
    texts: dict[str, str] = result["texts"]
    counts: dict[str, Counts] = {k: match(truth[k]["articleBody"], texts[k]) for k in texts}
    s = aggregate(counts.values())
    per_doc = {k: {"p": round(c.precision, 4), "r": round(c.recall, 4), "tp": round(c.tp, 4)}
               for k, c in counts.items()}
    return {"name": result["name"], "f1": s.f1, "precision": s.precision, "recall": s.recall,
            "pages": result["pages"], "pages_per_s": pages_per_s(result["pages"], result["times"]),
            "pass_seconds": result["times"], "repeats": result.get("repeats", 1), "errors": result["errors"],
            "versions": result["versions"], "empty": sum(1 for t in texts.values() if not t.strip()),
            "per_document": per_doc}


def table(rows: list[dict[str, Any]]) -> str:
    lines = ["| extractor | F1 | precision | recall | pages/s | empty | errors |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        if "failed" in r:
            lines.append(f"| {r['name']} | failed: {' '.join(r['failed'])} | | | | | |")
            continue
        lines.append(f"| {r['name']} | {r['f1']:.3f} | {r['precision']:.3f} | {r['recall']:.3f} | "
                     f"{r['pages_per_s']:.0f} | {r['empty']} | {len(r['errors'])} |")
    return "\n".join(lines)


def report(data: dict[str, Any]) -> str:
    """The table plus how and where it was measured (the `aeb` block of docs/benchmarks.md)."""
    rows, info = data["results"], data["machine"]
    pages = next((r["pages"] for r in rows if "pages" in r), 0)
    return "\n".join([
        table(rows), "",
        (f"{pages} pages; {data['passes']} timed passes after one warm-up pass (a pass lasts >= "
         f"{data.get('min_seconds', 0):g} s, repeating the page set if needed); pages/s over the median pass; "
         f"one subprocess per extractor, not pinned."), "",
        f"Measured {machine_line(info)}.", "",
        f"Packages: {packages_line(info.get('packages', {}))}.",
    ])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.aeb", description=__doc__.splitlines()[0])
    add_run_arguments(ap, list(EXTRACTORS), 3, RESULTS, "aeb block")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages (by id)")
    args = ap.parse_args(argv)
    if args.worker:
        json.dump(run_worker(args.worker, args.limit, args.passes, args.min_seconds), sys.stdout)
        return 0
    names = args.names or list(DEFAULT)
    unknown = [n for n in names if n not in EXTRACTORS]
    if unknown:
        ap.error(f"unknown extractor(s): {', '.join(unknown)}")
    truth = load_truth()
    info = machine()
    rows: list[dict[str, Any]] = []
    for name in names:
        result = run_one(name, args.limit, args.passes, args.min_seconds, args.timeout)
        rows.append(result if "failed" in result else score(result, truth))
        print(f"done: {name}", file=sys.stderr)
    info["packages"] = {k: v for r in rows for k, v in r.get("versions", {}).items()}
    data = {"machine": info, "limit": args.limit, "passes": args.passes, "min_seconds": args.min_seconds,
            "results": rows}
    print(report(data))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    if args.write_docs:
        missing = [] if replace_block("aeb", report(data)) else ["aeb"]
        missing += write_shared(aeb_path=args.output)
        if missing:
            print(f"bench: docs/benchmarks.md lacks blocks {', '.join(missing)}; not written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
