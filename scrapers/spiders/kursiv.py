"""Kursiv: kz.kursiv.media sitemaps (ru, kk) and feed (en); kursiv.kz (old ru) sitemap. URLs /YYYY-MM-DD/<slug>/."""
from scrapers.base import NewsSpider

ARTICLE = r"/\d{4}-\d{2}-\d{2}/[^/?]+/$"


class KursivRu(NewsSpider):
    name, outlet, language, host, article = "kursiv_ru", "kursiv.media", "ru", "kz.kursiv.media", ARTICLE


class KursivKk(NewsSpider):
    name, outlet, language, host, article = "kursiv_kk", "kursiv.media", "kk", "kz.kursiv.media", ARTICLE


class KursivEn(NewsSpider):
    name, outlet, language, host, article = "kursiv_en", "kursiv.media", "en", "kz.kursiv.media", ARTICLE


class KursivKzRu(NewsSpider):
    name, outlet, language, host, article = "kursivkz_ru", "kursiv.media", "ru", "kursiv.kz", ARTICLE
