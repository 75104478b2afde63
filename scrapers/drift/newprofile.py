"""`kaznews profile new`: a complete profile (editions, feeds, sitemaps, title suffixes, one layout) from pages."""

from __future__ import annotations

from collections import Counter

from cleaners.profiles import SiteProfile
from cleaners.select import first_value

from .editions import editions
from .induce import Suggestion, suggest
from .samples import Sample

_SUFFIX_TRIM = " |–—-:·»/"


def title_suffixes(suggestion: Suggestion) -> tuple[str, ...]:
    """What `<title>` adds after the headline on two pages or more (`| Example.kz`)."""
    found: Counter[str] = Counter()
    for sample, article in zip(suggestion.samples, suggestion.articles):
        whole = first_value(sample.page(), "title") or ""
        if article.title and whole.startswith(article.title):
            rest = whole[len(article.title) :].strip(_SUFFIX_TRIM)
            if rest:
                found[rest] += 1
    need = min(2, len(suggestion.samples))
    return tuple(s for s, n in found.items() if n >= need)


def site_name(samples: list[Sample], outlet: str) -> str:
    names = Counter(n for n in (first_value(s.page(), 'meta[property="og:site_name"]@content') for s in samples) if n)
    return names.most_common(1)[0][0] if names else outlet


def new_profile(
    outlet: str, samples: list[Sample], robots: dict[str, str] | None = None
) -> tuple[SiteProfile, Suggestion]:
    """The profile of an outlet the registry does not know, and the layout suggestion inside it."""
    suggestion = suggest(samples, outlet)
    profile = SiteProfile(
        id=outlet,
        name=site_name(samples, outlet),
        domains=(outlet,),
        editions=editions(samples, robots or {}),
        layouts=(suggestion.layout,),
        title_suffixes=title_suffixes(suggestion),
    )
    return profile, suggestion
