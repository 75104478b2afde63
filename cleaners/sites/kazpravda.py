"""Kazakhstanskaya Pravda (kazpravda.kz), the ru edition.

Research notes (sources, confidence): docs/outlet-notes.md, section kazpravda.kz.
"""

from cleaners.profiles import Edition, Layout, SiteProfile
from cleaners.textfilters import FilterRules

# Articles are /n/<slug>/; the sitemap lists them.
ARTICLE = r"^/n/[^/?]+/$"

PROFILE = SiteProfile(
    id="kazpravda.kz",
    name="Казахстанская правда",
    domains=("kazpravda.kz",),
    editions=(
        Edition("ru", "kazpravda.kz", "", "https://kazpravda.kz/sitemap.xml", spider="kazpravda_ru", article=ARTICLE),
    ),
    title_suffixes=("Казахстанская правда", "Казправда", "Kazpravda.kz", "Kazpravda"),
    layouts=(
        Layout(
            version="2021",
            valid_from="2021-01-01",
            detect=("div.article__body",),
            title=("h1.article__title", "h1"),
            # the visible date has no time; a published_time meta, where present, is more precise
            date=(
                'meta[property="article:published_time"]@content',
                "time.article__date@datetime",
                "time.article__date",
            ),
            lead=(".article__lead",),
            body=("div.article__body",),
            authors=(".article__author-name", ".article__author a"),
            tags=("div.article__tags a",),
            section=(".article__category a", ".breadcrumbs li:last-child a"),
            junk=(
                "div.article__tags",
                "div.article__views",
                ".article__photo-caption",
                ".article__read-also",
                ".article__share",
                ".article__subscribe",
            ),
            rules=FilterRules(
                drop_line=(
                    r"^#\S",  # hashtag lines (MCC drops lines starting '#')
                    r"^(?=.{0,140}$)(?:Читайте|Подписывайтесь|Следите|Больше новостей).{0,100}Kazpravda\.kz",
                    r"^(?:Фото|Видео|Инфографика)\s*+:?+\s*+Kazpravda\.kz",
                    r"^Kazpravda\.kz\s*(?:в|на)\s+\w+$",
                )
            ),
        ),
    ),
    notes=(
        "MCC drops every line containing 'Kazpravda.kz'; here only short promo/credit lines go, so article "
        "sentences quoting 'корреспонденту Kazpravda.kz' stay. Only the ru edition is documented "
        "(a kk edition was not found; kazpravda.kz/en/rss appears once in a public feed list, unverified). "
        "Archive https://kazpravda.kz/archive/?date=, listing /r/stati/svezhiy-vypusk (HusenKomilov)."
    ),
)
