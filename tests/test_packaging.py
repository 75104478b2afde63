"""What the package needs from the checkout, and the optional parts it can do without."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from scrapy.settings import Settings

from cleaners import fixtures
from cleaners.cli import main as cleaners_main
from scrapers import backend
from scrapers.cli import main as kaznews_main
from tests.conftest import FIXTURES


def test_the_checkout_fixtures_are_found_only_in_a_checkout(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert fixtures.checkout_fixtures() == FIXTURES
    (tmp_path / "fixtures").mkdir()  # a fixtures folder next to an installed package is not a checkout
    monkeypatch.setattr(fixtures, "CHECKOUT", tmp_path)
    assert fixtures.checkout_fixtures() is None
    (tmp_path / "pyproject.toml").write_text("")
    assert fixtures.checkout_fixtures() == tmp_path / "fixtures"


@pytest.mark.parametrize(
    "args",
    [
        ["fixtures", "check"],
        ["fixtures", "review"],
        ["fixtures", "update", "--outlet", "kt.kz"],
        ["crawl", "kt_ru", "--mirror"],
        ["check-live", "--mirror"],
    ],
)
def test_commands_needing_the_fixtures_exit_2_outside_a_checkout(
    args: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(fixtures, "CHECKOUT", tmp_path)
    with pytest.raises(SystemExit) as exc:
        kaznews_main(args)
    assert exc.value.code == 2
    assert "needs the fixtures/ folder of a kaznews checkout" in capsys.readouterr().err


def test_a_missing_fixtures_folder_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cleaners_main(["fixtures", "check", "--fixtures", str(tmp_path / "nosuch")])
    assert exc.value.code == 2 and f"no fixtures folder at {tmp_path / 'nosuch'}" in capsys.readouterr().err
    assert cleaners_main(["fixtures", "check", "--fixtures", str(FIXTURES), "--outlet", "kt.kz"]) == 0


def test_sites_without_fixtures_lists_every_outlet(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(fixtures, "CHECKOUT", tmp_path)
    assert cleaners_main(["sites"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows and all(" 0 fixtures" in row for row in rows)


def test_the_redis_backend_without_its_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None if name == "scrapy_redis" else real(name))
    with pytest.raises(RuntimeError, match=r"KAZNEWS_BACKEND=redis needs scrapy_redis: pip install 'kaznews\[redis\]'"):
        backend.Backend().update_settings(Settings({"KAZNEWS_BACKEND": "redis"}))
