"""What a page says about its own kind, read from the `ParsedPage` and its URL (no second parse)."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from . import jsonld
from .pageshape import PageShape, page_shape
from .select import ParsedPage

# Query keys by which a root URL names one post or story (WordPress `?p=`, CMS `?id=`), not the front.
ITEM_QUERY_KEYS = frozenset(("p", "page_id", "id", "nid", "aid", "newsid", "news_id", "article", "story", "item"))
_EDITION = r"(?:(?:ru|kk|kz|en|rus|kaz|qz)/?)?"
# A homepage: the root or a language edition's root, maybe as an index file.
_HOMEPAGE_PATH = re.compile(rf"^/{_EDITION}(?:index\.(?:html?|php))?$", re.I)
# A section front (`/news/`, only bare: `/news/some-story` is an article on many sites); a taxonomy
# page with one segment (`/tag/Алматы/`); or any pagination URL (`/page/3/`). An outlet's own
# section fronts (`/kazakhstan_news/`) come from its profile (`Edition.listing_sections`).
_LISTING_PATH = re.compile(
    rf"^/{_EDITION}(?:(?:news|novosti|latest|lenta|all)/?$"
    r"|(?:tag|tags|category|rubric|archive|search)(?:/[^/]*)?/?$)|/page/\d+/?$",
    re.I,
)
# A bare section front: one segment, maybe after an edition prefix (`/kz/zha-aly-tar`).
_SECTION_PATH = re.compile(r"^/(?:(?:ru|kk|kz|en|rus|kaz|qz)/)?([^/]+)/?$", re.I)
# Path segments that name an index of other pages (`/collections/wallets`, `/c/kayaks`, `/topic/cloud/`).
LISTING_SEGMENTS = frozenset(
    (
        "archive",
        "archives",
        "author",
        "authors",
        "browse",
        "c",
        "cat",
        "catalog",
        "catalogs",
        "categories",
        "category",
        "collections",
        "directory",
        "genre",
        "hub",
        "list",
        "lists",
        "market",
        "product-category",
        "rubric",
        "search",
        "section",
        "sections",
        "shop",
        "store",
        "subject",
        "subjects",
        "tag",
        "tags",
        "topic",
        "topics",
        "trending",
    )
)
# At most this many segments after a listing word (`/category/recipes/cooking-method/air-fryer/`).
MAX_SEGMENTS_AFTER_LISTING_WORD = 3
_DATE_PATH = re.compile(r"/(?:19|20)\d\d[/-]\d\d?[/-]")
_LONG_NUMBER = re.compile(r"\d{5}")  # a story id (`-551820`, `/1206601882/`)
_WORD_SEPARATOR = re.compile(r"[-_+ ]")
_FILE_SUFFIX = re.compile(r"\.(?:s?html?|php|aspx?|cms)$", re.I)
SLUG_MIN_WORDS = 4  # `almatyi-nazvali-sroki-551820`: a story's slug has four words or more

# A page that declares itself an index; a list of items, which an article's JSON-LD also carries
# (a review's products, a roundup's recipes), says less.
COLLECTION_PAGE_TYPES = frozenset({"CollectionPage", "SearchResultsPage"})
ITEM_LIST_TYPES = frozenset({"ItemList", "OfferCatalog"})
PRODUCT_GROUP_OG = frozenset({"product.group", "product:group"})
_ARTICLE_META = (
    'meta[property="og:type"][content="article"]',
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
)
# Elements whose class names a price or a product (the cards of a shop's grid), in one pass.
PRICE_OR_PRODUCT_QUERY = '[class*="price"], [class*="product"]'
LINKED_IMAGE_QUERY = "a img"  # thumbnails of teaser cards


@dataclass(frozen=True)
class PageSignals:
    """Evidence about the page's kind, gathered before the body is extracted (the tree is intact)."""

    article_meta: bool = False  # og:type article or a published-time meta
    article_jsonld: bool = False  # a schema.org Article type in JSON-LD
    collection_page: bool = False  # JSON-LD CollectionPage / SearchResultsPage, and no Article
    item_list: bool = False  # JSON-LD ItemList / OfferCatalog, and none of the above
    og_type: str = ""
    prices: int = 0  # elements whose class names a price (product cards)
    products: int = 0  # elements whose class names a product
    linked_images: int = 0  # images inside links (teaser and product thumbnails)
    shape: PageShape = PageShape()  # prose, headline links, teaser cards, headings, link texts


