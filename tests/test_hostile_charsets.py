"""Hostile charsets: mislabelled single-byte pages are read right (warning charset_mismatch), not as silent mojibake."""

from __future__ import annotations

import pytest

from cleaners.decode import decode_html

RU = "Президент Казахстана Касым-Жомарт Токаев провёл совещание по вопросам экономики и социальной сферы. " * 5
KK = "Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев үкіметтің кеңейтілген отырысын өткізді. " * 5
MAX = 10 << 20


def _page(meta: str, text: str, encoding: str) -> bytes:
    return f"<html><head>{meta}<title>News</title></head><body><p>{text}</p></body></html>".encode(encoding)


@pytest.mark.parametrize(
    ("data", "headers", "encoding"),
    [
        (_page('<meta charset="iso-8859-1">', RU, "cp1251"), None, "cp1251"),
        (_page("", RU, "cp1251"), {"Content-Type": "text/html; charset=ISO-8859-1"}, "cp1251"),
        (_page('<meta charset="koi8-r">', RU, "cp1251"), None, "cp1251"),
        (_page('<meta charset="windows-1251">', RU, "koi8-r"), None, "koi8-r"),
        (_page('<meta charset="utf-16">', RU, "cp1251"), None, "cp1251"),
        (_page('<meta charset="utf-8">', RU, "cp1251"), None, "cp1251"),
        (_page('<meta charset="windows-1251">', KK, "kz1048"), None, "kz1048"),
    ],
    ids=[
        "latin1-meta",
        "latin1-header",
        "koi8-for-cp1251",
        "cp1251-for-koi8",
        "utf16",
        "utf8-meta",
        "kz1048-as-cp1251",
    ],
)
def test_mislabelled_pages_are_read_right(data: bytes, headers: dict[str, str] | None, encoding: str) -> None:
    decoded = decode_html(data, headers, max_bytes=MAX)
    assert RU[:40] in decoded.text or KK[:40] in decoded.text, decoded.text[:200]
    assert decoded.encoding == encoding and "charset_mismatch" in decoded.warnings


def test_unlabelled_kz1048_is_detected() -> None:
    decoded = decode_html(_page("", KK, "kz1048"), None, max_bytes=MAX)
    assert KK[:40] in decoded.text and decoded.encoding == "kz1048"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RU.upper(), "cp1251"),  # a page in capitals is still plausible
        (RU, "koi8-r"),
        ("Le président a visité la région et a rencontré les élèves à l'école. " * 5, "iso-8859-1"),
    ],
)
def test_correctly_labelled_pages_are_left_alone(text: str, encoding: str) -> None:
    decoded = decode_html(_page(f'<meta charset="{encoding}">', text, encoding), None, max_bytes=MAX)
    assert text[:40] in decoded.text and decoded.warnings == []
