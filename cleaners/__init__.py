"""kaznews cleaners: any Kazakh news page or extracted text in, one clean `Article` out.

Pure library: bytes or str in, `Article` out; no Scrapy, no network, no global state.
"""

from __future__ import annotations

from .article import Article
from .errors import CleanerError, DecodeError, EmptyInputError, ExtractionError, NotHTMLError, TooLargeError
from .language import detect_language
from .options import CleanOptions
from .pipeline import clean_html
from .textfilters import clean_text

__all__ = [
    "Article",
    "CleanOptions",
    "clean_html",
    "clean_text",
    "detect_language",
    "CleanerError",
    "DecodeError",
    "EmptyInputError",
    "ExtractionError",
    "NotHTMLError",
    "TooLargeError",
]
__version__ = "0.1.0"
