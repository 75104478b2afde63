"""Selector helpers over selectolax nodes: `css` or `css@attr`, first match or all matches."""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .normalize import normalize_line

Root = LexborHTMLParser | LexborNode


def _split(selector: str) -> tuple[str, str | None]:
    css, _, attr = selector.partition("@")
    return css.strip(), (attr.strip() or None)


def _value(node: LexborNode, attr: str | None) -> str:
    raw = node.attributes.get(attr) if attr else node.text(separator=" ", deep=True)
    return normalize_line(raw or "")


def select_all(root: Root, selectors: tuple[str, ...]) -> list[str]:
    """Values of every match of the first selector that matches anything."""
    for selector in selectors:
        css, attr = _split(selector)
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


def first_node(root: Root, selectors: tuple[str, ...]) -> LexborNode | None:
    for selector in selectors:
        node = root.css_first(_split(selector)[0])
        if node is not None:
            return node
    return None
