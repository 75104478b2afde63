"""Is this page one article? `Article.page_kind` and the `not_article` warning, for every site.

Kinds: `article` (one story: the body is kept), `listing` (a section, tag, category, search or
product-grid page: links to other pages), `homepage` (a site's or edition's root), `other` (not
an article nor an index, e.g. one product's page). Every kind but `article` gets `not_article`
and an empty body.

A page matched by a profile layout is an article. Otherwise the URL decides when it is a
homepage or a bare listing URL; else the page's own evidence is weighed: for an article, a story
URL, article metadata and one long run of prose; for a listing, headline links that outweigh the
prose, a collection type in JSON-LD, a listing word in the path, prices and linked thumbnails
of a grid, a next-page link beside a grid of teaser cards or linked headings, an extracted body
that is mostly the page's own link texts or price lines. A non-article needs two points or more
and more points than the article side.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .normalize import normalize_line
from .pagesignals import (
    PRODUCT_GROUP_OG,
    PageSignals,
    has_listing_segment,
    is_article_url,
    is_homepage_url,
    is_listing_url,
)

ARTICLE, LISTING, HOMEPAGE, OTHER = "article", "listing", "homepage", "other"
PAGE_KINDS = (ARTICLE, LISTING, HOMEPAGE, OTHER)
__all__ = ["ARTICLE", "HOMEPAGE", "LISTING", "OTHER", "PAGE_KINDS", "is_listing_url", "kind_from_url", "page_kind"]

PROSE_STRONG, PROSE_SOME, PROSE_NONE = 1500, 600, 300  # chars of the page's main run of prose
HEADLINES_MANY, HEADLINES_SOME = 8, 2  # headline-link chars per prose char
LONG_PARAGRAPH = 80  # an extracted paragraph this long is prose, not a teaser line
# Extracted paragraphs count for a quarter: they stand in for prose written without <p> (divs, <br>),
# but a listing's extraction is its teasers.
EXTRACTED_SHARE = 0.25
MIN_LISTING_POINTS = 2  # one weak sign (a few headline links) never outweighs a page with no evidence
MANY_PRICES, MOST_PRICES = 10, 20  # price elements: a product grid (one or two points)
LINKED_IMAGES_MANY = 60  # a grid of thumbnails; an article's related-links block has fewer
PRODUCT_OG = "product"
# A short extracted line with a clock time or a numeric date (`политика 21.03.2018 18:27`): a news
# tape's stamp between teasers; this many of them make a tape, not one story.
_STAMP = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
STAMPED_LINES_MANY = 5
# The extraction came out as the page's own link texts (teaser headlines, product names): an index.
LINKED_SHARE = 0.3  # of the body's chars
LINKED_LINES_MIN = 3
LINKED_LINE_MIN_CHARS = 20  # a shorter line inside a link text proves nothing ("Off", "Menu")
MAX_LINES_CHECKED = 300  # bounds the substring searches on a huge extraction
# A paginated series of teasers: a next-page link beside this many sibling cards, or beside
# linked headings that outnumber the plain ones two to one.
PAGINATED_CARDS = 12
PAGINATED_LINKED_HEADINGS = 15
# A shop's grid, on a page that declares nothing of an article: this many sibling cards with a
# thumbnail beside MANY_PRICES prices, or this many elements whose class names a product (a card
# has several: tile, title, image, price; an article's related-products strip has a few dozen).
PRODUCT_CARDS = 10
PRODUCT_ELEMENTS_MANY = 100
WEBSITE_OG = "website"
# An extraction whose lines nearly all carry a price is a product list.
_PRICE = re.compile(r"[$€£¥₸₽]\s?\d|\d(?:[.,]\d\d)?\s?(?:€|₸|₽|руб|тг)")
PRICED_SHARE, PRICED_LINES_MIN = 0.8, 10


def kind_from_url(url: str | None, sections: Collection[str] = ()) -> str | None:
    """`homepage` or `listing` when the URL alone says so (`sections`: the outlet's section fronts), else None."""
    if is_homepage_url(url):
        return HOMEPAGE
    return LISTING if is_listing_url(url, sections) else None


def _prose(signals: PageSignals, paragraphs: list[str]) -> int:
    extracted = sum(len(p) for p in paragraphs if len(p) >= LONG_PARAGRAPH)
    return max(signals.shape.prose_chars, int(EXTRACTED_SHARE * extracted))


def article_evidence(signals: PageSignals, url: str | None, prose: int) -> int:
    """Points for one article: a story URL, article metadata, article JSON-LD, a long run of prose."""
    points = int(is_article_url(url)) + int(signals.article_meta) + int(signals.article_jsonld)
    return points + (2 if prose >= PROSE_STRONG else 1 if prose >= PROSE_SOME else 0)


def stamped_lines(paragraphs: list[str]) -> int:
    """Extracted lines shorter than a paragraph that carry a time or a date stamp."""
    return sum(1 for p in paragraphs if len(p) < LONG_PARAGRAPH and _STAMP.search(p))


def linked_share(paragraphs: list[str], link_texts: frozenset[str]) -> tuple[int, float]:
    """(lines, share of the body's chars) of the extracted lines that are the page's link texts or
    part of one (a card whose whole teaser is one link)."""
    total = sum(len(p) for p in paragraphs) or 1
    joined = "\x00".join(link_texts)
    lines = chars = 0
    for line in paragraphs[:MAX_LINES_CHECKED]:
        text = normalize_line(line)
        if text in link_texts or (len(text) >= LINKED_LINE_MIN_CHARS and text in joined):
            lines += 1
            chars += len(line)
    return lines, chars / total


def _body_is_links(paragraphs: list[str], link_texts: frozenset[str]) -> bool:
    lines, share = linked_share(paragraphs, link_texts)
    return lines >= LINKED_LINES_MIN and share >= LINKED_SHARE


def _body_is_prices(paragraphs: list[str]) -> bool:
    priced = sum(1 for p in paragraphs if _PRICE.search(p))
    return len(paragraphs) >= PRICED_LINES_MIN and priced >= PRICED_SHARE * len(paragraphs)


def _paginated_grid(signals: PageSignals) -> bool:
    shape = signals.shape
    headings = shape.linked_headings >= PAGINATED_LINKED_HEADINGS and shape.linked_headings >= 2 * shape.plain_headings
    return shape.next_page and (shape.cards >= PAGINATED_CARDS or headings)


def _product_grid(signals: PageSignals, url: str | None) -> bool:
    cards = signals.shape.card_thumbnails >= PRODUCT_CARDS and signals.prices >= MANY_PRICES
    return _undeclared(signals, url) and (cards or signals.products >= PRODUCT_ELEMENTS_MANY)


def _undeclared(signals: PageSignals, url: str | None) -> bool:
    """No og:type article, published-time meta, JSON-LD Article or story URL (a shop's blog post has one)."""
    return not signals.article_meta and not signals.article_jsonld and not is_article_url(url)


def _collection_points(signals: PageSignals, url: str | None) -> int:
    """A page declared an index outweighs og:type article; a JSON-LD item list alone is one point; a
    listing word in the path is two, three when the page also calls itself a website, not an article."""
    declared = 4 * signals.collection_page + int(signals.item_list)
    segment = has_listing_segment(url)
    website = segment and signals.og_type == WEBSITE_OG and _undeclared(signals, url)
    return declared + 2 * ((signals.og_type in PRODUCT_GROUP_OG) + segment) + int(website)


def listing_evidence(signals: PageSignals, url: str | None, paragraphs: list[str], prose: int) -> int:
    """Points for an index page: many headline links, collection types, listing words, prices, a
    tape of stamped lines, a paginated or product grid, a body of link texts or prices; and little
    prose, which only counts beside one of those (an empty page is not a listing)."""
    ratio = signals.shape.headline_link_chars / max(prose, 1)
    points = 2 if ratio >= HEADLINES_MANY else 1 if ratio >= HEADLINES_SOME else 0
    points += 2 * (stamped_lines(paragraphs) >= STAMPED_LINES_MANY)
    points += _collection_points(signals, url)
    points += int(signals.prices >= MANY_PRICES) + int(signals.prices >= MOST_PRICES)
    points += int(signals.linked_images >= LINKED_IMAGES_MANY)
    points += 2 * _paginated_grid(signals) + int(_product_grid(signals, url))
    points += 2 * _body_is_links(paragraphs, signals.shape.link_texts) + 2 * _body_is_prices(paragraphs)
    return points + int(prose < PROSE_NONE) if points else 0


def page_kind(signals: PageSignals, url: str | None, paragraphs: list[str], sections: Collection[str] = ()) -> str:
    """The kind of a page no profile layout matched, from its URL, its signals and its extracted body."""
    kind = kind_from_url(url, sections)
    if kind is not None:
        return kind
    prose = _prose(signals, paragraphs)
    listing = listing_evidence(signals, url, paragraphs, prose)
    if listing < MIN_LISTING_POINTS or listing <= article_evidence(signals, url, prose):
        return ARTICLE
    return OTHER if signals.og_type == PRODUCT_OG else LISTING
