"""One options object for the whole pipeline, instead of many keyword arguments."""

from __future__ import annotations

from dataclasses import dataclass

EARLIEST_YEAR = 1991  # the first year a Kazakh outlet can date a story (independence); earlier dates are wrong


@dataclass(frozen=True)
class CleanOptions:
    """Limits and switches of `clean_html`; the defaults suit news pages.

    Attributes:
        max_bytes: larger inputs (also after inflating gzip) raise `TooLargeError`.
        max_depth: elements nested deeper are flattened before extraction (`deep_nesting_flattened`).
        min_body_chars: shorter bodies get the `body_short` warning.
        use_profiles: False forces the generic path, without site profiles (benchmarks).
        min_year: dates before this year become null with `date_too_old` (KZ outlets publish nothing older).
        future_slack_hours: tolerated clock skew or time-zone error before a date counts as `date_future`.
    """

    max_bytes: int = 10 * 1024 * 1024
    max_depth: int = 512
    min_body_chars: int = 200
    use_profiles: bool = True
    min_year: int = EARLIEST_YEAR
    future_slack_hours: float = 36.0


DEFAULT_OPTIONS = CleanOptions()
