"""Run `kaznews archive` on many files: N processes, one file per task, one ordered output.

Workers run `scrapers.archive.archive_file` (one file each, into a spool file); the parent takes
the spools in the order of the files on the command line and passes each record through
`ArchiveWriter`: the crawl's deduplication against the SQLite state (scrapers/state.py; `seen`:
the same story with the same body, `duplicate`: the same body under another story, a changed body
is emitted again with `update`), then an appended, fsynced JSON line recorded in the state. A
file is marked done in the state once all its lines are recorded, and skipped by later runs.

Resume after kill -9: lines written but not yet recorded are adopted when the writer opens (a
partial last line is cut), as scrapers.pipelines.ExportPipeline does; the file that was running
is read again and its records already out drop as `seen`. Nothing is lost or written twice.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .archive import FileResult
from .archive_pool import Meter, run_results
from .crawlstate import article_key, fingerprint
from .jsonl_output import adopt_tail, locked, now
from .state import State

BATCH = 100  # lines per write + fsync + state commit
FILES_SCHEMA = """
CREATE TABLE IF NOT EXISTS archive_files (path TEXT PRIMARY KEY, size INTEGER NOT NULL,
                                          records INTEGER NOT NULL, done_at TEXT NOT NULL);
"""


class ArchiveWriter:
    """Deduplicate records against the state and append them to `output`, exactly once across kills."""

    def __init__(self, output: str | Path, state: State) -> None:
        self.path, self.state = Path(output).resolve(), state
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self.pending: list[tuple[bytes, dict[str, Any]]] = []
        self.pending_keys: dict[str, str] = {}  # key -> body fingerprint of the lines not yet recorded
        self.pending_fingerprints: set[str] = set()
        state.db.executescript(FILES_SCHEMA)
        with self._locked():
            self._adopt_tail()

    def _locked(self) -> Any:
        return locked(self.fd)

    def _adopt_tail(self) -> None:
        """Record the complete lines past the state's offset; cut a partial last line."""
        adopt_tail(self.path, os.fstat(self.fd).st_size, self.state, lambda article: article.get("fetched_at") or now())

    def add(self, record: dict[str, Any]) -> str:
        """Queue one record; returns `new`, `updated`, or the drop reason (`seen`, `duplicate`)."""
        key, fp = article_key(record), fingerprint(record.get("body") or "")
        previous = self.pending_keys[key] if key in self.pending_keys else self.state.emitted_fingerprint(key)
        if previous == fp:
            return "seen"
        if previous is None and (fp in self.pending_fingerprints or self.state.has_fingerprint(fp)):
            return "duplicate"
        out = {**record, "update": True} if previous is not None else record
        self.pending.append(((json.dumps(out, ensure_ascii=False) + "\n").encode("utf-8"), out))
        self.pending_keys[key] = fp
        self.pending_fingerprints.add(fp)
        if len(self.pending) >= BATCH:
            self.flush()
        return "updated" if previous is not None else "new"

    def flush(self) -> None:
        """One write and one fsync of the queued lines, then the state records them."""
        if not self.pending:
            return
        pending, self.pending = self.pending, []
        data = memoryview(b"".join(line for line, _ in pending))
        with self._locked():
            offset = os.fstat(self.fd).st_size
            while data:
                data = data[os.write(self.fd, data) :]
            os.fsync(self.fd)
            for line, record in pending:
                offset += len(line)
                self.state.record(
                    record, record.get("url") or "", record.get("fetched_at") or now(), str(self.path), offset
                )
        self.pending_keys.clear()
        self.pending_fingerprints.clear()

    def file_done(self, path: str, records: int) -> None:
        self.flush()
        self.state.db.execute(
            "INSERT INTO archive_files (path, size, records, done_at) VALUES (?, ?, ?, ?) ON CONFLICT (path)"
            " DO UPDATE SET size = excluded.size, records = excluded.records, done_at = excluded.done_at",
            (_file_key(path), _size(path), records, now()),
        )

    def is_done(self, path: str) -> bool:
        row = self.state.db.execute("SELECT size FROM archive_files WHERE path = ?", (_file_key(path),)).fetchone()
        return row is not None and row[0] == _size(path)

    def close(self) -> None:
        self.flush()
        os.close(self.fd)


