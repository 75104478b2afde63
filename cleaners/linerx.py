"""Line regexes as cached, faster callables that give exactly what `re.search` gives.

Short-line rules: profiles mark "short lines only" rules with a leading `(?=.{0,N}$)` lookahead, usually followed
by `.*`. Searched as written that costs O(len(line)**2) steps per line (the lookahead and `.*`
are retried at every position). For a line without a newline the lookahead only says "the
match starts in the last N characters" and a leading `.*` only says "somewhere after that", so
the same answer comes from searching the rest of the pattern from offset len(line) - N: linear.

Case-insensitive patterns: see `casefold_search` (the line and pattern are lowercased instead).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

LineTest = Callable[[str], bool]

# `(?i)(?=.{0,250}$)`: optional global flags that leave `.` and `$` alone, then the lookahead.
_SHORT_ONLY = re.compile(r"(\(\?[aiu]+\))?\(\?=\.\{0,(\d+)\}\$\)")
_UNSAFE = re.compile(r"\(\?#|\(\?[a-zA-Z-]*x")  # comments and verbose groups defeat the scan below


def _top_level_bar(rx: str) -> bool:
    """True when rx has a `|` outside every group and character class."""
    depth, i, in_class = 0, 0, False
    while i < len(rx):
        c = rx[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            j = i + 1 + (rx[i + 1 : i + 2] == "^")
            if rx[j : j + 1] == "]":  # `[]...]` / `[^]...]`: the first `]` is a literal
                i = j
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def _tail(rx: str) -> tuple[re.Pattern[str], int] | None:
    """(pattern without the short-line lookahead and leading `.*`, N), or None if rx is not of that form."""
    m = _SHORT_ONLY.match(rx)
    if m is None:
        return None
    rest = rx[m.end() :]
    if _UNSAFE.search(rest) or _top_level_bar(rest):
        return None
    if rest.startswith(".*?"):
        rest = rest[3:]
    elif rest.startswith(".*") and rest[2:3] not in ("*", "+", "?", "{"):
        rest = rest[2:]
    if rest[:1] in ("*", "+", "?", "{"):
        return None
    try:
        return re.compile((m.group(1) or "") + rest), int(m.group(2))
    except re.error:
        return None


@lru_cache(maxsize=1024)
def line_test(rx: str) -> LineTest:
    """A function equal to `bool(re.search(rx, line))`."""
    full = casefold_search(re.compile(rx))
    tail = _tail(rx)
    if tail is None:
        return lambda line: full(line, 0)
    pattern, limit = tail
    search = casefold_search(pattern)

    def test(line: str) -> bool:
        if "\n" in line:
            return full(line, 0)
        return search(line, max(0, len(line) - limit))

    return test


@lru_cache(maxsize=256)
def line_tests(patterns: tuple[str, ...]) -> tuple[LineTest, ...]:
    """`line_test` of each pattern (a profile's `drop_line` or `cut_after`)."""
    return tuple(line_test(rx) for rx in patterns)


# --- case-insensitive searches without re.IGNORECASE ----------------------------------------
# With re.IGNORECASE every literal costs a case-folding comparison and the search cannot skip
# ahead to a literal first character, so a long alternation is tried at every position. When
# every character of a line lowercases 1:1 exactly as the regex engine folds it, searching the
# lowercased line with the lowercased pattern gives the same answer, several times faster.

_CANDIDATES = "".join(
    map(
        chr,
        [*range(0x250), *range(0x400, 0x530), *range(0x2000, 0x2070), *range(0x20A0, 0x20C0), *range(0x2100, 0x2200)],
    )
)
# Sources whose lowercase means the same: no uppercase escapes (\S \W ...), no inline flags or
# named groups, no ranges or escapes inside character classes.
_PLAIN_SOURCE = re.compile(r"(?:[^\\(\[]|\\[sbdw.+*?()\[\]{}|^$\\/-]|\((?!\?)|\(\?(?:[:=!]|<[=!])|\[[^\]\-\\]*\])*")


def _same_class(c: str) -> bool:
    low = c.lower()
    return (
        len(low) == 1
        and low.isalnum() == c.isalnum()
        and low.isspace() == c.isspace()
        and low.isdecimal() == c.isdecimal()
    )


@lru_cache(maxsize=1)
def _lowercase_groups() -> dict[str, frozenset[str]]:
    """Candidates that keep their class when lowercased, grouped by their lowercase (read-only)."""
    groups: dict[str, set[str]] = {}
    for c in _CANDIDATES:
        if _same_class(c):
            groups.setdefault(c.lower(), set()).add(c)
    return {low: frozenset(chars) for low, chars in groups.items()}


@lru_cache(maxsize=4096)
def _inexact_for(p: str) -> frozenset[str] | None:
    """Candidates whose re.IGNORECASE match against p differs from comparing lowercase forms
    (checked with the regex engine itself); None when p itself does not lowercase cleanly."""
    if not _same_class(p):
        return None
    folded = set(re.findall(re.escape(p), _CANDIDATES, re.IGNORECASE))
    return frozenset(folded ^ _lowercase_groups().get(p.lower(), frozenset()))


def _safe_chars(source: str) -> str:
    """Candidate characters that re.IGNORECASE matches against every character of source
    exactly when their lowercase forms are equal."""
    safe = set().union(*_lowercase_groups().values())
    for p in set(source):
        inexact = _inexact_for(p)
        if inexact is None:
            return ""
        safe -= inexact
    return "".join(sorted(safe))


def _char_class(chars: str) -> str:
    """A regex character class body for chars, as ranges."""
    out: list[str] = []
    codes = sorted(map(ord, chars))
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        out.append(re.escape(chr(codes[i])) + (f"-{re.escape(chr(codes[j]))}" if j > i else ""))
        i = j + 1
    return "".join(out)


def _lowered(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], str] | None:
    """(pattern lowercased without IGNORECASE, the characters it is exact for), or None."""
    source, flags = pattern.pattern, pattern.flags
    if not isinstance(source, str) or not flags & re.IGNORECASE or flags & (re.VERBOSE | re.LOCALE | re.ASCII):
        return None
    source = source.removeprefix("(?i)")
    if _PLAIN_SOURCE.fullmatch(source) is None:
        return None
    safe = _safe_chars(source)
    if not safe:
        return None
    try:
        return re.compile(source.lower(), flags & ~re.IGNORECASE), safe
    except re.error:
        return None


