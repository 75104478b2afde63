"""Hostile text: every line rule runs in linear time and the rewritten rules accept exactly what the old ones did.

Growth is measured, not wall-clock: the best of a few runs at n and 100n characters; a linear rule
grows about 100x (up to 3x more when the larger input leaves the CPU caches), a quadratic one
10,000x, so the bound GROWTH_MAX leaves room for a loaded machine.
Each call runs under a time budget so a regression fails instead of hanging the suite.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners import clean_text
from cleaners.linerx import line_test
from cleaners.metadata import _TITLE_SEPARATORS
from cleaners.profiles import all_profiles
from cleaners.textfilters import COUNTER, NUMBERS_ONLY, TICKER, UI_LINE
from scrapers.budget import page_budget

GROWTH = 100  # the larger input is this many times the smaller
GROWTH_MAX = 1_000  # t(100n) / t(n): linear ~100, quadratic ~10,000
BUDGET_S = 20.0  # per call: far above any linear run, far below an exponential one
REPEATS = 3
TIME_FLOOR_S = 1e-5  # a shorter run is mostly timer noise

# The rules as they were before they were made linear (exponential and cubic), to compare answers on short lines.
_CURRENCY = r"(?:USD|EUR|RUB|CNY|GBP|KGS|UZS|BYN|TRY|AED|JPY|CHF|BTC|ETH|Brent|WTI|Нефть|Золото|Gold|Oil|\$|€|₽|¥)"
_NUM = r"[-+]?\d+(?:[.,]\d+)?"
OLD_TICKER = re.compile(
    rf"^(?:{_CURRENCY}\s*[:=]?\s*(?:{_NUM}(?:\s*[/↑↓▲▼%]\s*(?:{_NUM})?)*)?\s*[,;|]?\s*)+$", re.IGNORECASE
)
OLD_UI_LINE = re.compile(
    UI_LINE.pattern.replace(r"\s*+[:(]?+\s*+[\d\s]*+\)?$", r"\s*[:(]?\s*[\d\s]*\)?$"), re.IGNORECASE
)
OLD_TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—·:»/]|-{1,2}|::)\s+")
OLD_NUMBERS_ONLY = re.compile(r"^[-+]?\d+(?:[.,]\d+)?(?:\s*[/|↑↓▲▼%]\s*[-+]?\d+(?:[.,]\d+)?)+\s*%?$")
OLD_COUNTER = re.compile(
    r"^(?:[👁💬❤️🔥👍⭐️\s]*)(?:\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:[.,]\d+)?\s*(?:[KkMкК]|тыс\.?|млн\.?)?)$"
)

SPACES = [" ", "\u1680", "\u0085", "\u2028", "\t", "\u00a0", "\n"]
TICKER_TOKENS = [
    "USD",
    "usd",
    "eur",
    "$",
    "Нефть",
    "5",
    "12",
    "-3",
    "+4",
    ".",
    ",",
    ";",
    "|",
    ":",
    "=",
    "/",
    "%",
    "↑",
    "▼",
    "x",
    "1.5",
    "2,5",
    *SPACES,
]
UI_TOKENS = ["Поделиться", "Share", "Просмотров", "views", "1", "23", ":", "(", ")", "x", *SPACES]
NUMBER_TOKENS = ["1", "23", "-", "+", ".", ",", "/", "|", "%", "↑", "▲", "👁", "❤️", "K", "тыс.", "млн", "x", *SPACES]
TITLE_TOKENS = ["Title", "Хабар", "|", "-", "--", "::", ":", "/", "»", "—", "x", *SPACES]


def _line(tokens: list[str], max_size: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(tokens), max_size=max_size).map("".join)


@settings(max_examples=400, deadline=None)
@given(_line(TICKER_TOKENS, 9))
def test_ticker_accepts_what_it_accepted(line: str) -> None:
    assert bool(TICKER.match(line)) == bool(OLD_TICKER.match(line))


@settings(max_examples=400, deadline=None)
@given(_line(UI_TOKENS, 10))
def test_ui_line_accepts_what_it_accepted(line: str) -> None:
    assert bool(UI_LINE.match(line)) == bool(OLD_UI_LINE.match(line))


@settings(max_examples=400, deadline=None)
@given(_line(NUMBER_TOKENS, 12))
def test_number_rules_accept_what_they_accepted(line: str) -> None:
    assert bool(NUMBERS_ONLY.match(line)) == bool(OLD_NUMBERS_ONLY.match(line))
    assert bool(COUNTER.match(line)) == bool(OLD_COUNTER.match(line))


@settings(max_examples=400, deadline=None)
@given(_line(TITLE_TOKENS, 14))
def test_title_separators_split_as_before(title: str) -> None:
    assert _TITLE_SEPARATORS.split(title) == OLD_TITLE_SEPARATORS.split(title)


def _best_time(run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        with page_budget(BUDGET_S):
            run()
        best = min(best, time.perf_counter() - start)
    return best


def _growth(make: Callable[[int], str], check: Callable[[str], object], n: int) -> float:
    small, large = make(n), make(GROWTH * n)
    return _best_time(lambda: check(large)) / max(_best_time(lambda: check(small)), TIME_FLOOR_S)


def _pumped(prefix: str, pump: str) -> Callable[[int], str]:
    """A line of about n characters: prefix, pump repeated, and a character no rule expects at the end."""
    return lambda n: prefix + pump * (n // len(pump)) + "§"


# (prefix, pump): the attacks of issue 16 and the runs every rule family must survive.
ATTACKS = [
    ("", "USD "),
    ("", "USD: 1 / "),
    ("Поделиться", "\u1680"),
    ("Share", "\u0085"),
    ("Views", "\u2028"),
    ("Фото", "\u1680"),
    ("", "1 "),
    ("", "1."),
    ("", "1/"),
    ("", "👁 "),
    ("", "- "),
    ("Title", " \u1680"),
    ("Читайте также", " "),
    ("Текст.", " Фото"),
    ("", "Aa. "),
    ("", "« "),
    ("Подписаться", "\u2028"),
]


@pytest.mark.parametrize(("prefix", "pump"), ATTACKS)
def test_clean_text_grows_linearly_10k_1m(prefix: str, pump: str) -> None:
    assert _growth(_pumped(prefix, pump), clean_text, 10_000) < GROWTH_MAX


def test_issue_attacks_come_back() -> None:
    with page_budget(BUDGET_S):
        assert clean_text("USD " * 14 + "x") == ("USD " * 14 + "x").strip()
        assert clean_text("Поделиться" + "\u1680" * 2000 + "x").startswith("Поделиться")
        assert clean_text("USD: 503.9 / 506.9\nТекст.") == "Текст."


PROFILE_RULES = sorted(
    {
        rx
        for profile in all_profiles()
        for layout in profile.layouts
        for rx in (*layout.rules.drop_line, *layout.rules.cut_after)
    }
)


@pytest.mark.parametrize("pump", ["\u1680", " ", "1"])
@pytest.mark.parametrize("rx", PROFILE_RULES, ids=[f"rule{i}" for i in range(len(PROFILE_RULES))])
def test_profile_rules_grow_linearly(rx: str, pump: str) -> None:
    words = re.findall(r"\w{3,}", rx)
    prefix = words[0] if words else ""
    assert _growth(_pumped(prefix, pump), line_test(rx), 1_000) < GROWTH_MAX
