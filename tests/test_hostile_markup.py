"""Hostile markup: crowded start tags are bounded before parsing; a bad JSON-LD block is skipped, not the page."""

from __future__ import annotations

import json
import time

import pytest

from cleaners import clean_html
from cleaners.parse import MAX_ATTRIBUTES, bound_markup
from scrapers.budget import page_budget

URL = "https://hostile.example/news/2026/01/05/story"
BUDGET_S = 20.0
GROWTH = 10
GROWTH_MAX = 40  # t(10n) / t(n): linear ~10, quadratic ~100
BODY = "<p>Первый абзац новости о событии в городе, достаточно длинный для статьи.</p>" * 4


def _crowded(n: int, value: str = "x") -> bytes:
    attrs = " ".join(f'a{i}="{value}"' for i in range(n))
    return (
        f"<html><head><title>Новость</title></head><body><article><h1>Новость</h1><div {attrs}>{BODY}</div>"
        "</article></body></html>"
    ).encode()


def _best(run: object, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        with page_budget(BUDGET_S):
            run()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("value", ["x", ">", "a b", "'"])
def test_crowded_tag_keeps_its_first_attributes(value: str) -> None:
    markup, cut = bound_markup(_crowded(MAX_ATTRIBUTES + 50, value))
    assert cut == 1
    assert f'a{MAX_ATTRIBUTES - 1}="{value}"'.encode() in markup and f"a{MAX_ATTRIBUTES}=".encode() not in markup


def test_ordinary_tags_are_untouched() -> None:
    page = _crowded(MAX_ATTRIBUTES)
    assert bound_markup(page) == (page, 0)
    assert bound_markup(page.decode()) == (page.decode(), 0)


def test_40k_attributes_clean_quickly_with_a_warning() -> None:
    with page_budget(BUDGET_S):
        article = clean_html(_crowded(40_000), URL)
    assert "attributes_capped" in article.warnings
    assert "Первый абзац новости" in article.body


def test_attribute_count_grows_linearly() -> None:
    small, large = _crowded(10_000), _crowded(10_000 * GROWTH)
    clean_html(small, URL)  # warm up
    assert _best(lambda: clean_html(large, URL)) / max(_best(lambda: clean_html(small, URL)), 1e-3) < GROWTH_MAX


def _jsonld(*blocks: str) -> bytes:
    scripts = "".join(f'<script type="application/ld+json">{b}</script>' for b in blocks)
    return (
        f"<html><head><title>Новость</title>{scripts}</head><body><article><h1>Новость</h1>{BODY}"
        "</article></body></html>"
    ).encode()


GOOD = json.dumps(
    {
        "@type": "NewsArticle",
        "headline": "Новость",
        "datePublished": "2026-01-05T10:00:00+05:00",
        "author": {"@type": "Person", "name": "Айгуль Серикова"},
    },
    ensure_ascii=False,
)


@pytest.mark.parametrize(
    "bad",
    [
        '{"@type": "NewsArticle", "headline": "\\ud83d broken", "author": {"name": "\\udc00x"}}',  # lone surrogates
        "[" * 5000 + "]" * 5000,  # deeper than json can parse
        '{"@type": "BreadcrumbList", "itemListElement": [{"position": "first", "name": "A"}, {"position": 2, "name": "B"}]}',
        '{"@type": "BreadcrumbList", "itemListElement": [{"position": {"x": 1}, "name": "A"}, {"position": 1e999}]}',
        '{"@type": "BreadcrumbList", "itemListElement": "nope"}',
        '{"@type": ["NewsArticle", {"x": 1}], "author": [[[[{"name": 5}]]]], "keywords": {"name": []}}',
    ],
)
def test_bad_jsonld_block_skips_only_itself(bad: str) -> None:
    article = clean_html(_jsonld(bad, GOOD), URL)
    article.to_json().encode("utf-8")  # no lone surrogate reaches the record
    assert "Первый абзац новости" in article.body


def test_lone_surrogates_never_reach_the_article() -> None:
    block = json.dumps(
        {
            "@type": "NewsArticle",
            "headline": "Новость \ud83d",
            "author": {"name": "Имя \udc00"},
            "datePublished": "2026-01-05T10:00:00+05:00",
        }
    )
    article = clean_html(_jsonld(block), URL)
    encoded = article.to_json().encode("utf-8")
    assert b"\\ud83d" not in encoded and "Новость" in article.title


def test_lone_surrogates_in_text_input_are_replaced() -> None:
    html = (
        "<html><head><title>Новость \ud83d</title></head><body><article><h1>Новость</h1>"
        + BODY
        + "</article></body></html>"
    )
    article = clean_html(html, URL)
    article.to_json().encode("utf-8")
    assert "surrogates_replaced" in article.warnings


def test_a_comparison_in_an_inline_script_keeps_the_head_after_it() -> None:
    """Minified JS (`1<arguments.length&&void 0 ...`) reads as a start tag with hundreds of
    "attributes" up to the script's end tag; the cut keeps that end tag, so the metadata after the
    script is still read (seen on a review site: its og:type and Article JSON-LD were lost)."""
    script = "var f=function(){return 1<arguments.length&&" + " ".join(f"x{i}" for i in range(MAX_ATTRIBUTES + 40))
    head = (
        f"<title>Review</title><script>{script}\n  </script>"
        '<meta property="og:type" content="article"><meta property="og:title" content="The best earbuds">'
    )
    page = f"<html><head>{head}</head><body><article>{BODY}</article></body></html>"
    for markup in (page, page.encode()):
        bounded, cut = bound_markup(markup)
        text = bounded.decode() if isinstance(bounded, bytes) else bounded
        assert cut == 1 and '</script><meta property="og:type" content="article">' in text
    article = clean_html(page.encode(), URL)
    assert article.title == "The best earbuds" and "Первый абзац новости" in article.body
