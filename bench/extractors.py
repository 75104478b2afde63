"""Registry of extractors the benchmarks compare: name -> how to build a `(page) -> text` function.

Imports happen inside the loaders, so each benchmark subprocess imports only the library it
measures. To add one (readability-lxml, resiliparse, ...), write a loader and add a row to
`EXTRACTORS`; list the distributions whose versions the report should print.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Literal

ExtractFn = Callable[[bytes, str, str | None], str]
"""(raw page bytes, the same page decoded to str, url) -> article text ("" when nothing found)."""


@dataclass(frozen=True)
class Extractor:
    load: Callable[[], ExtractFn]
    packages: tuple[str, ...]
    note: str = ""


def _kaznews(use_profiles: bool) -> Callable[[], ExtractFn]:
    def load() -> ExtractFn:
        from cleaners import clean_html
        from cleaners.errors import CleanerError
        from cleaners.options import CleanOptions

        options = CleanOptions(use_profiles=use_profiles)

        def run(raw: bytes, text: str, url: str | None) -> str:
            try:
                return clean_html(raw, url, options=options).body
            except CleanerError:
                return ""
        return run
    return load


def _trafilatura(**kwargs: object) -> Callable[[], ExtractFn]:
    def load() -> ExtractFn:
        import logging

        import trafilatura

        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

        def run(raw: bytes, text: str, url: str | None) -> str:
            return trafilatura.extract(text, url=url, **kwargs) or ""
        return run
    return load


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


def _resiliparse() -> ExtractFn:
    from resiliparse.extract.html2text import extract_plain_text

    def run(raw: bytes, text: str, url: str | None) -> str:
        return extract_plain_text(text, main_content=True)
    return run


EXTRACTORS: dict[str, Extractor] = {
    "kaznews-generic": Extractor(_kaznews(False), ("kaznews", "selectolax", "trafilatura"),
                                 "clean_html(..., CleanOptions(use_profiles=False)).body"),
    "kaznews-full": Extractor(_kaznews(True), ("kaznews", "selectolax", "trafilatura"),
                              "clean_html(...) with default options (no AEB site has a profile)"),
    "trafilatura": Extractor(_trafilatura(), ("trafilatura", "lxml"), "trafilatura.extract(html, url=url)"),
    "trafilatura-precision": Extractor(_trafilatura(favor_precision=True), ("trafilatura", "lxml"),
                                       "favor_precision=True"),
    "selectolax-parse": Extractor(_selectolax_parse, ("selectolax",),
                                  "LexborHTMLParser(html).body.text(): parse-only floor"),
    # optional: need `pip install readability-lxml` / `resiliparse` (the `bench` extra)
    "readability-lxml": Extractor(_readability, ("readability-lxml", "lxml"), "Document.summary()"),
    "resiliparse": Extractor(_resiliparse, ("resiliparse",), "extract_plain_text(main_content=True)"),
}
DEFAULT = ("kaznews-generic", "kaznews-full", "trafilatura", "trafilatura-precision", "selectolax-parse")
