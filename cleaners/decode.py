"""Bytes to text: BOM, HTTP charset, <meta charset>, then detection; never silent mojibake."""

from __future__ import annotations

import codecs
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from charset_normalizer import from_bytes
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom, resolve_encoding

from .charsets import implausible, redecode
from .errors import DecodeError, EmptyInputError, NotHTMLError, TooLargeError

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"wOFF", "web font"),
    (b"\x7fELF", "executable"),
)
_CYRILLIC_CANDIDATES = ("utf-8", "cp1251", "koi8-r", "cp866", "iso8859-5", "mac-cyrillic")
# "РџСЂ"-style runs: UTF-8 Cyrillic read as cp1251.
_MOJIBAKE = re.compile(r"(?:[РС][\u0400-\u045f\u0490-\u04ff]){3,}|(?:Ð[\u0080-\u00ff]){3,}")
_CONTROL_BYTES = bytes(range(9)) + bytes(range(14, 32))  # C0 controls other than \t \n \v \f \r
MAGIC_HEAD = 64  # bytes in which a binary format's signature is looked for
BINARY_SAMPLE = 8192  # bytes checked for control characters
MAX_CONTROL_SHARE = 0.1  # more control bytes than this share: binary, not a page
MOJIBAKE_SAMPLE, MOJIBAKE_RUNS = 200_000, 3  # characters searched, and runs that make a page mojibake
DETECT_SAMPLE = 400_000  # bytes charset-normalizer reads to guess an unlabelled page's encoding
TAG_SAMPLE = 65536  # bytes searched for markup first (the whole page only when they have none)
UTF8_MAX_CONTINUATION = 3  # bytes a truncated UTF-8 character can leave after its lead byte
_TAG = re.compile(rb"<\s*(?:!doctype|html|head|body|meta|title|div|p|article|span|a|table|script)\b", re.I)


@dataclass
class Decoded:
    """The decoded page; `utf8` is set when the input bytes were exactly `text` in UTF-8."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)
    utf8: bytes | None = None

    @property
    def markup(self) -> str | bytes:
        """What to parse: the UTF-8 bytes when there are such (the parser need not re-encode)."""
        return self.utf8 if self.utf8 is not None else self.text


def _header(headers: Mapping[str, object] | None, name: str) -> str | None:
    if not headers:
        return None
    for key, value in headers.items():
        k = key.decode("latin-1") if isinstance(key, bytes) else str(key)
        if k.lower() == name:
            if isinstance(value, (list, tuple)):
                value = value[0] if value else b""
            return value.decode("latin-1") if isinstance(value, bytes) else str(value)
    return None


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress a gzip body, refusing anything that would exceed max_bytes."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise NotHTMLError(f"gzip data is corrupt: {exc}") from exc
    if len(out) > max_bytes or d.unconsumed_tail:
        raise TooLargeError(f"gzip body inflates beyond {max_bytes} bytes")
    return out


def check_binary(data: bytes) -> None:
    """Raise NotHTMLError for known binary formats and control-character soup."""
    head = data[:MAGIC_HEAD].lstrip()
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            raise NotHTMLError(f"input is a {what}, not HTML")
    sample = data[:BINARY_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > len(sample) * MAX_CONTROL_SHARE:
        raise NotHTMLError(f"input looks binary ({controls} control bytes in the first {len(sample)})")


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_mojibake(text: str) -> bool:
    return len(_MOJIBAKE.findall(text[:MOJIBAKE_SAMPLE])) >= MOJIBAKE_RUNS


def _detect(data: bytes) -> tuple[str, str] | None:
    best = from_bytes(data[:DETECT_SAMPLE], cp_isolation=list(_CYRILLIC_CANDIDATES) + ["latin-1", "utf-16"]).best()
    if best is None:
        return None
    enc = best.encoding
    text = _strict(data, enc)
    return (text, enc) if text is not None else None


def _utf8_truncated(data: bytes) -> str | None:
    """UTF-8 whose last character was cut off (a truncated download)."""
    for cut in range(1, UTF8_MAX_CONTINUATION + 1):
        text = _strict(data[:-cut], "utf-8")
        if text is not None:
            return text
    return None


def decode_html(data: bytes, headers: Mapping[str, object] | None = None, *, max_bytes: int) -> Decoded:
    """Decode page bytes; raises a CleanerError subclass when it cannot be done honestly."""
    if len(data) > max_bytes:
        raise TooLargeError(f"input is {len(data)} bytes, over the limit of {max_bytes}")
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, max_bytes)
    if not data or data.isspace():  # `not data.strip()` without copying the page
        raise EmptyInputError("input is empty")
    warnings: list[str] = []
    bom_enc, bom = read_bom(data)
    if bom_enc and bom:  # read_bom gives both or neither
        return Decoded(
            data[len(bom) :].decode(bom_enc, errors="replace"), resolve_encoding(bom_enc) or bom_enc, warnings
        )
    check_binary(data)
    if not _TAG.search(data, 0, TAG_SAMPLE) and not _TAG.search(data):
        raise NotHTMLError("input has no HTML markup (use clean_text for plain text)")
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")
        warnings.append("nul_bytes_removed")
    declared = http_content_type_encoding(_header(headers, "content-type") or "") or html_body_declared_encoding(data)
    declared = resolve_encoding(declared) if declared else None
    if declared and codecs.lookup(declared).name.startswith(("utf-16", "utf-32")):  # no BOM, no NULs: not so
        declared = None
        warnings.append("charset_mismatch")
    as_utf8 = _strict(data, "utf-8")
    if as_utf8 is not None:
        if declared and codecs.lookup(declared).name != "utf-8" and not data.isascii():
            warnings.append("charset_mismatch")
        return Decoded(as_utf8, "utf-8", warnings, utf8=data)
    if declared and codecs.lookup(declared).name == "utf-8":
        truncated = _utf8_truncated(data)
        if truncated is not None:
            return Decoded(truncated, "utf-8", warnings + ["truncated_input"])
    if declared and codecs.lookup(declared).name != "utf-8":
        text = _strict(data, declared)
        if text is not None and not _looks_mojibake(text):
            return _plausible(data, Decoded(text, declared, warnings))
    truncated = _utf8_truncated(data)
    if truncated is not None:
        return Decoded(truncated, "utf-8", warnings + ["truncated_input"])
    detected = _detect(data)
    if detected is None:
        if declared:
            return Decoded(data.decode(declared, errors="replace"), declared, warnings + ["decode_errors"])
        raise DecodeError("no charset decodes this input")
    text, enc = detected
    if "charset_mismatch" not in warnings:
        warnings.append("charset_mismatch" if declared else "charset_detected")
    return _plausible(data, Decoded(text, enc, warnings))


def _plausible(data: bytes, decoded: Decoded) -> Decoded:
    """decoded, or a single-byte Cyrillic reading when decoded is implausible text (cleaners/charsets.py);
    warning charset_mismatch, or charset_implausible when no reading fits."""
    if not implausible(decoded.text):
        return decoded
    fixed = redecode(data)
    if fixed is None:
        return Decoded(decoded.text, decoded.encoding, [*decoded.warnings, "charset_implausible"])
    known = {"charset_detected", "charset_mismatch"} & set(decoded.warnings)
    return Decoded(fixed[0], fixed[1], decoded.warnings if known else [*decoded.warnings, "charset_mismatch"])


__all__ = ["Decoded", "decode_html", "check_binary"]
