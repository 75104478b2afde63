"""Kazinform (inform.kz): ru /ru/, kk kaz.inform.kz, en /en/; Latin Kazakh at qazinform.com."""
from cleaners.profiles import Edition, Layout, SiteProfile
from cleaners.textfilters import FilterRules

PROFILE = SiteProfile(
    id="inform.kz",
    name="Kazinform",
    domains=("inform.kz", "qazinform.com"),
    editions=(
        Edition("ru", "www.inform.kz", "/ru", "https://www.inform.kz/ru/rss/"),
        Edition("kk", "kaz.inform.kz", "", "https://kaz.inform.kz/lenta/"),
        Edition("en", "www.inform.kz", "/en", "https://www.inform.kz/en/lenta/"),
    ),
    title_suffixes=("Казинформ", "Kazinform", "Қазақпарат", "inform.kz"),
    layouts=(
        Layout(
            version="2024",
            valid_from="2024-01-01",
            detect=(".article__body-text",),
            title=("h1.article__title", "h1"),
            date=(".article__date time@datetime", ".article__date"),
            lead=(".article__description",),
            body=(".article__body-text",),
            authors=(".article__author-name",),
            tags=(".article__tags a",),
            junk=(".article__read-also", ".article__share", ".banner", ".article__body-related"),
        ),
        Layout(
            version="2020",
            valid_from="2018-01-01",
            detect=(".article_news_body",),
            title=(".article_title h1",),
            date=(".date_public_art",),
            body=(".article_news_body",),
            authors=(".author_article_block .name_p a",),
            tags=(".keyword_art a",),
            junk=(".frame_news_article", ".int_scr_inf", ".main_foto_art", ".soc_art_block"),
            rules=FilterRules(drop_line=(r"^[А-ЯЁA-Z\- ]+\. КАЗИНФОРМ\s*[-–—]?\s*$",)),
        ),
    ),
    notes="2020 layout from the saved page; 2024 layout from AIN kazinform_parser (2025).",
)
