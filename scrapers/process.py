"""The one place that builds a Scrapy crawler process with the kaznews project settings: for
`kaznews crawl`, `kaznews check-live` and the page fetch of `kaznews fixtures record`.

A `shared=False` process is a one-off: it never joins a shared (Redis) frontier, whatever
KAZNEWS_BACKEND the environment sets, since its requests and state are its own.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

SETTINGS_MODULE = "scrapers.settings"
LOCAL_BACKEND = "sqlite"


def project_settings(overrides: Mapping[str, Any], sets: Iterable[str] = (), shared: bool = True) -> Settings:
    """The project settings, then `overrides`, then `NAME=VALUE` strings (--set), all at cmdline priority."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", SETTINGS_MODULE)
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    local = [] if shared else [("KAZNEWS_BACKEND", LOCAL_BACKEND)]  # --set may still choose another
    for key, value in [*overrides.items(), *local, *(tuple(pair.partition("=")[::2]) for pair in sets)]:
        settings.set(key, value, priority="cmdline")
    return settings


def crawler_process(settings: Settings) -> tuple[CrawlerProcess, dict[str, Any]]:
    """A process for these settings and its spider classes by name."""
    process = CrawlerProcess(settings)
    return process, {name: process.spider_loader.load(name) for name in process.spider_loader.list()}


def select_spiders(wanted: list[str], available: dict[str, Any], command: str = "crawl") -> list[str]:
    """Spider names for outlet ids, spider names or `all`; an unknown one is a one-line error."""
    names: list[str] = []
    for item in wanted:
        found = (
            sorted(available)
            if item == "all"
            else ([item] if item in available else sorted(n for n, cls in available.items() if cls.outlet == item))
        )
        if not found:
            raise SystemExit(f"kaznews {command}: unknown outlet or spider {item!r} (see `kaznews sites`)")
        names += [n for n in found if n not in names]
    return names
