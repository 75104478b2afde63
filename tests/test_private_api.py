"""The private Scrapy and scrapy-redis APIs of scrapers/private_api.py still behave as kaznews needs."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from scrapy import Request, Spider

from scrapers.private_api import decode_request, engine_slot
from tests.conftest import ROOT

SLOT_CHECK = textwrap.dedent("""
    import scrapy
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess
    from scrapers.private_api import engine_slot

    seen = []

    class Probe(scrapy.Spider):
        name = "probe"

        async def start(self):
            for _ in ():
                yield

    def opened(spider):
        slot = engine_slot(spider.crawler.engine)
        slot.nextcall.schedule()
        seen.append(type(slot.inprogress).__name__)

    process = CrawlerProcess({"LOG_LEVEL": "ERROR", "TELNETCONSOLE_ENABLED": False})
    crawler = process.create_crawler(Probe)
    crawler.signals.connect(opened, signal=signals.spider_opened)
    process.crawl(crawler)
    process.start()
    print(seen)
""")


def test_engine_slot_of_an_open_spider() -> None:
    run = subprocess.run(
        [sys.executable, "-c", SLOT_CHECK], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.strip() == "['set']", run.stderr[-3000:]


def test_engine_slot_fails_loudly_without_one() -> None:
    class Engine:
        _slot = None

    with pytest.raises(RuntimeError, match=r"ExecutionEngine\._slot\.inprogress"):
        engine_slot(Engine())  # type: ignore[arg-type]


def test_decode_request_reads_what_the_queue_pushes() -> None:
    from scrapy_redis.queue import PriorityQueue

    class Server:  # the one call PriorityQueue.push makes (ZADD key score member), in memory
        def __init__(self) -> None:
            self.members: list[bytes] = []

        def execute_command(self, command: str, key: str, score: int, member: bytes) -> None:
            self.members.append(member)

    server = Server()
    queue = PriorityQueue(server=server, spider=Spider("probe"), key="k")
    queue.push(Request("https://example.kz/a", priority=3, meta={"n": 1}))
    request = decode_request(queue, server.members[0])
    assert (request.url, request.priority, request.meta["n"]) == ("https://example.kz/a", 3, 1)
    with pytest.raises(RuntimeError, match="_decode_request"):
        decode_request(object(), b"")
