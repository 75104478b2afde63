"""The incremental crawl state in Redis, shared by every worker: a `scrapers.crawlstate.CrawlState`.

Compact keys: URLs and article keys are stored as 16-byte BLAKE2b hashes, body fingerprints as the
first 16 bytes of their SHA-256, never as text. Entries go to one key per kind and UTC day; each
such bucket expires KAZNEWS_REDIS_RETENTION_DAYS days after its day ends, and lookups read the
buckets of that window, newest first (<p> is KAZNEWS_REDIS_PREFIX, <day> days since 1970):

  <p>:u:<day>         hash  URL hash → fetch time (Unix s); copied to today's bucket when seen again
  <p>:a:<day>         hash  article key hash → body fingerprint emitted under it
  <p>:f:<day>         set   body fingerprints emitted
  <p>:claim:k|f:<h>   str   "<heartbeat key>|<token>" of the process writing this article now
  <p>:outputs         hash  "<host>:<output path>" → bytes of that file covered by the state
  <p>:<spider>:progress  hash  `emitted`: lines written by all workers (to watch a crawl)

Before writing an article a worker claims its key and body in one Lua script (`claim`: seen,
duplicate, claimed by another worker, or new/update and now claimed); after the write (and fsync) it
commits in one MULTI/EXEC (`record`). So two workers never both emit a story; the claim of a
worker killed between the two lapses with its heartbeat (scrapers/redis_frontier.py), at the
latest after the lease. The export pipeline reports its flushes (`exported`), and the scheduler
asks `written(mark)` which finished requests have their lines on disk and committed
(scrapers/redis_pipelines.py, scrapers/redis_frontier.py).
"""

from __future__ import annotations

import hashlib
import logging
import socket
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from redis import Redis, RedisError
from scrapy.crawler import Crawler
from scrapy_redis.connection import get_redis_from_settings

from .crawlstate import article_key, crawl_state, fingerprint
from .worker import INCARNATION, worker_id

logger = logging.getLogger(__name__)

SECONDS_PER_DAY = 86400
LOOKUP = """
for i = 1, #KEYS do
  local v = redis.call('HGET', KEYS[i], ARGV[1])
  if v then
    if i > 1 then redis.call('HSET', KEYS[1], ARGV[1], v); redis.call('EXPIREAT', KEYS[1], ARGV[2]) end
    return v
  end
end
return false
"""
CLAIM = """
local n = tonumber(ARGV[1])
local prev = false
for i = 1, n do prev = redis.call('HGET', KEYS[i], ARGV[2]); if prev then break end end
if prev == ARGV[3] then return 'seen' end
if not prev then
  for i = n + 1, 2 * n do
    if redis.call('SISMEMBER', KEYS[i], ARGV[3]) == 1 then return 'duplicate' end
  end
end
for i = 2 * n + 1, 2 * n + 2 do  -- a claim holds while its owner ("<heartbeat key>|<token>") lives
  local owner = redis.call('GET', KEYS[i])
  if owner then
    local alive, token = string.match(owner, '^(.*)|([^|]*)$')
    if owner == ARGV[4] or (alive and redis.call('GET', alive) == token) then return 'claimed' end
  end
end
local ck, cf = KEYS[2 * n + 1], KEYS[2 * n + 2]
redis.call('SET', ck, ARGV[4], 'PX', ARGV[5])
redis.call('SET', cf, ARGV[4], 'PX', ARGV[5])
if prev then return 'update' end
return 'new'
"""
RELEASE = """
for i = 1, #KEYS do if redis.call('GET', KEYS[i]) == ARGV[1] then redis.call('DEL', KEYS[i]) end end
return 0
"""


