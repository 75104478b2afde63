"""Article-extraction benchmark runner: `python -m bench.aeb [--limit N] [--passes 3] [names...]`.

Each extractor runs in its own subprocess (`--worker NAME`) over the same pages, which are
decompressed and decoded into memory before any timing. One untimed warm-up pass, then
`--passes` timed passes; pages/s is the median over the timed passes. Quality is scored on
the texts of the last pass with `bench.metric`. Prints a markdown table and the machine,
and writes JSON to bench/results/aeb.json.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

from .extractors import DEFAULT, EXTRACTORS
from .metric import Counts, aggregate, match

ROOT = Path(__file__).resolve().parent.parent
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


def versions(packages: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in packages:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = _source_version() if name == "kaznews" else "not installed"
    return out


def _source_version() -> str:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8")).get("project", {})
    return f"{project.get('version', '?')} (source tree)"


def run_worker(name: str, limit: int | None, passes: int) -> dict[str, Any]:
    """Runs inside the subprocess: load, warm up, time `passes` passes, return texts and times."""
    spec = EXTRACTORS[name]
    pages = load_pages(limit)
    extract = spec.load()
    texts: dict[str, str] = {}
    errors: dict[str, str] = {}
    times: list[float] = []
    for n in range(passes + 1):
        start = time.perf_counter()
        for key, url, raw, text in pages:
            try:
                texts[key] = extract(raw, text, url) or ""
            except Exception as exc:  # noqa: BLE001 - a crash scores as an empty prediction
                texts[key] = ""
                errors[key] = f"{type(exc).__name__}: {exc}"[:200]
        if n:  # pass 0 is the warm-up
            times.append(time.perf_counter() - start)
    return {"name": name, "pages": len(pages), "times": times, "texts": texts, "errors": errors,
            "versions": versions(spec.packages)}


def spawn(name: str, limit: int | None, passes: int, timeout: float) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.aeb", "--worker", name, "--passes", str(passes)]
    if limit:
        cmd += ["--limit", str(limit)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    if proc.returncode != 0:
        return {"name": name, "failed": proc.stderr.strip().splitlines()[-1:] or ["exit " + str(proc.returncode)]}
    return json.loads(proc.stdout)


def score(result: dict[str, Any], truth: dict[str, dict[str, str]]) -> dict[str, Any]:
    texts: dict[str, str] = result["texts"]
    counts: dict[str, Counts] = {k: match(truth[k]["articleBody"], texts[k]) for k in texts}
    s = aggregate(counts.values())
    median = statistics.median(result["times"])
    per_doc = {k: {"p": round(c.precision, 4), "r": round(c.recall, 4), "tp": round(c.tp, 4)}
               for k, c in counts.items()}
    return {"name": result["name"], "f1": s.f1, "precision": s.precision, "recall": s.recall,
            "pages": result["pages"], "pages_per_s": result["pages"] / median if median else float("inf"),
            "pass_seconds": result["times"], "errors": result["errors"], "versions": result["versions"],
            "empty": sum(1 for t in texts.values() if not t.strip()), "per_document": per_doc}


def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"cpus_usable": usable, "cpu_count": os.cpu_count(), "cpu_model": model,
            "python": platform.python_version(), "platform": platform.platform(),
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d")}


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.aeb", description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help=f"extractors (default: {' '.join(DEFAULT)}); "
                                             f"known: {' '.join(EXTRACTORS)}")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages (by id)")
    ap.add_argument("--passes", type=int, default=3, help="timed passes after one warm-up pass")
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds per extractor subprocess")
    ap.add_argument("--output", type=Path, default=RESULTS, help="JSON results path")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        json.dump(run_worker(args.worker, args.limit, args.passes), sys.stdout)
        return 0
    names = args.names or list(DEFAULT)
    unknown = [n for n in names if n not in EXTRACTORS]
    if unknown:
        ap.error(f"unknown extractor(s): {', '.join(unknown)}")
    truth = load_truth()
    rows: list[dict[str, Any]] = []
    for name in names:
        result = spawn(name, args.limit, args.passes, args.timeout)
        rows.append(result if "failed" in result else score(result, truth))
        print(f"done: {name}", file=sys.stderr)
    info = machine()
    info["packages"] = {k: v for r in rows for k, v in r.get("versions", {}).items()}
    print(table(rows))
    print()
    print(f"pages: {rows[0].get('pages', '?') if rows else 0}; passes: {args.passes} (+1 warm-up); "
          f"pages/s = median over passes, one process per extractor")
    print(f"machine: {info['cpus_usable']} usable CPUs ({info['cpu_model']}), Python {info['python']}, "
          f"{info['platform']}, {info['date']}")
    print("packages: " + ", ".join(f"{k} {v}" for k, v in sorted(info["packages"].items())))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"machine": info, "limit": args.limit, "passes": args.passes,
                                       "results": rows}, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
