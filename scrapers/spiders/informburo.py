"""Informburo: the /novosti (ru) and /kaz/newskaz (kk) listings, paginated with ?page=N."""
from scrapers.base import NewsSpider

ARTICLE = r"^/(?:kaz/)?(?:novosti|stati|interview|istorii|newskaz)/[^/?]+$"


class InformburoRu(NewsSpider):
    name, outlet, language, article = "informburo_ru", "informburo.kz", "ru", ARTICLE
    next_page = "/novosti?page={n}"


class InformburoKk(NewsSpider):
    name, outlet, language, article = "informburo_kk", "informburo.kz", "kk", ARTICLE
    next_page = "/kaz/newskaz?page={n}"
