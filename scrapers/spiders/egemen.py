"""Egemen Qazaqstan: the sitemap of each host (egemen.kz kk, ar.egemen.kz kk in Arabic script, ru., en.)."""
from scrapers.base import NewsSpider

ARTICLE = r"^/article/\d+-[^/?]+$"


class EgemenKk(NewsSpider):
    name, outlet, language, host, article = "egemen_kk", "egemen.kz", "kk", "egemen.kz", ARTICLE


class EgemenArKk(NewsSpider):
    name, outlet, language, host, article = "egemen_ar_kk", "egemen.kz", "kk", "ar.egemen.kz", ARTICLE


class EgemenRu(NewsSpider):
    name, outlet, language, article = "egemen_ru", "egemen.kz", "ru", ARTICLE


class EgemenEn(NewsSpider):
    name, outlet, language, article = "egemen_en", "egemen.kz", "en", ARTICLE
