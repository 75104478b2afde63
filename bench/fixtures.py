"""Kazakh fixtures benchmark: `python -m bench.fixtures [--passes 5] [--write-docs] [names...]`.

Every fixture of `fixtures/<outlet>/` whose expected JSON is an article is a page; the expected
`body`, `title` and `date` are the reference. Same timing protocol as `bench.public`: one subprocess
per extractor, pages read and decoded before timing, one warm-up pass, `--passes` timed passes
(each repeating the page set until it lasts `--min-seconds`), pages/s over the median pass.
Then kaznews-full, kaznews-generic and the selectolax floor run again pinned to one CPU. The saved
listing/homepage fixtures are not scored; they are run once, untimed, to count rejections.
Writes bench/results/fixtures.json and, with --write-docs, the fixtures blocks of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from cleaners.fixtures import iter_fixtures

from .boilerplate import page_junk
from .extractors import DEFAULT, EXTRACTORS
from .fixture_score import Reference, score_extractor
from .fixture_tables import blocks
from .machine import machine, versions
from .runner import ROOT, add_run_arguments, pages_per_s, pin_to_one_cpu, spawn, timed_passes
from .targets import publish

FIXTURES = ROOT / "fixtures"
RESULTS = Path(__file__).resolve().parent / "results" / "fixtures.json"
PINNED = ("kaznews-full", "kaznews-generic", "selectolax-parse")
Page = tuple[str, str | None, bytes, str, str | None]  # key, url, raw bytes, decoded text, fetched_at


def is_article(expected: dict[str, Any]) -> bool:
    return bool(expected.get("body")) and "not_article" not in expected.get("warnings", [])


def load_pages(root: Path = FIXTURES, refs_too: bool = True) -> tuple[list[Page], list[Page], list[Reference]]:
    """(article pages, listing/homepage pages, references of the article pages), sorted by outlet/name."""
    articles: list[Page] = []
    others: list[Page] = []
    refs: list[Reference] = []
    for fx in iter_fixtures(root):
        if not fx.expected_path.exists():
            continue
        raw = fx.read_page()
        text = raw.decode("utf-8", errors="replace")
        key = f"{fx.outlet}/{fx.name}"
        page = (key, fx.url, raw, text, fx.meta.get("fetched_at") or fx.meta.get("captured_at"))
        expected = fx.expected()
        if not is_article(expected):
            others.append(page)
            continue
        articles.append(page)
        if refs_too:
            refs.append(
                Reference(
                    key,
                    fx.outlet,
                    expected["body"],
                    expected.get("title"),
                    expected.get("date"),
                    page_junk(text, fx.url, expected["body"]),
                )
            )
    return articles, others, refs


def run_worker(name: str, passes: int, min_seconds: float, pin: int | None) -> dict[str, Any]:
    """Runs inside the subprocess: optional pinning, warm-up, timed passes, then the non-article pages."""
    cpu = pin_to_one_cpu(pin if pin >= 0 else None) if pin is not None else None
    spec = EXTRACTORS[name]
    articles, others, _ = load_pages(refs_too=False)
    extract = spec.loader()
    outputs: dict[str, dict[str, Any]] = {}
    errors: dict[str, str] = {}

    def once() -> None:
        for key, url, raw, text, fetched_at in articles:
            try:
                got = extract(raw, text, url, fetched_at)
                outputs[key] = {"body": got.body or "", "title": got.title, "date": got.date}
            except Exception as exc:  # noqa: BLE001 - a crash scores as an empty prediction
                outputs[key] = {"body": ""}
                errors[key] = f"{type(exc).__name__}: {exc}"[:200]

    times, repeats = timed_passes(once, passes, min_seconds)
    rejected: dict[str, bool | None] = {}
    for key, url, raw, text, fetched_at in others:
        try:
            rejected[key] = extract(raw, text, url, fetched_at).rejected
        except Exception:  # noqa: BLE001
            rejected[key] = None
    return {
        "name": name,
        "pages": len(articles),
        "times": times,
        "repeats": repeats,
        "outputs": outputs,
        "errors": errors,
        "rejected": rejected,
        "cpu": cpu,
        "versions": versions(spec.packages),
    }


def run_one(name: str, passes: int, min_seconds: float, timeout: float, pin: int | None = None) -> dict[str, Any]:
    if not EXTRACTORS[name].available():
        return {"name": name, "failed": ["not installed (pip install -e '.[bench]')"]}
    args = ["--worker", name, "--passes", str(passes), "--min-seconds", str(min_seconds)]
    return {"name": name, **spawn("bench.fixtures", args + (["--pin", str(pin)] if pin is not None else []), timeout)}


def score(result: dict[str, Any], refs: list[Reference]) -> dict[str, Any]:
    spec = EXTRACTORS[result["name"]]
    rejected = result["rejected"]
    known = [v for v in rejected.values() if v is not None]
    return {
        "name": result["name"],
        "fields": list(spec.fields),
        "date_precision": spec.date_precision,
        "pages": result["pages"],
        "pages_per_s": pages_per_s(result["pages"], result["times"]),
        "pass_seconds": result["times"],
        "repeats": result["repeats"],
        "errors": result["errors"],
        "versions": result["versions"],
        "not_article": {"rejected": sum(known), "of": len(rejected)} if known else None,
        **score_extractor(refs, result["outputs"], spec.fields, spec.date_precision),
    }


def pinned_runs(names: list[str], passes: int, min_seconds: float, timeout: float) -> dict[str, dict[str, Any]]:
    """pages/s of the PINNED extractors, each pinned to the same (last usable) CPU."""
    out: dict[str, dict[str, Any]] = {}
    for name in (n for n in PINNED if n in names):
        res = run_one(name, passes, min_seconds, timeout, pin=-1)
        out[name] = (
            {"failed": res["failed"]}
            if "failed" in res
            else {
                "cpu": res["cpu"],
                "pages_per_s": pages_per_s(res["pages"], res["times"]),
                "pass_seconds": res["times"],
                "repeats": res["repeats"],
            }
        )
        print(f"done: {name} (pinned)", file=sys.stderr)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.fixtures", description=__doc__.splitlines()[0])
    add_run_arguments(ap, list(EXTRACTORS), 5, RESULTS, "fixtures blocks")
    ap.add_argument("--no-pinned", action="store_true", help="skip the runs pinned to one CPU")
    ap.add_argument("--pin", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        json.dump(run_worker(args.worker, args.passes, args.min_seconds, args.pin), sys.stdout)
        return 0
    names = args.names or list(DEFAULT)
    unknown = [n for n in names if n not in EXTRACTORS]
    if unknown:
        ap.error(f"unknown extractor(s): {', '.join(unknown)}")
    _, _, refs = load_pages()
    info = machine()
    rows: list[dict[str, Any]] = []
    for name in names:
        result = run_one(name, args.passes, args.min_seconds, args.timeout)
        rows.append(result if "failed" in result else score(result, refs))
        print(f"done: {name}", file=sys.stderr)
    pinned = {} if args.no_pinned else pinned_runs(names, args.passes, args.min_seconds, args.timeout)
    info["packages"] = {k: v for r in rows for k, v in r.get("versions", {}).items()}
    data = {
        "machine": info,
        "passes": args.passes,
        "min_seconds": args.min_seconds,
        "results": rows,
        "pinned": pinned,
        "outlets": sorted({r.outlet for r in refs}),
    }
    publish(blocks(data), data, args.output, args.write_docs, fixtures_path=args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
