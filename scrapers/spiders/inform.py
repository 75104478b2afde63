"""Kazinform (inform.kz): the /lenta/ listing of each edition; URLs end -<6 hex> (2024+) or _a<id>."""
from scrapers.base import NewsSpider

ARTICLE = r"^(?:/(?:ru|kz|en|qz))?/[^/?]+(?:-[0-9a-f]{6}|_a\d+)/?$"


class InformRu(NewsSpider):
    name, outlet, language, article = "inform_ru", "inform.kz", "ru", ARTICLE


class InformEn(NewsSpider):
    name, outlet, language, article = "inform_en", "inform.kz", "en", ARTICLE


class InformKk(NewsSpider):
    name, outlet, language, host, article = "inform_kk", "inform.kz", "kk", "kaz.inform.kz", ARTICLE


class InformKzKk(NewsSpider):
    name, outlet, language, prefix, article = "inform_kz_kk", "inform.kz", "kk", "/kz", ARTICLE


class InformQzKk(NewsSpider):  # Latin-script Kazakh
    name, outlet, language, prefix, article = "inform_qz_kk", "inform.kz", "kk", "/qz", ARTICLE


class QazinformKk(NewsSpider):
    name, outlet, language, host, article = "qazinform_kk", "inform.kz", "kk", "qazinform.com", ARTICLE
