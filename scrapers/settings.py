"""Scrapy settings of the kaznews project: polite defaults, size limits, the kaznews pipelines.

kaznews settings (override with `-s NAME=value` or in the environment of a Scrapyd job):
  KAZNEWS_STATE   SQLite state of what was fetched and emitted: set, crawls are incremental (a
                  later crawl skips what an earlier one emitted); empty (the default of `scrapy
                  crawl`), every crawl emits all it finds. `kaznews crawl` uses `.kaznews/state.sqlite`.
  KAZNEWS_OUTPUT  JSON Lines file the articles are appended to, exactly once across kills; empty
                  (the default of `scrapy crawl`): none, use -o/-O/FEEDS. `kaznews crawl`: `out/articles.jsonl`.
  KAZNEWS_STATS_FILE  if set, one JSON line of crawl stats is appended there when a spider closes
  KAZNEWS_PAGE_BUDGET seconds one page may take to clean (default 30, 0: no limit); slower: too_slow
  KAZNEWS_MAX_PAGES   listing pages followed per start URL (default 10)
  KAZNEWS_ARTICLE_WINDOW  article requests waiting in the scheduler at a time (default 1000; the
                  rest of a big sitemap waits as bare URLs, scrapers/backlog.py); 0: all at once
  KAZNEWS_RETRY_BACKOFF_BASE / _MAX  exponential delay before retry n: base * 2**(n-1), capped
  KAZNEWS_FSYNC   how the output is made durable: `batch` (default: one write + fsync per
                  KAZNEWS_FSYNC_BATCH lines or KAZNEWS_FSYNC_INTERVAL seconds), `line`, `off`
                  (scrapers/pipelines.py ExportPipeline; exactly once across kills in every mode)
  KAZNEWS_BACKEND  `sqlite` (default) or `redis`: many workers share one frontier and state through
                   REDIS_URL (env or -s; docs/scaling.md lists the KAZNEWS_REDIS_* settings)
"""

import os

BOT_NAME = "kaznews"
SPIDER_MODULES = ["scrapers.spiders"]
NEWSPIDER_MODULE = "scrapers.spiders"
COMMANDS_MODULE = "scrapers.commands"  # `scrapy crawl` exits 1 when the spider did not finish normally

# Identify the bot and give site owners a way to reach its operator.
USER_AGENT = "kaznews/0.1 (+https://github.com/kaznews/kaznews; contact: CHANGE-ME@example.org)"
ROBOTSTXT_OBEY = True

# Politeness: 2 requests at a time per site, AutoThrottle adapts the delay to the server's latency.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Failures: a sane timeout, retries of transient errors with exponential backoff, no redirect loops.
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
KAZNEWS_RETRY_BACKOFF_BASE = 2.0
KAZNEWS_RETRY_BACKOFF_MAX = 60.0
REDIRECT_MAX_TIMES = 5

# Size limits: no page, sitemap or feed over 64 MiB, decompressed (refuses gzip bombs, both
# Content-Encoding and .xml.gz files); XML is parsed without entity expansion (scrapers.discovery).
DOWNLOAD_MAXSIZE = 64 * 1024 * 1024
DOWNLOAD_WARNSIZE = 16 * 1024 * 1024

DOWNLOADER_MIDDLEWARES = {
    "scrapers.urlguard.HostGuardMiddleware": 50,  # first: no request, redirect or robots.txt off the outlet's hosts
    "scrapers.middlewares.RetryBackoffMiddleware": 549,  # just before RetryMiddleware (550)
    "scrapers.middlewares.RetryAfterMiddleware": 551,  # sees a 429/503 before RetryMiddleware copies the request
}
ITEM_PIPELINES = {
    "scrapers.pipelines.CleanPipeline": 100,
    "scrapers.pipelines.ValidatePipeline": 200,
    "scrapers.pipelines.DeduplicatePipeline": 300,
    "scrapers.pipelines.ExportPipeline": 400,
}
EXTENSIONS = {
    "scrapers.extensions.CrawlSummary": 500,
}
# Within a run duplicate requests are filtered; across runs the SQLite state decides (so a
# JOBDIR resumed after SIGKILL re-discovers requests that were in flight when it died).
DUPEFILTER_CLASS = "scrapers.middlewares.RunDupeFilter"
DEFAULT_DROPITEM_LOG_LEVEL = "INFO"

KAZNEWS_STATE = ""  # `scrapy crawl` is not incremental unless asked (`kaznews crawl` is, see scrapers/cli.py)
KAZNEWS_OUTPUT = ""  # `scrapy crawl` writes only what -o/-O/FEEDS ask for
KAZNEWS_STATS_FILE = ""
KAZNEWS_MAX_PAGES = 10
KAZNEWS_ARTICLE_WINDOW = 1000
KAZNEWS_PAGE_BUDGET = 30.0  # seconds to clean one page; a slower page is dropped as too_slow
KAZNEWS_FSYNC = "batch"
KAZNEWS_FSYNC_BATCH = 100
KAZNEWS_FSYNC_INTERVAL = 1.0
# Items of one response go through the pipelines one at a time (they are synchronous): Scrapy
# starts CONCURRENT_ITEMS asyncio tasks per response, and the default 100 cost ~10% of the CPU.
CONCURRENT_ITEMS = 1

# Backend (scrapers/backend.py, an add-on): `redis` switches scheduler, request filter and state
# to Redis (docs/scaling.md). Both can also come from the environment of each worker.
ADDONS = {"scrapers.backend.Backend": 0}
KAZNEWS_BACKEND = os.environ.get("KAZNEWS_BACKEND", "sqlite")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
KAZNEWS_REDIS_PREFIX = "kaznews"
KAZNEWS_REDIS_RETENTION_DAYS = 90  # state entries not written (URLs: not seen) for this long expire
KAZNEWS_REDIS_LEASE = 30.0  # seconds without a heartbeat before a worker's requests and claims are freed
KAZNEWS_REDIS_IDLE_CLOSE = 2.0  # seconds the whole frontier must stay empty before a worker closes
KAZNEWS_REDIS_MAX_INFLIGHT = 0  # requests a worker downloads or cleans at once (0: 2 * CONCURRENT_REQUESTS)
KAZNEWS_REDIS_GIVE_UP = 300.0  # seconds without Redis after which a worker ends (reason redis_unavailable)
KAZNEWS_WORKER_ID = os.environ.get("KAZNEWS_WORKER_ID", "")  # default: <hostname>:<pid>

FEED_EXPORT_ENCODING = "utf-8"
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
LOG_LEVEL = "INFO"
