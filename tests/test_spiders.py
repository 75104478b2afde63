"""Every spider, as a real `scrapy crawl` subprocess, against its mirror on 127.0.0.1.

Each edition's mirror (fixtures/<outlet>/mirror/<spider>/) must list that edition's fixture
articles, and the crawl must emit exactly those articles, each equal to what the cleaner makes of
the saved page (which test_fixtures checks against the reviewed expected JSON).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaners.fixtures import field_diffs
from scrapers.mirror import MirrorServer, build, edition_fixtures, spider_classes
from tests.spider_server import FIXTURES, Workdir

SPIDERS = {cls.name: cls for cls in spider_classes()}


@pytest.fixture(scope="module")
def mirror():
    with MirrorServer() as server:
        yield server


def _emittable(article: dict, validator) -> bool:
    return bool(article["body"].strip()) and bool(article["date"]) and validator.is_valid(article)


@pytest.mark.parametrize("name", sorted(SPIDERS))
def test_mirror_is_current(name: str) -> None:
    """The committed mirror files are what `python -m scrapers.mirror build` makes today."""
    cls = SPIDERS[name]
    folder = FIXTURES / cls.outlet / "mirror" / name
    for rel, data in build(cls, FIXTURES).items():
        assert (folder / rel).is_file(), f"{folder / rel} missing: run python -m scrapers.mirror build"
        assert (folder / rel).read_bytes() == data, f"{folder / rel} is stale: run python -m scrapers.mirror build"


@pytest.mark.parametrize("name", sorted(SPIDERS))
def test_spider_emits_its_fixtures(name: str, mirror: MirrorServer, tmp_path: Path, article_validator) -> None:
    fixtures = edition_fixtures(SPIDERS[name], FIXTURES)
    offline = {fx.url: fx.clean().to_dict() for fx in fixtures}
    wanted = {url: art for url, art in offline.items() if _emittable(art, article_validator)}

    run = Workdir(tmp_path).crawl(name, mirror.base_url(name))

    assert run.returncode == 0, run.log[-3000:]
    assert "Traceback" not in run.log, run.log[-3000:]
    emitted = {item["url"]: item for item in run.items}
    assert sorted(emitted) == sorted(wanted)
    for url, item in emitted.items():
        assert item == wanted[url]
        assert article_validator.is_valid(item)
    for fx in fixtures:  # the reviewed expected records, where the cleaner already agrees with them
        if fx.url in emitted and fx.expected_path.exists() and not field_diffs(fx.expected(), offline[fx.url]):
            assert not field_diffs(fx.expected(), emitted[fx.url])
    assert run.stat("kaznews/new") == len(wanted)
    assert not [k for k in run.stats if k.startswith("kaznews/fetch_failed/")], run.stats
    dropped = sum(v for k, v in run.stats.items() if k.startswith("kaznews/dropped/"))
    assert dropped == len(offline) - len(wanted)