@lru_cache(maxsize=256)
def casefold_any(patterns: tuple[re.Pattern[str], ...], needles: tuple[tuple[str, ...], ...] = ()) -> LineTest:
    """A function equal to `any(p.search(line) for p in patterns)`, lowercasing the line once.

    `needles[i]`, when given and not empty, holds lowercase literals one of which every match of
    `patterns[i]` lowercased contains: the search is skipped when the lowercased line has none.
    """
    lowered = [_lowered(p) for p in patterns]
    if any(low is None for low in lowered):
        return lambda line: any(p.search(line) is not None for p in patterns)
    needs = [needles[i] if i < len(needles) else () for i in range(len(patterns))]
    lows = [(low.search, need) for (low, _), need in zip(lowered, needs)]  # type: ignore[misc]
    safe = set.intersection(*(set(chars) for _, chars in lowered))  # type: ignore[misc]
    unsafe = re.compile(f"[^{_char_class(''.join(safe))}]").search

    def search(line: str) -> bool:
        if unsafe(line) is not None:
            return any(p.search(line) is not None for p in patterns)
        low_line = line.lower()
        for low, need in lows:
            if need and not any(map(low_line.__contains__, need)):
                continue
            if low(low_line) is not None:
                return True
        return False

    return search


@lru_cache(maxsize=256)
def casefold_search(pattern: re.Pattern[str]) -> Callable[[str, int], bool]:
    """A function equal to `pattern.search(line, pos) is not None`, faster for case-insensitive patterns."""
    lowered = _lowered(pattern)
    if lowered is None:

        def plain_search(line: str, pos: int = 0) -> bool:
            return pattern.search(line, pos) is not None

        return plain_search
    low, safe = lowered
    unsafe = re.compile(f"[^{_char_class(safe)}]")

    def search(line: str, pos: int = 0) -> bool:
        if unsafe.search(line) is None:
            return low.search(line.lower(), pos) is not None
        return pattern.search(line, pos) is not None

    return search
