"""Kursiv: kz.kursiv.media (ru, kk /kk, en /en) and the old kursiv.kz (ru).

Research notes (sources, confidence): docs/outlet-notes.md, section kursiv.media.
"""

from cleaners.profiles import Edition, Layout, SiteProfile
from cleaners.textfilters import FilterRules

# Articles are /YYYY-MM-DD/<slug>/ (after /kk or /en): sitemaps (ru, kk, old kursiv.kz) and the en feed.
ARTICLE = r"/\d{4}-\d{2}-\d{2}/[^/?]+/$"

_KURSIV_LINES = (
    # "Фото: ..." / "Читайте также" are dropped by the shared filters; these are Kursiv's own lines.
    r"^(?:Подписывайтесь|Подпишитесь) на (?:Telegram-канал|телеграм-канал|наш канал) Kursiv",
    r"^Kursiv(?: Media)? (?:в|в\s+)?(?:Telegram|Instagram|YouTube)\b",
    r"^(?:Больше|Все) новостей (?:в|на) (?:нашем )?(?:Telegram|телеграм)",
    r"^Kursiv\.media (?:Telegram|телеграм) арнасы",
    r"^Kursiv on Telegram\b",
)

PROFILE = SiteProfile(
    id="kursiv.media",
    name="Kursiv",
    domains=("kz.kursiv.media", "kursiv.kz"),
    editions=(
        Edition(
            "ru", "kz.kursiv.media", "", "https://kz.kursiv.media/sitemap.xml", spider="kursiv_ru", article=ARTICLE
        ),
        Edition(
            "kk",
            "kz.kursiv.media",
            "/kk",
            "https://kz.kursiv.media/sitemaps/kk/sitemap.xml",
            spider="kursiv_kk",
            article=ARTICLE,
        ),
        Edition(
            "en", "kz.kursiv.media", "/en", "https://kz.kursiv.media/en/feed/", spider="kursiv_en", article=ARTICLE
        ),
        Edition("ru", "kursiv.kz", "", "https://kursiv.kz/sitemap.xml", spider="kursivkz_ru", article=ARTICLE),
    ),
    title_suffixes=("Kursiv Media", "Kursiv Media Казахстан", "Kursiv Media Kazakhstan", "Курсив", "Kursiv"),
    layouts=(
        Layout(
            version="2023",
            valid_from="2023-01-01",
            detect=(".single-body",),
            title=("h1.single-header__title", "header.single-header h1", "h1"),
            date=("time.single-publishing-time__date@datetime", ".single-publishing-time__original time"),
            body=(".single-body",),
            authors=(".author-card__name a",),
            tags=(".tag-cloud__item",),
            # MCC ends the body before .single-footer, .single-read-also or a <section>
            junk=(".single-footer", ".single-read-also", "section", ".single-body__banner", ".subscribe-block"),
            rules=FilterRules(drop_line=_KURSIV_LINES),
        ),
        Layout(
            version="subcat",
            valid_from="2021-01-01",
            detect=("article.subcat-article .single-content", "article.subcat-article"),
            title=("article.subcat-article h1",),
            date=(".subcat-article__header__date p",),
            body=(".single-content",),
            authors=(".subcat-article__header__author-info p",),
            tags=(".tag-cloud__item",),
            junk=(".single-footer", ".single-read-also", "section", "aside"),
            rules=FilterRules(drop_line=_KURSIV_LINES),
        ),
    ),
    notes="MCC title/body/author/date selectors; kz.kursiv.media URLs are /YYYY-MM-DD/<slug>/ (with /kk/ or /en/ first).",
)
