"""Typed errors raised by the cleaner library; nothing else escapes `clean_html`."""

from __future__ import annotations


class CleanerError(Exception):
    """Base class of every error the cleaners raise on bad input."""


class EmptyInputError(CleanerError):
    """The input is empty or only whitespace."""


class NotHTMLError(CleanerError):
    """The input is binary or has no HTML markup at all."""


class TooLargeError(CleanerError):
    """The input is larger than `CleanOptions.max_bytes`."""


class DecodeError(CleanerError):
    """The bytes cannot be decoded to text with any plausible charset."""


class ExtractionError(CleanerError):
    """An internal stage failed on this page; the message names the stage."""


class ProfileError(ValueError):
    """A site profile is malformed (a programming error, not bad input); the message names it."""
