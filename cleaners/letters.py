"""Letter evidence for language identification: script totals, Cyrillic letters beyond Russian's, Kazakh Latin.

Cheap counts that the statistical model gets wrong on its own: Kazakh in Latin script (the model
knows only Cyrillic Kazakh), Kazakh against Kyrgyz and Tatar, Russian against Uzbek Cyrillic.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

_RU_CYR = "".join(map(chr, range(0x430, 0x450))) + "ё" + "".join(map(chr, range(0x410, 0x430))) + "Ё"  # [а-яёА-ЯЁ]
_LAT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Counts are byte counts on the text encoded as KZ-1048 (ignoring what it cannot encode): the
# codec maps each letter it holds to one byte, and bytes.translate counts a set in one C pass.
_CODEC = "kz1048"

# Cyrillic letters beyond the Russian alphabet, per language that uses them (lower case).
CYRILLIC_EXTRAS: dict[str, str] = {
    "ru": "",
    "bg": "",
    "uk": "іїєґ",
    "be": "іў",
    "kk": "әғқңөұүһі",
    "ky": "ңөү",
    "tt": "әөүҗңһ",
    "ba": "әғҡңөҙҫүһ",
    "uz": "ўқғҳ",
    "tg": "ғӣқӯҳҷ",
    "mn": "өү",
    "sr": "ђјљњћџ",
    "mk": "ѓќѕјљњџ",
}
KK_OWN = "әғқұһі"  # Kazakh letters that Kyrgyz lacks (ң ө ү are shared)
KK_ONLY = "құ"  # Kazakh letters that no other language of CYRILLIC_EXTRAS uses together
_EXTRAS = "".join(sorted(set("".join(CYRILLIC_EXTRAS.values()))))
_FOREIGN_TO_KK = "".join(c for c in _EXTRAS if c not in CYRILLIC_EXTRAS["kk"])


def _bytes(letters: str) -> bytes:
    """The KZ-1048 bytes of `letters` in both cases (those the codec holds)."""
    return (letters + letters.upper()).encode(_CODEC, "ignore")


def _unencodable(letters: str) -> str:
    return "".join(c for c in letters if not c.encode(_CODEC, "ignore"))


_RU, _LATIN, _YERU = _bytes(_RU_CYR), _bytes(_LAT), _bytes("ы")
_KK_ALL, _KK_OWN, _KK_ONLY, _FOREIGN_BYTES = (
    _bytes(s) for s in (CYRILLIC_EXTRAS["kk"], KK_OWN, KK_ONLY, _FOREIGN_TO_KK)
)
_FOREIGN_RX = re.compile(f"[{_unencodable(_FOREIGN_TO_KK)}{_unencodable(_FOREIGN_TO_KK).upper()}]")
_EXTRAS_RX = re.compile(f"[{_EXTRAS}{_EXTRAS.upper()}]")
# Kazakh Latin (2018 acute-accent and 2021 alphabets). `q` is frequent in Kazakh (қ) and absent from
# Turkish and Turkmen; the Turkic letters below are absent from Uzbek and Spanish; `ə` marks Azerbaijani.
_KK_LAT_RX = re.compile("[qQǵǴńŃıýÝūŪäÄöÖüÜşŞğĞəƏ]")
_KK_LAT_TURKIC = "ǵńıýūäöüşğ"


def _in(raw: bytes, letters: bytes) -> int:
    return len(raw) - len(raw.translate(None, letters))


@dataclass(frozen=True)
class Letters:
    """Letter counts of a text sample; the per-letter counts are computed when first asked for."""

    text: str = field(repr=False)
    cyrillic: int  # Cyrillic letters (the Russian alphabet and CYRILLIC_EXTRAS)
    latin: int  # ASCII letters
    yeru: int  # ы ("ы" is Russian, Belarusian, Kazakh, Kyrgyz... but not Bulgarian or Ukrainian)
    kk_all: int  # ә ғ қ ң ө ұ ү һ і
    kk_own: int  # ә ғ қ ұ һ і
    kk_only: int  # қ ұ
    foreign_to_kk: int  # Cyrillic extras that Kazakh does not use (ў ї є ҳ ҷ ...)

    @property
    def total(self) -> int:
        return self.cyrillic + self.latin

    @property
    def cyrillic_script(self) -> bool:
        return self.cyrillic > self.latin

    @cached_property
    def extras(self) -> Counter[str]:
        """Each Cyrillic letter beyond the Russian alphabet, lower case, with its count."""
        return Counter(c.lower() for c in _EXTRAS_RX.findall(self.text))

    def kazakh_latin_marks(self) -> tuple[int, int, int]:
        """(q, Kazakh Latin Turkic letters, ə) counts."""
        marks = Counter(c.lower() for c in _KK_LAT_RX.findall(self.text))
        return marks["q"], sum(marks[c] for c in _KK_LAT_TURKIC), marks["ə"]


def count_letters(text: str) -> Letters:
    """Script totals and the Kazakh letter groups of `text`."""
    raw = text.encode(_CODEC, "ignore")
    ru, lat = _in(raw, _RU), _in(raw, _LATIN)
    kk_all = _in(raw, _KK_ALL) if ru else 0
    foreign = _in(raw, _FOREIGN_BYTES) if ru else 0
    if ru and len(raw) < len(text):
        foreign += len(_FOREIGN_RX.findall(text))
    return Letters(
        text,
        ru + kk_all + foreign,
        lat,
        _in(raw, _YERU),
        kk_all,
        _in(raw, _KK_OWN) if kk_all else 0,
        _in(raw, _KK_ONLY) if kk_all else 0,
        foreign,
    )


def strangers(letters: Letters, language: str) -> int:
    """How many letters of the text the language's Cyrillic alphabet lacks (0 for an unlisted language)."""
    own = CYRILLIC_EXTRAS.get(language)
    if own is None:
        return 0
    if language == "kk":
        return letters.foreign_to_kk
    if language in ("ru", "bg"):
        return letters.kk_all + letters.foreign_to_kk
    return sum(n for c, n in letters.extras.items() if c not in own)


def cyrillic_by_letters(letters: Letters) -> str | None:
    """The listed language whose extra letters cover the text's best (the smallest such alphabet on ties)."""
    if not letters.kk_all + letters.foreign_to_kk:
        return None
    return max(CYRILLIC_EXTRAS, key=lambda lang: (-strangers(letters, lang), -len(CYRILLIC_EXTRAS[lang])))
