"""A new outlet is one profile file (plus its fixture): the spider, its mirror and its crawl follow.

The test does what docs/adding-an-outlet.md says in a fresh copy of the checkout: it writes
`cleaners/sites/example.py` and one fixture page, rebuilds the mirror with
`python -m scrapers.mirror build example.kz`, and crawls that mirror on 127.0.0.1 with
`scrapy crawl example_ru`; no spider file and no registry is edited.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from cleaners.errors import ProfileError
from cleaners.profiles import Edition, Layout, SiteProfile
from scrapers.base import spider_class
from scrapers.mirror import MirrorServer
from tests.spider_server import FAST, fresh_clone

URL = "https://example.kz/news/123-new-bridge-opens/"
PROFILE_FILE = '''"""Example.kz, a made-up outlet for the registry test."""
from cleaners.profiles import Edition, Layout, SiteProfile

PROFILE = SiteProfile(
    id="example.kz",
    name="Example",
    domains=("example.kz",),
    editions=(Edition("ru", "example.kz", "", "https://example.kz/sitemap.xml",
                      spider="example_ru", article=r"^/news/\\d+-[^/?]+/$"),),
    layouts=(Layout(version="2026", valid_from="2026-01-01", body=("div.story",), title=("h1",),
                    date=("time@datetime",)),),
)
'''
BODY = (
    "В Астане открыли новый мост через реку Есиль, сообщили в акимате города в понедельник утром.",
    "Движение по мосту откроют для автомобилей и пешеходов после проверки всех конструкций.",
)
PAGE = (
    "<!doctype html><html><head><title>Открыт новый мост</title></head><body><h1>Открыт новый мост</h1>"
    '<time datetime="2026-11-30T10:15:00+05:00">30 ноября 2026</time><div class="story">'
    + "".join(f"<p>{p}</p>" for p in BODY)
    + "</div></body></html>"
)


def _run(clone: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=clone, capture_output=True, text=True, timeout=300, check=False
    )


def _profile(path: Path) -> SiteProfile:
    spec = importlib.util.spec_from_file_location("example_profile", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.PROFILE


def test_a_profile_file_alone_gives_a_spider_that_crawls_its_mirror(tmp_path: Path) -> None:
    clone = fresh_clone(tmp_path / "repo")
    (clone / "cleaners/sites/example.py").write_text(PROFILE_FILE, encoding="utf-8")
    outlet = clone / "fixtures/example.kz"
    outlet.mkdir(parents=True)
    (outlet / "ru-2026-bridge.html").write_text(PAGE, encoding="utf-8")
    meta = {
        "ru-2026-bridge": {
            "url": URL,
            "captured": "2026-11",
            "provenance": "reconstructed",
            "origin": "written for tests/test_new_outlet.py",
            "reviewed": True,
        }
    }
    (outlet / "meta.json").write_text(json.dumps(meta), encoding="utf-8")

    built = _run(clone, "scrapers.mirror", "build", "example.kz")
    assert built.returncode == 0, built.stderr
    assert built.stdout.split() == ["fixtures/example.kz/mirror/example_ru"]
    assert URL.removeprefix("https://example.kz") in (outlet / "mirror/example_ru/sitemap.xml").read_text()
    listed = _run(clone, "scrapy", "list")
    assert "example_ru" in listed.stdout.split() and "tengrinews_ru" in listed.stdout.split()

    profile = _profile(clone / "cleaners/sites/example.py")
    spider = spider_class(profile, profile.editions[0], __name__)
    out = tmp_path / "out.jsonl"
    with MirrorServer(root=clone / "fixtures", spiders=[spider]) as server:
        settings = {**FAST, "KAZNEWS_STATE": str(tmp_path / "state.sqlite"), "KAZNEWS_OUTPUT": str(out)}
        flags = [arg for key, value in settings.items() for arg in ("-s", f"{key}={value}")]
        crawl = _run(clone, "scrapy", "crawl", "example_ru", "-a", f"base_url={server.base_url('example_ru')}", *flags)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(i["url"], i["source"], i["title"], i["date"], i["body"]) for i in items] == [
        (URL, "example.kz", "Открыт новый мост", "2026-11-30T10:15:00+05:00", "\n\n".join(BODY))
    ]


EDITION = Edition("ru", "example.kz", "", "https://example.kz/sitemap.xml", spider="example_ru", article=r"^/news/\d+")


def _edition(**changes: Any) -> Edition:
    return replace(EDITION, **changes)


LAYOUT = Layout(version="2026", valid_from="2026-01-01", body=("div.story",))


@pytest.mark.parametrize(
    ("editions", "layouts", "message"),
    [
        ((_edition(start_url=""),), (LAYOUT,), "needs an absolute start_url"),
        ((_edition(article="(unclosed"),), (LAYOUT,), "does not compile"),
        ((_edition(spider="Example-RU"),), (LAYOUT,), "needs a spider name"),
        ((_edition(next_page="/news?page=2"),), (LAYOUT,), "must be a path with {n}"),
        ((_edition(), _edition(spider="example_kk")), (LAYOUT,), "two editions on example.kz"),
        ((_edition(),), (Layout(version="2026", valid_from="2026-01-01", body=("div[",)),), "does not parse"),
        ((_edition(),), (Layout(version="2020", valid_from="2020-01-01", body=("p",)), LAYOUT), "not newest first"),
        (
            (_edition(),),
            (
                Layout(version="x", valid_from="2026-01-01", body=("p",), title=("h1@",)),
                Layout(version="y", valid_from="2025", body=("p",)),
            ),
            "is not an ISO date",
        ),
    ],
)
def test_a_broken_profile_is_refused_with_its_name(
    editions: tuple[Edition, ...], layouts: tuple[Layout, ...], message: str
) -> None:
    with pytest.raises(ProfileError, match="site profile example.kz: ") as caught:
        SiteProfile(id="example.kz", name="Example", domains=("example.kz",), editions=editions, layouts=layouts)
    assert message in str(caught.value)


def test_the_registry_refuses_a_spider_name_twice() -> None:
    from cleaners.profile_check import check_registry
    from cleaners.profiles import profile_by_id

    tengri = profile_by_id("tengrinews.kz")
    assert tengri is not None
    copy = SiteProfile(
        id="example.kz",
        name="Example",
        domains=("example.kz",),
        editions=(_edition(spider="tengrinews_ru"),),
        layouts=(LAYOUT,),
    )
    with pytest.raises(ProfileError, match="spider name 'tengrinews_ru' used by tengrinews.kz and example.kz"):
        check_registry([tengri, copy])


@pytest.mark.parametrize(
    ("url", "spider"),
    [
        # the longest path prefix on the same host wins: /kz is the Kazakh edition, not the ru one
        ("https://www.inform.kz/kz/some-story-1a2b3c", "inform_kz_kk"),
        ("https://www.inform.kz/ru/some-story-1a2b3c", "inform_ru"),
        ("https://kaz.inform.kz/some-story-1a2b3c", "inform_kk"),
        # a subdomain falls back to its parent domain's edition; the same host beats it
        ("https://m.tengrinews.kz/kazakhstan_news/story-551820/", "tengrinews_ru"),
        ("https://kaz.tengrinews.kz/kazakhstan_news/story-551820/", "tengrinews_kk"),
        # gov.kz: host and prefix are shared, the query names the edition
        ("https://www.gov.kz/memleket/entities/mfa/press/news/details/1?lang=kk", "govkz_kk"),
        ("https://www.gov.kz/memleket/entities/mfa/press/news/details/1?lang=en", "govkz_en"),
        ("https://www.gov.kz/memleket/entities/mfa/press/news/details/1", None),
    ],
)
def test_a_url_has_one_edition(url: str, spider: str | None) -> None:
    from cleaners.profiles import profile_for_url

    profile = profile_for_url(url)
    assert profile is not None
    edition = profile.edition_for(url)
    assert (edition.spider if edition else None) == spider


@pytest.mark.parametrize(
    ("spider", "url", "owned"),
    [
        ("govkz_ru", "https://www.gov.kz/memleket/entities/mfa/press/news/details/7?lang=ru", True),
        ("govkz_kk", "https://www.gov.kz/memleket/entities/mfa/press/news/details/7?lang=ru", False),
        ("inform_ru", "https://www.inform.kz/kz/some-story-1a2b3c", False),
        ("inform_kz_kk", "https://www.inform.kz/kz/some-story-1a2b3c", True),
        ("tengrinews_ru", "https://m.tengrinews.kz/kazakhstan_news/story-551820/", False),  # not the edition's host
        ("tengrinews_ru", "https://tengrinews.kz/kazakhstan_news/", False),  # a section front, not an article
    ],
)
def test_a_spider_owns_its_editions_articles(spider: str, url: str, owned: bool) -> None:
    from scrapers.spiders import SPIDERS

    assert SPIDERS[spider].owns(url) is owned
