"""The docs site: built with --strict, an API reference from the docstrings, links that work from disk."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytest.importorskip("mkdocstrings")
BUILD_TIMEOUT = 300


def test_docs_build_strict_with_api_reference_and_file_links(tmp_path: Path) -> None:
    site = tmp_path / "site"
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    api = re.sub(r"<[^>]+>", "", (site / "api.html").read_text(encoding="utf-8"))
    for name in (
        "clean_html",
        "clean_text",
        "CleanOptions",
        "future_slack_hours",
        "Article",
        "date_modified",
        "CleanerError",
        "TooLargeError",
        "SiteProfile",
        "Layout",
        "generic_prune",
    ):
        assert name in api, name
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="api.html"' in index and 'href="scrapy.html"' in index  # page.html, not page/: works from file://
    assert (site / "article.schema.json").read_bytes() == (ROOT / "cleaners" / "article.schema.json").read_bytes()
