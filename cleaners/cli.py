"""`kaznews` commands that need only the cleaner library: clean, clean-text, sites, fixtures."""

from __future__ import annotations

import argparse
import json
import stat
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from . import __version__
from .cli_fixtures import Fetcher, SpiderNames, add_fixture_commands
from .errors import CleanerError, NotHTMLError, TooLargeError
from .generic import quiet_trafilatura
from .language import normalize_lang
from .options import DEFAULT_OPTIONS
from .outpath import writable_file
from .pipeline import clean_html
from .textfilters import clean_text

PAGE_GLOBS = ("*.html", "*.htm", "*.html.gz")
GZIP_CHUNK = 1 << 16
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
    if args.output:
        writable_file(args.output, "output", "clean")
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
    print(
        f"kaznews clean: {counts['files']} files, {counts['articles']} articles,"
        f" {counts['not_article']} not_article, {counts['failed']} failed",
        file=sys.stderr,
    )
    return 1 if counts["failed"] else 0


def _reason(exc: BaseException) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)


def _language_code(value: str) -> str:
    code = normalize_lang(value)
    if code is None:
        raise argparse.ArgumentTypeError(f"not a language code: {value!r}")
    return code


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
        raise SystemExit(
            f"kaznews clean-text: {args.path} is not UTF-8 text ({exc.reason} at byte {exc.start})"
        ) from exc
    sys.stdout.write(clean_text(text, args.language) + "\n")
    return 0


def add_commands(
    sub: argparse._SubParsersAction, fetch: Fetcher | None = None, spiders: SpiderNames | None = None
) -> None:
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
    p.add_argument("--language", type=_language_code, help="the text's ISO 639-1 code (accepted for API parity)")
    p.set_defaults(func=cmd_clean_text)
    add_fixture_commands(sub, fetch, spiders)


def build_parser(
    fetch: Fetcher | None = None,
    extend: Callable[[argparse._SubParsersAction], None] | None = None,
    spiders: SpiderNames | None = None,
) -> argparse.ArgumentParser:
    """The `kaznews` parser; `extend(sub)` lets the scrapers package add crawl commands."""
    parser = argparse.ArgumentParser(prog="kaznews", description="Clean and collect Kazakhstan's news.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    add_commands(sub, fetch, spiders)
    if extend is not None:
        extend(sub)
    return parser


def run(parser: argparse.ArgumentParser, argv: list[str] | None = None) -> int:
    args = parser.parse_args(argv)
    quiet_trafilatura()
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
