"""The generic (no site profile) path, its pruning, bad-input safety, and the AEB benchmark metric."""

from __future__ import annotations

import pytest

from bench.metric import aggregate, evaluate, match, shingles, tokens
from cleaners import CleanerError, CleanOptions, clean_html
from cleaners.generic import generic_body
from cleaners.parse import parse_html
from cleaners.prune import prune_tree

GENERIC = CleanOptions(use_profiles=False)
URL = "https://example.com/news/2024/05/01/story"
SENTENCE = "The city council approved the new budget for public transport after a long debate on Tuesday. "
ARTICLE = "".join(f"<p>{SENTENCE * 3} Paragraph number {i}.</p>" for i in range(6))


def page(body: str, head: str = "<title>Budget approved</title>") -> bytes:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>".encode()


# --- metric -------------------------------------------------------------------------------


def test_metric_tokens_are_word_runs_and_case_sensitive() -> None:
    assert tokens("Don't stop—now, 2024!") == ["Don", "t", "stop", "now", "2024"]
    assert match("Hello World foo bar", "hello world foo bar").tp == 0


def test_metric_identical_text_is_perfect() -> None:
    c = match("one two three four five six", "one two three four five six")
    assert (c.tp, c.fp, c.fn) == (1.0, 0.0, 0.0)
    assert c.precision == c.recall == 1.0
    scores = evaluate({"a": SENTENCE}, {"a": SENTENCE})
    assert (scores.precision, scores.recall, scores.f1) == (1.0, 1.0, 1.0)


def test_metric_disjoint_text_scores_zero() -> None:
    c = match("one two three four five", "six seven eight nine ten")
    assert c.precision == c.recall == 0.0
    assert aggregate([c]).f1 == 0.0


def test_metric_partial_by_hand() -> None:
    # truth shingles: (a b c d), (b c d e); prediction: (a b c d), (b c d x) -> TP 1, FP 1, FN 1
    c = match("a b c d e", "a b c d x")
    assert c.tp == pytest.approx(1 / 3) and c.fp == pytest.approx(1 / 3) and c.fn == pytest.approx(1 / 3)
    assert c.precision == pytest.approx(0.5) and c.recall == pytest.approx(0.5)
    # truth has 3 shingles, prediction 1 of them: P 1, R 1/3; with a perfect second document
    # P = mean(1, 1) = 1, R = mean(1/3, 1) = 2/3, F1 = 2 * 1 * 2/3 / (5/3) = 0.8
    scores = aggregate([match("a b c d e f", "a b c d"), match("x y z w", "x y z w")])
    assert scores.precision == pytest.approx(1.0)
    assert scores.recall == pytest.approx(2 / 3)
    assert scores.f1 == pytest.approx(0.8)


def test_metric_multiset_counts_repeats() -> None:
    # truth (8 tokens, 5 shingles): abcd x2, bcda, cdab, dabc; prediction: abcd once -> TP 1, FN 4
    c = match("a b c d a b c d", "a b c d")
    assert c.tp == pytest.approx(1 / 5) and c.fn == pytest.approx(4 / 5) and c.fp == 0


def test_metric_short_and_empty_texts_follow_the_original() -> None:
    assert shingles("Hello world") == {("Hello", "world"): 1}
    assert shingles("") == {} and shingles(None) == {}
    # an empty prediction is left out of the precision average and costs recall only
    scores = aggregate([match("a b c d e", ""), match("x y z w", "x y z w")])
    assert scores.precision == pytest.approx(1.0)
    assert scores.recall == pytest.approx(0.5)
    assert scores.f1 == pytest.approx(2 / 3)
    assert evaluate({"a": "a b c d e"}, {}).recall == 0.0


# --- pruning and extraction -----------------------------------------------------------------


def test_prune_keeps_junk_named_wrapper_around_the_article() -> None:
    html = page(
        f'<div class="content-with-sidebar"><article>{ARTICLE}</article>'
        f'<div class="sidebar"><p>Most read: something else entirely</p></div></div>'
    )
    tree = prune_tree(parse_html(html.decode()))
    text = tree.body.text()
    assert "Paragraph number 5" in text
    assert "Most read" not in text


def test_prune_drops_hard_junk_everywhere() -> None:
    html = page(f'<form id="aspnetForm"><script>var x = 1;</script>{ARTICLE}<nav>Home | News</nav></form>')
    text = prune_tree(parse_html(html.decode())).body.text()
    assert "Paragraph number 0" in text
    assert "var x" not in text and "Home | News" not in text


