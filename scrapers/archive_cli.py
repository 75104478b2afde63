"""`kaznews archive FILE.warc[.gz]... -o out.jsonl` and `kaznews fixtures record --warc FILE --url URL`.

    kaznews archive FILE... [-o FILE] [--state FILE] [-j N] [--all-kz] [-q]

Reads WARC/ARC files (plain or gzipped per record), keeps the HTTP 200 HTML pages of the
registry's editions (`--all-kz`: any Kazakhstani host, see scrapers/archive_select.py), cleans
each and appends the records to the output, each story once (docs/archives.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from cleaners.outpath import writable_file

from .archive_read import Capture, read_archive
from .archive_run import progress_bar, run_archive

DEFAULT_OUTPUT = "out/archive.jsonl"


def add_archive_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("archive", help="clean the Kazakh news pages of WARC/ARC files into JSON Lines")
    p.add_argument("files", nargs="+", metavar="FILE", help="WARC or ARC files (.warc, .warc.gz, .arc.gz)")
    p.add_argument("-o", "--output", default=DEFAULT_OUTPUT, help=f"append JSON Lines here ({DEFAULT_OUTPUT})")
    p.add_argument("--state", help="SQLite state file (default: the output's path + .state.sqlite)")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes, one file per task")
    p.add_argument("--all-kz", action="store_true", help="also any .kz/.қаз host and KZ outlets on other TLDs")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_archive)


def cmd_archive(args: argparse.Namespace) -> int:
    state = args.state or f"{args.output}.state.sqlite"
    writable_file(args.output, "output", "archive")
    writable_file(state, "state", "archive")
    bar = progress_bar(not args.quiet)
    try:
        summary = run_archive(args.files, args.output, state, max(1, args.jobs), args.all_kz, bar)
    finally:
        if bar is not None:
            bar.close()
    print(summary.line(), file=sys.stderr)
    return 1 if summary.counts["unreadable"] else 0


def find_capture(path: str, url: str) -> Capture | None:
    """The first capture of `url` (or of the same URL with another scheme or www.) in the file."""
    want = _loose(url)
    return next((item for item in read_archive(path, lambda u: _loose(u) == want) if isinstance(item, Capture)), None)


def _loose(url: str) -> str:
    rest = url.split("://", 1)[-1]
    return rest.removeprefix("www.").rstrip("/")


def extend_fixtures_record(sub: argparse._SubParsersAction) -> None:
    """Give `kaznews fixtures record` a --warc FILE source (then SOURCE and --outlet are optional)."""
    fixtures = sub.choices["fixtures"]
    fsub = next(a for a in fixtures._actions if isinstance(a, argparse._SubParsersAction))
    record = fsub.choices["record"]
    for action in record._actions:
        if action.dest == "source":
            action.nargs, action.default = "?", None
        if action.dest == "outlet":
            action.required = False
    record.add_argument("--warc", help="take the page (--url) from this WARC/ARC file")
    original = record.get_default("func")

    def dispatch(args: argparse.Namespace) -> int:
        if args.warc:
            return cmd_record_warc(args)
        if not args.source or not args.outlet:
            record.error("SOURCE and --outlet are required (unless the page comes from --warc)")
        return original(args)

    record.set_defaults(func=dispatch)


def cmd_record_warc(args: argparse.Namespace) -> int:
    from cleaners.cli_fixtures import fixtures_root, record
    from cleaners.fixtures import load_meta
    from cleaners.profiles import profile_for_url

    if not args.url:
        raise SystemExit("kaznews: --warc needs --url (the archived page's URL)")
    capture = find_capture(args.warc, args.url)
    if capture is None:
        raise SystemExit(f"kaznews: no HTTP 200 HTML capture of {args.url} in {args.warc}")
    profile = profile_for_url(capture.url)
    outlet = args.outlet or (profile.id if profile else None)
    if not outlet:
        raise SystemExit("kaznews: no profile matches the URL; name the outlet with --outlet")
    fetched = datetime.fromisoformat(capture.warc_date) if capture.warc_date else None

    def from_archive(_url: str) -> tuple[bytes, dict[str, str], datetime]:
        return capture.body, capture.headers, fetched or datetime.now().astimezone()

    root = fixtures_root(args.fixtures, "fixtures record", create=True)
    page = record(capture.url, outlet, args.name, root, from_archive, capture.url)
    meta_path = page.parent / "meta.json"
    meta: dict[str, Any] = load_meta(page.parent)
    name = page.name.removesuffix(".html")
    meta[name].update(
        origin=f"recorded by kaznews fixtures record from archive {Path(args.warc).name},"
        f" record {capture.record_id}, captured {capture.warc_date}",
        warc_file=Path(args.warc).name,
        warc_record_id=capture.record_id,
    )
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f'recorded {page} from {args.warc}; review {page.with_suffix(".json")} then set "reviewed": true')
    return 0
