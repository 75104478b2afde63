"""Read WARC and ARC files record by record (warcio), surviving broken input.

`read_archive(path, wanted)` yields a `Capture` for every HTTP 200 HTML response whose URL
`wanted` accepts, and a `Skip` (with a reason) for every other record, so a run can count what it
left out. Broken input never ends the file: after an unreadable record (a truncated gzip member,
a garbled header, a wrong Content-Length that throws the reader off the record boundary) the
reader resynchronises at the next gzip member (or `WARC/1.` header line in an uncompressed file)
and goes on. Reasons:

  not_response  warcinfo, request, metadata, resource... records (only responses are pages)
  revisit       a revisit record (the payload is an earlier capture's, emitted from there)
  not_http      a response that is not an HTTP response (dns:, ftp:, no HTTP headers)
  other_host    the URL is not one `wanted` accepts
  http_<code>   an HTTP status other than 200
  not_html      a Content-Type other than HTML
  too_large     a record (or its decoded payload) over `max_bytes`
  truncated     the record ends before its Content-Length (a cut-off file or gzip member)
  bad_length    the record is not followed by the record separator (its Content-Length is wrong)
  bad_digest    the block or payload does not match its WARC digest
  bad_payload   the payload's transfer or content encoding cannot be decoded
  corrupt       an unreadable stretch of the file, skipped up to the next record
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecordLoader
from warcio.statusandheaders import StatusAndHeadersParserException

from .crawlstate import utc
from .discovery import parse_utc_date

MAX_RECORD_BYTES = 10 * 1024 * 1024  # the cleaner's own input limit (cleaners.options.CleanOptions.max_bytes)
GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"\nWARC/1."  # a header line after a record's separator
SCAN_CHUNK = 1 << 20
HTML_TYPES = ("text/html", "application/xhtml+xml")
READ_ERRORS = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    zlib.error,
    EOFError,
    ValueError,
    IndexError,
    KeyError,
    TypeError,
    OSError,
)


logging.getLogger("warcio").setLevel(logging.ERROR)  # a garbled header is counted, not logged with its bytes


@dataclass(frozen=True)
class Capture:
    """One archived HTTP 200 HTML response."""

    url: str
    record_id: str
    warc_date: str | None  # the capture time, ISO 8601 UTC (`2024-10-15T11:20:00Z`)
    headers: dict[str, str] = field(repr=False)
    body: bytes = field(repr=False)  # the payload, transfer and content encodings removed
    offset: int = 0  # where the record starts in the file


@dataclass(frozen=True)
class Skip:
    reason: str
    url: str = ""


Item = Capture | Skip


class _Loader(ArcWarcRecordLoader):
    """warcio's record loader, parsing HTTP headers and verifying digests of wanted responses only
    (the others are skipped on their WARC headers: about a third faster on files of other hosts)."""

    def __init__(self, wanted: Callable[[str], bool]) -> None:
        super().__init__(verify_http=False, arc2warc=True)
        self.wanted = wanted

    def _selected(self, rec_type: str, uri: str) -> bool:
        return rec_type == "response" and uri.startswith(("http://", "https://")) and self.wanted(uri)

    def wrap_digest_verifying_stream(
        self, stream: Any, rec_type: str, rec_headers: Any, digest_checker: Any, length: int | None = None
    ) -> Any:
        uri = (rec_headers.get_header("WARC-Target-URI") or "").strip("<>")
        if not self._selected(rec_type, uri):
            return stream, False
        return super().wrap_digest_verifying_stream(stream, rec_type, rec_headers, digest_checker, length)

    def load_http_headers(self, rec_type: str, uri: str, stream: Any, length: int | None) -> Any:
        return super().load_http_headers(rec_type, uri, stream, length) if self._selected(rec_type, uri) else None


class _Iterator(ArchiveIterator):
    INC_RECORD = ""  # warcio prints this for a bad Content-Length; we count it as `bad_length` instead

    def __init__(self, fh: IO[bytes], wanted: Callable[[str], bool]) -> None:
        super().__init__(fh, check_digests=True, arc2warc=True)
        self.loader = _Loader(wanted)


def read_archive(
    path: str, wanted: Callable[[str], bool] = lambda url: True, max_bytes: int = MAX_RECORD_BYTES
) -> Iterator[Item]:
    """Every record of the file, as a `Capture` or a `Skip`."""
    with open(path, "rb") as fh:
        gzipped = fh.read(2) == GZIP_MAGIC[:2]
        start: int | None = 0
        while start is not None:
            start = yield from _read_from(fh, start, gzipped, wanted, max_bytes)


def _read_from(
    fh: IO[bytes], start: int, gzipped: bool, wanted: Callable[[str], bool], max_bytes: int
) -> Generator[Item, None, int | None]:
    """Records from `start` to the end of the file or the first unreadable one; returns where to go on."""
    fh.seek(start)
    magic = GZIP_MAGIC if gzipped else WARC_MAGIC
    it = _Iterator(fh, wanted)
    good = False
    while True:
        try:
            record = next(it)
            errors, record_start = it.err_count, it.offset
            item = _judge(record, it, wanted, max_bytes)
            it.read_to_end()
        except StopIteration:
            return None
        except READ_ERRORS:
            failed_at = max(it.offset, start)
            if good or failed_at == 0:  # a stretch of false starts while resynchronising counts once
                yield Skip("corrupt")
            return _resync(fh, failed_at + 1, magic)
        good = True
        if it.err_count > errors and record.format == "warc":  # no separator after it: the next record starts inside
            yield Skip("bad_length", item.url)
            return _resync(fh, record_start + 1, magic)
        yield _checked(item, record)


def _judge(record: Any, it: _Iterator, wanted: Callable[[str], bool], max_bytes: int) -> Item:
    """A Capture (payload read) for a wanted page, else why not (nothing read)."""
    kind = record.rec_type
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<>")
    if kind == "revisit":
        return Skip("revisit", url)
    if kind != "response":
        return Skip("not_response", url)
    if not url.startswith(("http://", "https://")):
        return Skip("not_http", url)
    if not wanted(url):
        return Skip("other_host", url)
    http = record.http_headers
    if http is None:
        return Skip("not_http", url)
    status = http.get_statuscode()
    if status != "200":
        return Skip(f"http_{status}" if (status or "").isdigit() else "not_http", url)
    ctype = (http.get_header("Content-Type") or "text/html").split(";")[0].strip().lower()
    if ctype not in HTML_TYPES:
        return Skip("not_html", url)
    if (record.length or 0) - len(http.to_bytes()) > max_bytes:
        return Skip("too_large", url)
    try:
        body = record.content_stream().read(max_bytes + 1)
    except READ_ERRORS:
        return Skip("bad_payload", url)
    if len(body) > max_bytes:
        return Skip("too_large", url)
    headers = {k: v for k, v in http.headers}
    date = parse_utc_date(record.rec_headers.get_header("WARC-Date"))
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    if record.format != "warc" or not record_id:  # ARC records have no id (warcio makes up a random one)
        record_id = f"<urn:offset:{it.offset}>"
    return Capture(url, record_id, utc(date) if date else None, headers, body, it.offset)


def _checked(item: Item, record: Any) -> Item:
    """The record read to its end: was it whole and true to its length and digests?"""
    if isinstance(item, Skip):
        return item  # not read for its content: its integrity does not matter
    url = item.url
    if getattr(record.raw_stream, "limit", 0) > 0:
        return Skip("truncated", url)
    checker = getattr(record, "digest_checker", None)
    if checker is not None and checker.passed is False:
        return Skip("bad_digest", url)
    return item


def _resync(fh: IO[bytes], position: int, magic: bytes) -> int | None:
    """The offset of the next record start at or after `position`, or None at the end of the file."""
    fh.seek(position)
    carry = b""
    base = position
    while True:
        chunk = fh.read(SCAN_CHUNK)
        if not chunk:
            return None
        data = carry + chunk
        found = data.find(magic)
        if found >= 0:
            return base - len(carry) + found + (1 if magic == WARC_MAGIC else 0)
        carry = data[-(len(magic) - 1) :]
        base += len(chunk)
