"""Radio Azattyq (RFE/RL): ru on rus.azattyq.org, kk on www.azattyq.org; Pangea and pre-Pangea layouts.

Research notes (sources, confidence): docs/outlet-notes.md, section azattyq.org.
"""

from cleaners.profiles import Edition, Layout, SiteProfile
from cleaners.textfilters import FilterRules

# Articles are /a/<id>.html (old: /content/article/<id>.html); the spiders read the Pangea RSS feeds.
ARTICLE = r"^/(?:a|content/article)/\d+\.html$"

PROFILE = SiteProfile(
    id="azattyq.org",
    name="Radio Azattyq",
    domains=("azattyq.org",),
    editions=(
        Edition(
            "ru", "rus.azattyq.org", "", "https://rus.azattyq.org/api/zororegtor", spider="azattyq_ru", article=ARTICLE
        ),
        Edition("kk", "www.azattyq.org", "", "https://www.azattyq.org/api/", spider="azattyq_kk", article=ARTICLE),
    ),
    title_suffixes=("Радио Азаттык", "Азаттык", "Азаттық радиосы", "Азаттық", "Radio Azattyq", "RFE/RL"),
    layouts=(
        Layout(
            version="pangea",
            valid_from="2016-01-01",
            detect=("div#article-content div.wsw", "div.wsw"),
            title=("h1.title.pg-title", "h1.pg-title", "h1"),
            date=("div.published time[datetime]@datetime", "div.published time"),
            body=("div#article-content div.wsw", "div.wsw"),
            authors=(".publishing-details .links__item-link", ".authors .links__item-link"),
            section=("div.js-category a", "div.category a"),
            junk=(".wsw__embed", ".media-block-wrap", ".media-pholder", ".sticky-share-container"),
            rules=FilterRules(
                drop_line=(
                    r"^(?:Нет медиа источника|No media source currently available|Медиа көзі жоқ)",
                    r"^(?:Подпишитесь|Подписывайтесь) на .{0,40}Азаттык",
                    r"Азаттық(?:тың)? .{0,40}арнасына жазылыңыз",
                )
            ),
        ),
        Layout(
            version="2011",
            valid_from="2008-01-01",
            detect=("div#article div.zoomMe", "div.zoomMe"),
            title=("#article h1", "h1"),
            date=("#article p.article_date",),
            body=("#article div.zoomMe", "div.zoomMe"),
            authors=("#article div.author",),
            section=("#article > h2", ".middle_content > h2"),
            junk=(".embedded_content", ".boxwidget", ".imgCaption", ".photo_caption"),
            rules=FilterRules(drop_line=(r"^Версия для печати$",)),
        ),
    ),
    notes=(
        "No article-selector scraper for azattyq.org in the research; Pangea CMS markup is the RFE/RL/VOA "
        "platform (h1.title.pg-title, div.published time[datetime], div#article-content div.wsw, "
        "embeds div.wsw__embed, authors .links__item-link), confidence M/L. The 2011 layout (div#article h1, "
        "div.author, p.article_date 'Опубликовано dd.mm.yyyy hh:mm', div.zoomMe, section #article h2, "
        "URLs /content/article/<id>.html) is from the Zotero RFE/RL translator (lastUpdated 2014-04-04), L. "
        "Feeds /api/zororegtor (main), /api/zrqomeuuo_ (world) from research (a public scraper)."
    ),
)
