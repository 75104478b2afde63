"""Sputnik Kazakhstan: sitemaps of ru.sputnik.kz, sputnik.kz (kk) and the old sputniknews.kz hosts.

Article URLs are /YYYYMMDD/<slug>-<id>.html.
"""
from scrapers.base import NewsSpider

ARTICLE = r"^/\d{8}/[^/?]+-\d+\.html$"


class SputnikRu(NewsSpider):
    name, outlet, language, host, article = "sputnik_ru", "sputnik.kz", "ru", "ru.sputnik.kz", ARTICLE


class SputnikKk(NewsSpider):
    name, outlet, language, host, article = "sputnik_kk", "sputnik.kz", "kk", "sputnik.kz", ARTICLE


class SputniknewsRu(NewsSpider):
    name, outlet, language, host, article = "sputniknews_ru", "sputnik.kz", "ru", "ru.sputniknews.kz", ARTICLE


class SputniknewsKk(NewsSpider):
    name, outlet, language, host, article = "sputniknews_kk", "sputnik.kz", "kk", "sputniknews.kz", ARTICLE
