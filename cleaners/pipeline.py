"""`clean_html`: decode, parse, profile or generic body, text filters, metadata, dates, language."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from urllib.parse import urlsplit

from . import dates
from .article import Article
from .blocks import paragraphs
from .decode import decode_html
from .errors import CleanerError, EmptyInputError, ExtractionError, NotHTMLError, TooLargeError
from .generic import generic_body
from .language import BODY_FOR_LANGUAGE, detect_language, normalize_lang
from .metadata import Meta, extract_meta, page_title
from .normalize import join_paragraphs, normalize_line
from .options import DEFAULT_OPTIONS, CleanOptions
from .pagedates import dated, page_dates
from .pagekind import ARTICLE, kind_from_url, page_kind
from .pagesignals import page_signals
from .parse import bound_markup, flatten_deep, parse_html
from .profiles import Layout, SiteProfile, profile_for_url
from .prune import prune_node
from .select import ParsedPage, Root, first_node, select_all, split_selector
from .textfilters import FilterRules, filter_lines

_HAS_TAG = ("<html", "<body", "<head", "<div", "<p", "<article", "<meta", "<title", "<span", "<a ", "<!doctype")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text_input(html: str, opts: CleanOptions) -> tuple[str, list[str]]:
    if len(html) > opts.max_bytes:
        raise TooLargeError(f"input is {len(html)} characters, over the limit of {opts.max_bytes}")
    if not html.strip():
        raise EmptyInputError("input is empty")
    warnings: list[str] = []
    if "\x00" in html:
        html = html.replace("\x00", "")
        warnings.append("nul_bytes_removed")
    if _SURROGATE.search(html):  # no record can hold a lone surrogate (it has no UTF-8 form)
        html = _SURROGATE.sub("\ufffd", html)
        warnings.append("surrogates_replaced")
    low = html[:65536].lower()
    if not any(tag in low for tag in _HAS_TAG) and not any(tag in html.lower() for tag in _HAS_TAG):
        raise NotHTMLError("input has no HTML markup (use clean_text for plain text)")
    return html, warnings


def _as_datetime(value: datetime | str | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value
    parsed = dates.parse_date(value)
    if parsed is None:
        raise ValueError(f"fetched_at is not a date: {value!r}")
    return parsed


def choose_layout(tree: Root, profile: SiteProfile | None) -> Layout | None:
    """The newest layout of the profile whose detector matches the page."""
    if profile is None:
        return None
    return next((lay for lay in profile.layouts if _detected(tree, lay)), None)


def _detected(tree: Root, layout: Layout) -> bool:
    """Does a detector match? A detector that is also a body selector is run in full on a `ParsedPage`,
    so that `_profile_body` finds its result memoised instead of scanning the page again."""
    if not isinstance(tree, ParsedPage):
        return first_node(tree, layout.detectors) is not None
    bodies = {split_selector(selector)[0] for selector in layout.body}
    for selector in layout.detectors:
        css = split_selector(selector)[0]
        found = bool(tree.css(css)) if css in bodies else tree.css_first(css) is not None
        if found:
            return True
    return False


def _profile_body(page: ParsedPage, layout: Layout) -> list[str]:
    out: list[str] = []
    lead = select_all(page, layout.lead) if layout.lead else []
    for selector in layout.body:
        nodes = page.css(split_selector(selector)[0])
        if not nodes:
            continue
        for node in nodes:
            prune_node(node, layout.junk, layout.generic_prune)
            out.extend(paragraphs(node))
        break
    if lead and (not out or normalize_line(lead[0]) not in out[0]):
        out = lead[:1] + out
    return out


def _language(body: str, title: str | None, meta: Meta, profile: SiteProfile | None, url: str | None) -> str | None:
    """The body's language (the title joins only a short body); the edition's or `<html lang>` is the prior."""
    edition = profile.edition_for(url) if profile else None
    hint = edition.language if edition else normalize_lang(meta.html_lang)
    text = body if len(body) >= BODY_FOR_LANGUAGE else f"{title or ''}\n{body}"
    return detect_language(text, hint)


def _body(
    page: ParsedPage,
    layout: Layout | None,
    url: str | None,
    warnings: list[str],
    markup: str | bytes,
    reference: str | None,
) -> list[str]:
    """Body paragraphs; the page's tree is pruned in place (its memoised selector results go stale)."""
    if layout is not None:
        paras = _profile_body(page, layout)
        if paras:
            return paras
        warnings.append("profile_body_empty")
    return generic_body(page.tree, url, markup, reference)


