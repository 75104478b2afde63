"""Language of an article: ru, kk (Cyrillic or Latin) or en."""
from __future__ import annotations

import re
from itertools import islice

_KK_CYR = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
_CYR = "".join(map(chr, range(0x430, 0x450))) + "ё" + "".join(map(chr, range(0x410, 0x430))) + "Ё"  # [а-яёА-ЯЁ]
_LAT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Letters are counted on the text encoded as KZ-1048 (ignoring what it cannot encode): the codec
# maps characters to bytes one-to-one and holds all three sets, so each count is a byte count.
_CODEC = "kz1048"
_BYTES = {name: letters.encode(_CODEC) for name, letters in (("cyr", _CYR), ("kk", _KK_CYR), ("lat", _LAT))}
# Kazakh Latin (2017-2021 alphabets): letters and very common words.
_KK_LAT_LETTERS = re.compile(r"[áǵńóúýışğñöūüäÁǴŃÓÚÝŞĞÑÖŪÜÄ]")
_KK_LAT_WORDS = re.compile(r"\b(?:jáne|men|bul|osy|degen|boıynsha|bolyp|jyl|qazaq|Qazaqstan|tural|ushin|úshin|da|de|bar)\b", re.I)
_EN_WORDS = re.compile(r"\b(?:the|and|of|to|in|is|that|for|was|with|on|said)\b", re.I)


def _letter_counts(text: str) -> tuple[int, int, int]:
    """How many characters of text are Russian-alphabet, Kazakh-only and Latin letters."""
    raw = text.encode(_CODEC, "ignore")
    size = len(raw)
    return tuple(size - len(raw.translate(None, _BYTES[name])) for name in ("cyr", "kk", "lat"))  # type: ignore[return-value]


def detect_language(text: str, html_lang: str | None = None) -> str | None:
    """ru/kk/en from the letters of the text, with `<html lang>` as a tie-breaker."""
    sample = text[:20000]
    cyr, kk, lat = _letter_counts(sample)
    hint = normalize_lang(html_lang)
    if cyr + kk + lat < 20:
        return hint
    if cyr + kk >= lat:
        letters = cyr + kk
        return "kk" if kk / letters > 0.012 else "ru"
    if _KK_LAT_LETTERS.search(sample) and len(_KK_LAT_WORDS.findall(sample)) > len(_EN_WORDS.findall(sample)):
        return "kk"
    if next(islice(_EN_WORDS.finditer(sample), 2, None), None) is not None:  # three English words
        return "en"
    return hint


def normalize_lang(value: str | None) -> str | None:
    """Map `ru-RU`, `kz`, `kaz`, `qq`... to ru/kk/en, or None."""
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return {"ru": "ru", "rus": "ru", "kk": "kk", "kz": "kk", "kaz": "kk", "qq": "kk", "en": "en", "eng": "en"}.get(code)
