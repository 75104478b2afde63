"""HTML text to a selectolax (Lexbor) tree, with pathological nesting flattened."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .errors import ExtractionError

# Lexbor compares each new attribute with the element's others: quadratic in one element's attribute
# count, so that count is bounded before parsing.
MAX_ATTRIBUTES = 256  # per element; real pages stay far below (the rest are dropped)
_TAG_NAME = r"<[A-Za-z][^\s/>]*+"
_ATTRIBUTE = r"""[\s/]++[^\s/>=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]++))?+"""
# A start tag with over MAX_ATTRIBUTES attributes: group 1 is it up to the last one kept. Possessive, so linear.
_CROWDED = rf"({_TAG_NAME}(?:{_ATTRIBUTE}){{{MAX_ATTRIBUTES}}})(?:{_ATTRIBUTE})++"
_CROWDED_TEXT = re.compile(_CROWDED)
_CROWDED_BYTES = re.compile(_CROWDED.encode())
# A `<` in an inline script (`i<arguments.length ...`) reads as a start tag, and its run of
# "attributes" stops at the script's end tag, whose `</script` it has consumed: that end is kept,
# or the rest of the head (metas, JSON-LD) would be read as script text.
_RAW_TEXT_ENDS = ("</script", "</style")


def _keep_raw_text_end(match: re.Match[str]) -> str:
    head, cut = match[1], match[0][len(match[1]) :]
    tail = next((cut[-len(end) :] for end in _RAW_TEXT_ENDS if cut[-len(end) :].lower() == end), "")
    return head + tail


def _keep_raw_text_end_bytes(match: re.Match[bytes]) -> bytes:
    head, cut = match[1], match[0][len(match[1]) :]
    ends = (end.encode() for end in _RAW_TEXT_ENDS)
    tail = next((cut[-len(end) :] for end in ends if cut[-len(end) :].lower() == end), b"")
    return head + tail


def bound_markup(markup: str | bytes) -> tuple[str | bytes, int]:
    """(markup with at most MAX_ATTRIBUTES attributes per start tag, how many tags were cut)."""
    if isinstance(markup, bytes):
        return _CROWDED_BYTES.subn(_keep_raw_text_end_bytes, markup)
    return _CROWDED_TEXT.subn(_keep_raw_text_end, markup)


_FLATTENABLE = {
    "div",
    "span",
    "section",
    "font",
    "b",
    "i",
    "em",
    "strong",
    "center",
    "table",
    "tbody",
    "tr",
    "td",
    "ul",
    "li",
    "blockquote",
}


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
