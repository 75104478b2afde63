"""Tengrinews: each edition's sitemap index, reading only its news sitemaps (as MCC does)."""
from scrapers.base import NewsSpider

ARTICLE = r"^/[a-z_]+_news/[^/?]+-\d+/$"


class TengrinewsRu(NewsSpider):
    name, outlet, language, article, follow = "tengrinews_ru", "tengrinews.kz", "ru", ARTICLE, "sitemap-news"


class TengrinewsKk(NewsSpider):
    name, outlet, language, article, follow = "tengrinews_kk", "tengrinews.kz", "kk", ARTICLE, "sitemap-news"


class TengrinewsEn(NewsSpider):
    name, outlet, language, article, follow = "tengrinews_en", "tengrinews.kz", "en", ARTICLE, "sitemap-news"
