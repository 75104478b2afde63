"""Index pages that look like an article at first sight, and the article pages beside them.

Each page shape is distilled, by hand, from a kind of page the generic path got wrong on the public
sets (section fronts, recipe and course catalogues, shop grids, review articles); no benchmark page
is copied. The expected kind is written by reading the page.
"""

from __future__ import annotations

from cleaners import clean_html
from cleaners.pageshape import page_shape
from cleaners.pagesignals import has_listing_segment
from cleaners.parse import parse_html
from cleaners.select import ParsedPage

SENTENCE = "The garden committee met again this week to plan the spring planting across the town's parks. "
MENU = "<nav>" + "".join(f"<a href='/s{i}'>Section {i}</a>" for i in range(12)) + "</nav>"


def page(body: str, head: str = "") -> bytes:
    return f"<!doctype html><html><head><title>A page</title>{head}</head><body>{MENU}{body}</body></html>".encode()


def intro(sentences: int) -> str:
    """One block of prose of about 95 chars a sentence."""
    return f"<p>{SENTENCE * sentences}</p>"


def headline(i: int) -> str:
    return f"Story number {i} about the town's new spring planting plan"


def test_a_front_whose_extraction_is_its_own_headlines_is_a_listing() -> None:
    """A games-news front: an intro, then cards of a headline link and a short teaser; the body
    extraction keeps the cards, so the body is mostly the page's own link texts (the headline links
    alone are fewer chars than the intro: they do not outweigh it)."""
    teaser = "Plans for the parks and the school yards."
    cards = "".join(
        f"<div class='card'><a href='/story-{i}'><h3>{headline(i)}</h3></a><p>{teaser}</p></div>" for i in range(12)
    )
    art = clean_html(page(f"<main><h1>Gardening news</h1>{intro(5)}{cards}</main>"), "https://example.com/gardening")
    assert art.page_kind == "listing" and "not_article" in art.warnings and art.body == ""


def test_a_paginated_grid_of_linked_headings_is_a_listing() -> None:
    """A recipe index: og:type article on every page of the site, a short intro, a grid of linked
    recipe headings and a next-page link."""
    head = (
        '<meta property="og:type" content="article"><link rel="next" href="https://food.example.com/air-fryer/page/2/">'
    )
    grid = "".join(
        f"<article class='post'><h2><a href='/recipe-{i}'>{headline(i)}</a></h2><p>Quick, crisp and easy.</p></article>"
        for i in range(16)
    )
    art = clean_html(
        page(f"<main><h1>Air fryer recipes</h1>{intro(4)}{grid}</main>", head), "https://food.example.com/air-fryer"
    )
    assert art.page_kind == "listing" and "not_article" in art.warnings


def test_a_long_article_with_a_next_page_and_related_cards_stays_an_article() -> None:
    """Page one of a multi-page story with a related-stories grid: the next-page link alone says nothing."""
    head = '<meta property="og:type" content="article"><link rel="next" href="/2024/05/03/spring-planting/2">'
    story = "".join(intro(4) for _ in range(5))
    related = "".join(f"<div class='related'><h3><a href='/r{i}'>{headline(i)}</a></h3></div>" for i in range(12))
    art = clean_html(
        page(f"<article><h1>Spring planting</h1>{story}</article><aside>{related}</aside>", head),
        "https://news.example.com/2024/05/03/spring-planting",
    )
    assert art.page_kind == "article" and art.body.startswith("The garden committee")


def test_a_collection_page_in_json_ld_outweighs_og_type_article() -> None:
    ld = '<script type="application/ld+json">{"@type": "CollectionPage", "name": "Dinner recipes"}</script>'
    head = f'<meta property="og:type" content="article">{ld}'
    art = clean_html(page(f"<main><h1>Dinner</h1>{intro(8)}</main>", head), "https://food.example.com/dinner-5117879")
    assert art.page_kind == "listing"


def test_an_item_list_alone_does_not_make_an_article_a_listing() -> None:
    """A software page (or a review) carries its items as a JSON-LD ItemList; its text is one story."""
    ld = '<script type="application/ld+json">{"@type": "ItemList", "numberOfItems": 3, "itemListElement": []}</script>'
    links = "".join(f"<li><a href='/a{i}'>{headline(i)}</a></li>" for i in range(4))
    art = clean_html(
        page(f"<main><h1>Notes app</h1>{intro(8)}<ul>{links}</ul></main>", ld), "https://example.com/notes"
    )
    assert art.page_kind == "article" and "not_article" not in art.warnings


