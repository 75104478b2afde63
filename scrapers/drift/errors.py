"""The one error of layout induction: a refusal with its reason (exit status 2 in the CLI)."""

from __future__ import annotations


class SuggestError(Exception):
    """The pages cannot give a trustworthy layout; the message says why."""
