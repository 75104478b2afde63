"""Month-name tables (Russian, Kazakh Cyrillic, Kazakh Latin, English; German, French, Spanish, Italian,
Portuguese and Dutch for foreign pages) as regex fragments.

Every fragment matches a lower-cased, NFC-normalised word; `dates.py` adds an optional
trailing dot and a word boundary, so abbreviations such as "дек." and "sept." work too.
"""

from __future__ import annotations

import re

# Russian: nominative, genitive and prepositional (январь/января/январе) plus abbreviations.
# The nominative also covers Kazinform's Russian pages ("15 Август 2025").
_RU: tuple[str, ...] = (
    r"январ[ьяе]|янв",
    r"феврал[ьяе]|февр?",
    r"март[ае]?|мар",
    r"апрел[ьяе]|апр",
    r"ма[йяе]",
    r"июн[ьяе]|июн",
    r"июл[ьяе]|июл",
    r"август[ае]?|авг",
    r"сентябр[ьяе]|сент?",
    r"октябр[ьяе]|окт",
    r"ноябр[ьяе]|нояб?",
    r"декабр[ьяе]|дек",
)

# Kazakh Cyrillic: the stem plus any case suffix (қаңтардағы, наурызда, желтоқсанның).
_KK: tuple[str, ...] = (
    r"қаңтар\w*",
    r"ақпан\w*",
    r"наурыз\w*",
    r"сәуір\w*",
    r"мамыр\w*",
    r"маусым\w*",
    r"шілде\w*",
    r"тамыз\w*",
    r"қыркүйек\w*",
    r"қазан\w*",
    r"қараша\w*",
    r"желтоқсан\w*",
)

# Kazakh Latin (2021 alphabet) and the plain-ASCII spellings sites use instead.
_KK_LATIN: tuple[str, ...] = (
    r"(?:qańtar|qantar)\w*",
    r"aqpan\w*",
    r"(?:naýryz|nauryz)\w*",
    r"(?:sáýir|sauir)\w*",
    r"mamyr\w*",
    r"(?:maýsym|mausym)\w*",
    r"shilde\w*",
    r"tamyz\w*",
    r"(?:qyrkúiek|qyrkuiek|qyrkúyek|qyrkuyek)\w*",
    r"qazan\w*",
    r"qarasha\w*",
    r"(?:jeltoqsan|zheltoqsan)\w*",
)

_EN: tuple[str, ...] = (
    r"jan(?:uary)?",
    r"feb(?:ruary)?",
    r"mar(?:ch)?",
    r"apr(?:il)?",
    r"may",
    r"june?",
    r"july?",
    r"aug(?:ust)?",
    r"sep(?:t(?:ember)?)?",
    r"oct(?:ober)?",
    r"nov(?:ember)?",
    r"dec(?:ember)?",
)

# German, French, Spanish, Italian, Portuguese, Dutch: full names only (their abbreviations clash).
_WEST: tuple[str, ...] = (
    r"januar|janvier|enero|gennaio|janeiro|januari",
    r"februar|février|fevrier|febrero|febbraio|fevereiro|februari",
    r"märz|maerz|mars|marzo|março|marco|maart",
    r"avril|abril|aprile",
    r"mai|mayo|maggio|maio|mei",
    r"juni|juin|junio|giugno|junho",
    r"juli|juillet|julio|luglio|julho",
    r"août|aout|agosto|augustus",
    r"septembre|septiembre|settembre|setembro",
    r"oktober|octobre|octubre|ottobre|outubro",
    r"novembre|noviembre|novembro",
    r"dezember|décembre|decembre|diciembre|dicembre|dezembro",
)


_PER_MONTH: tuple[str, ...] = tuple("|".join(parts) for parts in zip(_RU, _KK, _KK_LATIN, _EN, _WEST))
_MONTH_FULL: tuple[re.Pattern[str], ...] = tuple(re.compile(rf"(?:{alternatives})\.?") for alternatives in _PER_MONTH)

# One alternation for all months; use inside a larger regex (no capturing groups).
MONTH_PATTERN: str = r"(?<!\w)(?:" + "|".join(_PER_MONTH) + r")\.?(?!\w)"


def month_number(word: str) -> int | None:
    """Month 1-12 for a lower-cased month word matched by MONTH_PATTERN, else None."""
    for number, pattern in enumerate(_MONTH_FULL, start=1):
        if pattern.fullmatch(word):
            return number
    return None
