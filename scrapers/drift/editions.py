"""The editions of an outlet's pages: hosts, language prefixes, languages, start URLs, spider names, article patterns."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urljoin, urlsplit

from cleaners.language import normalize_lang
from cleaners.profiles import Edition
from cleaners.select import first_value

from .samples import Sample

LANGUAGE_PREFIXES = frozenset({"ru", "kk", "kz", "en", "qq", "kaz", "rus", "eng"})
_FEEDS = (
    'link[rel="alternate"][type="application/rss+xml"]@href',
    'link[rel="alternate"][type="application/atom+xml"]@href',
)
_NOT_NAME = re.compile(r"[^a-z0-9]+")


def _prefix(url: str) -> str:
    first = urlsplit(url).path.strip("/").split("/")[0].lower()
    return f"/{first}/" if first in LANGUAGE_PREFIXES else ""


def _language(sample: Sample) -> str:
    """The body's language (`<html lang>` is only its prior: some outlets declare `en` on Russian pages)."""
    if sample.generic.language:
        return sample.generic.language
    node = sample.page().css_first("html")
    return normalize_lang(node.attributes.get("lang") if node is not None else None) or "ru"


def robots_sitemaps(text: str) -> list[str]:
    """The `Sitemap:` lines of a robots.txt."""
    out = []
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap" and value.strip():
            out.append(value.strip())
    return out


def _feed(samples: list[Sample]) -> str:
    found: Counter[str] = Counter()
    for sample in samples:
        page = sample.page()
        for selector in _FEEDS:
            href = first_value(page, selector)
            if href:
                found[urljoin(sample.url, href)] += 1
    return found.most_common(1)[0][0] if found else ""


def spider_name(host: str, language: str) -> str:
    """`example_ru` for example.kz's Russian edition (profiles need a [a-z0-9_] spider name)."""
    base = _NOT_NAME.sub("_", host.lower().removeprefix("www.").split(".")[0]).strip("_") or "outlet"
    return f"{base if base[0].isalpha() else 'x' + base}_{language}"


def article_pattern(samples: list[Sample], prefix: str) -> str:
    """The article URL regex: the path section every sample shares (`^/rus/news/`), else the edition's paths."""
    rest = {urlsplit(s.url).path.removeprefix(prefix.rstrip("/")).strip("/").split("/")[0] for s in samples}
    start = prefix or "/"
    section = next(iter(rest)) if len(rest) == 1 and len(samples) > 1 else ""
    return f"^{re.escape(start)}{re.escape(section)}/" if section else f"^{re.escape(start)}."


def editions(samples: list[Sample], robots: dict[str, str]) -> tuple[Edition, ...]:
    """One edition per (host, language prefix, language), starting from a feed or the robots.txt sitemap."""
    groups: dict[tuple[str, str, str], list[Sample]] = {}
    for sample in samples:
        host = urlsplit(sample.url).hostname or ""
        groups.setdefault((host, _prefix(sample.url), _language(sample)), []).append(sample)
    out = []
    for (host, prefix, language), members in groups.items():
        sitemaps = robots_sitemaps(robots.get(host, ""))
        start = _feed(members) or (sitemaps[0] if sitemaps else f"https://{host}{prefix or '/'}")
        out.append(
            Edition(
                language=language,
                host=host,
                path_prefix=prefix,
                start_url=start,
                spider=spider_name(host, language),
                article=article_pattern(members, prefix),
            )
        )
    return tuple(out)
