"""Zakon.kz: the ru /news/ listing, the kk sitemap; article URLs are /<section>/<7-digit id>-<slug>.html."""
from scrapers.base import NewsSpider

ARTICLE = r"/\d{7}-[^/?]+\.html$"


class ZakonRu(NewsSpider):
    name, outlet, language, article = "zakon_ru", "zakon.kz", "ru", ARTICLE


class ZakonKk(NewsSpider):
    name, outlet, language, article = "zakon_kk", "zakon.kz", "kk", ARTICLE
