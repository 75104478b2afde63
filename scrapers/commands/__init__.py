"""Scrapy commands of the kaznews project (COMMANDS_MODULE): `crawl` with an exit status a scheduler can use."""
