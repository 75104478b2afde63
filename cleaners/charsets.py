"""Is a decoded page plausible text? Catches the mislabels that decode without an error.

A wrong single-byte charset still gives letters, but the wrong letters: cp1251 read as Latin-1
is mostly À-ÿ, a KOI8-R ⇄ cp1251 swap shuffles the Cyrillic letters (the most frequent ones,
о е а и н т..., stop being the most frequent), and Kazakh
KZ-1048 read as cp1251 shows Macedonian/Serbian letters (Ќ ѕ Ћ) instead of Қ ң һ.
"""

from __future__ import annotations

import re

SAMPLE_CHARS = 200_000
MIN_LETTERS = 50  # fewer letters than this: too little to judge
MAX_LATIN_SHARE = 0.3  # of letters in À-ÿ: real ru/kk/en text stays far below
MIN_FREQUENT_SHARE = 0.48  # of Cyrillic letters among _FREQUENT: real ru/kk pages >= 0.57, swapped ones <= 0.40
MIN_FOREIGN = 5  # Ќ ѕ Ћ ... letters no ru/kk page uses, one KZ-1048 page has them on every line
SINGLE_BYTE_CYRILLIC = ("cp1251", "koi8-r", "kz1048")

_LETTER = re.compile(r"[^\W\d_]")
_LATIN_HIGH = re.compile(r"[\u00c0-\u00ff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_FREQUENT = re.compile("[оеаинтсрвлыОЕАИНТСРВЛЫ]")  # the most frequent letters of Russian and Kazakh text
_FOREIGN = re.compile(r"[ЌќЋћЏџЅѕЂђ]")


def implausible(text: str) -> bool:
    """True when the text looks like a single-byte page decoded with the wrong charset."""
    sample = text[:SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    if letters < MIN_LETTERS:
        return False
    if len(_LATIN_HIGH.findall(sample)) > letters * MAX_LATIN_SHARE:
        return True
    cyrillic = len(_CYRILLIC.findall(sample))
    if cyrillic >= MIN_LETTERS and len(_FREQUENT.findall(sample)) < cyrillic * MIN_FREQUENT_SHARE:
        return True
    return len(_FOREIGN.findall(sample)) >= MIN_FOREIGN


def redecode(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) of the first single-byte Cyrillic charset that gives plausible text, else None."""
    for encoding in SINGLE_BYTE_CYRILLIC:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not implausible(text):
            return text, encoding
    return None
