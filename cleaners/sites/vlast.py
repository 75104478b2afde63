"""Vlast.kz: ru, kk /kz/ and en /en/ on vlast.kz.

Research notes (sources, confidence): docs/outlet-notes.md, section vlast.kz.
"""

from cleaners.profiles import Edition, Layout, SiteProfile
from cleaners.textfilters import FilterRules

# Articles are /novosti/<id>-<slug>.html: ru from the sitemap, kk /kz/ and en /en/ from their front listings.
ARTICLE = r"/novosti/\d+-[^/?]+\.html$"

PROFILE = SiteProfile(
    id="vlast.kz",
    name="Vlast.kz",
    domains=("vlast.kz",),
    editions=(
        Edition("ru", "vlast.kz", "", "https://vlast.kz/sitemap.xml", spider="vlast_ru", article=ARTICLE),
        Edition("kk", "vlast.kz", "/kz/", "https://vlast.kz/kz/", spider="vlast_kk", article=ARTICLE),
        Edition("en", "vlast.kz", "/en/", "https://vlast.kz/en/", spider="vlast_en", article=ARTICLE),
    ),
    title_suffixes=("Vlast.kz", "Vlast", "Власть"),
    layouts=(
        Layout(
            version="2023",
            valid_from="2020-01-01",
            detect=("div.js-mediator-article", "div.default-item-in"),
            title=("li.has-title h1", ".item-expand h1", "h1"),
            date=("ul.item-expand-meta time.news-date", "time.news-date"),
            body=("div.js-mediator-article", "div.default-item-in"),
            authors=('.item-expand-author a[href*="/avtory/"]', '.item-expand-author a[href*="/author/"]'),
            tags=('.item-expand-tags a[href*="/tags/"]',),
            section=("ul.item-expand-meta a.meta-rubric", "ul.item-expand-meta li a"),
            junk=(
                ".js-img-caption-text",
                ".img-caption",
                ".read-more-block",
                ".inline-news",
                ".mistake-message",
                ".subscribe-block",
                ".share-block",
            ),
            rules=FilterRules(
                drop_line=(
                    r"^(?:Читать|Читайте) на казахском",
                    r"^Материал подготовлен при поддержке",
                )
            ),
        ),
    ),
    notes=(
        "Selectors M/L: no saved vlast.kz page exists. Body = div.default-item-in.js-editor.js-img-caption."
        "js-mediator-article.font-edit (public 'vlast' Scrapy spider); date text in time.news-date "
        "(js-date-long, reformatted by JS); views in li:has(.icon--view-gray). Article URLs assumed "
        "/novosti/<id>-<slug>.html (the spider denies section paths /politika/, /obsshestvo/, /avtory/, /tags)."
    ),
)
