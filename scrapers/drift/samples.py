"""The pages a layout is induced from: bytes, URL, fetch time, and the generic path's reading of each."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlsplit

from cleaners.article import Article
from cleaners.decode import decode_html
from cleaners.errors import CleanerError
from cleaners.options import DEFAULT_OPTIONS, CleanOptions
from cleaners.parse import parse_html
from cleaners.pipeline import clean_html
from cleaners.profiles import SiteProfile
from cleaners.select import ParsedPage, first_value

from .errors import SuggestError

MIN_PAGES = 2  # one page cannot tell a stable selector from a coincidence
MAX_PAGES = 20
GENERIC = CleanOptions(use_profiles=False)
_SEPARATORS = frozenset("|–—·:-/»")
MIN_TITLE = 10  # a shorter text is no headline


@dataclass(frozen=True)
class Sample:
    """One page of the outlet (`name` is how reports call it: a file name or the URL)."""

    name: str
    body: bytes
    url: str
    fetched_at: str | None = None

    @cached_property
    def generic(self) -> Article:
        """The page as the generic path (no site profile) reads it: the reference of every field."""
        return clean_html(self.body, self.url, fetched_at=self.fetched_at, options=GENERIC)

    @cached_property
    def reference(self) -> str:
        """The generic body without a first line that is the headline (the generic path keeps
        `Заголовок | Site` when it cannot tell the site's name)."""
        lines = self.generic.body.split("\n\n")
        return "\n\n".join(lines[1:]) if title_matches(lines[0], self.generic.title) else self.generic.body

    def page(self) -> ParsedPage:
        """A fresh parse of the page (callers may prune it)."""
        return ParsedPage(parse_html(decode_html(self.body, max_bytes=DEFAULT_OPTIONS.max_bytes).text))

    @property
    def host(self) -> str:
        return (urlsplit(self.url).hostname or "").lower().removeprefix("www.")


def title_matches(text: str | None, generic: str | None) -> bool:
    """The text is the generic title, or the generic title is it plus a site-name segment
    (`Заголовок | Tengrinews`: without a profile the generic path cannot know the site's name)."""
    if not text or not generic:
        return False
    if text == generic:
        return True
    rest = generic.removeprefix(text) if generic.startswith(text) else generic.removesuffix(text)
    return rest != generic and rest.strip()[:1] in _SEPARATORS and len(text) >= MIN_TITLE


def page_url(body: bytes) -> str | None:
    """The page's own URL: its canonical link or og:url."""
    try:
        page = ParsedPage(parse_html(decode_html(body, max_bytes=DEFAULT_OPTIONS.max_bytes).text))
    except CleanerError:
        return None
    for selector in ('link[rel="canonical"]@href', 'meta[property="og:url"]@content'):
        value = first_value(page, selector)
        if value and value.startswith(("http://", "https://")):
            return value
    return None


def _on_domain(host: str, domains: tuple[str, ...]) -> bool:
    return any(host == d.removeprefix("www.") or host.endswith("." + d.removeprefix("www.")) for d in domains)


def check_samples(samples: list[Sample], outlet: str, profile: SiteProfile | None) -> None:
    """Refuse (SuggestError) too few or too many pages, pages of another outlet, and non-articles."""
    if len(samples) < MIN_PAGES:
        raise SuggestError(
            f"need at least {MIN_PAGES} article pages of one outlet (3 or more is better); got {len(samples)}"
        )
    if len(samples) > MAX_PAGES:
        raise SuggestError(f"at most {MAX_PAGES} pages; got {len(samples)}")
    domains = profile.domains if profile else (outlet,)
    foreign = [s for s in samples if not _on_domain(s.host, domains)]
    if foreign:
        hosts = ", ".join(sorted({s.host or "no host" for s in foreign}))
        raise SuggestError(
            f"pages of another outlet: {hosts} is not {outlet} ({', '.join(domains)});"
            " a layout is induced from pages of one outlet"
        )
    for sample in samples:
        try:
            article = sample.generic
        except CleanerError as exc:
            raise SuggestError(f"{sample.name}: {type(exc).__name__}: {exc}") from exc
        if article.page_kind != "article":
            raise SuggestError(
                f"{sample.name} is a {article.page_kind} page, not an article; a layout is induced from article pages"
            )
        if not article.body:
            raise SuggestError(f"{sample.name}: the generic path finds no article text to align with")
