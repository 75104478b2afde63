"""The storage backend of a crawl: `KAZNEWS_BACKEND=sqlite` (the default) or `redis` (docs/scaling.md).

`Backend` is a Scrapy add-on (enabled in settings.py) and the one place the backend is chosen.
With `redis` it switches the crawl state (KAZNEWS_STATE_CLASS), the scheduler, the request
filter, two pipelines and a spider middleware to the classes of redis_state.py,
redis_frontier.py, redis_filter.py and redis_pipelines.py, so every worker process started with
the same `REDIS_URL` shares one frontier and one seen-set. The profile overrides settings.py;
`-s NAME=value` still overrides it. The Redis classes need the `redis` extra
(`pip install 'kaznews[redis]'`).
"""

from __future__ import annotations

import importlib.util

from scrapy.settings import BaseSettings

BACKENDS = ("sqlite", "redis")
PROFILE_PRIORITY = 25  # above "project" (settings.py, 20), below "spider" (30) and "cmdline" (40)
REDIS_MODULES = ("redis", "scrapy_redis")  # the `redis` extra


def profile(prefix: str) -> dict[str, object]:
    """The settings the redis backend sets (Redis keys are `<prefix>:<spider>:...`)."""
    return {
        "KAZNEWS_STATE_CLASS": "scrapers.redis_state.RedisState",
        "SCHEDULER": "scrapers.redis_frontier.Scheduler",
        "DUPEFILTER_CLASS": "scrapers.redis_filter.DupeFilter",
        "SCHEDULER_PERSIST": True,  # workers come and go; the last one clears the crawl (redis_frontier)
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        "SCHEDULER_QUEUE_KEY": f"{prefix}:%(spider)s:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{prefix}:%(spider)s:seen",
        "KAZNEWS_ARTICLE_WINDOW": 0,  # every found article goes to Redis at once, where any worker can take it
    }


def missing_redis_extra() -> list[str]:
    """The modules of the `redis` extra that are not installed."""
    return [name for name in REDIS_MODULES if importlib.util.find_spec(name) is None]


class Backend:
    """Scrapy add-on: apply the KAZNEWS_BACKEND profile to a crawler's settings."""

    def update_settings(self, settings: BaseSettings) -> None:
        backend = settings.get("KAZNEWS_BACKEND") or "sqlite"
        if backend not in BACKENDS:
            raise ValueError(f"KAZNEWS_BACKEND must be one of {', '.join(BACKENDS)}, not {backend!r}")
        if backend == "sqlite":
            return
        if missing := missing_redis_extra():
            raise RuntimeError(f"KAZNEWS_BACKEND=redis needs {', '.join(missing)}: pip install 'kaznews[redis]'")
        from .pipelines import DeduplicatePipeline, ExportPipeline
        from .redis_filter import ShareRequests
        from .redis_pipelines import ClaimPipeline, RedisExportPipeline

        for name, value in profile(settings.get("KAZNEWS_REDIS_PREFIX")).items():
            settings.set(name, value, priority=PROFILE_PRIORITY)
        settings.replace_in_component_priority_dict("ITEM_PIPELINES", DeduplicatePipeline, ClaimPipeline)
        settings.replace_in_component_priority_dict("ITEM_PIPELINES", ExportPipeline, RedisExportPipeline)
        settings.set_in_component_priority_dict("SPIDER_MIDDLEWARES", ShareRequests, 10)
