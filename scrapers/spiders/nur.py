"""nur.kz: the /latest/ listings (its sitemaps are frozen); article URLs carry a 7-digit id."""
from scrapers.base import NewsSpider

ARTICLE = r"/\d{7}-[^/?]+(?:/|\.html)$"


class NurRu(NewsSpider):
    name, outlet, language, article = "nur_ru", "nur.kz", "ru", ARTICLE


class NurKk(NewsSpider):
    name, outlet, language, article = "nur_kk", "nur.kz", "kk", ARTICLE
    start_urls = ("https://kaz.nur.kz/latest/",)  # the profile's start URL is a JSON API
