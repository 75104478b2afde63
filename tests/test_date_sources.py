"""Where the generic path finds a page's date, its precision and offset: page shapes distilled from
the dates htmldate-default, naeb and wcxb-dev pages had and kaznews missed (docs/cleaners.md)."""

from __future__ import annotations

from datetime import datetime

import pytest

from cleaners import clean_html
from cleaners.article import Article
from cleaners.datefind import kazakh_outlet, represent, slash_order_language
from cleaners.dates import ParsedDate
from cleaners.options import CleanOptions

GENERIC = CleanOptions(use_profiles=False)
RU_BODY = "<p>" + "Совет города собрался во вторник и проголосовал за новый бюджет для школ. " * 4 + "</p>"
BODY = "<p>" + "The council met on Tuesday and voted on the new budget for the city's schools. " * 4 + "</p>"
FOREIGN = "https://news.example.com/local/council-votes-budget"
KAZAKH = "https://news.example.kz/local/council-votes-budget"


def _page(head: str = "", top: str = "", lang: str = "en", body: str = BODY) -> str:
    return (
        f'<html lang="{lang}"><head><title>Council votes on the school budget</title>{head}</head>'
        f"<body><header><a href='/'>Home</a></header><main><article><h1>Council votes on the school budget</h1>"
        f"{top}{body}</article></main></body></html>"
    )


def _clean(html: str, url: str = FOREIGN) -> Article:
    return clean_html(html, url, fetched_at="2026-01-10T12:00:00+05:00", options=GENERIC)


def _date(article: Article) -> tuple[str | None, str | None, str | None]:
    return article.date, article.date_source, article.date_precision


YOAST_GRAPH = (
    '<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
    '{"@type":"WebSite","name":"Example"},{"@type":"WebPage","name":"Council votes",'
    '"datePublished":"2020-11-22T04:30:00+01:00","dateModified":"2020-11-23T08:00:00+01:00"}]}</script>'
)


def test_a_date_in_a_webpage_object_of_a_yoast_graph() -> None:
    article = _clean(_page(YOAST_GRAPH))
    assert _date(article) == ("2020-11-22T04:30:00+01:00", "jsonld", "time")
    assert article.date_modified == "2020-11-23T08:00:00+01:00"


def test_a_bare_date_published_in_an_untyped_object() -> None:
    head = '<script type="application/ld+json">{"name":"Council votes","datePublished":"2021-06-01"}</script>'
    assert _date(_clean(_page(head))) == ("2021-06-01", "jsonld", "day")


@pytest.mark.parametrize("name", ["DC.date.issued", "dc.date", "dcterms.created", "DCTERMS.issued"])
def test_dublin_core_meta_gives_a_day_without_an_invented_midnight(name: str) -> None:
    head = f'<meta name="{name}" content="2019-03-17">'
    assert _date(_clean(_page(head))) == ("2019-03-17", "meta", "day")


def test_itemprop_date_published_on_any_element() -> None:
    top = '<div class="byline">By Ann Lee · <span itemprop="datePublished">March 17, 2020</span></div>'
    assert _date(_clean(_page(top=top))) == ("2020-03-17", "microdata", "day")


def test_a_visible_date_and_time_under_the_headline_on_a_kazakh_host_is_almaty_time() -> None:
    top = '<div class="info"><span>22/11/2020 - 04:30</span> <span>Views: 120</span></div>'
    html = _page(top=top, lang="ru", body=RU_BODY)
    assert _date(_clean(html, KAZAKH)) == ("2020-11-22T04:30:00+06:00", "visible_text", "time")


def test_the_same_visible_time_elsewhere_has_no_offset() -> None:
    top = '<div class="info"><span>22/11/2020 - 04:30</span></div>'
    assert _date(_clean(_page(top=top, lang="en-GB"))) == ("2020-11-22T04:30:00", "visible_text", "time")


def test_an_english_page_of_no_stated_region_reads_slashes_month_first_and_never_guesses() -> None:
    top = '<div class="info"><span>22/11/2020</span></div>'  # no 22nd month: no date, not a swapped guess
    article = _clean(_page(top=top, lang="en"))
    assert article.date_source != "visible_text"


