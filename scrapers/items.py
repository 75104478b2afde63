"""Items passed between the spiders and the pipelines."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Page:
    """One fetched article page, as a spider yields it: only what `clean_html` needs."""

    url: str  # the outlet's URL (with `base_url`, the URL the mirror stands for)
    fetched_url: str  # the URL actually fetched
    body: bytes = field(repr=False)
    headers: dict[str, str] = field(repr=False)
    fetched_at: str  # ISO 8601
    status: int = 200


@dataclass
class Record:
    """A cleaned article on its way to the output, with the page it came from."""

    article: dict[str, Any] = field(repr=False)
    url: str
    fetched_at: str
    fingerprint: str = ""
    update: bool = False
