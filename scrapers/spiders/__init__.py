"""One spider per edition of every site profile, made from the registry (`cleaners/sites/`).

The classes are module-level names here (`TengrinewsRu` for the edition whose `spider` is
`tengrinews_ru`), so `scrapy list`, `scrapy crawl` and Scrapyd find them; nothing is written by hand.
"""

from __future__ import annotations

from cleaners.profiles import all_profiles
from scrapers.base import NewsSpider, spider_class

SPIDERS: dict[str, type[NewsSpider]] = {
    edition.spider: spider_class(profile, edition, __name__)
    for profile in all_profiles()
    for edition in profile.editions
}
globals().update({cls.__name__: cls for cls in SPIDERS.values()})
__all__ = ["SPIDERS", *sorted(cls.__name__ for cls in SPIDERS.values())]
