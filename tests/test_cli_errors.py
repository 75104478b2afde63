"""The command line on day one: every option explained, bad input answered in one line."""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from cleaners.cli import main as cleaners_main
from scrapers.cli import main as kaznews_main
from tests.conftest import FIXTURES, ROOT

INFORM_PAGE = FIXTURES / "inform.kz" / "ru-2025-shymkent-nuclear-medicine.html"
TIMEOUT = 120


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                found += _parsers(child)
    return found


def test_every_option_has_help_text() -> None:
    from cleaners.cli import build_parser
    from scrapers.checklive import add_check_live_command
    from scrapers.cli import add_crawl_command
    from scrapers.merge import add_merge_command

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for add in (add_crawl_command, add_check_live_command, add_merge_command):
        add(sub)
    missing = [
        f"{p.prog} {'/'.join(a.option_strings) or a.dest}"
        for p in _parsers(parser)
        for a in p._actions
        if not isinstance(a, (argparse._HelpAction, argparse._SubParsersAction)) and not a.help
    ]
    assert missing == []


def test_clean_refuses_url_for_several_files_and_says_an_empty_folder(tmp_path: Path) -> None:
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_bytes(INFORM_PAGE.read_bytes())
    with pytest.raises(SystemExit, match="--url names one page, but 2 files were given"):
        cleaners_main(["clean", str(tmp_path), "--url", "https://tengrinews.kz/x/"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(SystemExit, match=r"no \*\.html, \*\.htm, \*\.html\.gz files in .*empty"):
        cleaners_main(["clean", str(tmp_path / "empty")])


def test_clean_text_refuses_folders_binary_and_missing_files(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    for path, message in (
        (tmp_path, "is a folder"),
        (tmp_path / "bin.txt", "is binary, not text"),
        (tmp_path / "nosuch.txt", "cannot read .*: No such file or directory"),
    ):
        with pytest.raises(SystemExit, match=f"kaznews clean-text: .*{message}"):
            cleaners_main(["clean-text", str(path)])


def test_clean_summary_and_binary_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "page.html").write_bytes(INFORM_PAGE.read_bytes())
    (tmp_path / "photo.html").write_bytes(bytes(range(256)) * 8)
    assert cleaners_main(["clean", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    [record] = [json.loads(line) for line in out.splitlines()]
    assert record["file"] == str(tmp_path / "page.html") and record["source"] == "inform.kz"
    assert "photo.html: NotHTMLError" in err
    assert err.splitlines()[-1] == "kaznews clean: 2 files, 1 articles, 0 not_article, 1 failed"


def test_fixtures_record_guards(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = ["--fixtures", str(tmp_path)]
    with pytest.raises(SystemExit, match="kaznews fixtures record: unknown outlet 'nosuch'"):
        cleaners_main(["fixtures", "record", str(INFORM_PAGE), "--outlet", "nosuch", *root])
    with pytest.raises(SystemExit, match="kaznews fixtures record: cannot read .*missing.html"):
        cleaners_main(["fixtures", "record", str(tmp_path / "missing.html"), "--outlet", "inform.kz", *root])
    assert (
        cleaners_main(
            [
                "fixtures",
                "record",
                str(INFORM_PAGE),
                "--outlet",
                "example.kz",
                "--new-outlet",
                "--name",
                "n",
                "--url",
                "https://example.kz/ru/story",
                *root,
            ]
        )
        == 0
    )
    assert (tmp_path / "example.kz" / "n.json").is_file()
    url = "https://www.inform.kz/ru/v-shymkente-otkrylsya-pervyy-na-yuge-strany-tsentr-yadernoy-meditsiny-c71e04"
    args = ["fixtures", "record", str(INFORM_PAGE), "--name", "p", "--url", url, *root]
    assert cleaners_main([*args, "--outlet", "tengrinews.kz"]) == 0
    assert "the page belongs to inform.kz, not tengrinews.kz" in capsys.readouterr().err
    assert cleaners_main([*args, "--outlet", "inform.kz"]) == 0
    assert "belongs to" not in capsys.readouterr().err
    with pytest.raises(SystemExit, match="inform.kz/p exists; --force replaces it"):
        cleaners_main([*args, "--outlet", "inform.kz"])
    assert cleaners_main([*args, "--outlet", "inform.kz", "--force"]) == 0
    with pytest.raises(SystemExit, match="kaznews fixtures check: unknown outlet 'nosuch'"):
        cleaners_main(["fixtures", "check", "--outlet", "nosuch"])


def test_sites_from_any_folder_names_each_spider(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "scrapers.cli", "sites"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    inform = next(line for line in run.stdout.splitlines() if line.startswith("inform.kz "))
    assert "0 fixtures" not in inform and "(inform_ru)" in inform and "(inform_kk)" in inform


def test_merge_missing_file_is_one_line() -> None:
    with pytest.raises(SystemExit, match="kaznews merge: cannot read nosuch.jsonl: no such file"):
        kaznews_main(["merge", "nosuch.jsonl"])


def test_check_live_unreachable_and_unknown(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    base = ["check-live", "--outlet", "inform_ru", "--set", "KAZNEWS_RETRY_BACKOFF_BASE=0.01"]
    run = subprocess.run(
        [sys.executable, "-m", "scrapers.cli", *base, "--base-url", f"http://127.0.0.1:{port}/x"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert run.returncode == 1
    assert f"cannot reach 127.0.0.1:{port} (DownloadConnectionRefusedError)" in run.stdout
    assert "Traceback" not in run.stderr
    with pytest.raises(SystemExit, match="kaznews check-live: unknown outlet or spider 'nosuch'"):
        kaznews_main(["check-live", "--outlet", "nosuch"])


@pytest.mark.parametrize(
    "command",
    [
        ["clean", str(INFORM_PAGE)],
        ["crawl", "tengrinews.kz", "--mirror", "--no-state"],
        ["merge", str(INFORM_PAGE)],
        ["archive", "missing.warc"],
    ],
)
def test_bad_output_paths_are_one_line_before_any_work(command: list[str], tmp_path: Path) -> None:
    """A folder, a FIFO or a path under a file is refused before anything is fetched or written."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    (tmp_path / "file").write_text("x")
    cases = (
        (tmp_path, "is a folder: name a file"),
        (fifo, "is not a regular file"),
        (tmp_path / "file" / "out.jsonl", "cannot be created: .*file is not a folder"),
    )
    for path, message in cases:
        with pytest.raises(SystemExit, match=f"kaznews {command[0]}: output .*{message}"):
            kaznews_main([*command, "-o", str(path)])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo", "file"]


def test_crawl_refuses_a_state_path_that_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="kaznews crawl: state .* is a folder"):
        kaznews_main(["crawl", "tengrinews.kz", "--mirror", "--state", str(tmp_path), "-o", str(tmp_path / "o.jsonl")])
    assert not (tmp_path / "o.jsonl").exists()
