"""`kaznews sites` and `kaznews fixtures record|review|check|update`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from .fixtures import Fixture, checkout_fixtures, field_diffs, iter_fixtures, load_meta
from .pipeline import clean_html
from .profiles import Edition, all_profiles, profile_by_id, profile_for_url

Fetcher = Callable[[str], tuple[bytes, dict[str, str], datetime]]
"""url -> (body as served, response headers, when the server generated the page)."""
SpiderNames = Callable[[], dict[tuple[str, Edition], str]]
"""() -> the spider name of each (outlet id, edition) (the scrapers package knows them)."""
REVIEW_EXCERPT = 70
NO_FIXTURES = 2  # exit status of a command that needs the repository's fixtures and has none


def fixtures_root(given: str | None, command: str, create: bool = False) -> Path:
    """The fixtures folder of a command: `given` (--fixtures), else the checkout's (from any working
    dir). Outside a checkout, or when `given` is no folder (unless `create`): a message, exit 2."""
    root = Path(given) if given else checkout_fixtures()
    if root is None:
        print(
            f"kaznews {command}: needs the fixtures/ folder of a kaznews checkout, which an installed"
            " package does not have: run it from a checkout, or pass --fixtures DIR",
            file=sys.stderr,
        )
        raise SystemExit(NO_FIXTURES)
    if not create and not root.is_dir():
        print(f"kaznews {command}: no fixtures folder at {root}", file=sys.stderr)
        raise SystemExit(NO_FIXTURES)
    return root


def known_outlet(outlet: str | None, command: str) -> None:
    """None, or the id of a profile; anything else is a one-line error naming the known ids."""
    if outlet is not None and profile_by_id(outlet) is None:
        known = ", ".join(sorted(p.id for p in all_profiles()))
        raise SystemExit(f"kaznews {command}: unknown outlet {outlet!r} (known: {known})")


def fixture_counts(root: Path | None) -> dict[str, int]:
    counts: dict[str, int] = {}
    if root is not None and root.is_dir():
        for fx in iter_fixtures(root):
            counts[fx.outlet] = counts.get(fx.outlet, 0) + 1
    return counts


def sites_rows(
    root: Path | None, spiders: dict[tuple[str, Edition], str] | None = None
) -> list[tuple[str, str, str, int]]:
    """(id, name, editions, fixture count) for every profile; each edition with its spider, if known."""
    counts, spiders = fixture_counts(root), spiders or {}
    rows = []
    for p in all_profiles():
        editions = ", ".join(
            f"{e.language}: {e.host}{e.path_prefix}{'?' + e.query if e.query else ''}"
            + (f" ({spiders[p.id, e]})" if (p.id, e) in spiders else "")
            for e in p.editions
        )
        rows.append((p.id, p.name, editions, counts.get(p.id, 0)))
    return rows


def cmd_sites(args: argparse.Namespace, spiders: SpiderNames | None = None) -> int:
    root = Path(args.fixtures) if args.fixtures else checkout_fixtures()  # none installed: no counts
    rows = sites_rows(root, spiders() if spiders else None)
    if args.markdown:
        print("| outlet | name | editions | fixtures |\n|---|---|---|---|")
        for row in rows:
            print(f"| {row[0]} | {row[1]} | {row[2]} | {row[3]} |")
        return 0
    width = max((len(r[0]) for r in rows), default=6)
    for outlet, name, editions, count in rows:
        print(f"{outlet:<{width}}  {count:>2} fixtures  {name}  [{editions}]")
    return 0


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def record(
    source: str, outlet: str, name: str | None, root: Path, fetch: Fetcher | None, url: str | None, force: bool = False
) -> Path:
    """Store a page, its meta and a draft (unreviewed) expected JSON; returns the page path.

    An existing fixture of that name is replaced only with `force`."""
    folder = root / outlet
    if name and not force and (name in load_meta(folder) or (folder / f"{name}.html").exists()):
        raise SystemExit(f"kaznews fixtures record: {outlet}/{name} exists; --force replaces it")
    now = datetime.now(UTC).replace(microsecond=0)
    headers: dict[str, str] = {}
    page_url: str | None
    fetched = now
    if source.startswith(("http://", "https://")):
        if fetch is None:
            raise SystemExit(
                "kaznews fixtures record: fetching a URL needs the scrapers package (run the `kaznews` command)"
            )
        try:
            data, headers, fetched = fetch(source)
        except Exception as exc:  # noqa: BLE001 - any failure of the injected fetcher ends the command
            raise SystemExit(f"kaznews fixtures record: {exc}") from exc
        page_url, origin = url or source, f"fetched by kaznews fixtures record from {source}"
    else:
        try:
            data, page_url = Path(source).read_bytes(), url
        except OSError as exc:
            raise SystemExit(f"kaznews fixtures record: cannot read {source}: {exc.strerror or exc}") from exc
        origin = f"recorded by kaznews fixtures record from file {Path(source).name}"
    name = name or now.strftime("page-%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / f"{name}.html"
    page.write_bytes(data)
    fetched_at = fetched.isoformat()
    meta = load_meta(folder)
    meta[name] = {
        "url": page_url,
        "captured": fetched_at[:10],
        "provenance": "saved",
        "origin": origin,
        "fetched_at": fetched_at,
        "reviewed": False,
    }
    _write_json(folder / "meta.json", meta)
    article = clean_html(data, page_url, fetched_at=fetched_at, headers=headers or None)
    _write_json(folder / f"{name}.json", article.to_dict())
    owner_profile = profile_for_url(page_url)
    owner = owner_profile.id if owner_profile else article.source
    if owner != outlet:
        print(
            f"kaznews fixtures record: warning: the page belongs to {owner or 'no known outlet'}, not {outlet}"
            f" ({page_url or 'no --url given'})",
            file=sys.stderr,
        )
    return page


def cmd_record(args: argparse.Namespace, fetch: Fetcher | None = None) -> int:
    if not args.new_outlet:
        known_outlet(args.outlet, "fixtures record")
    root = fixtures_root(args.fixtures, "fixtures record", create=True)
    page = record(args.source, args.outlet, args.name, root, fetch, args.url, args.force)
    print(f'recorded {page}; review {page.with_suffix(".json")} then set "reviewed": true in meta.json')
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    known_outlet(args.outlet, "fixtures review")
    root = fixtures_root(args.fixtures, "fixtures review")
    drafts = [f for f in iter_fixtures(root, args.outlet) if not f.reviewed]
    for fx in drafts:
        print(f"{fx.outlet}/{fx.name}: unreviewed draft ({fx.expected_path})")
        print(review_lines(fx))
    print(f"{len(drafts)} unreviewed")
    return 0


def _excerpt(value: object, width: int = REVIEW_EXCERPT) -> str:
    text = " ".join(str(value or "").split())
    return json.dumps(text if len(text) <= width else text[: width - 1] + "…", ensure_ascii=False)


def review_lines(fx: Fixture) -> str:
    """What the current profile (with a layout just suggested and pasted) reads on the draft's page,
    and which fields differ from the draft: the draft is reviewed against this."""
    article = fx.clean()
    body = article.body.split("\n\n")
    lines = [
        f"  now read by {article.layout}: title {_excerpt(article.title)}, date {article.date}",
        f"  body: {len(article.body)} chars, {len(body)} paragraphs, first {_excerpt(body[0])}",
    ]
    if fx.expected_path.exists():
        diffs = field_diffs(fx.expected(), article.to_dict())
        lines.append(f"  differs from the draft: {', '.join(diffs)}" if diffs else "  same as the draft")
    return "\n".join(lines)


def check_fixture(fx: Fixture) -> dict[str, tuple[object, object]]:
    if not fx.expected_path.exists():
        return {"(expected JSON)": ("present", "missing")}
    return field_diffs(fx.expected(), fx.clean().to_dict())


def cmd_check(args: argparse.Namespace) -> int:
    known_outlet(args.outlet, "fixtures check")
    fixtures = iter_fixtures(fixtures_root(args.fixtures, "fixtures check"), args.outlet)
    bad = 0
    for fx in fixtures:
        diffs = check_fixture(fx)
        if not diffs:
            continue
        bad += 1
        print(f"FAIL {fx.outlet}/{fx.name}")
        for field, (want, got) in diffs.items():
            print(
                f"  {field}:\n    expected: {json.dumps(want, ensure_ascii=False)}\n    actual:   {json.dumps(got, ensure_ascii=False)}"
            )
    print(f"{len(fixtures) - bad} passed, {bad} failed")
    return 1 if bad else 0


def cmd_update(args: argparse.Namespace) -> int:
    known_outlet(args.outlet, "fixtures update")
    root = fixtures_root(args.fixtures, "fixtures update")
    fixtures = [f for f in iter_fixtures(root, args.outlet) if args.name in (None, f.name)]
    if not fixtures:
        print("kaznews fixtures update: no such fixture", file=sys.stderr)
        return 2
    for fx in fixtures:
        _write_json(fx.expected_path, fx.clean().to_dict())
        print(f"updated {fx.expected_path}")
    return 0


def add_fixture_commands(
    sub: argparse._SubParsersAction, fetch: Fetcher | None = None, spiders: SpiderNames | None = None
) -> None:
    root_help = f"the fixtures folder (default: the checkout's, {checkout_fixtures() or 'none: installed'})"
    p = sub.add_parser("sites", help="list outlets, editions (with their spiders) and fixture counts")
    p.add_argument("--fixtures", help=root_help)
    p.add_argument("--markdown", action="store_true", help="print the table of docs/outlets.md")
    p.set_defaults(func=lambda a: cmd_sites(a, spiders))
    fx = sub.add_parser("fixtures", help="record, review, check and update saved-page fixtures")
    fsub = fx.add_subparsers(dest="fixtures_command", required=True)
    r = fsub.add_parser("record", help="store a page (URL or FILE) with a draft expected JSON")
    r.add_argument("source", metavar="URL_OR_FILE", help="a page URL (fetched like a spider does) or a saved file")
    r.add_argument("--outlet", required=True, help="the outlet id (see `kaznews sites`)")
    r.add_argument("--name", help="the fixture's name (default: page-<timestamp>)")
    r.add_argument("--url", help="the page's URL (when recording from a file or a mirror)")
    r.add_argument("--force", action="store_true", help="replace an existing fixture of that name")
    r.add_argument(
        "--new-outlet",
        action="store_true",
        help="the outlet has no profile yet (docs/adding-an-outlet.md); the draft uses the generic path",
    )
    r.set_defaults(func=lambda a: cmd_record(a, fetch))
    rv = fsub.add_parser("review", help="list drafts still unreviewed")
    rv.add_argument("--outlet", help="only this outlet's fixtures")
    rv.set_defaults(func=cmd_review)
    c = fsub.add_parser("check", help="re-run the cleaners on every fixture; per-field diff")
    c.add_argument("--outlet", help="only this outlet's fixtures")
    c.set_defaults(func=cmd_check)
    u = fsub.add_parser("update", help="rewrite expected JSON after a reviewed change")
    u.add_argument("--outlet", required=True, help="the outlet id")
    u.add_argument("--name", help="only this fixture (default: all of the outlet)")
    u.set_defaults(func=cmd_update)
    for p in (r, rv, c, u):
        p.add_argument("--fixtures", help=root_help)