def test_a_shop_category_with_product_tiles_and_seo_text_is_a_listing() -> None:
    """A shop's category page: product tiles (no prices in the markup yet) and a long text below."""
    tiles = "".join(
        f"<div class='product-tile'><a class='product-link' href='/p/{i}'><img class='product-image' src='/{i}.jpg'></a>"
        f"<span class='product-name'>Headphones {i}</span><span class='product-badge'>New</span></div>"
        for i in range(30)
    )
    art = clean_html(
        page(f"<main><h1>Headphones</h1>{tiles}{intro(18)}</main>"), "https://shop.example.com/c/headphones"
    )
    assert art.page_kind == "listing"


def test_a_listing_word_beside_og_type_website_is_a_listing() -> None:
    head = '<meta property="og:type" content="website">'
    art = clean_html(page(f"<main><h1>Fire pits</h1>{intro(18)}</main>", head), "https://shop.example.com/c/fire-pits")
    assert art.page_kind == "listing"


def test_an_extraction_of_price_lines_is_a_product_list() -> None:
    tiles = "".join(
        f"<div class='tile'><a href='/p/{i}'><img src='/{i}.jpg'></a><p>Trail Runner {i}. Color grey. "
        f"On sale for ${60 + i}.00. MSRP $120.00. 4.4 out of 5 stars.</p></div>"
        for i in range(12)
    )
    art = clean_html(page(f"<main>{tiles}</main>"), "https://shop.example.com/women-trail-running-shoes")
    assert art.page_kind == "listing"


def test_a_guide_under_a_singular_collection_path_stays_an_article() -> None:
    """`/collections/<name>` is a shop's product index; `/collection/<name>` names one curated guide."""
    assert has_listing_segment("https://shop.example.com/collections/wallets")
    assert not has_listing_segment("https://www.example.gov.uk/collection/small-business-guide")
    chapters = "".join(f"<h2><a href='/guide/{i}'>{headline(i)}</a></h2>" for i in range(8))
    art = clean_html(
        page(f"<main><h1>Small business guide</h1>{intro(7)}{chapters}</main>"),
        "https://www.example.gov.uk/collection/small-business-guide",
    )
    assert art.page_kind == "article" and art.body.startswith("The garden committee")


def test_a_review_with_priced_product_boxes_stays_an_article() -> None:
    """A buying guide declares itself an article: its product boxes and prices are part of the story."""
    head = '<meta property="og:type" content="article">'
    boxes = "".join(
        f"<div class='product-box'><a href='/buy/{i}'><img src='/{i}.jpg'>{headline(i)}</a>"
        f"<span class='product-price'>${40 + i}.99</span></div>"
        for i in range(12)
    )
    story = "".join(intro(4) for _ in range(5))
    art = clean_html(
        page(f"<article><h1>The best trowels</h1>{story}{boxes}</article>", head), "https://example.com/best-trowels/"
    )
    assert art.page_kind == "article" and art.body.startswith("The garden committee")


def test_page_shape_counts_cards_headings_and_the_next_page() -> None:
    cards = "".join(
        f"<li class='card'><h3><a href='/s{i}'>{headline(i)}</a></h3><img src='/{i}.jpg'></li>" for i in range(7)
    )
    html = (
        f"<html><head><link rel='next nofollow' href='/p/2'></head><body><h2>Latest</h2><ul>{cards}</ul></body></html>"
    )
    shape = page_shape(ParsedPage(parse_html(html)))
    assert (shape.cards, shape.card_thumbnails) == (7, 7)
    assert (shape.linked_headings, shape.plain_headings) == (7, 1)
    assert shape.next_page and headline(3) in shape.link_texts


def test_a_shops_blog_post_beside_a_product_carousel_stays_an_article() -> None:
    """A shop's blog post: no article metadata, a story URL, the shop's product tiles around it."""
    tiles = "".join(
        f"<div class='product-tile'><a class='product-link' href='/p/{i}'><img class='product-image' src='/{i}.jpg'></a>"
        f"<span class='product-name'>Robot {i}</span><span class='product-badge'>New</span></div>"
        for i in range(30)
    )
    story = "".join(intro(4) for _ in range(5))
    art = clean_html(
        page(f"<main><article><h1>How mapping works</h1>{story}</article><div>{tiles}</div></main>"),
        "https://shop.example.com/blog/how-does-robot-mapping-work",
    )
    assert art.page_kind == "article" and art.body.startswith("The garden committee")
