"""NUR.KZ: ru on www.nur.kz, kk on kaz.nur.kz; 2024 and 2019 layouts.

Research notes (sources, confidence): docs/outlet-notes.md, section nur.kz.
"""

from cleaners.profiles import Edition, Layout, SiteProfile

# Article URLs carry a 7-digit id; the /latest/ listings list them (the sitemaps are frozen).
ARTICLE = r"/\d{7}-[^/?]+(?:/|\.html)$"

PROFILE = SiteProfile(
    id="nur.kz",
    name="NUR.KZ",
    domains=("nur.kz",),
    editions=(
        # SRCH: the sitemaps are frozen and there is no site search; the feed is /latest/ (an HTML
        # listing; kaz.nur.kz also has the JSON API /api/latest/?cursor=, see notes)
        Edition("ru", "www.nur.kz", "", "https://www.nur.kz/latest/", spider="nur_ru", article=ARTICLE),
        Edition("kk", "kaz.nur.kz", "", "https://kaz.nur.kz/latest/", spider="nur_kk", article=ARTICLE),
    ),
    title_suffixes=("NUR.KZ", "nur.kz"),
    layouts=(
        Layout(
            version="2024",
            valid_from="2024-01-01",  # the saved 2024 page in Arystanbek360/Thesis; AIN 2025
            detect=("div.formatted-body__content--wrapper",),
            title=("h1.main-headline", "h1.js-main-headline"),
            date=("time.datetime--publication@datetime", 'meta[name="article:published_time"]@content'),
            date_modified=('meta[name="article:modified_time"]@content',),
            lead=("strong.formatted-body__strong",),
            body=("div.formatted-body__content--wrapper",),
            authors=("address.author-item",),
            junk=(".read-more-block", "figure.inline-picture__container"),
        ),
        Layout(
            version="2019",
            valid_from="2018-01-01",  # "formatted-body io-article-body", /<7-digit id>-<slug>.html URLs
            detect=("div.formatted-body.io-article-body",),
            title=("h1.article-headline", "h1"),
            date=("time.datetime.datetime--publication@datetime", "time.article-datetime@datetime"),
            body=("div.formatted-body.io-article-body",),
            section=(".block-category-header__title--post",),
            junk=(".article-share", ".whatsapp-contacts", "figure.article-image"),
        ),
    ),
    notes="JSON listing API https://www.nur.kz/api/latest/?cursor= (also kaz.nur.kz). "
    "URLs: /<section>/<subsection>/<7-digit id>-<slug>/ (2024), /<7-digit id>-<slug>.html (2018-19).",
)
