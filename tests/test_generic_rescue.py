"""The generic path's safety nets (cleaners/choose.py): page shapes distilled from real pages where
class-name pruning lost the body (wcxb-dev, naeb), each written by hand from what those pages do."""

from __future__ import annotations

import json

from cleaners import CleanOptions, clean_html
from cleaners.choose import better_of, coverage, suspect, words
from cleaners.generic import generic_body
from cleaners.parse import parse_html
from cleaners.prune import prune_tree, strip_hidden

GENERIC = CleanOptions(use_profiles=False)
URL = "https://example.org/blog/how-to-plan-a-garden"
PARAGRAPHS = [
    "Planning a vegetable garden starts with the light: most crops want six to eight hours of direct sun a day.",
    "Raised beds warm up earlier in spring and drain better after heavy rain, which suits tomatoes and peppers.",
    "Compost worked into the top layer of soil feeds the plants for months and keeps the ground from cracking.",
    "Water in the early morning, at the base of each plant, so the leaves dry quickly and mildew has no chance.",
    "Rotate the beds every year: beans and peas leave nitrogen behind for the cabbages that follow them.",
    "Mulch of straw or shredded leaves keeps weeds down and holds moisture through the hottest weeks of summer.",
]


def page(body: str, head: str = "<title>How to plan a garden</title>") -> bytes:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>".encode()


def _chrome() -> str:
    return (
        '<header class="site-header"><a class="skip-link" href="#content">Skip to content</a>'
        '<a href="/">Home</a> <a href="/blog/">Blog</a> <a href="/shop/">Shop</a></header>'
    )


def test_a_body_split_over_page_builder_widgets_is_kept() -> None:
    # Elementor/SiteOrigin pages: every paragraph sits in its own `elementor-widget-wrap` block,
    # none of which holds 40% of the page, and `widget` is a junk token.
    blocks = "".join(
        f'<div class="elementor-widget-wrap elementor-element-populated"><div '
        f'class="so-panel widget widget_text"><p>{p}</p></div></div>'
        for p in PARAGRAPHS
    )
    sidebar = (
        '<div class="widget widget_recent_entries"><a href="/a">Post one</a> <a href="/b">Post two</a>'
        ' <a href="/c">Post three</a></div>'
    )
    article = clean_html(page(_chrome() + f"<main>{blocks}</main>" + sidebar), URL, options=GENERIC)
    for text in PARAGRAPHS:
        assert text in article.body
    assert "Post two" not in article.body and "Skip to content" not in article.body


def test_a_body_in_a_junk_named_wrapper_is_recovered_from_the_lightly_pruned_page() -> None:
    # The article lives in `<div class="share-content">` (a junk phrase) and holds under 40% of the
    # page's paragraph text (three related-posts blocks hold the rest), so the wrapper test does not
    # save it: pruning leaves only the header chrome, which the page's own text shows to be too short.
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    related = "".join(
        '<div class="related-posts">'
        + "".join(
            f'<p><a href="/blog/{n}-{i}">Teaser {n}.{i}</a> A short summary of another article on this blog, '
            f"about seeds, tools and the weather in the last week of the month.</p>"
            for i in range(4)
        )
        + "</div>"
        for n in range(3)
    )
    html = page(_chrome() + f'<div class="share-content"><h1>How to plan a garden</h1>{body}</div>{related}')
    article = clean_html(html, URL, options=GENERIC)
    for text in PARAGRAPHS:
        assert text in article.body
    assert "Skip to content" not in article.body


def test_a_script_rendered_body_falls_back_to_the_json_ld_article_body() -> None:
    # The visible body is an empty mount point filled by JavaScript; the JSON-LD has the text.
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "How to plan a garden",
        "articleBody": "\n\n".join(PARAGRAPHS),
    }
    head = f'<title>How to plan a garden</title><script type="application/ld+json">{json.dumps(ld)}</script>'
    html = page(
        _chrome() + '<div id="app-root" class="article-body"></div>'
        "<p>Sign up for our newsletter and get ten percent off your first order of seeds.</p>",
        head,
    )
    article = clean_html(html, URL, options=GENERIC)
    for text in PARAGRAPHS:
        assert text in article.body
    assert "Sign up" not in article.body and "Skip to content" not in article.body


