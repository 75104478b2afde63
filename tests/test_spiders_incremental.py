"""Incremental crawling: runs emit only what is new (or changed), and a killed run loses nothing.

All against private copies of outlet fixtures, with real `scrapy crawl` subprocesses.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

from scrapers.mirror import MirrorServer, edition_fixtures, spider_classes, write
from scrapers.state import State
from tests.spider_server import Workdir, add_variant, copy_outlet

SPIDERS = {cls.name: cls for cls in spider_classes()}
INFORM_RU = SPIDERS["inform_ru"]


def _crawl(root: Path, work: Workdir, name: str, **kwargs):
    with MirrorServer(root, [SPIDERS[name]]) as server:
        return work.crawl(name, server.base_url(name), **kwargs)


def test_second_run_emits_nothing_and_a_new_page_exactly_once(tmp_path: Path) -> None:
    root, work = copy_outlet("inform.kz", tmp_path / "fixtures"), Workdir(tmp_path)
    first = _crawl(root, work, "inform_ru")
    assert first.stat("kaznews/new") == len(first.items) == 2

    second = _crawl(root, work, "inform_ru")
    assert second.items == []
    assert second.stat("kaznews/skipped/seen") == 2
    assert second.stat("downloader/request_count") == 2  # robots.txt and the listing: no article fetched

    new_url = add_variant(root, "inform.kz", "ru-2020-poultry-sko", 1)
    write(INFORM_RU, root)
    third = _crawl(root, work, "inform_ru")
    assert [item["url"] for item in third.items] == [new_url]
    assert _crawl(root, work, "inform_ru").items == []
    assert len(work.lines()) == 3


def test_changed_body_with_newer_lastmod_is_emitted_as_update(tmp_path: Path) -> None:
    root, work = copy_outlet("khabar.kz", tmp_path / "fixtures"), Workdir(tmp_path)
    [original] = _crawl(root, work, "khabar_ru").items
    assert "update" not in original

    page = root / "khabar.kz" / "ru-2024-petropavl-dams.html"
    word = next(w for w in original["body"].split() if len(w) > 6 and w.isalpha())
    page.write_bytes(page.read_bytes().replace(word.encode(), f"{word} (обновлено)".encode()))
    sitemap = root / "khabar.kz" / "mirror" / "khabar_ru" / "sitemap.xml"
    unchanged = _crawl(root, work, "khabar_ru")  # same lastmod: not even fetched
    assert unchanged.items == [] and unchanged.stat("kaznews/skipped/seen") == 1

    text = sitemap.read_text(encoding="utf-8")
    sitemap.write_text(text.replace(text.split("<lastmod>")[1].split("</lastmod>")[0], "2030-01-01T00:00:00+05:00"))
    [updated] = _crawl(root, work, "khabar_ru").items
    assert updated["update"] is True and updated["url"] == original["url"] and updated["body"] != original["body"]
    assert {k: v for k, v in updated.items() if k not in ("body", "update")} == {
        k: v for k, v in original.items() if k != "body"
    }


def test_since_skips_older_sitemap_entries(tmp_path: Path) -> None:
    root, work = copy_outlet("khabar.kz", tmp_path / "fixtures"), Workdir(tmp_path)
    run = _crawl(root, work, "khabar_ru", args={"since": "2030-01-01"})
    assert run.items == [] and run.stat("kaznews/skipped/out_of_window") == 1


def test_output_ahead_of_state_is_recorded_not_repeated(tmp_path: Path) -> None:
    """A line written just before a kill (state not yet committed) is adopted; a partial line is cut."""
    root, first = copy_outlet("khabar.kz", tmp_path / "fixtures"), Workdir(tmp_path / "a")
    [article] = _crawl(root, first, "khabar_ru").items
    work = Workdir(tmp_path / "b")
    work.output.parent.mkdir(parents=True)
    state = State(work.state, "killed-run")  # the killed run had opened the output while it was empty
    state.set_offset(str(work.output.resolve()), 0)
    state.close()
    work.output.write_bytes((json.dumps(article, ensure_ascii=False) + "\n").encode() + b'{"url": "https://kh')
    run = _crawl(root, work, "khabar_ru", settings={"KAZNEWS_OUTPUT": str(work.output)})
    assert run.items == [] and work.lines() == [article]


def test_fresh_state_is_not_seeded_from_an_old_output(tmp_path: Path) -> None:
    """A new state pointed at an output it never wrote emits the articles again after the old
    lines (cutting only a partial last line), instead of taking them as already emitted."""
    root, first = copy_outlet("khabar.kz", tmp_path / "fixtures"), Workdir(tmp_path / "a")
    [article] = _crawl(root, first, "khabar_ru").items
    work = Workdir(tmp_path / "b")
    work.output.parent.mkdir(parents=True)
    work.output.write_bytes((json.dumps(article, ensure_ascii=False) + "\n").encode() + b'{"url": "https://kh')
    run = _crawl(root, work, "khabar_ru", settings={"KAZNEWS_OUTPUT": str(work.output)})
    assert run.items == [article] and work.lines() == [article, article]


def test_jobdir_resume_after_sigkill_emits_each_article_once(tmp_path: Path) -> None:
    root, work = copy_outlet("inform.kz", tmp_path / "fixtures"), Workdir(tmp_path)
    urls = {fx.url for fx in edition_fixtures(INFORM_RU, root)}
    urls |= {add_variant(root, "inform.kz", "ru-2020-poultry-sko", n) for n in range(1, 9)}
    write(INFORM_RU, root)
    settings = {"JOBDIR": str(tmp_path / "job"), "CONCURRENT_REQUESTS": "1"}
    with MirrorServer(root, [INFORM_RU], delay=0.5) as server:
        proc = work.start("inform_ru", server.base_url("inform_ru"), settings=settings)
        deadline = time.monotonic() + 60
        while len(work.lines()) < 3 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        killed_after = len(work.lines())
        assert 3 <= killed_after < len(urls)
        server.delay = 0
        resumed = work.crawl("inform_ru", server.base_url("inform_ru"), settings=settings)
    assert resumed.returncode == 0, resumed.log[-3000:]
    emitted = [line["url"] for line in work.lines()]
    assert sorted(emitted) == sorted(urls)  # every article, none twice
    assert len(resumed.items) == len(urls) - killed_after
