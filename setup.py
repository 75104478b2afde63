"""For `scrapyd-deploy`, which builds its egg with `python setup.py bdist_egg` (docs/scheduling.md).

Everything, including the Scrapy settings entry point and the bundled article schema, is in pyproject.toml.
"""

from setuptools import setup

setup()
