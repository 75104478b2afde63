"""The shape of an index page, read in one pass over the intact tree: prose, headline links,
repeated teaser cards, linked headings, link texts and a next-page link."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from .normalize import normalize_line
from .select import ParsedPage

PARAGRAPH_MIN_CHARS = 40  # shorter <p> are captions, prices, buttons: not prose
HEADLINE_LINK_CHARS = (30, 200)  # a link whose text is this long is a headline or a teaser
LINK_TEXT_MIN_CHARS = 15  # shorter link texts (menu items, "Read more") say nothing about the body
# A teaser card holds its headline link at most this many elements deep (`li > div > h3 > a`).
CARD_DEPTH = 6
_HEADINGS = frozenset(("h2", "h3", "h4"))
_QUERY = "p, a, h2, h3, h4"
NEXT_PAGE_QUERY = 'link[rel~="next"], a[rel~="next"]'


@dataclass(frozen=True)
class PageShape:
    """What the page's structure says about an index of other pages."""

    prose_chars: int = 0  # text of the largest group of sibling paragraphs
    headline_link_chars: int = 0  # text of the links that look like headlines or teasers
    cards: int = 0  # the largest group of sibling elements (same tag and class) each holding a headline link
    card_thumbnails: int = 0  # how many of those cards hold an image
    linked_headings: int = 0  # <h2>-<h4> that are or hold a link (teaser headlines)
    plain_headings: int = 0  # <h2>-<h4> without a link (an article's section headings)
    next_page: bool = False  # `rel=next`: the page is one of a paginated series
    link_texts: frozenset[str] = frozenset()  # normalized texts of the page's links


def _text(node: LexborNode) -> str:
    return (node.text(deep=True) or "").strip()


def _linked(heading: LexborNode) -> bool:
    parent = heading.parent
    return heading.css_first("a[href]") is not None or (parent is not None and parent.tag == "a")


def _card_groups(link: LexborNode, groups: dict[tuple[int, str, str], dict[int, LexborNode]]) -> None:
    """Add the link's ancestors, each under (its parent, its tag, its class), as candidate cards."""
    node = link
    for _ in range(CARD_DEPTH):
        parent = node.parent
        if parent is None:
            return
        key = (parent.mem_id, node.tag or "", node.attributes.get("class") or "")
        groups[key].setdefault(node.mem_id, node)
        node = parent


def page_shape(page: ParsedPage) -> PageShape:
    """Read the shape from the intact page (before the body extraction prunes it)."""
    prose: Counter[int] = Counter()
    groups: dict[tuple[int, str, str], dict[int, LexborNode]] = defaultdict(dict)
    headlines = linked_headings = plain_headings = 0
    link_texts: set[str] = set()
    low, high = HEADLINE_LINK_CHARS
    for node in page.tree.css(_QUERY):
        if node.tag in _HEADINGS:
            linked = _linked(node)
            linked_headings += linked
            plain_headings += not linked
            continue
        text = _text(node)
        size = len(text)
        if node.tag == "p":
            if size >= PARAGRAPH_MIN_CHARS and node.parent is not None:
                prose[node.parent.mem_id] += size
            continue
        if size >= LINK_TEXT_MIN_CHARS:
            link_texts.add(normalize_line(text))
        if low <= size <= high:
            headlines += size
            _card_groups(node, groups)
    cards = max(groups.values(), key=len, default={})
    return PageShape(
        prose_chars=max(prose.values(), default=0),
        headline_link_chars=headlines,
        cards=len(cards),
        card_thumbnails=sum(1 for card in cards.values() if card.css_first("img") is not None),
        linked_headings=linked_headings,
        plain_headings=plain_headings,
        next_page=page.css_first(NEXT_PAGE_QUERY) is not None,
        link_texts=frozenset(link_texts),
    )
