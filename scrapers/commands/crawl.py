"""`scrapy crawl` whose exit status is 1 when the spider did not finish normally.

Scrapy's own `crawl` exits 0 whatever happened once the crawl started; this one exits 1 when
the close reason is not one of scrapers.extensions.NORMAL_REASONS (`fetch_failed`: every fetch
failed; `shutdown`, `redis_unavailable`...). Scrapyd runs jobs through it too, so a failed job
ends with "Process died: exitstatus=1" in Scrapyd's log.
"""

from __future__ import annotations

import argparse

from scrapy.commands.crawl import Command as ScrapyCrawl

from ..extensions import CLOSE_REASONS, NORMAL_REASONS


class Command(ScrapyCrawl):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        super().run(args, opts)
        if any(reason not in NORMAL_REASONS for reason in CLOSE_REASONS):
            self.exitcode = 1
