"""Is this page an article at all? Homepages and listings get `not_article` instead of a fake body."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from . import jsonld
from .select import Root

# A homepage; a section front (`/news/`, only bare: `/news/some-story` is an article on many
# sites); a taxonomy page with one segment (`/tag/Алматы/`); or any pagination URL.
_LISTING_PATH = re.compile(
    r"^/(?:(?:ru|kk|kz|en|rus|kaz|qz)/?)?(?:$|(?:news|novosti|latest|lenta|all|kazakhstan_news|world_news|"
    r"zha-aly-tar)/?$|(?:tag|tags|category|rubric|archive|search|page)(?:/[^/]*)?/?$)|/page/\d+/?$",
    re.I,
)
_ARTICLE_META = (
    'meta[property="og:type"][content="article"]', 'meta[property="article:published_time"]',
    'meta[name="article:published_time"]', 'meta[itemprop="datePublished"]',
)


def has_article_signals(tree: Root) -> bool:
    """og:type article, a published-time meta, or a schema.org Article in JSON-LD."""
    if any(tree.css_first(sel) is not None for sel in _ARTICLE_META):
        return True
    return bool(jsonld.article_object(jsonld.jsonld_objects(tree)))


def is_listing_url(url: str | None) -> bool:
    """A homepage, section, tag, archive or pagination URL."""
    if not url:
        return False
    return bool(_LISTING_PATH.search(urlsplit(url).path or "/"))


def not_article(tree: Root, url: str | None, profile_matched: bool, layout_found: bool) -> bool:
    """True when the page is clearly not one article.

    A known outlet's page that no article layout matches is a listing when its URL is one, or
    when it carries no article signals; an unknown site's page only when both say so.
    """
    if layout_found:
        return False
    listing = is_listing_url(url)
    if profile_matched and listing:
        return True
    if has_article_signals(tree):
        return False
    return listing or profile_matched
