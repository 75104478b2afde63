"""Vlast (vlast.kz): ru from the sitemap, kk /kz/ and en /en/ from their front listings."""
from scrapers.base import NewsSpider

ARTICLE = r"/novosti/\d+-[^/?]+\.html$"


class VlastRu(NewsSpider):
    name, outlet, language, article = "vlast_ru", "vlast.kz", "ru", ARTICLE


class VlastKk(NewsSpider):
    name, outlet, language, article = "vlast_kk", "vlast.kz", "kk", ARTICLE


class VlastEn(NewsSpider):
    name, outlet, language, article = "vlast_en", "vlast.kz", "en", ARTICLE
