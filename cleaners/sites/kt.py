"""Kazakhstan Today (www.kt.kz), the ru edition under /rus.

Research notes (sources, confidence): docs/outlet-notes.md, section kt.kz.
"""

from cleaners.profiles import Edition, Layout, SiteProfile
from cleaners.textfilters import FilterRules

# Articles are /rus/<section>/<slug>_<10-digit id>.html; the RSS feed lists them.
ARTICLE = r"^/rus/[a-z_]+/[^/?]+_\d{10}\.html$"

PROFILE = SiteProfile(
    id="kt.kz",
    name="Kazakhstan Today",
    domains=("kt.kz",),
    editions=(Edition("ru", "www.kt.kz", "/rus", "https://www.kt.kz/rus/rss/", spider="kt_ru", article=ARTICLE),),
    title_suffixes=("Kazakhstan Today", "KAZAKHSTAN TODAY", "kt.kz"),
    layouts=(
        Layout(
            version="2018",
            valid_from="2013-01-01",  # the frame of the 2018-03 homepage; start approximate
            detect=(".article_holder .article_text",),
            title=(".article_holder h1.article_title", "h1"),
            date=(".article_holder .time",),
            date_formats=("%d.%m.%Y %H:%M",),
            body=(".article_holder .article_text",),
            authors=(".article_holder .article_author a",),
            tags=(".article_holder .article_tags a",),
            section=(".article_module .module_title_name a",),
            junk=(".news_picture", ".uptolike-buttons", ".viewer"),
            rules=FilterRules(
                drop_line=(
                    # the right-hand "Читаемое" list item form: "21.03.2018 09:04 (32127)"
                    r"^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2} \(\d+\)$",
                ),
            ),
        ),
    ),
    notes="Dates are naive Asia/Almaty ('21.03.2018 09:04'); the agency's dateline 'Город. D месяца. KAZAKHSTAN TODAY -' opens the text and is kept.",
)
