"""Parse publication dates of Kazakhstani news pages (ru/kk/en) into aware datetimes.

Naive times are Asia/Almaty local time; explicit offsets are kept as written. Nothing is
guessed: text that is not clearly one date gives None, and the clock is never read except
by `check_plausible` when it is given no `fetched_at`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone
from importlib import resources
from types import MappingProxyType
from typing import NamedTuple
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from cleaners.isotime import isoparse
from cleaners.months import MONTH_PATTERN, month_number
from cleaners.options import EARLIEST_YEAR

__all__ = [
    "ALMATY",
    "ParsedDate",
    "check_plausible",
    "date_from_url",
    "localize",
    "parse_date",
    "parse_date_parts",
    "parse_with_formats",
    "parse_with_formats_parts",
    "to_iso",
]


def _load_almaty() -> ZoneInfo:
    """ZoneInfo("Asia/Almaty"), from the tzdata package if the system's copy predates 2024a.

    tzdata >= 2024a (a project dependency) has Kazakhstan's move from +06:00 to +05:00 at
    2024-03-01 00:00 local time; zoneinfo prefers the system's files, which may be older.
    """
    zone = ZoneInfo("Asia/Almaty")
    if datetime(2024, 3, 2, tzinfo=zone).utcoffset() != timedelta(hours=5):
        with resources.files("tzdata").joinpath("zoneinfo/Asia/Almaty").open("rb") as file:
            zone = ZoneInfo.from_file(file, key="Asia/Almaty")
    return zone


ALMATY: ZoneInfo = _load_almaty()

# --- building blocks (all regexes run on `_normalise`d, lower-cased text) -------------------

_TIME = (
    r"(?<![\d:])(?P<h>\d{1,2}):(?P<mi>\d\d)(?::(?P<s>\d\d)(?:\.\d{1,6})?)?(?!\d)"
    r"(?:\s?(?P<ampm>[ap])\.?m\b\.?)?"
)
_ZONE_HOURS: Mapping[str, int] = MappingProxyType({"utc": 0, "gmt": 0, "z": 0, "мск": 3})
_OFFSET = (
    r"(?:\s?\(?(?P<zone>utc|gmt|z|мск)(?!\w)(?:\s?(?P<zoff>[+-]\d{1,2}(?::?\d\d)?)(?!\d))?"
    r"|\s?(?P<off>[+-]\d\d:?\d\d)(?!\d))?"
)
_YEAR_WORD = r"(?:\s*+(?:года|год|гг\.|г\.|г|жылғы|жылы|ж\.|ж|jylǵy|jyly|j\.|y\.)(?!\w))?"
_AT = r"(?:(?:в|at|сағат|saǵat|sagat)\s++)?"
_TIME_AFTER = re.compile(_YEAR_WORD + r"[\s,|/-]*+" + _AT + _TIME + _OFFSET)
_TIME_BEFORE = re.compile(_TIME + r"(?:\s*(?:в|at))?[\s,|/-]*$")

_DAY = r"(?<![\d:.,/])(?P<d>\d{1,2})(?:-?(?:ші|шы|st|nd|rd|th|го|е)(?!\w)|\.)?"
_DE = r"(?: de)?"  # "21 de enero de 2022" (text is normalised to single spaces)
_MON = rf"(?P<mon>{MONTH_PATTERN})"
_YEAR = r"(?P<y>\d{4})(?!\d)"
_KK_YEAR = r"(?:жылғы|жылы|ж\.|jylǵy|jyly|j\.)"

_ISO = re.compile(
    r"(?<!\d)(?P<iso>\d{4}-\d\d-\d\d[t ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?"
    r"(?: ?(?:z|[+-]\d\d(?::?\d\d)?))?)(?!\d)"
)
_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ymd", re.compile(r"(?<!\d)(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d\d)(?P=sep)(?P<d>\d\d)(?!\d)")),
    ("dmy", re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d\d)(?!\d|\.\d)")),
    ("slash", re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})(?!\d|/\d)")),
    ("named", re.compile(rf"{_DAY}{_DE}[\s-]*{_MON}(?:{_DE}[\s,-]*{_YEAR})?")),
    ("named", re.compile(rf"{_MON}\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])(?:,?\s*{_YEAR})?")),
    ("named", re.compile(rf"(?<!\d){_YEAR}\s*+-?\s*+{_KK_YEAR}\s*{_DAY}[\s-]*{_MON}")),
)

_JUST_NOW = re.compile(r"(?<!\w)(?:только что|just now|жаңа ғана|қазір ғана|jańa ǵana)(?!\w)")
_AGO = re.compile(
    r"(?<!\w)(?:(?P<n>\d{1,4}|an?|one|один|одну|одна|бір|bir)\s*)?"
    r"(?P<unit>[^\W\d]+\.?)\s*(?:назад|бұрын|buryn|ago)(?!\w)"
)
_UNITS: tuple[tuple[re.Pattern[str], timedelta], ...] = (
    (re.compile(r"сек(?:унд[уы]?)?\.?|seconds?|secs?|sekýnd|sekund"), timedelta(seconds=1)),
    (re.compile(r"мин(?:ут[уы]?)?\.?|minutes?|mins?|mınýt|minut"), timedelta(minutes=1)),
    (re.compile(r"час(?:а|ов)?|ч\.?|сағат|saǵat|sagat|hours?|hrs?"), timedelta(hours=1)),
    (re.compile(r"день|дня|дней|дн\.?|күн|kún|kun|days?"), timedelta(days=1)),
    (re.compile(r"недел[юиь]|апта|apta|weeks?"), timedelta(weeks=1)),
)
_NO_COUNT_MEANS_ONE = re.compile(r"секунду|минуту|час|день|неделю")
_DAYS_BACK: Mapping[str, int] = MappingProxyType(
    {
        "сегодня": 0,
        "бүгін": 0,
        "búgin": 0,
        "bugin": 0,
        "today": 0,
        "вчера": 1,
        "кеше": 1,
        "keshe": 1,
        "yesterday": 1,
        "позавчера": 2,
    }
)
_DAY_WORD = re.compile(r"(?<!\w)(?P<word>" + "|".join(_DAYS_BACK) + r")(?!\w)")
_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_URL_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?:^|/)(?P<y>\d{4})/(?P<m>\d\d)/(?P<d>\d\d)(?=/|$)"),
    re.compile(r"(?:^|/)(?P<y>\d{4})(?P<m>\d\d)(?P<d>\d\d)(?=/|$)"),
    re.compile(r"(?:^|/)(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)"),
    re.compile(r"(?:^|/)(?P<y>\d{4})/(?P<name>[a-z]{3,9})/(?P<d>\d\d)(?=/|$)"),  # /2023/october/03/
)
_URL_YEARS = range(EARLIEST_YEAR, 2101)

_Clock = tuple[int, int, int]


class ParsedDate(NamedTuple):
    """A parsed date text: `dt` is naive when the text wrote no offset; `has_time` when it wrote a time."""

    dt: datetime
    has_time: bool


_Near = tuple[_Clock, timezone | None]  # a time of day and its explicit offset, if any

# --- small helpers --------------------------------------------------------------------------


def _normalise(text: str) -> str:
    """NFC, lower case, ё→е, one kind of dash, single spaces."""
    lowered = unicodedata.normalize("NFC", text).lower().replace("ё", "е")
    return _SPACES.sub(" ", _DASHES.sub("-", lowered)).strip()


def _fixed(dt: datetime) -> datetime:
    """Replace dt's zone by its current fixed offset and drop microseconds."""
    offset = dt.utcoffset()
    assert offset is not None
    return dt.replace(tzinfo=timezone(offset), microsecond=0, fold=0)


