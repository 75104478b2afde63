"""`suggest`: from a few article pages of one outlet, the `Layout` that reads them, with its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from cleaners.article import Article
from cleaners.options import EARLIEST_YEAR
from cleaners.profiles import Layout, SiteProfile
from cleaners.select import ParsedPage, first_node
from cleaners.textfilters import FilterRules

from .body import find_body, find_junk, find_lead
from .editions import editions
from .errors import SuggestError
from .fields import find_authors, find_date, find_section, find_tags, find_title
from .nodes import css_of, elements, own_selectors
from .samples import Sample, check_samples
from .trial import body_f1, clean_all, with_layout
from .trials import Trials

REFUSE_BELOW = 0.5  # body F1 against the generic path under which no layout is proposed
SELECTOR_FIELDS = ("detect", "title", "date", "lead", "body", "tags", "authors", "section", "junk")


@dataclass
class Suggestion:
    """The induced layout, the profile it was tried in, and the samples cleaned with it."""

    outlet: str
    layout: Layout
    profile: SiteProfile
    samples: list[Sample]
    articles: list[Article]
    notes: list[str] = field(default_factory=list)

    @property
    def f1(self) -> list[float]:
        """Per page: body F1 between the induced layout and the generic path."""
        return [body_f1(s.reference, a.body) for s, a in zip(self.samples, self.articles)]


def stub_profile(outlet: str, samples: list[Sample]) -> SiteProfile:
    """A profile for an outlet the registry does not know: editions from the pages, a placeholder layout
    that every trial replaces."""
    placeholder = Layout(version="draft", valid_from=f"{EARLIEST_YEAR}-01-01", body=("body",))  # the oldest
    return SiteProfile(
        id=outlet, name=outlet, domains=(outlet,), editions=editions(samples, {}), layouts=(placeholder,)
    )


def _day(sample: Sample) -> str | None:
    return sample.fetched_at[:10] if sample.fetched_at else None


def new_version(profile: SiteProfile | None, samples: list[Sample]) -> tuple[str, str]:
    """(version, valid_from): the earliest capture day's year, made unique among the profile's layouts.

    The new layout goes first, so it starts no earlier than the newest one the profile has (profiles
    keep their layouts newest first)."""
    days = sorted(d for d in map(_day, samples) if d)
    valid_from = days[0] if days else datetime.now(UTC).date().isoformat()
    if profile and profile.layouts:
        valid_from = max(valid_from, profile.layouts[0].valid_from)
    taken = {lay.version for lay in profile.layouts} if profile else set()
    version, suffix = valid_from[:4], ord("b")
    while version in taken:
        version, suffix = f"{valid_from[:4]}{chr(suffix)}", suffix + 1
    return version, valid_from


def _stealing(layout: Layout, others: list[ParsedPage]) -> list[int]:
    """Indexes of the other pages the layout's detector would take from the older layouts."""
    return [i for i, page in enumerate(others) if first_node(page, layout.detectors) is not None]


def find_detect(trials: Trials, layout: Layout, others: list[ParsedPage]) -> tuple[Layout, list[str]]:
    """Keep the body as detector unless it matches older pages; then a selector only the new pages have."""
    if not others or not _stealing(layout, others):
        return layout, []
    used = [css_of(s) for f in ("body", "title", "date", "lead") for s in getattr(layout, f)]
    seen = [sel for node in elements(trials.pages[0]) for sel in own_selectors(node)]
    for sel in dict.fromkeys([*used, *seen]):
        if "meta[" in sel or not all(p.css_first(sel) is not None for p in trials.pages):
            continue
        if not any(p.css_first(sel) is not None for p in others):
            return replace(layout, detect=(sel,)), []
    note = (
        f"detect: {layout.detectors[0]} also matches {len(_stealing(layout, others))} older page(s)"
        " of the outlet and nothing only the new pages have was found; the new layout would read them"
    )
    return layout, [note]


def _missing(layout: Layout) -> list[str]:
    notes = []
    for name, why in (
        ("title", "the page metadata (JSON-LD headline, og:title) gives it"),
        ("date", "the structured dates (JSON-LD, meta, <time>) give it"),
    ):
        if not getattr(layout, name):
            notes.append(f"{name}: no selector holds on every page; {why}")
    return notes


def suggest(
    samples: list[Sample],
    outlet: str,
    profile: SiteProfile | None = None,
    others: list[ParsedPage] | None = None,
    version: str | None = None,
) -> Suggestion:
    """The layout that reads every sample page; raises SuggestError with the reason when there is none.

    `others` are pages of the outlet's older layouts (its fixtures): the new layout must not claim them.
    """
    check_samples(samples, outlet, profile)
    base = profile or stub_profile(outlet, samples)
    trials = Trials(samples, base)
    name, valid_from = new_version(profile, samples)
    rules = profile.layouts[0].rules if profile and profile.layouts else FilterRules()  # the outlet's own lines
    layout = Layout(version=version or name, valid_from=valid_from, body=(), rules=rules)
    layout, _ = find_body(trials, layout)
    for step in (find_lead, find_junk, find_title, find_date, find_tags, find_authors, find_section):
        layout = step(trials, layout)
    layout, notes = find_detect(trials, layout, others or [])
    tried = with_layout(base, layout)
    articles = clean_all(samples, tried)
    low = [
        (s.name, f)
        for s, f in zip(samples, (body_f1(s.reference, a.body) for s, a in zip(samples, articles)))
        if f < REFUSE_BELOW
    ]
    if low:
        pages = ", ".join(f"{n} ({f:.2f})" for n, f in low)
        raise SuggestError(f"no layout agrees with the article text the generic path finds on every page: {pages}")
    return Suggestion(outlet, layout, tried, samples, articles, _missing(layout) + notes)
