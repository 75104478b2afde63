"""Read discovery documents safely: sitemaps, sitemap indexes, RSS/Atom feeds (and sniff HTML).

XML is parsed by lxml with entity resolution, DTD loading and network access off, and any
document that declares entities is refused outright (no "billion laughs"); gzip is inflated
with a size cap (no gzip bombs).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from io import BytesIO

import lxml.etree
from scrapy.utils._compression import _DecompressionMaxSizeExceeded
from scrapy.utils.gz import gunzip

GZIP_MAGIC = b"\x1f\x8b"
_XML_ROOTS = {"urlset": "urlset", "sitemapindex": "sitemapindex", "rss": "feed", "feed": "feed", "RDF": "feed"}
_DATE_TAGS = ("lastmod", "publication_date", "pubDate", "published", "updated", "date")


@dataclass(frozen=True)
class Entry:
    url: str
    modified: datetime | None = None


@dataclass
class Document:
    """What a discovery response turned out to be, and the URLs it lists.

    kind: `sitemapindex` (entries are sitemaps), `urlset` or `feed` (entries are pages), `html`
    (a listing page: links are read by the spider), or a refusal: `invalid`, `too_large`, `entities`.
    """

    kind: str
    entries: list[Entry] = field(default_factory=list)
    malformed: bool = False  # XML errors were met (the entries read before and after are kept)


def parse_utc_date(text: str | None) -> datetime | None:
    """A sitemap/feed date (ISO 8601 or RFC 822) as an aware datetime; naive means UTC."""
    if not text:
        return None
    text = text.strip()
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            dt = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _entry(elem: lxml.etree._Element) -> Entry | None:
    url, modified = "", None
    for child in elem.iter():
        name = _local(child.tag)
        if name in ("loc", "link") and not url:
            url = (child.get("href") or child.text or "").strip()
        elif name in _DATE_TAGS and modified is None:
            modified = parse_utc_date(child.text)
    return Entry(url, modified) if url else None


def _parse_xml(body: bytes) -> Document:
    if b"<!ENTITY" in body:
        return Document("entities")
    events = lxml.etree.iterparse(
        BytesIO(body),
        events=("start", "end"),
        recover=True,
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    kind = ""
    entries: list[Entry] = []
    try:
        for event, elem in events:
            name = _local(elem.tag)
            if not kind:
                kind = _XML_ROOTS.get(name, "invalid")
                if kind == "invalid":
                    break
            elif event == "end" and name in ("url", "sitemap", "item", "entry"):
                if found := _entry(elem):
                    entries.append(found)
                elem.clear()
    except lxml.etree.XMLSyntaxError:
        return Document(kind or "invalid", entries, malformed=True)
    return Document(kind or "invalid", entries, malformed=len(events.error_log) > 0)


def read_document(body: bytes, max_size: int) -> Document:
    """Sniff and parse a discovery response body (gzip is inflated up to `max_size` bytes)."""
    if body[:2] == GZIP_MAGIC:
        try:
            body = gunzip(body, max_size=max_size)
        except _DecompressionMaxSizeExceeded:
            return Document("too_large")
        except (OSError, EOFError):
            return Document("invalid")
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return Document("html")
    if not head.startswith(b"<"):
        return Document("invalid")
    return _parse_xml(body)
