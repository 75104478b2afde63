"""The `Article` record and its JSON form (see cleaners/article.schema.json)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Article:
    """One cleaned news article; every field but `body` may be empty.

    Attributes:
        url: the URL the page came from, as given.
        canonical_url: `<link rel=canonical>` or `og:url`.
        source: the outlet id of the site profile (`tengrinews.kz`), else the host.
        source_name: the outlet's name from the profile, else `og:site_name`.
        language: the ISO 639-1 code of the body's language (`ru`, `kk`, `en`, `de`, ...), or None
            when the text is too short or mixed to tell.
        title: without the site-name suffix.
        date: publication date, ISO 8601: `YYYY-MM-DD` when the source gives only a day; with the
            outlet's offset when the time is known (a naive time is Asia/Almaty only on a Kazakh
            outlet, else a local time without offset); None when it cannot be trusted (never a guess).
        date_precision: `day` or `time`; None without a date.
        date_source: where the date came from (`profile`, `jsonld`, `meta`, `microdata`,
            `time_element`, `visible_text`, `url`, `htmldate`); None without a date.
        date_modified: last modification, in the same forms as `date`, or None.
        authors: people, not the outlet.
        section: rubric or breadcrumb.
        tags: the page's tags or keywords.
        body: paragraphs separated by one blank line, no boilerplate.
        layout: the profile layout that read the page, `<profile id>@<layout version>`, or `generic`.
        page_kind: `article`, `listing`, `homepage` or `other`; every kind but `article` has an
            empty body and the `not_article` warning, and a date only when the kind was judged on
            the page's evidence rather than named by its URL.
        warnings: what went wrong but still gave a record (the cleaner guide lists each).
    """

    url: str | None = None
    canonical_url: str | None = None
    source: str | None = None
    source_name: str | None = None
    language: str | None = None
    title: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_source: str | None = None
    date_modified: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    body: str = ""
    layout: str = "generic"
    page_kind: str = "article"
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self, *, indent: int | None = None) -> str:
        """JSON with Cyrillic left unescaped."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


FIELDS: tuple[str, ...] = tuple(Article.__dataclass_fields__)
