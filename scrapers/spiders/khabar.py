"""Khabar: khabar.kz from its sitemap (ru /ru, kk /kk); 24.kz from its news listings (ru /ru, kk /kz)."""
from scrapers.base import NewsSpider

ARTICLE = r"/item/\d+-[^/?]+/?$"


class KhabarRu(NewsSpider):
    name, outlet, language, host, article = "khabar_ru", "khabar.kz", "ru", "khabar.kz", ARTICLE


class KhabarKk(NewsSpider):
    name, outlet, language, host, article = "khabar_kk", "khabar.kz", "kk", "khabar.kz", ARTICLE


class Khabar24Ru(NewsSpider):
    name, outlet, language, host, article = "khabar24_ru", "khabar.kz", "ru", "24.kz", ARTICLE


class Khabar24Kk(NewsSpider):
    name, outlet, language, host, article = "khabar24_kk", "khabar.kz", "kk", "24.kz", ARTICLE
