"""The wheel on its own: built from the sources, installed into a fresh venv outside the checkout,
its `kaznews` command cleans a page, lists the outlets and crawls a mirror there.

The fresh venv gets kaznews only from the wheel; its dependencies come from the test's own
environment through a `.pth` line (which does not run that environment's editable-install hook),
so the test needs no download beyond the build backend and stays within about a minute.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from cleaners import __version__
from tests.conftest import FIXTURES, ROOT

pytestmark = pytest.mark.wheel
SOURCES = ("cleaners", "scrapers", "pyproject.toml", "setup.py", "README.md", "LICENSE")
TIMEOUT = 180
FAST = ["--set", "AUTOTHROTTLE_ENABLED=0", "--set", "DOWNLOAD_DELAY=0"]
PAGE = FIXTURES / "tengrinews.kz" / "ru-2024-almaty-metro.html"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh venv holding the wheel built from a copy of the sources."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    for name in SOURCES:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy2
        copy(
            ROOT / name,
            src / name,
            **({"ignore": shutil.ignore_patterns("__pycache__")} if (ROOT / name).is_dir() else {}),
        )
    dist = tmp / "dist"
    run = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(src)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    wheel = next(dist.glob("kaznews-*.whl"))
    env = tmp / "venv"
    venv.create(env, with_pip=False)
    site = Path(sysconfig.get_path("purelib", vars={"base": str(env), "platbase": str(env)}))
    (site / "test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(env / "bin" / "python"),
            "install",
            "--no-deps",
            "-q",
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return env / "bin"


def kaznews(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bin_dir / "kaznews"), *args], cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )


def test_the_packages_come_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    code = (
        "import cleaners, scrapers, importlib.metadata as m; print(cleaners.__file__, scrapers.__file__,"
        " m.version('kaznews'), m.metadata('kaznews')['License-Expression'])"
    )
    run = subprocess.run(
        [str(installed / "python"), "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=True,
    )
    cleaners_file, scrapers_file, version, license_ = run.stdout.split()
    venv_root = installed.parent
    assert Path(cleaners_file).is_relative_to(venv_root) and Path(scrapers_file).is_relative_to(venv_root)
    assert (version, license_) == (__version__, "MIT")
    for typed in ("cleaners", "scrapers"):
        assert (Path(cleaners_file).parent.parent / typed / "py.typed").is_file()
    assert kaznews(installed, tmp_path, "--version").stdout.strip() == f"kaznews {__version__}"


def test_clean_and_sites_outside_the_checkout(installed: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    shutil.copy(PAGE, page)
    url = "https://tengrinews.kz/kazakhstan_news/almatyi-nazvali-sroki-otkryitiya-dvuh-novyih-stantsiy-metro-551820/"
    run = kaznews(installed, tmp_path, "clean", "page.html", "--url", url, "-o", "out.jsonl")
    assert run.returncode == 0, run.stderr
    record = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    expected = json.loads(PAGE.with_suffix(".json").read_text(encoding="utf-8"))
    same = ("title", "body", "language", "source")  # the date needs the fetch time ("Сегодня, 10:35")
    assert {k: record[k] for k in same} == {k: expected[k] for k in same}
    run = kaznews(installed, tmp_path, "sites")
    assert run.returncode == 0, run.stderr
    tengri = next(line for line in run.stdout.splitlines() if line.startswith("tengrinews.kz "))
    assert "(tengrinews_ru)" in tengri and " 0 fixtures" in tengri  # an installed package has no fixtures


def test_commands_needing_the_fixtures_say_so(installed: Path, tmp_path: Path) -> None:
    for args in (["fixtures", "check"], ["crawl", "tengrinews_ru", "--mirror"], ["check-live", "--mirror"]):
        run = kaznews(installed, tmp_path, *args)
        assert run.returncode == 2, (args, run.stderr)
        assert "needs the fixtures/ folder of a kaznews checkout" in run.stderr and "Traceback" not in run.stderr


def test_crawl_a_mirror_with_the_installed_package(installed: Path, tmp_path: Path) -> None:
    args = ["crawl", "tengrinews_ru", "--mirror", "--fixtures", str(FIXTURES), "-o", "out/articles.jsonl", *FAST]
    first = kaznews(installed, tmp_path, *args)
    assert first.returncode == 0, first.stderr[-3000:]
    lines = (tmp_path / "out" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    urls = {json.loads(line)["url"] for line in lines}
    assert len(lines) == len(urls) == 2 and all(u.startswith("https://tengrinews.kz/") for u in urls), urls
    again = kaznews(installed, tmp_path, *args)
    assert again.returncode == 0 and "nothing new" in again.stdout, again.stdout + again.stderr[-2000:]
    assert len((tmp_path / "out" / "articles.jsonl").read_text(encoding="utf-8").splitlines()) == 2
