"""Score extractor outputs on the Kazakh fixtures: body P/R/F1 per outlet, title/date exactness, boilerplate."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from cleaners.normalize import normalize_line

from .boilerplate import PageJunk, boilerplate_lines
from .metric import Counts, aggregate, match


@dataclass(frozen=True)
class Reference:
    """One article fixture: where it is from, what it should give, and its boilerplate."""

    key: str  # "<outlet>/<name>"
    outlet: str
    body: str
    title: str | None
    date: str | None
    junk: PageJunk = PageJunk()


def f1_of(c: Counts) -> float:
    p, r = c.precision, c.recall
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def title_ok(want: str | None, got: str | None) -> bool:
    """Exact after Unicode/whitespace normalisation (`normalize_line`)."""
    return normalize_line(want or "") == normalize_line(got or "")


def date_ok(want: str | None, got: str | None, precision: str) -> bool:
    """`time`: the ISO strings are equal; `day`: the calendar days (first 10 characters) are equal."""
    if precision == "day":
        return (want or "")[:10] == (got or "")[:10]
    return (want or None) == (got or None)


def score_fixture(ref: Reference, out: dict[str, Any], fields: Iterable[str], precision: str) -> dict[str, Any]:
    """Per-fixture scores; title/date are None when the extractor does not yield them."""
    fields = set(fields)
    c = match(ref.body, out.get("body", ""))
    boiler = boilerplate_lines(out.get("body", ""), ref.junk)
    return {
        "counts": c,
        "p": c.precision,
        "r": c.recall,
        "f1": f1_of(c),
        "title": title_ok(ref.title, out.get("title")) if "title" in fields else None,
        "date": date_ok(ref.date, out.get("date"), precision) if "date" in fields else None,
        "date_day": date_ok(ref.date, out.get("date"), "day") if "date" in fields else None,
        "boilerplate": [f"{reason}: {line[:160]}" for reason, line in boiler],
    }


def _share(values: list[bool | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def summarise(items: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """Aggregate per-fixture scores (key, scores): AEB macro P/R/F1, min F1, exactness, boilerplate."""
    s = aggregate(d["counts"] for _, d in items)
    worst = min(items, key=lambda kv: kv[1]["f1"])
    return {
        "n": len(items),
        "precision": s.precision,
        "recall": s.recall,
        "f1": s.f1,
        "mean_fixture_f1": sum(d["f1"] for _, d in items) / len(items),
        "min_f1": worst[1]["f1"],
        "min_fixture": worst[0],
        "title": _share([d["title"] for _, d in items]),
        "date": _share([d["date"] for _, d in items]),
        "date_day": _share([d["date_day"] for _, d in items]),
        "boilerplate_lines": sum(len(d["boilerplate"]) for _, d in items),
        "boilerplate_pages": sum(1 for _, d in items if d["boilerplate"]),
    }


def score_extractor(
    refs: list[Reference], outputs: dict[str, dict[str, Any]], fields: Iterable[str], precision: str
) -> dict[str, Any]:
    """Overall, per-outlet and per-fixture scores of one extractor (outputs: key -> body/title/date)."""
    fields = tuple(fields)
    per: list[tuple[str, dict[str, Any]]] = [
        (r.key, score_fixture(r, outputs.get(r.key, {}), fields, precision)) for r in refs
    ]
    outlets: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for ref, item in zip(refs, per):
        outlets.setdefault(ref.outlet, []).append(item)
    fixtures = {k: {x: v for x, v in d.items() if x != "counts"} for k, d in per}
    return {
        "overall": summarise(per),
        "outlets": {o: summarise(v) for o, v in sorted(outlets.items())},
        "fixtures": fixtures,
    }
