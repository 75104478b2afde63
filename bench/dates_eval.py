"""Dev check of publication days: kaznews (generic and full) against the gold days of the public sets.

    .venv/bin/python -m bench.dates_eval [--sets htmldate-default naeb wcxb-dev] [--htmldate CACHE.json]

Day accuracy is over the pages with a gold day (wcxb-dev: article pages only); a page counts when
the YYYY-MM-DD part of `Article.date` equals the gold day. With `--htmldate` a JSON cache of
htmldate's answers (key "set/file") is scored on the same pages, and with `--run-htmldate` htmldate
itself runs on them (`find_date(html, url=url, original_date=True)`, timed; the cache is then written
to the `--htmldate` path when one is given). `--dump` writes each page's answer.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cleaners import clean_html
from cleaners.errors import CleanerError
from cleaners.options import CleanOptions

BENCHMARKS = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks"
SETS = ("htmldate-default", "naeb", "wcxb-dev")
MODES = {"generic": CleanOptions(use_profiles=False), "full": CleanOptions()}


def gold_pages(name: str) -> list[dict[str, Any]]:
    """Gold lines with a day (wcxb-dev: article pages only)."""
    lines = [json.loads(line) for line in (BENCHMARKS / name / "gold.jsonl").open(encoding="utf-8")]
    return [g for g in lines if g.get("day") not in (None, "", "NaT") and g.get("page_type", "article") == "article"]


def _date_timer() -> dict[str, float]:
    """Wrap the date stage (candidate collection and the choice) to sum its time."""
    from cleaners import datevisible, metadata, pagedates

    spent = {"seconds": 0.0}

    def timed(inner: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                spent["seconds"] += time.perf_counter() - start

        return run

    for module, name in ((pagedates, "find_date"), (metadata, "date_texts"), (datevisible, "near_title")):
        setattr(module, name, timed(getattr(module, name)))
    return spent


def htmldate_answers(name: str) -> tuple[dict[str, str | None], float]:
    """htmldate's day for every gold page of the set, and the seconds it took."""
    from htmldate import find_date

    answers: dict[str, str | None] = {}
    total = 0.0
    for g in gold_pages(name):
        html = gzip.decompress((BENCHMARKS / name / "html" / g["file"]).read_bytes()).decode("utf-8", "replace")
        start = time.perf_counter()
        try:
            answers[f"{name}/{g['file']}"] = find_date(html, url=g["url"] or None, original_date=True)
        except Exception:  # noqa: BLE001 - a failure of the reference counts as no answer
            answers[f"{name}/{g['file']}"] = None
        total += time.perf_counter() - start
    return answers, total


def run(name: str, mode: str, htmldate: dict[str, str | None], dump: dict[str, Any], spent: dict[str, float]) -> None:
    pages = gold_pages(name)
    spent["seconds"] = 0.0
    right = ref_right = 0
    sources: Counter[str] = Counter()
    precisions: Counter[str] = Counter()
    total = 0.0
    for g in pages:
        raw = gzip.decompress((BENCHMARKS / name / "html" / g["file"]).read_bytes())
        start = time.perf_counter()
        try:
            art = clean_html(raw, g["url"] or None, options=MODES[mode])
            date, source, precision = art.date, art.date_source, art.date_precision
        except CleanerError:
            date = source = precision = None
        total += time.perf_counter() - start
        right += date is not None and date[:10] == g["day"]
        sources[str(source)] += 1
        precisions[str(precision)] += 1
        key = f"{name}/{g['file']}"
        ref = htmldate.get(key)
        ref_right += ref is not None and ref[:10] == g["day"]
        dump[f"{mode}:{key}"] = {"gold": g["day"], "ours": date, "source": source, "htmldate": ref, "url": g["url"]}
    n = len(pages)
    line = f"{name:17} {mode:8} pages {n:4}  day {right / n:.3f}"
    if htmldate:
        line += f"  htmldate {ref_right / n:.3f}"
    line += f"  ms/page {1000 * total / n:.1f}  date-stage ms/page {1000 * spent['seconds'] / n:.2f}"
    print(line)
    print("   sources:", dict(sources.most_common()), " precision:", dict(precisions.most_common()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", nargs="*", default=list(SETS))
    parser.add_argument("--modes", nargs="*", default=list(MODES))
    parser.add_argument("--htmldate", type=Path, help="JSON cache of htmldate answers, key 'set/file'")
    parser.add_argument("--run-htmldate", action="store_true", help="run htmldate on the pages (slow)")
    parser.add_argument("--dump", type=Path, help="write every page's answer here (JSON)")
    args = parser.parse_args()
    htmldate: dict[str, str | None] = {}
    if args.run_htmldate:
        for name in args.sets:
            answers, seconds = htmldate_answers(name)
            htmldate.update(answers)
            print(f"{name:17} htmldate ms/page {1000 * seconds / max(len(answers), 1):.1f}")
        if args.htmldate:
            args.htmldate.write_text(json.dumps(htmldate))
    elif args.htmldate:
        htmldate = json.loads(args.htmldate.read_text())
    dump: dict[str, Any] = {}
    spent = _date_timer()
    for name in args.sets:
        for mode in args.modes:
            run(name, mode, htmldate, dump, spent)
    if args.dump:
        args.dump.write_text(json.dumps(dump, ensure_ascii=False, indent=0))


if __name__ == "__main__":
    main()
