"""Markdown blocks of the fixtures benchmark (summary, per-outlet body, per-outlet metadata, speed)."""

from __future__ import annotations

from typing import Any

from .machine import machine_line, packages_line

SIDE = ("kaznews-full", "kaznews-generic", "trafilatura")
"""The three extractors shown side by side per outlet: profile path, generic path, trafilatura."""
FLOOR = "selectolax-parse"


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.0f}%"


def _rows(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in data["results"]}


def _date(r: dict[str, Any], s: dict[str, Any]) -> str:
    return _pct(s["date"]) + (" (day)" if r.get("date_precision") == "day" and s["date"] is not None else "")


def summary(data: dict[str, Any]) -> str:
    """Every extractor over all article fixtures."""
    lines = [
        (
            "| extractor | F1 | precision | recall | mean fixture F1 | min fixture F1 | title exact | "
            "date exact | boilerplate lines (pages) | listings rejected | pages/s |"
        ),
        "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for r in data["results"]:
        if "failed" in r:
            lines.append(f"| {r['name']} | failed: {' '.join(r['failed'])} |" + " |" * 9)
            continue
        s, na = r["overall"], r.get("not_article")
        rejected = f"{na['rejected']}/{na['of']}" if na else "n/a"
        lines.append(
            f"| {r['name']} | {s['f1']:.3f} | {s['precision']:.3f} | {s['recall']:.3f} | {s['mean_fixture_f1']:.3f} | "
            f"{s['min_f1']:.3f} ({s['min_fixture']}) | {_pct(s['title'])} | {_date(r, s)} | "
            f"{s['boilerplate_lines']} ({s['boilerplate_pages']}) | {rejected} | {r['pages_per_s']:.0f} |"
        )
    return "\n".join(lines + ["", footer(data)])


def footer(data: dict[str, Any]) -> str:
    rows = [r for r in data["results"] if "failed" not in r]
    pages = rows[0]["pages"] if rows else 0
    return (
        f"{pages} article fixtures of {len(data.get('outlets', []))} outlets; {data['passes']} timed passes after "
        f"one warm-up pass (a pass repeats the page set until it lasts >= {data.get('min_seconds', 0):g} s); "
        f"pages/s over the median pass; one subprocess per extractor, not pinned. Measured "
        f"{machine_line(data['machine'])}. Packages: {packages_line(data['machine'].get('packages', {}))}."
    )


def outlets(data: dict[str, Any]) -> str:
    """Body precision / recall / F1 per outlet for SIDE, and the F1 gap of the profile path to trafilatura."""
    rows = _rows(data)
    side = [n for n in SIDE if n in rows and "failed" not in rows[n]]
    head = "| outlet | fixtures | " + " | ".join(f"{n} P / R / F1" for n in side)
    lines = [head + " | gap F1 (full − trafilatura) |", "|---|---:|" + "---:|" * len(side) + "---:|"]
    for outlet in [*data.get("outlets", []), "all"]:
        cells, f1s = [], {}
        for n in side:
            s = rows[n]["overall"] if outlet == "all" else rows[n]["outlets"].get(outlet)
            if s is None:
                cells.append("–")
                continue
            f1s[n] = s["f1"]
            cells.append(f"{s['precision']:.3f} / {s['recall']:.3f} / {s['f1']:.3f}")
        first = rows[side[0]] if side else {"overall": {}, "outlets": {}}
        count = (first["overall"] if outlet == "all" else first["outlets"].get(outlet, {})).get("n", 0)
        gap = (
            f"{f1s['kaznews-full'] - f1s['trafilatura']:+.3f}" if {"kaznews-full", "trafilatura"} <= f1s.keys() else "–"
        )
        name = "**all**" if outlet == "all" else outlet
        lines.append(f"| {name} | {count} | " + " | ".join(cells) + f" | {gap} |")
    return "\n".join(lines)


def meta(data: dict[str, Any]) -> str:
    """Per outlet for SIDE: min fixture F1, title exact, date exact, boilerplate lines."""
    rows = _rows(data)
    side = [n for n in SIDE if n in rows and "failed" not in rows[n]]
    head = "| outlet | " + " | ".join(f"{n} min F1 / title / date / boilerplate" for n in side) + " |"
    lines = [head, "|---|" + "---:|" * len(side)]
    for outlet in [*data.get("outlets", []), "all"]:
        cells = []
        for n in side:
            s = rows[n]["overall"] if outlet == "all" else rows[n]["outlets"].get(outlet)
            cells.append(
                "–"
                if s is None
                else f"{s['min_f1']:.3f} / {_pct(s['title'])} / {_date(rows[n], s)} / {s['boilerplate_lines']}"
            )
        lines.append(f"| {'**all**' if outlet == 'all' else outlet} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def below(data: dict[str, Any], name: str = "kaznews-full", threshold: float = 0.97) -> str:
    """Fixtures of `name` under `threshold` F1 or with boilerplate, one bullet each ("none" otherwise)."""
    r = _rows(data).get(name)
    if not r or "failed" in r:
        return f"{name}: not run."
    bad = [
        f"* `{k}`: F1 {d['f1']:.3f}" + (f"; boilerplate: {'; '.join(d['boilerplate'])}" if d["boilerplate"] else "")
        for k, d in r["fixtures"].items()
        if d["f1"] < threshold or d["boilerplate"]
    ]
    return "\n".join(bad) if bad else f"None: every fixture has F1 >= {threshold} and no boilerplate line ({name})."


def speed(data: dict[str, Any]) -> str:
    """pages/s not pinned and pinned to one CPU, and how many times slower than the parse-only floor."""
    rows, pinned = _rows(data), data.get("pinned", {})
    floor = rows.get(FLOOR, {}).get("pages_per_s")
    floor_pin = pinned.get(FLOOR, {}).get("pages_per_s")
    lines = [
        "| extractor | pages/s | × floor time | pages/s pinned to one CPU | × floor time (pinned) |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in data["results"]:
        if "failed" in r:
            continue
        pin = pinned.get(r["name"], {})
        pps, ppin = r["pages_per_s"], pin.get("pages_per_s")
        ratio = f"{floor / pps:.1f}" if floor and pps else "–"
        ratio_pin = f"{floor_pin / ppin:.1f}" if floor_pin and ppin else "–"
        lines.append(f"| {r['name']} | {pps:.0f} | {ratio} | {f'{ppin:.0f}' if ppin else '–'} | {ratio_pin} |")
    cpus = {p.get("cpu") for p in pinned.values() if "cpu" in p}
    note = (
        f"Pinned runs: `os.sched_setaffinity(0, {{{', '.join(map(str, sorted(cpus)))}}})` in the worker, "
        f"one after the other on the same CPU."
        if cpus
        else "Pinned runs: not run (or no sched_setaffinity)."
    )
    return "\n".join(
        lines
        + [
            "",
            note + " × floor time = the extractor's time per page over the selectolax "
            "parse-only floor's on the same pages (target for the profile path: <= 3).",
        ]
    )


def blocks(data: dict[str, Any]) -> dict[str, str]:
    """Block name in docs/benchmarks.md -> markdown."""
    return {
        "fixtures-summary": summary(data),
        "fixtures-outlets": outlets(data),
        "fixtures-meta": meta(data),
        "fixtures-below": below(data),
        "fixtures-speed": speed(data),
    }
