"""WARC files for the archive tests: the bundled mirrors' pages plus revisits, repeats and broken records."""

from __future__ import annotations

import gzip
import io
import re
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaners import CleanerError, clean_html
from scrapers.archive_write import ArchivedResponse, Writer, mirror_pages
from scrapers.state import article_key, fingerprint

PAGES = mirror_pages()
OTHER = ArchivedResponse(
    "https://example.com/news/1", b"<html><head><title>Other</title></head><body><p>Not Kazakh news.</p></body></html>"
)


def record_bytes(page: ArchivedResponse, gz: bool = True) -> bytes:
    """One response record on its own (one gzip member when `gz`)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    http = StatusAndHeaders(page.status, page.http_headers(), protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            page.url,
            "response",
            payload=io.BytesIO(page.body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": page.warc_date},
        )
    )
    return buf.getvalue()


def with_length(record: bytes, delta: int) -> bytes:
    """An uncompressed record whose WARC Content-Length is off by `delta`."""
    head, sep, rest = record.partition(b"\r\n\r\n")
    n = int(re.search(rb"Content-Length: (\d+)", head).group(1))
    return re.sub(rb"Content-Length: \d+", b"Content-Length: %d" % (n + delta), head) + sep + rest


def regzip_with_length(member: bytes, delta: int) -> bytes:
    return gzip.compress(with_length(gzip.decompress(member), delta))


def write_two(folder: Path) -> list[Path]:
    """a.warc.gz: warcinfo, request + response of the first pages, a revisit, a non-KZ host, a 404 and
    an image of a KZ outlet; b.warc (uncompressed): the rest, plus three pages of a.warc.gz again
    (a later capture, the same content)."""
    half = len(PAGES) // 2
    a, b = folder / "a.warc.gz", folder / "b.warc"
    with Writer(a) as w:
        w.warcinfo(a.name)
        digest = ""
        for page in PAGES[:half]:
            w.request(page)
            digest = w.response(page)
        w.revisit(PAGES[half - 1], digest, "2025-01-01T00:00:00Z")
        w.response(OTHER)
        w.response(
            ArchivedResponse(PAGES[0].url + "missing", b"<html><body>not found</body></html>", status="404 Not Found")
        )
        w.response(ArchivedResponse(PAGES[1].url + ".png", b"\x89PNG\r\n", content_type="image/png"))
    with Writer(b, gzip=False) as w:
        w.pages(PAGES[half:])
        w.pages(ArchivedResponse(p.url, p.body, "2025-02-01T00:00:00Z") for p in PAGES[:3])
    return [a, b]


def expected_records(captures: list[tuple[ArchivedResponse, str]]) -> list[dict]:
    """What cleaning each (page, warc file) directly gives, validated and each story once, in order."""
    out, keys, bodies = [], {}, set()
    for page, warc_file in captures:
        http = dict(page.http_headers())
        try:
            article = clean_html(page.body, page.url, fetched_at=page.warc_date, headers=http).to_dict()
        except CleanerError:
            continue
        if not article["body"].strip() or not article["date"]:
            continue
        key, fp = article_key(article), fingerprint(article["body"])
        if keys.get(key) == fp or (key not in keys and fp in bodies):
            continue
        record = {**article, "warc_file": warc_file, "fetched_at": page.warc_date}
        if key in keys:
            record["update"] = True
        keys[key] = fp
        bodies.add(fp)
        out.append(record)
    return out
