"""Title, date (with its format), tags, authors and section: DOM nodes showing the generic values."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from selectolax.lexbor import LexborNode

from cleaners import dates
from cleaners.article import Article
from cleaners.datesources import PUBLISHED_META
from cleaners.normalize import normalize_line
from cleaners.profiles import Layout
from cleaners.select import ParsedPage

from .nodes import count, node_selectors, own_selectors
from .samples import Sample, title_matches
from .trials import Trials, nodes_where

DAY_ONLY_EXAMPLE = "2024-01-01"  # a day-only ISO date: its length tells a day from a time
MAX_DATE_TEXT = 60  # a date line, not a paragraph mentioning a date
DATE_FORMATS = (
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y, %H:%M",
    "%H:%M %d.%m.%Y",
    "%H:%M, %d.%m.%Y",
    "%d.%m.%Y",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
)
PAIR_TRIALS = 6  # first and second date selectors tried together
TITLE_METAS = ('meta[property="og:title"]@content', 'meta[name="twitter:title"]@content')
TAG_METAS = ('meta[property="article:tag"]@content', 'meta[name="article:tag"]@content')
SECTION_METAS = ('meta[property="article:section"]@content', 'meta[name="article:section"]@content')
_HEADINGS = ("h1", "h2", "h3")
TAG_WORDS = ("tag", "keyword", "teg")  # classes of tag blocks: `content_main_text_tags`, `article-keywords`
MAX_TAG_WORDS = 5


def _text(node: LexborNode) -> str:
    return normalize_line(node.text(deep=True, separator=" "))


def _metas_present(trials: Trials, metas: tuple[str, ...]) -> list[str]:
    return [m for m in metas if all(p.css_first(m.partition("@")[0]) is not None for p in trials.pages)]


def find_title(trials: Trials, layout: Layout) -> Layout:
    def per_page(page: ParsedPage, sample: Sample) -> list[str]:
        title = sample.generic.title
        hits = nodes_where(page, lambda n: n.tag not in ("title", "head") and title_matches(_text(n), title))
        hits.sort(key=lambda n: _HEADINGS.index(n.tag) if n.tag in _HEADINGS else len(_HEADINGS))
        return [sel for node in hits for sel in node_selectors(node)]

    def check(article: Article, sample: Sample) -> bool:
        return title_matches(article.title, sample.generic.title)

    candidates = [*trials.common(per_page), *_metas_present(trials, TITLE_METAS)]
    found = trials.first_holding(layout, "title", candidates, check)
    return replace(layout, title=(found,)) if found else layout


WEAK_DATE_SOURCES = (None, "visible_text", "htmldate", "url")  # generic dates that are guesses, not metadata


def _date_agrees(article: Article, sample: Sample) -> bool:
    """The layout's own selector gave the date, and it is the generic date (or its day); a generic date
    the page's metadata did not give (a visible line, htmldate) is no reference."""
    if article.date_source != "profile" or not article.date:
        return False
    want = sample.generic.date
    if want is None or sample.generic.date_source in WEAK_DATE_SOURCES:
        return True
    return article.date == want or (len(want) == len(DAY_ONLY_EXAMPLE) and article.date.startswith(want))


def _date_with_time(article: Article, sample: Sample) -> bool:
    """As `_date_agrees`, and with a time of day wherever the generic date has only the day."""
    return _date_agrees(article, sample) and len(article.date or "") > len(DAY_ONLY_EXAMPLE)


def _parses(text: str, fetched_at: str | None) -> bool:
    anchor = dates.parse_date(fetched_at) if fetched_at else None
    return any(ch.isdigit() for ch in text) and dates.parse_date(text, fetched_at=anchor or datetime.now()) is not None


def _date_candidates(page: ParsedPage, sample: Sample) -> list[str]:
    """Visible date lines (stable selectors), then <time datetime>, then date metas."""
    texts = nodes_where(
        page,
        lambda n: (
            n.tag not in ("script", "style")
            and 0 < len(_text(n)) <= MAX_DATE_TEXT
            and _parses(_text(n), sample.fetched_at)
        ),
    )
    texts.sort(key=lambda n: len(_text(n)))  # the date line itself before the block around it
    out = [sel for node in texts for sel in node_selectors(node)]
    out += [f"{sel}@datetime" for node in page.css("time[datetime]") for sel in [*node_selectors(node), "time"]]
    for node in page.css("meta"):
        for attr in ("property", "name", "itemprop"):
            key = node.attributes.get(attr) or ""
            if key.lower() in PUBLISHED_META and node.attributes.get("content"):
                out.append(f'meta[{attr}="{key}"]@content')
    return list(dict.fromkeys(out))


