"""One frontier for many workers: scrapy-redis' scheduler and request filter, plus leases.

scrapy-redis (0.9) keeps the queue and the filter in Redis, but a request a worker has popped
lives only in that worker's memory: SIGKILL loses it. Here a pop moves the request, in one Lua
script, from the queue to the worker's in-flight set, and it leaves that set only once Scrapy is
done with it (downloaded, parsed, its items through the pipelines and on disk). Each worker keeps a
heartbeat key fresh; when one stops (killed, machine gone) for KAZNEWS_REDIS_LEASE s, any other
worker (or its own restart) moves its in-flight requests back to the queue.

Keys (<p> is KAZNEWS_REDIS_PREFIX, <s> the spider name):
  <p>:<s>:requests           zset  the shared queue (scrapy-redis PriorityQueue, pickled requests)
  <p>:<s>:seen               set   the request filter of this crawl (scrapers/redis_filter.py)
  <p>:<s>:inflight:<worker>  zset  requests a worker has popped and not finished (queue encoding)
  <p>:<s>:workers            set   workers that may hold in-flight requests
  <p>:<s>:alive:<worker>     str   the heartbeat (this process's INCARNATION), expires after the lease

A crawl ends when the queue and every in-flight set have been empty for KAZNEWS_REDIS_IDLE_CLOSE
s: each idle worker then closes, clearing `seen` so that the next crawl reads sitemaps afresh.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from redis import RedisError
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.misc import load_object
from scrapy_redis.scheduler import Scheduler as RedisScheduler
from twisted.internet.task import LoopingCall

from .private_api import decode_request, engine_slot
from .redis_state import SECONDS_PER_DAY, redis_state
from .worker import INCARNATION, worker_id

logger = logging.getLogger(__name__)
POP = """
local top = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #top == 0 then return false end
redis.call('ZREM', KEYS[1], top[1])
redis.call('ZADD', KEYS[2], top[2], top[1])
return top[1]
"""
REQUEUE = """
if ARGV[2] == '0' and redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
local items = redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES')
for i = 1, #items, 2 do redis.call('ZADD', KEYS[3], items[i + 1], items[i]) end
redis.call('DEL', KEYS[2])
redis.call('SREM', KEYS[4], ARGV[1])
return #items / 2
"""


class Scheduler(RedisScheduler):
    """scrapy-redis' Scheduler with in-flight leases, dead-worker recovery and a crawl-wide idle close.

    Shims for Scrapy 2.19: `open`, `enqueue_request` and `next_request` are rewritten anyway, and so
    no longer call the deprecated `spider.log()` and `stats.inc_value(spider=...)`. While Redis is unreachable the
    worker waits (KAZNEWS_REDIS_GIVE_UP s at most): new requests are held in memory, no lease is
    released until they are pushed, and a request whose callback or item failed on Redis goes
    back to the queue instead of away.
    """

    crawler: Crawler
    df: Any  # scrapy-redis' dupefilter (the library has no types); set by the base or by `open`

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Scheduler:
        scheduler = cls.from_settings(crawler.settings)
        scheduler.stats, scheduler.crawler = crawler.stats, crawler
        return scheduler

    def open(self, spider: Spider) -> None:
        self.spider = spider  # as scrapy-redis' open(), without its deprecated spider.log()
        self.queue = load_object(self.queue_cls)(
            server=self.server, spider=spider, serializer=self.serializer, key=self.queue_key % {"spider": spider.name}
        )
        self.df = self.df or load_object(self.dupefilter_cls).from_spider(spider)
        s, prefix = self.crawler.settings, self.crawler.settings.get("KAZNEWS_REDIS_PREFIX")
        self.worker, self.lease = worker_id(s), s.getfloat("KAZNEWS_REDIS_LEASE")
        self.idle_close, self.ttl = (
            s.getfloat("KAZNEWS_REDIS_IDLE_CLOSE"),
            s.getint("KAZNEWS_REDIS_RETENTION_DAYS") * SECONDS_PER_DAY,
        )
        self.base = f"{prefix}:{spider.name}"
        self.max_leased = s.getint("KAZNEWS_REDIS_MAX_INFLIGHT") or 2 * s.getint("CONCURRENT_REQUESTS")
        self.leased: dict[Request, bytes] = {}  # popped by this worker, not released
        self.finished: dict[Request, int] = {}  # leased, done in Scrapy, at this output generation
        self.state = redis_state(self.crawler)  # have the lines of a finished request been written?
        self.failed: set[Request] = set()  # leased, and their callback or item failed on Redis
        self.unsent: list[Request] = []  # scheduled while Redis was unreachable
        self.empty_since: float | None = None  # since when the whole frontier is empty
        self.down_since: float | None = None  # since when Redis does not answer
        self.warned, self.gave_up, self.give_up = 0.0, False, s.getfloat("KAZNEWS_REDIS_GIVE_UP")
        self._pop = self.server.register_script(POP)
        self._requeue = self.server.register_script(REQUEUE)
        self.slot = engine_slot(self.crawler.engine)  # what Scrapy has in progress
        moved = self.requeue(self.worker, force=True)  # a previous run under the same KAZNEWS_WORKER_ID
        if moved:
            logger.info("Requeued %d requests left in flight by a previous run of worker %s", moved, self.worker)
        self.beat()
        for signal, handler in (
            (signals.spider_idle, self.idle),
            (signals.item_error, self.redis_failed),
            (signals.spider_error, self.redis_failed),
        ):
            self.crawler.signals.connect(handler, signal=signal)
        self.loop = LoopingCall(self.tick)
        self.loop.start(min(1.0, self.lease / 3), now=False)
        logger.info("Worker %s on %s (%d requests queued)", self.worker, self.base, len(self.queue))

    def key(self, kind: str, worker: str = "") -> str:
        return f"{self.base}:{kind}" + (f":{worker}" if worker else "")

    # The Scheduler API
    def enqueue_request(self, request: Request) -> bool:
        try:
            self.push_unsent()
            return self.push(request)
        except RedisError as exc:
            self.down(exc)
            self.unsent.append(request)
            return True

    def next_request(self) -> Request | None:
        try:
            self.push_unsent()
            if len(self.leased) - len(self.finished) >= self.max_leased:  # no more than it can work on
                self.ack()
                if len(self.leased) - len(self.finished) >= self.max_leased:
                    return None
            member = self._pop(keys=[self.queue.key, self.key("inflight", self.worker)])
        except RedisError as exc:
            self.down(exc)
            return None
        if not member:
            return None
        try:
            request = decode_request(self.queue, member)
        except Exception:
            logger.exception("Dropped an undecodable request from %s", self.queue.key)
            self.server.zrem(self.key("inflight", self.worker), member)
            return None
        self.leased[request] = member
        self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        try:
            return bool(self.unsent) or len(self.queue) > 0
        except RedisError:
            return True  # not idle while Redis is away

    def close(self, reason: str) -> None:
        if self.loop.running:
            self.loop.stop()
        try:
            self.ack()
            moved = self.requeue(self.worker, force=True)  # cancelled (max_articles, Ctrl-C): for others
            self.server.delete(self.key("alive", self.worker))
            if moved:
                logger.info("Returned %d unfinished requests to the queue", moved)
            if self.frontier_empty():
                self.server.delete(self.df.key)  # the crawl is over: the next one reads sitemaps afresh
                logger.info("Crawl %s finished: frontier empty, request filter cleared", self.base)
        except RedisError as exc:
            logger.error("Redis unavailable while closing (the lease returns this worker's requests): %s", exc)

    # Pushing, leases
    def push(self, request: Request) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def push_unsent(self) -> None:
        while self.unsent:
            self.push(self.unsent[0])
            self.unsent.pop(0)

    def beat(self) -> None:
        pipe = self.server.pipeline(transaction=False)
        pipe.set(self.key("alive", self.worker), INCARNATION, px=int(self.lease * 1000))
        pipe.sadd(self.key("workers"), self.worker)
        for key in (self.key("workers"), self.key("inflight", self.worker), self.queue.key, self.df.key):
            pipe.expire(key, self.ttl)
        pipe.execute()  # an abandoned crawl expires after the retention

    def ack(self) -> None:
        """Release leased requests Scrapy is done with (no longer in the engine's in-progress set)
        once their lines are written (an output flush since, or none pending); those that failed on
        Redis go back to the queue. Nothing is released before `unsent` is pushed."""
        self.push_unsent()
        self.state.drain()
        mark = self.state.mark()
        for request in self.leased:
            if request not in self.slot.inprogress and request not in self.finished:
                self.finished[request] = mark
        done = [request for request, finished in self.finished.items() if self.state.written(finished)]
        if not done:
            return
        pipe = self.server.pipeline(transaction=True)
        for request in done:
            if request in self.failed:
                pipe.zadd(self.queue.key, {self.leased[request]: -request.priority})
            pipe.zrem(self.key("inflight", self.worker), self.leased[request])
        pipe.execute()
        for request in done:
            if request in self.failed:
                self.stats.inc_value("kaznews/redis/retried")
            self.failed.discard(request)
            del self.leased[request], self.finished[request]

    def redis_failed(self, failure: Any, response: Any = None, **kwargs: Any) -> None:
        """item_error / spider_error: a request whose processing hit a Redis error is done again."""
        request = getattr(response, "request", None)
        if failure.check(RedisError) and request in self.leased:
            self.failed.add(request)

    def requeue(self, worker: str, force: bool = False) -> int:
        """Move a worker's in-flight requests back to the queue (unless it is alive, or `force`)."""
        keys = [self.key("alive", worker), self.key("inflight", worker), self.queue.key, self.key("workers")]
        moved = int(self._requeue(keys=keys, args=[worker, "1" if force else "0"]))
        if worker == self.worker:
            self.leased.clear()
            self.finished.clear()
        return max(moved, 0)

    def reconcile(self) -> None:
        """Requeue members of this worker's in-flight set it does not hold (a Redis restored from disk)."""
        inflight = self.key("inflight", self.worker)
        if self.server.zcard(inflight) <= len(self.leased):
            return
        mine = set(self.leased.values())
        stale = [(m, score) for m, score in self.server.zrange(inflight, 0, -1, withscores=True) if m not in mine]
        pipe = self.server.pipeline(transaction=True)
        for member, score in stale:
            pipe.zadd(self.queue.key, {member: score}).zrem(inflight, member)
        pipe.execute()

    def recover(self) -> None:
        for raw in self.server.smembers(self.key("workers")):
            worker = raw.decode()
            if worker != self.worker and (moved := self.requeue(worker)) > 0:
                self.stats.inc_value("kaznews/redis/requeued", moved)
                logger.warning("Worker %s stopped: %d of its requests are back in the queue", worker, moved)

    def frontier_empty(self) -> bool:
        pipe = self.server.pipeline(transaction=False)
        pipe.zcard(self.queue.key)
        for raw in self.server.smembers(self.key("workers")):
            pipe.zcard(self.key("inflight", raw.decode()))
        return not self.unsent and not any(pipe.execute())

    def down(self, exc: Exception) -> None:
        now = time.monotonic()
        self.down_since = self.down_since or now
        if now - self.down_since > self.give_up and not self.gave_up:  # its requests wait in Redis
            self.gave_up = True
            logger.error("Redis unavailable for %.0f s: giving up (%s)", now - self.down_since, exc)
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="redis_unavailable"))
        elif now - self.warned >= 10:
            self.warned = now
            logger.warning("Redis unavailable for %.0f s, waiting for it: %s", now - self.down_since, exc)

    # Periodic and idle
    def tick(self) -> None:
        """Every second: heartbeat, acks, recovery of dead workers, and a nudge to the engine."""
        try:
            self.beat()
            self.ack()
            self.reconcile()
            self.recover()
            if self.down_since is not None:
                logger.warning("Redis is back after %.0f s", time.monotonic() - self.down_since)
                self.down_since = None
        except RedisError as exc:
            self.down(exc)
        self.slot.nextcall.schedule()  # requests pushed by other workers, or the idle check

    def idle(self, spider: Spider) -> None:
        """spider_idle: close only when the whole crawl is done, not when the queue is just empty."""
        try:
            self.ack()
            self.recover()
            empty = self.frontier_empty()
        except RedisError as exc:
            self.down(exc)
            empty = False
        now = time.monotonic()
        if not empty:
            self.empty_since = None
            raise DontCloseSpider
        self.empty_since = self.empty_since or now
        if now - self.empty_since < self.idle_close:
            raise DontCloseSpider
