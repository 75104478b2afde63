"""Layout drift repair benchmark: `python -m bench.drift [--write-docs]`.

Hold-one-layout-out: for every outlet with two or more layouts, the newest `Layout` is deleted,
`profile suggest` runs on that layout's fixtures (at most 3 pages; the outlet's other fixtures are
the older pages the new layout must not claim), and the induced layout is scored on those pages
against their reviewed expected JSON: body F1 (bench/metric.py's shingle F1), title and date exact.
Every other fixture of the outlet is then re-checked with the induced layout in front of the older
ones. The same is done for the layout that reads the only real saved article page of
../shared/pages (inform.kz, 2020). Writes bench/results/drift.json and, with --write-docs, the
`drift` block of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path
from statistics import mean
from typing import Any

from cleaners.cli_fixtures import check_fixture
from cleaners.fixtures import Fixture, iter_fixtures
from cleaners.profiles import SiteProfile, all_profiles, profile_by_id
from scrapers.drift.errors import SuggestError
from scrapers.drift.induce import suggest
from scrapers.drift.samples import Sample
from scrapers.drift.trial import clean_all, using_profile

from .machine import machine
from .metric import match
from .runner import ROOT
from .targets import publish

FIXTURES = ROOT / "fixtures"
SHARED_PAGES = ROOT.parent / "shared" / "pages"
RESULTS = Path(__file__).resolve().parent / "results" / "drift.json"
MAX_PAGES = 3
F1_TARGET, EXACT_TARGET = 0.98, 0.9
REAL_ARTICLE = ("inform.kz", "inform.kz/inform-ru-a3725092-2020-12-01.html")


def _f1(truth: str, got: str) -> float:
    c = match(truth, got)
    p, r = c.precision, c.recall
    return 2 * p * r / (p + r) if p + r else 0.0


def _read_by(fixtures: list[Fixture], profile: SiteProfile, version: str) -> list[Fixture]:
    with using_profile(profile):
        return [fx for fx in fixtures if fx.reviewed and fx.clean().layout == f"{profile.id}@{version}"]


def _sample(fx: Fixture, body: bytes | None = None) -> Sample:
    return Sample(
        fx.name, body or fx.read_page(), fx.url or "", fx.meta.get("fetched_at") or fx.meta.get("captured_at")
    )


def hold_out(profile: SiteProfile, index: int, real: bytes | None = None) -> dict[str, Any]:
    """Delete layout `index`, induce it again from its fixtures, score the induced one on them."""
    gone = profile.layouts[index]
    held = replace(profile, layouts=profile.layouts[:index] + profile.layouts[index + 1 :])
    fixtures = iter_fixtures(FIXTURES, profile.id)
    mine = _read_by(fixtures, profile, gone.version)[:MAX_PAGES]
    samples = [_sample(fx) for fx in mine]
    if real is not None:  # the real page itself, byte for byte, stands for its fixture
        samples = [_sample(fx, real if fx.read_page() == real else None) for fx in mine]
    row: dict[str, Any] = {
        "outlet": profile.id,
        "layout": gone.version,
        "pages": len(samples),
        "real": real is not None,
    }
    others = [_sample(fx).page() for fx in fixtures if fx not in mine and fx.reviewed]
    started = time.perf_counter()
    try:
        found = suggest(samples, profile.id, held, others)
    except SuggestError as exc:
        return {**row, "refused": str(exc)}
    row["seconds"] = time.perf_counter() - started
    tried = replace(held, layouts=(found.layout, *held.layouts))
    articles = clean_all(samples, tried)
    scores = []
    for fx, art in zip(mine, articles):
        want = fx.expected()
        scores.append(
            {
                "name": fx.name,
                "f1": _f1(want["body"], art.body),
                "title": art.title == want.get("title"),
                "date": art.date == want.get("date"),
                "provenance": fx.meta.get("provenance"),
            }
        )
    with using_profile(tried):
        rest = [fx for fx in fixtures if fx not in mine and fx.reviewed]
        kept = sum(not check_fixture(fx) for fx in rest)
    return {**row, "body": list(found.layout.body), "scores": scores, "others_kept": kept, "others": len(rest)}


def run() -> list[dict[str, Any]]:
    rows = [hold_out(p, 0) for p in all_profiles() if len(p.layouts) >= 2]
    outlet, rel = REAL_ARTICLE
    real_path = SHARED_PAGES / rel
    profile = profile_by_id(outlet)
    if real_path.exists() and profile is not None:
        body = real_path.read_bytes()
        index = next(i for i, lay in enumerate(profile.layouts) if lay.version == "2020")
        rows.append(hold_out(profile, index, body))
    return rows


def _pct(flags: list[bool]) -> str:
    return f"{sum(flags)}/{len(flags)}"


def table(rows: list[dict[str, Any]]) -> str:
    head = (
        "| outlet | layout held out | pages | induced body | body F1 (min) | titles exact | dates exact |"
        " other fixtures still pass |"
    )
    lines = [head, "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        name = f"{r['outlet']}{' (real saved page)' if r['real'] else ''}"
        if "refused" in r:
            lines.append(f"| {name} | {r['layout']} | {r['pages']} | refused: {r['refused']} | – | – | – | – |")
            continue
        s = r["scores"]
        f1 = [x["f1"] for x in s]
        lines.append(
            f"| {name} | {r['layout']} | {r['pages']} | `{', '.join(r['body'])}` | {mean(f1):.3f}"
            f" ({min(f1):.3f}) | {_pct([x['title'] for x in s])} | {_pct([x['date'] for x in s])} |"
            f" {r['others_kept']}/{r['others']} |"
        )
    return "\n".join(lines)


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    scores = [x for r in rows if "scores" in r for x in r["scores"]]
    f1 = [x["f1"] for x in scores]
    return {
        "layouts": len(rows),
        "refused": sum("refused" in r for r in rows),
        "pages": len(scores),
        "mean_f1": mean(f1) if f1 else 0.0,
        "min_f1": min(f1) if f1 else 0.0,
        "title": mean(x["title"] for x in scores) if scores else 0.0,
        "date": mean(x["date"] for x in scores) if scores else 0.0,
    }


def blocks(data: dict[str, Any]) -> dict[str, str]:
    s = data["summary"]
    met = s["mean_f1"] >= F1_TARGET and s["title"] >= EXACT_TARGET and s["date"] >= EXACT_TARGET and not s["refused"]
    text = (
        f"{table(data['rows'])}\n\n{s['layouts']} layouts re-induced from at most {MAX_PAGES} pages each"
        f" ({s['pages']} pages, {s['refused']} refused): body F1 {s['mean_f1']:.3f} on average (min"
        f" {s['min_f1']:.3f}), titles exact {100 * s['title']:.0f}%, dates exact {100 * s['date']:.0f}%;"
        f" target body F1 >= {F1_TARGET} and titles/dates exact >= {100 * EXACT_TARGET:.0f}%:"
        f" {'met' if met else '**not met**'}. Measured {data['machine']['date']}."
    )
    return {"drift": text}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.drift", description=__doc__.splitlines()[0])
    ap.add_argument("--write-docs", action="store_true", help="rewrite the drift block of docs/benchmarks.md")
    ap.add_argument("--output", type=Path, default=RESULTS, help="results JSON (default: %(default)s)")
    args = ap.parse_args(argv)
    rows = run()
    data = {"machine": machine(), "rows": rows, "summary": summary(rows)}
    publish(blocks(data), data, args.output, args.write_docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
