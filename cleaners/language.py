"""Language of an article: the ISO 639-1 code of its main language, or None when too short to tell.

A statistical model (`langid.identify`, fastText lid.176) proposes; cheap letter evidence
(`letters.py`) vetoes what the letters rule out and decides Kazakh, which the model alone
confuses with Kyrgyz, Tatar and (in Latin script) Turkish; the outlet edition's or `<html lang>`
language is a prior for short or uncertain text.
"""

from __future__ import annotations

from .langid import identify
from .letters import Letters, count_letters, cyrillic_by_letters, strangers

BODY_FOR_LANGUAGE = 200  # a body this long speaks for the page alone (a headline in another language is ignored)
EVIDENCE_CHARS = 3000  # letters are counted on this much of the text
MIN_LETTERS = 20  # below this, the prior (or None)
OUTRIGHT_LETTERS = 100  # the letters alone decide only a text this long (the model is cheap on shorter ones)
KK_BODY_OWN, KK_BODY_ONLY = 0.05, 0.015  # shares of ә ғ қ ұ һ і and of қ ұ that make a body Kazakh outright
KK_MIN_OWN = 0.01  # the share of ә ғ қ ұ һ і below which the model's "kk" is not believed
LATIN_Q, LATIN_TURKIC = 0.01, 0.01  # shares of q and of Kazakh Latin Turkic letters for Kazakh Latin
STRANGER_SHARE, STRANGER_MIN = 0.01, 2  # letters foreign to a language tolerated (quotes, names)
CONFIDENT = 0.5  # below this probability, a prior among the candidates wins
UNSURE = 0.2  # below this, no answer but the prior
SURE = 0.9  # a non-Turkic guess this probable overrules Kazakh Latin letters (an English text naming Qazaqstan)
TURKIC = frozenset({"kk", "tr", "az", "uz", "tk", "ky", "tt", "ba"})
_ALIASES = {
    "kz": "kk",
    "kaz": "kk",
    "qq": "kk",
    "rus": "ru",
    "eng": "en",
    "ua": "uk",
    "ukr": "uk",
    "bel": "be",
    "kir": "ky",
    "kgz": "ky",
    "tat": "tt",
    "uzb": "uz",
    "tur": "tr",
    "aze": "az",
    "tuk": "tk",
    "mon": "mn",
    "deu": "de",
    "ger": "de",
    "fra": "fr",
    "fre": "fr",
    "spa": "es",
    "zho": "zh",
    "chi": "zh",
    "ara": "ar",
}


def detect_language(text: str, html_lang: str | None = None) -> str | None:
    """The main language of `text`; `html_lang` (the edition's or `<html lang>`) is the prior."""
    prior = normalize_lang(html_lang)
    window = text[:EVIDENCE_CHARS]
    letters = count_letters(window)
    if letters.total < MIN_LETTERS:
        return prior
    if letters.total >= OUTRIGHT_LETTERS and letters.cyrillic_script:
        if _kazakh_outright(letters):
            return "kk"
        if _russian_outright(letters):
            return "ru"
    guesses = identify(window)
    if not letters.cyrillic_script and _kazakh_latin(letters) and _not_sure_otherwise(guesses):
        return "kk"  # the model knows Kazakh in Cyrillic only
    consistent = [(code, p) for code, p in guesses if _possible(code, letters)]
    if not consistent:
        fallback = cyrillic_by_letters(letters) if letters.cyrillic_script else None
        return fallback or (prior if prior and _possible(prior, letters) else None)
    best, probability = consistent[0]
    if probability < CONFIDENT and prior in dict(consistent):
        return prior
    if probability < UNSURE:
        return prior if prior and _possible(prior, letters) else None
    return best


def _kazakh_outright(letters: Letters) -> bool:
    """Kazakh by its letters alone: Cyrillic dense in ә ғ қ ұ һ і, with қ ұ (no other language has both)."""
    return (
        letters.kk_own >= KK_BODY_OWN * letters.cyrillic
        and letters.kk_only >= KK_BODY_ONLY * letters.cyrillic
        and _fits(letters, "kk")
    )


def _russian_outright(letters: Letters) -> bool:
    """Russian by its letters alone: the Russian alphabet only (but a few letters of names or quotes)
    and ы, which Bulgarian, Ukrainian, Serbian and Macedonian lack; every other Cyrillic language
    with ы (Belarusian, Kazakh, Kyrgyz, Tatar, Mongolian...) writes letters of its own too."""
    return letters.yeru > 0 and strangers(letters, "ru") <= STRANGER_SHARE * letters.cyrillic


def _kazakh_latin(letters: Letters) -> bool:
    q, turkic, schwa = letters.kazakh_latin_marks()
    return q >= LATIN_Q * letters.latin and turkic >= max(1, LATIN_TURKIC * letters.latin) and not schwa


def _not_sure_otherwise(guesses: list[tuple[str, float]]) -> bool:
    return not guesses or guesses[0][1] < SURE or guesses[0][0] in TURKIC


def _fits(letters: Letters, language: str) -> bool:
    """Does the text use (almost) no Cyrillic letter the language's alphabet lacks?"""
    return strangers(letters, language) <= max(STRANGER_MIN, STRANGER_SHARE * letters.cyrillic)


def _possible(language: str, letters: Letters) -> bool:
    """Can the text be in `language`, judging by its letters?"""
    if language == "kk":
        if not letters.cyrillic_script:
            return False  # Kazakh Latin was decided before
        return letters.kk_own >= KK_MIN_OWN * letters.cyrillic and letters.kk_only > 0 and _fits(letters, "kk")
    return _fits(letters, language)


def normalize_lang(value: str | None) -> str | None:
    """`ru-RU`, `kz`, `kaz`, `de_DE`, `ukr`... as an ISO 639-1 code, or None."""
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    code = _ALIASES.get(code, code)
    return code if len(code) == 2 and code.isascii() and code.isalpha() else None
