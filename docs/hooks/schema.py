"""mkdocs hook: publish cleaners/article.schema.json as article.schema.json of the site."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

SCHEMA = Path(__file__).resolve().parents[2] / "cleaners" / "article.schema.json"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, "article.schema.json", abs_src_path=str(SCHEMA)))
    return files
