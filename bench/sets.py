"""The public benchmark sets with independent gold, read from `../shared/benchmarks/` (never vendored).

Where the sets are: `--data DIR`, else the environment variable `KAZNEWS_BENCHMARKS`, else
`../shared/benchmarks` beside the repository. A set that is not there is skipped with a message
naming the path looked at (`missing_message`); nothing crashes.

Each set becomes a list of `Gold` pages (one per gold record, same order) read into memory:
AEB (`ground-truth.json`, body only), wcxb-dev (`gold.jsonl`: page_type, title, author, day, body),
naeb (`gold.jsonl`: title, authors, day, body), htmldate-default (`gold.jsonl`: day only).
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from .runner import ROOT

ENV = "KAZNEWS_BENCHMARKS"
DEFAULT_ROOT = ROOT.parent / "shared" / "benchmarks"
SETS = ("aeb", "wcxb-dev", "naeb", "htmldate-default")


@dataclass(frozen=True)
class Gold:
    """One page of a set and its gold; None means the set gives no gold for that field."""

    key: str  # the file name in html/ (a repeated file gets `#2`, `#3`...)
    url: str | None
    body: str | None = None
    title: str | None = None
    authors: tuple[str, ...] | None = None
    day: str | None = None  # YYYY-MM-DD; None when the set has no day or the page none
    page_type: str | None = None  # wcxb-dev: article | listing | collection


@dataclass(frozen=True)
class BenchSet:
    name: str
    path: Path
    pages: list[Gold]
    has_day: bool = False  # the set gives publication days (pages with a null day are excluded)

    def file(self, gold: Gold) -> Path:
        return self.path / "html" / gold.key.split("#", 1)[0]


def data_root(override: str | Path | None = None) -> Path:
    """Where the sets are looked for: the override, else $KAZNEWS_BENCHMARKS, else ../shared/benchmarks."""
    chosen = override or os.environ.get(ENV)
    return Path(chosen).expanduser().resolve() if chosen else DEFAULT_ROOT


def gold_file(name: str, root: Path) -> Path:
    return root / name / ("ground-truth.json" if name == "aeb" else "gold.jsonl")


def missing_message(name: str, root: Path) -> str:
    """What the bench prints when a set is absent: the path it looked at and how to point it elsewhere."""
    return (
        f"bench: set {name} not found: looked for {gold_file(name, root)} "
        f"(sets are read from --data DIR, else ${ENV}, else {DEFAULT_ROOT}); skipped"
    )


def _unique_keys(files: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out: list[str] = []
    for f in files:
        seen[f] = seen.get(f, 0) + 1
        out.append(f if seen[f] == 1 else f"{f}#{seen[f]}")
    return out


def _jsonl(path: Path) -> list[dict[str, Any]]:
    """One JSON object a line (split on "\n" only: the texts hold U+2028 and other line separators)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def _aeb(path: Path) -> list[Gold]:
    truth = json.loads(gold_file("aeb", path.parent).read_text(encoding="utf-8"))
    return [Gold(f"{key}.html.gz", truth[key].get("url"), body=truth[key]["articleBody"]) for key in sorted(truth)]


def _wcxb(path: Path) -> list[Gold]:
    rows = _jsonl(gold_file("wcxb-dev", path.parent))
    return [
        Gold(
            key,
            r.get("url"),
            body=r.get("body"),
            title=r.get("title"),
            authors=(r["author"],) if r.get("author") else (),
            day=r.get("day"),
            page_type=r.get("page_type"),
        )
        for key, r in zip(_unique_keys([r["file"] for r in rows]), rows)
    ]


def _naeb(path: Path) -> list[Gold]:
    rows = _jsonl(gold_file("naeb", path.parent))
    return [
        Gold(
            key,
            r.get("url"),
            body=r.get("body"),
            title=r.get("title"),
            authors=tuple(r.get("authors") or ()),
            day=r.get("day"),
        )
        for key, r in zip(_unique_keys([r["file"] for r in rows]), rows)
    ]


def _htmldate(path: Path) -> list[Gold]:
    rows = _jsonl(gold_file("htmldate-default", path.parent))
    keys = _unique_keys([r["file"] for r in rows])
    return [Gold(key, r.get("url"), day=r.get("day")) for key, r in zip(keys, rows)]


_LOADERS: dict[str, tuple[Callable[[Path], list[Gold]], bool]] = {
    "aeb": (_aeb, False),
    "wcxb-dev": (_wcxb, True),
    "naeb": (_naeb, True),
    "htmldate-default": (_htmldate, True),
}


def load_set(name: str, root: Path, limit: int | None = None) -> BenchSet | None:
    """The set's gold (first `limit` pages), or None when its gold file is not under `root`."""
    if not gold_file(name, root).is_file():
        return None
    loader, has_day = _LOADERS[name]
    return BenchSet(name, root / name, loader(root / name)[:limit], has_day)


def decode(raw: bytes) -> str:
    """UTF-8, else the encoding charset_normalizer finds (a few htmldate-default pages are not UTF-8)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(raw).best()
        return str(best) if best is not None else raw.decode("utf-8", errors="replace")


def read_pages(bset: BenchSet) -> tuple[list[tuple[Gold, bytes, str]], list[str]]:
    """Every page decompressed and decoded up front, (gold, raw bytes, text); and the keys of unreadable files."""
    out: list[tuple[Gold, bytes, str]] = []
    unreadable: list[str] = []
    for gold in bset.pages:
        try:
            raw = gzip.decompress(bset.file(gold).read_bytes())
        except (OSError, EOFError):
            unreadable.append(gold.key)
            continue
        out.append((gold, raw, decode(raw)))
    return out, unreadable
