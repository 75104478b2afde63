"""gov.kz (MFA press releases): the news listing per ?lang=; editions share host and path, told apart by lang."""
from scrapers.base import NewsSpider

NEWS = r"^/memleket/entities/mfa/press/news/details/\d+\?lang="


class GovkzRu(NewsSpider):
    name, outlet, language, article = "govkz_ru", "gov.kz", "ru", NEWS + "ru$"


class GovkzKk(NewsSpider):
    name, outlet, language, article = "govkz_kk", "gov.kz", "kk", NEWS + "kk$"


class GovkzEn(NewsSpider):
    name, outlet, language, article = "govkz_en", "gov.kz", "en", NEWS + "en$"