def test_a_full_precise_text_is_not_replaced_by_a_longer_unpruned_one() -> None:
    precise = " ".join(PARAGRAPHS)
    assert better_of(precise, precise + " Related: ten more stories." * 5, None) == precise
    assert better_of("Skip to content", precise, None) == precise
    assert better_of("", "Menu", None) == "" and better_of("", "Menu", None, same_page=True) == "Menu"


def test_the_articlebody_decides_between_candidates() -> None:
    ref = words(" ".join(PARAGRAPHS))
    related = "Read next: ten ways to grow potatoes in bags. " * 40
    assert better_of(" ".join(PARAGRAPHS[:2]), " ".join(PARAGRAPHS) + related, ref).endswith(related)
    assert better_of(" ".join(PARAGRAPHS), related, ref) == " ".join(PARAGRAPHS)
    assert coverage("", ref) == 0.0 and coverage(" ".join(PARAGRAPHS), ref) == 1.0


def test_suspect_needs_a_page_with_text_to_compare() -> None:
    assert suspect("x" * 600, 5_000, 6_000)  # 12% of the paragraph text
    assert not suspect("x" * 3_000, 5_000, 6_000)
    assert not suspect("x" * 600, 900, 900)  # a short page: nothing to say the text is short
    assert suspect("x" * 100, 0, 0)  # a scrap is always checked


def test_strip_hidden_keeps_class_junk_and_drops_hidden_elements() -> None:
    tree = parse_html(
        '<html><body><div class="sidebar"><p>Kept by the light pruning.</p></div>'
        '<div style="display: none"><p>Hidden offer.</p></div><nav role="navigation">Menu</nav>'
        "<script>var a = 1;</script></body></html>"
    )
    text = strip_hidden(tree).body.text()
    assert "Kept by the light pruning." in text
    assert "Hidden offer" not in text and "var a" not in text and "Menu" not in text
    assert "Kept by" not in prune_tree(parse_html(tree.html or "")).body.text()


def test_generic_body_takes_the_article_body_when_no_candidate_covers_it() -> None:
    tree = parse_html('<html><body><div id="app"></div><p>Cookie settings.</p></body></html>')
    reference = "\n".join(PARAGRAPHS)
    assert generic_body(tree, URL, None, reference) == PARAGRAPHS


def test_a_table_laid_out_page_gives_paragraphs_not_one_table_row() -> None:
    # 2000s news sites (tengrinews.kz in 2012 among them) put header, sidebar and article in the
    # cells of one layout table; trafilatura would give the whole page as one `| ... |` row.
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = page(
        '<table width="1000"><tr><td colspan="2"><a href="/">Home</a> | <a href="/blog/">Blog</a></td></tr>'
        '<tr><td width="200"><b>Popular</b><br><a href="/1">Seed catalogue</a><br><a href="/2">Tools</a></td>'
        f'<td><h1>How to plan a garden</h1>{body}</td></tr><tr><td colspan="2">© 2012 Example.</td></tr></table>'
    )
    article = clean_html(html, URL, options=GENERIC)
    assert article.body.split("\n\n") == PARAGRAPHS


def test_a_data_table_stays_a_table() -> None:
    rows = "".join(f"<tr><td>Bed {i}</td><td>{crop}</td></tr>" for i, crop in enumerate(("beans", "kale", "leeks")))
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    article = clean_html(page(f"<article>{body}<table>{rows}</table></article>"), URL, options=GENERIC)
    assert "| Bed 1 | kale |" in article.body
