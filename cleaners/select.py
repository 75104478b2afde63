"""Selector helpers over selectolax nodes: `css` or `css@attr`, first match or all matches."""

from __future__ import annotations

import re
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .normalize import normalize_line

# `meta[name="author"]`-style selectors, answered from one pass over the page's <meta> elements.
# Lexbor compares these three attributes' values case-sensitively, as a dict lookup does.
_META_QUERY = re.compile(r'meta\[(name|property|itemprop)="([\w:.-]+)"\]')
_META_ATTRS = ("name", "property", "itemprop")
# Queries every page makes, by the one tag each can match: run as one selector list (one pass).
_SHARED = {
    "link": 'link[rel="canonical"]',
    "script": 'script[type="application/ld+json"]',
    "time": "time[datetime]",
    "meta": "meta",
}
_SHARED_QUERY = ", ".join(_SHARED.values())
_SHARED_QUERIES = frozenset(_SHARED.values())
# `article time[datetime]`: the shared <time> matches that have an <article> ancestor.
_ARTICLE_TIME = "article time[datetime]"


class ParsedPage:
    """A parsed page whose selector results are computed once; only valid until the tree changes."""

    __slots__ = ("_found", "_metas", "tree")

    def __init__(self, tree: LexborHTMLParser) -> None:
        self.tree = tree
        self._found: dict[str, list[LexborNode]] = {}
        self._metas: dict[tuple[str, str], list[LexborNode]] | None = None

    def css(self, query: str) -> list[LexborNode]:
        """All matches of query, in document order (do not modify the list)."""
        found = self._found.get(query)
        if found is None:
            meta = _meta_key(query)
            if meta:
                found = self._meta(*meta)
            elif query in _SHARED_QUERIES:
                self._fetch_shared()
                return self._found[query]
            elif query == _ARTICLE_TIME:
                found = [node for node in self.css(_SHARED["time"]) if _has_ancestor(node, "article")]
            else:
                found = self.tree.css(query)
            self._found[query] = found
        return found

    def _fetch_shared(self) -> None:
        found: dict[str, list[LexborNode]] = {tag: [] for tag in _SHARED}
        for node in self.tree.css(_SHARED_QUERY):
            found[node.tag].append(node)  # type: ignore[index]
        self._found.update((_SHARED[tag], nodes) for tag, nodes in found.items())

    def css_first(self, query: str) -> LexborNode | None:
        """The first match of query, or None."""
        found = self._found.get(query)
        if found is None:
            if _meta_key(query) is None:
                return self.tree.css_first(query)
            found = self.css(query)
        return found[0] if found else None

    def _meta(self, attr: str, value: str) -> list[LexborNode]:
        if self._metas is None:
            index: dict[tuple[str, str], list[LexborNode]] = {}
            for node in self.css("meta"):
                attrs = node.attributes
                for name in _META_ATTRS:
                    key = attrs.get(name)
                    if key:
                        index.setdefault((name, key), []).append(node)
            self._metas = index
        return self._metas.get((attr, value), [])


Root = LexborHTMLParser | LexborNode | ParsedPage


def _has_ancestor(node: LexborNode, tag: str) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == tag:
            return True
        parent = parent.parent
    return False


@lru_cache(maxsize=4096)
def _meta_key(query: str) -> tuple[str, str] | None:
    """("name", "author") for `meta[name="author"]`, None for other queries."""
    meta = _META_QUERY.fullmatch(query)
    return (meta[1], meta[2]) if meta else None


@lru_cache(maxsize=4096)
def split_selector(selector: str) -> tuple[str, str | None]:
    """A profile selector `css@attr` as (css, attr), both stripped; attr is None without `@`."""
    css, _, attr = selector.partition("@")
    return css.strip(), (attr.strip() or None)


def _value(node: LexborNode, attr: str | None) -> str:
    raw = node.attributes.get(attr) if attr else node.text(separator=" ", deep=True)
    return normalize_line(raw or "")


def select_all(root: Root, selectors: tuple[str, ...]) -> list[str]:
    """Values of every match of the first selector that matches anything."""
    for selector in selectors:
        css, attr = split_selector(selector)
        try:
            values = [v for v in (_value(n, attr) for n in root.css(css)) if v]
        except ValueError:  # an invalid selector in a profile is a bug; report clearly
            raise ValueError(f"invalid CSS selector in profile: {selector!r}") from None
        if values:
            return values
    return []


def select_first(root: Root, selectors: tuple[str, ...]) -> str | None:
    values = select_all(root, selectors)
    return values[0] if values else None


def first_value(root: Root, selector: str) -> str | None:
    """`select_first(root, (selector,))` without reading the values after the first non-empty one."""
    css, attr = split_selector(selector)
    try:
        for node in root.css(css):
            value = _value(node, attr)
            if value:
                return value
    except ValueError:
        raise ValueError(f"invalid CSS selector in profile: {selector!r}") from None
    return None


def first_node(root: Root, selectors: tuple[str, ...]) -> LexborNode | None:
    for selector in selectors:
        node = root.css_first(split_selector(selector)[0])
        if node is not None:
            return node
    return None
