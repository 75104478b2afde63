"""Main-content extraction for pages without a site profile."""
from __future__ import annotations

import logging

import trafilatura
from selectolax.lexbor import LexborHTMLParser

from .blocks import paragraphs

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
MIN_FALLBACK_PARAGRAPH = 40


def extract_generic(tree: LexborHTMLParser, url: str | None = None) -> list[str]:
    """Body paragraphs of an already pruned tree: trafilatura first, long <p> runs as a fallback."""
    html = tree.html or ""
    text = trafilatura.extract(
        html, url=url, include_comments=False, include_tables=True, include_images=False,
        include_links=False, deduplicate=False, favor_precision=False, with_metadata=False,
    )
    if text:
        return [line for line in text.split("\n") if line.strip()]
    return _fallback(tree)


def _fallback(tree: LexborHTMLParser) -> list[str]:
    root = tree.body or tree.root
    if root is None:
        return []
    out: list[str] = []
    for node in root.css("p"):
        out.extend(p for p in paragraphs(node) if len(p) >= MIN_FALLBACK_PARAGRAPH)
    return out
