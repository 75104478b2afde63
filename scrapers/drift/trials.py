"""Try candidate selectors of one field through the real pipeline on every sample page."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from selectolax.lexbor import LexborNode

from cleaners.article import Article
from cleaners.profiles import Layout, SiteProfile
from cleaners.select import ParsedPage

from .nodes import count, elements
from .samples import Sample
from .trial import clean_all, with_layout

MAX_TRIALS = 24  # candidate selectors tried per field
Check = Callable[[Article, Sample], bool]


class Trials:
    """The samples, their parsed pages and the profile a candidate layout is tried in."""

    def __init__(self, samples: list[Sample], profile: SiteProfile) -> None:
        self.samples, self.profile = samples, profile
        self.pages: list[ParsedPage] = [s.page() for s in samples]

    def articles(self, layout: Layout) -> list[Article]:
        """The samples cleaned with `layout` as the outlet's only layout."""
        return clean_all(self.samples, with_layout(self.profile, layout, keep_old=False))

    def unique(self, selector: str) -> bool:
        """Matches exactly one node on every page (so no sidebar card or second block)."""
        return all(count(page, selector) == 1 for page in self.pages)

    def holds(self, layout: Layout, check: Check) -> bool:
        return all(check(a, s) for a, s in zip(self.articles(layout), self.samples))

    def first_holding(
        self, base: Layout, field: str, candidates: Iterable[str], check: Check, unique: bool = True, **extra: Any
    ) -> str | None:
        """The first candidate that, as the layout's `field`, gives the reference on every page."""
        tried = 0
        for cand in candidates:
            if unique and not self.unique(cand):
                continue
            changes: dict[str, Any] = {field: (cand,), **extra}
            if self.holds(replace(base, **changes), check):
                return cand
            tried += 1
            if tried >= MAX_TRIALS:
                break
        return None

    def common(self, per_page: Callable[[ParsedPage, Sample], list[str]]) -> list[str]:
        """Candidates every page proposes, in the first page's order."""
        lists = [per_page(page, s) for page, s in zip(self.pages, self.samples)]
        rest = [set(found) for found in lists[1:]]
        return [c for c in lists[0] if all(c in found for found in rest)]


def nodes_where(page: ParsedPage, keep: Callable[[LexborNode], bool]) -> list[LexborNode]:
    return [n for n in elements(page) if keep(n)]
