"""Choose an article's date from its candidates and say where it came from and how precise it is.

Candidates are tried in order (profile, JSON-LD, meta, microdata, <time>, visible text near the title),
then the URL, then htmldate as a last resort. The value is "YYYY-MM-DD" when the source gives only a
day, "YYYY-MM-DDTHH:MM:SS+HH:MM" when it gives a time: a time written without an offset is read as
Asia/Almaty only on a Kazakh outlet, and elsewhere stays a local time without an offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit

from . import dates
from .datesources import DateText
from .options import CleanOptions

KAZAKH_HOSTS = (".kz", ".қаз", ".xn--80ao21a")
_KZ_LOCALE = re.compile(r"^(?:kk(?:[-_][a-z]+)?|[a-z]{2}[-_]kz)$", re.IGNORECASE)  # kk, kk-Cyrl, ru-KZ, en_KZ
DAY, TIME = "day", "time"
VISIBLE = "visible_text"
MAX_OFFSET = timedelta(hours=14)
OFFSET_STEP = timedelta(minutes=15)
Found = tuple[DateText, dates.ParsedDate]
MONTH_FIRST_REGIONS = frozenset({"us"})  # where 02/01/2022 is February 1st


@dataclass(frozen=True)
class FoundDate:
    """The chosen date (None when none can be trusted), its source and its precision (day or time)."""

    value: str | None = None
    source: str | None = None
    precision: str | None = None


def kazakh_outlet(profiled: bool, url: str | None, language: str | None, locales: tuple[str | None, ...]) -> bool:
    """A profiled outlet, a .kz/.қаз host, a Kazakh-language page (detected or declared), or a *-KZ locale."""
    host = (urlsplit(url).hostname or "") if url else ""
    return (
        profiled
        or host.endswith(KAZAKH_HOSTS)
        or language == "kk"
        or any(loc and _KZ_LOCALE.match(loc.strip()) for loc in locales)
    )


def slash_order_language(language: str | None, locales: tuple[str | None, ...]) -> str | None:
    """The `lang` that makes `dates` read 02/01/2022 as the page means it: 'en' (month first) for
    English pages of the US or of no stated region, 'ru' (day first) for every other known language or
    region, None (ambiguous slashes give no date) when the language is unknown."""
    if language is None:
        return None
    regions = {
        loc.replace("_", "-").lower().partition("-")[2] for loc in locales if loc and "-" in loc.replace("_", "-")
    }
    if language == "en" and regions <= MONTH_FIRST_REGIONS:
        return "en"
    return "ru"


def represent(parsed: dates.ParsedDate, kazakh: bool) -> tuple[str, str]:
    """(value, precision) of a parsed date: a day, a time with its offset, or a local time without one."""
    dt = parsed.dt
    if not parsed.has_time:
        return dt.date().isoformat(), DAY
    if dt.utcoffset() is None and kazakh:
        dt = dates.localize(dt)
    return dt.replace(microsecond=0).isoformat(timespec="seconds"), TIME


def _parse(
    text: DateText, formats: tuple[str, ...], fetched_at: datetime | None, lang: str | None
) -> dates.ParsedDate | None:
    parsed = dates.parse_with_formats_parts(text.text, formats) if formats else None
    return parsed or dates.parse_date_parts(text.text, fetched_at=fetched_at, lang=lang)


def _htmldate(html: str | bytes, url: str | None) -> dates.ParsedDate | None:
    """htmldate's original publication day (its slow extensive search off), or None."""
    # Imported on first use: it loads lxml and dateparser.
    from htmldate import find_date as htmldate_find

    try:
        day = htmldate_find(html, url=url, original_date=True, extensive_search=False)
        return dates.ParsedDate(datetime.fromisoformat(day), False) if day else None
    except Exception:  # noqa: BLE001 - a failing last resort must not cost the article
        return None


def _implausible(parsed: dates.ParsedDate, fetched_at: datetime | None, opts: CleanOptions) -> bool:
    return bool(
        dates.check_plausible(
            parsed.dt, fetched_at=fetched_at, min_year=opts.min_year, future_slack_hours=opts.future_slack_hours
        )
    )


def _day(parsed: dates.ParsedDate) -> date:
    return parsed.dt.date()


def _with_local_offset(chosen: dates.ParsedDate, others: list[dates.ParsedDate]) -> dates.ParsedDate:
    """A UTC time shown in the offset of a naive local time of the same instant on the page, if one is there.

    '2023-12-23T01:48:19Z' and `<time datetime="2023-12-22 20:48:19">` give '2023-12-22T20:48:19-05:00'.
    """
    if not chosen.has_time or chosen.dt.utcoffset() != timedelta(0):
        return chosen
    utc = chosen.dt.replace(tzinfo=None)
    for other in others:
        if other.has_time and other.dt.utcoffset() is None:
            shift = other.dt - utc
            if abs(shift) <= MAX_OFFSET and shift % OFFSET_STEP == timedelta(0):
                return dates.ParsedDate(other.dt.replace(tzinfo=timezone(shift)), True)
    return chosen


def _choose(found: list[Found], url_day: date | None) -> Found | None:
    """The first candidate, unless the URL names another day: then the first one of the URL's day, or None."""
    if not found:
        return None
    first = found[0]
    if url_day is None or first[0].source == "profile" or _day(first[1]) == url_day:
        return first
    return next((f for f in found if _day(f[1]) == url_day), None)


def find_date(
    texts: list[DateText],
    *,
    url: str | None,
    fetched_at: datetime | None,
    lang: str | None,
    kazakh: bool,
    opts: CleanOptions,
    warnings: list[str],
    missing: str | None,
    formats: tuple[str, ...] = (),
    html: str | bytes | None = None,
) -> FoundDate:
    """The first candidate that parses (a UTC time shown in the page's local offset when it has one);
    one of the URL's day when the URL names another; else the URL's date, else htmldate's (when `html`
    is given). A date that fails `check_plausible` is null with its warning; none at all is null with
    `missing`.
    """
    found: list[Found] = []
    for text in texts:
        parsed = _parse(text, formats, fetched_at, lang)
        if parsed is not None and not (text.source == VISIBLE and _implausible(parsed, fetched_at, opts)):
            found.append((text, parsed))  # a visible line's 1898 or 2031 is another date in the text
    if found:
        found[0] = (found[0][0], _with_local_offset(found[0][1], [f[1] for f in found[1:]]))
    from_url = dates.date_from_url(url) if url and missing else None
    chosen = _choose(found, from_url.date() if from_url else None)
    if chosen is None and from_url is not None:
        warnings.append("date_from_url")
        chosen = (DateText("url", url or ""), dates.ParsedDate(from_url.replace(tzinfo=None), False))
    if chosen is None and html is not None and missing:
        from_htmldate = _htmldate(html, url)
        chosen = (DateText("htmldate", ""), from_htmldate) if from_htmldate else None
    if chosen is None:
        if missing:
            warnings.append(missing)
        return FoundDate()
    source, parsed = chosen[0].source, chosen[1]
    problem = dates.check_plausible(
        parsed.dt, fetched_at=fetched_at, min_year=opts.min_year, future_slack_hours=opts.future_slack_hours
    )
    if problem:  # a structured source's date is the page's claim: not replaced by a weaker one
        warnings.append(problem)
        return FoundDate()
    value, precision = represent(parsed, kazakh)
    return FoundDate(value, source, precision)
