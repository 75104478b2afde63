"""Tengrinews: ru on tengrinews.kz, kk on kaz.tengrinews.kz, en on en.tengrinews.kz.

Research notes (sources, confidence): docs/outlet-notes.md, section tengrinews.kz.
"""

from cleaners.profiles import Edition, Layout, SiteProfile
from cleaners.textfilters import FilterRules

# Articles are /<section>_news/<slug>-<id>/; spiders read only the news sitemaps of each index (as MCC does).
ARTICLE = r"^/[a-z_]+_news/[^/?]+-\d+/$"

# The newsroom's WhatsApp number closes many articles ("присылайте фото и видео на WhatsApp ...").
_WHATSAPP = r"\+7 \(777\) 001 44 99"
# Section fronts that are listings, not stories (/kazakhstan_news/, /world_news/).
SECTIONS = ("kazakhstan_news", "world_news")

PROFILE = SiteProfile(
    id="tengrinews.kz",
    name="Tengrinews",
    domains=("tengrinews.kz",),
    editions=(
        Edition(
            "ru",
            "tengrinews.kz",
            "",
            "https://tengrinews.kz/sitemap-index.xml",
            spider="tengrinews_ru",
            article=ARTICLE,
            follow="sitemap-news",
            listing_sections=SECTIONS,
        ),
        Edition(
            "kk",
            "kaz.tengrinews.kz",
            "",
            "https://kaz.tengrinews.kz/kk-sitemap-index.xml",
            spider="tengrinews_kk",
            article=ARTICLE,
            follow="sitemap-news",
            listing_sections=SECTIONS,
        ),
        Edition(
            "en",
            "en.tengrinews.kz",
            "",
            "https://en.tengrinews.kz/en-sitemap-index.xml",
            spider="tengrinews_en",
            article=ARTICLE,
            follow="sitemap-news",
            listing_sections=SECTIONS,
        ),
    ),
    title_suffixes=("Tengrinews", "Tengrinews.kz", "Тенгри Ньюс"),
    layouts=(
        Layout(
            version="2024",
            valid_from="2024-01-01",  # seen by January 2024 (date texts "07 января 2024 23:14"); 2023-01 pages are still "tn-"
            detect=("div.content_main_text",),
            title=("h1.head-single",),
            date=("div.date-time", "ol.breadCrumb-ls.date-time li:last-child span"),
            body=("div.content_main_text",),
            tags=("div.content_main_text_tags a", 'meta[name="article:tag"]@content'),
            section=('meta[name="article:section"]@content',),
            junk=("div.content_main_text_tags", "#comm", ".tn-content-banner"),
            rules=FilterRules(drop_line=(_WHATSAPP,)),
        ),
        Layout(
            version="2020",
            valid_from="2020-01-01",  # "tn-" layout, 2020-23 (the saved 2023-01 listings)
            detect=("h1.tn-content-title", "div.tn-news-content"),
            # the h1 also holds the date (h1 > span), so the title comes from og:title
            title=('meta[property="og:title"]@content',),
            date=("h1.tn-content-title span",),
            body=("div.tn-news-content article", "div.tn-news-content"),
            tags=('meta[name="article:tag"]@content',),
            section=('meta[name="article:section"]@content', "ul.tn-bread-crumbs li:last-child a"),
            junk=(".tn-image-container", ".tn-share-container", "#comm"),
            rules=FilterRules(drop_line=(_WHATSAPP,)),
        ),
    ),
    notes="Comments: POST https://c.tn.kz/comments/get/list/ (news id = trailing -(\\d+)/ of the URL); "
    "views: https://counter.tengrinews.kz/inc/tengrinews_ru/news/{id}.",
)
