"""Is this page one article? `Article.page_kind` and the `not_article` warning, for every site.

Kinds: `article` (one story: the body is kept), `listing` (a section, tag, category, search or
product-grid page: links to other pages), `homepage` (a site's or edition's root), `other` (not
an article nor an index, e.g. one product's page). Every kind but `article` gets `not_article`
and an empty body.

A page matched by a profile layout is an article. Otherwise the URL decides when it is a
homepage or a bare listing URL; else the page's own evidence is weighed: for an article, a story
URL, article metadata and one long run of prose; for a listing, headline links that outweigh the
prose, a collection type in JSON-LD, a listing word in the path, prices and linked thumbnails
of a grid. A non-article needs two points or more and more points than the article side.
"""

from __future__ import annotations

import re
from collections.abc import Collection

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


def kind_from_url(url: str | None, sections: Collection[str] = ()) -> str | None:
    """`homepage` or `listing` when the URL alone says so (`sections`: the outlet's section fronts), else None."""
    if is_homepage_url(url):
        return HOMEPAGE
    return LISTING if is_listing_url(url, sections) else None


def _prose(signals: PageSignals, paragraphs: list[str]) -> int:
    extracted = sum(len(p) for p in paragraphs if len(p) >= LONG_PARAGRAPH)
    return max(signals.prose_chars, int(EXTRACTED_SHARE * extracted))


def article_evidence(signals: PageSignals, url: str | None, prose: int) -> int:
    """Points for one article: a story URL, article metadata, article JSON-LD, a long run of prose."""
    points = int(is_article_url(url)) + int(signals.article_meta) + int(signals.article_jsonld)
    return points + (2 if prose >= PROSE_STRONG else 1 if prose >= PROSE_SOME else 0)


def stamped_lines(paragraphs: list[str]) -> int:
    """Extracted lines shorter than a paragraph that carry a time or a date stamp."""
    return sum(1 for p in paragraphs if len(p) < LONG_PARAGRAPH and _STAMP.search(p))


def listing_evidence(signals: PageSignals, url: str | None, prose: int, stamps: int = 0) -> int:
    """Points for an index page: many headline links, collection types, listing words, prices, a
    tape of stamped lines; and little prose, which only counts beside one of those (an empty page
    is not a listing)."""
    ratio = signals.headline_link_chars / max(prose, 1)
    points = 2 if ratio >= HEADLINES_MANY else 1 if ratio >= HEADLINES_SOME else 0
    points += 2 * (stamps >= STAMPED_LINES_MANY)
    points += 2 * (signals.collection_jsonld + (signals.og_type in PRODUCT_GROUP_OG) + has_listing_segment(url))
    points += int(signals.prices >= MANY_PRICES) + int(signals.prices >= MOST_PRICES)
    points += int(signals.linked_images >= LINKED_IMAGES_MANY)
    return points + int(prose < PROSE_NONE) if points else 0


def page_kind(signals: PageSignals, url: str | None, paragraphs: list[str], sections: Collection[str] = ()) -> str:
    """The kind of a page no profile layout matched, from its URL, its signals and its extracted body."""
    kind = kind_from_url(url, sections)
    if kind is not None:
        return kind
    prose = _prose(signals, paragraphs)
    listing = listing_evidence(signals, url, prose, stamped_lines(paragraphs))
    if listing < MIN_LISTING_POINTS or listing <= article_evidence(signals, url, prose):
        return ARTICLE
    return OTHER if signals.og_type == PRODUCT_OG else LISTING
