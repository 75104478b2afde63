"""`check-live --suggest` on a redesigned mirror, then `profile suggest --unreviewed --write` and `fixtures review`."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from cleaners.health import check_page
from scrapers.drift.render import load_profile
from scrapers.drift.trial import using_profile
from scrapers.mirror import MirrorServer
from scrapers.spiders import SPIDERS
from tests.conftest import run_kaznews
from tests.redesign import redesign
from tests.spider_server import ROOT

FAST = ["--set", "AUTOTHROTTLE_ENABLED=0", "--set", "DOWNLOAD_DELAY=0"]
OUTLET = "kazpravda.kz"


def _kaznews(*args: str) -> subprocess.CompletedProcess[str]:
    return run_kaznews(*args, timeout=240)


def _redesigned_mirror(tmp: Path) -> Path:
    root = tmp / "mirror-fixtures"
    shutil.copytree(ROOT / "fixtures" / OUTLET, root / OUTLET)
    for page in (root / OUTLET).glob("*.html"):
        page.write_text(redesign(page.read_text(encoding="utf-8")), encoding="utf-8")
    return root


def test_check_live_suggest_records_the_pages_and_the_written_layout_passes(tmp_path: Path) -> None:
    recorded = tmp_path / "fixtures"
    with MirrorServer(root=_redesigned_mirror(tmp_path), spiders=[SPIDERS["kazpravda_ru"]]) as server:
        done = _kaznews(
            "check-live",
            "--outlet",
            "kazpravda_ru",
            "--base-url",
            server.base_url("kazpravda_ru"),
            "--suggest",
            "--fixtures",
            str(recorded),
            *FAST,
        )
    assert done.returncode == 1, done.stdout + done.stderr[-2000:]
    assert "FAIL  layout" in done.stdout and "Suggested layout for kazpravda.kz from 3 pages" in done.stdout
    assert 'body=("div.r3-article__body",)' in done.stdout
    meta = json.loads((recorded / OUTLET / "meta.json").read_text(encoding="utf-8"))
    assert len(meta) == 3
    assert all(
        m["provenance"] == "saved"
        and m["reviewed"] is False
        and m["url"].startswith("https://kazpravda.kz/")
        and m["captured"] == m["fetched_at"][:10]
        and "check-live --suggest" in m["origin"]
        for m in meta.values()
    )

    profile_file = tmp_path / "kazpravda.py"
    shutil.copy(ROOT / "cleaners" / "sites" / "kazpravda.py", profile_file)
    wrote = _kaznews(
        "profile",
        "suggest",
        OUTLET,
        "--unreviewed",
        "--fixtures",
        str(recorded),
        "--profile-file",
        str(profile_file),
        "--write",
    )
    assert wrote.returncode == 0, wrote.stderr[-2000:]
    repaired = load_profile(profile_file)
    assert repaired.layouts[0].body == ("div.r3-article__body",) and len(repaired.layouts) == 2
    with using_profile(repaired):
        for name, entry in meta.items():
            page = (recorded / OUTLET / f"{name}.html").read_bytes()
            health = check_page(page, entry["url"], fetched_at=entry["fetched_at"])
            assert health.ok, (name, [c for c in health.checks if c.status == "FAIL"])
            draft = json.loads((recorded / OUTLET / f"{name}.json").read_text(encoding="utf-8"))
            assert (
                health.article is not None and health.article.body == draft["body"]
            )  # the draft is the suggestion's output

    review = _kaznews("fixtures", "review", "--fixtures", str(recorded))
    assert review.returncode == 0 and "3 unreviewed" in review.stdout
    assert review.stdout.count("now read by") == 3 and "unreviewed draft" in review.stdout
