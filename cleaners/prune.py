"""Remove generic page junk (chrome, widgets, ads, related blocks) from a parsed tree."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .layouttables import unwrap_layout_tables

JUNK_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "canvas",
    "object",
    "embed",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "nav",
    "aside",
    "footer",
    "dialog",
    "figcaption",
    "link",
    "meta",
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
JUNK_PHRASES = tuple(
    """read-also readalso most-read mostread also-read related popular share social subscribe advert banner
    adfox comment lenta weather currency ticker newsletter cookie breadcrumb sidebar recommend footer
    """.split()
)
# Layout-framework tokens (`so-panel widget widget_text`, `elementor-widget-wrap`) that also name
# real content blocks: such a block goes only when it looks like chrome (links or a scrap of text).
WEAK_TOKENS = frozenset("widget widgets infinite teaser teasers print views counter counters".split())
# A junk token next to one of these names a state of the body's wrapper (`sidebar-enabled--false`),
# unless the junk token names other articles or comments.
CONTENT_TOKENS = frozenset("content article entry body text main story".split())
ELSEWHERE_TOKENS = frozenset(
    """comment comments disqus related readalso most mostread popular recommend recommended
    recommendations teaser teasers outbrain taboola smi2 relap lenta partners partner promo""".split()
)
MIN_CONTENT_PARAGRAPHS = 3
_SPLIT = re.compile(r"[\s_]+")
_SAFE = re.compile(r"(?:^|[\s_-])(?:article|content|post|entry|story|body|text|main)(?:$|[\s_-])", re.I)


def _class_tokens(raw: str) -> set[str]:
    toks = set(_SPLIT.split(raw.lower()))
    for tok in list(toks):
        toks.update(tok.split("-"))
    toks.discard("")
    return toks


def _junk_by_attrs(tag: str, attrs: dict[str, str | None]) -> bool | None:
    """The role/hidden/style verdict: True (junk) or None (decided by class and id)."""
    if (attrs.get("role") or "").lower() in JUNK_ROLES:
        return True
    if (attrs.get("aria-hidden") or "").lower() == "true" or "hidden" in attrs and tag != "input":
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    return None


def _junk_by_class(tag: str, raw: str) -> bool:
    """Verdict from the `class id` string: whole junk tokens, or junk phrases without a safe word."""
    toks = _class_tokens(raw)
    if not toks:
        return False
    if toks & JUNK_TOKENS:
        return not (_SAFE.search(raw) and tag in ("article", "main"))
    joined = " ".join(toks)
    return any(p in joined for p in JUNK_PHRASES) and not _SAFE.search(joined)


def weak_junk(node: LexborNode) -> bool:
    """Is the node junk-looking by weak class/id tokens only (no role, attribute, strong token or phrase)?"""
    attrs = node.attributes
    toks = _class_tokens(f"{attrs.get('class') or ''} {attrs.get('id') or ''}")
    found = toks & JUNK_TOKENS
    if not found or not found <= WEAK_TOKENS or _junk_by_attrs(node.tag or "", attrs):
        return False
    joined = " ".join(toks - WEAK_TOKENS)
    return not any(p in joined for p in JUNK_PHRASES)


def content_named(node: LexborNode) -> bool:
    """Is the node named as the content as well (`blog-article__main sidebar-enabled--false content`):
    a whole content token, no role or hidden attribute, and none of its junk tokens names other
    articles or comments?"""
    attrs = node.attributes
    toks = _class_tokens(f"{attrs.get('class') or ''} {attrs.get('id') or ''}")
    if not toks & CONTENT_TOKENS or toks & ELSEWHERE_TOKENS or _junk_by_attrs(node.tag or "", attrs):
        return False
    return len(node.css("p")) >= MIN_CONTENT_PARAGRAPHS


def _maybe_content(node: LexborNode) -> bool:
    return weak_junk(node) or content_named(node)


def is_junk_node(node: LexborNode, memo: dict[tuple[str, str], bool] | None = None) -> bool:
    """True for a block whose class, id, role or attributes mark it as page chrome.

    `memo` (owned by the caller, one per page) caches the class/id verdict, which repeats a lot.
    """
    attrs = node.attributes
    tag = node.tag or ""
    if _junk_by_attrs(tag, attrs):
        return True
    raw = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    if raw == " ":
        return False
    if memo is None:
        return _junk_by_class(tag, raw)
    key = (tag if tag in ("article", "main") else "", raw)
    verdict = memo.get(key)
    if verdict is None:
        verdict = memo[key] = _junk_by_class(tag, raw)
    return verdict


HARD_TAGS = tuple(t for t in JUNK_TAGS if t not in ("form", "nav", "aside", "footer", "figcaption"))
"""Never content. The other JUNK_TAGS (a <form> wrapping a whole ASP.NET page, an <aside> around
the article) go through the same main-content guard as class/id junk."""
WRAPPER_SHARE = 0.4  # a junk-looking node holding this share of the page's paragraph text is kept
MIN_WRAPPER_CHARS = 200
MIN_TEXT_BLOCK = 150  # a weak-junk block with less text than this is chrome
MAX_LINK_SHARE = 0.3  # ... and so is one whose text is mostly link text
_SUBHEADINGS = "h2, h3, h4, h5, h6"
MAX_WRAPPER_CHECKS = 256  # each check scans a subtree; past this budget junk-looking nodes are kept


def para_chars(node: LexborNode) -> int:
    """Characters of paragraph text under node (<p> elements; all text when there are none)."""
    paras = node.css("p")
    if paras:
        return sum(len(p.text(deep=True)) for p in paras)
    return len(node.text(deep=True))


def _is_wrapper(node: LexborNode, page_chars: int) -> bool:
    """True when a junk-looking node holds most of the page's paragraph text: a page wrapper
    (`content-with-sidebar`, `widget Blog`, `infinite-scroll`, a hidden-until-JS article body)."""
    chars = para_chars(node)
    return chars >= MIN_WRAPPER_CHARS and chars >= WRAPPER_SHARE * page_chars


def _looks_like_text(node: LexborNode) -> bool:
    """A block of running text: enough characters, few of them inside links to other pages (a
    table of contents' `#section` anchors stay on the page), or headings only (a page builder
    puts each subheading of the body in a widget block of its own)."""
    text = node.text(deep=True).strip()
    if len(text) < MIN_TEXT_BLOCK:
        return _only_headings(node, text)
    links = sum(len(a.text(deep=True)) for a in node.css("a") if not (a.attributes.get("href") or "").startswith("#"))
    return links <= MAX_LINK_SHARE * len(text)


def _only_headings(node: LexborNode, text: str) -> bool:
    """True for a block whose whole text is in headings, none of them in links (a sidebar widget
    has a heading over a list of links)."""
    if not text or node.css_first("a") is not None:
        return False
    heads = sum(len(h.text(deep=True).strip()) for h in node.css(_SUBHEADINGS))
    return heads >= len(text)


# Empty inline elements (an icon's `<i class="fa ..."></i>`, a styling `<span></span>` opening a list
# item): trafilatura's precision pass deletes them with the text that follows them.
_EMPTY_INLINE = ", ".join(f"{tag}:empty" for tag in ("span", "i", "b", "em", "strong", "q"))
_VERBATIM = frozenset(("pre", "code"))  # code's own markup (`hljs-comment`) is content, never chrome


def prune_tree(
    tree: LexborHTMLParser, extra_selectors: tuple[str, ...] = (), page_chars: int | None = None
) -> LexborHTMLParser:
    """Decompose junk elements in place and return the tree.

    Top-down: a junk-looking element is removed unless it wraps most of the page's paragraph
    text, in which case it is kept and its children are examined instead. The wrapper test
    scans the element's subtree, so it runs at most MAX_WRAPPER_CHECKS times per page
    (thousands of nested `sidebar` divs would otherwise cost quadratic time); past that,
    junk-looking elements are kept and left to the extractor. `page_chars`: the page's paragraph
    text (`para_chars`), when the caller has measured it already.
    """
    root = tree.body or tree.root
    if root is None:
        return tree
    for sel in extra_selectors:
        for node in root.css(sel):
            node.decompose()
    tree.strip_tags(list(HARD_TAGS), recursive=False)
    unwrap_layout_tables(root)
    if page_chars is None:
        page_chars = para_chars(root)
    doomed: list[LexborNode] = []
    memo: dict[tuple[str, str], bool] = {}
    checks = 0
    stack = [root]
    while stack:
        for child in stack.pop().iter(include_text=False):
            if child.tag in _VERBATIM:
                continue
            junk = child.tag in JUNK_TAGS or is_junk_node(child, memo)
            if junk and checks < MAX_WRAPPER_CHECKS:
                checks += 1
                if child.tag not in JUNK_TAGS and _maybe_content(child) and _looks_like_text(child):
                    stack.append(child)
                    continue
                if not _is_wrapper(child, page_chars):
                    doomed.append(child)
                    continue
            stack.append(child)
    for node in doomed:
        node.decompose()
    for node in root.css(_EMPTY_INLINE):
        node.decompose()
    return tree


def strip_hidden(tree: LexborHTMLParser) -> LexborHTMLParser:
    """The light pruning: never-content tags and elements hidden or marked as chrome by their
    attributes (role, aria-hidden, hidden, display:none), nothing judged by class names."""
    root = tree.body or tree.root
    if root is None:
        return tree
    tree.strip_tags(list(HARD_TAGS), recursive=False)
    unwrap_layout_tables(root)
    doomed: list[LexborNode] = []
    stack = [root]
    while stack:  # top-down: a hidden element's subtree goes with it, never node by node
        for child in stack.pop().iter(include_text=False):
            (doomed if _junk_by_attrs(child.tag or "", child.attributes) else stack).append(child)
    for node in doomed:
        node.decompose()
    return tree


_JUNK_TAG_QUERY = ", ".join(JUNK_TAGS)
# Only elements with one of these attributes can be junk by `is_junk_node`.
_JUNK_ATTR_QUERY = "[class], [id], [role], [aria-hidden], [hidden], [style]"


def prune_node(node: LexborNode, extra_selectors: tuple[str, ...] = (), generic: bool = True) -> None:
    """Prune inside one element (a profile's body) rather than the whole page.

    Junk tags are removed in one query: `decompose` detaches whole subtrees, so removing the
    union of matches equals removing tag by tag.
    """
    for sel in extra_selectors:
        for junk in node.css(sel):
            junk.decompose()
    for junk in node.css(_JUNK_TAG_QUERY):
        junk.decompose()
    if generic:
        for junk in [n for n in node.css(_JUNK_ATTR_QUERY) if is_junk_node(n)]:
            if junk.parent is not None:
                junk.decompose()
