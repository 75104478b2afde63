"""Plot body F1 against pages/s (log x) for every extractor, one panel per page set: `python -m bench.plot`.

Panels: the public sets with bodies (AEB, wcxb-dev, naeb; from bench/results/public.json) and the
Kazakh fixtures (bench/results/fixtures.json).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .set_tables import ordered
from .targets import FIXTURES_JSON, PUBLIC_JSON, load

PNG = Path(__file__).resolve().parent.parent / "docs" / "img" / "bench-f1-vs-speed.png"
PANELS_PER_ROW = 2
GAP_SLACK = 1e-9  # `other - gap` can round to slightly less than `gap` away: without slack that loops forever


def points(data: dict[str, Any] | None) -> list[tuple[str, float, float]]:
    """(name, pages/s, F1) of every extractor that ran with a body; fixtures rows keep F1 under
    `overall`, public-set rows under `body`."""
    out: list[tuple[str, float, float]] = []
    for r in (data or {}).get("results", []):
        if "failed" in r or ("overall" not in r and not r.get("body")):
            continue
        f1 = r["overall"]["f1"] if "overall" in r else r["body"]["f1"]
        out.append((r["name"], float(r["pages_per_s"]), float(f1)))
    return out


def public_panels(public: dict[str, Any] | None) -> list[tuple[str, dict[str, Any] | None]]:
    """One (label, data) panel per public set with bodies, each carrying the run's machine."""
    if not public:
        return [("public sets", None)]
    return [
        (
            f"{s}, {public['sets'][s]['article_pages']} pages",
            {"machine": public["machine"], "results": public["sets"][s]["results"]},
        )
        for s in ordered(public)
        if any(r.get("body") for r in public["sets"][s]["results"])
    ]


def label_heights(ys: list[float], xs: list[float] | None = None, gap: float = 0.055) -> list[float]:
    """Label heights (axes fraction) near each point's, pushed down so that labels less than a
    decade apart on the log-x axis (`xs` in pages/s) are at least `gap` apart."""
    xs = xs or [1.0] * len(ys)
    order = sorted(range(len(ys)), key=lambda i: -ys[i])
    out: dict[int, float] = {}
    for i in order:
        y = ys[i]
        near = [out[j] for j in out if max(xs[i], xs[j]) / min(xs[i], xs[j]) < 10]
        while any(abs(y - other) < gap - GAP_SLACK for other in near):
            y = min(other for other in near if abs(y - other) < gap - GAP_SLACK) - gap
        out[i] = y
    return [out[i] for i in range(len(ys))]


def _title(label: str, data: dict[str, Any] | None) -> str:
    if not data:
        return f"{label}: not run"
    m = data["machine"]
    return f"{label} ({m.get('date', '?')}, {m.get('cpus_usable', '?')} CPUs {m.get('cpu_model', '')})"


def plot(panels: list[tuple[str, dict[str, Any] | None]], out: Path = PNG) -> Path:
    """Write a PNG with one log-x scatter panel per (label, results JSON); each point is labelled."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cols = min(len(panels), PANELS_PER_ROW)
    rows = -(-len(panels) // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(6.5 * cols, 5.0 * rows), squeeze=False)
    for ax in axes.flat[len(panels) :]:
        ax.set_visible(False)
    for ax, (label, data) in zip(axes.flat, panels):
        pts = points(data)
        ax.set_xscale("log")
        if pts:
            lo, hi = min(p[1] for p in pts), max(p[1] for p in pts)
            ax.set_xlim(lo / 1.6, hi * 6)
            ax.set_ylim(min(p[2] for p in pts) - 0.04, 1.02)
        ylo, yhi = ax.get_ylim()
        for (name, pps, f1), y in zip(
            pts, label_heights([(f1 - ylo) / (yhi - ylo) for _, _, f1 in pts], [p[1] for p in pts])
        ):
            color = "tab:red" if name.startswith("kaznews") else "tab:blue"
            ax.scatter([pps], [f1], color=color, s=30, zorder=3)
            ax.annotate(
                f"{name} ({f1:.3f})",
                (pps, f1),
                xytext=(pps * 1.35, ylo + y * (yhi - ylo)),
                fontsize=8,
                va="center",
                color=color,
                arrowprops={"arrowstyle": "-", "color": "0.6", "lw": 0.6},
            )
        ax.set_xlabel("pages/s (log scale, median pass, one process)")
        ax.set_ylabel("body F1 (AEB metric)")
        ax.set_title(_title(label, data), fontsize=9)
        ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.plot", description=__doc__.splitlines()[0])
    ap.add_argument("--public", type=Path, default=PUBLIC_JSON)
    ap.add_argument("--fixtures", type=Path, default=FIXTURES_JSON)
    ap.add_argument("--output", type=Path, default=PNG)
    args = ap.parse_args(argv)
    path = plot([*public_panels(load(args.public)), ("Kazakh fixtures", load(args.fixtures))], args.output)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
