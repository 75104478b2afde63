"""`kaznews check-live --suggest`: on FAIL, record the fetched pages as fixtures and suggest a layout."""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote, urlsplit

from cleaners.article import Article
from cleaners.cli_fixtures import fixtures_root
from cleaners.fixtures import load_meta
from cleaners.pipeline import clean_html
from cleaners.profiles import profile_by_id

from ..items import Page
from .errors import SuggestError
from .induce import suggest
from .inputs import older_pages, profile_path
from .report import format_suggestion
from .samples import Sample

_SLUG = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 40


def add_suggest_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--suggest",
        action="store_true",
        help="on FAIL: record the fetched pages as fixtures and suggest a layout from them",
    )


def fixture_name(url: str, day: str, taken: set[str]) -> str:
    """`live-2026-12-03-almatyi-nazvali-sroki`: the capture day and the URL's last path segment."""
    last = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]).lower()
    slug = _SLUG.sub("-", last).strip("-")[:MAX_SLUG].strip("-") or "page"
    name, n = f"live-{day}-{slug}", 2
    while name in taken:
        name, n = f"live-{day}-{slug}-{n}", n + 1
    taken.add(name)
    return name


def record_pages(pages: Sequence[Page], outlet: str, root: Path) -> list[Sample]:
    """Store each page (as served) with a `saved` meta entry, unreviewed; returns them as samples."""
    folder = root / outlet
    folder.mkdir(parents=True, exist_ok=True)
    meta = load_meta(folder)
    taken = set(meta) | {p.name.split(".")[0] for p in folder.iterdir()}
    samples = []
    for page in pages:
        name = fixture_name(page.url, page.fetched_at[:10], taken)
        (folder / f"{name}.html").write_bytes(page.body)
        meta[name] = {
            "url": page.url,
            "captured": page.fetched_at[:10],
            "provenance": "saved",
            "origin": f"fetched by kaznews check-live --suggest from {page.fetched_url}",
            "fetched_at": page.fetched_at,
            "reviewed": False,
        }
        samples.append(Sample(f"{name}.html", page.body, page.url, page.fetched_at))
    (folder / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return samples


def _write_drafts(root: Path, outlet: str, samples: list[Sample], articles: list[Article]) -> None:
    for sample, article in zip(samples, articles):
        path = root / outlet / sample.name.replace(".html", ".json")
        path.write_text(json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def after_failure(args: argparse.Namespace, outlet: str, pages: Sequence[Page]) -> None:
    """With --suggest: the failing outlet's pages become draft fixtures, and a layout is suggested from them."""
    if not getattr(args, "suggest", False) or not pages:
        return
    root = fixtures_root(args.fixtures, "check-live --suggest", create=True)
    samples = record_pages(pages, outlet, root)
    print(f"recorded {len(samples)} pages as unreviewed fixtures in {root / outlet}")
    profile = profile_by_id(outlet)
    try:
        found = suggest(samples, outlet, profile, older_pages(root, outlet, samples))
    except SuggestError as exc:
        print(f"kaznews check-live --suggest: {outlet}: no layout proposed: {exc}", flush=True)
        _write_drafts(root, outlet, samples, [clean_html(s.body, s.url, fetched_at=s.fetched_at) for s in samples])
        return
    _write_drafts(root, outlet, samples, found.articles)
    try:
        where = str(profile_path(outlet))
    except SuggestError:
        where = f"the profile of {outlet}"
    print(format_suggestion(found, where), flush=True)
    print(
        f"next: paste the layout (or `kaznews profile suggest {outlet} --unreviewed --write`), review the drafts"
        f" (kaznews fixtures review --outlet {outlet}), then kaznews fixtures check",
        flush=True,
    )
