"""`kaznews merge`: join the JSON Lines outputs of several workers into one file, each story once.

    kaznews merge out/worker-*.jsonl -o out/articles.jsonl

A story is identified as the state identifies it (canonical_url, else url). When several records
share one, the latest version wins: a record flagged `update` beats a first emission, then the
later `date_modified`, then the later position (later file on the command line, later line).
A record whose body was already read under another story (the same text under another URL) is
dropped, as the state drops it.
Kept records appear in the order their story first appeared, without the `update` flag. A partial
last line (a worker killed mid-write) and lines that are not JSON objects are skipped and counted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaners.outpath import writable_file

from .crawlstate import article_key, fingerprint
from .discovery import parse_utc_date


@dataclass
class Merged:
    records: list[dict[str, Any]]
    counts: Counter[str]


def read_jsonl(paths: Iterable[str | Path], counts: Counter[str]) -> Iterator[dict[str, Any]]:
    """The JSON objects of each file, in order; bad and partial lines are counted, not raised."""
    for path in paths:
        counts["files"] += 1
        with open(path, "rb") as fh:
            for raw in fh:
                if not raw.endswith(b"\n"):
                    counts["partial"] += 1
                    continue
                try:
                    record = json.loads(raw)
                except ValueError:
                    record = None
                if _usable(record):
                    counts["read"] += 1
                    yield record
                elif raw.strip():
                    counts["invalid"] += 1


_TEXT_FIELDS = ("url", "canonical_url", "body", "date_modified")


def _usable(record: Any) -> bool:
    """A JSON object with a story key, whose fields merge reads have the types the schema gives them."""
    return (
        isinstance(record, dict)
        and all(isinstance(record.get(f), (str, type(None))) for f in _TEXT_FIELDS)
        and bool(article_key(record))
    )


def _rank(record: dict[str, Any], position: int) -> tuple[bool, float, int]:
    modified = parse_utc_date(record.get("date_modified"))
    return bool(record.get("update")), modified.timestamp() if modified else float("-inf"), position


def merge(records: Iterable[dict[str, Any]], counts: Counter[str] | None = None) -> Merged:
    """One record per story (its latest version); a body already seen under another story is dropped."""
    counts = counts if counts is not None else Counter()
    owner: dict[str, str] = {}  # body fingerprint -> the first story that had it
    best: dict[str, tuple[tuple[bool, float, int], dict[str, Any]]] = {}
    for position, record in enumerate(records):
        key, body = article_key(record), fingerprint(record.get("body") or "")
        if owner.setdefault(body, key) != key:
            counts["same_body"] += 1
            continue
        rank = _rank(record, position)
        if key in best:
            counts["same_story"] += 1
            if rank <= best[key][0]:
                continue
        best[key] = (rank, record)  # a replaced key keeps its first position
    kept = [{k: v for k, v in record.items() if k != "update"} for _, record in best.values()]
    counts["written"] = len(kept)
    return Merged(kept, counts)


def write_jsonl(records: list[dict[str, Any]], output: str | None) -> None:
    """Write to `output` atomically (a temporary file, then rename), or to stdout."""
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if not output or output == "-":
        sys.stdout.write(lines)
        return
    target = Path(output)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(lines)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:  # disk full, interrupted: no temporary file is left behind, the target is untouched
        Path(tmp).unlink(missing_ok=True)
        raise


def cmd_merge(args: argparse.Namespace) -> int:
    for path in args.inputs:
        if not os.access(path, os.R_OK) or os.path.isdir(path):
            raise SystemExit(f"kaznews merge: cannot read {path}: {_why(path)}")
    if args.output and args.output != "-":
        writable_file(args.output, "output", "merge")
    counts: Counter[str] = Counter()
    try:
        merged = merge(read_jsonl(args.inputs, counts), counts)
        write_jsonl(merged.records, args.output)
    except OSError as exc:
        print(f"kaznews merge: {exc.filename or args.output}: {exc.strerror or exc}; nothing written", file=sys.stderr)
        return 1
    c = merged.counts
    print(
        f"kaznews merge: {c['read']} records from {c['files']} files -> {c['written']} stories"
        f" ({c['same_story']} repeated or updated, {c['same_body']} same body, {c['partial']} partial"
        f" and {c['invalid']} invalid lines skipped)",
        file=sys.stderr,
    )
    return 0


def _why(path: str) -> str:
    if os.path.isdir(path):
        return "it is a folder"
    return "no such file" if not os.path.exists(path) else "permission denied"


def add_merge_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("merge", help="join JSON Lines of several workers, each story once (latest version)")
    p.add_argument("inputs", nargs="+", metavar="JSONL", help="worker outputs (docs/scaling.md)")
    p.add_argument("-o", "--output", help="write here (atomically); default stdout")
    p.set_defaults(func=cmd_merge)
