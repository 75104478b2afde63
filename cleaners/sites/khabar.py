"""Khabar: khabar.kz (ru /ru, kk /kk) and its 24.kz channel (ru /ru, kk /kz).

Research notes (sources, confidence): docs/outlet-notes.md, section khabar.kz.
"""

from cleaners.profiles import Edition, Layout, SiteProfile
from cleaners.textfilters import FilterRules

# Articles are /item/<id>-<slug>: khabar.kz from its sitemap, 24.kz from its news listings.
ARTICLE = r"/item/\d+-[^/?]+/?$"

PROFILE = SiteProfile(
    id="khabar.kz",
    name="Khabar",
    domains=("khabar.kz", "24.kz"),
    editions=(
        Edition("ru", "khabar.kz", "/ru", "https://khabar.kz/sitemap.xml", spider="khabar_ru", article=ARTICLE),
        Edition("kk", "khabar.kz", "/kk", "https://khabar.kz/sitemap.xml", spider="khabar_kk", article=ARTICLE),
        Edition("ru", "24.kz", "/ru", "https://24.kz/ru/", spider="khabar24_ru", article=ARTICLE),
        Edition(
            "kk",
            "24.kz",
            "/kz",
            "https://24.kz/kz/zha-aly-tar",
            spider="khabar24_kk",
            article=ARTICLE,
            listing_sections=("zha-aly-tar",),
        ),  # /kz/zha-aly-tar: the Kazakh news listing
    ),
    title_suffixes=("Хабар 24", "Хабар", "Khabar 24", "Khabar", "24.kz", "khabar.kz"),
    layouts=(
        Layout(
            version="iq",
            valid_from="2020-01-01",  # start unknown; seen by MCC in 2025-26
            detect=("div.iq-blog-box",),
            title=('h1[itemprop="name"]', "h1"),
            date=("li.border-gredient-left",),
            date_formats=("%d.%m.%Y %H:%M", "%d.%m.%Y, %H:%M", "%d.%m.%Y"),
            body=("div.iq-blog-box",),
            tags=(".iq-blog-tag a",),
            section=(".iq-blog-meta a.iq-blog-category",),
            junk=(
                ".iq-blog-meta",
                ".iq-blog-tag",
                ".iq-blog-image",
                ".iq-blog-video",
                ".iq-blog-share",
                ".iq-blog-related",
            ),
            rules=FilterRules(
                drop_line=(
                    # the TV channel's pointer to the video report at the end of a text (ru/kk)
                    r"^(?:Подробнее|Толығырақ)\s*+[–—-]?+\s*+(?:в (?:видео)?сюжете|в видео|(?:бейне)?сюжетте|бейнежазбада)\.?$",
                ),
            ),
        ),
    ),
    notes="Joomla site; one template for khabar.kz and (assumed) 24.kz; dates are naive Asia/Almaty.",
)
