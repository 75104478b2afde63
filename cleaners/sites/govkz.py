"""Gov.kz ministries' press releases (the MFA's), ru/kk/en told apart by ?lang=.

Research notes (sources, confidence): docs/outlet-notes.md, section gov.kz.
"""

from cleaners.profiles import Edition, Layout, SiteProfile
from cleaners.textfilters import FilterRules

# The language is a query parameter (?lang=): the three editions share host and path prefix and
# are told apart by `query`. Articles are the MFA's press releases.
ARTICLE = r"^/memleket/entities/mfa/press/news/details/\d+\?lang=(?:ru|kk|en)$"

PROFILE = SiteProfile(
    id="gov.kz",
    name="Gov.kz",
    domains=("gov.kz",),
    editions=(
        Edition(
            "ru",
            "www.gov.kz",
            "/memleket",
            "https://www.gov.kz/memleket/entities/mfa/press/news?lang=ru",
            query="lang=ru",
            spider="govkz_ru",
            article=ARTICLE,
        ),
        Edition(
            "kk",
            "www.gov.kz",
            "/memleket",
            "https://www.gov.kz/memleket/entities/mfa/press/news?lang=kk",
            query="lang=kk",
            spider="govkz_kk",
            article=ARTICLE,
        ),
        Edition(
            "en",
            "www.gov.kz",
            "/memleket",
            "https://www.gov.kz/memleket/entities/mfa/press/news?lang=en",
            query="lang=en",
            spider="govkz_en",
            article=ARTICLE,
        ),
    ),
    title_suffixes=(
        "Gov.kz",
        "Портал государственных органов",
        "Мемлекеттік органдар порталы",
        "Government agencies portal",
    ),
    layouts=(
        Layout(
            version="2020",
            valid_from="2020-01-01",  # the unified gov.kz platform; start approximate
            detect=(".news-details__content",),
            title=("h1.news-details__title", "h1"),
            date=(".news-details__date",),
            body=(".news-details__content",),
            section=(".breadcrumbs .breadcrumbs__item:last-child",),
            junk=(".news-details__gallery-caption", ".news-details__share", ".news-details__attachments"),
            rules=FilterRules(
                drop_line=(
                    # attachment lists under the release ("Файлы", "Файлдар", "Files")
                    r"^(?:Файлы|Файлдар|Files|Прикрепленные файлы|Тіркелген файлдар|Attached files)\s*:?$",
                    r"\.(?:pdf|docx?|xlsx?)\s*\(\d+(?:[.,]\d+)?\s*(?:КБ|МБ|KB|MB|Кб|Мб)\)$",
                ),
            ),
        ),
    ),
    notes="Same URL serves ru/kk/en by ?lang=; the date text is 'D месяца YYYY, HH:MM' (naive Asia/Almaty) on the fixtures.",
)
