"""Markdown tables of the public sets benchmark (the `public-*` blocks of docs/benchmarks.md)."""

from __future__ import annotations

import statistics
from typing import Any

from .extractors import EXTRACTORS
from .machine import machine_line, packages_line
from .sets import SETS

NA = "n/a"
WALL, CPU = "pass_seconds", "cpu_seconds"  # the two clocks of a row (seconds per timed pass)
CATASTROPHIC_LISTED = 30  # file names listed per extractor and set; the count is always complete
TABLE_BLOCKS = (
    "public-bodies",
    "public-meta",
    "public-dates",
    "public-pagekind",
    "public-catastrophic",
    "public-speed",
)


def ordered(data: dict[str, Any]) -> list[str]:
    return [s for s in SETS if s in data.get("sets", {})]


def names(data: dict[str, Any]) -> list[str]:
    """Every extractor that appears in any set, in registry order."""
    seen = {r["name"] for s in ordered(data) for r in data["sets"][s]["results"]}
    order = list(EXTRACTORS)
    return sorted(seen, key=lambda n: order.index(n) if n in order else len(order))


def row(data: dict[str, Any], set_name: str, name: str) -> dict[str, Any] | None:
    """The scored row of `name` on `set_name`; None when it did not run there."""
    found = next((r for r in data["sets"].get(set_name, {}).get("results", []) if r["name"] == name), None)
    return None if found is None or "failed" in found else found


def failed(data: dict[str, Any], set_name: str, name: str) -> str:
    found = next((r for r in data["sets"].get(set_name, {}).get("results", []) if r["name"] == name), None)
    return f"failed: {' '.join(found['failed'])}" if found and "failed" in found else NA


def frac(part: dict[str, int] | None) -> str:
    """`right/of` as a share with 3 decimals, n/a when not measured."""
    if not part or not part["of"]:
        return NA
    return f"{part['right'] / part['of']:.3f}"


def prf(body: dict[str, Any] | None) -> str:
    return NA if not body else f"{body['precision']:.3f} / {body['recall']:.3f} / **{body['f1']:.3f}**"


def _sets_with(data: dict[str, Any], key: str) -> list[str]:
    return [s for s in ordered(data) if any(r.get(key) for r in data["sets"][s]["results"])]


def bodies_table(data: dict[str, Any]) -> str:
    """Body P / R / F1 (AEB metric) per set side by side, WCXB word F1, empty bodies."""
    sets = _sets_with(data, "body")
    word = _sets_with(data, "words")
    head = [f"{s} P / R / F1" for s in sets] + [f"{s} word F1" for s in word] + [f"{s} empty" for s in sets]
    lines = ["| extractor | " + " | ".join(head) + " |", "|---|" + "---:|" * len(head)]
    for name in names(data):
        cells = [
            prf((row(data, s, name) or {}).get("body")) if row(data, s, name) else failed(data, s, name) for s in sets
        ]
        cells += [f"{w['f1']:.3f}" if (w := (row(data, s, name) or {}).get("words")) else NA for s in word]
        cells += [str(b["empty"]) if (b := (row(data, s, name) or {}).get("body")) else NA for s in sets]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def meta_table(data: dict[str, Any]) -> str:
    """Title exact, author set exact and publication day accuracy per set."""
    cols = [(s, "title", "title exact") for s in _sets_with(data, "title")]
    cols += [(s, "author", "author exact") for s in _sets_with(data, "author")]
    cols += [(s, "day", "day right") for s in _sets_with(data, "day")]
    lines = [
        "| extractor | " + " | ".join(f"{label} {s}" for s, _, label in cols) + " |",
        "|---|" + "---:|" * len(cols),
    ]
    for name in names(data):
        cells = [frac((row(data, s, name) or {}).get(key)) for s, key, _ in cols]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    scored = [
        f"{s} {(next(r for r in data['sets'][s]['results'] if r.get(key)))[key]['of']}"
        for s, key, label in cols
        if key == "day"
    ]
    lines += ["", "Pages with a gold day: " + (", ".join(scored) or NA) + " (a null gold day is not scored)."]
    return "\n".join(lines)


def _counts(counts: dict[str, int] | None) -> str:
    return NA if counts is None else ", ".join(f"{k} {v}" for k, v in counts.items())


def dates_table(data: dict[str, Any]) -> str:
    """Where the dates came from and how precise they are, for each extractor that gives dates."""
    lines = ["| extractor | set | date_source | date_precision |", "|---|---|---|---|"]
    for name in names(data):
        for s in ordered(data):
            r = row(data, s, name)
            if r and r.get("date_source") is not None:
                lines.append(f"| {name} | {s} | {_counts(r['date_source'])} | {_counts(r['date_precision'])} |")
    return "\n".join(lines)


def page_kind_table(data: dict[str, Any]) -> str:
    """Gold page type x our page kind on the sets that give page types."""
    lines: list[str] = []
    for s in _sets_with(data, "page_kind"):
        for name in names(data):
            pk = (row(data, s, name) or {}).get("page_kind")
            if not pk:
                continue
            kinds = sorted({k for c in pk["matrix"].values() for k in c})
            summary = (
                f"{name} on {s}: {pk['flagged']}/{pk['listings']} listing+collection pages flagged, "
                f"{pk['lost']}/{pk['articles']} article pages lost."
            )
            lines += [summary, "", "| gold \\ ours | " + " | ".join(kinds) + " |", "|---|" + "---:|" * len(kinds)]
            lines += [f"| {t} | " + " | ".join(str(c.get(k, 0)) for k in kinds) + " |" for t, c in pk["matrix"].items()]
            lines.append("")
    return "\n".join(lines) or "No extractor gave page kinds (or no set has page types)."