def find_date(trials: Trials, layout: Layout) -> Layout:
    """One selector that gives the date on every page (with its time, if any does), else a format for
    a date line, else two selectors tried in order (a meta on some pages, a visible line on the rest)."""
    candidates = trials.common(_date_candidates)
    for check in (_date_with_time, _date_agrees):
        found = trials.first_holding(layout, "date", candidates, check)
        if found:
            return replace(layout, date=(found,))
    plain = [c for c in candidates if "@" not in c]
    for fmt in DATE_FORMATS:
        found = trials.first_holding(layout, "date", plain, _date_agrees, date_formats=(fmt,))
        if found:
            return replace(layout, date=(found,), date_formats=(fmt,))
    anywhere = list(
        dict.fromkeys(c for page, s in zip(trials.pages, trials.samples) for c in _date_candidates(page, s))
    )
    firsts = [c for c in anywhere if c.startswith("meta[") or "@" in c][:PAIR_TRIALS]
    seconds = [c for c in anywhere if c not in firsts][:PAIR_TRIALS]
    for first in firsts:
        for second in seconds:
            pair = replace(layout, date=(first, second))
            if all(count(p, second) <= 1 for p in trials.pages) and trials.holds(pair, _date_agrees):
                return pair
    return layout


def _same_list(got: list[str], want: list[str]) -> bool:
    return sorted(v.casefold() for v in got) == sorted(v.casefold() for v in want)


def _tag_blocks(page: ParsedPage, sample: Sample) -> list[str]:
    """`div.article-tags a` for stable blocks of links whose class says they are tags."""
    out: list[str] = []
    for link in page.css("a"):
        parent = link.parent
        for _ in range(2):
            if parent is None:
                break
            out += [f"{sel} a" for sel in own_selectors(parent) if any(w in sel.lower() for w in TAG_WORDS)]
            parent = parent.parent
    return list(dict.fromkeys(out))


def _tag_like(article: Article, sample: Sample) -> bool:
    return bool(article.tags) and all(len(t.split()) <= MAX_TAG_WORDS for t in article.tags)


def find_tags(trials: Trials, layout: Layout) -> Layout:
    if not any(s.generic.tags for s in trials.samples):
        blocks = [c for c in trials.common(_tag_blocks) if trials.unique(c.removesuffix(" a"))]
        found = trials.first_holding(
            layout, "tags", [*blocks, *_metas_present(trials, TAG_METAS)], _tag_like, unique=False
        )
        return replace(layout, tags=(found,)) if found else layout

    def per_page(page: ParsedPage, sample: Sample) -> list[str]:
        wanted = {t.casefold() for t in sample.generic.tags}
        out: list[str] = []
        for link in page.css("a"):
            if _text(link).lstrip("#").casefold() in wanted:
                parent, level = link.parent, 0
                while parent is not None and parent.tag not in ("body", "html") and level < 3:
                    out += [f"{sel} a" for sel in own_selectors(parent)]
                    parent, level = parent.parent, level + 1
        return list(dict.fromkeys(out))

    def check(article: Article, sample: Sample) -> bool:
        return _same_list(article.tags, sample.generic.tags)

    containers = [c for c in trials.common(per_page) if trials.unique(c.removesuffix(" a"))]
    found = trials.first_holding(layout, "tags", [*containers, *_metas_present(trials, TAG_METAS)], check, unique=False)
    return replace(layout, tags=(found,)) if found else layout


def find_authors(trials: Trials, layout: Layout) -> Layout:
    if not any(s.generic.authors for s in trials.samples):
        return layout

    def per_page(page: ParsedPage, sample: Sample) -> list[str]:
        names = set(sample.generic.authors)
        return [sel for node in nodes_where(page, lambda n: _text(n) in names) for sel in node_selectors(node)]

    def check(article: Article, sample: Sample) -> bool:
        return article.authors == sample.generic.authors

    found = trials.first_holding(layout, "authors", trials.common(per_page), check, unique=False)
    return replace(layout, authors=(found,)) if found else layout


def find_section(trials: Trials, layout: Layout) -> Layout:
    if not any(s.generic.section for s in trials.samples):
        return layout

    def per_page(page: ParsedPage, sample: Sample) -> list[str]:
        section = sample.generic.section
        return [sel for node in nodes_where(page, lambda n: _text(n) == section) for sel in node_selectors(node)]

    def check(article: Article, sample: Sample) -> bool:
        return article.section == sample.generic.section

    candidates = [*trials.common(per_page), *_metas_present(trials, SECTION_METAS)]
    found = trials.first_holding(layout, "section", candidates, check)
    return replace(layout, section=(found,)) if found else layout
