"""The targets table and machine block of docs/benchmarks.md, from the results JSON of the fixtures and public-sets benchmarks."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .docs import DOC, replace_block
from .machine import machine_block
from .public_targets import Check, public_checks

RESULTS = Path(__file__).resolve().parent / "results"
PUBLIC_JSON, FIXTURES_JSON = RESULTS / "public.json", RESULTS / "fixtures.json"


def load(path: Path) -> dict[str, Any] | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _row(data: dict[str, Any] | None, name: str) -> dict[str, Any] | None:
    if not data:
        return None
    row = next((r for r in data["results"] if r["name"] == name), None)
    return None if row is None or "failed" in row else row


def _pinned(data: dict[str, Any] | None, name: str) -> float | None:
    return ((data or {}).get("pinned", {}).get(name) or {}).get("pages_per_s")


def _measured(value: float | None) -> float:
    """A figure a check needs; a missing one makes the check "not measured" (KeyError)."""
    if value is None:
        raise KeyError("not measured")
    return value


def _traf_f1(row: dict[str, Any] | None) -> float:
    if row is None:
        raise KeyError("not measured")
    return float(row["overall"]["f1"])


def _fixture_checks(fx: dict[str, Any] | None) -> list[tuple[str, Callable[[], Check]]]:
    full, traf, floor = _row(fx, "kaznews-full"), _row(fx, "trafilatura"), _row(fx, "selectolax-parse")
    pin, floor_pin = _pinned(fx, "kaznews-full"), _pinned(fx, "selectolax-parse")
    speed = pin or (full or {}).get("pages_per_s")
    floor_speed = floor_pin if pin else (floor or {}).get("pages_per_s")
    how = "pinned to one CPU" if pin else "not pinned"
    o = (full or {}).get("overall", {})
    return [
        (
            "Profile path >= 1000 pages/s on one core (fixtures)",
            lambda: (f"{_measured(speed):.0f} pages/s ({how})", "fixtures", _measured(speed) >= 1000),
        ),
        (
            "Profile path within 3x the selectolax parse-only floor (fixtures)",
            lambda: (
                f"{_measured(floor_speed) / _measured(speed):.1f}x the floor's time per page ({how})",
                "fixtures",
                _measured(floor_speed) / _measured(speed) <= 3,
            ),
        ),
        (
            "Profile path body F1 >= 0.99 on average (fixtures)",
            lambda: (f"{o['f1']:.3f} (mean per fixture {o['mean_fixture_f1']:.3f})", "fixtures", o["f1"] >= 0.99),
        ),
        (
            "Profile path body F1 >= 0.97 on every fixture",
            lambda: (f"min {o['min_f1']:.3f}", "fixtures", o["min_f1"] >= 0.97),
        ),
        (
            "Profile path titles and dates exact",
            lambda: (
                f"titles {100 * o['title']:.0f}%, dates {100 * o['date']:.0f}%",
                "fixtures",
                o["title"] == 1 and o["date"] == 1,
            ),
        ),
        (
            "Profile path: zero boilerplate in any body",
            lambda: (f"{o['boilerplate_lines']} boilerplate lines", "fixtures", o["boilerplate_lines"] == 0),
        ),
        (
            "Gap to trafilatura shown (fixtures)",
            lambda: (f"F1 {o['f1']:.3f} vs {_traf_f1(traf):.3f} ({o['f1'] - _traf_f1(traf):+.3f})", "fixtures", None),
        ),
    ]


def targets_table(public: dict[str, Any] | None, fx: dict[str, Any] | None) -> str:
    """| target | figure | met? | run | for the fixture targets (issues 3, 5) and the public-set ones (issue 10)."""
    dates = {
        "public sets": (public or {}).get("machine", {}).get("date", "?"),
        "fixtures": (fx or {}).get("machine", {}).get("date", "?"),
    }
    lines = ["| target | figure | met? | run |", "|---|---|---|---|"]
    for target, check in [*_fixture_checks(fx), *public_checks(public)]:
        try:
            figure, run, met = check()
        except (TypeError, KeyError, ZeroDivisionError, AttributeError):
            lines.append(f"| {target} | not measured | – | – |")
            continue
        verdict = "–" if met is None else ("yes" if met else "**no**")
        lines.append(f"| {target} | {figure} | {verdict} | {run}, {dates[run]} |")
    return "\n".join(lines)


def write_shared(public_path: Path = PUBLIC_JSON, fixtures_path: Path = FIXTURES_JSON, doc: Path = DOC) -> list[str]:
    """Rewrite the `targets` and `machine` blocks; returns the names of blocks missing from the doc."""
    public, fx = load(public_path), load(fixtures_path)
    runs = {name: data for name, data in (("public sets", public), ("fixtures", fx)) if data}
    blocks = {"targets": targets_table(public, fx), "machine": machine_block(runs)}
    return [name for name, text in blocks.items() if not replace_block(name, text, doc)]


def publish(md: dict[str, str], data: dict[str, Any], output: Path, write_docs: bool, **results: Path) -> None:
    """Print a benchmark's tables and save its results JSON; with `write_docs`, rewrite its blocks of
    docs/benchmarks.md and the shared ones (`results` names its JSON: `public_path=` or `fixtures_path=`)."""
    print("\n\n".join(md.values()))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    if write_docs:
        missing = [name for name, text in md.items() if not replace_block(name, text)]
        missing += write_shared(**results)
        if missing:
            print(f"bench: docs/benchmarks.md lacks blocks {', '.join(missing)}; not written", file=sys.stderr)
