"""`kaznews archive`: WARC files of the bundled mirrors' pages come out as cleaning the pages directly does."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from scrapers.archive import iter_archive
from scrapers.archive_write import ArchivedResponse, Writer
from scrapers.cli import main
from tests.archive_files import (
    OTHER,
    PAGES,
    expected_records,
    record_bytes,
    regzip_with_length,
    with_length,
    write_two,
)


def _run(files: list[Path], out: Path, *extra: str) -> list[dict]:
    assert main(["archive", *map(str, files), "-o", str(out), "-q", *extra]) == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _without_ids(records: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "warc_record_id"} for r in records]


def test_output_equals_cleaning_the_pages_directly(tmp_path: Path, article_validator, capsys) -> None:
    a, b = write_two(tmp_path)
    got = _run([a, b], tmp_path / "out.jsonl")
    half = len(PAGES) // 2
    captures = [(p, a.name) for p in PAGES[:half]] + [(p, b.name) for p in PAGES[half:]]
    captures += [(ArchivedResponse(p.url, p.body, "2025-02-01T00:00:00Z"), b.name) for p in PAGES[:3]]
    want = expected_records(captures)
    assert len(want) >= 40  # nearly every mirror page is a dated article
    assert _without_ids(got) == want
    assert all(r["warc_record_id"].startswith("<urn:uuid:") for r in got)
    for record in got:
        article_validator.validate(record)
    line = capsys.readouterr().err
    assert "revisit: 1" in line and "other_host: 1" in line and "http_404: 1" in line and "not_html: 1" in line
    assert "seen: 3" in line  # the later captures of the same three pages
    again = _run([a, b], tmp_path / "out.jsonl")  # both files done: nothing appended
    assert again == got
    assert "2 done before" in capsys.readouterr().err


def test_jobs_keep_the_order_and_duplicates_across_files_come_out_once(tmp_path: Path) -> None:
    a, b = write_two(tmp_path)
    c = tmp_path / "c.warc.gz"
    with Writer(c) as w:  # the first file again under another name
        w.pages(PAGES[: len(PAGES) // 2])
    one = _run([a, b, c], tmp_path / "one.jsonl")
    two = _run([a, b, c], tmp_path / "two.jsonl", "-j", "2")
    assert _without_ids(one) == _without_ids(two)
    assert [r["url"] for r in one] == [r["url"] for r in two]
    assert not [r for r in one if r["warc_file"] == c.name]


def test_all_kz_adds_kz_hosts_without_a_profile_through_the_generic_path(tmp_path: Path) -> None:
    src = next(p for p in PAGES if p.url == "https://www.azattyq.org/a/33012458.html")  # dated generically
    hosts = ("newsportal.kz", "xn--80aa.xn--80ao21a", "the-steppe.com")
    others = [ArchivedResponse(f"https://{host}/a/{n}", src.body, src.warc_date) for n, host in enumerate(hosts)] + [
        OTHER
    ]
    path = tmp_path / "kz.warc.gz"
    with Writer(path) as w:
        w.pages(others)
    assert Counter(reason for reason, _ in iter_archive(str(path))) == {"other_host": 4}
    wide = list(iter_archive(str(path), all_kz=True))
    assert [reason for reason, _ in wide][3] == "other_host"  # example.com stays out
    kept = [record for reason, record in wide[:3] if record is not None]
    assert [r["source"] for r in kept] == list(hosts)
    assert {r["layout"] for r in kept} == {"generic"}
    out = _run([path], tmp_path / "out.jsonl", "--all-kz")
    assert [r["source"] for r in out] == ["newsportal.kz"]  # the same body under the other hosts: a duplicate


def test_broken_records_are_skipped_with_a_reason_and_the_rest_read(tmp_path: Path) -> None:
    pages = PAGES[:6]
    gz = [record_bytes(p) for p in pages]
    cut = tmp_path / "cut.warc.gz"  # a gzip member cut in the middle, and a cut-off last member
    cut.write_bytes(gz[0] + gz[1][: len(gz[1]) // 2] + gz[2] + gz[3] + gz[4][: len(gz[4]) // 3])
    plain = [record_bytes(p, gz=False) for p in pages]
    lengths = tmp_path / "lengths.warc"  # Content-Length 40 bytes short, then 40 bytes long
    lengths.write_bytes(
        plain[0] + with_length(plain[1], -40) + plain[2] + with_length(plain[3], 40) + plain[4] + plain[5]
    )
    members = tmp_path / "members.warc.gz"  # the same inside gzip members, and garbage between members
    members.write_bytes(
        gz[0]
        + regzip_with_length(gz[1], -40)
        + gz[2]
        + regzip_with_length(gz[3], 40)
        + gz[4]
        + b"garbage\x00\x01"
        + gz[5]
    )
    huge = tmp_path / "huge.warc.gz"
    with Writer(huge) as w:
        w.response(ArchivedResponse(pages[0].url, b"<html><body>" + b"x" * (11 * 1024 * 1024) + b"</body></html>"))
        w.response(
            ArchivedResponse(pages[1].url, b"\xff\xfe\x00<\x00h\x00t\x00m\x00l\x00>\x00\x00\xd8" * 50)
        )  # mis-encoded
        w.response(ArchivedResponse("dns:tengrinews.kz", b"1.2.3.4"))
        w.response(pages[2])

    def counts(path: Path) -> Counter[str]:
        return Counter(reason for reason, _ in iter_archive(str(path)))

    def broken_only(found: Counter[str], kept: int, skipped: int) -> None:
        """`kept` good records read; `skipped` broken ones, each with a reader reason (which one depends
        on where the cut falls in the compressed bytes, and record ids are random)."""
        assert found["kept"] == kept and sum(found.values()) - kept == skipped
        assert set(found) - {"kept"} <= {"corrupt", "truncated", "bad_length"}

    broken_only(counts(cut), 3, 2)
    assert counts(lengths) == {"kept": 4, "bad_length": 2}
    broken_only(counts(members), 4, 3)
    body_start = plain[2].index(b"\r\n\r\n", plain[2].index(b"HTTP/1.1")) + 4
    flipped = plain[2][:body_start] + bytes([plain[2][body_start] ^ 1]) + plain[2][body_start + 1 :]
    digests = tmp_path / "digests.warc"  # one payload byte changed: its WARC digests no longer match
    digests.write_bytes(plain[0] + flipped + plain[3])
    assert counts(digests) == {"kept": 2, "bad_digest": 1}
    broken = counts(huge)
    assert broken["too_large"] == 1 and broken["not_http"] == 1 and broken["kept"] == 1
    assert sum(broken.values()) == 4  # the mis-encoded page: a cleaner drop, not a crash


def test_a_missing_file_is_counted_and_the_run_goes_on(tmp_path: Path, capsys) -> None:
    a, _ = write_two(tmp_path)
    out = tmp_path / "out.jsonl"
    assert main(["archive", str(tmp_path / "nope.warc.gz"), str(a), "-o", str(out), "-q"]) == 1
    assert out.read_text(encoding="utf-8").count("\n") >= 20
    assert "unreadable: 1" in capsys.readouterr().err
    assert main(["archive", str(tmp_path / "nope.warc.gz"), str(a), "-o", str(out), "-q"]) == 1  # not "done"
    assert "1 done before" in (err := capsys.readouterr().err) and "unreadable: 1" in err


def test_fixtures_record_from_a_warc_keeps_the_provenance(tmp_path: Path) -> None:
    a, _ = write_two(tmp_path)
    page = PAGES[0]
    root = tmp_path / "fixtures"
    url = page.url.replace("https://", "http://")  # the archived URL is found under the other scheme too
    assert (
        main(["fixtures", "record", "--warc", str(a), "--url", url, "--name", "from-warc", "--fixtures", str(root)])
        == 0
    )
    [outlet] = [d for d in root.iterdir()]
    meta = json.loads((outlet / "meta.json").read_text(encoding="utf-8"))["from-warc"]
    assert (outlet / "from-warc.html").read_bytes() == page.body
    assert meta["provenance"] == "saved" and meta["reviewed"] is False and meta["url"] == page.url
    assert meta["warc_file"] == a.name and meta["warc_record_id"].startswith("<urn:uuid:")
    assert meta["captured"] == page.warc_date[:10] and a.name in meta["origin"]
    draft = json.loads((outlet / "from-warc.json").read_text(encoding="utf-8"))
    assert draft["body"] and draft["url"] == page.url


def test_fixtures_record_warc_without_the_page_fails_cleanly(tmp_path: Path) -> None:
    a, _ = write_two(tmp_path)
    with pytest.raises(SystemExit, match="no HTTP 200 HTML capture"):
        main(
            [
                "fixtures",
                "record",
                "--warc",
                str(a),
                "--url",
                "https://tengrinews.kz/nowhere/",
                "--fixtures",
                str(tmp_path / "fx"),
            ]
        )


def test_fixtures_record_without_warc_still_needs_a_source_and_an_outlet(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["fixtures", "record", "--fixtures", str(tmp_path)])
    assert exit_info.value.code == 2
