"""Run a candidate layout through the real pipeline, and compare body texts (4-token shingle F1)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from cleaners import profiles
from cleaners.article import Article
from cleaners.pipeline import clean_html
from cleaners.profiles import Layout, SiteProfile

from .samples import Sample

SHINGLE = 4  # bench/metric.py's AEB shingle length
_TOKEN = re.compile(r"\w+")


@contextmanager
def using_profile(profile: SiteProfile) -> Iterator[None]:
    """While inside, `profile` replaces the registered profile of the same id (or joins the registry)."""
    original = profiles.all_profiles
    others = tuple(p for p in original() if p.id != profile.id)
    swapped = tuple(sorted((*others, profile), key=lambda p: p.id))
    profiles.all_profiles = lambda: swapped  # type: ignore[assignment]
    profiles._profile_for_host.cache_clear()
    try:
        yield
    finally:
        profiles.all_profiles = original
        profiles._profile_for_host.cache_clear()


def with_layout(profile: SiteProfile, layout: Layout, keep_old: bool = True) -> SiteProfile:
    """The profile with `layout` as its newest layout (the old ones after it, or none)."""
    return replace(profile, layouts=(layout, *(profile.layouts if keep_old else ())))


def clean_all(samples: list[Sample], profile: SiteProfile) -> list[Article]:
    """Every sample cleaned with `profile` in the registry."""
    with using_profile(profile):
        return [clean_html(s.body, s.url, fetched_at=s.fetched_at) for s in samples]


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    toks = _TOKEN.findall(text)
    if not toks:
        return Counter()
    return Counter(tuple(toks[i : i + SHINGLE]) for i in range(max(1, len(toks) - SHINGLE + 1)))


def body_f1(truth: str, got: str) -> float:
    """Shingle F1 of one document (1.0 for two empty texts), as bench/metric.py counts it."""
    want, have = _shingles(truth), _shingles(got)
    if not want and not have:
        return 1.0
    tp = sum((want & have).values())
    if tp == 0:
        return 0.0
    precision, recall = tp / sum(have.values()), tp / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def lines_only_in(first: str, second: str) -> list[str]:
    """Paragraphs of `first` that `second` does not have."""
    have = set(second.split("\n\n"))
    return [line for line in first.split("\n\n") if line and line not in have]
