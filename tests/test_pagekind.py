"""Page kinds (`Article.page_kind`, `not_article`) on the generic path and for a profile that no layout matches.

The small pages are distilled from the failures measured on the public sets (wcxb-dev, AEB): the
page shape that went wrong, rewritten by hand; no benchmark page is copied.
"""

from __future__ import annotations

import json

import pytest

from cleaners import clean_html
from cleaners.metadata import strip_site_suffix
from cleaners.pagekind import kind_from_url
from cleaners.pagesignals import has_listing_segment, is_article_url, is_listing_url
from cleaners.profiles import profile_by_id, profile_for_url

SENTENCE = "The city council approved the new budget for public transport after a long debate on Tuesday. "
PROSE = "".join(f"<p>{SENTENCE * 3}Paragraph number {i}.</p>" for i in range(6))
MENU = "<nav>" + "".join(f"<a href='/s{i}'>Section {i}</a>" for i in range(12)) + "</nav>"


def page(body: str, head: str = "<title>A page</title>") -> bytes:
    return f"<!doctype html><html><head>{head}</head><body>{MENU}{body}</body></html>".encode()


def teaser_cards(count: int, with_price: bool = False) -> str:
    """Cards as on a section front or a shop's category page: a headline link, a line, maybe a price."""
    price = "<span class='product-price'>$24.99</span>" if with_price else ""
    return (
        "<main>"
        + "".join(
            f"<div class='card'><h3><a href='/item-{i}'>Headline number {i} about the council budget debate</a></h3>"
            f"<p>Short teaser {i}.</p>{price}</div>"
            for i in range(count)
        )
        + "</main>"
    )


def test_an_article_without_metadata_under_a_short_url_is_an_article() -> None:
    art = clean_html(page(f"<article><h1>Budget approved</h1>{PROSE}</article>"), "https://example.org/budget")
    assert art.page_kind == "article" and "not_article" not in art.warnings
    assert art.body.startswith("The city council approved")


def test_a_section_front_of_teaser_cards_is_a_listing_without_a_url() -> None:
    art = clean_html(page(teaser_cards(20), "<title>Politics</title>"))
    assert art.page_kind == "listing" and "not_article" in art.warnings and art.body == ""
    assert art.title == "Politics"


def test_a_product_grid_with_prices_is_a_listing() -> None:
    head = '<title>Wallets</title><meta property="og:type" content="website">'
    art = clean_html(page(teaser_cards(16, with_price=True), head), "https://shop.example.com/collections/wallets")
    assert art.page_kind == "listing" and "not_article" in art.warnings


def test_a_collection_page_in_json_ld_weighs_against_an_article() -> None:
    ld = '<script type="application/ld+json">{"@type": "CollectionPage", "name": "Dinner recipes"}</script>'
    intro = f"<p>{SENTENCE * 2}</p>"
    art = clean_html(page(intro + teaser_cards(8), f"<title>Dinner</title>{ld}"), "https://food.example.com/dinner")
    assert art.page_kind == "listing"


def test_a_news_tape_of_stamped_teasers_is_a_listing_without_any_url() -> None:
    """Distilled from the kt.kz 2018 homepage saved without its URL (no canonical, no og:url): rubric
    and time lines between one-sentence teasers that the body extraction keeps."""
    teaser = (
        "Депутаты обсудили поправки в бюджет на следующий год и предложили увеличить расходы на "
        "строительство школ в регионах страны."
    )
    tape = "".join(
        f"<div class='item'><span>политика&nbsp;&nbsp;21.03.2018 1{i}:27</span>"
        f"<a href='/news/{i}'>Новость номер {i} о решении правительства по бюджету</a><p>{teaser}</p></div>"
        for i in range(8)
    )
    art = clean_html(page(f"<div class='tape'>{tape}</div>", "<title>Kazakhstan Today</title>"))
    assert art.page_kind == "listing" and "not_article" in art.warnings


def test_an_article_with_a_few_time_stamps_stays_an_article() -> None:
    updates = "".join(f"<p>1{i}:00</p><p>{SENTENCE * 2}</p>" for i in range(3))
    art = clean_html(page(f"<article><h1>Budget day</h1>{updates}{PROSE}</article>"), "https://example.org/budget-day")
    assert art.page_kind == "article" and art.body.startswith("10:00")


