"""A page's publication and modification dates, from the candidates `metadata` gathered."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from functools import partial

from .article import Article
from .datefind import FoundDate, find_date, kazakh_outlet, slash_order_language
from .metadata import Meta
from .options import CleanOptions
from .profiles import Layout


def page_dates(
    meta: Meta,
    *,
    url: str | None,
    language: str | None,
    profiled: bool,
    layout: Layout | None,
    markup: str | bytes,
    fetched_at: datetime | None,
    opts: CleanOptions,
    warnings: list[str],
) -> tuple[FoundDate, FoundDate]:
    """(published, modified): a layout's date formats first; htmldate only off a layout, which knows
    where its date is; a naive time is Almaty only on a Kazakh outlet."""
    formats = layout.date_formats if layout else ()
    locales = (meta.html_lang, meta.locale)
    kazakh = kazakh_outlet(profiled, url, language, locales)
    date_lang = slash_order_language(language, locales)
    read = partial(
        find_date, fetched_at=fetched_at, lang=date_lang, kazakh=kazakh, opts=opts, warnings=warnings, formats=formats
    )
    published = read(meta.date_texts, url=url, missing="date_missing", html=markup if layout is None else None)
    modified = read(meta.modified_texts, url=None, missing=None)
    return published, modified


def dated(article: Article, published: FoundDate, modified: FoundDate) -> Article:
    """The article with its date fields set."""
    return replace(
        article,
        date=published.value,
        date_precision=published.precision,
        date_source=published.source,
        date_modified=modified.value,
    )
