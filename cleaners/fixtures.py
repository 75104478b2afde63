"""Saved-page fixtures: `fixtures/<outlet>/<name>.html[.gz]`, `<name>.json`, `meta.json`."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .article import FIELDS, Article
from .pipeline import clean_html

PAGE_SUFFIXES = (".html.gz", ".html", ".htm")
CHECKOUT = Path(__file__).resolve().parent.parent  # the repository, when running from a checkout
CHECKOUT_MARKER = "pyproject.toml"  # a checkout has it next to fixtures/; an installed wheel has neither


def checkout_fixtures() -> Path | None:
    """The `fixtures/` folder of the kaznews checkout this code runs from; None when installed."""
    folder = CHECKOUT / "fixtures"
    return folder if folder.is_dir() and (CHECKOUT / CHECKOUT_MARKER).is_file() else None


@dataclass(frozen=True)
class Fixture:
    outlet: str
    name: str
    page: Path
    expected_path: Path
    meta: dict[str, Any]

    @property
    def url(self) -> str | None:
        return self.meta.get("url")

    @property
    def reviewed(self) -> bool:
        return bool(self.meta.get("reviewed", True))

    def read_page(self) -> bytes:
        data = self.page.read_bytes()
        return gzip.decompress(data) if self.page.name.endswith(".gz") else data

    def expected(self) -> dict[str, Any]:
        return json.loads(self.expected_path.read_text(encoding="utf-8"))

    def clean(self) -> Article:
        return clean_html(
            self.read_page(), self.url, fetched_at=self.meta.get("fetched_at") or self.meta.get("captured_at")
        )


def page_name(path: Path) -> str | None:
    for suffix in PAGE_SUFFIXES:
        if path.name.endswith(suffix):
            return path.name[: -len(suffix)]
    return None


def load_meta(outlet_dir: Path) -> dict[str, dict[str, Any]]:
    meta_path = outlet_dir / "meta.json"
    return json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}


def iter_fixtures(root: Path, outlet: str | None = None) -> list[Fixture]:
    """Every article fixture with expected JSON, sorted by outlet and name."""
    out: list[Fixture] = []
    for outlet_dir in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")):
        if outlet and outlet_dir.name != outlet:
            continue
        meta = load_meta(outlet_dir)
        for page in sorted(outlet_dir.iterdir()):
            name = page_name(page)
            if name is None:
                continue
            out.append(Fixture(outlet_dir.name, name, page, outlet_dir / f"{name}.json", meta.get(name, {})))
    return out


def field_diffs(expected: dict[str, Any], actual: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Fields whose values differ: {field: (expected, actual)} over the expected keys."""
    return {k: (expected[k], actual.get(k)) for k in FIELDS if k in expected and expected[k] != actual.get(k)}
