"""Orda.kz: the sitemap of each host (orda.kz ru, kaz.orda.kz kk, en.orda.kz en); articles are /<slug>/."""
from scrapers.base import NewsSpider

ARTICLE = r"^/(?!(?:news|posts|tag|category|author|page|last-news)/)[a-z0-9-]{12,}/$"


class OrdaRu(NewsSpider):
    name, outlet, language, article = "orda_ru", "orda.kz", "ru", ARTICLE


class OrdaKk(NewsSpider):
    name, outlet, language, article = "orda_kk", "orda.kz", "kk", ARTICLE


class OrdaEn(NewsSpider):
    name, outlet, language, article = "orda_en", "orda.kz", "en", ARTICLE