def clean_html(
    html: bytes | str,
    url: str | None = None,
    *,
    fetched_at: datetime | str | None = None,
    headers: Mapping[str, object] | None = None,
    options: CleanOptions | None = None,
) -> Article:
    """One saved or fetched page in, one clean `Article` out; raises only `CleanerError` subclasses.

    Args:
        html: the page as served (bytes: decoded here, gzip inflated) or as text.
        url: where the page came from; picks the outlet's site profile and is the record's `url`.
        fetched_at: when the page was fetched (ISO 8601 or datetime); anchors relative dates
            such as `Сегодня, 14:02` and the future-date check. Default: now.
        headers: the HTTP response headers; `Content-Type`'s charset helps decoding.
        options: limits and switches (`CleanOptions`); default `CleanOptions()`.

    Returns:
        The article. Problems that still leave a record are listed in `Article.warnings`
        (see the warnings table of the cleaner guide); a homepage or listing comes back with an
        empty body and the `not_article` warning.

    Raises:
        EmptyInputError: empty or whitespace-only input.
        NotHTMLError: binary data or text without HTML markup.
        TooLargeError: over `options.max_bytes`, also after inflating gzip.
        DecodeError: no plausible charset decodes the bytes.
        ExtractionError: an internal stage failed on this page.
    """
    opts = options or DEFAULT_OPTIONS
    try:
        return _clean(html, url, _as_datetime(fetched_at), headers, opts)
    except CleanerError:
        raise
    except (RecursionError, MemoryError) as exc:
        raise ExtractionError(f"page too complex to process: {type(exc).__name__}") from exc
    except Exception as exc:  # noqa: BLE001 - the API promises typed errors only
        raise ExtractionError(f"{type(exc).__name__}: {exc}") from exc


def _clean(
    html: bytes | str,
    url: str | None,
    fetched_at: datetime | None,
    headers: Mapping[str, object] | None,
    opts: CleanOptions,
) -> Article:
    if isinstance(html, (bytes, bytearray, memoryview)):
        decoded = decode_html(bytes(html), headers, max_bytes=opts.max_bytes)
        markup, warnings = decoded.markup, decoded.warnings
    else:
        markup, warnings = _text_input(html, opts)
    markup, crowded = bound_markup(markup)
    if crowded:
        warnings.append("attributes_capped")
    tree = parse_html(markup)
    if flatten_deep(tree, opts.max_depth):
        warnings.append("deep_nesting_flattened")
    page = ParsedPage(tree)
    canonical = _canonical(page)
    page_url = url or canonical
    profile = profile_for_url(page_url) if opts.use_profiles else None
    layout = choose_layout(page, profile)
    if profile is not None and layout is None:
        warnings.append("profile_layout_unknown")
    meta = extract_meta(page, profile, layout)
    kind_url = page_url or meta.canonical_url  # og:url when the page names no canonical
    sections = profile.listing_sections(kind_url) if profile else ()
    kind = kind_from_url(kind_url, sections) if layout is None else None
    if kind is not None:
        return _listing_article(page, url, meta, profile, page_url, warnings, kind)
    signals = page_signals(page) if layout is None else None  # read before `_body` prunes the tree
    paras = _body(page, layout, page_url, warnings, markup, meta.article_body)
    rules = layout.rules if layout else FilterRules()
    paras = [p for p in filter_lines(paras, rules) if p]
    kind = page_kind(signals, kind_url, paras, sections) if signals is not None else ARTICLE
    if kind != ARTICLE:  # judged on the page's evidence, which can be wrong: the record keeps its dates
        listing = _listing_article(page, url, meta, profile, page_url, warnings, kind)
        date, modified = page_dates(
            meta,
            url=page_url,
            language=listing.language,
            profiled=profile is not None,
            layout=None,
            markup=markup,
            fetched_at=fetched_at,
            opts=opts,
            warnings=listing.warnings,
        )
        return dated(listing, date, modified)
    if paras and meta.title and normalize_line(paras[0]) == meta.title:
        paras = paras[1:]
    body = join_paragraphs(paras)
    language = _language(body, meta.title, meta, profile, page_url)
    date, modified = page_dates(
        meta,
        url=page_url,
        language=language,
        profiled=profile is not None,
        layout=layout,
        markup=markup,
        fetched_at=fetched_at,
        opts=opts,
        warnings=warnings,
    )
    if not body:
        warnings.append("body_empty")
    elif len(body) < opts.min_body_chars:
        warnings.append("body_short")
    if not meta.title:
        warnings.append("title_missing")
    article = Article(
        url=url,
        canonical_url=meta.canonical_url,
        source=_source(profile, page_url),
        source_name=profile.name if profile else meta.site_name,
        language=language,
        title=meta.title,
        authors=meta.authors,
        section=meta.section,
        tags=meta.tags,
        body=body,
        layout=f"{profile.id}@{layout.version}" if profile and layout else "generic",
        page_kind=ARTICLE,
        warnings=list(dict.fromkeys(warnings)),
    )
    return dated(article, date, modified)


def _canonical(page: ParsedPage) -> str | None:
    found = page.css('link[rel="canonical"]')
    node = found[0] if found else None
    href = node.attributes.get("href") if node is not None else None
    return href if href and href.startswith("http") else None


def _source(profile: SiteProfile | None, page_url: str | None) -> str | None:
    if profile is not None:
        return profile.id
    host = (urlsplit(page_url).hostname or "").removeprefix("www.") if page_url else ""
    return host or None


def _listing_article(
    page: ParsedPage,
    url: str | None,
    meta: Meta,
    profile: SiteProfile | None,
    page_url: str | None,
    warnings: list[str],
    kind: str,
) -> Article:
    """A homepage, listing or other non-article: metadata only (the page's own title), an empty
    body and `not_article`."""
    meta.title = page_title(page, profile, meta.site_name)
    return Article(
        url=url,
        canonical_url=meta.canonical_url,
        source=_source(profile, page_url),
        source_name=profile.name if profile else meta.site_name,
        language=_language(meta.title or "", None, meta, profile, page_url),
        title=meta.title,
        layout="generic",
        page_kind=kind,
        warnings=list(dict.fromkeys([*warnings, "not_article"])),
    )
