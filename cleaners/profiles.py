"""Declarative site profiles: one `SiteProfile` per outlet in `cleaners/sites/`.

A profile lists its domains and language editions and one or more `Layout`s. Layouts
are Fundus-style versions: each names the date it started to apply, newest first; the
first layout whose `detect` selector matches the page is used, so old saved pages keep
their old layout and fixtures keep passing after a redesign.

Selectors are CSS; `sel@attr` reads an attribute instead of the text.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from .profile_check import check_profile, check_registry
from .textfilters import FilterRules


@dataclass(frozen=True)
class Edition:
    """A language edition: a host, optionally narrowed by a path prefix, and how its spider crawls it.

    Each edition is one Scrapy spider (`scrapers/spiders/__init__.py` makes them from the registry).

    Attributes:
        language: `ru`, `kk` or `en`.
        host: the edition's host name.
        path_prefix: URL paths of this edition start with it (`/ru/`), or empty.
        start_url: where its spider starts (a sitemap, sitemap index, feed or listing page).
        query: a `key=value` the URL's query must carry (gov.kz's `?lang=ru`).
        spider: the spider's name (`tengrinews_ru`), unique across outlets.
        article: regex searched in an article URL's path and query (`/news/123-slug?lang=ru`).
        follow: regex: which sitemaps of a sitemap index the spider reads (default: all).
        next_page: listing pagination, a path with `{n}` (`/news?page={n}`); default: none.
        listing_sections: bare section paths (`kazakhstan_news` for `/kazakhstan_news/`, also after
            an edition prefix such as `/kz/`) that are listing pages of this edition, not articles.
    """

    language: str
    host: str
    path_prefix: str = ""
    start_url: str = ""
    query: str = ""
    spider: str = ""
    article: str = ""
    follow: str = ""
    next_page: str = ""
    listing_sections: tuple[str, ...] = ()

    def path_matches(self, url: str) -> bool:
        """Does the URL's path start with this edition's prefix and its query carry `query`?"""
        parts = urlsplit(url)
        return parts.path.startswith(self.path_prefix) and (not self.query or self.query in parts.query.split("&"))


@dataclass(frozen=True)
class Layout:
    """The markup of one period of an outlet's article pages.

    Every selector field is a tuple of CSS selectors tried in order (`sel@attr` reads an attribute).

    Attributes:
        version: the layout's name, shown in `Article.layout` (`tengrinews.kz@2024`).
        valid_from: ISO date the layout started (documentation and reports).
        body: the article text's containers.
        detect: the layout applies when one of these matches (default: `body`).
        title: the headline.
        date: the publication time's text or attribute.
        date_modified: the modification time.
        date_formats: strptime formats tried before the general date parser.
        lead: a lead paragraph outside the body, put first.
        authors: author names.
        tags: tag links or keywords.
        section: the rubric.
        junk: removed inside the body before its text is read.
        rules: the outlet's own text-filter line rules, added to the generic ones.
        generic_prune: also apply the generic junk pruning inside the body.
    """

    version: str
    valid_from: str
    body: tuple[str, ...]
    detect: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    date_modified: tuple[str, ...] = ()
    date_formats: tuple[str, ...] = ()
    lead: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    section: tuple[str, ...] = ()
    junk: tuple[str, ...] = ()
    rules: FilterRules = FilterRules()
    generic_prune: bool = True

    @property
    def detectors(self) -> tuple[str, ...]:
        return self.detect or self.body


@dataclass(frozen=True)
class SiteProfile:
    """One outlet: its domains, language editions and layouts (a module in `cleaners/sites/`).

    Attributes:
        id: the outlet id, the records' `source` (`tengrinews.kz`).
        name: the outlet's name, the records' `source_name`.
        domains: hosts of the outlet; a URL on one of them (or a subdomain) picks this profile.
        editions: one per language edition (and host or path prefix).
        layouts: newest first; the first whose `detect` matches the page is used.
        title_suffixes: site-name suffixes stripped from titles.
        notes: free text for maintainers.
    """

    id: str
    name: str
    domains: tuple[str, ...]
    editions: tuple[Edition, ...]
    layouts: tuple[Layout, ...]
    title_suffixes: tuple[str, ...] = ()
    notes: str = ""

    def __post_init__(self) -> None:
        check_profile(self)

    def edition_for(self, url: str | None) -> Edition | None:
        """The URL's edition: one whose host is the URL's host (or a parent domain of it) and whose
        path prefix and query the URL has; the same host beats a parent domain, then the longest
        prefix wins, then the first listed."""
        if not url:
            return None
        host = (urlsplit(url).hostname or "").lower()
        best: tuple[tuple[bool, int], Edition] | None = None
        for ed in self.editions:
            if _host_matches(host, ed.host) and ed.path_matches(url):
                rank = (_same_host(host, ed.host), len(ed.path_prefix))
                if best is None or rank > best[0]:
                    best = (rank, ed)
        return best[1] if best else None

    def listing_sections(self, url: str | None) -> tuple[str, ...]:
        """The section paths that are listings on the URL's edition (none off the profile's editions)."""
        edition = self.edition_for(url)
        return edition.listing_sections if edition else ()


def _same_host(host: str, other: str) -> bool:
    return host.removeprefix("www.") == other.removeprefix("www.")


def _host_matches(host: str, domain: str) -> bool:
    host, domain = host.removeprefix("www."), domain.removeprefix("www.")
    return host == domain or host.endswith("." + domain)


@lru_cache(maxsize=1)
def all_profiles() -> tuple[SiteProfile, ...]:
    """Every profile in `cleaners.sites`, sorted by id (each module defines `PROFILE`)."""
    from . import sites

    found: list[SiteProfile] = []
    for info in pkgutil.iter_modules(sites.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{sites.__name__}.{info.name}")
        profile = getattr(module, "PROFILE", None)
        if isinstance(profile, SiteProfile):
            found.append(profile)
    check_registry(found)
    return tuple(sorted(found, key=lambda p: p.id))


def profile_for_url(url: str | None) -> SiteProfile | None:
    """The profile whose domain matches the URL's host (the most specific domain wins)."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return _profile_for_host(host) if host else None


@lru_cache(maxsize=1024)
def _profile_for_host(host: str) -> SiteProfile | None:
    best: tuple[int, SiteProfile] | None = None
    for profile in all_profiles():
        for domain in profile.domains:
            if _host_matches(host, domain) and (best is None or len(domain) > best[0]):
                best = (len(domain), profile)
    return best[1] if best else None


def profile_by_id(profile_id: str) -> SiteProfile | None:
    return next((p for p in all_profiles() if p.id == profile_id), None)
