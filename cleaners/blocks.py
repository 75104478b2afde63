"""Paragraph text of an element: block boundaries become paragraph breaks."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from .normalize import normalize_line

BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol blockquote pre table tr td th section article header main "
    "figure dl dt dd address hr br center details summary".split()
)
_MARK = "\u2063\u2063"  # invisible separator pair: cannot occur in real text
_WS = re.compile(r"\s+")
_ODD_WS = re.compile(r"[^\S ]")  # any whitespace but " "


def paragraphs(node: LexborNode) -> list[str]:
    """Text of node split at block elements and <br>; whitespace inside a block is folded."""
    copy = node.clone() if hasattr(node, "clone") else node
    for child in copy.traverse(include_text=False):
        if child.tag in BLOCK_TAGS and child is not copy:
            child.insert_before(_MARK)
            child.insert_after(_MARK)
    text = copy.text(separator="", deep=True)
    # Pieces between marks are stripped by `normalize_line`: a plain split needs no whitespace-eating regex.
    return [p for p in (normalize_line(_fold_spaces(x)) for x in text.split(_MARK)) if p]


def _fold_spaces(text: str) -> str:
    """Every whitespace run as one " " (the regex runs only when some run is not one " " already)."""
    if "  " in text or (not text.isprintable() and _ODD_WS.search(text)):  # other spaces are unprintable
        return _WS.sub(" ", text)
    return text