def test_og_url_names_a_homepage_when_no_url_is_given() -> None:
    head = '<title>Example News</title><meta property="og:url" content="https://news.example.com/">'
    art = clean_html(page(PROSE, head))
    assert art.page_kind == "homepage" and "not_article" in art.warnings


def test_prose_in_br_separated_divs_is_still_an_article() -> None:
    """AEB's old portal pages write the story as text and <br> in one div, no <p> at all."""
    story = "<div id='news_body'>" + "<br><br>".join(SENTENCE * 3 for _ in range(6)) + "</div>"
    sidebar = (
        "<ul>"
        + "".join(f"<li><a href='/n{i}'>Another story headline that is long enough {i}</a></li>" for i in range(10))
        + "</ul>"
    )
    art = clean_html(
        page(story + sidebar, '<meta property="og:type" content="article">'),
        "http://portal.example.co.kr/news/news_view.html?idx=8576&page=1",
    )
    assert art.page_kind == "article" and art.body


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://www.nur.kz/", "homepage"),
        ("https://tengrinews.kz/ru/", "homepage"),
        ("https://tengrinews.kz/news/", "listing"),
        ("https://example.kz/ru/news/page/3/", "listing"),
        # `/page/` followed by a story slug is a WordPress page, not pagination (wcxb-dev: gdevelop.io)
        ("https://example.io/page/how-to-make-a-good-game-the-tips", None),
        ("https://tengrinews.kz/kazakhstan_news/almatyi-nazvali-sroki-551820/", None),
    ],
)
def test_kind_from_url(url: str, kind: str | None) -> None:
    assert kind_from_url(url) == kind
    assert is_listing_url(url) is (kind is not None)


@pytest.mark.parametrize(
    ("url", "listing_word", "story"),
    [
        ("https://shop.example.com/collections/wallets", True, False),
        ("https://www.example.com/c/camp-stoves", True, False),
        ("https://news.example.edu/topic/software", True, False),
        ("https://example.com/category/recipes/air-fryer/", True, False),
        # both signs: the page's own evidence decides (a long review here, a product grid there)
        ("https://example.com/topics/health/best-electric-toothbrush-for-kids", True, True),
        ("https://shop.example.com/collections/womens-insulated-down-jackets", True, True),
        ("https://example.com/blog/how-to-choose-a-tent/", False, True),
        ("https://www.example.com/2023/10/17/1206601882/plumbers", False, True),
        ("https://tengrinews.kz/kazakhstan_news/almatyi-nazvali-sroki-551820/", False, True),
    ],
)
def test_url_shapes(url: str, listing_word: bool, story: bool) -> None:
    assert has_listing_segment(url) is listing_word
    assert is_article_url(url) is story


# --- part 1: a known outlet's page that no layout matches ----------------------------------

