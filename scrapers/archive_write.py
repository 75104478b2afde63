"""Write WARC files of pages (warcio): the bundled mirrors' article pages as an archive would hold them.

Used by the tests and `bench.archive` to make archives whose every page is a fixture: each page is
a `response` record with the HTTP headers the mirror server sends (scrapers/mirror.py: Content-Type,
Content-Length, and the fixture's `fetched_at` as Date) and that time as WARC-Date.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Self

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .discovery import parse_utc_date

DEFAULT_DATE = "2024-01-01T00:00:00Z"  # a page without a known fetch time


@dataclass(frozen=True)
class ArchivedResponse:
    """One archived HTTP response."""

    url: str
    body: bytes = field(repr=False)
    warc_date: str = DEFAULT_DATE  # ISO 8601 UTC
    status: str = "200 OK"
    content_type: str = "text/html"

    def http_headers(self) -> list[tuple[str, str]]:
        served = datetime.fromisoformat(self.warc_date)
        return [
            ("Content-Type", self.content_type),
            ("Content-Length", str(len(self.body))),
            ("Date", format_datetime(served.astimezone(UTC), usegmt=True)),
        ]


def warc_date(iso: str | None) -> str:
    """An ISO 8601 time as a WARC-Date (UTC, seconds)."""
    parsed = parse_utc_date(iso)
    return parsed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if parsed else DEFAULT_DATE


def mirror_pages(root: Path | None = None) -> list[ArchivedResponse]:
    """Every article page the bundled mirrors serve (scrapers.mirror), once per URL, in spider order."""
    from .mirror import edition_fixtures, mirror_root, spider_classes

    pages: dict[str, ArchivedResponse] = {}
    for spider in sorted(spider_classes(), key=lambda s: s.name):
        for fx in edition_fixtures(spider, root or mirror_root()):
            pages.setdefault(
                fx.url or "", ArchivedResponse(fx.url or "", fx.read_page(), warc_date(fx.meta.get("fetched_at")))
            )
    return list(pages.values())


class Writer:
    """Append records to one WARC file (`gzip`: one gzip member per record, as Common Crawl writes)."""

    def __init__(self, path: str | Path, gzip: bool = True) -> None:
        self.fh = open(path, "wb")  # noqa: SIM115 - closed by close() / __exit__
        self.warc = WARCWriter(self.fh, gzip=gzip)

    def warcinfo(self, name: str) -> None:
        self.warc.write_record(self.warc.create_warcinfo_record(name, {"software": "kaznews tests"}))

    def response(self, page: ArchivedResponse) -> str:
        """Write the response record; returns its payload digest (for revisits)."""
        http = StatusAndHeaders(page.status, page.http_headers(), protocol="HTTP/1.1")
        record = self.warc.create_warc_record(
            page.url,
            "response",
            payload=io.BytesIO(page.body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": page.warc_date},
        )
        self.warc.write_record(record)
        return record.rec_headers.get_header("WARC-Payload-Digest")

    def request(self, page: ArchivedResponse) -> None:
        http = StatusAndHeaders(f"GET {page.url} HTTP/1.1", [("Host", "x")], is_http_request=True)
        self.warc.write_record(
            self.warc.create_warc_record(
                page.url, "request", http_headers=http, warc_headers_dict={"WARC-Date": page.warc_date}
            )
        )

    def revisit(self, page: ArchivedResponse, digest: str, date: str) -> None:
        http = StatusAndHeaders("200 OK", page.http_headers(), protocol="HTTP/1.1")
        record = self.warc.create_revisit_record(
            page.url, digest, page.url, page.warc_date, http_headers=http, warc_headers_dict={"WARC-Date": date}
        )
        self.warc.write_record(record)

    def pages(self, pages: Iterable[ArchivedResponse]) -> None:
        for page in pages:
            self.response(page)

    def close(self) -> None:
        self.fh.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
