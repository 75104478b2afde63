"""CSS selectors that name one DOM node: stable classes and ids first, positions never."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from cleaners.select import ParsedPage

_NAME = re.compile(r"[A-Za-z_][\w-]{0,60}")
_NUMBERED = re.compile(r"\d{3}")  # `post-551820`, `id4711`: differs from page to page
_STATE = frozenset(
    {
        "active",
        "selected",
        "open",
        "hidden",
        "show",
        "visible",
        "clearfix",
        "row",
        "container",
        "col",
        "current",
        "first",
        "last",
        "odd",
        "even",
    }
)
SEMANTIC = frozenset({"h1", "article", "main", "time"})  # tags that may stand alone
ANCESTOR_LEVELS = 3
EXCERPT = 50


def stable(name: str) -> bool:
    """A class or id that names a role, not a page (no long numbers) or a state (`active`)."""
    return bool(_NAME.fullmatch(name)) and not _NUMBERED.search(name) and name.lower() not in _STATE


def classes(node: LexborNode) -> list[str]:
    return [c for c in (node.attributes.get("class") or "").split() if stable(c)]


def own_selectors(node: LexborNode) -> list[str]:
    """`tag#id` and `tag.class` for the node's stable id and classes."""
    tag = node.tag or ""
    ident = node.attributes.get("id") or ""
    out = [f"{tag}#{ident}"] if stable(ident) else []
    return out + [f"{tag}.{c}" for c in classes(node)]


def node_selectors(node: LexborNode) -> list[str]:
    """Candidate selectors for the node, most stable first: its own id/classes, then a stable ancestor
    with the tag (`div.article-head > h1`, `div.meta time`), then a semantic tag alone (`h1`)."""
    out = own_selectors(node)
    tag = node.tag or ""
    parent, level = node.parent, 1
    while parent is not None and parent.tag not in (None, "body", "html") and level <= ANCESTOR_LEVELS:
        joiner = " > " if level == 1 else " "
        above = own_selectors(parent)[:2]
        out += [f"{sel}{joiner}{tag}" for sel in above]
        out += [f"{sel}{joiner}{own}" for sel in above for own in own_selectors(node)[:2]]
        parent, level = parent.parent, level + 1
    previous = node.prev
    while previous is not None and (not previous.tag or previous.tag.startswith("-")):
        previous = previous.prev
    if previous is not None:
        out += [f"{sel} + {tag}" for sel in own_selectors(previous)[:1]]
    if tag in SEMANTIC:
        out.append(tag)
    return list(dict.fromkeys(out))


def css_of(selector: str) -> str:
    return selector.partition("@")[0].strip()


def count(page: ParsedPage, selector: str) -> int:
    """How many nodes the selector matches (0 for a selector Lexbor rejects)."""
    try:
        return len(page.css(css_of(selector)))
    except ValueError:
        return 0


def describe(node: LexborNode | None) -> str:
    """`div.content_main_text "Первые слова…"`: what a selector found."""
    if node is None:
        return "(nothing)"
    names = own_selectors(node)
    text = " ".join(node.text(deep=True, separator=" ").split())
    cut = text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"
    return f"{names[0] if names else node.tag} {cut!r}"


def elements(page: ParsedPage) -> list[LexborNode]:
    """Every element under <body>, in document order."""
    root = page.tree.body or page.tree.root
    return [n for n in root.traverse(include_text=False) if n.tag and not n.tag.startswith("-")] if root else []
