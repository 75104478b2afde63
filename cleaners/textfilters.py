"""Line-level boilerplate filters shared by `clean_html` and `clean_text`.

Each rule looks at one line (a paragraph in `clean_html`) and, for list and counter
blocks, at its neighbours. Legitimate text stays: numbers inside sentences, quotes,
numbered lists made of sentences, dates in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .linerx import LineTest, casefold_any, line_tests
from .normalize import normalize_line

_EMOJI = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u27bf\u2934\u2935"
    "\u2b05-\u2b55\u3030\u303d\u3297\u3299\ufe0f\u200d\U0001f000-\U0001faff"
)
_EMOJI_RE = re.compile(f"[{_EMOJI}]")
SEPARATOR = re.compile(r"^[-–—_|•·*=~]{1,5}$")
COUNTER = re.compile(r"^[👁💬❤️🔥👍⭐️\s]*+(?:\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:[.,]\d+)?\s*(?:[KkMкК]|тыс\.?|млн\.?)?)$")
NUMBERS_ONLY = re.compile(r"^[-+]?\d++(?:[.,]\d++)?+(?:\s*+[/|↑↓▲▼%]\s*+[-+]?\d++(?:[.,]\d++)?+)++\s*+%?$")
_CURRENCY = r"(?:USD|EUR|RUB|CNY|GBP|KGS|UZS|BYN|TRY|AED|JPY|CHF|BTC|ETH|Brent|WTI|Нефть|Золото|Gold|Oil|\$|€|₽|¥)"
_NUM = r"[-+]?\d+(?:[.,]\d+)?"
_NUM_ONCE = r"[-+]?\d++(?:[.,]\d++)?+"  # _NUM without backtracking (what may follow never starts with a digit)
# Possessive runs: each space and digit run has one reading, so a long non-ticker line fails in linear time.
TICKER = re.compile(
    rf"^(?:{_CURRENCY}\s*+[:=]?+\s*+(?:{_NUM_ONCE}(?:\s*+[/↑↓▲▼%]\s*+(?:{_NUM_ONCE})?+)*+)?+\s*+[,;|]?+\s*+)++$",
    re.I,
)
TOP_ITEM = re.compile(rf"^\d{{1,2}}(?:[.)]\s*)?(?:[{_EMOJI}]|\s|[^\W\d_]|\d)")
READ_ALSO = (
    r"Читайте также|Читать также|Также читайте|Читайте тоже|Читать по теме|Читайте по теме|"
    r"Новости по теме|Материалы по теме|Похожие новости|Ещё по теме|Еще по теме|Смотрите также|"
    r"Оқи отырып|Оқыңыз|Тақырыпқа қатысты|Тағы оқыңыз|Осы тақырыпта|Read also|Read more|See also|Related"
)
READ_ALSO_LINE = re.compile(rf"^(?:{READ_ALSO})\b\s*(?:[:.\-–—>»]|$)", re.I)
READ_ALSO_TAIL = re.compile(rf"(?<=[.!?…»\"”])\s+(?:{READ_ALSO})\s*:.*$", re.I | re.S)
_PROMO_ANYWHERE = (
    r"Подписывайтесь|Подпишитесь|Подписаться на|Следите за новостями|Поделитесь новостью|"
    r"Нашли ошибку|Google News|наш (?:Telegram|телеграм|Instagram|канал)|Telegram-канал|Телеграм-канал|"
    r"Беттегі қате|Жаңалықтар телефоныңызда|Жазылыңыз|арнамызға|Follow us on|"
    r"Сообщить об ошибке|выделите (?:её|ее) и нажмите Ctrl|Ctrl\s*\+\s*Enter|Реклама\s*$"
)
_PROMO_LINE = r"^(?:Подписаться$|Subscribe to|Subscribe$|Реклама|Advertisement$)"
# The two halves searched apart: a `^` alternative would stop the search skipping ahead.
_PROMO_PARTS = (re.compile(_PROMO_ANYWHERE, re.I), re.compile(_PROMO_LINE, re.I))
# Lowercase literals, one in every `_PROMO_ANYWHERE` alternative (tests check it): most lines skip that search.
_PROMO_NEEDLES = (
    "подпи",
    "новост",
    "ошибк",
    "google",
    "наш ",
    "telegram",
    "телеграм",
    "беттегі",
    "телефоны",
    "жазылыңыз",
    "арнамызға",
    "follow",
    "ctrl",
    "реклама",
)
PROMO_MAX_CHARS = 250
CAPTION = re.compile(
    r"^(?:Фото|Фотоальбом|Сурет|Коллаж|Видео|Инфографика|Иллюстративное фото|Фото с сайта|Скриншот|"
    r"Photo|Photos|Image|Credit|Источник фото|Автор фото|Фото автордікі|Сурет автордікі|©)\b\s*(?:[:©/—–-]|видео|с |из |$)",
    re.I,
)
CAPTION_MAX_CHARS = 200
_CREDIT_WORDS = ("Скриншот видео", "Кадр видео", "Фото", "Сурет", "Коллаж", "Photo")
INLINE_CREDIT = re.compile(
    r"(?<=[.!?…»\"”])\s+(?:(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]*\.?\s){1,5})?"
    rf"(?:{'|'.join(_CREDIT_WORDS)})\s*(?:«[^»\n]{{1,80}}»|:\s*[^.!?\n«]{{1,60}}?\.)(?=\s|$)"
)
UI_LINE = re.compile(
    r"^(?:Поделиться|Бөлісу|Share|Просмотр(?:ов|ы)?|Көрілім|Оқылды|Views|Комментари(?:и|ев)|Пікірлер|Comments|"
    r"Нравится|Like|Печать|Print|Tweet|Твитнуть|Отправить|Скопировать ссылку|Copy link)"
    r"\s*+[:(]?+\s*+[\d\s]*+\)?$",  # possessive: a long space run is read once
    re.I,
)
MOST_READ_HEADING = re.compile(
    r"^(?:Самое читаемое|Самые читаемые|Читаемое|Популярное|Популярные материалы|Популярные новости|"
    r"Самое популярное|Топ[- ]?\d+|Top[- ]?\d+|Most read|Most popular|Trending|Көп оқылғандар|Көп оқылған|Ең көп оқылған|Ең өзекті|"
    r"Лента новостей|Последние новости|Главные новости|Новости партнеров|Новости партнёров|"
    r"Курсы валют|Курс валют|Валюта бағамы|Погода|Ауа райы)\s*:?$",
    re.I,
)
DATE_MARKER = re.compile(r"^\s*date\s+\d{4}-\d{2}(?:-\d{2})?\s+")


@dataclass(frozen=True)
class FilterRules:
    """Extra per-outlet rules layered on the shared ones (from a site profile)."""

    drop_line: tuple[str, ...] = ()  # regexes; a matching line is dropped
    cut_after: tuple[str, ...] = ()  # regexes; the matching line and everything after it go


def _is_filler(line: str) -> bool:
    return bool(SEPARATOR.match(line) or COUNTER.match(line))


def _next_contents(lines: list[str]) -> list[str | None]:
    """For each line, the next line after it that is not empty and not a separator (one backward pass)."""
    out: list[str | None] = [None] * len(lines)
    nxt: str | None = None
    for i in range(len(lines) - 1, -1, -1):
        out[i] = nxt
        if lines[i] and not SEPARATOR.match(lines[i]):
            nxt = lines[i]
    return out


def _is_list_item(lines: list[str], i: int, nxt: str | None) -> bool:
    """A top-N list entry: a short title followed by view/comment counters."""
    line = lines[i]
    if len(line) > 300 or COUNTER.match(line):
        return False
    if nxt is None or not COUNTER.match(nxt):
        return False
    return bool(TOP_ITEM.match(line) or _EMOJI_RE.match(line) or (i > 0 and SEPARATOR.match(lines[i - 1] or "")))


@lru_cache(maxsize=1)
def _promo_test() -> LineTest:
    """`casefold_any(_PROMO_PARTS)` without hashing both compiled patterns (their whole code) per line."""
    return casefold_any(_PROMO_PARTS, (_PROMO_NEEDLES, ()))


def _drop(line: str, rules: FilterRules) -> bool:
    if _is_filler(line) or NUMBERS_ONLY.match(line) or TICKER.match(line) or UI_LINE.match(line):
        return True
    if READ_ALSO_LINE.match(line) or MOST_READ_HEADING.match(line):
        return True
    if len(line) <= PROMO_MAX_CHARS and _promo_test()(line):
        return True
    if len(line) <= CAPTION_MAX_CHARS and CAPTION.match(line):
        return True
    return any(test(line) for test in line_tests(rules.drop_line))


def _trim_inline(line: str) -> str:
    if ":" in line:  # READ_ALSO_TAIL needs one
        line = READ_ALSO_TAIL.sub("", line)
    if any(map(line.__contains__, _CREDIT_WORDS)):  # INLINE_CREDIT needs one
        line = INLINE_CREDIT.sub("", line)
    return line


def filter_lines(lines: list[str], rules: FilterRules = FilterRules()) -> list[str]:
    """Drop boilerplate lines; empty strings (paragraph breaks) are kept in place."""
    norm = [normalize_line(x) for x in lines]
    if norm:
        norm[0] = DATE_MARKER.sub("", norm[0]) if DATE_MARKER.match(lines[0]) else norm[0]
    following = _next_contents(norm)
    cut_after = line_tests(rules.cut_after)
    out: list[str] = []
    for i, line in enumerate(norm):
        if not line:
            out.append("")
            continue
        if any(test(line) for test in cut_after):
            break
        if _is_list_item(norm, i, following[i]) or _drop(line, rules):
            continue
        trimmed = _trim_inline(line)
        if trimmed:
            out.append(trimmed)
    return out


def _collapse_blanks(lines: list[str]) -> str:
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def clean_text(text: str, language: str | None = None, rules: FilterRules = FilterRules()) -> str:
    """Strip boilerplate from already-extracted text; clean text comes back unchanged.

    Args:
        text: plain text, paragraphs separated by newlines.
        language: accepted for API stability (an ISO 639-1 code); the rules cover ru, kk and en
            together, and the text's language comes from `detect_language`, the detector `clean_html` uses.
        rules: extra line rules (a site profile's); the generic rules always apply.

    Returns:
        The text without read-also lines, counters, tickers, captions and promo lines.
    """
    del language  # the rules cover ru, kk and en together; kept for API stability
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _collapse_blanks(filter_lines(text.split("\n"), rules))
