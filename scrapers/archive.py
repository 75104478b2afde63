"""Clean the Kazakh news pages of one WARC/ARC file: the per-file step of `kaznews archive`.

`archive_file(path, spool)` reads one file (`scrapers.archive_read`), keeps the pages of known
outlets (`scrapers.archive_select`), cleans each with `cleaners.clean_html` (the record's HTTP
headers, its WARC-Date as `fetched_at`), validates it as the crawl pipelines do (body, date,
cleaners/article.schema.json) and appends the records to `spool` (JSON Lines, in file order). It is a
plain function of picklable arguments, so any engine can map it over files (docs/archives.md);
deduplication across files is the writer's job (`scrapers.archive_run.ArchiveWriter`).

Drop reasons beyond those of the reader: not_article (the cleaner refused the page), no_body,
no_date, schema — the names of scrapers/pipelines.py.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any

from cleaners import CleanerError, clean_html
from cleaners.schema import article_schema

from .archive_read import MAX_RECORD_BYTES, Capture, read_archive
from .archive_select import wanted

KEPT = "kept"
PROGRESS_EVERY = 50  # records between two progress reports
Progress = Callable[[int, int, int], None]
"""(records read, kept, skipped) since the last call."""


@dataclass
class FileResult:
    """What `archive_file` did with one file."""

    path: str
    spool: str
    records: int = 0
    kept: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> records


@lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(article_schema())


def archived_record(capture: Capture, warc_file: str) -> tuple[str, dict[str, Any] | None]:
    """(KEPT, the record) or (drop reason, None) for one captured page."""
    try:
        article = clean_html(capture.body, capture.url, fetched_at=capture.warc_date, headers=capture.headers)
    except CleanerError:
        return "not_article", None
    record = {
        **article.to_dict(),
        "warc_file": warc_file,
        "warc_record_id": capture.record_id,
        "fetched_at": capture.warc_date,
    }
    if not record["body"].strip():
        return "no_body", None
    if not record["date"]:
        return "no_date", None
    if next(_validator().iter_errors(record), None) is not None:
        return "schema", None
    return KEPT, record


def iter_archive(
    path: str, *, all_kz: bool = False, max_bytes: int = MAX_RECORD_BYTES
) -> Iterator[tuple[str, dict[str, Any] | None]]:
    """(KEPT, record) or (skip reason, None) for every record of one file, in file order."""
    name = os.path.basename(path)
    for item in read_archive(path, partial(wanted, all_kz=all_kz), max_bytes):
        if isinstance(item, Capture):
            yield archived_record(item, name)
        else:
            yield item.reason, None


def archive_file(path: str, spool: str, all_kz: bool = False, progress: Progress | None = None) -> FileResult:
    """Clean one archive file into `spool` (JSON Lines); an unreadable file is one `unreadable` skip."""
    result, skipped = FileResult(path, spool), Counter[str]()
    since = [0, 0, 0]
    with open(spool, "w", encoding="utf-8") as out:
        try:
            for reason, record in iter_archive(path, all_kz=all_kz):
                result.records += 1
                if record is not None:
                    result.kept += 1
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                else:
                    skipped[reason] += 1
                since = [since[0] + 1, since[1] + (record is not None), since[2] + (record is None)]
                if progress is not None and since[0] >= PROGRESS_EVERY:
                    progress(*since)
                    since = [0, 0, 0]
        except OSError:
            skipped["unreadable"] += 1
    if progress is not None and since[0]:
        progress(*since)
    result.skipped = dict(skipped)
    return result
