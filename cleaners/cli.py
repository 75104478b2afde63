"""`kaznews` commands that need only the cleaner library: clean, clean-text, sites, fixtures."""
from __future__ import annotations

import argparse
import json
import stat
import sys
import zlib
from pathlib import Path
from typing import BinaryIO, Callable, Iterator, TextIO

from .cli_fixtures import Fetcher, add_fixture_commands
from .errors import CleanerError, NotHTMLError, TooLargeError
from .language import normalize_lang
from .options import DEFAULT_OPTIONS
from .pipeline import clean_html
from .textfilters import clean_text

PAGE_GLOBS = ("*.html", "*.htm", "*.html.gz")
GZIP_CHUNK = 1 << 16


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


def read_input(path: Path | None, max_bytes: int = DEFAULT_OPTIONS.max_bytes) -> bytes:
    """A page's bytes (at most max_bytes + 1: the cleaner refuses larger), a .gz file inflated as it is read.

    Only regular files are read (a FIFO or device named by mistake would block or never end);
    corrupt or truncated gzip raises NotHTMLError, one inflating past max_bytes TooLargeError.
    """
    if path is None:
        return sys.stdin.buffer.read(max_bytes + 1)
    if not stat.S_ISREG(path.stat().st_mode):
        raise NotHTMLError(f"{path} is not a regular file")
    with path.open("rb") as fh:
        if not path.name.endswith(".gz"):
            return fh.read(max_bytes + 1)
        return _gunzip_stream(fh, max_bytes)


def _gunzip_stream(fh: BinaryIO, max_bytes: int) -> bytes:
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    try:
        while not inflate.eof and (chunk := inflate.unconsumed_tail or fh.read(GZIP_CHUNK)):
            out += inflate.decompress(chunk, max_bytes + 1 - len(out))
            if len(out) > max_bytes:
                raise TooLargeError(f"gzip file inflates beyond {max_bytes} bytes")
    except zlib.error as exc:
        raise NotHTMLError(f"gzip data is corrupt: {exc}") from exc
    if not inflate.eof:
        raise NotHTMLError("gzip data is truncated")
    return bytes(out)


def _progress(items: list, enabled: bool):
    if not enabled:
        return items
    try:
        from tqdm import tqdm
    except ImportError:  # tqdm is a dependency; degrade quietly if absent
        return items
    return tqdm(items, unit="page", file=sys.stderr)


def cmd_clean(args: argparse.Namespace) -> int:
    inputs = list(iter_inputs(args.paths))
    out: TextIO = open(args.output, "a", encoding="utf-8") if args.output else sys.stdout
    failed = 0
    try:
        for path in _progress(inputs, len(inputs) > 5 and not args.quiet):
            name = "-" if path is None else str(path)
            try:
                article = clean_html(read_input(path), args.url)
            except (CleanerError, OSError) as exc:
                failed += 1
                print(f"kaznews: skipped {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
                continue
            out.write(article.to_json() + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    if failed:
        print(f"kaznews: {len(inputs) - failed} cleaned, {failed} skipped", file=sys.stderr)
    return 1 if failed and failed == len(inputs) else 0


def _language_code(value: str) -> str:
    code = normalize_lang(value)
    if code is None:
        raise argparse.ArgumentTypeError(f"not a language code: {value!r}")
    return code


def cmd_clean_text(args: argparse.Namespace) -> int:
    text = sys.stdin.read() if args.path == "-" else Path(args.path).read_text(encoding="utf-8", errors="replace")
    sys.stdout.write(clean_text(text, args.language) + "\n")
    return 0


def add_commands(sub: argparse._SubParsersAction, fetch: Fetcher | None = None) -> None:
    """Register the cleaner commands; `fetch` (url -> bytes) lets `fixtures record` take URLs."""
    p = sub.add_parser("clean", help="clean saved pages into JSON Lines")
    p.add_argument("paths", nargs="+", help="files, folders (recursive .html/.htm/.html.gz) or -")
    p.add_argument("--url", help="the page URL (selects the outlet profile) when cleaning one page")
    p.add_argument("-o", "--output", help="append JSON Lines to this file instead of stdout")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_clean)
    p = sub.add_parser("clean-text", help="strip boilerplate from already extracted text")
    p.add_argument("path", help="a UTF-8 text file or -")
    p.add_argument("--language", type=_language_code, help="the text's ISO 639-1 code (accepted for API parity)")
    p.set_defaults(func=cmd_clean_text)
    add_fixture_commands(sub, fetch)


def build_parser(fetch: Fetcher | None = None,
                 extend: Callable[[argparse._SubParsersAction], None] | None = None) -> argparse.ArgumentParser:
    """The `kaznews` parser; `extend(sub)` lets the scrapers package add crawl commands."""
    parser = argparse.ArgumentParser(prog="kaznews", description="Clean and collect Kazakhstan's news.")
    sub = parser.add_subparsers(dest="command", required=True)
    add_commands(sub, fetch)
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