def catastrophic_table(data: dict[str, Any]) -> str:
    """Pages an extractor fails (body F1 < 0.5) where trafilatura succeeds (>= 0.9), with file names."""
    lines = ["| extractor | set | pages | files |", "|---|---|---:|---|"]
    for name in names(data):
        for s in ordered(data):
            pages = (row(data, s, name) or {}).get("catastrophic")
            if pages is None:
                continue
            shown = ", ".join(pages[:CATASTROPHIC_LISTED]) + (" ..." if len(pages) > CATASTROPHIC_LISTED else "")
            lines.append(f"| {name} | {s} | {len(pages)} | {shown or '–'} |")
    return "\n".join(lines)


def overall_speed(data: dict[str, Any], name: str, sets: list[str] | None = None, clock: str = WALL) -> float | None:
    """Pages over the summed median pass times (`clock`: wall or CPU seconds), over `sets` (default:
    every set the extractor ran on)."""
    runs = [r for s in (ordered(data) if sets is None else sets) if (r := row(data, s, name))]
    seconds = sum(statistics.median(r[clock]) for r in runs if r.get(clock))
    return sum(r["pages"] for r in runs) / seconds if runs and seconds else None


def common_sets(data: dict[str, Any], *extractors: str) -> list[str]:
    """The sets on which every one of `extractors` ran."""
    return [s for s in ordered(data) if all(row(data, s, n) for n in extractors)]


def speed_ratio(data: dict[str, Any], name: str, peer: str, clock: str = WALL) -> float | None:
    """`name`'s pages/s over `peer`'s, on the sets both ran on (the same pages)."""
    both = common_sets(data, name, peer)
    ours, theirs = overall_speed(data, name, both, clock), overall_speed(data, peer, both, clock)
    return ours / theirs if both and ours and theirs else None


def _num(x: float | None, fmt: str = ".0f") -> str:
    return NA if x is None else format(x, fmt)


def speed_table(data: dict[str, Any], peer: str = "trafilatura") -> str:
    """Wall pages/s per set and over all the sets an extractor ran on, the same in CPU time, and × peer
    (on the sets both ran on) by both clocks."""
    sets = ordered(data)
    lines = [
        "| extractor | "
        + " | ".join(f"{s} pages/s" for s in sets)
        + f" | all its sets | CPU pages/s | × {peer} | × {peer} (CPU) |",
        "|---|" + "---:|" * (len(sets) + 4),
    ]
    for name in names(data):
        cells = [f"{r['pages_per_s']:.0f}" if (r := row(data, s, name)) else NA for s in sets]
        cells += [
            _num(overall_speed(data, name)),
            _num(overall_speed(data, name, clock=CPU)),
            _num(speed_ratio(data, name, peer), ".2f"),
            _num(speed_ratio(data, name, peer, CPU), ".2f"),
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def run_block(data: dict[str, Any]) -> str:
    """Pages and passes per set, where the sets were read, missing sets, the machine and the packages."""
    info = data["machine"]
    sets = [
        f"{s} {d['pages']} pages ({d['article_pages']} timed, {d['passes']} timed pass(es))"
        for s, d in ((s, data["sets"][s]) for s in ordered(data))
    ]
    errors = {
        f"{r['name']} on {s}": len(r["errors"])
        for s in ordered(data)
        for r in data["sets"][s]["results"]
        if r.get("errors")
    }
    lines = [f"Sets read from `{data['root']}`: " + ("; ".join(sets) or "none") + ".", ""]
    lines += [f"**Missing**: {msg}" for msg in data.get("missing", {}).values()]
    if errors:
        listed = ", ".join(f"{k} {v}" for k, v in errors.items())
        lines += ["", f"Pages that raised or could not be read (scored as empty): {listed}."]
    jobs = next((d.get("jobs", 1) for d in data["sets"].values()), 1)
    lines += [
        "",
        (
            f"One subprocess per extractor and set, {jobs} at a time; an untimed warm-up on the first pages, "
            f"then the timed passes; pages/s over the median pass, quality from the last pass"
            f"{'; first ' + str(data['limit']) + ' pages of each set only' if data.get('limit') else ''}."
        ),
        "",
        f"Measured {machine_line(info)}.",
        "",
        f"Packages: {packages_line(info.get('packages', {}))}.",
    ]
    return "\n".join(lines)


def blocks(data: dict[str, Any]) -> dict[str, str]:
    """Block name -> markdown for every `public-*` block (a note in each when no set was found)."""
    if not ordered(data):
        note = "Not measured: no public set was found (see the run details below)."
        return {**{name: note for name in TABLE_BLOCKS}, "public-run": run_block(data)}
    return {
        "public-bodies": bodies_table(data),
        "public-meta": meta_table(data),
        "public-dates": dates_table(data),
        "public-pagekind": page_kind_table(data),
        "public-catastrophic": catastrophic_table(data),
        "public-speed": speed_table(data),
        "public-run": run_block(data),
    }
