"""Serve a `bench.crawl_mirror.Mirror` on 127.0.0.1, in its own process (its CPU is not the crawler's).

    python -m bench.crawl_server --spider tengrinews_ru --articles 10000 [--chunk 1000] [--kind asyncio]

Prints `{"port": P}` once listening; on SIGTERM or SIGINT prints `{"requests": n, "cpu_s": s}` and
exits. `asyncio` (default) is a minimal keep-alive HTTP/1.1 server on the event loop; `threading`
is `scrapers.mirror.local_server` (the stdlib ThreadingHTTPServer the mirrors use), kept for comparison.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
import threading
from email.utils import formatdate

from scrapers.mirror import Reply, local_server

from .crawl_mirror import Mirror, build_mirror

ROBOTS = b"User-agent: *\nDisallow:\n"
HTML, XML, TEXT = "text/html; charset=utf-8", "application/xml", "text/plain"


class Router:
    """Maps a request target to a reply; counts requests."""

    def __init__(self, mirror: Mirror, port: int) -> None:
        self.mirror, self.base, self.requests = mirror, f"http://127.0.0.1:{port}", 0
        self.index = mirror.sitemap_index(self.base)

    def reply(self, target: str) -> Reply:
        self.requests += 1
        page = self.mirror.page(target)
        if page is not None:
            return 200, page[0], HTML, page[1]
        if target == "/robots.txt":
            return 200, ROBOTS, TEXT, ""
        if target == self.mirror.start_path:
            return 200, self.index, XML, ""
        if target.startswith("/sitemap-news-") and target.endswith(".xml"):
            number = target[len("/sitemap-news-") : -len(".xml")]
            found = self.mirror.sitemap(int(number), self.base) if number.isdigit() else None
            if found is not None:
                return 200, found, XML, ""
        return 404, b"not found", TEXT, ""


def _head(status: int, length: int, ctype: str, date: str) -> bytes:
    reason = "OK" if status == 200 else "Not Found"
    return (
        f"HTTP/1.1 {status} {reason}\r\nServer: kaznews-bench\r\nDate: {date or formatdate(usegmt=True)}\r\n"
        f"Content-Type: {ctype}\r\nContent-Length: {length}\r\n\r\n"
    ).encode("latin-1")


async def _serve_connection(router: Router, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            target = head.split(b"\r\n", 1)[0].split(b" ")[1].decode("latin-1")
            status, body, ctype, date = router.reply(target)
            writer.write(_head(status, len(body), ctype, date))
            writer.write(body)
            await writer.drain()
            if b"connection: close" in head.lower():
                break
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError, IndexError):
        pass
    finally:
        writer.close()


async def serve_asyncio(mirror: Mirror) -> Router:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    holder: list[Router] = []
    server = await asyncio.start_server(lambda r, w: _serve_connection(holder[0], r, w), "127.0.0.1", 0, backlog=512)
    holder.append(Router(mirror, server.sockets[0].getsockname()[1]))
    _announce(holder[0])
    async with server:
        await stop.wait()
    return holder[0]


def serve_threading(mirror: Mirror) -> Router:
    holder: list[Router] = []
    httpd = local_server(lambda handler: holder[0].reply(handler.path))
    holder.append(Router(mirror, httpd.server_address[1]))
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    _announce(holder[0])
    stop.wait()
    httpd.shutdown()
    return holder[0]


def _announce(router: Router) -> None:
    print(json.dumps({"port": int(router.base.rsplit(":", 1)[1])}), flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.crawl_server", description=__doc__.splitlines()[0])
    ap.add_argument("--spider", default="tengrinews_ru")
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--chunk", type=int, default=1000, help="URLs per child sitemap")
    ap.add_argument("--kind", choices=("asyncio", "threading"), default="asyncio")
    args = ap.parse_args(argv)
    mirror = build_mirror(args.spider, args.articles, args.chunk)
    router = asyncio.run(serve_asyncio(mirror)) if args.kind == "asyncio" else serve_threading(mirror)
    times = os.times()
    print(json.dumps({"requests": router.requests, "cpu_s": round(times.user + times.system, 2)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
