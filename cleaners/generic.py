"""Main-content extraction for pages without a site profile.

The tree arrives pruned by `prune.prune_tree` (scripts, chrome and widgets gone, page wrappers
kept). Trafilatura then runs on the serialized pruned page in precision mode without its
readability/jusText comparison (`fast`); when that finds little, the default pass (with that
comparison) runs and the longer text wins; when trafilatura finds nothing, long <p> runs are the fallback.
Measured on the article-extraction benchmark in docs/benchmarks.md.
"""
from __future__ import annotations

import logging
from typing import Any

import trafilatura
from selectolax.lexbor import LexborHTMLParser

from .blocks import paragraphs

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
MIN_FALLBACK_PARAGRAPH = 40
MIN_PRECISE_CHARS = 500  # a precision-mode text shorter than this triggers the recall pass
MAX_RECALL_HTML = 3_000_000  # no second (slower, full-cascade) pass over pruned pages larger than this
_COMMON: dict[str, Any] = dict(
    include_comments=False, include_tables=True, include_images=False, include_links=False,
    deduplicate=False, with_metadata=False,
)


def _trafilatura(html: str, url: str | None, precise: bool) -> str:
    """Precision pass: no fallback comparison (fast); recall pass: the full default cascade."""
    return trafilatura.extract(html, url=url, favor_precision=precise, fast=precise, **_COMMON) or ""


def extract_text(html: str, url: str | None = None) -> str:
    """Article text of (pruned) page HTML: precision pass, recall pass when that is short."""
    text = _trafilatura(html, url, precise=True)
    if len(text) < MIN_PRECISE_CHARS and len(html) <= MAX_RECALL_HTML:
        recall = _trafilatura(html, url, precise=False)
        if len(recall) > len(text):
            text = recall
    return text


def extract_generic(tree: LexborHTMLParser, url: str | None = None) -> list[str]:
    """Body paragraphs of an already pruned tree: trafilatura first, long <p> runs as a fallback."""
    text = extract_text(tree.html or "", url)
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
