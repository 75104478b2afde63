"""The targets table and machine block of docs/benchmarks.md, from the results JSON of both benchmarks."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .docs import DOC, replace_block
from .machine import machine_block

RESULTS = Path(__file__).resolve().parent / "results"
AEB_JSON, FIXTURES_JSON = RESULTS / "aeb.json", RESULTS / "fixtures.json"


def load(path: Path) -> dict[str, Any] | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _row(data: dict[str, Any] | None, name: str) -> dict[str, Any] | None:
    if not data:
        return None
    row = next((r for r in data["results"] if r["name"] == name), None)
    return None if row is None or "failed" in row else row


def _pinned(data: dict[str, Any] | None, name: str) -> float | None:
    return ((data or {}).get("pinned", {}).get(name) or {}).get("pages_per_s")


Check = tuple[str, str, bool | None]  # figure text, met?


def _fixture_checks(fx: dict[str, Any] | None) -> list[tuple[str, Callable[[], Check]]]:
    full, traf, floor = _row(fx, "kaznews-full"), _row(fx, "trafilatura"), _row(fx, "selectolax-parse")
    pin, floor_pin = _pinned(fx, "kaznews-full"), _pinned(fx, "selectolax-parse")
    speed = pin or (full or {}).get("pages_per_s")
    floor_speed = floor_pin if pin else (floor or {}).get("pages_per_s")
    how = "pinned to one CPU" if pin else "not pinned"
    o = (full or {}).get("overall", {})
    return [
        ("Profile path >= 1000 pages/s on one core (fixtures)",
         lambda: (f"{speed:.0f} pages/s ({how})", "fixtures", speed >= 1000)),
        ("Profile path within 3x the selectolax parse-only floor (fixtures)",
         lambda: (f"{floor_speed / speed:.1f}x the floor's time per page ({how})", "fixtures",
                  floor_speed / speed <= 3)),
        ("Profile path body F1 >= 0.99 on average (fixtures)",
         lambda: (f"{o['f1']:.3f} (mean per fixture {o['mean_fixture_f1']:.3f})", "fixtures", o["f1"] >= 0.99)),
        ("Profile path body F1 >= 0.97 on every fixture",
         lambda: (f"min {o['min_f1']:.3f}", "fixtures", o["min_f1"] >= 0.97)),
        ("Profile path titles and dates exact",
         lambda: (f"titles {100 * o['title']:.0f}%, dates {100 * o['date']:.0f}%", "fixtures",
                  o["title"] == 1 and o["date"] == 1)),
        ("Profile path: zero boilerplate in any body",
         lambda: (f"{o['boilerplate_lines']} boilerplate lines", "fixtures", o["boilerplate_lines"] == 0)),
        ("Gap to trafilatura shown (fixtures)",
         lambda: (f"F1 {o['f1']:.3f} vs {traf['overall']['f1']:.3f} ({o['f1'] - traf['overall']['f1']:+.3f})",
                  "fixtures", None)),
    ]


def _aeb_checks(aeb: dict[str, Any] | None) -> list[tuple[str, Callable[[], Check]]]:
    gen, traf = _row(aeb, "kaznews-generic"), _row(aeb, "trafilatura")
    return [
        ("Generic path F1 >= 0.97 on AEB (trafilatura 2.3.1 defaults: 0.953)",
         lambda: (f"{gen['f1']:.3f}", "AEB", gen["f1"] >= 0.97)),
        ("Generic path pages/s >= trafilatura's on AEB",
         lambda: ((f"{gen['pages_per_s']:.0f} vs {traf['pages_per_s']:.0f} pages/s "
                   f"({gen['pages_per_s'] / traf['pages_per_s']:.2f}x)"), "AEB",
                  gen["pages_per_s"] >= traf["pages_per_s"])),
    ]


def targets_table(aeb: dict[str, Any] | None, fx: dict[str, Any] | None) -> str:
    """| target | figure | met? | run | for every target of issues 3 and 5."""
    dates = {"AEB": (aeb or {}).get("machine", {}).get("date", "?"),
             "fixtures": (fx or {}).get("machine", {}).get("date", "?")}
    lines = ["| target | figure | met? | run |", "|---|---|---|---|"]
    for target, check in [*_fixture_checks(fx), *_aeb_checks(aeb)]:
        try:
            figure, run, met = check()
        except (TypeError, KeyError, ZeroDivisionError):
            lines.append(f"| {target} | not measured | – | – |")
            continue
        verdict = "–" if met is None else ("yes" if met else "**no**")
        lines.append(f"| {target} | {figure} | {verdict} | {run}, {dates[run]} |")
    return "\n".join(lines)


def write_shared(aeb_path: Path = AEB_JSON, fixtures_path: Path = FIXTURES_JSON, doc: Path = DOC) -> list[str]:
    """Rewrite the `targets` and `machine` blocks; returns the names of blocks missing from the doc."""
    aeb, fx = load(aeb_path), load(fixtures_path)
    runs = {name: data for name, data in (("AEB", aeb), ("fixtures", fx)) if data}
    blocks = {"targets": targets_table(aeb, fx), "machine": machine_block(runs)}
    return [name for name, text in blocks.items() if not replace_block(name, text, doc)]