def test_a_visible_day_above_the_headline() -> None:
    html = _page(lang="en-GB").replace("<h1>", "<div class='kicker'>17/03/2020</div><h1>")
    assert _date(_clean(html)) == ("2020-03-17", "visible_text", "day")


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [
        ("21. Januar 2022", "de", "2022-01-21"),  # a German day with its dot
        ("23 mai 2019", "fr", "2019-05-23"),
        ("21 de enero de 2022", "es", "2022-01-21"),
    ],
)
def test_visible_dates_with_west_european_month_names(text: str, lang: str, day: str) -> None:
    top = f"<p class='meta'>{text} | Redaktion</p>"
    assert _date(_clean(_page(top=top, lang=lang))) == (day, "visible_text", "day")


def test_a_utc_timestamp_takes_the_offset_of_the_local_time_the_page_shows() -> None:
    head = '<meta property="article:published_time" content="2023-12-23T01:48:19+00:00">'
    top = (
        '<div class="time">PUBLISHED: <time datetime="2023-12-22 20:48:19">December 22, 2023 at 8:48 p.m.</time></div>'
    )
    assert _date(_clean(_page(head, top))) == ("2023-12-22T20:48:19-05:00", "meta", "time")


def test_the_url_day_wins_over_a_structured_date_of_another_day() -> None:
    head = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-11-09T06:35:29+00:00"}</script>'
    article = _clean(_page(head), "https://news.example.com/2023/11/08/council-votes-budget/")
    assert _date(article) == ("2023-11-08", "url", "day")
    assert "date_from_url" in article.warnings


def test_a_structured_date_of_the_url_day_is_kept_with_its_time() -> None:
    head = (
        '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-11-09T06:35:29+00:00"}'
        '</script><meta name="parsely-pub-date" content="2023-11-08T22:35:29-08:00">'
    )
    article = _clean(_page(head), "https://news.example.com/2023/11/08/council-votes-budget/")
    assert _date(article) == ("2023-11-08T22:35:29-08:00", "meta", "time")
    assert "date_from_url" not in article.warnings


def test_a_naive_meta_time_on_a_foreign_site_keeps_no_offset() -> None:
    head = '<meta property="article:published_time" content="2022-01-25T14:45:00">'
    assert _date(_clean(_page(head))) == ("2022-01-25T14:45:00", "meta", "time")


def test_a_naive_meta_time_on_a_kazakh_page_is_almaty_time_either_side_of_the_2024_switch() -> None:
    old = '<meta property="article:published_time" content="2024-02-29T14:45:00">'
    new = '<meta property="article:published_time" content="2024-03-01T14:45:00">'
    assert _clean(_page(old, lang="kk"), FOREIGN).date == "2024-02-29T14:45:00+06:00"  # kk: a Kazakh outlet
    assert _clean(_page(new, lang="ru-KZ"), FOREIGN).date == "2024-03-01T14:45:00+05:00"


def test_a_future_date_is_null_with_a_warning_never_a_guess() -> None:
    head = '<meta property="article:published_time" content="2027-05-01T10:00:00+05:00">'
    article = _clean(_page(head))
    assert _date(article) == (None, None, None)
    assert "date_future" in article.warnings


def test_no_date_anywhere_is_null_with_date_missing() -> None:
    article = _clean(_page())
    assert _date(article) == (None, None, None)
    assert "date_missing" in article.warnings


@pytest.mark.parametrize(
    ("profiled", "url", "language", "locales", "expected"),
    [
        (True, "https://azattyq.org/a/1.html", "ru", (None, None), True),
        (False, "https://tengrinews.kz/news/1/", "ru", ("ru", None), True),
        (False, "https://xn--80ao21a.xn--80ao21a/news/1", None, (None, None), True),
        (False, "https://example.com/news/1", "kk", (None, None), True),
        (False, "https://example.com/news/1", "ru", ("ru-KZ", None), True),
        (False, "https://example.com/news/1", "ru", (None, "ru_KZ"), True),
        (False, "https://example.ru/news/1", "ru", ("ru-RU", "ru_RU"), False),
        (False, "https://example.com/news/1", "en", ("kk", None), True),
        (False, "https://example.com/news/1", "en", ("en", None), False),
        (False, None, None, (None, None), False),
    ],
)
def test_kazakh_outlet(
    profiled: bool, url: str | None, language: str | None, locales: tuple[str | None, str | None], expected: bool
) -> None:
    assert kazakh_outlet(profiled, url, language, locales) is expected


