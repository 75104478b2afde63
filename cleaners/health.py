"""Field health of one page against its outlet profile: does each field still come from the profile?

`kaznews check-live` runs this on a freshly fetched article. A page has no reviewed expected
JSON, so a field passes when the profile's own selector for it still matches and the value is
sound; a field that only a fallback (JSON-LD, meta tags, the generic extractor) could fill is a
sign that the outlet changed its layout.

Statuses: PASS, FAIL (a required field is missing or no longer comes from the profile), WARN
(an optional field the profile declares matched nothing: authors, tags, section, lead), and
SKIP (the profile declares no selector for the field and the page gave no value).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from .article import Article
from .decode import decode_html
from .errors import CleanerError
from .options import DEFAULT_OPTIONS, CleanOptions
from .parse import parse_html
from .pipeline import choose_layout, clean_html
from .profiles import Layout, SiteProfile, profile_for_url
from .select import Root, select_all

PASS, FAIL, WARN, SKIP = "PASS", "FAIL", "WARN", "SKIP"
_DATE_PROBLEMS = ("date_missing", "date_from_url", "date_future", "date_too_old")


@dataclass(frozen=True)
class FieldCheck:
    field: str
    status: str
    detail: str


@dataclass(frozen=True)
class PageHealth:
    url: str
    layout: str
    checks: tuple[FieldCheck, ...]
    article: Article | None = None

    @property
    def failed(self) -> list[FieldCheck]:
        return [c for c in self.checks if c.status == FAIL]

    @property
    def ok(self) -> bool:
        return not self.failed


def _short(value: object, width: int = 70) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _selector_check(field: str, selectors: tuple[str, ...], value: object, tree: Root, required: bool) -> FieldCheck:
    """PASS when a declared selector matches and the field has a value; FAIL/WARN otherwise."""
    bad = FAIL if required else WARN
    if not selectors:
        if value:
            return FieldCheck(field, PASS, f"{_short(value)} (no profile selector; from page metadata)")
        return FieldCheck(field, bad if required else SKIP, "no value, and the profile declares no selector")
    matched = select_all(tree, selectors)
    if not matched:
        fallback = f"; a fallback gave {_short(value, 40)!r}" if value else ""
        return FieldCheck(field, bad, f"selector {' | '.join(selectors)} matched nothing{fallback}")
    if not value:
        return FieldCheck(field, bad, f"selector matched {_short(matched[0], 40)!r} but the field is empty")
    return FieldCheck(field, PASS, _short(value))


def _layout_check(profile: SiteProfile | None, layout: Layout | None, url: str) -> FieldCheck:
    if profile is None:
        return FieldCheck("layout", FAIL, f"no outlet profile for {url}")
    if layout is None:
        known = ", ".join(f"{lay.version} ({' | '.join(lay.detectors)})" for lay in profile.layouts)
        return FieldCheck("layout", FAIL, f"no layout of {profile.id} matches the page; known: {known}")
    return FieldCheck("layout", PASS, f"{profile.id}@{layout.version} (valid from {layout.valid_from})")


def _body_check(article: Article, layout: Layout | None, opts: CleanOptions) -> FieldCheck:
    if layout is None or "profile_body_empty" in article.warnings:
        where = " | ".join(layout.body) if layout else "the profile's body selector"
        return FieldCheck("body", FAIL, f"{where} gave no text; generic fallback gave {len(article.body)} chars")
    if len(article.body) < opts.min_body_chars:
        return FieldCheck("body", FAIL, f"only {len(article.body)} chars (minimum {opts.min_body_chars})")
    paras = article.body.count("\n\n") + 1
    return FieldCheck("body", PASS, f"{len(article.body)} chars, {paras} paragraphs")


def _date_check(article: Article, layout: Layout | None, tree: Root) -> FieldCheck:
    problems = [w for w in article.warnings if w in _DATE_PROBLEMS]
    if article.date is None or "date_from_url" in problems:
        return FieldCheck("date", FAIL, f"no trustworthy date ({', '.join(problems) or 'date is null'})")
    return _selector_check("date", layout.date if layout else (), article.date, tree, required=True)


def _language_check(article: Article, profile: SiteProfile | None, url: str) -> FieldCheck:
    edition = profile.edition_for(url) if profile else None
    if edition is None:
        return FieldCheck("language", PASS if article.language else FAIL, f"{article.language} (no edition to compare)")
    if article.language != edition.language:
        return FieldCheck("language", FAIL, f"{article.language}, but the edition is {edition.language}")
    return FieldCheck("language", PASS, str(article.language))


def check_page(
    html: bytes,
    url: str,
    *,
    fetched_at: datetime | str | None = None,
    headers: Mapping[str, object] | None = None,
    options: CleanOptions = DEFAULT_OPTIONS,
) -> PageHealth:
    """Clean the page and check every field against the profile that claims its URL."""
    try:
        article = clean_html(html, url, fetched_at=fetched_at, headers=headers, options=options)
        tree = parse_html(decode_html(html, headers, max_bytes=options.max_bytes).text)
    except CleanerError as exc:
        return PageHealth(url, "", (FieldCheck("page", FAIL, f"{type(exc).__name__}: {exc}"),))
    profile = profile_for_url(url)
    layout = choose_layout(tree, profile)
    lay = layout or Layout(version="", valid_from="", body=())
    page = (FieldCheck("page", FAIL, "cleaned as a listing or homepage (not_article), not as an article"),)
    checks = (
        *(page if "not_article" in article.warnings else ()),
        _layout_check(profile, layout, url),
        _selector_check("title", lay.title, article.title, tree, required=True),
        _date_check(article, layout, tree),
        _body_check(article, layout, options),
        _language_check(article, profile, url),
        _selector_check("authors", lay.authors, ", ".join(article.authors), tree, required=False),
        _selector_check("tags", lay.tags, ", ".join(article.tags), tree, required=False),
        _selector_check("section", lay.section, article.section, tree, required=False),
    )
    return PageHealth(url, article.layout, checks, article)


def format_health(outlet: str, health: PageHealth) -> str:
    """A block of `STATUS field detail` lines under the outlet and URL."""
    lines = [f"{outlet}  {health.url}" + (f"  ({health.layout})" if health.layout else "")]
    lines += [f"  {c.status:<4}  {c.field:<9} {c.detail}" for c in health.checks]
    verdict = "PASS" if health.ok else f"FAIL ({len(health.failed)} field{'s' if len(health.failed) != 1 else ''})"
    lines.append(f"{outlet}: {verdict}")
    return "\n".join(lines)
