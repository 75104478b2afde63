"""Akorda, the President's site: ru /ru, kk /kz and en /en on www.akorda.kz.

Research notes (sources, confidence): docs/outlet-notes.md, section akorda.kz.
"""

from cleaners.profiles import Edition, Layout, SiteProfile
from cleaners.textfilters import FilterRules

# Article URLs end -<id>: /ru/events/...-123; the /events listings page with ?page=N.
ARTICLE = r"^/(?:ru|kz|en)/[^/?]+-\d+$"

PROFILE = SiteProfile(
    id="akorda.kz",
    name="Akorda",
    domains=("akorda.kz",),
    editions=(
        Edition(
            "ru",
            "www.akorda.kz",
            "/ru",
            "https://www.akorda.kz/ru/events?page=1",
            spider="akorda_ru",
            article=ARTICLE,
            next_page="/ru/events?page={n}",
        ),
        Edition(
            "kk",
            "www.akorda.kz",
            "/kz",
            "https://www.akorda.kz/kz/events?page=1",
            spider="akorda_kk",
            article=ARTICLE,
            next_page="/kz/events?page={n}",
        ),
        Edition(
            "en",
            "www.akorda.kz",
            "/en",
            "https://www.akorda.kz/en/events?page=1",
            spider="akorda_en",
            article=ARTICLE,
            next_page="/en/events?page={n}",
        ),
    ),
    title_suffixes=(
        "Официальный сайт Президента Республики Казахстан",
        "Қазақстан Республикасы Президентінің ресми сайты",
        "Official website of the President of the Republic of Kazakhstan",
        "Akorda",
        "Ақорда",
        "Акорда",
        "akorda.kz",
    ),
    layouts=(
        Layout(
            version="2021",
            valid_from="2021-01-01",  # start unknown; seen by MCC in 2025-26 (Bootstrap markup)
            detect=("h2.mt-5",),
            title=("h2.mt-5",),
            date=("h2.mt-5 + h5", "h5"),
            body=("article",),
            section=(".breadcrumb .breadcrumb-item:last-child",),
            junk=(".share-block", ".btn-back", ".article-gallery__caption"),
            rules=FilterRules(
                drop_line=(
                    r"^(?:Go back|Back|Назад|Вернуться назад|Артқа|Кері қайту)$",
                    r"^[^.!?]{0,60}\bakorda\.kz\s*$",
                ),
            ),
        ),
    ),
    notes="Official site: no tags, no authors; the date is a day without a time (`date` is YYYY-MM-DD).",
)
