"""Registry of extractors the benchmarks compare: name -> how to build its extraction function.

Imports happen inside the loaders, so each benchmark subprocess imports only the library it
measures. To add one, write a loader (body only: `(raw, text, url) -> str`) and, when the
library also yields a title or date, a full loader (`(raw, text, url, fetched_at) -> Extracted`);
then add a row to `EXTRACTORS` listing the distributions whose versions the report prints.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

ExtractFn = Callable[[bytes, str, str | None], str]
"""(raw page bytes, the same page decoded to str, url) -> article text ("" when nothing found)."""


@dataclass(frozen=True)
class Extracted:
    """What an extractor gives for one page; None means it does not yield that field."""

    body: str
    title: str | None = None
    date: str | None = None
    rejected: bool | None = None  # recognised as not an article (listing, homepage)
    authors: list[str] | None = None
    date_source: str | None = None  # kaznews `Article.date_source`, when the installed version has it
    date_precision: str | None = None  # kaznews `Article.date_precision`, likewise
    page_kind: str | None = None  # kaznews `Article.page_kind`, likewise


FullFn = Callable[[bytes, str, str | None, str | None], Extracted]
"""(raw bytes, decoded page, url, fetched_at ISO or None) -> Extracted."""


@dataclass(frozen=True)
class Extractor:
    load: Callable[[], ExtractFn]
    packages: tuple[str, ...]
    note: str = ""
    load_full: Callable[[], FullFn] | None = None
    fields: tuple[str, ...] = ()  # metadata: "title", "date", "rejected", "authors", "date_source" (and precision)
    date_precision: str = ""  # "time" (full timestamp) or "day" (YYYY-MM-DD only)
    module: str = ""  # import name; the extractor is skipped when it is not installed
    body: bool = True  # False for a dates-only tool (htmldate): no body is scored

    def loader(self) -> FullFn:
        """The full loader, or the body loader wrapped to return `Extracted(body)`."""
        if self.load_full is not None:
            return self.load_full()
        body = self.load()
        return lambda raw, text, url, fetched_at: Extracted(body(raw, text, url))

    def available(self) -> bool:
        return not self.module or importlib.util.find_spec(self.module) is not None


def _kaznews_full(use_profiles: bool) -> Callable[[], FullFn]:
    def load() -> FullFn:
        from cleaners import clean_html
        from cleaners.errors import CleanerError
        from cleaners.options import CleanOptions

        options = CleanOptions(use_profiles=use_profiles)

        def run(raw: bytes, text: str, url: str | None, fetched_at: str | None) -> Extracted:
            try:
                art = clean_html(raw, url, fetched_at=fetched_at, options=options)
            except CleanerError:
                return Extracted("", None, None, False)
            return Extracted(
                art.body,
                art.title,
                art.date,
                "not_article" in art.warnings,
                list(art.authors),
                getattr(art, "date_source", None),
                getattr(art, "date_precision", None),
                getattr(art, "page_kind", None),
            )

        return run

    return load


def _kaznews(use_profiles: bool) -> Callable[[], ExtractFn]:
    def load() -> ExtractFn:
        full = _kaznews_full(use_profiles)()
        return lambda raw, text, url: full(raw, text, url, None).body

    return load


def _trafilatura(**kwargs: Any) -> Callable[[], ExtractFn]:
    def load() -> ExtractFn:
        import logging

        import trafilatura

        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

        def run(raw: bytes, text: str, url: str | None) -> str:
            return trafilatura.extract(text, url=url, **kwargs) or ""

        return run

    return load


def _trafilatura_full(**kwargs: Any) -> Callable[[], FullFn]:
    def load() -> FullFn:
        import logging

        import trafilatura
        from trafilatura.settings import Document

        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

        def run(raw: bytes, text: str, url: str | None, fetched_at: str | None) -> Extracted:
            doc = trafilatura.bare_extraction(text, url=url, with_metadata=True, **kwargs)
            if not isinstance(doc, Document):  # None, or a dict when asked for one
                return Extracted("")
            authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
            return Extracted(doc.text or "", doc.title, doc.date, authors=authors)

        return run

    return load


def _htmldate_full() -> FullFn:
    import logging

    from htmldate import find_date

    logging.getLogger("htmldate").setLevel(logging.CRITICAL)

    def run(raw: bytes, text: str, url: str | None, fetched_at: str | None) -> Extracted:
        return Extracted("", date=find_date(text, url=url, original_date=True))

    return run


def _selectolax_parse() -> ExtractFn:
    from selectolax.lexbor import LexborHTMLParser

    def run(raw: bytes, text: str, url: str | None) -> str:
        body = LexborHTMLParser(text).body
        return body.text() if body is not None else ""

    return run


def _readability() -> ExtractFn:
    from lxml.html import fromstring
    from readability import Document

    def run(raw: bytes, text: str, url: str | None) -> str:
        summary = Document(text, url=url).summary(html_partial=True)
        return fromstring(summary).text_content() if summary.strip() else ""

    return run


def _readability_full() -> FullFn:
    from lxml.html import fromstring
    from readability import Document

    def run(raw: bytes, text: str, url: str | None, fetched_at: str | None) -> Extracted:
        doc = Document(text, url=url)
        title = doc.short_title()
        summary = doc.summary(html_partial=True)
        return Extracted(fromstring(summary).text_content() if summary.strip() else "", title)

    return run


def _resiliparse() -> ExtractFn:
    from resiliparse.extract.html2text import extract_plain_text

    def run(raw: bytes, text: str, url: str | None) -> str:
        return extract_plain_text(text, main_content=True)

    return run


_KZ = ("kaznews", "selectolax", "trafilatura")
EXTRACTORS: dict[str, Extractor] = {
    "kaznews-generic": Extractor(
        _kaznews(False),
        _KZ,
        "clean_html(..., CleanOptions(use_profiles=False))",
        _kaznews_full(False),
        ("title", "date", "rejected", "authors", "date_source"),
        "time",
    ),
    "kaznews-full": Extractor(
        _kaznews(True),
        _KZ,
        "clean_html(...) with default options (site profiles)",
        _kaznews_full(True),
        ("title", "date", "rejected", "authors", "date_source"),
        "time",
    ),
    "trafilatura": Extractor(
        _trafilatura(),
        ("trafilatura", "lxml"),
        "trafilatura.extract(html, url=url)",
        _trafilatura_full(),
        ("title", "date", "authors"),
        "day",
    ),
    "trafilatura-precision": Extractor(
        _trafilatura(favor_precision=True),
        ("trafilatura", "lxml"),
        "favor_precision=True",
        _trafilatura_full(favor_precision=True),
        ("title", "date", "authors"),
        "day",
    ),
    "htmldate": Extractor(
        lambda: lambda raw, text, url: "",
        ("htmldate",),
        "find_date(html, url=url, original_date=True): dates only",
        _htmldate_full,
        ("date",),
        "day",
        module="htmldate",
        body=False,
    ),
    # optional: need `pip install readability-lxml` / `resiliparse` (the `bench` extra)
    "readability-lxml": Extractor(
        _readability,
        ("readability-lxml", "lxml"),
        "Document.summary()",
        _readability_full,
        ("title",),
        module="readability",
    ),
    "resiliparse": Extractor(
        _resiliparse, ("resiliparse",), "extract_plain_text(main_content=True)", module="resiliparse"
    ),
    "selectolax-parse": Extractor(
        _selectolax_parse, ("selectolax",), "LexborHTMLParser(html).body.text(): parse-only floor"
    ),
}
DEFAULT = tuple(name for name, spec in EXTRACTORS.items() if spec.body)
"""Every extractor that yields a body (the fixtures bench); a missing library is reported as not installed."""
PUBLIC = (
    "kaznews-generic",
    "kaznews-full",
    "trafilatura",
    "trafilatura-precision",
    "htmldate",
    "readability-lxml",
    "resiliparse",
)
"""The extractors of the public-sets bench (`bench.public`), in table order."""
