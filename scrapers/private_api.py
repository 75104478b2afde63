"""Every private Scrapy or scrapy-redis API kaznews uses, one function each (tests/test_private_api.py
fails loudly when a release changes one)."""

from __future__ import annotations

from typing import Any, Protocol

from scrapy import Request
from scrapy.core.engine import ExecutionEngine

SUPPORTED = "Scrapy 2.13-2.19, scrapy-redis 0.9"


class NextCall(Protocol):
    def schedule(self, delay: float = 0) -> None: ...


class EngineSlot(Protocol):
    """What the engine has in progress for the open spider, and its next-step call."""

    inprogress: set[Request]
    nextcall: NextCall


def engine_slot(engine: ExecutionEngine) -> EngineSlot:
    """ExecutionEngine._slot of the open spider (set before the scheduler opens): the requests
    the engine is downloading, parsing or whose items are in the pipelines."""
    slot = getattr(engine, "_slot", None)
    if slot is None or not isinstance(getattr(slot, "inprogress", None), set) or not hasattr(slot, "nextcall"):
        raise RuntimeError(f"kaznews needs ExecutionEngine._slot.inprogress and .nextcall ({SUPPORTED})")
    return slot


def decode_request(queue: Any, member: bytes) -> Request:
    """A request of a scrapy-redis queue from its stored form (queue.Base._decode_request)."""
    decode = getattr(queue, "_decode_request", None)
    if decode is None:
        raise RuntimeError(f"kaznews needs scrapy_redis.queue.Base._decode_request ({SUPPORTED})")
    request: Request = decode(member)
    return request
