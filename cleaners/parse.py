"""HTML text to a selectolax (Lexbor) tree, with pathological nesting flattened."""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .errors import ExtractionError

_FLATTENABLE = {"div", "span", "section", "font", "b", "i", "em", "strong", "center", "table", "tbody", "tr", "td", "ul", "li", "blockquote"}


def parse_html(text: str | bytes) -> LexborHTMLParser:
    """Parse text, or bytes that are valid UTF-8."""
    try:
        return LexborHTMLParser(text)
    except Exception as exc:  # selectolax raises plain errors on internal failure
        raise ExtractionError(f"parse: {exc}") from exc


def _deeper_than(root: LexborNode, max_depth: int) -> bool:
    """True when some node under root (depth 1) is deeper than max_depth: one pass per tree level."""
    level = [root]
    depth = 1
    while level:
        if depth > max_depth:
            return True
        level = [child for node in level for child in node.iter()]
        depth += 1
    return False


def flatten_deep(tree: LexborHTMLParser, max_depth: int) -> int:
    """Unwrap container elements nested deeper than max_depth; returns how many were unwrapped."""
    if tree.root is None or not _deeper_than(tree.root, max_depth):
        return 0
    depth: dict[int, int] = {}
    deep: list[LexborNode] = []
    for node in tree.root.traverse():
        parent = node.parent
        d = depth.get(parent.mem_id, 0) + 1 if parent is not None else 0
        depth[node.mem_id] = d
        if d > max_depth and node.tag in _FLATTENABLE:
            deep.append(node)
    for node in reversed(deep):
        node.unwrap()
    return len(deep)


def node_text(node: LexborNode) -> str:
    """Visible text of a node with block boundaries kept as line breaks."""
    return node.text(separator="\n", strip=False, deep=True)
