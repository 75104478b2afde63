"""Public API, the Kazinform acceptance page, the `kaznews` cleaner commands, and docs/registry agreement."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys

from cleaners import Article, clean_html
from cleaners.cli import main as cleaners_main
from cleaners.cli_fixtures import sites_rows
from cleaners.profiles import all_profiles

from .conftest import FIXTURES, ROOT

KAZINFORM = FIXTURES / "inform.kz" / "ru-2020-poultry-sko.html.gz"
KAZINFORM_URL = "https://www.inform.kz/ru/polnost-yu-obespechit-region-myasom-pticy-namereny-v-sko_a3725092"


def test_kazinform_acceptance(article_validator) -> None:
    art = clean_html(gzip.decompress(KAZINFORM.read_bytes()), KAZINFORM_URL)
    article_validator.validate(art.to_dict())
    assert art.title == "Полностью обеспечить регион мясом птицы намерены в СКО"
    assert art.date == "2020-12-01T14:02:00+06:00"
    assert art.tags == ["Северо-Казахстанская область", "Строительство", "Экономика", "Сельское хозяйство"]
    paragraphs = art.body.split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("ПЕТРОПАВЛОВСК. КАЗИНФОРМ")
    for junk in ("Новости по теме", "День Первого Президента", "USD", "Поделиться", "Подписывайтесь", "Погода"):
        assert junk not in art.body


def test_generic_path_on_kazinform_keeps_the_five_paragraphs() -> None:
    art = clean_html(gzip.decompress(KAZINFORM.read_bytes()), "https://example.org/copy")
    assert art.layout == "generic"
    assert len(art.body.split("\n\n")) == 5 and "Новости по теме" not in art.body


def test_article_json_roundtrip() -> None:
    art = Article(title="Тест", body="Абзац.", tags=["a"])
    text = art.to_json()
    assert "Тест" in text and "\\u" not in text
    assert Article.from_dict(json.loads(text)) == art


def test_cli_clean_folder_skips_bad_files(tmp_path, capsys) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.html.gz").write_bytes(KAZINFORM.read_bytes())
    (tmp_path / "bad.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "empty.htm").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    assert cleaners_main(["clean", str(tmp_path), "-o", str(out), "-q"]) == 1  # files failed: exit 1
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["source"] == "inform.kz"
    assert json.loads(lines[0])["file"] == str(tmp_path / "sub" / "a.html.gz")
    assert "Полностью" in lines[0]  # Cyrillic unescaped
    err = capsys.readouterr().err
    assert "skipped" in err and "bad.html" in err and "empty.htm" in err
    assert err.splitlines()[-1] == "kaznews clean: 3 files, 1 articles, 0 not_article, 2 failed"


def test_cli_clean_text_stdin() -> None:
    seed = (FIXTURES / "_seeds" / "001_b99dca9f51e900a4.txt").read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "cleaners.cli", "clean-text", "-"], input=seed, capture_output=True, check=True, cwd=ROOT
    )
    expected = (FIXTURES / "_seeds" / "001_b99dca9f51e900a4.expected.txt").read_text(encoding="utf-8")
    assert done.stdout.decode() == expected + "\n"


def test_fixtures_check_passes_and_detects_a_mismatch(tmp_path, capsys) -> None:
    assert cleaners_main(["fixtures", "check", "--outlet", "inform.kz", "--fixtures", str(FIXTURES)]) == 0
    outlet = tmp_path / "inform.kz"
    outlet.mkdir()
    (outlet / "x.html.gz").write_bytes(KAZINFORM.read_bytes())
    expected = json.loads((FIXTURES / "inform.kz" / "ru-2020-poultry-sko.json").read_text(encoding="utf-8"))
    expected["title"] = "Другой заголовок"
    (outlet / "x.json").write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    (outlet / "meta.json").write_text(json.dumps({"x": {"url": KAZINFORM_URL}}), encoding="utf-8")
    capsys.readouterr()
    assert cleaners_main(["fixtures", "check", "--fixtures", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "FAIL inform.kz/x" in out and "title" in out and "body" not in out


def test_fixtures_record_review_update(tmp_path, capsys) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(gzip.decompress(KAZINFORM.read_bytes()))
    root = tmp_path / "fx"
    assert (
        cleaners_main(
            [
                "fixtures",
                "record",
                str(page),
                "--outlet",
                "inform.kz",
                "--name",
                "n1",
                "--url",
                KAZINFORM_URL,
                "--fixtures",
                str(root),
            ]
        )
        == 0
    )
    meta = json.loads((root / "inform.kz" / "meta.json").read_text(encoding="utf-8"))
    assert meta["n1"]["reviewed"] is False and meta["n1"]["url"] == KAZINFORM_URL
    capsys.readouterr()
    cleaners_main(["fixtures", "review", "--fixtures", str(root)])
    assert "inform.kz/n1: unreviewed draft" in capsys.readouterr().out
    (root / "inform.kz" / "n1.json").write_text("{}", encoding="utf-8")
    assert cleaners_main(["fixtures", "update", "--outlet", "inform.kz", "--name", "n1", "--fixtures", str(root)]) == 0
    assert (
        json.loads((root / "inform.kz" / "n1.json").read_text(encoding="utf-8"))["date"] == "2020-12-01T14:02:00+06:00"
    )


def test_registry_sites_and_docs_agree(capsys) -> None:
    ids = [p.id for p in all_profiles()]
    assert len(ids) >= 15 and len(set(ids)) == len(ids)
    rows = sites_rows(FIXTURES)
    assert [r[0] for r in rows] == ids
    assert all(r[3] >= 3 for r in rows), "every outlet has at least 3 fixtures"
    cleaners_main(["sites", "--markdown", "--fixtures", str(FIXTURES)])
    table = capsys.readouterr().out.strip()
    docs = (ROOT / "docs" / "outlets.md").read_text(encoding="utf-8")
    assert table in docs, "docs/outlets.md is stale: regenerate its table with `kaznews sites --markdown`"
    documented = [d for d in re.findall(r"^\| ([a-z0-9.]+) \|", docs, re.M) if d != "outlet"]
    assert documented == ids
