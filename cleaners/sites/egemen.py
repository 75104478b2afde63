"""Egemen Qazaqstan: kk on egemen.kz and ar.egemen.kz (Arabic script), ru and en on subdomains.

Research notes (sources, confidence): docs/outlet-notes.md, section egemen.kz.
"""

from cleaners.profiles import Edition, Layout, SiteProfile
from cleaners.textfilters import FilterRules

# Articles are /article/<id>-<slug>; each host's sitemap lists them.
ARTICLE = r"^/article/\d+-[^/?]+$"

PROFILE = SiteProfile(
    id="egemen.kz",
    name="Egemen Qazaqstan",
    domains=("egemen.kz",),
    editions=(
        Edition("kk", "egemen.kz", "", "https://egemen.kz/sitemap.xml", spider="egemen_kk", article=ARTICLE),
        Edition("ru", "ru.egemen.kz", "", "https://ru.egemen.kz/sitemap.xml", spider="egemen_ru", article=ARTICLE),
        Edition("en", "en.egemen.kz", "", "https://en.egemen.kz/sitemap.xml", spider="egemen_en", article=ARTICLE),
        Edition(
            "kk", "ar.egemen.kz", "", "https://ar.egemen.kz/sitemap.xml", spider="egemen_ar_kk", article=ARTICLE
        ),  # Arabic-script Kazakh
    ),
    title_suffixes=("Egemen Qazaqstan", "Егемен Қазақстан", "Egemen.kz", "Egemen"),
    layouts=(
        Layout(
            version="2019",
            valid_from="2019-01-01",
            detect=('[itemprop="articleBody"]',),
            title=("h1.responsive_title", "h1"),
            date=("article span.text-grey", "div.main-news span.text-grey", "span.text-grey"),
            body=('[itemprop="articleBody"]',),
            authors=(".name-auth h4",),
            tags=(".news-tags a",),
            section=(".news-category a",),
            junk=(".top-news", ".social-links", ".read-also-inline", ".photo-caption", ".news-views"),
            rules=FilterRules(
                drop_line=(
                    r"^(?:Сурет|Фото|Фотосурет|Photo)\s*[:—–-]",
                    r"^(?:Сурет|Фото|Photo)\s+(?:автордікі|автордың|ашық дереккөзден|из открытых источников|from open sources)\.?$",
                    r"^Суретті түсірген\s*:",
                    r"^(?=.{0,160}$).*(?:Egemen Qazaqstan|Егемен Қазақстан).{0,30}(?:Telegram|арнасына|каналу|канал)",
                )
            ),
        ),
    ),
    notes=(
        "No older layout is documented; a 2025-26 migration of the site from Laravel to Next.js was "
        "mentioned in a public portfolio, so a new layout may exist. Article URLs /article/<id>-<latin slug>; "
        "listing https://egemen.kz/last-news?page=N (HusenKomilov); RSS https://egemen.kz/rss (public code)."
    ),
)
