"""Kazakhstan Today (kt.kz, ru): its RSS feed; articles /rus/<section>/<slug>_<10-digit id>.html."""
from scrapers.base import NewsSpider


class KtRu(NewsSpider):
    name, outlet, language, article = "kt_ru", "kt.kz", "ru", r"^/rus/[a-z_]+/[^/?]+_\d{10}\.html$"
