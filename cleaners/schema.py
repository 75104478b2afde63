"""The JSON Schema of an `Article`'s JSON form, shipped inside the package (cleaners/article.schema.json)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

SCHEMA_FILE = "article.schema.json"


def article_schema() -> dict[str, Any]:
    """The article JSON Schema (2020-12), read from the installed package (also from a Scrapyd egg)."""
    return json.loads(resources.files("cleaners").joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))
