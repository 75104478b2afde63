"""Where a page writes its publication date: profile selectors, JSON-LD, meta tags, microdata, <time>.

Each source gives date texts in the order they are trusted; `datefind` parses them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from . import jsonld
from .profiles import Layout
from .select import ParsedPage, first_value

# Meta keys (name, property, itemprop or http-equiv, lower-cased), most trusted first.
PUBLISHED_META = (
    "article:published_time",
    "datepublished",
    "og:article:published_time",
    "pubdate",
    "publish_date",
    "publish-date",
    "date",
    "parsely-pub-date",
    "sailthru.date",
    "og:published_time",
    "published_time",
    "article.published",
    "publishdate",
    "publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "dc.date.published",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "article_date_original",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
    "rnews:datepublished",
    "datecreated",
    "pub_date",
    "created",
    "published_at",
)
MODIFIED_META = (
    "article:modified_time",
    "datemodified",
    "og:updated_time",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
)
_META_KEYS = ("name", "property", "itemprop", "http-equiv")
_JSONLD_PAGE_TYPES = frozenset(
    {
        "WebPage",
        "ItemPage",
        "AboutPage",
        "CollectionPage",
        "MediaObject",
        "VideoObject",
        "Event",
        "Blog",
        "CreativeWork",
        "Recipe",
        "Review",
    }
)
_NESTED_KEYS = ("mainEntity", "mainEntityOfPage", "subjectOf")
_TIME_SELECTORS = ("article time[datetime]@datetime", "time[datetime]@datetime", "time[pubdate]@datetime")
DAY_CHARS = len("2024-01-31")  # the day part of an ISO `datetime` attribute


class DateText(NamedTuple):
    """One date candidate: the source it came from and its raw text."""

    source: str
    text: str


def _meta_index(page: ParsedPage) -> dict[str, str]:
    """Every meta key (lower-cased) to the first non-empty content it has."""
    index: dict[str, str] = {}
    for node in page.css("meta"):
        attrs = node.attributes
        content = (attrs.get("content") or "").strip()
        if not content:
            continue
        for name in _META_KEYS:
            key = attrs.get(name)
            if key:
                index.setdefault(key.strip().lower(), content)
    return index


def _with_nested(objects: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The page's JSON-LD objects, each followed by its main entity (one level down)."""
    for obj in objects:
        yield obj
        for key in _NESTED_KEYS:
            inner = obj.get(key)
            for item in inner if isinstance(inner, list) else [inner]:
                if isinstance(item, dict):
                    yield item


def _jsonld_dates(objects: list[dict[str, Any]], key: str) -> list[str]:
    """`key` of the article object, then of page-like objects, then of any object with it."""
    found = [o for o in _with_nested(objects) if isinstance(o.get(key), str) and o[key].strip()]
    rank = [
        (0 if jsonld.types(o) & jsonld.ARTICLE_TYPES else 1 if jsonld.types(o) & _JSONLD_PAGE_TYPES else 2, i)
        for i, o in enumerate(found)
    ]
    return [found[i][key] for _, i in sorted(rank)]


def _microdata(page: ParsedPage, prop: str) -> list[str]:
    """itemprop=`prop` on any element but <meta>: its content or datetime attribute, else its text."""
    out = []
    for node in page.css(f'[itemprop="{prop}"]'):
        if node.tag == "meta":
            continue
        attrs = node.attributes
        value = attrs.get("content") or attrs.get("datetime") or node.text(deep=True, separator=" ")
        if value and value.strip():
            out.append(value.strip())
    return out[:1]


def _times_disagree(page: ParsedPage) -> bool:
    """The page's <time datetime> stamps name more than one day: a list of teasers, related posts or
    comments, where the first stamp need not be the article's."""
    days = {(node.attributes.get("datetime") or "").strip()[:DAY_CHARS] for node in page.css("time[datetime]")}
    return len(days - {""}) > 1


def date_texts(
    page: ParsedPage, layout: Layout | None, objects: list[dict[str, Any]], visible: list[str] | None = None
) -> tuple[list[DateText], list[DateText]]:
    """Publication-date and last-modified candidates from every structured source, most trusted first.

    `visible`: the date lines a reader sees by the headline; they come after the <time> stamps, or
    before them when the stamps disagree (see `_times_disagree`)."""
    metas = _meta_index(page)
    published = [DateText("profile", t) for t in _first_each(page, layout.date if layout else ())]
    published += [DateText("jsonld", t) for t in _jsonld_dates(objects, "datePublished")]
    published += [DateText("meta", metas[k]) for k in PUBLISHED_META if k in metas]
    published += [DateText("microdata", t) for t in _microdata(page, "datePublished")]
    published += [DateText("jsonld", t) for t in _jsonld_dates(objects, "dateCreated")]
    times = [DateText("time_element", t) for t in _first_each(page, _TIME_SELECTORS)]
    lines = [DateText("visible_text", t) for t in visible or ()]
    published += lines + times if times and lines and _times_disagree(page) else times + lines
    modified = [DateText("profile", t) for t in _first_each(page, layout.date_modified if layout else ())]
    modified += [DateText("jsonld", t) for t in _jsonld_dates(objects, "dateModified")]
    modified += [DateText("meta", metas[k]) for k in MODIFIED_META if k in metas]
    return published, modified


def _first_each(page: ParsedPage, selectors: tuple[str, ...]) -> list[str]:
    return [v for v in (first_value(page, sel) for sel in selectors) if v and v.strip()]