def h16(text: str) -> bytes:
    """The 16-byte key of a URL or article key."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def f16(fp: str) -> bytes:
    """The 16-byte form of a body fingerprint (`state.fingerprint`, SHA-256 hex)."""
    return bytes.fromhex(fp[:32])


def epoch(iso: str) -> int:
    """Unix seconds of an ISO 8601 time such as `2026-11-20T10:00:00Z`."""
    return int(datetime.fromisoformat(iso).timestamp())


def redis_state(crawler: Crawler) -> RedisState:
    """The crawl's state, which the Redis scheduler and pipelines need to be a `RedisState`."""
    state = crawl_state(crawler)
    if not isinstance(state, RedisState):
        raise TypeError(
            f"the Redis backend needs KAZNEWS_STATE_CLASS = {__name__}.RedisState,"
            f" not {type(state).__qualname__} (set KAZNEWS_BACKEND=redis)"
        )
    return state


class RedisState:
    """What was fetched and emitted, in Redis; one instance per crawler (see `crawl_state`)."""

    def __init__(
        self,
        server: Redis,
        prefix: str,
        retention_days: int,
        lease: float,
        worker: str,
        spider: str = "",
        clock: Callable[[], float] = time.time,
    ) -> None:
        if retention_days < 1:
            raise ValueError("KAZNEWS_REDIS_RETENTION_DAYS must be at least 1")
        self.server, self.prefix, self.retention = server, prefix, retention_days
        self.lease_ms, self.worker, self.spider, self.clock = int(lease * 1000), worker, spider, clock
        self.host = socket.gethostname()
        self.owner = f"{prefix}:{spider}:alive:{worker}|{INCARNATION}"  # heartbeat key (redis_frontier), token
        self.reseed = False  # Redis is never set aside
        self._generation = 0  # flushes of the output so far
        self._unwritten = 0  # exported lines waiting in memory for the next flush
        self._backlog: list[tuple[dict[str, Any], str, str, str | None, int]] = []  # written, not committed
        self._lookup = server.register_script(LOOKUP)
        self._claim = server.register_script(CLAIM)
        self._release = server.register_script(RELEASE)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisState:
        s = crawler.settings
        return cls(
            get_redis_from_settings(s),
            s.get("KAZNEWS_REDIS_PREFIX"),
            s.getint("KAZNEWS_REDIS_RETENTION_DAYS"),
            s.getfloat("KAZNEWS_REDIS_LEASE"),
            worker_id(s),
            crawler.spidercls.name,
        )

    # Keys
    def today(self) -> int:
        return int(self.clock() // SECONDS_PER_DAY)

    def bucket(self, kind: str, day: int) -> str:
        return f"{self.prefix}:{kind}:{day}"

    def buckets(self, kind: str) -> list[str]:
        """The buckets of the retention window, newest first."""
        today = self.today()
        return [self.bucket(kind, day) for day in range(today, today - self.retention - 1, -1)]

    def expires(self, day: int) -> int:
        """When the bucket of `day` expires (Unix seconds)."""
        return (day + self.retention + 1) * SECONDS_PER_DAY

    def claim_keys(self, key: str, fp: str) -> list[bytes]:
        base = self.prefix.encode()
        return [base + b":claim:k:" + h16(key), base + b":claim:f:" + f16(fp)]

    # The State API
    def should_fetch(self, url: str, modified: datetime | None = None) -> bool:
        """False when the URL was fetched within the retention, unless `modified` is newer."""
        fetched = self._lookup(keys=self.buckets("u"), args=[h16(url), self.expires(self.today())])
        return fetched is None or (modified is not None and int(modified.timestamp()) > int(fetched))

    def emitted_fingerprint(self, key: str) -> str | None:
        """The first 32 hex digits of the body fingerprint last emitted under this key, or None."""
        found = self._lookup(keys=self.buckets("a"), args=[h16(key), self.expires(self.today())])
        return found.hex() if found else None

    def has_fingerprint(self, fp: str) -> bool:
        pipe = self.server.pipeline(transaction=False)
        for bucket in self.buckets("f"):
            pipe.sismember(bucket, f16(fp))  # type: ignore[arg-type]  # redis-py types members as str; bytes work
        return any(pipe.execute())

    def claim(self, key: str, fp: str) -> str:
        """Atomically: `seen`, `duplicate`, `claimed` (by another write in progress), or `new` /
        `update`, and then this worker holds the claim until `record` or `release`."""
        n = self.retention + 1
        keys: list[str | bytes] = [*self.buckets("a"), *self.buckets("f"), *self.claim_keys(key, fp)]
        return self._claim(keys=keys, args=[n, h16(key), f16(fp), self.owner, self.lease_ms]).decode()

    def release(self, key: str, fp: str) -> None:
        """Give up this worker's claim (the article was not written)."""
        self._release(keys=self.claim_keys(key, fp), args=[self.owner])

    def remember_url(self, url: str, fetched_at: str, key: str | None = None) -> None:
        today = self.today()
        pipe = self.server.pipeline(transaction=False)
        pipe.hset(self.bucket("u", today), h16(url), epoch(fetched_at))
        pipe.expireat(self.bucket("u", today), self.expires(today))
        pipe.execute()

    def record(self, article: dict[str, Any], url: str, fetched_at: str, output: str | None, offset: int) -> None:
        """Commit an emitted article (and the output written up to `offset`): at once, or, while
        Redis is unreachable, when it answers again (`drain`; a kill meanwhile leaves the lines
        past the committed offset to the next run on this output, as any kill does)."""
        self._backlog.append((article, url, fetched_at, output, offset))
        self.drain()

    def drain(self) -> None:
        """Commit the records waiting for Redis, in order; they keep waiting if it is still away."""
        try:
            while self._backlog:
                self._commit(*self._backlog[0])
                self._backlog.pop(0)
        except RedisError as exc:
            logger.warning("Redis unavailable, %d records wait: %s", len(self._backlog), exc)

    def _commit(self, article: dict[str, Any], url: str, fetched_at: str, output: str | None, offset: int) -> None:
        """One MULTI/EXEC: the article, its URLs, the output offset; its claims are dropped."""
        key, fp, today = article_key(article), fingerprint(article.get("body") or ""), self.today()
        a, f, u = (self.bucket(kind, today) for kind in "afu")
        pipe = self.server.pipeline(transaction=True)
        pipe.hset(a, h16(key), f16(fp))
        pipe.sadd(f, f16(fp))
        for page_url in {page for page in (url, article.get("url"), key) if page}:
            pipe.hset(u, h16(page_url), epoch(fetched_at))
        for bucket in (a, f, u):
            pipe.expireat(bucket, self.expires(today))
        if output is not None:
            self._set_offset(pipe, output, offset)
        pipe.delete(*self.claim_keys(key, fp))
        if self.spider:
            pipe.hincrby(f"{self.prefix}:{self.spider}:progress", "emitted", 1)
            pipe.expire(f"{self.prefix}:{self.spider}:progress", self.retention * SECONDS_PER_DAY)
        pipe.execute()

    # Write progress: which finished requests have their lines on disk and committed
    def exported(self, unwritten: int, flushed: bool = False) -> None:
        """The export pipeline's report: `unwritten` lines wait in memory; `flushed`, after an output flush."""
        if flushed:
            self._generation += 1
        self._unwritten = unwritten

    def mark(self) -> int:
        """A token for "finished now", for `written`."""
        return self._generation

    def written(self, mark: int) -> bool:
        """Whether the lines of a request finished at `mark` are on disk and committed: every record
        committed, and no line in memory, or a flush since."""
        return not self._backlog and (self._unwritten == 0 or mark < self._generation)

    def offset(self, output: str) -> int | None:
        found = self.server.hget(f"{self.prefix}:outputs", f"{self.host}:{output}")
        return int(found) if found is not None else None

    def set_offset(self, output: str, offset: int) -> None:
        pipe = self.server.pipeline(transaction=False)
        self._set_offset(pipe, output, offset)
        pipe.execute()

    def _set_offset(self, pipe: Any, output: str, offset: int) -> None:
        pipe.hset(f"{self.prefix}:outputs", f"{self.host}:{output}", offset)
        pipe.expire(f"{self.prefix}:outputs", self.retention * SECONDS_PER_DAY)

    def close(self) -> None:
        self.server.close()
