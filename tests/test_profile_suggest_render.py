"""Profile source rendered from the dataclasses, `--write` into a profile file, `profile new`, CLI refusals."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from cleaners.fixtures import iter_fixtures
from cleaners.profiles import Edition, Layout, SiteProfile, all_profiles, profile_by_id
from cleaners.textfilters import FilterRules
from scrapers.drift.editions import robots_sitemaps
from scrapers.drift.errors import SuggestError
from scrapers.drift.newprofile import new_profile
from scrapers.drift.render import load_profile, profile_file, render, write_layout
from scrapers.drift.samples import Sample
from scrapers.drift.trial import clean_all
from tests.conftest import run_kaznews
from tests.spider_server import ROOT


@pytest.mark.parametrize("profile", all_profiles(), ids=lambda p: p.id)
def test_every_profile_renders_to_source_that_evaluates_to_it(profile: SiteProfile) -> None:
    names = {"SiteProfile": SiteProfile, "Edition": Edition, "Layout": Layout, "FilterRules": FilterRules}
    assert eval(render(profile), names) == profile  # noqa: S307 - our own rendering of our own profile


@dataclass(frozen=True)
class _GrownEdition(Edition):
    """An Edition after another developer added fields to it."""

    listing_paths: tuple[str, ...] = ()
    pagination: str = ""


def test_fields_added_to_a_dataclass_are_rendered_without_changing_the_renderer() -> None:
    grown = _GrownEdition("ru", "example.kz", listing_paths=("/news/",))
    assert render(grown) == '_GrownEdition(language="ru", host="example.kz", listing_paths=("/news/",))'


def test_write_adds_the_layout_first_and_keeps_the_old_ones(tmp_path: Path) -> None:
    path = tmp_path / "tengrinews.py"
    shutil.copy(ROOT / "cleaners" / "sites" / "tengrinews.py", path)
    layout = Layout(
        version="2026",
        valid_from="2026-12-01",
        body=("div.article-text-v3",),
        title=("h1.article-title",),
        rules=FilterRules(drop_line=(r"\+7 \(777\) 001 44 99",)),
    )
    write_layout(path, layout)
    written = load_profile(path)
    assert written.layouts == (layout, *profile_by_id("tengrinews.kz").layouts)  # type: ignore[union-attr]


def test_a_file_without_layouts_is_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "broken.py"
    path.write_text("PROFILE = None\n", encoding="utf-8")
    with pytest.raises(SuggestError, match="no `layouts=\\(` line"):
        write_layout(path, Layout(version="x", valid_from="2026-01-01", body=("div.x",)))
    assert path.read_text(encoding="utf-8") == "PROFILE = None\n"


def _rehosted(host: str) -> list[tuple[Sample, dict[str, object]]]:
    """kt.kz's fixture pages as if served by a new outlet on `host`, with an RSS link in the head."""
    out = []
    for fx in iter_fixtures(ROOT / "fixtures", "kt.kz"):
        if not fx.name.startswith("ru-"):
            continue
        html = fx.read_page().decode("utf-8").replace("www.kt.kz", host).replace("kt.kz", host)
        html = html.replace("<head>", '<head><link rel="alternate" type="application/rss+xml" href="/rss/">', 1)
        url = (fx.url or "").replace("www.kt.kz", host)
        out.append((Sample(fx.name, html.encode(), url, fx.meta.get("fetched_at")), fx.expected()))
    return out


def test_profile_new_writes_a_complete_profile_that_reads_the_pages(tmp_path: Path) -> None:
    pages = _rehosted("newsexample.kz")
    samples = [s for s, _ in pages]
    profile, found = new_profile("newsexample.kz", samples, {"newsexample.kz": "Sitemap: https://newsexample.kz/s.xml"})
    # kt.kz's Russian pages live under /rus/ and declare <html lang="en">: the body's language wins
    # the three stories are in three sections (society, business, incidents): any path under /rus/
    assert profile.editions == (
        Edition(
            language="ru",
            host="newsexample.kz",
            path_prefix="/rus/",
            start_url="https://newsexample.kz/rss/",
            spider="newsexample_ru",
            article="^/rus/.",
        ),
    )
    path = tmp_path / "newsexample.py"
    path.write_text(profile_file(profile, "test"), encoding="utf-8")
    loaded = load_profile(path)
    assert loaded == profile and loaded.layouts == (found.layout,)
    for article, (_, want) in zip(clean_all(samples, loaded), pages):
        assert (article.title, article.date, article.body) == (want["title"], want["date"], want["body"])
        assert article.layout == f"newsexample.kz@{found.layout.version}"


def test_robots_sitemaps() -> None:
    assert robots_sitemaps(
        "User-agent: *\nDisallow: /x\nSitemap: https://a.kz/s1.xml\nsitemap:https://a.kz/s2.xml"
    ) == ["https://a.kz/s1.xml", "https://a.kz/s2.xml"]


def _kaznews(*args: str) -> subprocess.CompletedProcess[str]:
    return run_kaznews(*args, timeout=120)


def test_cli_refusals_exit_2_with_the_reason(tmp_path: Path) -> None:
    page = ROOT / "fixtures" / "tengrinews.kz" / "ru-2024-almaty-metro.html"
    one = _kaznews("profile", "suggest", "tengrinews.kz", str(page))
    assert one.returncode == 2 and "refused: need at least 2 article pages" in one.stderr
    unknown = _kaznews("profile", "suggest", "nosuch.kz", str(page))
    assert unknown.returncode == 2 and "unknown outlet 'nosuch.kz'" in unknown.stderr
    listings = sorted(str(p) for p in (ROOT / "fixtures" / "tengrinews.kz").glob("listing-*.html*"))
    refused = _kaznews("profile", "suggest", "tengrinews.kz", *listings)
    assert refused.returncode == 2 and "is a listing page, not an article" in refused.stderr
    exists = _kaznews("profile", "new", "tengrinews.kz", "--from", str(page))
    assert exists.returncode == 2 and "already has a profile" in exists.stderr


def test_cli_suggest_prints_a_layout_and_per_page_evidence() -> None:
    pages = [
        str(ROOT / "fixtures" / "zakon.kz" / f"{n}.html")
        for n in ("kk-2024-almaty-qr-fare", "ru-2024-astana-airport-buses")
    ]
    done = _kaznews("profile", "suggest", "zakon.kz", *pages)
    assert done.returncode == 0, done.stderr[-2000:]
    assert re.search(r'^        Layout\(\n            version="2024b?",', done.stdout, re.MULTILINE)
    assert done.stdout.count("body F1 against the generic path:") == 2
    assert "kept by the generic path, dropped by the layout" in done.stdout
    assert json.dumps("div.content") in done.stdout
