"""Helpers of the spider tests: a copy of an outlet's fixtures, variant pages, fault routes, and
`scrapy crawl` run as a real subprocess against a `scrapers.mirror.MirrorServer` on 127.0.0.1."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
FAST = {  # no politeness delays against the local mirror
    "AUTOTHROTTLE_ENABLED": "0",
    "DOWNLOAD_DELAY": "0",
    "KAZNEWS_RETRY_BACKOFF_BASE": "0.05",
    "LOG_LEVEL": "INFO",
}


@dataclass
class Run:
    returncode: int
    items: list[dict[str, Any]]
    stats: dict[str, Any]
    log: str = field(repr=False)

    def stat(self, key: str) -> int:
        return int(self.stats.get(key, 0))


class Workdir:
    """State, output, stats and log files of a series of crawls (one state, one output)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.output = path / "out" / "articles.jsonl"
        self.state = path / "state.sqlite"
        self.stats = path / "stats.jsonl"

    def lines(self) -> list[dict[str, Any]]:
        if not self.output.exists():
            return []
        complete = self.output.read_text(encoding="utf-8").split("\n")[:-1]  # not a partial last line
        return [json.loads(line) for line in complete]

    def command(self, spider: str, base_url: str, args: dict[str, str], settings: dict[str, str]) -> list[str]:
        cmd = [sys.executable, "-m", "scrapy", "crawl", spider, "-a", f"base_url={base_url}"]
        for key, value in args.items():
            cmd += ["-a", f"{key}={value}"]
        merged = {
            **FAST,
            "KAZNEWS_STATE": str(self.state),
            "KAZNEWS_OUTPUT": str(self.output),
            "KAZNEWS_STATS_FILE": str(self.stats),
            **settings,
        }
        for key, value in merged.items():
            cmd += ["-s", f"{key}={value}"]
        return cmd

    def start(
        self, spider: str, base_url: str, args: dict[str, str] | None = None, settings: dict[str, str] | None = None
    ) -> subprocess.Popen[bytes]:
        log = (self.path / f"{spider}.log").open("ab")
        return subprocess.Popen(
            self.command(spider, base_url, args or {}, settings or {}),
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def crawl(
        self,
        spider: str,
        base_url: str,
        args: dict[str, str] | None = None,
        settings: dict[str, str] | None = None,
        timeout: float = 120,
    ) -> Run:
        before = len(self.lines())
        stats_before = len(self.stats.read_text().splitlines()) if self.stats.exists() else 0
        proc = self.start(spider, base_url, args, settings)
        timer = threading.Timer(timeout, os.killpg, (proc.pid, signal.SIGKILL))
        timer.start()
        try:
            proc.wait()
        finally:
            timer.cancel()
        stats_lines = self.stats.read_text().splitlines()[stats_before:] if self.stats.exists() else []
        log = (self.path / f"{spider}.log").read_text(encoding="utf-8", errors="replace")
        return Run(proc.returncode, self.lines()[before:], json.loads(stats_lines[-1]) if stats_lines else {}, log)


def copy_outlet(outlet: str, dest: Path) -> Path:
    """A private copy of fixtures/<outlet> (pages, meta.json, mirror) under dest; returns dest."""
    shutil.copytree(FIXTURES / outlet, dest / outlet)
    return dest


def add_variant(root: Path, outlet: str, name: str, n: int) -> str:
    """Add a new article page to a fixture copy: `name` with its URL and one body word changed.

    Returns the new page's URL. The meta.json entry keeps the original fetched_at.
    """
    meta_path = root / outlet / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    page = next(p for p in (root / outlet).iterdir() if p.name.startswith(name + ".html"))
    html = page.read_bytes()
    if page.name.endswith(".gz"):
        html = gzip.decompress(html)
    expected = json.loads((root / outlet / f"{name}.json").read_text(encoding="utf-8"))
    old_url = meta[name]["url"]
    slug = old_url.rstrip("/").rsplit("/", 1)[1]
    new_slug = f"v{n}-{slug}"
    word = next(w for w in expected["body"].split() if len(w) > 6 and w.isalpha() and w.encode() in html)
    html = html.replace(slug.encode(), new_slug.encode()).replace(word.encode(), f"{word} {n}".encode())
    new_name = f"{name}-v{n}"
    (root / outlet / f"{new_name}.html").write_bytes(html)
    meta[new_name] = {**meta[name], "url": old_url.replace(slug, new_slug)}
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return meta[new_name]["url"]


# Fault routes (handler functions for MirrorServer.routes)
def respond(
    handler: BaseHTTPRequestHandler, status: int, body: bytes = b"", headers: dict[str, str] | None = None
) -> None:
    try:
        handler.send_response(status)
        for key, value in {"Content-Length": str(len(body)), **(headers or {})}.items():
            handler.send_header(key, value)
        handler.end_headers()
        handler.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):  # the crawler gave up waiting (timeout test)
        pass


def fail_once(status: int, then: bytes) -> Any:
    calls = {"n": 0}

    def route(handler: BaseHTTPRequestHandler) -> None:
        calls["n"] += 1
        respond(
            handler,
            status if calls["n"] == 1 else 200,
            b"oops" if calls["n"] == 1 else then,
            {"Content-Type": "text/html; charset=utf-8"},
        )

    return route


def slow(seconds: float) -> Any:
    def route(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        respond(handler, 200, b"<html><body><p>late</p></body></html>", {"Content-Type": "text/html"})

    return route


def redirect_to(location: Callable[[int], str]) -> Any:
    """A 302 to location(n), n being the request's ?n= (0 without)."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        n = int(parse_qs(urlsplit(handler.path).query).get("n", ["0"])[0])
        respond(handler, 302, b"", {"Location": location(n)})

    return route


def static(body: bytes, headers: dict[str, str]) -> Any:
    return lambda handler: respond(handler, 200, body, headers)


def gzip_bomb(size: int) -> bytes:
    """`size` bytes of zeros, gzip-compressed (about a thousandth of the size)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * (1 << 20)
    parts = [comp.compress(chunk) for _ in range(size >> 20)]
    return b"".join(parts) + comp.flush()


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'.encode() for i in range(1, 10)
    )
    + b']>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&lol9;</loc></url></urlset>\n'
)


def fresh_clone(dest: Path) -> Path:
    """What `git clone` of this checkout gives (tracked and new, not ignored, files), under dest."""
    listed = (
        subprocess.run(
            ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():  # not a file deleted in the working tree
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest
