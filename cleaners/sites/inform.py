"""Kazinform (inform.kz, qazinform.com): ru, en and three Kazakh editions; 2024 and 2020 layouts.

Research notes (sources, confidence): docs/outlet-notes.md, section inform.kz.
"""

from cleaners.profiles import Edition, Layout, SiteProfile
from cleaners.textfilters import FilterRules

# Article URLs end -<6 hex> (2024+) or _a<id> (older); each edition's /lenta/ listing lists them.
ARTICLE = r"^(?:/(?:ru|kz|en|qz))?/[^/?]+(?:-[0-9a-f]{6}|_a\d+)/?$"

# A dateline left alone on its own line: "АСТАНА. КАЗИНФОРМ –", "АСТАНА. ҚазАқпарат -", "ASTANA. KAZINFORM -".
_DATELINE = r"^[А-ЯЁӘҒҚҢӨҰҮҺІA-Z\-– ]+\. (?:КАЗИНФОРМ|ҚАЗАҚПАРАТ|ҚазАқпарат|KAZINFORM|Kazinform)\s*[-–—]?\s*$"

PROFILE = SiteProfile(
    id="inform.kz",
    name="Kazinform",
    domains=("inform.kz", "qazinform.com"),
    editions=(
        Edition("ru", "www.inform.kz", "/ru", "https://www.inform.kz/lenta/", spider="inform_ru", article=ARTICLE),
        Edition("kk", "kaz.inform.kz", "", "https://kaz.inform.kz/lenta/", spider="inform_kk", article=ARTICLE),
        Edition("en", "www.inform.kz", "/en", "https://www.inform.kz/en/lenta/", spider="inform_en", article=ARTICLE),
        # the saved 2020 page links the Kazakh editions as www.inform.kz/kz (Cyrillic) and /qz (Latin)
        Edition(
            "kk", "www.inform.kz", "/kz", "https://www.inform.kz/kz/lenta/", spider="inform_kz_kk", article=ARTICLE
        ),
        Edition(
            "kk", "www.inform.kz", "/qz", "https://www.inform.kz/qz/lenta/", spider="inform_qz_kk", article=ARTICLE
        ),
        Edition("kk", "qazinform.com", "", "https://qazinform.com/", spider="qazinform_kk", article=ARTICLE),
    ),
    title_suffixes=("Казинформ", "Kazinform", "Қазақпарат", "ҚазАқпарат", "inform.kz"),
    layouts=(
        Layout(
            version="2024",
            valid_from="2024-01-01",
            detect=(".article__body-text",),
            title=("h1.article__title", "h1"),
            # the visible text reads like the lenta's "13:51, 15 Август 2025" (Asia/Almaty)
            date=(".article__date time@datetime", ".article__date"),
            lead=(".article__description",),
            body=(".article__body-text",),
            authors=(".article__author-name",),
            tags=(".article__tags a",),
            junk=(
                ".article__read-also",
                ".article__share",
                ".banner",
                ".article__body-related",
                ".article__subscribe",
                ".article__photo-caption",
            ),
            rules=FilterRules(drop_line=(_DATELINE,)),
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
            rules=FilterRules(drop_line=(_DATELINE,)),
        ),
    ),
    notes="2020 layout from the saved page; 2024 layout from AIN kazinform_parser (2025).",
)
