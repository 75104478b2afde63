"""Bad input gets a typed error or an Article with warnings: never a crash or a hang."""

from __future__ import annotations

import gzip

import pytest

from cleaners import Article, CleanerError, CleanOptions, EmptyInputError, NotHTMLError, TooLargeError, clean_html

ARTICLE = (
    "<html><head><title>Тест</title></head><body><article><h1>Заголовок новости</h1>"
    + "".join(f"<p>Абзац номер {i} о событиях в Казахстане, достаточно длинный для статьи.</p>" for i in range(8))
    + "</article></body></html>"
)


@pytest.mark.parametrize("data", [b"", "", b"   \n\t ", "   \n "])
def test_empty(data) -> None:
    with pytest.raises(EmptyInputError):
        clean_html(data)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10,
        b"%PDF-1.7\n" + b"\x00\x01\x02" * 100,
        bytes(range(256)) * 40,
        b"\x00" * 5000,
    ],
)
def test_binary(data: bytes) -> None:
    with pytest.raises(NotHTMLError):
        clean_html(data)


def test_plain_text_is_not_html() -> None:
    with pytest.raises(NotHTMLError, match="clean_text"):
        clean_html("Просто текст без разметки.")


def test_nul_bytes_inside_html() -> None:
    data = ARTICLE.encode().replace(b"<p>", b"<p>\x00", 3)
    art = clean_html(data)
    assert "nul_bytes_removed" in art.warnings
    assert "Абзац номер 7" in art.body and "\x00" not in art.body


def test_truncated_utf8() -> None:
    data = ARTICLE.encode()[:-40]
    data = data + "Ж".encode()[:1]  # cut in the middle of a two-byte character
    art = clean_html(data)
    assert isinstance(art, Article)
    assert "truncated_input" in art.warnings
    assert "Абзац номер 5" in art.body


def test_too_large() -> None:
    big = b"<html><body>" + b"<p>x</p>" * (20 * 1024 * 1024 // 8) + b"</body></html>"
    assert len(big) > 20_000_000
    with pytest.raises(TooLargeError, match="limit"):
        clean_html(big)
    with pytest.raises(TooLargeError):
        clean_html(big.decode())


def test_large_under_limit_is_processed() -> None:
    page = ARTICLE.replace("</article>", "</article>" + "<div>слово </div>" * 400_000)
    assert len(page.encode()) > 6_000_000
    art = clean_html(page.encode())
    assert "Абзац номер 3" in art.body


def test_gzip_bomb_refused() -> None:
    bomb = gzip.compress(b"<html>" + b" " * (40 * 1024 * 1024))
    with pytest.raises(TooLargeError):
        clean_html(bomb)


def test_deeply_nested() -> None:
    page = "<html><body>" + "<div>" * 50_000 + ARTICLE + "</div>" * 50_000 + "</body></html>"
    art = clean_html(page)
    assert "deep_nesting_flattened" in art.warnings
    assert "Абзац номер 6" in art.body


def test_undeclared_windows_1251() -> None:
    data = ARTICLE.encode("cp1251")
    art = clean_html(data)
    assert "Абзац номер 2 о событиях в Казахстане" in art.body
    assert "charset_detected" in art.warnings


def test_declared_utf8_but_windows_1251() -> None:
    data = ARTICLE.replace("<head>", '<head><meta charset="utf-8">').encode("cp1251")
    art = clean_html(data)
    assert "Абзац номер 2 о событиях в Казахстане" in art.body
    assert "charset_mismatch" in art.warnings


def test_declared_windows_1251_but_utf8() -> None:
    data = ARTICLE.replace("<head>", '<head><meta charset="windows-1251">').encode()
    art = clean_html(data, headers={"Content-Type": "text/html; charset=windows-1251"})
    assert "Абзац номер 2 о событиях в Казахстане" in art.body
    assert "charset_mismatch" in art.warnings


def test_header_charset_used_for_koi8() -> None:
    data = ARTICLE.encode("koi8-r")
    art = clean_html(data, headers={b"Content-Type": [b"text/html; charset=koi8-r"]})
    assert "Абзац номер 2 о событиях в Казахстане" in art.body


def test_utf8_bom() -> None:
    art = clean_html(b"\xef\xbb\xbf" + ARTICLE.encode())
    assert art.title == "Заголовок новости" or art.title == "Тест"
    assert "Абзац номер 1" in art.body


def test_no_body_page_gets_warnings() -> None:
    art = clean_html("<html><head><title>Пусто</title></head><body><nav>Меню</nav></body></html>")
    assert art.body == ""
    assert "body_empty" in art.warnings and "date_missing" in art.warnings


def test_broken_jsonld_and_markup() -> None:
    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
        "</head><body><p>Незакрытый <b>тег <i>и ещё" + "<p>Абзац текста новости, который должен остаться." * 5
    )
    art = clean_html(page)
    assert "Абзац текста новости" in art.body


def test_only_typed_errors_escape() -> None:
    for data in (b"<", b"<<<>>>", b"<html", "<html><body><p>" + "\ud800" * 3, b"\xff\xfe\x00<\x00h\x00"):
        try:
            clean_html(data)
        except CleanerError:
            pass


def test_bad_fetched_at_is_a_clear_error() -> None:
    with pytest.raises(CleanerError, match="fetched_at"):
        clean_html(ARTICLE, fetched_at="not a date")


def test_options_limit() -> None:
    with pytest.raises(TooLargeError):
        clean_html(ARTICLE, options=CleanOptions(max_bytes=100))
