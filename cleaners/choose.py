"""Safety nets of the generic path: choose between candidate extractions on evidence.

The pruned extraction (`generic.generic_body`) is precise, but pruning by class names can
remove a real body (a wrapper class with a junk token, a body split over many `widget` blocks)
and leave the site's header chrome. Two pieces of evidence catch that: the page's own paragraph
text (a pruned text far shorter than it is suspect) and, where the page has one, the JSON-LD
`articleBody` (a text that covers little of it is wrong).
"""

from __future__ import annotations

import re
from collections import Counter

MIN_TEXT_CHARS = 500  # a precision text shorter than this is always checked
SUSPECT_SHARE = 0.4  # a pruned text under this share of the page's paragraph text is checked again
SUSPECT_TEXT_SHARE = 0.2  # ... or under this share of all the page's text (bodies not in <p>)
SUSPECT_PRUNED_SHARE = 0.4  # ... or under this share of the pruned page's text (the precision pass dropped blocks)
MIN_SUSPECT_PAGE = 1_000  # pages with less paragraph text than this are not second-guessed by length
MIN_RESCUE_CHARS = 200  # a less pruned page's text shorter than this is chrome, not a rescued body
RESCUE_GAIN = 1.5  # a less pruned extraction wins when it is at least this many times longer
MIN_REFERENCE_CHARS = 400  # a shorter articleBody is a teaser, not evidence
REFERENCE_COVERED = 0.6  # a candidate covering this share of the articleBody's words is trusted
REFERENCE_FALLBACK = 0.3  # when no candidate covers this much, the articleBody itself is the body
_WORD = re.compile(r"\w+")


def words(text: str) -> Counter[str]:
    """Bag of lower-cased word tokens."""
    return Counter(_WORD.findall(text.lower()))


def coverage(candidate: str, reference: Counter[str]) -> float:
    """Share of the reference's word tokens that the candidate also has (bag-of-words recall)."""
    total = sum(reference.values())
    if not total:
        return 0.0
    return sum((words(candidate) & reference).values()) / total


def suspect(text: str, para_chars: int, text_chars: int, pruned_chars: int = 0) -> bool:
    """Is a pruned extraction short enough to be checked: absolutely, or next to the page's
    paragraph text, all its text, or the text left after pruning (a body in <div>/<span>/<li>
    blocks that the precision pass dropped)?"""
    if len(text) < MIN_TEXT_CHARS:
        return True
    if para_chars >= MIN_SUSPECT_PAGE and len(text) < SUSPECT_SHARE * para_chars:
        return True
    if pruned_chars >= MIN_SUSPECT_PAGE and len(text) < SUSPECT_PRUNED_SHARE * pruned_chars:
        return True
    return text_chars >= MIN_SUSPECT_PAGE and len(text) < SUSPECT_TEXT_SHARE * text_chars


def better_of(text: str, other: str, reference: Counter[str] | None, same_page: bool = False) -> str:
    """The text that covers more of the articleBody; without one, `other` (a less strict extraction)
    when `text` is very short and this is the same pruned page, or when `other` is clearly longer
    and more than a scrap (a less pruned page's scrap is its chrome)."""
    if reference is not None:
        return other if coverage(other, reference) > coverage(text, reference) else text
    if same_page and len(text) < MIN_TEXT_CHARS:
        return max(text, other, key=len)
    return other if len(other) >= max(RESCUE_GAIN * len(text), MIN_RESCUE_CHARS) else text