def test_generic_extracts_article_and_skips_chrome() -> None:
    html = page(
        f'<header class="site-header"><a href="/">Home</a> <a href="/news">News</a></header>'
        f"<main><h1>Budget approved</h1>{ARTICLE}</main>"
        f"<footer>Copyright 2024 Example News. All rights reserved.</footer>"
    )
    article = clean_html(html, URL, options=GENERIC)
    assert "Paragraph number 0" in article.body and "Paragraph number 5" in article.body
    assert "All rights reserved" not in article.body
    assert article.layout == "generic"


def test_generic_on_tree_without_body_returns_list() -> None:
    assert generic_body(parse_html("<html><head><title>x</title></head></html>"), None) == []


# --- bad input: no crash, no hang (no timing assertions) ---------------------------------------


def _clean_or_typed_error(html: bytes) -> str | None:
    try:
        return clean_html(html, URL, options=GENERIC).body
    except CleanerError:
        return None


def test_fifty_thousand_nested_divs() -> None:
    body = clean_html(page("<div>" * 50_000 + ARTICLE + "</div>" * 50_000), URL, options=GENERIC).body
    assert "Paragraph number 5" in body


def test_fifty_thousand_unclosed_junk_divs() -> None:
    body = clean_html(page('<div class="sidebar widget">' * 50_000 + ARTICLE), URL, options=GENERIC).body
    assert "Paragraph number 5" in body


def test_deep_nesting_without_flattening_on_the_generic_functions() -> None:
    tree = parse_html(page('<div class="share">' * 5_000 + ARTICLE).decode())
    assert any("Paragraph number 5" in p for p in generic_body(tree, URL))


def test_nine_megabyte_page() -> None:
    # ~6,000 paragraphs of 1.5 KB (many more, shorter lines make the line filters slow, not unsafe)
    filler = "".join(f"<p>{SENTENCE * 15}Item {i}.</p>" for i in range(9 * 1024 * 1024 // 1440))
    html = page(f"<article>{filler}</article>")
    assert 8 * 1024 * 1024 < len(html) < CleanOptions().max_bytes
    body = _clean_or_typed_error(html)
    assert body is None or "Item 1." in body


def test_many_junk_siblings() -> None:
    body = clean_html(page('<div class="share">Share</div>' * 50_000 + ARTICLE), URL, options=GENERIC).body
    assert "Paragraph number 5" in body and "Share" not in body


@pytest.mark.parametrize(
    "html",
    [
        b"<html><head><title>Only a head</title></head></html>",
        b"<html><frameset><frame src='a.html'></frameset></html>",
        b"<html><body></body></html>",
        b"<html><!-- nothing here --></html>",
        b"<html><body><svg>" + b"<g>" * 30_000 + b"</svg></body></html>",
        b"<html><body>" + b"<a href='x'>" * 20_000 + b"link soup</body></html>",
        b"<table>" + b"<tr><td>cell" * 20_000 + b"</table>",
        b"<p>tiny</p>",
    ],
    ids=["no-body", "frameset", "empty-body", "comment-only", "deep-svg", "nested-links", "table-soup", "tiny"],
)
def test_degenerate_pages_do_not_crash(html: bytes) -> None:
    body = _clean_or_typed_error(html)
    assert body is None or isinstance(body, str)


@pytest.mark.parametrize(
    ("url", "listing"),
    [
        ("https://tengrinews.kz/news/", True),
        ("https://tengrinews.kz/tag/Алматы/", True),
        ("https://www.nur.kz/", True),
        ("https://example.kz/ru/news/page/3/", True),
        ("https://example.kz/category/politics", True),
        # a story under a /news/ section is an article (AEB: entermedia.co.kr, jaraguadosul.com.br)
        ("http://entermedia.co.kr/news/news_view.html?idx=8576&page=1", False),
        ("http://jaraguadosul.com.br/news/servi-o-de-atendimento-domiciliar", False),
        ("https://tengrinews.kz/kazakhstan_news/almatyi-nazvali-sroki-551820/", False),
    ],
)
def test_listing_urls(url: str, listing: bool) -> None:
    from cleaners.pagekind import is_listing_url

    assert is_listing_url(url) is listing
