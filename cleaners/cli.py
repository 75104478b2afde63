"""`kaznews` commands that need only the cleaner library: clean, clean-text, sites, fixtures."""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO

from .cli_fixtures import Fetcher, SpiderNames, add_fixture_commands
from .errors import CleanerError
from .pipeline import clean_html
from .textfilters import clean_text

PAGE_GLOBS = ("*.html", "*.htm", "*.html.gz")
PROGRESS_MIN_FILES = 5  # a progress bar for more files than this
BINARY_SNIFF = 8192  # bytes of a text file checked for NUL


def iter_inputs(paths: list[str]) -> Iterator[Path | None]:
    """Files named, files found recursively under folders, or None for standard input."""
    for raw in paths:
        if raw == "-":
            yield None
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted({p for g in PAGE_GLOBS for p in path.rglob(g) if p.is_file()})
            yield from found
        else:
            yield path


def read_input(path: Path | None) -> bytes:
    data = sys.stdin.buffer.read() if path is None else path.read_bytes()
    if path is not None and path.name.endswith(".gz"):
        data = gzip.decompress(data)
    return data


def _progress(items: list[Path | None], quiet: bool) -> Iterable[Path | None]:
    """A tqdm bar on stderr for many files, only when stderr is a terminal."""
    if quiet or len(items) <= PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, unit="page", file=sys.stderr)


def cmd_clean(args: argparse.Namespace) -> int:
    inputs = list(iter_inputs(args.paths))
    if not inputs:
        raise SystemExit(f"kaznews clean: no {', '.join(PAGE_GLOBS)} files in {' '.join(args.paths)}")
    if args.url and len(inputs) > 1:
        raise SystemExit(f"kaznews clean: --url names one page, but {len(inputs)} files were given")
    counts = Counter(files=len(inputs))
    out: TextIO = open(args.output, "a", encoding="utf-8") if args.output else sys.stdout
    try:
        for path in _progress(inputs, args.quiet):
            name = "-" if path is None else str(path)
            try:
                article = clean_html(read_input(path), args.url)
            except (CleanerError, OSError, EOFError, zlib.error) as exc:
                counts["failed"] += 1
                print(f"kaznews clean: skipped {name}: {type(exc).__name__}: {_reason(exc)}", file=sys.stderr)
                continue
            counts["not_article" if "not_article" in article.warnings else "articles"] += 1
            out.write(json.dumps({**article.to_dict(), "file": name}, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"kaznews clean: {counts['files']} files, {counts['articles']} articles,"
          f" {counts['not_article']} not_article, {counts['failed']} failed", file=sys.stderr)
    return 1 if counts["failed"] else 0


def _reason(exc: BaseException) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)


def cmd_clean_text(args: argparse.Namespace) -> int:
    if args.path != "-" and Path(args.path).is_dir():
        raise SystemExit(f"kaznews clean-text: {args.path} is a folder: give one text file, or - for stdin")
    try:
        data = sys.stdin.buffer.read() if args.path == "-" else Path(args.path).read_bytes()
    except OSError as exc:
        raise SystemExit(f"kaznews clean-text: cannot read {args.path}: {_reason(exc)}") from exc
    if b"\0" in data[:BINARY_SNIFF]:
        raise SystemExit(f"kaznews clean-text: {args.path} is binary, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SystemExit(f"kaznews clean-text: {args.path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    sys.stdout.write(clean_text(text, args.language) + "\n")
    return 0


def add_commands(sub: argparse._SubParsersAction, fetch: Fetcher | None = None,
                 spiders: SpiderNames | None = None) -> None:
    """Register the cleaner commands; `fetch` (url -> bytes) lets `fixtures record` take URLs,
    `spiders` lets `sites` name each edition's spider."""
    p = sub.add_parser("clean", help="clean saved pages into JSON Lines (one record per file, with its `file`)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (recursive .html/.htm/.html.gz) or -")
    p.add_argument("--url", help="the page's URL (selects the outlet profile); only with a single page")
    p.add_argument("-o", "--output", help="append JSON Lines to this file instead of stdout")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar (shown only on a terminal)")
    p.set_defaults(func=cmd_clean)
    p = sub.add_parser("clean-text", help="strip boilerplate from already extracted text")
    p.add_argument("path", metavar="PATH", help="a UTF-8 text file, or - for standard input")
    p.add_argument("--language", choices=("ru", "kk", "en"), help="accepted for compatibility: the rules cover all three")
    p.set_defaults(func=cmd_clean_text)
    add_fixture_commands(sub, fetch, spiders)


def build_parser(fetch: Fetcher | None = None,
                 extend: Callable[[argparse._SubParsersAction], None] | None = None,
                 spiders: SpiderNames | None = None) -> argparse.ArgumentParser:
    """The `kaznews` parser; `extend(sub)` lets the scrapers package add crawl commands."""
    parser = argparse.ArgumentParser(prog="kaznews", description="Clean and collect Kazakhstan's news.")
    sub = parser.add_subparsers(dest="command", required=True)
    add_commands(sub, fetch, spiders)
    if extend is not None:
        extend(sub)
    return parser


def run(parser: argparse.ArgumentParser, argv: list[str] | None = None) -> int:
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), argv)


if __name__ == "__main__":
    raise SystemExit(main())
