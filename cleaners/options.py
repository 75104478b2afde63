"""One options object for the whole pipeline, instead of many keyword arguments."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CleanOptions:
    """Limits and switches of `clean_html`; the defaults suit news pages."""

    max_bytes: int = 10 * 1024 * 1024  # larger inputs raise TooLargeError
    max_depth: int = 512  # deeper elements are flattened before extraction
    min_body_chars: int = 200  # shorter bodies get the `body_short` warning
    use_profiles: bool = True  # False forces the generic path (benchmarks)
    min_year: int = 1991  # KZ outlets publish nothing older
    future_slack_hours: float = 36.0  # tolerated clock skew / time-zone error


DEFAULT_OPTIONS = CleanOptions()