def _path(url: str | None) -> str:
    return unquote(urlsplit(url).path or "/") if url else ""


def is_homepage_url(url: str | None) -> bool:
    """The site's root or a language edition's root, unless its query names one item (`/?p=2895`)."""
    return bool(url) and bool(_HOMEPAGE_PATH.match(_path(url))) and not _names_item(url or "")


def _names_item(url: str) -> bool:
    return any(key.lower() in ITEM_QUERY_KEYS and value for key, value in parse_qsl(urlsplit(url).query))


def is_listing_url(url: str | None, sections: Collection[str] = ()) -> bool:
    """A homepage, section, tag, archive or pagination URL; `sections` adds the outlet's own
    section fronts (lower case, as in `Edition.listing_sections`)."""
    if not url:
        return False
    path = _path(url)
    if is_homepage_url(url) or _LISTING_PATH.search(path):
        return True
    section = _SECTION_PATH.match(path) if sections else None
    return section is not None and section[1].lower() in sections


def _story_segment(segment: str) -> bool:
    segment = _FILE_SUFFIX.sub("", segment)
    return len(_WORD_SEPARATOR.split(segment)) >= SLUG_MIN_WORDS or bool(_LONG_NUMBER.search(segment))


def is_article_url(url: str | None) -> bool:
    """A path with a date, a story slug of four words or more, or a long numeric story id."""
    path = _path(url)
    segments = [s for s in path.split("/") if s]
    return bool(_DATE_PATH.search(path)) or any(_story_segment(s) for s in segments)


def has_listing_segment(url: str | None) -> bool:
    """A listing word (`collections`, `category`, `topic`, ...) followed by at most three segments."""
    segments = [s for s in _path(url).lower().split("/") if s]
    for index, segment in enumerate(segments):
        rest = segments[index + 1 :]
        if segment in LISTING_SEGMENTS and len(rest) <= MAX_SEGMENTS_AFTER_LISTING_WORD:
            return True
    return False


def _types(objects: list[dict[str, object]]) -> set[str]:
    found: set[str] = set()
    for obj in objects:
        kind = obj.get("@type")
        if isinstance(kind, list):
            found.update(str(k) for k in kind)
        else:
            found.add(str(kind))
    return found


def page_signals(page: ParsedPage) -> PageSignals:
    """Read the signals from the intact page (call before the body extraction prunes it)."""
    objects = jsonld.jsonld_objects(page)
    types = _types(objects)
    article_ld = bool(types & jsonld.ARTICLE_TYPES)
    og = page.css_first('meta[property="og:type"]')
    collection = bool(types & COLLECTION_PAGE_TYPES) and not article_ld
    classes = [node.attributes.get("class") or "" for node in page.tree.css(PRICE_OR_PRODUCT_QUERY)]
    return PageSignals(
        article_meta=any(page.css_first(sel) is not None for sel in _ARTICLE_META),
        article_jsonld=article_ld,
        collection_page=collection,
        item_list=bool(types & ITEM_LIST_TYPES) and not article_ld and not collection,
        og_type=((og.attributes.get("content") or "") if og is not None else "").strip().lower(),
        prices=sum(1 for cls in classes if "price" in cls),
        products=sum(1 for cls in classes if "product" in cls),
        linked_images=len(page.tree.css(LINKED_IMAGE_QUERY)),
        shape=page_shape(page),
    )
