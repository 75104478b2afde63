"""Read schema.org JSON-LD blocks: the article object and the breadcrumb trail."""
from __future__ import annotations

import json
import re
from typing import Any, Iterator

from .select import Root

ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
                           "OpinionNewsArticle", "Report", "LiveBlogPosting", "ScholarlyArticle"})
_CONTROL = re.compile(r"[\x00-\x1f]")
MAX_JSONLD_CHARS = 2_000_000


def _objects(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 8:
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
        except ValueError:
            continue
        out.extend(_objects(data))
    return out


def article_object(objects: list[dict[str, Any]]) -> dict[str, Any]:
    return next((o for o in objects if _types(o) & ARTICLE_TYPES), {})


def breadcrumb_names(objects: list[dict[str, Any]]) -> list[str]:
    for obj in objects:
        if "BreadcrumbList" in _types(obj):
            items = obj.get("itemListElement") or []
            items = sorted((i for i in items if isinstance(i, dict)), key=lambda i: int(i.get("position") or 0))
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
