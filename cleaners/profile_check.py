"""Checks a site profile when it is built, so a typo fails at import with the profile's name.

A profile is refused (`ProfileError`) when a selector does not parse, a regex does not compile,
layouts are not newest first, an edition has no start URL, spider name or article pattern, two
editions cannot be told apart, or (across the registry) two profiles share an id or a spider name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import fields
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from selectolax.lexbor import LexborHTMLParser, SelectolaxError

from .errors import ProfileError
from .select import split_selector

if TYPE_CHECKING:
    from .profiles import Edition, Layout, SiteProfile

SPIDER_NAME = re.compile(r"[a-z][a-z0-9_]*")  # a Scrapy spider name that is also a Python identifier
PAGE_NUMBER = "{n}"  # the placeholder of `Edition.next_page`
T = TypeVar("T")


@lru_cache(maxsize=1)
def _probe() -> LexborHTMLParser:
    return LexborHTMLParser("<html><body></body></html>")


def _selector_problem(selector: str) -> str | None:
    css, _ = split_selector(selector)
    if not css:
        return f"empty CSS selector in {selector!r}"
    try:
        _probe().css(css)
    except (SelectolaxError, ValueError):
        return f"CSS selector does not parse: {selector!r}"
    return None


def _regex_problems(patterns: Iterable[str], what: str) -> list[str]:
    problems = []
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            problems.append(f"{what} regex {pattern!r} does not compile ({exc})")
    return problems


def layout_problems(layout: Layout) -> list[str]:
    """What is wrong with one layout: its selectors, date and filter regexes."""
    where = f"layout {layout.version!r}"
    problems = []
    for spec in fields(layout):
        value = getattr(layout, spec.name)
        if spec.name != "date_formats" and isinstance(value, tuple):
            problems += [f"{where} {spec.name}: {p}" for s in value if (p := _selector_problem(s))]
    if not layout.body:
        problems.append(f"{where} has no body selector")
    try:
        date.fromisoformat(layout.valid_from)
    except ValueError:
        problems.append(f"{where} valid_from {layout.valid_from!r} is not an ISO date")
    problems += _regex_problems(layout.rules.drop_line, f"{where} drop_line")
    problems += _regex_problems(layout.rules.cut_after, f"{where} cut_after")
    return problems


def edition_problems(edition: Edition) -> list[str]:
    """What is wrong with one edition: its start URL, spider name and URL patterns."""
    where = f"edition {edition.spider or edition.language + ' ' + edition.host!r}"
    problems = []
    if not edition.start_url.startswith(("https://", "http://")):
        problems.append(f"{where} needs an absolute start_url, not {edition.start_url!r}")
    if not SPIDER_NAME.fullmatch(edition.spider):
        problems.append(f"{where} needs a spider name of [a-z0-9_], not {edition.spider!r}")
    if not edition.article:
        problems.append(f"{where} needs an article URL pattern")
    problems += _regex_problems((edition.article, edition.follow), where)
    if edition.next_page and not (edition.next_page.startswith("/") and PAGE_NUMBER in edition.next_page):
        problems.append(f"{where} next_page {edition.next_page!r} must be a path with {PAGE_NUMBER}")
    return problems


def profile_problems(profile: SiteProfile) -> list[str]:
    """Everything wrong with a profile (empty: it is sound)."""
    problems = [] if profile.editions else ["no editions"]
    problems += [] if profile.layouts else ["no layouts"]
    for edition in profile.editions:
        problems += edition_problems(edition)
    places = [(e.host.removeprefix("www."), e.path_prefix, e.query) for e in profile.editions]
    problems += [f"two editions on {host}{prefix} {query}".rstrip() for host, prefix, query in _twice(places)]
    problems += [f"spider name {name!r} used twice" for name in _twice(e.spider for e in profile.editions)]
    for layout in profile.layouts:
        problems += layout_problems(layout)
    starts = [layout.valid_from for layout in profile.layouts]
    if starts != sorted(starts, reverse=True):
        problems.append(f"layouts are not newest first (valid_from {', '.join(starts)})")
    problems += [f"layout version {version!r} used twice" for version in _twice(la.version for la in profile.layouts)]
    return problems


def _twice(values: Iterable[T]) -> list[T]:
    seen: set[T] = set()
    again: list[T] = []
    for value in values:
        if value in seen and value not in again:
            again.append(value)
        seen.add(value)
    return again


def check_profile(profile: SiteProfile) -> None:
    """Raise `ProfileError` naming the profile and every problem found."""
    problems = profile_problems(profile)
    if problems:
        raise ProfileError(f"site profile {profile.id or '(no id)'}: " + "; ".join(problems))


def check_registry(profiles: Iterable[SiteProfile]) -> None:
    """Raise `ProfileError` when two profiles share an id or a spider name."""
    profiles = list(profiles)
    problems = [f"profile id {pid!r} used twice" for pid in _twice(p.id for p in profiles)]
    owner: dict[str, str] = {}
    for profile in profiles:
        for edition in profile.editions:
            if owner.setdefault(edition.spider, profile.id) != profile.id:
                problems.append(f"spider name {edition.spider!r} used by {owner[edition.spider]} and {profile.id}")
    if problems:
        raise ProfileError("site profiles: " + "; ".join(problems))
