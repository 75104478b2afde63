"""Subheadings the precision extraction dropped, put back before the paragraph they introduce.

trafilatura's precision mode deletes headings it cannot tie to the text (trailing titles, titles
near links); a long article's `<h2>`/`<h3>` section titles go with them although the paragraphs
under them stay. A heading of the pruned page comes back when the block right after it opens a
line of the extracted text: a listicle's linked titles too (`<h3><a href=...>1. Tool</a></h3>`),
since the text under them was kept.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from .normalize import normalize_line

SUBHEADINGS = "h2, h3, h4"
KEY_CHARS = 48  # a line is found by its first characters (trafilatura may cut or reflow the end)
MIN_KEY_CHARS = 24  # a shorter text after a heading is too common to tie the heading to a line
MAX_HEADING_CHARS = 200
MAX_HEADINGS = 200  # a page with more is a listing's card titles, not an article's sections
LIST_MARK = "- "


def _key(text: str) -> str:
    text = normalize_line(text).removeprefix(LIST_MARK)
    return text[:KEY_CHARS] if len(text) >= MIN_KEY_CHARS else ""


def _next_text(node: LexborNode) -> str:
    """The text of the first following sibling element that has any (its first block's)."""
    sibling = node.next
    while sibling is not None:
        if sibling.tag != "-text" or sibling.text(deep=False).strip():
            first = sibling.css_first("p, li") if sibling.tag not in ("p", "li", "-text") else None
            text = (first or sibling).text(deep=True).strip()
            if text:
                return text
        sibling = sibling.next
    return ""


def restore_headings(text: str, root: LexborNode) -> str:
    """`text` with each subheading of `root` (the pruned page) it lacks inserted before the line
    that the heading's following block opens."""
    lines = text.split("\n")
    present = {normalize_line(line) for line in lines}
    where: dict[str, int] = {}
    for i, line in enumerate(lines):
        where.setdefault(_key(line), i)
    where.pop("", None)
    heads = root.css(SUBHEADINGS)
    if not where or len(heads) > MAX_HEADINGS:
        return text
    before: dict[int, str] = {}
    for head in heads:
        title = normalize_line(head.text(deep=True))
        if not title or len(title) > MAX_HEADING_CHARS or title in present:
            continue
        at = where.get(_key(_next_text(head)))
        if at is not None and at not in before:
            before[at] = title
    if not before:
        return text
    return "\n".join(f"{before[i]}\n{line}" if i in before else line for i, line in enumerate(lines))
