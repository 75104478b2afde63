"""Article metadata from the page head and markup: title, dates, authors, tags, section."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import datevisible, jsonld
from .datesources import DateText, date_texts
from .normalize import normalize_line
from .profiles import Layout, SiteProfile
from .select import ParsedPage, Root, select_all, select_first

# Only a whole space run may start a separator: a long run is scanned once, not once per space.
_TITLE_SEPARATORS = re.compile(r"(?<!\s)\s+(?:[|–—·:»/]|-{1,2}|::)\s+")
# `Заголовок. Медицина. Tengrinews.kz`: segments after full stops (not `Tengrinews.kz` itself).
_SENTENCE_SEPARATOR = re.compile(r"\.\s+")
_INITIAL = re.compile(r"(?:^|\s)\w$")  # a segment that ends on one letter: an initial, `А. Иванов`
SECTION_MAX_WORDS, SECTION_MAX_CHARS = 3, 30  # a section name: `Медицина`, `Происшествия`, `В мире`
_DOMAIN = re.compile(r"^[\w.-]+\.(?:kz|ru|com|media|org|net)$")
_ORG_AUTHOR = re.compile(r"\.(?:kz|ru|com|org|media|net)\b|^(?:admin|редакция|editor)$", re.I)


@dataclass
class Meta:
    """Raw metadata candidates, before dates are parsed."""

    title: str | None = None
    date_texts: list[DateText] = field(default_factory=list)
    modified_texts: list[DateText] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    section: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    html_lang: str | None = None
    article_body: str | None = None  # the JSON-LD articleBody, evidence for the generic path
    locale: str | None = None


def _unique(values: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for v in values:
        key = v.casefold()
        if v and key not in seen:
            seen.add(key)
            out.append(v)
    return out


def strip_site_suffix(title: str, site_names: list[str]) -> str:
    """Drop trailing (or leading) segments that name the site: a whole site name, or one containing it."""
    names = {n.casefold().strip() for name in site_names if name for n in [name, *_TITLE_SEPARATORS.split(name)]}
    names.discard("")

    def is_site(seg: str) -> bool:
        s = seg.casefold().strip()
        return s in names or any(len(n) > 3 and n in s for n in names) or bool(_DOMAIN.search(s))

    title = _strip_sentence_suffix(title, is_site)
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
    while len(parts) > 1 and (parts[0].casefold().strip() in names or _DOMAIN.search(parts[0].casefold().strip())):
        parts.pop(0)
    return _rejoin(title, parts)


def _strip_sentence_suffix(title: str, is_site: Callable[[str], bool]) -> str:
    """`Заголовок. Медицина. Tengrinews.kz` -> `Заголовок`: a site name after a full stop, with the
    short section name before it (kept when the headline would end on an initial, `А. Иванов`)."""
    parts = _SENTENCE_SEPARATOR.split(title)
    if len(parts) < 2 or not is_site(parts[-1]):
        return title
    parts.pop()
    section = parts[-1]
    if (
        len(parts) > 1
        and len(section.split()) <= SECTION_MAX_WORDS
        and len(section) <= SECTION_MAX_CHARS
        and not _INITIAL.search(parts[-2])
    ):
        parts.pop()
    return title[: title.find(parts[-1]) + len(parts[-1])] if len(parts) == 1 else _rejoin(title, parts)


def _rejoin(title: str, parts: list[str]) -> str:
    """The original text spanning the kept segments (separators as they were)."""
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if start >= 0 and end > start else " ".join(parts)


def _clean_tag(tag: str) -> str:
    return normalize_line(tag.lstrip("#").strip(" ,;"))


def extract_meta(root: Root, profile: SiteProfile | None, layout: Layout | None) -> Meta:
    """Title, date texts, authors, tags, section, canonical URL, site name and <html lang>."""
    tree = root if isinstance(root, ParsedPage) else ParsedPage(root)  # type: ignore[arg-type]
    objects = jsonld.jsonld_objects(tree)
    art = jsonld.article_object(objects)
    meta = Meta()
    doc = tree.tree.root  # the document element: the first `html` match whenever it is <html>
    html = doc if doc is not None and doc.tag == "html" else tree.css_first("html")
    meta.html_lang = (html.attributes.get("lang") or html.attributes.get("xml:lang")) if html is not None else None
    meta.site_name = select_first(tree, ('meta[property="og:site_name"]@content',)) or next(
        iter(jsonld.names(art.get("publisher"))), None
    )
    body = art.get("articleBody")
    meta.article_body = body.strip() if isinstance(body, str) and body.strip() else None
    meta.canonical_url = select_first(tree, ('link[rel="canonical"]@href', 'meta[property="og:url"]@content'))

    lay = layout or Layout(version="", valid_from="", body=())
    site_names = [meta.site_name or "", profile.name if profile else "", *(profile.title_suffixes if profile else ())]
    title: str | None = (select_first(tree, lay.title) if lay.title else None) or normalize_line(
        str(art.get("headline") or "")
    )
    title = title or select_first(
        tree, ('meta[property="og:title"]@content', 'meta[name="twitter:title"]@content', "h1", "title")
    )
    meta.title = strip_site_suffix(title, site_names) if title else None

    # A profile's layout knows where its date is; elsewhere read the lines by the headline too.
    visible = datevisible.near_title(tree, meta.title) if layout is None else []
    meta.date_texts, meta.modified_texts = date_texts(tree, layout, objects, visible)
    meta.locale = select_first(tree, ('meta[property="og:locale"]@content',))

    authors = select_all(tree, lay.authors) if lay.authors else []
    if not authors and jsonld.is_person(art.get("author")):
        authors = jsonld.names(art.get("author"))
    if not authors and not lay.authors:
        authors = [
            a
            for a in select_all(tree, ('meta[name="author"]@content', 'meta[property="article:author"]@content'))
            if not _ORG_AUTHOR.search(a) and not a.startswith("http")
        ]
    publisher = {n.casefold() for n in [*jsonld.names(art.get("publisher")), *site_names] if n}
    meta.authors = _unique([normalize_line(a) for a in authors if a.casefold() not in publisher])

    tags = select_all(tree, lay.tags) if lay.tags else []
    if not tags:
        tags = select_all(tree, ('meta[property="article:tag"]@content',))
    if not tags:
        kw = art.get("keywords")
        tags = [t for t in (kw.split(",") if isinstance(kw, str) else jsonld.names(kw))]
    meta.tags = _unique([_clean_tag(t) for t in tags])

    section = select_first(tree, lay.section) if lay.section else None
    section = (
        section
        or normalize_line((jsonld.names(art.get("articleSection")) or [""])[0])
        or select_first(tree, ('meta[property="article:section"]@content',))
    )
    if not section:
        crumbs = jsonld.breadcrumb_names(objects)
        section = crumbs[-1] if len(crumbs) > 1 else None
    meta.section = section or None
    return meta


def page_title(tree: Root, profile: SiteProfile | None, site_name: str | None) -> str | None:
    """The page's own title (og:title or <title>, site suffix removed): for homepages and listings."""
    title = select_first(tree, ('meta[property="og:title"]@content', "title"))
    names = [site_name or "", *((profile.name, *profile.title_suffixes) if profile else ())]
    return strip_site_suffix(title, names) if title else None