# A reconstructed 2012-style tengrinews.kz article (markup invented for this test, `reconstructed`:
# 2012-era class names, none of the 2020/2024 layouts' classes, no og:type and no JSON-LD): the
# header menu, the "Последние новости" tape of headline links, the article in div.news_text.
_TAPE = "".join(
    f"<li><span>1{i}:0{i}</span> <a href='/kazakhstan_news/novost-{i}-2090{i}0/'>"
    f"Новость ленты номер {i} о событиях в Казахстане за день</a></li>"
    for i in range(10)
)
_STORY = (
    "Врачи Алматинского онкологического центра впервые в Казахстане провели операцию по пересадке "
    "костного мозга ребенку от неродственного донора, сообщили в пресс-службе управления здравоохранения.",
    "По словам главного врача центра, операция длилась несколько часов и прошла успешно. Сейчас "
    "состояние девятилетнего пациента оценивается как стабильное, его наблюдают специалисты.",
    "Ранее подобные операции казахстанским детям проводили только за рубежом, и их стоимость "
    "достигала нескольких сотен тысяч долларов, которые семьи собирали всем миром.",
    "В управлении здравоохранения добавили, что в этом году в центре планируют провести еще около "
    "двадцати таких операций за счет государственного бюджета.",
)
_HEADLINE = "Врачи впервые пересадили ребенку костный мозг от неродственного донора"
TENGRI_2012 = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{_HEADLINE}. Медицина. Tengrinews.kz</title>
<meta property="og:title" content="{_HEADLINE}. Медицина. Tengrinews.kz">
</head><body><div id="wrapper"><div class="header"><a href="/">Tengrinews.kz</a>
<ul class="menu"><li><a href="/kazakhstan_news/">Казахстан</a></li><li><a href="/world_news/">Мир</a></li>
<li><a href="/sport/">Спорт</a></li><li><a href="/medicine/">Медицина</a></li></ul></div>
<div class="columns"><div class="left"><div class="news_item">
<h1 class="news_title">Врачи впервые пересадили ребенку костный мозг от неродственного донора</h1>
<div class="news_date"><time datetime="2012-03-15T14:25">15 марта 2012, 14:25</time></div>
<div class="news_text">{"".join(f"<p>{p}</p>" for p in _STORY)}</div></div></div>
<div class="right"><h3>Последние новости</h3><ul class="tape">{_TAPE}</ul></div></div>
<div class="footer">© 2012 Tengrinews.kz</div></div></body></html>"""
TENGRI_2012_URL = "https://tengrinews.kz/kazakhstan_news/vrachi-vpervyie-peresadili-rebenku-kostnyiy-mozg-209123/"


def test_an_old_layout_of_a_known_outlet_keeps_its_article() -> None:
    art = clean_html(TENGRI_2012.encode(), TENGRI_2012_URL)
    assert art.source == "tengrinews.kz" and art.layout == "generic"
    assert "profile_layout_unknown" in art.warnings and "not_article" not in art.warnings
    assert art.page_kind == "article"
    assert art.title == "Врачи впервые пересадили ребенку костный мозг от неродственного донора"
    assert art.date == "2012-03-15T14:25:00+06:00"
    assert art.body == "\n\n".join(_STORY)


def test_the_same_outlet_listing_stays_a_listing() -> None:
    listing = TENGRI_2012.replace('<div class="news_text">', '<div class="news_text" hidden>').replace(
        "".join(f"<p>{p}</p>" for p in _STORY), ""
    )
    art = clean_html(listing.encode(), "https://tengrinews.kz/kazakhstan_news/")
    assert art.page_kind == "listing" and "not_article" in art.warnings and art.body == ""


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Заголовок. Медицина. Tengrinews.kz", "Заголовок"),
        ("Итоги года. В мире. Tengrinews.kz", "Итоги года"),
        ("Назначен новый аким. Tengrinews.kz", "Назначен новый аким"),
        # an initial before the last full stop is part of the headline, not a section
        ("Вице-министром назначен А. Иванов. Tengrinews.kz", "Вице-министром назначен А. Иванов"),
        ("Г. Алматы. Tengrinews.kz", "Г. Алматы"),
        ("Tengrinews.kz продолжает работу. Tengrinews", "Tengrinews.kz продолжает работу"),
    ],
)
def test_title_suffix_with_a_section_name(title: str, expected: str) -> None:
    profile = profile_by_id("tengrinews.kz")
    assert profile is not None
    assert strip_site_suffix(title, [profile.name, *profile.title_suffixes]) == expected


def test_page_kind_is_in_the_json(article_validator) -> None:
    art = clean_html(page(teaser_cards(20)))
    data = json.loads(art.to_json())
    assert data["page_kind"] == "listing"
    article_validator.validate(data)


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://tengrinews.kz/kazakhstan_news/", "listing"),  # tengrinews.kz's Edition.listing_sections
        ("https://24.kz/kz/zha-aly-tar", "listing"),  # 24.kz's Kazakh news listing
        ("https://example.com/kazakhstan_news/", None),  # another site's section of that name says nothing
    ],
)
def test_an_outlets_listing_sections_come_from_its_profile(url: str, kind: str | None) -> None:
    profile = profile_for_url(url)
    sections = profile.listing_sections(url) if profile else ()
    assert kind_from_url(url, sections) == kind


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://archiv.example.de/?p=2895", None),  # a WordPress post on the root path
        ("https://example.com/ru/?id=58354", None),
        ("https://example.com/", "homepage"),
        ("https://example.com/?lang=ru", "homepage"),
        ("https://example.com/?page=2", "homepage"),
        ("https://example.com/?p=", "homepage"),
    ],
)
def test_a_root_url_naming_one_item_is_not_a_homepage(url: str, kind: str | None) -> None:
    assert kind_from_url(url) == kind
