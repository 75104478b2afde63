"""`profile suggest` in process: generated redesigns are repaired, bad input is refused with a reason."""

from __future__ import annotations

import gzip
from dataclasses import replace
from pathlib import Path

import pytest

from cleaners.cli_fixtures import check_fixture
from cleaners.fixtures import Fixture, iter_fixtures
from cleaners.health import check_page
from cleaners.profiles import SiteProfile, all_profiles, profile_by_id
from scrapers.drift.errors import SuggestError
from scrapers.drift.induce import suggest
from scrapers.drift.samples import Sample
from scrapers.drift.trial import body_f1, clean_all, using_profile, with_layout
from tests.redesign import redesign
from tests.spider_server import ROOT

FIXTURES = ROOT / "fixtures"


def _newest_pages(profile: SiteProfile) -> list[Fixture]:
    """The reviewed article fixtures the outlet's newest layout reads."""
    fixtures = iter_fixtures(FIXTURES, profile.id)
    return [fx for fx in fixtures if fx.clean().layout == f"{profile.id}@{profile.layouts[0].version}"]


def _sample(fx: Fixture, html: bytes | None = None) -> Sample:
    return Sample(fx.name, html or fx.read_page(), fx.url or "", fx.meta.get("fetched_at"))


def _redesigned(fx: Fixture) -> Sample:
    return _sample(fx, redesign(fx.read_page().decode("utf-8")).encode("utf-8"))


OUTLETS = [p.id for p in all_profiles() if len(_newest_pages(p)) >= 2]


def test_every_outlet_with_two_pages_of_a_layout_is_covered() -> None:
    assert len(OUTLETS) >= 10 and "tengrinews.kz" in OUTLETS


@pytest.mark.parametrize("outlet", OUTLETS)
def test_a_redesign_fails_the_profile_and_the_suggested_layout_repairs_it(outlet: str) -> None:
    profile = profile_by_id(outlet)
    assert profile is not None
    pages = _newest_pages(profile)[:3]
    samples = [_redesigned(fx) for fx in pages]
    assert not any(check_page(s.body, s.url, fetched_at=s.fetched_at).ok for s in samples)  # check-live FAILs
    older = [fx for fx in iter_fixtures(FIXTURES, outlet) if fx not in pages]
    found = suggest(samples, outlet, profile, [_sample(fx).page() for fx in older])
    assert all("r3-" in sel for sel in found.layout.body)
    assert not any("r3-card" in sel for name in ("title", "date", "body") for sel in getattr(found.layout, name))
    repaired = with_layout(profile, found.layout)
    for fx, article in zip(pages, clean_all(samples, repaired)):
        want = fx.expected()
        assert body_f1(want["body"], article.body) >= 0.98, (fx.name, article.body)
        assert (article.title, article.date) == (want["title"], want["date"]), fx.name
    with using_profile(repaired):
        assert all(check_page(s.body, s.url, fetched_at=s.fetched_at).ok for s in samples)
        assert {fx.name: check_fixture(fx) for fx in older} == {fx.name: {} for fx in older}  # old layouts still work


def _tengri(name: str) -> Fixture:
    return next(fx for fx in iter_fixtures(FIXTURES, "tengrinews.kz") if fx.name == name)


def _refusal(samples: list[Sample], outlet: str = "tengrinews.kz") -> str:
    with pytest.raises(SuggestError) as caught:
        suggest(samples, outlet, profile_by_id(outlet))
    return str(caught.value)


def test_a_single_page_is_refused() -> None:
    assert "need at least 2 article pages" in _refusal([_sample(_tengri("ru-2024-almaty-metro"))])


def test_pages_of_two_outlets_are_refused() -> None:
    zakon = next(fx for fx in iter_fixtures(FIXTURES, "zakon.kz") if fx.name.startswith("ru-2024"))
    reason = _refusal([_sample(_tengri("ru-2024-almaty-metro")), _sample(zakon)])
    assert "pages of another outlet" in reason and "zakon.kz" in reason


def test_listings_are_refused() -> None:
    listings = [_sample(fx) for fx in iter_fixtures(FIXTURES, "tengrinews.kz") if fx.name.startswith("listing-")]
    assert len(listings) == 3
    assert "is a listing page, not an article" in _refusal(listings)


def _page(url: str, title: str, body: str) -> Sample:
    html = f"<html><head><title>{title}</title><link rel=canonical href='{url}'></head><body>{body}</body></html>"
    return Sample(url, html.encode(), url, "2024-06-01T10:00:00+05:00")


def test_pages_sharing_nothing_are_refused() -> None:
    text_a = " ".join(f"Первое предложение статьи о городском транспорте номер {i}." for i in range(30))
    text_b = " ".join(f"Совсем другой текст о погоде и урожае в области, абзац {i}." for i in range(30))
    a = _page(
        "https://tengrinews.kz/news/a-1/",
        "Транспорт в Алматы",
        f"<div class='alpha'><h1>Транспорт в Алматы</h1><p>{text_a}</p></div>",
    )
    b = _page(
        "https://tengrinews.kz/news/b-2/",
        "Погода и урожай",
        f"<section class='beta'><h3>Погода и урожай</h3><p>{text_b}</p></section>",
    )
    assert "share no body container" in _refusal([a, b])


def test_the_real_saved_page_and_its_layout_mate_give_the_2020_inform_layout_back() -> None:
    profile = profile_by_id("inform.kz")
    assert profile is not None
    held = replace(profile, layouts=tuple(lay for lay in profile.layouts if lay.version != "2020"))
    pages = [
        fx
        for fx in iter_fixtures(FIXTURES, "inform.kz")
        if fx.name in ("ru-2020-poultry-sko", "kk-2022-kokshetau-school")
    ]
    real = Path(ROOT.parent / "shared" / "pages" / "inform.kz" / "inform-ru-a3725092-2020-12-01.html")
    if real.exists():
        assert real.read_bytes() == gzip.decompress(pages[1].page.read_bytes())
    found = suggest([_sample(fx) for fx in pages], "inform.kz", held)
    for fx, article in zip(pages, clean_all([_sample(fx) for fx in pages], with_layout(held, found.layout))):
        assert (article.title, article.date) == (fx.expected()["title"], fx.expected()["date"])
        assert body_f1(fx.expected()["body"], article.body) >= 0.98
