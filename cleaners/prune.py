"""Remove generic page junk (chrome, widgets, ads, related blocks) from a parsed tree."""
from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

JUNK_TAGS = (
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed", "form",
    "button", "select", "input", "textarea", "nav", "aside", "footer", "dialog", "figcaption", "link", "meta",
)
JUNK_ROLES = ("navigation", "banner", "complementary", "contentinfo", "search", "dialog", "menu", "menubar")
# Whole class/id tokens (split on - _ and spaces, case-folded) that mark junk blocks.
JUNK_TOKENS = frozenset(
    """nav navbar navigation menu breadcrumb breadcrumbs breadcrumbs sidebar aside footer share sharing
    shares social soc socials comments comment disqus related readalso read-also most-read mostread popular
    lenta ticker tickers weather currency currencies rates exchange ads advert adverts advertisement adfox
    banner banners promo subscribe subscription newsletter cookie cookies modal popup toolbar pagination pager
    widget widgets tags-list infinite recommend recommended recommendations partners partner teaser teasers
    counter counters views print author-block outbrain taboola smi2 relap yandex-rtb ya-share2 rss
    """.split()
)
JUNK_PHRASES = ("read-also", "readalso", "most-read", "mostread", "also-read", "related", "popular",
                "share", "social", "subscribe", "advert", "banner", "adfox", "comment", "lenta", "weather",
                "currency", "ticker", "newsletter", "cookie", "breadcrumb", "sidebar", "recommend", "footer")
_SPLIT = re.compile(r"[\s_]+")
_SAFE = re.compile(r"(?:^|[\s_-])(?:article|content|post|entry|story|body|text|main)(?:$|[\s_-])", re.I)


def _tokens(node: LexborNode) -> set[str]:
    attrs = node.attributes
    raw = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    toks = set(_SPLIT.split(raw))
    for tok in list(toks):
        toks.update(tok.split("-"))
    toks.discard("")
    return toks


def is_junk_node(node: LexborNode) -> bool:
    """True for a block whose class, id, role or attributes mark it as page chrome."""
    attrs = node.attributes
    if (attrs.get("role") or "").lower() in JUNK_ROLES:
        return True
    if (attrs.get("aria-hidden") or "").lower() == "true" or "hidden" in attrs and node.tag != "input":
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    toks = _tokens(node)
    if not toks:
        return False
    if toks & JUNK_TOKENS:
        raw = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        return not (_SAFE.search(raw) and node.tag in ("article", "main"))
    joined = " ".join(toks)
    return any(p in joined for p in JUNK_PHRASES) and not _SAFE.search(joined)


def prune_tree(tree: LexborHTMLParser, extra_selectors: tuple[str, ...] = ()) -> LexborHTMLParser:
    """Decompose junk elements in place and return the tree."""
    root = tree.body or tree.root
    if root is None:
        return tree
    for sel in extra_selectors:
        for node in root.css(sel):
            node.decompose()
    tree.strip_tags(list(JUNK_TAGS), recursive=False)
    doomed = [n for n in root.traverse() if n.tag not in ("body", "html", "-text") and n.tag and is_junk_node(n)]
    # decompose outermost first; descendants of a decomposed node are gone with it
    seen: set[int] = set()
    for node in doomed:
        parent = node.parent
        inside = False
        while parent is not None:
            if parent.mem_id in seen:
                inside = True
                break
            parent = parent.parent
        if not inside:
            seen.add(node.mem_id)
    for node in doomed:
        if node.mem_id in seen:
            node.decompose()
    return tree


def prune_node(node: LexborNode, extra_selectors: tuple[str, ...] = (), generic: bool = True) -> None:
    """Prune inside one element (a profile's body) rather than the whole page."""
    for sel in extra_selectors:
        for junk in node.css(sel):
            junk.decompose()
    for tag in JUNK_TAGS:
        for junk in node.css(tag):
            junk.decompose()
    if generic:
        for junk in [n for n in node.traverse() if n is not node and n.tag != "-text" and is_junk_node(n)]:
            if junk.parent is not None:
                junk.decompose()
