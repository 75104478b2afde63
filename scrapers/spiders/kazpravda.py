"""Kazakhstanskaya Pravda (kazpravda.kz, ru): its sitemap; articles are /n/<slug>/."""
from scrapers.base import NewsSpider


class KazpravdaRu(NewsSpider):
    name, outlet, language, article = "kazpravda_ru", "kazpravda.kz", "ru", r"^/n/[^/?]+/$"
