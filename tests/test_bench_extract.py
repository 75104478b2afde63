"""The extractor benchmarks' scoring, boilerplate check, docs blocks and plot (no timing assertions)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import fixtures, public
from bench.boilerplate import PageJunk, boilerplate_lines, filter_flags, page_junk
from bench.docs import replace_block
from bench.fixture_score import Reference, score_extractor
from bench.fixture_tables import blocks
from bench.public_targets import public_checks
from bench.runner import pages_per_s, timed_passes
from bench.sets import data_root, load_set, missing_message
from bench.targets import targets_table, write_shared
from cleaners.fixtures import iter_fixtures

from .conftest import FIXTURES

TICKER = "USD: 503.9 / 506.9"


def _reference(outlet: str, name: str) -> tuple[Reference, str]:
    fx = next(f for f in iter_fixtures(FIXTURES, outlet) if f.name == name)
    exp, html = fx.expected(), fx.read_page().decode("utf-8")
    ref = Reference(
        f"{outlet}/{name}", outlet, exp["body"], exp["title"], exp["date"], page_junk(html, fx.url, exp["body"])
    )
    return ref, html


@pytest.fixture(scope="module")
def refs() -> list[Reference]:
    return [
        _reference("tengrinews.kz", "ru-2024-almaty-metro")[0],
        _reference("nur.kz", "ru-2019-shymkent-bridge-old-layout")[0],
    ]


def test_identical_text_scores_one_and_no_boilerplate(refs: list[Reference]) -> None:
    outputs = {r.key: {"body": r.body, "title": r.title, "date": r.date} for r in refs}
    s = score_extractor(refs, outputs, ("title", "date"), "time")
    assert s["overall"]["f1"] == 1.0 and s["overall"]["min_f1"] == 1.0
    assert s["overall"]["title"] == 1.0 and s["overall"]["date"] == 1.0
    assert s["overall"]["boilerplate_lines"] == 0
    assert set(s["outlets"]) == {"tengrinews.kz", "nur.kz"}


def test_partial_and_wrong_outputs_score_sensibly(refs: list[Reference]) -> None:
    half = {
        r.key: {"body": r.body[: len(r.body) // 2], "title": r.title + " | Site", "date": r.date[:10]} for r in refs
    }
    s = score_extractor(refs, half, ("title", "date"), "time")["overall"]
    assert s["precision"] > 0.95 and 0.3 < s["recall"] < 0.7 and 0.4 < s["f1"] < 0.85
    assert s["title"] == 0.0 and s["date"] == 0.0 and s["date_day"] == 1.0
    day = score_extractor(refs, half, ("title", "date"), "day")["overall"]
    assert day["date"] == 1.0
    body_only = score_extractor(refs, {r.key: {"body": r.body} for r in refs}, (), "")["overall"]
    assert body_only["title"] is None and body_only["date"] is None
    empty = score_extractor(refs, {}, (), "")["overall"]
    assert empty["f1"] == 0.0 and empty["recall"] == 0.0


def test_boilerplate_flags_ticker_and_junk_selector_text() -> None:
    ref, _ = _reference("nur.kz", "ru-2019-shymkent-bridge-old-layout")
    assert ref.junk.junk, "the fixture's profile junk selectors match text on the page"
    junk_text = ref.junk.junk[0]
    body = ref.body + "\n\n" + TICKER + "\n\n" + "Some words before. " + junk_text
    found = boilerplate_lines(body, ref.junk)
    reasons = {reason for reason, _ in found}
    assert ("filter", TICKER) in found and "junk" in reasons and len(found) == 2
    assert boilerplate_lines(ref.body, ref.junk) == []
    assert filter_flags(f"Real sentence one.\n{TICKER}\nReal sentence two.") == [TICKER]
    assert boilerplate_lines("text", PageJunk()) == []


def test_junk_repeated_in_the_reference_is_ignored() -> None:
    ref, html = _reference("nur.kz", "ru-2019-shymkent-bridge-old-layout")
    fx = next(f for f in iter_fixtures(FIXTURES, "nur.kz") if f.name == "ru-2019-shymkent-bridge-old-layout")
    again = page_junk(html, fx.url, ref.body + "\n\n" + ref.junk.junk[0])
    assert ref.junk.junk[0] not in again.junk and again.excluded == 1
    assert page_junk(html, "https://example.com/a", ref.body) == PageJunk()


def test_replace_block_round_trip(tmp_path: Path) -> None:
    doc = tmp_path / "b.md"
    doc.write_text("# T\n\n<!-- BEGIN bench:x -->\nold\n<!-- END bench:x -->\n\n## Crawl pipeline\nkeep\n")
    assert replace_block("x", "| a |\n|---|\n| 1 |", doc)
    assert replace_block("x", "new", doc)
    text = doc.read_text()
    assert "<!-- BEGIN bench:x -->\nnew\n<!-- END bench:x -->" in text and "old" not in text
    assert text.endswith("## Crawl pipeline\nkeep\n")
    assert not replace_block("missing", "y", doc)


def test_workers_tables_and_targets(tmp_path: Path, refs: list[Reference]) -> None:
    times, repeats = timed_passes(lambda: None, 2, 0.0)
    assert len(times) == 2 and repeats == 1 and pages_per_s(10, [0.5, 1.0, 2.0]) == 10.0
    result = fixtures.run_worker("kaznews-full", 1, 0.0, None)
    assert result["pages"] >= 50 and all(result["rejected"].values())
    _, _, all_refs = fixtures.load_pages()
    row = fixtures.score(result, all_refs)
    assert row["overall"]["f1"] > 0.9 and row["not_article"]["rejected"] == row["not_article"]["of"]
    floor = {**row, "name": "selectolax-parse", "pages_per_s": row["pages_per_s"] * 2}
    data = {
        "machine": {"date": "2026-01-01", "cpus_usable": 2},
        "passes": 1,
        "min_seconds": 0.0,
        "results": [row, {**row, "name": "trafilatura"}, floor, {"name": "resiliparse", "failed": ["no"]}],
        "pinned": {},
        "outlets": sorted({r.outlet for r in all_refs}),
    }
    md = blocks(data)
    assert "tengrinews.kz" in md["fixtures-outlets"] and "**all**" in md["fixtures-meta"]
    assert "× floor time" in md["fixtures-speed"] and "2.0" in md["fixtures-speed"]
    table = targets_table(None, data)
    assert "Profile path body F1 >= 0.99" in table and "| yes |" in table
    assert table.count("not measured") == len(public_checks(None))
    assert "not measured" in targets_table(None, None)
    doc = tmp_path / "b.md"
    doc.write_text("<!-- BEGIN bench:targets -->\n<!-- END bench:targets -->\n")
    (tmp_path / "f.json").write_text(json.dumps(data))
    assert write_shared(tmp_path / "none.json", tmp_path / "f.json", doc) == ["machine"]


def test_public_worker_on_real_aeb_pages() -> None:
    """Two pages of the real AEB set (../shared/benchmarks/aeb, never vendored), scored end to end."""
    root = data_root()
    bset = load_set("aeb", root, limit=2)
    if bset is None:
        pytest.skip(missing_message("aeb", root))
    rows = [public.score(public.run_worker(name, bset, 1), bset) for name in ("kaznews-generic", "trafilatura")]
    public.add_catastrophic(rows)
    gen, traf = rows
    assert gen["pages"] == 2 and gen["body"]["f1"] > 0.8 and traf["body"]["f1"] > 0.8
    assert gen["catastrophic"] == [] and "catastrophic" not in traf and gen["day"] is None


def test_plot_writes_png(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from bench.plot import plot, points, public_panels

    body = {"f1": 0.97, "precision": 0.97, "recall": 0.97}
    public_data = {
        "machine": {"date": "2026-01-01"},
        "sets": {
            "aeb": {
                "article_pages": 181,
                "results": [
                    {"name": "kaznews-generic", "body": body, "pages_per_s": 100.0},
                    {"name": "htmldate", "body": None, "pages_per_s": 900.0},
                    {"name": "x", "failed": ["no"]},
                ],
            }
        },
    }
    panels = public_panels(public_data)
    assert [label for label, _ in panels] == ["aeb, 181 pages"] and len(points(panels[0][1])) == 1
    fx_data = {
        "machine": {"date": "2026-01-01"},
        "results": [
            {"name": "kaznews-full", "overall": {"f1": 1.0}, "pages_per_s": 700.0},
            {"name": "selectolax-parse", "overall": {"f1": 0.6}, "pages_per_s": 9000.0},
        ],
    }
    out = plot([*panels, ("fixtures", fx_data), ("empty", None)], tmp_path / "p.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_label_heights_end_when_a_push_rounds_to_just_under_the_gap() -> None:
    from bench.plot import label_heights

    # 0.011 - 0.055 lies a hair under 0.055 from 0.011 in floating point: without slack this looped forever
    heights = label_heights([0.066, 0.011, 0.011], [10.0, 11.0, 12.0])
    assert heights[0] == 0.066 and heights[1] == pytest.approx(0.011) and heights[2] == pytest.approx(-0.044)
