"""The Redis backend: many `scrapy crawl` workers share one frontier and one seen-set.

Against a real redis-server on 127.0.0.1 (scrapers.localredis, an ephemeral port) and a private
mirror of inform_ru with 40 extra articles: two concurrent workers emit exactly what one SQLite
crawl emits, each article once; the same when one worker is SIGKILLed mid-run and restarted.
A worker also waits out a Redis outage. Plus the state's compact keys, retention and atomic claims,
`kaznews merge` and the settings profile (these two run without redis-server).
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from redis import Redis

from scrapers.localredis import LocalRedis, local_redis, unavailable
from scrapers.merge import merge, read_jsonl
from scrapers.mirror import MirrorServer, edition_fixtures, spider_classes, write
from scrapers.redis_state import SECONDS_PER_DAY, RedisState, h16
from scrapers.state import fingerprint
from tests.spider_server import Workdir, add_variant, copy_outlet

needs_redis = pytest.mark.skipif(unavailable() is not None, reason=unavailable() or "")

SPIDERS = {cls.name: cls for cls in spider_classes()}
INFORM_RU = SPIDERS["inform_ru"]
EXTRA = 40  # articles added to the mirror
DELAY = 0.15  # seconds per article page: a crawl long enough to share and to kill mid-run


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    with local_redis() as url:
        yield url


@pytest.fixture(scope="module")
def mirror(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    root = copy_outlet("inform.kz", tmp_path_factory.mktemp("fixtures"))
    urls = {fx.url for fx in edition_fixtures(INFORM_RU, root)}
    urls |= {add_variant(root, "inform.kz", "ru-2020-poultry-sko", n) for n in range(1, EXTRA + 1)}
    write(INFORM_RU, root)
    return root, {u for u in urls if u}


@pytest.fixture(scope="module")
def single(mirror: tuple[Path, set[str]], tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """What one process with the default SQLite backend emits from the mirror."""
    work = Workdir(tmp_path_factory.mktemp("single"))
    with MirrorServer(mirror[0], [INFORM_RU]) as server:
        run = work.crawl("inform_ru", server.base_url("inform_ru"))
    assert run.returncode == 0, run.log[-3000:]
    return [line["url"] for line in work.lines()]


def worker_settings(url: str, prefix: str, **extra: str) -> dict[str, str]:
    return {
        "KAZNEWS_BACKEND": "redis",
        "REDIS_URL": url,
        "KAZNEWS_REDIS_PREFIX": prefix,
        "KAZNEWS_REDIS_LEASE": "4",
        "KAZNEWS_REDIS_IDLE_CLOSE": "1",
        **extra,
    }


def wait(procs: list, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    for proc in procs:
        try:
            proc.wait(max(1, deadline - time.monotonic()))
        except Exception:
            os.killpg(proc.pid, signal.SIGKILL)
            raise


def stats(work: Workdir) -> list[dict]:
    return [json.loads(line) for line in work.stats.read_text().splitlines()] if work.stats.exists() else []


@needs_redis
def test_single_process_crawl_emits_every_article(single: list[str], mirror: tuple[Path, set[str]]) -> None:
    assert sorted(single) == sorted(mirror[1]) and len(single) == EXTRA + 2


@needs_redis
def test_two_workers_share_the_crawl(
    redis_url: str, mirror: tuple[Path, set[str]], single: list[str], tmp_path: Path
) -> None:
    a, b = Workdir(tmp_path / "a"), Workdir(tmp_path / "b")
    settings = worker_settings(redis_url, f"t{uuid.uuid4().hex[:8]}")
    with MirrorServer(mirror[0], [INFORM_RU], delay=DELAY) as server:
        base = server.base_url("inform_ru")
        procs = [w.start("inform_ru", base, settings=settings) for w in (a, b)]
        wait(procs)
        assert [p.returncode for p in procs] == [0, 0], (a.path / "inform_ru.log").read_text()[-3000:]
        emitted = [line["url"] for w in (a, b) for line in w.lines()]
        assert sorted(emitted) == sorted(single)  # the union is the single crawl, nothing twice
        assert a.lines() and b.lines(), "both workers took articles from the shared queue"
        assert sum(s["scheduler/dequeued/redis"] for w in (a, b) for s in stats(w)) == len(single) + 1

        again = [w.crawl("inform_ru", base, settings=settings) for w in (a, b)]  # the next scheduled run
    assert [r.items for r in again] == [[], []]
    assert sum(r.stat("kaznews/skipped/seen") for r in again) >= len(single)


@needs_redis
def test_sigkilled_worker_restarts_and_nothing_is_lost_or_repeated(
    redis_url: str, mirror: tuple[Path, set[str]], single: list[str], tmp_path: Path
) -> None:
    a, b = Workdir(tmp_path / "a"), Workdir(tmp_path / "b")
    settings = worker_settings(redis_url, f"t{uuid.uuid4().hex[:8]}")
    with MirrorServer(mirror[0], [INFORM_RU], delay=DELAY) as server:
        base = server.base_url("inform_ru")
        victim, other = (w.start("inform_ru", base, settings=settings) for w in (a, b))
        deadline = time.monotonic() + 60
        while len(a.lines()) < 3 and time.monotonic() < deadline and victim.poll() is None:
            time.sleep(0.02)
        os.killpg(victim.pid, signal.SIGKILL)
        victim.wait()
        killed_after = len(a.lines())
        assert 3 <= killed_after and killed_after + len(b.lines()) < len(single), "killed mid-run"
        restarted = a.start("inform_ru", base, settings=settings)
        wait([restarted, other])
    assert (restarted.returncode, other.returncode) == (0, 0), (a.path / "inform_ru.log").read_text()[-3000:]
    emitted = [line["url"] for w in (a, b) for line in w.lines()]
    assert sorted(emitted) == sorted(single)  # every article, none twice, across both outputs
    assert a.output.read_bytes().endswith(b"\n")  # a partial line left by the kill was cut
    requeued = sum(s.get("kaznews/redis/requeued", 0) for w in (a, b) for s in stats(w))
    assert requeued >= 1, "the killed worker's in-flight requests went back to the queue"
    merged = merge(read_jsonl([a.output, b.output], Counter()))
    assert sorted(r["url"] for r in merged.records) == sorted(single)


@needs_redis
def test_worker_waits_out_a_redis_outage(mirror: tuple[Path, set[str]], single: list[str], tmp_path: Path) -> None:
    """Redis killed mid-run and restarted from its append-only file: the worker waits, then finishes."""
    redis, work = LocalRedis(tmp_path, appendonly=True), Workdir(tmp_path / "w")
    url = redis.start()
    try:
        with MirrorServer(mirror[0], [INFORM_RU], delay=DELAY) as server:
            proc = work.start("inform_ru", server.base_url("inform_ru"), settings=worker_settings(url, "outage"))
            deadline = time.monotonic() + 60
            while len(work.lines()) < 3 and time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.02)
            redis.stop(kill=True)
            time.sleep(3)
            redis.start()
            wait([proc])
    finally:
        redis.stop()
    log = (work.path / "inform_ru.log").read_text()
    assert proc.returncode == 0 and "Redis is back" in log, log[-3000:]
    assert sorted(line["url"] for line in work.lines()) == sorted(single)
    assert stats(work)[-1].get("kaznews/redis/retried", 0) >= 1  # items that failed on Redis were fetched again


# The state, directly
@pytest.fixture()
def server(redis_url: str) -> Iterator[Redis]:
    client = Redis.from_url(redis_url)
    client.flushdb()
    yield client
    client.close()


def state(server: Redis, worker: str = "w1", clock=time.time, retention: int = 3, lease: float = 30) -> RedisState:
    return RedisState(server, "k", retention, lease, worker, "spider", clock)


def alive(server: Redis, st: RedisState, token: str | None = None) -> None:
    """What the scheduler's heartbeat does: `<heartbeat key>` = this process's token."""
    key, own = st.owner.rsplit("|", 1)
    server.set(key, token or own)


ARTICLE = {"url": "https://inform.kz/ru/a1", "canonical_url": "https://inform.kz/ru/a1", "body": "Текст статьи."}


@needs_redis
def test_keys_and_values_are_compact_hashes(server: Redis) -> None:
    st = state(server)
    st.record(ARTICLE, ARTICLE["url"], "2026-11-20T10:00:00Z", "out.jsonl", 100)
    for n in range(1000):
        st.remember_url(f"https://inform.kz/ru/news/{n:06d}-some-long-slug-of-the-article", "2026-11-20T10:00:00Z")
    dump = b"".join(
        key + b"".join(k + v for k, v in server.hgetall(key).items()) if server.type(key) == b"hash" else key
        for key in server.keys("k:*")
    )
    assert b"inform.kz" not in dump.replace(b"out.jsonl", b"")  # no URL text anywhere
    urls = f"k:u:{st.today()}"
    assert {len(field) for field in server.hkeys(urls)} == {16}
    assert server.hget(f"k:a:{st.today()}", h16(ARTICLE["url"])) == bytes.fromhex(fingerprint(ARTICLE["body"])[:32])
    assert server.memory_usage(urls) / 1001 < 128  # bytes per remembered URL (about 82 on Redis 7.0)


@needs_redis
def test_entries_expire_after_the_retention(server: Redis) -> None:
    now = time.time()
    st = state(server, retention=3)
    st.remember_url("https://inform.kz/ru/a1", "2026-11-20T10:00:00Z")
    ttl = server.ttl(f"k:u:{st.today()}")
    assert 3 * SECONDS_PER_DAY < ttl <= 4 * SECONDS_PER_DAY
    old = state(server, clock=lambda: now - 4 * SECONDS_PER_DAY, retention=3)  # written 4 days ago: already expired
    old.remember_url("https://inform.kz/ru/a2", "2026-11-16T10:00:00Z")
    assert not server.exists(f"k:u:{old.today()}")
    assert not st.should_fetch("https://inform.kz/ru/a1") and st.should_fetch("https://inform.kz/ru/a2")
    later = state(server, clock=lambda: now + 2 * SECONDS_PER_DAY, retention=3)  # seen again: moved to a newer bucket
    assert not later.should_fetch("https://inform.kz/ru/a1")
    assert server.hexists(f"k:u:{later.today()}", h16("https://inform.kz/ru/a1"))


@needs_redis
def test_should_fetch_honours_a_newer_lastmod(server: Redis) -> None:
    from datetime import UTC, datetime

    st = state(server)
    st.remember_url("https://inform.kz/ru/a1", "2026-11-20T10:00:00Z")
    assert not st.should_fetch("https://inform.kz/ru/a1", datetime(2026, 11, 20, 9, tzinfo=UTC))
    assert st.should_fetch("https://inform.kz/ru/a1", datetime(2026, 11, 21, tzinfo=UTC))


@needs_redis
def test_claims_are_atomic_and_lapse_with_their_owner(server: Redis) -> None:
    one, two = state(server, "w1", lease=0.3), state(server, "w2", lease=0.3)
    alive(server, one)  # worker one's heartbeat (the scheduler keeps it alive)
    key, fp, copy = ARTICLE["url"], fingerprint(ARTICLE["body"]), "https://inform.kz/ru/copy"
    assert one.claim(key, fp) == "new" and two.claim(key, fp) == "claimed"
    assert two.claim(copy, fp) == "claimed"  # the same body under another URL
    assert one.claim(key, fp) == "claimed"  # a second copy in worker one itself
    alive(server, one, token="restarted")  # one was killed and restarted under the same id:
    assert two.claim(key, fp) == "new"  # its dead process's claim is taken over
    two.record(ARTICLE, key, "2026-11-20T10:00:00Z", "out.jsonl", 1)
    assert one.claim(key, fp) == "seen" and one.claim(copy, fp) == "duplicate"
    changed = fingerprint("Новый текст.")
    assert one.claim(key, changed) == "update"
    one.release(key, changed)
    assert two.claim(key, changed) == "update"
    alive(server, two)
    time.sleep(0.4)  # the lease bounds even a live owner's claim (one hung between claim and write)
    assert one.claim(key, changed) == "update"


@needs_redis
def test_concurrent_claims_have_one_winner(server: Redis, redis_url: str) -> None:
    results: list[str] = []
    barrier = threading.Barrier(8)

    def claim(n: int) -> None:
        st = state(Redis.from_url(redis_url), f"w{n}")
        alive(st.server, st)
        barrier.wait()
        results.append(st.claim(ARTICLE["url"], fingerprint(ARTICLE["body"])))

    threads = [threading.Thread(target=claim, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["claimed"] * 7 + ["new"]


def test_merge_keeps_the_latest_version_once(tmp_path: Path) -> None:
    first = {**ARTICLE, "title": "v1", "date_modified": None}
    update = {**ARTICLE, "title": "v2", "body": "Исправленный текст.", "update": True}
    copy = {**ARTICLE, "url": "https://inform.kz/ru/copy", "canonical_url": "https://inform.kz/ru/copy"}
    other = {**ARTICLE, "url": "https://inform.kz/ru/a2", "canonical_url": "https://inform.kz/ru/a2", "body": "Другое."}
    (tmp_path / "a.jsonl").write_text(json.dumps(update, ensure_ascii=False) + "\n" + json.dumps(other) + '\n{"url')
    (tmp_path / "b.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (first, copy, other)))
    counts: Counter[str] = Counter()
    merged = merge(read_jsonl([tmp_path / "a.jsonl", tmp_path / "b.jsonl"], counts), counts)
    assert [(r["url"], r.get("title")) for r in merged.records] == [(ARTICLE["url"], "v2"), (other["url"], None)]
    assert "update" not in merged.records[0]  # one line per story: no update flag
    assert (counts["same_story"], counts["same_body"], counts["partial"], counts["written"]) == (2, 1, 1, 2)


def test_backend_profile_switches_only_when_asked() -> None:
    from scrapy.utils.project import get_project_settings

    from scrapers.backend import Backend
    from scrapers.redis_pipelines import ClaimPipeline, RedisExportPipeline

    settings = get_project_settings()
    settings.set("KAZNEWS_BACKEND", "sqlite", priority="cmdline")
    Backend().update_settings(settings)
    assert settings["DUPEFILTER_CLASS"] == "scrapers.middlewares.RunDupeFilter"
    assert "scrapy_redis" not in str(settings.get("SCHEDULER"))
    settings.set("KAZNEWS_BACKEND", "redis", priority="cmdline")
    settings.set("SCHEDULER_PERSIST", False, priority="cmdline")  # -s still beats the profile
    Backend().update_settings(settings)
    assert settings["SCHEDULER"] == "scrapers.redis_frontier.Scheduler"
    assert settings["DUPEFILTER_CLASS"] == "scrapers.redis_filter.DupeFilter"
    assert settings.getbool("SCHEDULER_PERSIST") is False
    assert {ClaimPipeline, RedisExportPipeline} <= set(settings.getdict("ITEM_PIPELINES"))
    settings.set("KAZNEWS_BACKEND", "etcd", priority="cmdline")
    with pytest.raises(ValueError, match="KAZNEWS_BACKEND"):
        Backend().update_settings(settings)
