"""Zakon.kz: ru on www.zakon.kz, kk on kaz.zakon.kz.

Research notes (sources, confidence): docs/outlet-notes.md, section zakon.kz.
"""

from cleaners.profiles import Edition, Layout, SiteProfile
from cleaners.textfilters import FilterRules

# Articles are /<section>/<7-digit id>-<slug>.html: the ru /news/ listing, the kk sitemap.
ARTICLE = r"/\d{7}-[^/?]+\.html$"

PROFILE = SiteProfile(
    id="zakon.kz",
    name="Zakon.kz",
    domains=("zakon.kz",),
    editions=(
        Edition("ru", "www.zakon.kz", "", "https://www.zakon.kz/news/", spider="zakon_ru", article=ARTICLE),
        Edition("kk", "kaz.zakon.kz", "", "https://kaz.zakon.kz/sitemap.xml", spider="zakon_kk", article=ARTICLE),
    ),
    title_suffixes=("Zakon.kz", "zakon.kz"),
    layouts=(
        Layout(
            version="2021",
            valid_from="2021-01-01",  # after the DLE layout (2019-20); MCC/AIN 2025
            detect=("div.article__block > div.content",),
            title=("div.article h1", "h1"),
            # no visible date selector is documented: MCC reads JSON-LD, which the pipeline reads anyway
            lead=("div.article__block > div.description",),
            body=("div.article__block > div.content",),
            authors=('a[href*="/authors/"]',),
            tags=("div.tags.newsTags a",),
            junk=(".google-news-follow", ".willShare", ".tags.newsTags"),
            # MCC ends the body at these text markers (ru, kk)
            rules=FilterRules(
                cut_after=(r"^Поделитесь новостью", r"^Следите за новостями", r"^Жаңалықтар телефоныңызда")
            ),
        ),
        Layout(
            version="2019",
            valid_from="2018-03-01",  # DLE: #dle-content, #initial_news_story, #zkn_comments
            detect=("#initial_news_story",),
            title=("#dle-content h1",),
            date=('meta[property="article:published_time"]@content', "#dle-content .news_date"),
            body=("#initial_news_story",),
            junk=("#zkn_comments", ".share_block"),
        ),
    ),
    notes="Listing API {host}/news/?handler=LoadMoreNews&p={page}&type=list (JSON wrapping HTML); "
    "exclude /pbf/, /special/ and special.zakon.kz (MCC).",
)