@pytest.mark.parametrize(
    ("language", "locales", "expected"),
    [
        ("en", ("en-US", None), "en"),
        ("en", ("en", "en_US"), "en"),
        ("en", (None, None), "en"),
        ("en", ("en-GB", None), "ru"),
        ("en", (None, "en_AU"), "ru"),
        ("ru", ("ru", None), "ru"),
        ("kk", (None, None), "ru"),
        (None, ("de-DE", None), None),
    ],
)
def test_slash_order_language(
    language: str | None, locales: tuple[str | None, str | None], expected: str | None
) -> None:
    assert slash_order_language(language, locales) == expected


def test_represent() -> None:
    assert represent(ParsedDate(datetime(2020, 5, 1), False), True) == ("2020-05-01", "day")
    assert represent(ParsedDate(datetime(2020, 5, 1, 9, 5), True), True) == ("2020-05-01T09:05:00+06:00", "time")
    assert represent(ParsedDate(datetime(2020, 5, 1, 9, 5), True), False) == ("2020-05-01T09:05:00", "time")


def test_time_stamps_of_related_posts_do_not_outweigh_the_byline_date() -> None:
    # The first <time> is a related post's (mediapart, dubisthalle): stamps of several days make a list.
    top = "<p class='byline'>27 June 2019 · By Elba</p>"
    aside = "".join(
        f"<li><a href='/p{i}'>Another post</a> <time datetime='2019-0{7 + i}-0{i + 1}'>{i + 1} July</time></li>"
        for i in range(2)
    )
    html = _page(top=top, lang="en-GB").replace("<main>", f"<aside><ul>{aside}</ul></aside><main>")
    assert _date(_clean(html)) == ("2019-06-27", "visible_text", "day")


def test_one_time_stamp_still_comes_before_the_visible_lines() -> None:
    top = "<p class='byline'>27 June 2019</p><time datetime='2019-06-28T09:15:00+02:00'>28 June</time>"
    assert _date(_clean(_page(top=top, lang="en-GB"))) == ("2019-06-28T09:15:00+02:00", "time_element", "time")


def test_an_xml_lang_region_sets_the_slash_order() -> None:
    # msn.com's en-gb pages state their region only in xml:lang.
    html = _page(top="<span class='date'>02/10/2020</span>").replace('<html lang="en">', '<html xml:lang="en-GB">')
    assert _date(_clean(html)) == ("2020-10-02", "visible_text", "day")


def test_a_page_judged_a_listing_on_its_evidence_keeps_its_date() -> None:
    # The judgement can be wrong (a short post under a long list of related links): the record still
    # says when the page was published; a URL-decided listing or homepage has no date (tests/test_pagekind.py).
    cards = "".join(
        f"<div class='card'><h3><a href='/item-{i}'>Headline number {i} about the council budget</a></h3></div>"
        for i in range(20)
    )
    head = '<meta property="article:published_time" content="2016-12-23T10:00:00+00:00">'
    html = f"<html lang='en'><head><title>Python 3.6.0 is now available</title>{head}</head><body>{cards}</body></html>"
    article = _clean(html)
    assert article.page_kind == "listing" and article.body == "" and "not_article" in article.warnings
    assert _date(article) == ("2016-12-23T10:00:00+00:00", "meta", "time")


def test_an_implausible_visible_date_gives_way_to_the_next_line() -> None:
    # A caption's 1898 under the headline (garnix.io) is another date of the text, not the page's.
    top = (
        "<p>Signing of the Peace Protocol, August 12, 1898, by Theobald Chartran.</p>"
        "<p class='byline'>Dec 17, 2025 Julian K. Arni</p>"
    )
    assert _date(_clean(_page(top=top))) == ("2025-12-17", "visible_text", "day")
