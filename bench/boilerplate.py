"""Boilerplate check: which lines of an extracted body are known boilerplate.

A body line is boilerplate when either

* the project's text filter (`cleaners.textfilters.filter_lines` with the shared rules plus the
  outlet profile's `drop_line` rules) would drop or trim it, or
* it contains a text piece (>= `MIN_JUNK_CHARS` characters) of an element that the outlet
  profile's `junk` selectors match inside the profile's body element on that page, unless that
  piece also occurs in the reference body (then it is article text repeated in chrome).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from cleaners.blocks import paragraphs
from cleaners.normalize import normalize_line
from cleaners.pipeline import choose_layout
from cleaners.profiles import profile_for_url
from cleaners.textfilters import FilterRules, filter_lines

NO_OUTLET_RULES = FilterRules()  # the generic line rules only
MIN_JUNK_CHARS = 20


@dataclass(frozen=True)
class PageJunk:
    """What counts as boilerplate on one page: filter rules and the junk-selector texts."""

    rules: FilterRules = FilterRules()
    junk: tuple[str, ...] = ()
    excluded: int = 0  # junk pieces dropped because the reference body contains them


def page_junk(html: str, url: str | None, reference: str = "") -> PageJunk:
    """The outlet's drop_line rules and the junk-selector texts (>= 20 chars) inside its body element."""
    profile = profile_for_url(url)
    if profile is None:
        return PageJunk()
    tree = LexborHTMLParser(html)
    layout = choose_layout(tree, profile)
    if layout is None:
        return PageJunk()
    pieces: list[str] = []
    for selector in layout.body:
        nodes = tree.css(selector.partition("@")[0])
        if not nodes:
            continue
        for node in nodes:
            for sel in layout.junk:
                for junk in node.css(sel):
                    pieces.extend(p for p in paragraphs(junk) if len(p) >= MIN_JUNK_CHARS)
        break
    ref = _flat(reference)
    kept = tuple(dict.fromkeys(p for p in pieces if p not in ref))
    excluded = len(set(pieces)) - len(kept)
    return PageJunk(FilterRules(drop_line=layout.rules.drop_line), kept, excluded)


def _flat(text: str) -> str:
    return " ".join(normalize_line(x) for x in text.split("\n") if x.strip())


def filter_flags(body: str, rules: FilterRules = NO_OUTLET_RULES) -> list[str]:
    """Body lines (normalised) that `filter_lines` drops or changes."""
    lines = [normalize_line(x) for x in body.split("\n")]
    kept = Counter(x for x in filter_lines(lines, rules) if x)
    flagged: list[str] = []
    for line in lines:
        if not line:
            continue
        if kept[line] > 0:
            kept[line] -= 1
        else:
            flagged.append(line)
    return flagged


def boilerplate_lines(body: str, junk: PageJunk) -> list[tuple[str, str]]:
    """(reason, line) for every boilerplate line of `body`; reason is "filter" or "junk"."""
    out: list[tuple[str, str]] = [("filter", line) for line in filter_flags(body, junk.rules)]
    seen = {line for _, line in out}
    for raw in body.split("\n"):
        line = normalize_line(raw)
        if line and line not in seen and any(piece in line for piece in junk.junk):
            out.append(("junk", line))
            seen.add(line)
    return out
