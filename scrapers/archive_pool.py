"""The worker processes of `kaznews archive -j N`, and the progress bar's figures.

`run_results` maps `scrapers.archive.archive_file` over the tasks (one file each) and yields the
results in task order. Workers report progress (records read, kept, skipped) through a queue,
tagged with their spool path; `Meter` shows those live for the files still running and the
writer's exact counts for the files finished.
"""

from __future__ import annotations

import multiprocessing
import queue as queues
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from .archive import FileResult, archive_file

POLL_SECONDS = 0.1
Task = tuple[str, str, bool]  # archive path, spool path, all_kz
Report = Callable[[str, int, int, int], None]
"""(spool path, records read, kept, skipped) since the last report of that file."""

_QUEUE: Any = None


def _init_worker(q: Any) -> None:
    global _QUEUE
    _QUEUE = q


def _put(tag: str, records: int, kept: int, skipped: int) -> None:
    _QUEUE.put((tag, records, kept, skipped))


def _task(task: Task) -> FileResult:
    return archive_file(*task, progress=partial(_put, task[1]))


def run_results(tasks: list[Task], jobs: int, report: Report) -> Iterator[FileResult]:
    """The FileResult of each task, in task order; with jobs > 1 from a pool of processes."""
    if jobs <= 1 or len(tasks) <= 1:
        for path, spool, all_kz in tasks:
            yield archive_file(path, spool, all_kz, partial(report, spool))
        return
    ctx = multiprocessing.get_context()
    q = ctx.Queue()
    with ctx.Pool(min(jobs, len(tasks)), initializer=_init_worker, initargs=(q,)) as pool:
        results = pool.imap(_task, tasks, chunksize=1)
        for _ in tasks:
            while True:
                _drain(q, report)
                try:
                    result = results.next(timeout=POLL_SECONDS)
                    break
                except multiprocessing.TimeoutError:
                    continue
            _drain(q, report)
            yield result


def _drain(q: Any, report: Report) -> None:
    while True:
        try:
            report(*q.get_nowait())
        except queues.Empty:
            return


class Meter:
    """Feeds a tqdm bar (or nothing): records/s over every record read, kept and skipped counts."""

    def __init__(self, bar: Any, summary: Any) -> None:
        self.bar, self.summary = bar, summary
        self.live: dict[str, list[int]] = {}  # spool -> [records, skipped] of a running file
        self.finished: set[str] = set()

    def report(self, tag: str, records: int, kept: int, skipped: int) -> None:
        if tag in self.finished:  # a late message of a file already counted exactly
            return
        figures = self.live.setdefault(tag, [0, 0])
        figures[0] += records
        figures[1] += skipped
        self.show()

    def wrote(self, result: FileResult) -> None:
        self.finished.add(result.spool)
        self.live.pop(result.spool, None)
        self.show()

    def show(self) -> None:
        if self.bar is None:
            return
        records = self.summary.records + sum(f[0] for f in self.live.values())
        skipped = self.summary.skipped + sum(f[1] for f in self.live.values())
        self.bar.update(records - self.bar.n)
        self.bar.set_postfix(kept=self.summary.kept, skipped=skipped, refresh=False)
