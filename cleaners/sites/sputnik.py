"""Sputnik Kazakhstan: ru.sputnik.kz and sputnik.kz (kk), and the sputniknews.kz hosts before 2022.

Research notes (sources, confidence): docs/outlet-notes.md, section sputnik.kz.
"""

from cleaners.profiles import Edition, Layout, SiteProfile

# Articles are /YYYYMMDD/<slug>-<id>.html; each host's sitemap lists them.
ARTICLE = r"^/\d{8}/[^/?]+-\d+\.html$"

PROFILE = SiteProfile(
    id="sputnik.kz",
    name="Sputnik Казахстан",
    domains=("sputnik.kz", "sputniknews.kz"),
    editions=(
        Edition("ru", "ru.sputnik.kz", "", "https://ru.sputnik.kz/sitemap.xml", spider="sputnik_ru", article=ARTICLE),
        Edition("kk", "sputnik.kz", "", "https://sputnik.kz/sitemap.xml", spider="sputnik_kk", article=ARTICLE),
        Edition(
            "ru",
            "ru.sputniknews.kz",
            "",
            "https://ru.sputnik.kz/export/rss2/index.xml",
            spider="sputniknews_ru",
            article=ARTICLE,
        ),
        Edition(
            "kk",
            "sputniknews.kz",
            "",
            "https://sputniknews.kz/sitemap_article_index.xml",
            spider="sputniknews_kk",
            article=ARTICLE,
        ),
    ),
    title_suffixes=("Sputnik Казахстан", "Sputnik Қазақстан", "Sputnik Kazakhstan", "Sputnik"),
    layouts=(
        Layout(
            version="2022",
            valid_from="2022-01-01",  # ru.sputnik.kz / sputnik.kz, /YYYYMMDD/<slug>-<id>.html URLs
            detect=("div.article__text",),
            title=("h1.article__title", "h1"),
            date=("div.article__info-date > a",),
            date_modified=("span.article__info-date-modified",),
            lead=("div.article__announce-text",),
            body=("div.article__text",),
            tags=("div.article__tags a.tag__text",),
        ),
        Layout(
            version="2018",
            valid_from="2014-01-01",  # sputniknews.kz b-article layout, /<rubric>/YYYYMMDD/<id>.html URLs
            detect=("div.b-article__text",),
            title=("div.b-article h1", "h1"),
            date=('meta[itemprop="datePublished"]@content', ".b-article__refs-date time@datetime"),
            date_modified=('meta[itemprop="dateModified"]@content',),
            lead=('div.b-article__lead[itemprop="description"]', "div.b-article__lead"),
            body=('div.b-article__text[itemprop="articleBody"]', "div.b-article__text"),
            # a byline, if any, is schema.org microdata inside the Article; declaring it also keeps the
            # page-wide <meta name="author" content="Sputnik"> (the outlet, not a person) out of authors
            authors=('div.b-article [itemprop="author"] [itemprop="name"]',),
            tags=(".b-article__tags a",),
            section=(".b-article__refs-rubric a",),
            junk=(".b-inject", ".b-article__media"),
        ),
    ),
    notes="RSS: https://ru.sputnik.kz/export/rss2/index.xml, https://sputniknews.kz/export/rss2/archive/index.xml (SAL); "
    "site search is behind reCAPTCHA (SRCH).",
)
