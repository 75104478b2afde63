"""Main-content extraction for pages without a site profile (or whose layout is unknown).

The page is pruned by `prune.prune_tree` (scripts, chrome and widgets gone, page wrappers kept),
then trafilatura runs on the pruned page in precision mode without its readability/jusText
comparison (`fast`). That text is checked on evidence (`choose`): when it is short next to the
page's own text, or covers little of the JSON-LD `articleBody`, the full default cascade runs on
the pruned page, then on the page with only hidden elements removed (`prune.strip_hidden`), then
on the whole page, and the better supported text wins; when trafilatura
finds nothing, long <p> runs are the fallback. Measured in docs/benchmarks.md.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

import trafilatura
from selectolax.lexbor import LexborHTMLParser

from .blocks import paragraphs
from .choose import MIN_REFERENCE_CHARS, REFERENCE_COVERED, REFERENCE_FALLBACK, better_of, coverage, suspect, words
from .headings import restore_headings
from .parse import parse_html
from .prune import HARD_TAGS, para_chars, prune_tree, strip_hidden

TRAFILATURA_LOGGER = "trafilatura"
MIN_FALLBACK_PARAGRAPH = 40
MAX_RECALL_HTML = 3_000_000  # no second (slower, full-cascade) pass over pages larger than this
_COMMON: dict[str, Any] = dict(
    include_comments=False,
    include_tables=True,
    include_images=False,
    include_links=False,
    deduplicate=False,
    with_metadata=False,
)


def quiet_trafilatura() -> None:
    """Silence trafilatura's own log ("discarding data", "empty HTML tree": pages this path handles).

    For applications: the library never changes a global logger; the kaznews commands and the
    crawl's CleanPipeline call it."""
    logging.getLogger(TRAFILATURA_LOGGER).setLevel(logging.CRITICAL)


def _trafilatura(html: str | bytes, url: str | None, precise: bool) -> str:
    """Precision pass: no fallback comparison (fast); recall pass: the full default cascade."""
    return trafilatura.extract(html, url=url, favor_precision=precise, fast=precise, **_COMMON) or ""


def _reference(text: str | None) -> Counter[str] | None:
    """The words of a JSON-LD articleBody long enough to be evidence."""
    return words(text) if text and len(text) >= MIN_REFERENCE_CHARS else None


def _needs_check(text: str, measure: tuple[int, ...], ref: Counter[str] | None) -> bool:
    if ref is not None:
        return coverage(text, ref) < REFERENCE_COVERED
    return suspect(text, *measure)


def _recheck(
    text: str,
    pruned: str,
    markup: str | bytes | None,
    url: str | None,
    measure: tuple[int, int],
    ref: Counter[str] | None,
    pruned_chars: int,
) -> str:
    """The precision text, or the full cascade's on the pruned page, the lightly pruned page, then
    the whole page; `pruned_chars` (the pruned page's text) is evidence only for the first step."""
    if len(pruned) <= MAX_RECALL_HTML and _needs_check(text, (*measure, pruned_chars), ref):
        text = better_of(text, _trafilatura(pruned, url, precise=False), ref, same_page=True)
    if markup is None or len(markup) > MAX_RECALL_HTML:
        return text
    if _needs_check(text, measure, ref):
        light = strip_hidden(parse_html(markup)).html or ""
        text = better_of(text, _trafilatura(light, url, precise=False), ref)
    # Hidden elements can hold the body (paywalls); all the page's text is no evidence for that.
    if _needs_check(text, (measure[0], 0), ref):
        text = better_of(text, _trafilatura(markup, url, precise=False), ref)
    return text


def generic_body(
    tree: LexborHTMLParser, url: str | None = None, markup: str | bytes | None = None, reference: str | None = None
) -> list[str]:
    """Body paragraphs of a page's tree (pruned in place); `markup` is the unpruned page and
    `reference` its JSON-LD articleBody, both evidence against a pruning that lost the body."""
    root = tree.body or tree.root
    if root is None:
        return []
    tree.strip_tags(list(HARD_TAGS), recursive=False)
    measure = (para_chars(root), len(root.text(deep=True)))
    pruned = prune_tree(tree, page_chars=measure[0]).html or ""
    pruned_chars = len(root.text(deep=True))
    ref = _reference(reference)
    text = _recheck(_trafilatura(pruned, url, precise=True), pruned, markup, url, measure, ref, pruned_chars)
    text = restore_headings(text, root)
    if ref is not None and reference is not None and coverage(text, ref) < REFERENCE_FALLBACK:
        text = reference
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
