"""Orda.kz (WordPress): ru on orda.kz, en on en.orda.kz, kk on kaz.orda.kz.

Research notes (sources, confidence): docs/outlet-notes.md, section orda.kz.
"""

from cleaners.profiles import Edition, Layout, SiteProfile
from cleaners.textfilters import FilterRules

# Articles are /<slug>/ (12+ characters, not a section); each host's sitemap lists them.
ARTICLE = r"^/(?!(?:news|posts|tag|category|author|page|last-news)/)[a-z0-9-]{12,}/$"

# MCC drops these paragraphs on every Orda host: media-registration certificates, cookie and
# privacy notices, the language switcher and the "Ордынка |" / "Society |" / "News |" labels.
_SHORT = r"(?i)(?=.{0,250}$)"  # case-blind, short lines only
_ORDA_LINES = (
    _SHORT + r".*свидетельство о (?:постановке на уч[её]т|регистрации)",
    _SHORT + r".*(?:есепке қою|тіркеу|қайта есепке қою) туралы куәлі(?:к|гі)\b",
    _SHORT + r".*certificate of registration",
    _SHORT + r"^(?:мы|сайт|this|we|our|біз)\b.*\bcookie",
    _SHORT + r".*(?:политик[уиа] конфиденциальности|құпиялылық саясат|privacy policy)",
    r"(?i)^ru\s*\|\s*kz\s*\|\s*en\b",
    r"(?i)^(?:ордынка|society|news|қоғам|жаңалықтар)\s*\|",
)

PROFILE = SiteProfile(
    id="orda.kz",
    name="Orda.kz",
    domains=("orda.kz",),
    editions=(
        Edition("ru", "orda.kz", "", "https://orda.kz/sitemap.xml", spider="orda_ru", article=ARTICLE),
        Edition("en", "en.orda.kz", "", "https://en.orda.kz/sitemap.xml", spider="orda_en", article=ARTICLE),
        Edition("kk", "kaz.orda.kz", "", "https://kaz.orda.kz/sitemap.xml", spider="orda_kk", article=ARTICLE),
    ),
    title_suffixes=("Orda.kz", "Орда.kz", "Orda"),
    layouts=(
        Layout(
            version="2022",
            valid_from="2020-11-11",
            detect=(".entry-content",),
            title=("h1.entry-title", "h1"),
            date=('meta[property="article:published_time"]@content', "time[datetime]@datetime"),
            date_modified=('meta[property="article:modified_time"]@content',),
            body=(".entry-content",),
            junk=(".post-tags", ".sharedaddy", ".jp-relatedposts", ".wp-block-buttons", ".orda-subscribe"),
            rules=FilterRules(drop_line=_ORDA_LINES),
        ),
    ),
    notes="MCC reads <p> elements of 40+ characters from the whole page and drops the lines above.",
)
