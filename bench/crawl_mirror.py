"""The crawl benchmark's mirror: N distinct article pages made from one edition's fixtures.

Each article fixture of the spider's edition (not listings, homepages or undated pages) becomes
a template: its URL slug (everywhere in the page: canonical link, og:url, share links) and one
body word, unique in the page, are cut out. Copy n puts back `b{n}-{slug}` (or the slug's number
with n appended, where the spider's URL pattern wants digits) and `{word} {n}`, so every copy has
its own URL, canonical URL and body fingerprint, and cleans like the fixture. Copies are made per
request; nothing is stored. A sitemap index at the spider's start URL lists child sitemaps
(`sitemap-news-<i>.xml`, `chunk` URLs each) that list the copies, each with its fixture's date.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from cleaners.fixtures import Fixture
from scrapers.base import NewsSpider
from scrapers.discovery import parse_utc_date
from scrapers.urlguard import path_and_query

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
_SLUG, _WORD = b"\x00S\x00", b"\x00W\x00"
_MARK = re.compile(b"(\x00[SW]\x00)")


@dataclass(frozen=True)
class Template:
    """A fixture article page with its slug and one body word cut out."""

    name: str  # outlet/fixture
    url: str  # the fixture's URL
    slug: str  # the URL's last path segment
    word: str  # the body word that gets the copy number after it
    pieces: tuple[bytes, ...]  # page split at the markers
    date: str  # the fixture's fetched_at as an HTTP Date header ("" when unknown)
    lastmod: str  # the article's date (ISO 8601), for the sitemap
    expected_body: str

    def copy_url(self, n: int, owns: Callable[[str], bool]) -> tuple[str, str] | None:
        """Copy n's outlet URL and slug (the first candidate slug the spider owns), or None."""
        for slug in _new_slugs(self.slug, n):
            url = self.url.replace(self.slug, slug)
            if owns(url):
                return url, slug
        return None

    def render(self, n: int, slug: str) -> bytes:
        word, new_slug = f"{self.word} {n}".encode(), slug.encode()
        return b"".join(new_slug if p == _SLUG else word if p == _WORD else p for p in self.pieces)


def _new_slugs(slug: str, n: int) -> list[str]:
    """Candidate slugs of copy n: a prefix, else n appended to the slug's first number."""
    digits = re.sub(r"\d+", lambda m: f"{m.group()}{n:07d}", slug, count=1)
    return [f"b{n}-{slug}", digits]


def _slug(url: str) -> str:
    parts = urlsplit(url)
    return parts.path.rstrip("/").rsplit("/", 1)[1]


def _pick_word(html: bytes, body: str) -> str | None:
    """A word of the body's last paragraphs that occurs exactly once in the page."""
    paragraphs = [p for p in body.split("\n") if p.strip()]
    for para in reversed(paragraphs):
        for word in para.split():
            if len(word) > 6 and word.isalpha() and html.count(word.encode()) == 1:
                return word
    return None


def make_template(fx: Fixture) -> Template | None:
    """The template of an article fixture, or None for listings, homepages and undated pages."""
    if not fx.url or not fx.expected_path.exists():
        return None
    expected = fx.expected()
    if (
        expected.get("kind") == "listing"
        or "not_article" in (expected.get("warnings") or [])
        or expected.get("not_article")
        or not expected.get("date")
        or not expected.get("body")
    ):
        return None
    html, slug = fx.read_page(), _slug(fx.url)
    word = _pick_word(html, expected["body"])
    if not slug or word is None:
        return None
    marked = html.replace(word.encode(), _WORD).replace(slug.encode(), _SLUG)
    pieces = tuple(p for p in _MARK.split(marked) if p)
    fetched = parse_utc_date(fx.meta.get("fetched_at"))
    date = format_datetime(fetched.astimezone(UTC), usegmt=True) if fetched else ""
    return Template(f"{fx.outlet}/{fx.name}", fx.url, slug, word, pieces, date, expected["date"], expected["body"])


