"""kaznews Scrapy project: one spider per outlet edition, clean/validate/dedupe/export pipelines."""
