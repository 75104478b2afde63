"""Akorda (the President's site): the /events listings, paginated with ?page=N; URLs end -<id>."""
from scrapers.base import NewsSpider

ARTICLE = r"^/(?:ru|kz|en)/[^/?]+-\d+$"


class AkordaRu(NewsSpider):
    name, outlet, language, article, next_page = "akorda_ru", "akorda.kz", "ru", ARTICLE, "/ru/events?page={n}"


class AkordaKk(NewsSpider):
    name, outlet, language, article, next_page = "akorda_kk", "akorda.kz", "kk", ARTICLE, "/kz/events?page={n}"


class AkordaEn(NewsSpider):
    name, outlet, language, article, next_page = "akorda_en", "akorda.kz", "en", ARTICLE, "/en/events?page={n}"
