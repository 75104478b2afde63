"""Local mirrors of the outlets: generate `fixtures/<outlet>/mirror/<spider>/`, and serve them.

Mirror files hold what a spider's start URL returns (a sitemap, RSS feed or listing pages) for
that edition's fixture articles. A URL path maps to a file path: `/sitemap.xml` →
`sitemap.xml`, a path ending in `/` gets `index`, a query is appended after `@`
(`/lenta/?page=2` → `lenta/index@page=2`). URLs inside are written `{base_url}/path`; the
server fills in `http://127.0.0.1:<port>/<spider>`, which is the spider's `-a base_url=`.

The server (`MirrorServer`, 127.0.0.1, any free port) serves `/<spider>/<path>` from the mirror
files, else from the fixture article whose meta.json URL has that path (with the fixture's
`fetched_at` as the HTTP Date header), plus `/robots.txt` and extra test routes.

    python -m scrapers.mirror build [OUTLET...]   regenerate mirrors from the fixtures
    python -m scrapers.mirror serve [--port N]    serve every mirror (Ctrl-C to stop)
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import cast
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from cleaners.cli_fixtures import fixtures_root
from cleaners.fixtures import Fixture, checkout_fixtures, iter_fixtures

from .base import NewsSpider
from .discovery import parse_utc_date
from .urlguard import path_and_query

PLACEHOLDER = "{base_url}"
Route = Callable[[BaseHTTPRequestHandler], None]  # writes its own response
Reply = tuple[int, bytes, str, str]  # status, body, content type, Date header ("": now)
Handle = Callable[[BaseHTTPRequestHandler], Reply | None]  # None: it wrote its own response
NOT_FOUND: Reply = (404, b"not found", "text/html", "")


def spider_classes() -> list[type[NewsSpider]]:
    """Every kaznews spider, from any working directory."""
    from scrapy.settings import Settings
    from scrapy.spiderloader import SpiderLoader

    from . import settings

    loader = SpiderLoader.from_settings(Settings({"SPIDER_MODULES": settings.SPIDER_MODULES}))
    return [
        cast("type[NewsSpider]", loader.load(name)) for name in loader.list()
    ]  # SPIDER_MODULES hold only NewsSpiders


def file_for(path_and_query: str) -> str:
    path, _, query = path_and_query.partition("?")
    rel = path.lstrip("/")
    rel = rel + "index" if rel == "" or rel.endswith("/") else rel
    return f"{rel}@{query}" if query else rel


def edition_fixtures(spider: type[NewsSpider], root: Path) -> list[Fixture]:
    return [f for f in iter_fixtures(root, spider.outlet) if f.url and spider.owns(f.url)]


def _mirror_url(url: str) -> str:
    return PLACEHOLDER + path_and_query(url) if url.startswith("https://") else url


# Generation
def build(spider: type[NewsSpider], root: Path) -> dict[str, bytes]:
    """Mirror files (relative path → bytes) pointing at the spider's fixture articles."""
    items = []
    for fx in edition_fixtures(spider, root):
        expected = fx.expected() if fx.expected_path.exists() else {}
        items.append((fx.url or "", expected.get("title") or fx.name, parse_utc_date(expected.get("date"))))
    start = spider.edition.start_url
    kind, name = _kind(start), file_for(path_and_query(start))
    if kind == "sitemap" and "index" in name.rsplit("/", 1)[-1]:
        child = name.rsplit("/", 1)[0] + "/sitemap-news.xml" if "/" in name else "sitemap-news.xml"
        index = f"<sitemap><loc>{PLACEHOLDER}/{child}</loc></sitemap>"
        return {
            name: _xml(f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{index}</sitemapindex>'),
            **build_urlset(child, items),
        }
    if kind == "sitemap":
        return build_urlset(name, items)
    if kind == "feed":
        entries = "".join(
            f"<item><title>{escape(t)}</title><link>{escape(_mirror_url(u))}</link>"
            + (f"<pubDate>{format_datetime(d)}</pubDate>" if d else "")
            + "</item>\n"
            for u, t, d in items
        )
        return {name: _xml(f'<rss version="2.0"><channel><title>{spider.name}</title>\n{entries}</channel></rss>')}
    next_page = spider.edition.next_page
    if not next_page:
        return {name: _listing(items, "")}
    per_page = max(1, (len(items) + 1) // 2)
    chunks = [items[i : i + per_page] for i in range(0, len(items), per_page)]
    chunks.append([])  # the end: a page without new articles stops the pagination
    files = {}
    for n, chunk in enumerate(chunks):
        nxt = f"{PLACEHOLDER}{next_page.format(n=n + 2)}" if n + 1 < len(chunks) else ""
        files[name if n == 0 else file_for(next_page.format(n=n + 1))] = _listing(chunk, nxt)
    return files


def _listing(items: list[tuple[str, str, datetime | None]], next_url: str) -> bytes:
    links = "".join(f'<li><a href="{escape(_mirror_url(u))}">{escape(t)}</a></li>\n' for u, t, _ in items)
    nxt = f'<a rel="next" href="{next_url}">next</a>' if next_url else ""
    return f"<!doctype html><html><body><ul>\n{links}</ul>{nxt}</body></html>\n".encode()


def build_urlset(name: str, items: list[tuple[str, str, datetime | None]]) -> dict[str, bytes]:
    urls = "".join(
        f"<url><loc>{escape(_mirror_url(u))}</loc>" + (f"<lastmod>{d.isoformat()}</lastmod>" if d else "") + "</url>\n"
        for u, _, d in items
    )
    return {name: _xml(f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>')}


def _kind(url: str) -> str:
    path = urlsplit(url).path.lower()
    if "sitemap" in path or path.endswith(".xml") and "rss" not in path:
        return "sitemap"
    if any(word in path for word in ("rss", "feed", "/api/", "atom")):
        return "feed"
    return "listing"


def _xml(text: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")


def write(spider: type[NewsSpider], root: Path) -> Path:
    folder = root / spider.outlet / "mirror" / spider.name
    for rel, data in build(spider, root).items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    return folder


# Serving
def mirror_root() -> Path:
    """The checkout's fixtures, where the mirrors are (the default root of a MirrorServer)."""
    root = checkout_fixtures()
    if root is None:
        raise FileNotFoundError("the mirrors are in the fixtures/ folder of a kaznews checkout: pass root=")
    return root


@dataclass
class Site:
    mirror: Path
    pages: dict[str, Fixture]


@dataclass
class MirrorServer:
    """A threaded HTTP server on 127.0.0.1 for every spider's mirror; `with` starts and stops it."""

    root: Path = field(default_factory=mirror_root)
    spiders: Iterable[type[NewsSpider]] | None = None
    robots: str = "User-agent: *\nDisallow:\n"
    routes: dict[str, Route] = field(default_factory=dict)  # URL path (query ignored) → handler
    delay: float = 0.0  # seconds before each article page (a slow site)
    port: int = 0  # 0: any free port

    def __post_init__(self) -> None:
        self.spider_map = {s.name: s for s in (self.spiders if self.spiders is not None else spider_classes())}
        self.sites: dict[str, Site] = {}
        self.httpd = local_server(self.reply, self.port)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def site(self, name: str) -> Site | None:
        """A spider's mirror folder and fixture pages by URL path (read on first request)."""
        spider = self.spider_map.get(name)
        if spider is not None and name not in self.sites:
            self.sites[name] = Site(
                self.root / spider.outlet / "mirror" / name,
                {path_and_query(f.url or ""): f for f in edition_fixtures(spider, self.root)},
            )
        return self.sites.get(name)

    def base_url(self, spider: str) -> str:
        return f"{self.url}/{spider}"

    def reply(self, handler: BaseHTTPRequestHandler) -> Reply | None:
        """The answer to a GET: a test route's own, robots.txt, a mirror file or a fixture article."""
        route = self.routes.get(handler.path.partition("?")[0])
        if route is not None:
            route(handler)
            return None
        if handler.path == "/robots.txt":
            return 200, self.robots.encode(), "text/plain", ""
        name, _, rest = handler.path.lstrip("/").partition("/")
        site = self.site(name)
        if site is None:
            return NOT_FOUND
        found = site.mirror / file_for("/" + rest)
        if found.is_file() and site.mirror in found.resolve().parents:
            return 200, *_mirror_body(found.read_bytes(), self.base_url(name)), ""
        page = site.pages.get("/" + rest)
        if page is None:
            return NOT_FOUND
        time.sleep(self.delay)
        fetched = parse_utc_date(page.meta.get("fetched_at"))  # the Date header the outlet sent
        return (
            200,
            page.read_page(),
            "text/html",
            format_datetime(fetched.astimezone(UTC), usegmt=True) if fetched else "",
        )

    def __enter__(self) -> MirrorServer:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def local_server(handle: Handle, port: int = 0) -> ThreadingHTTPServer:
    """A quiet threaded HTTP/1.1 server on 127.0.0.1 (port 0: any free one) answering GET with `handle`
    (also the threaded server of bench.crawl_server)."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        date = ""  # the Date header of the reply being sent ("": now)

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def date_time_string(self, timestamp: float | None = None) -> str:
            return self.date or super().date_time_string(timestamp)

        def do_GET(self) -> None:
            self.date = ""  # not the previous request's on this connection
            reply = handle(self)
            if reply is None:  # a route wrote its own response
                return
            status, body, ctype, self.date = reply
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    httpd.daemon_threads = True
    return httpd


def _mirror_body(data: bytes, base_url: str) -> tuple[bytes, str]:
    if data[:2] == b"\x1f\x8b":
        return data, "application/x-gzip"
    data = data.replace(PLACEHOLDER.encode(), base_url.encode())
    head = data[:200].lstrip().lower()
    return data, "text/html; charset=utf-8" if head.startswith((b"<!doctype", b"<html")) else "application/xml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scrapers.mirror")
    sub = parser.add_subparsers(dest="cmd", required=True)
    build = sub.add_parser("build", help="regenerate fixtures/<outlet>/mirror/ from the fixtures")
    build.add_argument("outlets", nargs="*", metavar="OUTLET", help="outlet ids (default: every outlet)")
    serve = sub.add_parser("serve", help="serve every mirror on 127.0.0.1 until Ctrl-C")
    serve.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (default: any free port)")
    args = parser.parse_args(argv)
    root = fixtures_root(None, f"mirror {args.cmd}")
    if args.cmd == "build":
        for spider in spider_classes():
            if not args.outlets or spider.outlet in args.outlets:
                print(write(spider, root).relative_to(root.parent))
        return 0
    try:
        server = MirrorServer(root, port=args.port)
    except OSError as exc:
        parser.exit(1, f"python -m scrapers.mirror serve: cannot listen on 127.0.0.1:{args.port}: {exc.strerror}\n")
    with server as mirror:
        print(json.dumps({name: mirror.base_url(name) for name in mirror.spider_map}, indent=1), flush=True)
        threading.Event().wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
