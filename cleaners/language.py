"""Language of an article: ru, kk (Cyrillic or Latin) or en."""
from __future__ import annotations

import re

_KK_CYR = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_CYR = re.compile(r"[а-яёА-ЯЁ]")
_LAT = re.compile(r"[a-zA-Z]")
# Kazakh Latin (2017-2021 alphabets): letters and very common words.
_KK_LAT_LETTERS = re.compile(r"[áǵńóúýışğñöūüäÁǴŃÓÚÝŞĞÑÖŪÜÄ]")
_KK_LAT_WORDS = re.compile(r"\b(?:jáne|men|bul|osy|degen|boıynsha|bolyp|jyl|qazaq|Qazaqstan|tural|ushin|úshin|da|de|bar)\b", re.I)
_EN_WORDS = re.compile(r"\b(?:the|and|of|to|in|is|that|for|was|with|on|said)\b", re.I)


def detect_language(text: str, html_lang: str | None = None) -> str | None:
    """ru/kk/en from the letters of the text, with `<html lang>` as a tie-breaker."""
    sample = text[:20000]
    cyr = len(_CYR.findall(sample))
    kk = len(_KK_CYR.findall(sample))
    lat = len(_LAT.findall(sample))
    hint = normalize_lang(html_lang)
    if cyr + kk + lat < 20:
        return hint
    if cyr + kk >= lat:
        letters = cyr + kk
        return "kk" if kk / letters > 0.012 else "ru"
    if _KK_LAT_LETTERS.search(sample) and len(_KK_LAT_WORDS.findall(sample)) > len(_EN_WORDS.findall(sample)):
        return "kk"
    if len(_EN_WORDS.findall(sample)) >= 3:
        return "en"
    return hint


def normalize_lang(value: str | None) -> str | None:
    """Map `ru-RU`, `kz`, `kaz`, `qq`... to ru/kk/en, or None."""
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return {"ru": "ru", "rus": "ru", "kk": "kk", "kz": "kk", "kaz": "kk", "qq": "kk", "en": "en", "eng": "en"}.get(code)
