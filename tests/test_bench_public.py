"""The public-sets bench: set loading, the missing-set message, scoring and tables on tiny synthetic sets."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from bench import public
from bench.public_targets import public_checks
from bench.set_scores import (
    author_exact,
    authors_ok,
    catastrophic,
    date_counts,
    day_accuracy,
    page_kind_confusion,
    score_set,
    title_exact,
    word_prf,
    word_scores,
)
from bench.set_tables import blocks, speed_ratio
from bench.sets import ENV, Gold, data_root, load_set, missing_message, read_pages

ARTICLE_HTML = (
    "<html><head><title>Flood in Kostanay</title></head><body><article><h1>Flood in Kostanay</h1>"
    + "".join(f"<p>Paragraph {i} tells how the river rose over the town and the people left.</p>" for i in range(8))
    + "</article></body></html>"
)


def _write_set(root: Path, name: str, rows: list[dict[str, object]], pages: dict[str, str]) -> None:
    folder = root / name
    (folder / "html").mkdir(parents=True)
    (folder / "gold.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    for file, html in pages.items():
        (folder / "html" / file).write_bytes(gzip.compress(html.encode("utf-8")))


@pytest.fixture()
def wcxb(tmp_path: Path) -> Path:
    rows = [
        {
            "file": "a.html.gz",
            "url": "https://example.com/news/flood",
            "page_type": "article",
            "title": "Flood in Kostanay",
            "author": "Ann Lee",
            "day": "2024-04-05",
            "body": "The river rose.\u2028Then it fell.",
            "with": [],
            "without": [],
        },
        {
            "file": "a.html.gz",
            "url": "https://example.com/news/flood?amp",
            "page_type": "article",
            "title": "Flood in Kostanay",
            "author": None,
            "day": None,
            "body": "x",
            "with": [],
            "without": [],
        },
        {
            "file": "gone.html.gz",
            "url": "https://example.com/",
            "page_type": "listing",
            "title": "News",
            "author": None,
            "day": None,
            "body": "y",
            "with": [],
            "without": [],
        },
    ]
    _write_set(tmp_path, "wcxb-dev", rows, {"a.html.gz": ARTICLE_HTML})
    return tmp_path


def test_missing_set_says_where_it_looked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_set("naeb", tmp_path) is None
    msg = missing_message("naeb", tmp_path)
    assert str(tmp_path / "naeb" / "gold.jsonl") in msg and ENV in msg and "skipped" in msg
    assert "ground-truth.json" in missing_message("aeb", tmp_path)
    monkeypatch.setenv(ENV, str(tmp_path))
    assert data_root() == tmp_path.resolve() and data_root(tmp_path / "x") == (tmp_path / "x").resolve()
    monkeypatch.delenv(ENV)
    assert data_root().parts[-2:] == ("shared", "benchmarks")


def test_main_skips_every_missing_set_without_crashing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.json"
    assert public.main(["--data", str(tmp_path), "--output", str(out), "kaznews-generic"]) == 0
    err = capsys.readouterr().err
    assert err.count("not found: looked for") == 4 and str(tmp_path / "naeb" / "gold.jsonl") in err
    data = json.loads(out.read_text())
    assert data["sets"] == {} and set(data["missing"]) == {"aeb", "wcxb-dev", "naeb", "htmldate-default"}
    assert blocks(data)["public-bodies"].startswith("Not measured")


def test_loaders_keep_line_separators_number_repeats_and_report_unreadable(wcxb: Path) -> None:
    bset = load_set("wcxb-dev", wcxb)
    assert bset is not None and bset.has_day
    assert [g.key for g in bset.pages] == ["a.html.gz", "a.html.gz#2", "gone.html.gz"]
    first = bset.pages[0]
    assert first.body == "The river rose.\u2028Then it fell." and first.authors == ("Ann Lee",)
    assert bset.pages[1].authors == () and bset.pages[2].page_type == "listing"
    pages, unreadable = read_pages(bset)
    assert [g.key for g, _, _ in pages] == ["a.html.gz", "a.html.gz#2"] and unreadable == ["gone.html.gz"]
    assert pages[0][2] == ARTICLE_HTML
    (wcxb / "aeb" / "html").mkdir(parents=True)
    (wcxb / "aeb" / "ground-truth.json").write_text(
        json.dumps({"k2": {"articleBody": "B", "url": None}, "k1": {"articleBody": "A", "url": "u"}})
    )
    aeb = load_set("aeb", wcxb)
    assert aeb is not None and not aeb.has_day
    assert [(g.key, g.body, g.url, g.day) for g in aeb.pages] == [
        ("k1.html.gz", "A", "u", None),
        ("k2.html.gz", "B", None, None),
    ]


def test_wcxb_word_f1() -> None:
    p, r, f1 = word_prf("The cat sat on the mat", "the CAT sat")
    assert (p, r) == (1.0, 0.5) and f1 == pytest.approx(2 / 3)
    assert word_prf("", "") == (1.0, 1.0, 1.0) and word_prf("words", "") == (0.0, 0.0, 0.0)
    golds = [Gold("a", None, body="one two"), Gold("b", None, body="three four")]
    s = word_scores(golds, {"a": {"body": "one two"}})  # b has no output: F1 0
    assert s["f1"] == 0.5 and s["precision"] == 0.5 and s["recall"] == 0.5


def test_day_accuracy_excludes_null_gold_days() -> None:
    golds = [
        Gold("a", None, day="2020-01-02"),
        Gold("b", None, day="2020-01-03"),
        Gold("c", None, day=None),
        Gold("d", None, day="2021-05-06"),
    ]
    outputs = {"a": {"date": "2020-01-02T10:00:00+05:00"}, "b": {"date": "2020-01-04"}, "c": {"date": "2020-01-01"}}
    assert day_accuracy(golds, outputs) == {"right": 1, "of": 3}


def test_title_and_author_matching() -> None:
    assert authors_ok(["Ann  Lee", "Bo Chen"], ["bo chen", "ANN LEE"])
    assert not authors_ok(["Ann Lee"], ["Ann Lee", "Bo Chen"]) and not authors_ok(["Ann Lee"], None)
    golds = [Gold("a", None, title="A  title", authors=("Ann Lee",)), Gold("b", None, title=None, authors=())]
    assert title_exact(golds, {"a": {"title": "A title"}}) == {"right": 1, "of": 1}
    assert author_exact(golds, {"a": {"authors": ["Bo"]}}) == {"right": 0, "of": 1}


def test_page_kind_confusion_and_date_counts() -> None:
    golds = [
        Gold("a1", None, page_type="article"),
        Gold("a2", None, page_type="article"),
        Gold("l1", None, page_type="listing"),
        Gold("c1", None, page_type="collection"),
        Gold("l2", None, page_type="listing"),
    ]
    outputs = {
        "a1": {},
        "a2": {"rejected": True},
        "l1": {"page_kind": "listing"},
        "c1": {"rejected": True},
        "l2": {"page_kind": "article"},
    }
    pk = page_kind_confusion(golds, outputs)
    assert pk["matrix"] == {
        "article": {"article": 1, "not_article": 1},
        "collection": {"not_article": 1},
        "listing": {"listing": 1, "article": 1},
    }
    assert (pk["flagged"], pk["listings"], pk["lost"], pk["articles"]) == (2, 3, 1, 2)
    counts = date_counts(
        [
            {"date": "2020-01-01", "date_source": "json-ld"},
            {"date": "2020-01-02"},
            {},
            {"date": "2020", "date_source": "json-ld"},
        ],
        "date_source",
    )
    assert counts == {"json-ld": 2, "(not given)": 1, "(no date)": 1}


def test_catastrophic_pages_only_where_trafilatura_succeeds() -> None:
    ours = {"a": 0.1, "b": 0.49, "c": 0.5, "d": 0.2}
    peer = {"a": 0.95, "b": 0.9, "c": 0.99, "d": 0.89}
    assert catastrophic(ours, peer) == ["a", "b"]


def _row(name: str, f1: float, day: int, pps: float, **extra: object) -> dict[str, object]:
    return {
        "name": name,
        "pages": 100,
        "pages_per_s": pps,
        "pass_seconds": [100 / pps],
        "cpu_seconds": [50 / pps],
        "errors": {},
        "versions": {},
        "body": {"precision": f1, "recall": f1, "f1": f1, "empty": 0, "pages": 100, "page_f1": {}},
        "day": {"right": day, "of": 100},
        **extra,
    }


def test_scores_tables_and_targets_on_synthetic_results() -> None:
    golds = [
        Gold(
            "a", "u", body="one two three four five", title="T", authors=("Ann",), day="2020-01-02", page_type="article"
        ),
        Gold("l", "v", body="list", page_type="listing"),
    ]
    outputs = {
        "a": {
            "body": "one two three four five",
            "title": "T",
            "authors": ["ann"],
            "date": "2020-01-02",
            "date_source": "json-ld",
        },
        "l": {"body": "", "rejected": True},
    }
    fields = ("title", "date", "rejected", "authors", "date_source")
    s = score_set(golds, outputs, fields, True, True)
    assert s["body"]["f1"] == 1.0 and s["body"]["pages"] == 1 and s["words"]["f1"] == 1.0
    assert s["title"] == s["author"] == s["day"] == {"right": 1, "of": 1}
    assert s["page_kind"]["flagged"] == 1 and s["date_source"] == {"json-ld": 1}
    listing_titled = [*golds, Gold("l2", "w", title="News", day="2020-01-01", page_type="collection")]
    only_articles = score_set(listing_titled, outputs, fields, True, False)  # l2 has no output: not scored
    assert only_articles["title"] == only_articles["day"] == {"right": 1, "of": 1}
    dates_only = score_set(golds, outputs, ("date",), False, False)
    assert dates_only["body"] is None and dates_only["title"] is None and dates_only["day"] == {"right": 1, "of": 1}

    pk = {"matrix": {}, "flagged": 170, "listings": 189, "lost": 3, "articles": 711}
    gen = "kaznews-generic"
    sets = {
        "aeb": [_row(gen, 0.975, 0, 300, catastrophic=[]), _row("trafilatura", 0.95, 0, 100)],
        "wcxb-dev": [
            _row(gen, 0.96, 90, 300, catastrophic=["0042.html.gz"], page_kind=pk),
            _row("trafilatura", 0.93, 80, 100),
            _row("htmldate", 0.0, 85, 400),
        ],
        "naeb": [
            _row(gen, 0.92, 90, 300, catastrophic=[]),
            _row("trafilatura", 0.918, 80, 100),
            _row("htmldate", 0.0, 89, 400),
        ],
        "htmldate-default": [
            _row(gen, 0.0, 93, 300),
            _row("trafilatura", 0.0, 80, 100),
            _row("htmldate", 0.0, 90, 400),
        ],
    }
    data = {
        "machine": {"date": "2026-01-01"},
        "root": "/x",
        "limit": None,
        "missing": {},
        "sets": {k: {"pages": 100, "article_pages": 100, "passes": 1, "results": v} for k, v in sets.items()},
    }
    verdicts = {target: check()[2] for target, check in public_checks(data)}
    assert list(verdicts.values()) == [True, False, True, True, False, True, True, True, False, True]
    assert speed_ratio(data, "kaznews-generic", "trafilatura") == pytest.approx(3.0)
    md = blocks(data)
    assert "0042.html.gz" in md["public-catastrophic"] and "170/189" in md["public-pagekind"]
    assert "**0.960**" in md["public-bodies"] and "| 3.00 | 3.00 |" in md["public-speed"]


def test_worker_runs_an_extractor_on_a_tiny_set(wcxb: Path) -> None:
    bset = load_set("wcxb-dev", wcxb)
    assert bset is not None
    result = public.run_worker("kaznews-generic", bset, 1)
    assert result["pages"] == 2 and result["errors"] == {"gone.html.gz": "unreadable file"}
    assert "river rose over the town" in result["outputs"]["a.html.gz"]["body"]
    row = public.score(result, bset)
    assert row["body"]["pages"] == 2 and row["page_kind"]["articles"] == 2 and len(row["cpu_seconds"]) == 1
