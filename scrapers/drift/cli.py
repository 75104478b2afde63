"""`kaznews profile suggest OUTLET PAGE...` and `kaznews profile new ID --from PAGE...` (docs/drift-repair.md)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from cleaners.cli_fixtures import fixtures_root
from cleaners.profiles import all_profiles, profile_by_id

from .errors import SuggestError
from .induce import suggest
from .inputs import URL_SCHEMES, load_samples, older_pages, profile_path, unreviewed
from .newprofile import new_profile
from .render import profile_file, write_layout
from .report import format_suggestion

REFUSED = 2  # the exit status of a refusal
SITES = Path(__file__).resolve().parents[2] / "cleaners" / "sites"


def cmd_suggest(args: argparse.Namespace) -> int:
    profile = profile_by_id(args.outlet)
    if profile is None:
        known = ", ".join(sorted(p.id for p in all_profiles()))
        raise SuggestError(f"unknown outlet {args.outlet!r} (known: {known}); `kaznews profile new` starts one")
    root = fixtures_root(args.fixtures, "profile suggest")
    samples = load_samples(args.pages)[0] + (unreviewed(root, args.outlet) if args.unreviewed else [])
    found = suggest(samples, args.outlet, profile, older_pages(root, args.outlet, samples), args.version)
    path = Path(args.profile_file) if args.profile_file else profile_path(args.outlet)
    print(format_suggestion(found, str(path)))
    if args.write:
        write_layout(path, found.layout)
        print(
            f"\nwrote layout {found.layout.version} first in the layouts of {path}; next: review the new pages"
            f" (kaznews fixtures review --outlet {args.outlet}), then kaznews fixtures check"
        )
    return 0


def module_name(outlet: str) -> str:
    """`example.kz` -> `example`: the profile file's name."""
    return outlet.split(".")[0].replace("-", "_")


def cmd_new(args: argparse.Namespace) -> int:
    if profile_by_id(args.id) is not None:
        raise SuggestError(f"{args.id} already has a profile; `kaznews profile suggest` adds a layout to it")
    hosts = sorted({urlsplit(s).netloc for s in args.pages if s.startswith(URL_SCHEMES)})
    robots_urls = {f"https://{h}/robots.txt": h for h in hosts}
    samples, texts = load_samples(args.pages, tuple(robots_urls))
    robots = {robots_urls[url]: text for url, text in texts.items()}
    profile, found = new_profile(args.id, samples, robots)
    doc = f"{profile.name}: profile induced by `kaznews profile new` from {len(samples)} pages; review it."
    out = Path(args.output) if args.output else SITES / f"{module_name(args.id)}.py"
    if out.exists() and not args.force:
        raise SuggestError(f"{out} exists; --force replaces it")
    out.write_text(profile_file(profile, doc), encoding="utf-8")
    print(format_suggestion(found, str(out)))
    print(
        f"\nwrote {out} ({len(profile.editions)} editions); next: record and review fixtures of the outlet"
        " (docs/adding-an-outlet.md)"
    )
    return 0


def _run(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except SuggestError as exc:
            print(f"kaznews profile {args.profile_command}: refused: {exc}", file=sys.stderr)
            return REFUSED

    return run


def add_profile_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("profile", help="induce a layout (or a whole profile) from pages (docs/drift-repair.md)")
    psub = p.add_subparsers(dest="profile_command", required=True)
    s = psub.add_parser("suggest", help="induce a new layout of an outlet from 2-20 of its article pages")
    s.add_argument("outlet", help="the outlet id (see `kaznews sites`)")
    s.add_argument("pages", nargs="*", metavar="PAGE", help="saved pages, folders of them, or URLs (fetched)")
    s.add_argument(
        "--unreviewed",
        action="store_true",
        help="also the outlet's unreviewed fixtures (what `check-live --suggest` recorded)",
    )
    s.add_argument("--write", action="store_true", help="add the layout first in the outlet's profile file")
    s.add_argument("--profile-file", help="the profile file to write (default: the outlet's in cleaners/sites/)")
    s.add_argument("--version", help="the new layout's version (default: the first capture's year)")
    s.add_argument(
        "--fixtures",
        metavar="DIR",
        help="fixtures folder: its older pages must keep their layout (default: the checkout's)",
    )
    s.set_defaults(func=_run(cmd_suggest))
    n = psub.add_parser("new", help="write a complete profile file for a new outlet from its article pages")
    n.add_argument("id", help="the outlet id, its main domain (example.kz)")
    n.add_argument(
        "--from",
        dest="pages",
        nargs="+",
        required=True,
        metavar="PAGE",
        help="saved pages, folders of them, or URLs (fetched, with the hosts' robots.txt)",
    )
    n.add_argument("--output", help="the profile file (default: cleaners/sites/<name>.py)")
    n.add_argument("--force", action="store_true", help="replace an existing file")
    n.set_defaults(func=_run(cmd_new))