def _localize(naive: datetime) -> datetime:
    """Read a naive time as Asia/Almaty (the earlier reading of a repeated hour)."""
    return _fixed(naive.replace(tzinfo=ALMATY, fold=0))


def _aware(dt: datetime) -> datetime:
    """dt itself if aware, else dt read as Asia/Almaty."""
    return dt if dt.utcoffset() is not None else _localize(dt)


def _almaty(dt: datetime) -> datetime:
    """The same instant as Asia/Almaty local time with a fixed offset."""
    return _fixed(_aware(dt).astimezone(ALMATY))


def _offset(match: re.Match[str]) -> timezone | None:
    """The explicit offset after a time ('+0600', 'GMT+6', 'мск'), else None; ValueError if bad."""
    zone, text = match["zone"], match["off"] or match["zoff"]
    if zone is None and text is None:
        return None
    shift = timedelta(hours=_ZONE_HOURS[zone] if zone else 0)
    if text is not None:
        digits = text[1:].replace(":", "")
        hours, minutes = divmod(int(digits), 100) if len(digits) > 2 else (int(digits), 0)
        if hours > 14 or minutes > 59:
            raise ValueError(f"bad UTC offset {text!r}")
        shift += (-1 if text[0] == "-" else 1) * timedelta(hours=hours, minutes=minutes)
    return timezone(shift)


