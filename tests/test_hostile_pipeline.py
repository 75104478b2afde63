"""Hostile pages in the Scrapy pipeline: a page that cleans too slowly is dropped with a reason, the crawl goes on."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from scrapers import pipelines
from scrapers.budget import PageTimeout, page_budget
from scrapers.items import Page
from scrapers.spiders import SPIDERS

BUDGET_S = 0.3
URL = "https://hostile.example/news/2026/01/05/story"


def _spin(*args: object, **kwargs: object) -> None:
    """A cleaner that never ends (a runaway rule is interrupted the same way: tests/test_hostile_regex.py)."""
    while True:
        pass


def _crawler(tmp_path: Path):
    settings = {
        "KAZNEWS_STATE": str(tmp_path / "state.sqlite"),
        "KAZNEWS_PAGE_BUDGET": BUDGET_S,
        "KAZNEWS_BACKEND": "sqlite",
    }
    return get_crawler(SPIDERS["khabar_ru"], settings)


def _page(body: bytes) -> Page:
    return Page(URL, URL, body, {"Content-Type": "text/html; charset=utf-8"}, "2026-01-05T10:00:00Z")


def test_page_budget_interrupts_and_restores() -> None:
    with pytest.raises(PageTimeout), page_budget(BUDGET_S):
        _spin()
    with page_budget(BUDGET_S):  # a quick body is not interrupted, and no alarm is left behind
        assert sum(range(1000)) == 499500


def test_slow_page_is_dropped_and_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    crawler = _crawler(tmp_path)
    stage = pipelines.CleanPipeline(crawler)
    real = pipelines.clean_html
    monkeypatch.setattr(pipelines, "clean_html", _spin)
    with caplog.at_level(logging.WARNING, logger="scrapers.pipelines"), pytest.raises(DropItem, match="too_slow"):
        stage.process_item(_page(b"<html><body><p>x</p></body></html>"))
    assert crawler.stats.get_value("kaznews/dropped/too_slow") == 1
    assert any("too_slow" in r.getMessage() for r in caplog.records)
    monkeypatch.setattr(pipelines, "clean_html", real)  # the next page is cleaned as usual
    body = (
        "<html><head><title>Заголовок</title></head><body><article><h1>Заголовок</h1>"
        + "<p>Текст новости о событии в городе, достаточно длинный для статьи.</p>" * 5
        + "</article></body></html>"
    ).encode()
    record = stage.process_item(_page(body))
    assert "Текст новости" in record.article["body"]
