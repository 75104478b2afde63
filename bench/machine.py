"""The machine a benchmark ran on: CPUs, CPU model, Python, platform, package versions, date."""

from __future__ import annotations

import os
import platform
from collections.abc import Iterable
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def versions(packages: Iterable[str]) -> dict[str, str]:
    """Installed version of each distribution ("not installed" when missing)."""
    out: dict[str, str] = {}
    for name in packages:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = _source_version() if name == "kaznews" else "not installed"
    return out


def _source_version() -> str:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8")).get("project", {})
    return f"{project.get('version', '?')} (source tree)"


def cpu_model() -> str:
    """The `model name` of /proc/cpuinfo, else `platform.processor()`."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine() -> dict[str, Any]:
    """CPU counts and model, Python, platform, UTC date and time."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        load = "n/a"
    now = datetime.now(UTC)
    return {
        "cpus_usable": usable,
        "cpu_count": os.cpu_count(),
        "cpu_model": cpu_model(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": now.strftime("%Y-%m-%d"),
        "time": now.strftime("%H:%M UTC"),
        "loadavg": load,
    }


def machine_line(info: dict[str, Any]) -> str:
    """One markdown line naming the machine and date of a run."""
    return (
        f"{info.get('date', '?')} {info.get('time', '')}".rstrip()
        + f", {info.get('cpus_usable', '?')} usable CPUs ({info.get('cpu_model', '?')}), "
        f"Python {info.get('python', '?')}, load average at start {info.get('loadavg', 'n/a')}"
    )


def packages_line(packages: dict[str, str]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(packages.items()))


def machine_block(runs: dict[str, dict[str, Any]]) -> str:
    """Markdown for the `machine` block: one row per benchmark run (name -> its results JSON)."""
    lines = [
        "| run | date | usable CPUs | CPU model | Python | platform | load avg at start |",
        "|---|---|---:|---|---|---|---|",
    ]
    packages: dict[str, str] = {}
    for name, data in runs.items():
        m = data.get("machine", {})
        packages.update(m.get("packages", {}))
        lines.append(
            f"| {name} | {m.get('date', '?')} {m.get('time', '')} | {m.get('cpus_usable', '?')} | "
            f"{m.get('cpu_model', '?')} | {m.get('python', '?')} | {m.get('platform', '?')} | "
            f"{m.get('loadavg', 'n/a')} |"
        )
    lines += ["", f"Packages: {packages_line(packages)}."]
    return "\n".join(lines)
