"""The issue-10 targets on the public sets (rows of the targets table), from bench/results/public.json."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .set_tables import CPU, common_sets, overall_speed, row, speed_ratio

Check = tuple[str, str, bool | None]  # figure text, run, met?
RUN = "public sets"
GENERIC, PEER, DATES_PEER = "kaznews-generic", "trafilatura", "htmldate"
BODY_MARGIN = 0.02  # body F1 over trafilatura's
AEB_F1 = 0.97
DAY_MARGIN = 0.02  # day accuracy over htmldate's
FLAGGED_MIN = 0.80  # share of listing + collection pages flagged
LOST_MAX = 0.01  # share of article pages lost as listings
SPEED_RATIO = 1.5  # generic pages/s over trafilatura's


def _need(data: dict[str, Any] | None, set_name: str, name: str) -> dict[str, Any]:
    """The row of `name` on `set_name`; KeyError (shown as "not measured") when it did not run."""
    found = row(data or {"sets": {}}, set_name, name)
    if found is None:
        raise KeyError(f"{name} on {set_name}")
    return found


def _f1(data: dict[str, Any] | None, set_name: str, name: str) -> float:
    return float(_need(data, set_name, name)["body"]["f1"])


def _day(data: dict[str, Any] | None, set_name: str, name: str) -> float:
    day = _need(data, set_name, name)["day"]
    return float(day["right"] / day["of"])


def _body_vs_peer(data: dict[str, Any] | None, set_name: str) -> Check:
    ours, peer = _f1(data, set_name, GENERIC), _f1(data, set_name, PEER)
    return f"{ours:.3f} vs {peer:.3f} ({ours - peer:+.3f})", RUN, ours >= peer + BODY_MARGIN


def _day_vs_peer(data: dict[str, Any] | None, set_name: str) -> Check:
    ours, peer = _day(data, set_name, GENERIC), _day(data, set_name, DATES_PEER)
    return f"{ours:.3f} vs {peer:.3f} ({ours - peer:+.3f})", RUN, ours >= peer + DAY_MARGIN


def _page_kind(data: dict[str, Any] | None, flagged: bool) -> Check:
    pk = _need(data, "wcxb-dev", GENERIC)["page_kind"]
    if flagged:
        share = pk["flagged"] / pk["listings"]
        return f"{share:.1%} ({pk['flagged']}/{pk['listings']})", RUN, share >= FLAGGED_MIN
    share = pk["lost"] / pk["articles"]
    return f"{share:.1%} ({pk['lost']}/{pk['articles']})", RUN, share <= LOST_MAX


def _catastrophic(data: dict[str, Any] | None) -> Check:
    sets = (data or {}).get("sets", {})
    per_set = {
        s: len(r["catastrophic"])
        for s in sets
        if (r := row(data or {}, s, GENERIC)) and r.get("catastrophic") is not None
    }
    if not per_set:
        raise KeyError("catastrophic")
    total = sum(per_set.values())
    return f"{total} ({', '.join(f'{s} {n}' for s, n in per_set.items())})", RUN, total == 0


def _speed(data: dict[str, Any] | None) -> Check:
    data = data or {"sets": {}}
    both = common_sets(data, GENERIC, PEER)
    ours, peer = overall_speed(data, GENERIC, both, CPU), overall_speed(data, PEER, both, CPU)
    wall = speed_ratio(data, GENERIC, PEER)
    if not both or ours is None or peer is None or wall is None:
        raise KeyError("speed")
    figure = (
        f"{ours:.0f} vs {peer:.0f} pages/s of CPU time ({ours / peer:.2f}x; wall clock {wall:.2f}x), {len(both)} sets"
    )
    return figure, RUN, ours / peer >= SPEED_RATIO


def public_checks(data: dict[str, Any] | None) -> list[tuple[str, Callable[[], Check]]]:
    """(target, check) of every issue-10 target; a check raises when its figures were not measured."""
    return [
        ("Generic body F1 >= trafilatura + 0.02 on wcxb-dev (article pages)", lambda: _body_vs_peer(data, "wcxb-dev")),
        ("Generic body F1 >= trafilatura + 0.02 on naeb", lambda: _body_vs_peer(data, "naeb")),
        (
            "Generic body F1 >= 0.97 on AEB",
            lambda: (
                f"{_f1(data, 'aeb', GENERIC):.3f} (trafilatura {_f1(data, 'aeb', PEER):.3f})",
                RUN,
                _f1(data, "aeb", GENERIC) >= AEB_F1,
            ),
        ),
        ("Generic day accuracy >= htmldate + 0.02 on htmldate-default", lambda: _day_vs_peer(data, "htmldate-default")),
        ("Generic day accuracy >= htmldate + 0.02 on naeb", lambda: _day_vs_peer(data, "naeb")),
        ("Generic day accuracy >= htmldate + 0.02 on wcxb-dev", lambda: _day_vs_peer(data, "wcxb-dev")),
        (">= 80% of wcxb-dev listing + collection pages flagged (generic)", lambda: _page_kind(data, True)),
        ("<= 1% of wcxb-dev article pages lost as listings (generic)", lambda: _page_kind(data, False)),
        ("0 catastrophic pages (generic F1 < 0.5 where trafilatura >= 0.9)", lambda: _catastrophic(data)),
        ("Generic speed >= 1.5x trafilatura (bare_extraction with metadata)", lambda: _speed(data)),
    ]
