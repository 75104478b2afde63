"""Tests for cleaners.dates: every expected value is worked out by hand from the rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaners.dates import ALMATY, check_plausible, date_from_url, parse_date, to_iso

UTC = UTC
PLUS5 = timezone(timedelta(hours=5))
PLUS6 = timezone(timedelta(hours=6))

SWITCH_DAY = datetime(2024, 3, 1, 10, 0, tzinfo=PLUS5)  # morning after the move to UTC+5
SWITCH_NIGHT = datetime(2024, 3, 1, 1, 0, tzinfo=PLUS5)  # = 2024-02-29T20:00Z
JAN_2022 = datetime(2022, 1, 21, 12, 0, tzinfo=PLUS6)
LATE_UTC = datetime(2022, 1, 21, 20, 30, tzinfo=UTC)  # already 2022-01-22 02:30 in Almaty
NEW_YEAR = datetime(2022, 1, 2, 9, 0, tzinfo=PLUS6)

CASES: list[tuple[str, datetime | None, str | None]] = [
    # --- Russian month names ---------------------------------------------------------------
    ("1 Декабря 2020 14:02", None, "2020-12-01T14:02:00+06:00"),
    ("21 января 2022, 14:35", None, "2022-01-21T14:35:00+06:00"),
    ("07 января 2024 23:14", None, "2024-01-07T23:14:00+06:00"),
    ("27 февраля 2026 года", None, "2026-02-27T00:00:00+05:00"),
    ("15 марта 2018 г.", None, "2018-03-15T00:00:00+06:00"),
    ("Опубликовано: 21 января 2022, 14:35", None, "2022-01-21T14:35:00+06:00"),
    ("21 января 2022 года в 14:35", None, "2022-01-21T14:35:00+06:00"),
    ("5 сент. 2021", None, "2021-09-05T00:00:00+06:00"),
    ("3 дек. 2019, 09:05", None, "2019-12-03T09:05:00+06:00"),
    ("10 мая 2023 08:00", None, "2023-05-10T08:00:00+06:00"),
    ("Пятница, 21-го января 2022", None, "2022-01-21T00:00:00+06:00"),
    ("1 июня 2021 18:45:30", None, "2021-06-01T18:45:30+06:00"),
    ("12 ноябрь 2020", None, "2020-11-12T00:00:00+06:00"),
    ("13:51, 15 Август 2025", None, "2025-08-15T13:51:00+05:00"),
    ("2 ЯНВАРЯ 2023", None, "2023-01-02T00:00:00+06:00"),
    ("2 февр. 2022", None, "2022-02-02T00:00:00+06:00"),
    ("30 сентября 2024 12:00", None, "2024-09-30T12:00:00+05:00"),
    ("31 декабря 2023 23:59", None, "2023-12-31T23:59:00+06:00"),
    ("19 апреля 2020 7:05", None, "2020-04-19T07:05:00+06:00"),
    # --- Kazakh, Cyrillic ------------------------------------------------------------------
    ("04:15 18 Наурыз 2018", None, "2018-03-18T04:15:00+06:00"),
    ("5 қаңтар 2025 ж.", None, "2025-01-05T00:00:00+05:00"),
    ("2025 жылғы 5 қаңтар", None, "2025-01-05T00:00:00+05:00"),
    ("2025 ж. 5 қаңтар", None, "2025-01-05T00:00:00+05:00"),
    ("2023 жылғы 12 қазандағы", None, "2023-10-12T00:00:00+06:00"),
    ("7 желтоқсан 2022, 16:20", None, "2022-12-07T16:20:00+06:00"),
    ("1 сәуір 2024 09:00", None, "2024-04-01T09:00:00+05:00"),
    ("Жарияланды: 14 шілде 2019 ж. 11:30", None, "2019-07-14T11:30:00+06:00"),
    ("20 мамыр 2021", None, "2021-05-20T00:00:00+06:00"),
    ("3 маусым 2020", None, "2020-06-03T00:00:00+06:00"),
    ("9 тамыз 2017", None, "2017-08-09T00:00:00+06:00"),
    ("1 қыркүйек 2023", None, "2023-09-01T00:00:00+06:00"),
    ("25 қараша 2022", None, "2022-11-25T00:00:00+06:00"),
    ("10 ақпан 2024", None, "2024-02-10T00:00:00+06:00"),
    # --- Kazakh, Latin (and plain-ASCII spellings) -----------------------------------------
    ("5 qańtar 2025", None, "2025-01-05T00:00:00+05:00"),
    ("5 qantar 2025", None, "2025-01-05T00:00:00+05:00"),
    ("8 naýryz 2023", None, "2023-03-08T00:00:00+06:00"),
    ("8 nauryz 2023", None, "2023-03-08T00:00:00+06:00"),
    ("22 sáýir 2024", None, "2024-04-22T00:00:00+05:00"),
    ("22 sauir 2024", None, "2024-04-22T00:00:00+05:00"),
    ("2024 jylǵy 3 maýsym", None, "2024-06-03T00:00:00+05:00"),
    ("12 mausym 2019", None, "2019-06-12T00:00:00+06:00"),
    ("1 qyrkúiek 2022", None, "2022-09-01T00:00:00+06:00"),
    ("1 qyrkuiek 2022", None, "2022-09-01T00:00:00+06:00"),
    ("16 jeltoqsan 2021", None, "2021-12-16T00:00:00+06:00"),
    ("16 zheltoqsan 2021", None, "2021-12-16T00:00:00+06:00"),
    ("4 aqpan 2020", None, "2020-02-04T00:00:00+06:00"),
    ("30 qarasha 2023", None, "2023-11-30T00:00:00+06:00"),
    # --- English ---------------------------------------------------------------------------
    ("January 21, 2022", None, "2022-01-21T00:00:00+06:00"),
    ("21 January 2022 14:35", None, "2022-01-21T14:35:00+06:00"),
    ("Jan 21, 2022, 2:35 PM", None, "2022-01-21T14:35:00+06:00"),
    ("Sept 3, 2021 12:05 AM", None, "2021-09-03T00:05:00+06:00"),
    ("March 1st, 2024", None, "2024-03-01T00:00:00+05:00"),
    ("Dec 5, 2020", None, "2020-12-05T00:00:00+06:00"),
    ("Fri, 21 Jan 2022 14:35:00 +0600", None, "2022-01-21T14:35:00+06:00"),
    ("21 Jan 2022 08:35 GMT", None, "2022-01-21T08:35:00+00:00"),
    ("21.01.2022 14:35 GMT+6", None, "2022-01-21T14:35:00+06:00"),
    ("21.01.2022 14:35 UTC+05:00", None, "2022-01-21T14:35:00+05:00"),
    ("21 января 2022 14:35 (мск)", None, "2022-01-21T14:35:00+03:00"),
    ("21.01.2022 14:35 МСК+3", None, "2022-01-21T14:35:00+06:00"),
    ("21.01.2022 14:35 +2500", None, None),
    # --- numeric ---------------------------------------------------------------------------
    ("17:10 15.03.2018", None, "2018-03-15T17:10:00+06:00"),
    ("21.01.2022 14:35", None, "2022-01-21T14:35:00+06:00"),
    ("21.01.2022", None, "2022-01-21T00:00:00+06:00"),
    ("Дата публикации 21.01.2022", None, "2022-01-21T00:00:00+06:00"),
    ("21.01.2022 | 14:35", None, "2022-01-21T14:35:00+06:00"),
    ("15.03.24", None, "2024-03-15T00:00:00+05:00"),
    ("2022-01-21", None, "2022-01-21T00:00:00+06:00"),
    ("2022/01/21", None, "2022-01-21T00:00:00+06:00"),
    # --- ISO 8601: explicit offsets are kept as written ------------------------------------
    ("2020-12-01T14:02:00+06:00", None, "2020-12-01T14:02:00+06:00"),
    ("2020-12-01T08:02:00Z", None, "2020-12-01T08:02:00+00:00"),
    ("2020-12-01T14:02:00+0500", None, "2020-12-01T14:02:00+05:00"),
    ("2023-05-04T10:20:30.123456+03:00", None, "2023-05-04T10:20:30+03:00"),
    ("2022-01-21 14:35", None, "2022-01-21T14:35:00+06:00"),
    # --- both sides of the 2024-03-01 switch to UTC+5 --------------------------------------
    ("29 февраля 2024 23:59", None, "2024-02-29T23:59:00+06:00"),
    ("1 марта 2024 00:30", None, "2024-03-01T00:30:00+05:00"),
    ("2 марта 2024 10:00", None, "2024-03-02T10:00:00+05:00"),
    ("2024-02-29T12:00:00", None, "2024-02-29T12:00:00+06:00"),
    ("2024-03-01T12:00:00", None, "2024-03-01T12:00:00+05:00"),
    ("2024-02-29T23:30:00", None, "2024-02-29T23:30:00+06:00"),  # repeated hour: first reading
    ("29.02.2024 22:00", None, "2024-02-29T22:00:00+06:00"),
    ("1 наурыз 2024 08:00", None, "2024-03-01T08:00:00+05:00"),
    # --- relative forms, counted from fetched_at in Almaty days ----------------------------
    ("Вчера, 23:00", SWITCH_DAY, "2024-02-29T23:00:00+06:00"),
    ("Вчера", SWITCH_DAY, "2024-02-29T00:00:00+06:00"),
    ("Сегодня, 02:47", SWITCH_DAY, "2024-03-01T02:47:00+05:00"),
    ("сегодня в 02:47", SWITCH_DAY, "2024-03-01T02:47:00+05:00"),
    ("позавчера", SWITCH_DAY, "2024-02-28T00:00:00+06:00"),
    ("бүгін, 10:15", SWITCH_DAY, "2024-03-01T10:15:00+05:00"),
    ("кеше 18:00", SWITCH_DAY, "2024-02-29T18:00:00+06:00"),
    ("Today, 10:15", SWITCH_DAY, "2024-03-01T10:15:00+05:00"),
    ("Yesterday 18:00", SWITCH_DAY, "2024-02-29T18:00:00+06:00"),
    ("Yesterday at 6:00 PM", SWITCH_DAY, "2024-02-29T18:00:00+06:00"),
    ("5 минут назад", SWITCH_DAY, "2024-03-01T09:55:00+05:00"),
    ("2 часа назад", SWITCH_DAY, "2024-03-01T08:00:00+05:00"),
    ("час назад", SWITCH_DAY, "2024-03-01T09:00:00+05:00"),
    ("3 сағат бұрын", SWITCH_DAY, "2024-03-01T07:00:00+05:00"),
    ("10 минут бұрын", SWITCH_DAY, "2024-03-01T09:50:00+05:00"),
    ("2 күн бұрын", SWITCH_DAY, "2024-02-28T00:00:00+06:00"),
    ("2 дня назад", SWITCH_DAY, "2024-02-28T00:00:00+06:00"),
    ("just now", SWITCH_DAY, "2024-03-01T10:00:00+05:00"),
    ("только что", SWITCH_DAY, "2024-03-01T10:00:00+05:00"),
    ("5 minutes ago", SWITCH_DAY, "2024-03-01T09:55:00+05:00"),
    ("3 hours ago", SWITCH_DAY, "2024-03-01T07:00:00+05:00"),
    ("an hour ago", SWITCH_DAY, "2024-03-01T09:00:00+05:00"),
    ("3 часа назад", SWITCH_NIGHT, "2024-02-29T23:00:00+06:00"),  # 17:00Z, before the switch
    ("2 часа назад", SWITCH_NIGHT, "2024-02-29T23:00:00+05:00"),  # 18:00Z, the repeated hour
    ("Сегодня, 01:00", LATE_UTC, "2022-01-22T01:00:00+06:00"),
    ("Вчера, 23:10", LATE_UTC, "2022-01-21T23:10:00+06:00"),
    ("11 hours ago", LATE_UTC, "2022-01-21T15:30:00+06:00"),
    # --- day and month without a year: fetched_at's year, or the one before ----------------
    ("21 января, 14:35", JAN_2022, "2022-01-21T14:35:00+06:00"),
    ("31 декабря", NEW_YEAR, "2021-12-31T00:00:00+06:00"),
    ("3 января 10:00", NEW_YEAR, "2022-01-03T10:00:00+06:00"),
    ("5 января", NEW_YEAR, "2021-01-05T00:00:00+06:00"),
    ("21 января, 14:35", None, None),
    ("15 Август", None, None),
    # --- relative forms need fetched_at ----------------------------------------------------
    ("Вчера, 23:10", None, None),
    ("5 минут назад", None, None),
    ("just now", None, None),
    # --- garbage and ambiguous text ---------------------------------------------------------
    ("2462", None, None),
    ("1 / 2", None, None),
    ("14:02", None, None),
    ("14:02", SWITCH_DAY, None),
    ("Просмотров: 2462", None, None),
    ("", None, None),
    ("   ", None, None),
    ("2022", None, None),
    ("января 2022", None, None),
    ("в январе 2022", None, None),
    ("31.02.2022", None, None),
    ("32 января 2022", None, None),
    ("2020-13-01", None, None),
    ("25:00 21.01.2022", None, None),
    ("01/02/2022", None, None),
    ("192.168.1.10", None, None),
    ("1.2.3", None, None),
    ("несколько минут назад", SWITCH_DAY, None),
    ("месяц назад", SWITCH_DAY, None),
    ("Lorem ipsum dolor sit amet", None, None),
    ("Lorem ipsum dolor sit amet", SWITCH_DAY, None),
]


@pytest.mark.parametrize(("text", "fetched_at", "expected"), CASES)
def test_parse_date(text: str, fetched_at: datetime | None, expected: str | None) -> None:
    result = parse_date(text, fetched_at=fetched_at)
    assert (None if result is None else to_iso(result)) == expected


def test_case_count() -> None:
    assert len(CASES) >= 70


def test_result_has_fixed_offset() -> None:
    result = parse_date("1 марта 2024 00:30")
    assert result is not None
    assert isinstance(result.tzinfo, timezone)
    assert result.utcoffset() == timedelta(hours=5)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("02/01/2022", "en", "2022-02-01T00:00:00+06:00"),
        ("02/01/2022", "ru", "2022-01-02T00:00:00+06:00"),
        ("02/01/2022", "kk", "2022-01-02T00:00:00+06:00"),
        ("02/01/2022", None, None),
        ("25/01/2022", None, "2022-01-25T00:00:00+06:00"),
        ("01/25/2022", None, "2022-01-25T00:00:00+06:00"),
        ("01/25/2022", "ru", None),
        ("21.01.2022", "en", "2022-01-21T00:00:00+06:00"),
    ],
)
def test_slashed_dates_follow_lang(text: str, lang: str | None, expected: str | None) -> None:
    result = parse_date(text, lang=lang)
    assert (None if result is None else to_iso(result)) == expected


_DATEISH = st.lists(
    st.sampled_from(list("0123456789:./-, +zt") + ["января", "қаңтар", "jan", "pm", "вчера", "назад", "мск"]),
    max_size=14,
).map("".join)


@given(st.one_of(st.text(max_size=60), _DATEISH), st.sampled_from([None, "ru", "kk", "en"]))
def test_parse_date_never_raises(text: str, lang: str | None) -> None:
    result = parse_date(text, fetched_at=SWITCH_DAY, lang=lang)
    assert result is None or result.utcoffset() is not None


def test_almaty_zone_has_2024_switch() -> None:
    assert isinstance(ALMATY, ZoneInfo)
    assert str(ALMATY) == "Asia/Almaty"
    assert datetime(2024, 2, 29, 12, tzinfo=ALMATY).utcoffset() == timedelta(hours=6)
    assert datetime(2024, 3, 1, 12, tzinfo=ALMATY).utcoffset() == timedelta(hours=5)


# --- check_plausible -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dt", "kwargs", "expected"),
    [
        (JAN_2022, {"fetched_at": JAN_2022}, None),
        (JAN_2022 + timedelta(hours=35), {"fetched_at": JAN_2022}, None),
        (JAN_2022 + timedelta(hours=37), {"fetched_at": JAN_2022}, "date_future"),
        (JAN_2022 + timedelta(minutes=1), {"fetched_at": JAN_2022, "future_slack_hours": 0}, "date_future"),
        (datetime(2022, 1, 22, 18, 0, tzinfo=UTC), {"fetched_at": JAN_2022}, None),  # 36h after 06:00Z
        (datetime(2022, 1, 22, 18, 1, tzinfo=UTC), {"fetched_at": JAN_2022}, "date_future"),
        (datetime(1990, 12, 31, tzinfo=PLUS6), {"fetched_at": JAN_2022}, "date_too_old"),
        (datetime(1991, 1, 1, tzinfo=PLUS6), {"fetched_at": JAN_2022}, None),
        (datetime(1999, 6, 1, tzinfo=PLUS6), {"fetched_at": JAN_2022, "min_year": 2000}, "date_too_old"),
        (datetime(2020, 1, 1, tzinfo=PLUS6), {}, None),
        (datetime.now(UTC) + timedelta(days=10), {}, "date_future"),
        (datetime.now(UTC) + timedelta(hours=1), {}, None),
    ],
)
def test_check_plausible(dt: datetime, kwargs: dict[str, object], expected: str | None) -> None:
    assert check_plausible(dt, **kwargs) == expected  # type: ignore[arg-type]


# --- date_from_url ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.kz/2022/01/21/some-slug/", "2022-01-21T00:00:00+06:00"),
        ("https://tengrinews.kz/news/2022/01/21/slug", "2022-01-21T00:00:00+06:00"),
        ("news/2022/01/21/slug", "2022-01-21T00:00:00+06:00"),
        ("https://ru.sputnik.kz/20220121/slug-123456789.html", "2022-01-21T00:00:00+06:00"),
        ("https://example.kz/2022-01-21-slug", "2022-01-21T00:00:00+06:00"),
        ("https://example.kz/2022-01-21/", "2022-01-21T00:00:00+06:00"),
        ("https://example.kz/2024/03/01/", "2024-03-01T00:00:00+05:00"),
        ("https://example.kz/2024/02/29/x", "2024-02-29T00:00:00+06:00"),
        ("https://example.kz/2022/02/30/slug", None),
        ("https://example.kz/2023/02/29/slug", None),
        ("https://example.kz/news/20221345/slug", None),
        ("https://example.kz/news/12345678/", None),
        ("https://example.kz/2022/1/21/slug", None),
        ("https://example.com/blog/2023/october/03/slug/", "2023-10-03T00:00:00+06:00"),  # month names too
        ("https://example.com/2023/Mar/07/slug", "2023-03-07T00:00:00+06:00"),
        ("https://example.com/2023/news/03/slug", None),
        ("https://example.kz/news/slug-2462", None),
        ("https://example.kz/search?date=2022/01/21/", None),
        ("", None),
    ],
)
def test_date_from_url(url: str, expected: str | None) -> None:
    result = date_from_url(url)
    assert (None if result is None else to_iso(result)) == expected


# --- to_iso ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dt", "expected"),
    [
        (datetime(2020, 12, 1, 14, 2, tzinfo=PLUS6), "2020-12-01T14:02:00+06:00"),
        (datetime(2020, 12, 1, 14, 2, 3, 999999, tzinfo=PLUS6), "2020-12-01T14:02:03+06:00"),
        (datetime(2020, 12, 1, 8, 2, tzinfo=UTC), "2020-12-01T08:02:00+00:00"),
        (datetime(2024, 3, 2, 10, 0, tzinfo=ZoneInfo("Asia/Almaty")), "2024-03-02T10:00:00+05:00"),
        (datetime(2024, 2, 29, 12, 0), "2024-02-29T12:00:00+06:00"),  # naive = Almaty
    ],
)
def test_to_iso(dt: datetime, expected: str) -> None:
    assert to_iso(dt) == expected
