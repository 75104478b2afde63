"""Sample pages from saved files, fixture folders, URLs (fetched with the project's stack) or fixtures."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from typing import Any

from cleaners.cli import iter_inputs, read_input
from cleaners.errors import CleanerError
from cleaners.fixtures import iter_fixtures, load_meta, page_name
from cleaners.select import ParsedPage

from .errors import SuggestError
from .samples import Sample, page_url

URL_SCHEMES = ("http://", "https://")


def _from_file(path: Path) -> Sample:
    try:
        body = read_input(path)
    except (OSError, CleanerError) as exc:
        raise SuggestError(f"cannot read {path}: {exc}") from exc
    name = page_name(path) or path.name
    meta: dict[str, Any] = load_meta(path.parent).get(name, {})
    url = meta.get("url") or page_url(body)
    if not url:
        raise SuggestError(
            f"{path}: the page names no URL (no canonical link or og:url, no fixtures meta.json"
            " entry); the outlet cannot be checked"
        )
    return Sample(path.name, body, url, meta.get("fetched_at") or meta.get("captured_at"))


def load_samples(sources: list[str], also: tuple[str, ...] = ()) -> tuple[list[Sample], dict[str, str]]:
    """Files and folders are read; URLs (and the `also` URLs, given back as text when they could be
    fetched) are fetched in one Scrapy run with the project's settings (robots.txt, retries, size limits)."""
    urls = [s for s in sources if s.startswith(URL_SCHEMES)]
    fetched: dict[str, tuple[bytes, dict[str, str], str] | str] = {}
    if urls:
        from .fetch import fetch_many

        fetched = fetch_many([*urls, *also])
    extras = {u: got[0].decode("utf-8", "replace") for u in also if not isinstance(got := fetched.get(u, ""), str)}
    samples = []
    for source in sources:
        if source in fetched:
            got = fetched[source]
            if isinstance(got, str):
                raise SuggestError(f"could not fetch {source}: {got}")
            samples.append(
                Sample(source, got[0], page_url(got[0]) or source, got[2])
            )  # a mirror names the outlet's URL
            continue
        if not Path(source).exists():
            raise SuggestError(f"no such file or folder: {source}")
        samples += [_from_file(path) for path in iter_inputs([source]) if path is not None]
    return samples, extras


def unreviewed(root: Path, outlet: str) -> list[Sample]:
    """The outlet's unreviewed fixtures (what `check-live --suggest` recorded), as samples."""
    return [
        Sample(fx.page.name, fx.read_page(), fx.url or "", fx.meta.get("fetched_at"))
        for fx in iter_fixtures(root, outlet)
        if not fx.reviewed and fx.url
    ]


def older_pages(root: Path, outlet: str, samples: list[Sample]) -> list[ParsedPage]:
    """The outlet's reviewed article fixtures that are not samples: the pages the older layouts read."""
    taken = {s.body for s in samples}
    out: list[ParsedPage] = []
    if not root.is_dir():
        return out
    for fx in iter_fixtures(root, outlet):
        if not fx.reviewed or not fx.expected_path.exists():
            continue
        expected = fx.expected()
        body = fx.read_page()
        if body in taken or not expected.get("body") or "not_article" in expected.get("warnings", []):
            continue
        out.append(Sample(fx.name, body, fx.url or "").page())
    return out


def profile_path(outlet: str) -> Path:
    """The file in `cleaners/sites/` whose PROFILE is the outlet's."""
    from cleaners import sites

    for info in pkgutil.iter_modules(sites.__path__):
        module = importlib.import_module(f"{sites.__name__}.{info.name}")
        profile = getattr(module, "PROFILE", None)
        if getattr(profile, "id", None) == outlet and module.__file__:
            return Path(module.__file__)
    raise SuggestError(f"no profile file defines {outlet}")