def _clock(match: re.Match[str]) -> _Clock:
    """(hour, minute, second) of a `_TIME` match; ValueError if out of range."""
    hour, minute, second = int(match["h"]), int(match["mi"]), int(match["s"] or 0)
    if match["ampm"]:
        if not 1 <= hour <= 12:
            raise ValueError("bad 12-hour time")
        hour = hour % 12 + (12 if match["ampm"] == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError("bad time")
    return hour, minute, second


def _time_near(text: str, start: int, end: int) -> _Near | None:
    """The time written right after text[start:end], else right before it, else None."""
    after = _TIME_AFTER.match(text, end)
    if after:
        return _clock(after), _offset(after)
    before = _TIME_BEFORE.search(text, 0, start)
    if before:
        return _clock(before), None
    return None


def _build(year: int, month: int, day: int, near: _Near | None) -> ParsedDate:
    """Datetime from fields (naive without an offset; midnight without a time); ValueError if invalid."""
    clock, tz = near if near else ((0, 0, 0), None)
    naive = datetime(year, month, day, *clock)
    return ParsedDate(naive if tz is None else naive.replace(tzinfo=tz), near is not None)


def _slash_order(first: int, second: int, lang: str | None) -> tuple[int, int]:
    """(month, day) of a slashed date: en is m/d, ru/kk d/m, else only when unambiguous."""
    if lang == "en":
        return first, second
    if lang in ("ru", "kk", "kz") or first > 12 or first == second:
        return second, first
    if second > 12:
        return first, second
    raise ValueError("ambiguous d/m order")


def _fields(kind: str, match: re.Match[str], lang: str | None) -> tuple[int | None, int, int]:
    """(year or None, month, day) of a date match."""
    year = match["y"]
    full_year = None if year is None else int(year) + (2000 if len(year) == 2 else 0)
    if kind == "slash":
        month, day = _slash_order(int(match["a"]), int(match["b"]), lang)
        return full_year, month, day
    named = int(match["m"]) if kind in ("ymd", "dmy") else month_number(match["mon"])
    if named is None:
        raise ValueError(f"unknown month {match['mon']!r}")
    return full_year, named, int(match["d"])


def _first_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The earliest (then longest) absolute-date match in text."""
    iso = _ISO.search(text)
    # An ISO timestamp at the very start can only be beaten by a match there too: no full searches.
    find = "match" if iso is not None and iso.start() == 0 else "search"
    found = [("iso", iso)] if iso is not None else []
    found += [(kind, m) for kind, p in _DATE_PATTERNS if (m := getattr(p, find)(text))]
    if not found:
        return None
    return min(found, key=lambda item: (item[1].start(), -item[1].end()))


# --- parsing --------------------------------------------------------------------------------


def _absolute(
    text: str, match: re.Match[str], kind: str, fetched_at: datetime | None, lang: str | None
) -> ParsedDate | None:
    """The date of one absolute-date match; ValueError if its fields are invalid."""
    if kind == "iso":
        parsed = isoparse(match["iso"].upper().replace(" ", "T", 1).replace(" ", ""))
        return ParsedDate(parsed.replace(microsecond=0) if parsed.tzinfo is None else _fixed(parsed), True)
    year, month, day = _fields(kind, match, lang)
    near = _time_near(text, match.start(), match.end())
    if year is not None:
        return _build(year, month, day, near)
    if fetched_at is None:
        return None
    reference = _almaty(fetched_at)
    result = _build(reference.year, month, day, near)
    if _aware(result.dt) > reference + timedelta(days=2):
        result = _build(reference.year - 1, month, day, near)
    return result


def _ago(match: re.Match[str], fetched_at: datetime) -> ParsedDate | None:
    """'5 минут назад', '3 сағат бұрын', 'an hour ago'; whole days count from local midnight."""
    count, unit_word = match["n"], match["unit"]
    if count is None and unit_word == "полчаса":
        return ParsedDate(_almaty(fetched_at - timedelta(minutes=30)), True)
    if count is None and not _NO_COUNT_MEANS_ONE.fullmatch(unit_word):
        return None
    number = int(count) if count and count.isdigit() else 1
    unit = next((size for pattern, size in _UNITS if pattern.fullmatch(unit_word)), None)
    if unit is None:
        return None
    if unit < timedelta(days=1):
        return ParsedDate(_almaty(fetched_at - number * unit), True)
    day = _almaty(fetched_at).date() - number * unit
    return ParsedDate(datetime(day.year, day.month, day.day), False)


def _day_word(text: str, match: re.Match[str], fetched_at: datetime) -> ParsedDate:
    """'Сегодня, 02:47', 'кеше 18:00', 'Yesterday' (midnight) in Almaty days of fetched_at."""
    day = _almaty(fetched_at).date() - timedelta(days=_DAYS_BACK[match["word"]])
    return _build(day.year, day.month, day.day, _time_near(text, match.start(), match.end()))


def _relative(text: str, fetched_at: datetime) -> ParsedDate | None:
    """A relative date ('вчера', '2 часа назад', 'just now') counted back from fetched_at."""
    if _JUST_NOW.search(text):
        return ParsedDate(_almaty(fetched_at), True)
    ago = _AGO.search(text)
    if ago:
        return _ago(ago, fetched_at)
    word = _DAY_WORD.search(text)
    return _day_word(text, word, fetched_at) if word else None


def parse_date(text: str, *, fetched_at: datetime | None = None, lang: str | None = None) -> datetime | None:
    """Parse one date text (ISO 8601, numeric, month names ru/kk/en, relative forms) into an
    aware datetime, or None.

    `fetched_at` anchors relative forms and year-less dates (without it they give None);
    `lang` ('ru', 'kk', 'en') only decides the order of slashed dates such as 02/01/2022.
    """
    parts = parse_date_parts(text, fetched_at=fetched_at, lang=lang)
    return None if parts is None else _aware(parts.dt)


def parse_date_parts(text: str, *, fetched_at: datetime | None = None, lang: str | None = None) -> ParsedDate | None:
    """`parse_date` without reading a naive time as Almaty, and whether the text wrote a time."""
    normalised = _normalise(text or "")
    language = lang.lower()[:2] if lang else None
    try:
        first = _first_date(normalised)
        if first is not None:
            return _absolute(normalised, first[1], first[0], fetched_at, language)
        return _relative(normalised, fetched_at) if fetched_at is not None else None
    except (ValueError, OverflowError):
        return None


def date_from_url(url: str) -> datetime | None:
    """Midnight Almaty of the first valid date in the URL path, or None.

    Recognised: /2022/01/21/, /20220121/ (sputnik), /2022-01-21..., /2023/october/03/ (years EARLIEST_YEAR-2100 only).
    """
    path = urlsplit(url).path.lower()
    matches = sorted((m for p in _URL_PATTERNS for m in p.finditer(path)), key=lambda m: m.start())
    for match in matches:
        named = match.groupdict().get("name")
        year, month, day = int(match["y"]), month_number(named) if named else int(match["m"]), int(match["d"])
        if year in _URL_YEARS and month is not None:
            try:
                return _localize(datetime(year, month, day))
            except ValueError:
                continue
    return None


def localize(naive: datetime) -> datetime:
    """A naive time read as Asia/Almaty, with a fixed offset."""
    return _localize(naive)


def to_iso(dt: datetime) -> str:
    """ISO 8601 with offset, seconds precision: '2020-12-01T14:02:00+06:00' (naive = Almaty)."""
    return _aware(dt).replace(microsecond=0).isoformat(timespec="seconds")


def check_plausible(
    dt: datetime, *, fetched_at: datetime | None = None, min_year: int = EARLIEST_YEAR, future_slack_hours: float = 36.0
) -> str | None:
    """Return a warning code ('date_future' or 'date_too_old') when dt is implausible, else None."""
    if dt.year < min_year:
        return "date_too_old"
    reference = fetched_at if fetched_at is not None else datetime.now(UTC)
    if _aware(dt) > _aware(reference) + timedelta(hours=future_slack_hours):
        return "date_future"
    return None


def parse_with_formats(text: str, formats: tuple[str, ...]) -> datetime | None:
    """A site profile's strptime formats, tried in order; a naive result is read as Asia/Almaty."""
    parts = parse_with_formats_parts(text, formats)
    return None if parts is None else _aware(parts.dt)


def parse_with_formats_parts(text: str, formats: tuple[str, ...]) -> ParsedDate | None:
    """`parse_with_formats` without reading a naive time as Almaty, and whether the format has a time."""
    cleaned = " ".join(text.split())
    for fmt in formats:
        try:
            parsed = datetime.strptime(cleaned, fmt).replace(microsecond=0)
        except ValueError:
            continue
        return ParsedDate(parsed, "%H" in fmt or "%I" in fmt)
    return None
