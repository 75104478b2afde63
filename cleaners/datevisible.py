"""Date texts a reader sees next to the headline: the short lines right after (then before) the title's <h1>."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from .normalize import normalize_line
from .select import ParsedPage

AFTER_CHARS = 600  # text read after the headline (byline, date line, lead)
BEFORE_CHARS = 240  # text read before it (a kicker or date line above the title)
LONG_CHUNK = 300  # a block this long is body text: only its start can hold a dateline
DATELINE_CHARS = 120
MIN_TITLE_MATCH = 12  # a shorter <h1> (a logo, a section name) must equal the title exactly
MAX_BLOCKS = 40  # elements looked at on each side, however short they are
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "-comment", "nav", "form", "select", "button"})
_STOP = frozenset({"body", "html"})


def _title_node(page: ParsedPage, title: str | None) -> LexborNode | None:
    """The <h1> that holds the title, else the first <h1> in <article>/<main>, else the first one."""
    heads = page.css("h1")
    if not heads:
        return None
    key = (title or "").casefold()
    if key:
        for head in heads:
            text = normalize_line(head.text(deep=True, separator=" ")).casefold()
            if text == key or (len(text) >= MIN_TITLE_MATCH and (text in key or key in text)):
                return head
    inside = page.tree.css_first("article h1, main h1")
    return inside or heads[0]


def _text(node: LexborNode) -> str:
    """The node's text, read only up to just past LONG_CHUNK characters (a body container is not read whole)."""
    if node.tag in _SKIP:
        return ""
    if node.tag == "-text":
        return normalize_line(node.text_content or "")
    parts: list[str] = []
    size = 0
    for inner in node.traverse(include_text=True):
        if inner.tag == "-text" and (inner.parent is None or inner.parent.tag not in _SKIP):
            text = inner.text_content or ""
            parts.append(text)
            size += len(text)
            if size > 2 * LONG_CHUNK:
                break
    return normalize_line(" ".join(parts))


def _walk(start: LexborNode, forward: bool, budget: int) -> list[str]:
    """Texts of the blocks that follow (or precede) start in document order, nearest first."""
    out: list[str] = []
    node: LexborNode | None = start
    seen = 0
    while node is not None and node.tag not in _STOP and budget > 0 and seen < MAX_BLOCKS:
        sibling = node.next if forward else node.prev
        while sibling is not None and budget > 0 and seen < MAX_BLOCKS:
            seen += 1
            text = _text(sibling)
            if len(text) > LONG_CHUNK:
                out.append(text[:DATELINE_CHARS] if forward else text[-DATELINE_CHARS:])
                return out
            if text:
                out.append(text)
                budget -= len(text)
            sibling = sibling.next if forward else sibling.prev
        node = node.parent
    return out


def near_title(page: ParsedPage, title: str | None) -> list[str]:
    """Short texts around the headline, nearest first: after it, then before it."""
    head = _title_node(page, title)
    if head is None:
        return []
    return _walk(head, True, AFTER_CHARS) + _walk(head, False, BEFORE_CHARS)
