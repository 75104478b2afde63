"""Read schema.org JSON-LD blocks: the article object and the breadcrumb trail."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from .select import Root

ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "Article",
        "BlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "Report",
        "LiveBlogPosting",
        "ScholarlyArticle",
    }
)
_CONTROL = re.compile(r"[\x00-\x1f]")
MAX_JSONLD_CHARS = 2_000_000
MAX_JSONLD_DEPTH = 64  # values nested deeper are dropped
MAX_OBJECT_DEPTH = 8  # how deep an article object is looked for (@graph, mainEntity, lists of them)
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")  # `\ud83d`: json.loads keeps a lone one as is


def _objects(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > MAX_OBJECT_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            yield from _objects(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        if "@graph" in value:
            yield from _objects(value["@graph"], depth + 1)


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    return {str(x) for x in t} if isinstance(t, list) else {str(t)}


def types(obj: dict[str, Any]) -> set[str]:
    """The object's @type values."""
    return _types(obj)


def jsonld_objects(tree: Root) -> list[dict[str, Any]]:
    """Every JSON object in the page's ld+json scripts; broken blocks are skipped."""
    out: list[dict[str, Any]] = []
    for node in tree.css('script[type="application/ld+json"]'):
        raw = node.text(deep=True) or ""
        if len(raw) > MAX_JSONLD_CHARS:
            continue
        try:
            data = json.loads(_CONTROL.sub(" ", raw))
        except (ValueError, RecursionError):  # broken, or nested deeper than the parser goes
            continue
        if _ESCAPED_SURROGATE.search(raw):
            data = _scrub(data)
        out.extend(_objects(data))
    return out


def _scrub(value: Any, depth: int = 0) -> Any:
    """value with every lone surrogate replaced by U+FFFD (no record can hold one) and nothing deeper than
    MAX_JSONLD_DEPTH."""
    if depth > MAX_JSONLD_DEPTH:
        return None
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    if isinstance(value, list):
        return [_scrub(item, depth + 1) for item in value]
    if isinstance(value, dict):
        return {_scrub(k, depth + 1): _scrub(v, depth + 1) for k, v in value.items()}
    return value


def _position(item: dict[str, Any]) -> int:
    """A breadcrumb item's position; TypeError or ValueError when it is not a number."""
    position = item.get("position") or 0
    if isinstance(position, bool) or not isinstance(position, (int, float, str)):
        raise TypeError(f"position {position!r}")
    try:
        return int(position)
    except OverflowError as exc:
        raise ValueError(f"position {position!r}") from exc


def article_object(objects: list[dict[str, Any]]) -> dict[str, Any]:
    return next((o for o in objects if _types(o) & ARTICLE_TYPES), {})


def breadcrumb_names(objects: list[dict[str, Any]]) -> list[str]:
    for obj in objects:
        if "BreadcrumbList" in _types(obj):
            items = obj.get("itemListElement") or []
            try:
                items = sorted((i for i in items if isinstance(i, dict)), key=_position)
            except (TypeError, ValueError):  # a broken trail: skip this block
                continue
            names = []
            for item in items:
                inner = item.get("item")
                name = item.get("name") or (inner.get("name") if isinstance(inner, dict) else None)
                if name:
                    names.append(str(name).strip())
            return names
    return []


def names(value: Any) -> list[str]:
    """Names from a JSON-LD author/keywords value: str, {name}, or lists of those."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, dict):
        return names(value.get("name"))
    if isinstance(value, list):
        return [n for item in value for n in names(item)]
    return []


def is_person(value: Any) -> bool:
    return not (isinstance(value, dict) and "Organization" in _types(value))