def _file_key(path: str) -> str:
    return str(Path(path).resolve())


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return -1


@dataclass
class Summary:
    files: int = 0
    files_done_before: int = 0
    records: int = 0
    counts: Counter[str] = field(default_factory=Counter)  # new, updated and every skip reason
    seconds: float = 0.0

    @property
    def kept(self) -> int:
        return self.counts["new"] + self.counts["updated"]

    @property
    def skipped(self) -> int:
        return self.records - self.kept

    def line(self) -> str:
        reasons = ", ".join(f"{k}: {v}" for k, v in sorted(self.counts.items()) if k not in ("new", "updated"))
        rate = self.records / self.seconds if self.seconds else 0.0
        before = f" ({self.files_done_before} done before, skipped)" if self.files_done_before else ""
        return (
            f"kaznews archive: {self.files} files{before}, {self.records} records in {self.seconds:.1f} s"
            f" ({rate:.0f} records/s): {self.counts['new']} new, {self.counts['updated']} updated,"
            f" {self.skipped} skipped{' (' + reasons + ')' if reasons else ''}"
        )


def write_results(
    results: Iterable[FileResult],
    writer: ArchiveWriter,
    summary: Summary,
    on_file: Callable[[FileResult], None] | None = None,
) -> None:
    """Pass each file's spooled records through the writer, in order; mark each file done."""
    for result in results:
        summary.records += result.records
        summary.counts.update(result.skipped)
        with open(result.spool, "rb") as fh:
            for line in fh:
                summary.counts[writer.add(json.loads(line))] += 1
        if result.skipped.get("unreadable"):
            writer.flush()  # not done: read again by the next run
        else:
            writer.file_done(result.path, result.records)
        os.unlink(result.spool)
        if on_file is not None:
            on_file(result)


def write_archive_results(results: Iterable[FileResult], output: str, state_path: str) -> Summary:
    """The writer step alone, for FileResults computed elsewhere (a Dask cluster: docs/archives.md)."""
    state = State(state_path, f"{now()}/archive", synchronous="NORMAL")
    writer, summary = ArchiveWriter(output, state), Summary()
    try:
        for result in results:
            summary.files += 1
            write_results([result], writer, summary)
    finally:
        writer.close()
        state.close()
    return summary


def run_archive(
    paths: list[str], output: str, state_path: str, jobs: int = 1, all_kz: bool = False, bar: Any = None
) -> Summary:
    """Clean every file into `output`; `bar` (a tqdm) shows records/s and kept/skipped counts."""
    started = time.monotonic()
    state = State(state_path, f"{now()}/archive", synchronous="NORMAL")
    writer = ArchiveWriter(output, state)
    summary = Summary(files=len(dict.fromkeys(paths)))
    spool = Path(f"{state_path}.spool")
    shutil.rmtree(spool, ignore_errors=True)
    spool.mkdir(parents=True)
    try:
        todo = [p for p in dict.fromkeys(paths) if not writer.is_done(p)]
        summary.files_done_before = summary.files - len(todo)
        tasks = [(p, str(spool / f"{n:06d}.jsonl"), all_kz) for n, p in enumerate(todo)]
        meter = Meter(bar, summary)
        write_results(run_results(tasks, jobs, meter.report), writer, summary, meter.wrote)
    finally:
        writer.close()
        state.close()
        shutil.rmtree(spool, ignore_errors=True)
    summary.seconds = time.monotonic() - started
    return summary


def progress_bar(enabled: bool) -> Any:
    """A tqdm on stderr when it is a terminal (and enabled), else None."""
    if not enabled or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit=" records", file=sys.stderr, dynamic_ncols=True)