@dataclass
class Mirror:
    """The copies of one spider's templates: URL path → (template, n), and the sitemaps."""

    spider: str
    start_path: str
    templates: list[Template]
    urls: list[str]  # outlet URLs of the copies, in order
    index: dict[str, tuple[int, int, str]]  # path (with query) → (template index, n, slug)
    chunk: int

    def sitemaps(self) -> int:
        return (len(self.urls) + self.chunk - 1) // self.chunk

    def sitemap_index(self, base: str) -> bytes:
        items = "".join(f"<sitemap><loc>{base}/sitemap-news-{i}.xml</loc></sitemap>\n" for i in range(self.sitemaps()))
        return _xml(f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{items}</sitemapindex>')

    def sitemap(self, i: int, base: str) -> bytes | None:
        if not 0 <= i < self.sitemaps():
            return None
        rows = []
        for url in self.urls[i * self.chunk : (i + 1) * self.chunk]:
            t = self.templates[self.index[path_and_query(url)][0]]
            rows.append(f"<url><loc>{escape(base + path_and_query(url))}</loc><lastmod>{t.lastmod}</lastmod></url>\n")
        return _xml(f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{"".join(rows)}</urlset>')

    def page(self, path: str) -> tuple[bytes, str] | None:
        """The article page at this path and its Date header, or None."""
        found = self.index.get(path)
        if found is None:
            return None
        t = self.templates[found[0]]
        return t.render(found[1], found[2]), t.date


def _xml(text: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")


def spider_class(name: str) -> type[NewsSpider]:
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "scrapers.settings")
    from scrapers.mirror import spider_classes

    found = {s.name: s for s in spider_classes()}
    if name not in found:
        raise SystemExit(f"unknown spider {name!r}; known: {', '.join(sorted(found))}")
    return found[name]


def build_mirror(spider_name: str, articles: int, chunk: int = 1000, root: Path = FIXTURES) -> Mirror:
    """The mirror of `articles` copies of the spider's article fixtures, round robin."""
    from scrapers.mirror import edition_fixtures

    spider = spider_class(spider_name)
    templates = [
        t
        for t in (make_template(fx) for fx in edition_fixtures(spider, root))
        if t is not None and all(t.copy_url(n, spider.owns) for n in (0, articles))
    ]
    if not templates:
        raise SystemExit(f"{spider_name}: no article fixture can be replicated")
    urls, index = [], {}
    for n in range(articles):
        k = n % len(templates)
        found = templates[k].copy_url(n, spider.owns)
        if found is None:
            raise SystemExit(f"{templates[k].name}: no copy URL matches {spider_name}'s article pattern")
        urls.append(found[0])
        index[path_and_query(found[0])] = (k, n, found[1])
    if len(index) != articles:
        raise SystemExit(f"{spider_name}: copy URLs collide ({len(index)} distinct of {articles})")
    start = spider.edition.start_url
    return Mirror(spider_name, path_and_query(start), templates, urls, index, chunk)


def check_mirror(mirror: Mirror) -> list[str]:
    """Problems of the first copy of each template, cleaned as the pipeline will (empty: none)."""
    from cleaners import clean_html

    problems = []
    for k, t in enumerate(mirror.templates):
        if k >= len(mirror.urls):
            break
        url = mirror.urls[k]
        _, n, slug = mirror.index[path_and_query(url)]
        fetched = parse_utc_date(t.date) if t.date else None
        article = clean_html(t.render(n, slug), url, fetched_at=fetched.isoformat() if fetched else None).to_dict()
        if article.get("date") != t.lastmod:
            problems.append(f"{t.name}: date {article.get('date')!r}, fixture says {t.lastmod!r}")
        if f"{t.word} {n}" not in article.get("body", ""):
            problems.append(f"{t.name}: the copy number is not in the cleaned body")
        if article.get("canonical_url") not in (None, url):
            problems.append(f"{t.name}: canonical URL {article.get('canonical_url')} is not the copy's {url}")
        if article.get("body", "").replace(f"{t.word} {n}", t.word) != t.expected_body:
            problems.append(f"{t.name}: the cleaned body differs from the fixture's beyond the copy number")
    return problems
