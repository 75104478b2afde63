"""Azattyq (RFE/RL): the Pangea RSS feeds (/api/...); articles /a/<id>.html (old: /content/article/<id>.html)."""
from scrapers.base import NewsSpider

ARTICLE = r"^/(?:a|content/article)/\d+\.html$"


class AzattyqRu(NewsSpider):
    name, outlet, language, article = "azattyq_ru", "azattyq.org", "ru", ARTICLE


class AzattyqKk(NewsSpider):
    name, outlet, language, article = "azattyq_kk", "azattyq.org", "kk", ARTICLE
