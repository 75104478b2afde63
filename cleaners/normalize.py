"""Unicode and whitespace normalisation of extracted text."""

from __future__ import annotations

import re
import unicodedata

# Invisible characters (soft hyphen, zero-width, BOM, Mongolian vowel separator) and C0 controls but \t \n \r.
_DROPPED = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")  # any space but " "


def normalize_line(line: str) -> str:
    """NFC, no invisible characters, single spaces, stripped."""
    line = unicodedata.normalize("NFC", line)
    # Every dropped character and every space but " " is unprintable: most lines skip both regexes.
    if not line.isprintable():
        line = _DROPPED.sub("", line)
        if _ODD_SPACE.search(line):
            return _SPACES.sub(" ", line).strip()
    if "  " in line:
        line = _SPACES.sub(" ", line)
    return line.strip()


def join_paragraphs(paragraphs: list[str]) -> str:
    """Body text: non-empty normalised paragraphs separated by one blank line."""
    out = [normalize_line(p) for p in paragraphs]
    return "\n\n".join(p for p in out if p)
