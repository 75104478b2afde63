"""Hostile files for `kaznews clean`: corrupt, truncated and bomb .html.gz files, FIFOs; each is skipped, the run goes on."""

from __future__ import annotations

import gzip
import json
import os
import zlib
from pathlib import Path

import pytest

from cleaners.cli import main as cleaners_main
from cleaners.cli import read_input
from cleaners.errors import NotHTMLError, TooLargeError

from .conftest import FIXTURES

PAGE = FIXTURES / "inform.kz" / "ru-2025-shymkent-nuclear-medicine.html"
CAP = 1 << 20


def _bomb(size: int) -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"<p>" + b"\0" * ((1 << 20) - 3)
    return b"".join(comp.compress(chunk) for _ in range(size >> 20)) + comp.flush()


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    packed = gzip.compress(PAGE.read_bytes())
    (tmp_path / "good.html.gz").write_bytes(packed)
    (tmp_path / "truncated.html.gz").write_bytes(packed[: len(packed) // 2])
    (tmp_path / "corrupt.html.gz").write_bytes(packed[:20] + b"\xff" * 200 + packed[220:])
    (tmp_path / "notgzip.html.gz").write_bytes(b"<html>plain</html>")
    (tmp_path / "bomb.html.gz").write_bytes(_bomb(64 << 20))
    os.mkfifo(tmp_path / "fifo.html")
    return tmp_path


def test_bad_files_are_skipped_and_the_good_one_cleaned(pages: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = pages / "out.jsonl"
    named = str(pages / "fifo.html")  # a folder's walk passes over a FIFO; one named on the command line is refused
    assert cleaners_main(["clean", str(pages), named, "-o", str(out), "-q"]) == 1  # files failed (issue 12)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 1 and lines[0]["title"]
    err = capsys.readouterr().err
    for name in ("truncated", "corrupt", "notgzip", "bomb", "fifo"):
        assert f"{name}.html" in err
    assert "6 files, 1 articles, 0 not_article, 5 failed" in err


def test_gzip_is_inflated_no_further_than_the_cap(pages: Path) -> None:
    with pytest.raises(TooLargeError):
        read_input(pages / "bomb.html.gz", CAP)
    assert read_input(pages / "good.html.gz") == PAGE.read_bytes()


@pytest.mark.parametrize(
    ("name", "match"), [("truncated", "truncated"), ("corrupt", "corrupt"), ("notgzip", "corrupt")]
)
def test_broken_gzip_is_a_typed_error(pages: Path, name: str, match: str) -> None:
    with pytest.raises(NotHTMLError, match=match):
        read_input(pages / f"{name}.html.gz")


def test_fifo_is_refused_not_read(pages: Path) -> None:
    with pytest.raises(NotHTMLError, match="regular file"):
        read_input(pages / "fifo.html")
