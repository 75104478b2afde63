"""Archive benchmark: `python -m bench.archive [--pages 2000] [--files 8] [--write-docs]`.

N distinct article pages (`bench.crawl_mirror`: tengrinews fixtures replicated under their own
URLs and bodies) are written into gzipped WARC files the way a crawl archive holds them: per page
a request record, the response, and a response of another host (left out as `other_host`, as
most of a CC-NEWS file is). Measured, each in a fresh process: `kaznews archive -j 1` and `-j 2`
(records/s and kept articles/s over the wall time from start to exit, peak RSS of the largest
process), the same pages read as HTML files and cleaned by `clean_html` in one process (the
baseline: pages/s), and `-j 1` on a quarter of the pages (peak RSS must not grow with the number
of records). Each run checks that every page came out exactly once. `--write-docs` replaces the
bench:archive block of docs/benchmarks.md; JSON goes to bench/results/archive.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path

from scrapers.archive_write import ArchivedResponse, Writer, warc_date
from scrapers.urlguard import path_and_query

from .crawl_mirror import build_mirror
from .docs import replace_block
from .machine import ROOT

RESULTS = ROOT / "bench" / "results"
RSS_GROWTH_MB = 30  # peak RSS may differ this much between N/4 and N pages and still count as flat
CLEAN_SNIPPET = """
import json, sys, time
from pathlib import Path
from cleaners import clean_html
pages = json.loads(Path(sys.argv[1]).read_text())
start = time.monotonic()
kept = sum(1 for p in pages if clean_html(Path(p["file"]).read_bytes(), p["url"], fetched_at=p["date"]).date)
print(json.dumps({"seconds": time.monotonic() - start, "kept": kept}))
"""


@dataclass
class Run:
    label: str
    pages: int
    records: int
    kept: int
    seconds: float
    peak_rss_mb: float
    startup_s: float = 0.0  # the process start-up (imports) included in `seconds`

    @property
    def records_per_s(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0

    @property
    def kept_per_s(self) -> float:
        return self.kept / self.seconds if self.seconds else 0.0

    @property
    def steady_records_per_s(self) -> float:
        busy = self.seconds - self.startup_s
        return self.records / busy if busy > 0 else 0.0


def make_pages(count: int) -> list[ArchivedResponse]:
    mirror = build_mirror("tengrinews_ru", count)
    pages = []
    for url in mirror.urls:
        body, date = mirror.page(path_and_query(url)) or (b"", "")
        pages.append(ArchivedResponse(url, body, warc_date(parsedate_to_datetime(date).isoformat() if date else None)))
    return pages


def write_archives(pages: list[ArchivedResponse], files: int, folder: Path) -> tuple[list[Path], int]:
    """`files` WARC files of the pages (with requests and other-host responses); returns them and the record count."""
    paths, records = [], 0
    per_file = -(-len(pages) // files)
    for n in range(files):
        chunk = pages[n * per_file : (n + 1) * per_file]
        if not chunk:
            break
        paths.append(folder / f"bench-{n:03d}.warc.gz")
        with Writer(paths[-1]) as w:
            for page in chunk:
                w.request(page)
                w.response(page)
                w.response(
                    ArchivedResponse(page.url.replace("tengrinews.kz", "example.com"), page.body, page.warc_date)
                )
                records += 3
    return paths, records


def timed(cmd: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS MB (the largest of the process and its waited children) and stdout."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"bench.archive: {' '.join(cmd[2:5])} failed")
    return time.monotonic() - start, usage.ru_maxrss / 1024, out.decode()


def archive_run(label: str, paths: list[Path], records: int, pages: int, jobs: int, work: Path) -> Run:
    out = work / f"out-{len(list(work.glob('out-*.jsonl')))}.jsonl"  # a fresh output and state per run
    cmd = [sys.executable, "-m", "scrapers.cli", "archive", *map(str, paths), "-o", str(out), "-q", "-j", str(jobs)]
    seconds, rss, _ = timed(cmd)
    startup, _, _ = timed([sys.executable, "-m", "scrapers.cli", "archive", "--help"])
    urls = [json.loads(line)["url"] for line in out.read_text(encoding="utf-8").splitlines()]
    if len(urls) != pages or len(set(urls)) != pages:
        raise SystemExit(f"bench.archive: {label}: {len(urls)} records for {pages} pages")
    return Run(label, pages, records, len(urls), seconds, rss, startup)


def files_run(pages: list[ArchivedResponse], work: Path) -> Run:
    folder = work / "pages"
    folder.mkdir()
    listing = []
    for n, page in enumerate(pages):
        (folder / f"{n}.html").write_bytes(page.body)
        listing.append({"file": str(folder / f"{n}.html"), "url": page.url, "date": page.warc_date})
    (work / "pages.json").write_text(json.dumps(listing))
    _, rss, out = timed([sys.executable, "-c", CLEAN_SNIPPET, str(work / "pages.json")])
    report = json.loads(out)
    return Run(
        "the same pages as HTML files, clean_html in one process",
        len(pages),
        len(pages),
        report["kept"],
        report["seconds"],
        rss,
    )


def block(runs: list[Run], small: Run, big: Run) -> str:
    header = (
        "| run | pages | WARC records | kept articles | wall s (start-up s) | records/s"
        " | records/s after start-up | kept articles/s | peak RSS MB |"
    )
    rows = [header, "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in runs:
        rows.append(
            f"| {r.label} | {r.pages:,} | {r.records:,} | {r.kept:,} | {r.seconds:.1f} ({r.startup_s:.1f})"
            f" | {r.records_per_s:.0f} | {r.steady_records_per_s:.0f} | {r.kept_per_s:.1f} | {r.peak_rss_mb:.0f} |"
        )
    flat = big.peak_rss_mb - small.peak_rss_mb < RSS_GROWTH_MB
    rows.append("")
    rows.append(
        f"Peak RSS flat in the number of records: {'yes' if flat else 'NO'} ({small.peak_rss_mb:.0f} MB at"
        f" {small.records:,} records, {big.peak_rss_mb:.0f} MB at {big.records:,}; at most"
        f" {RSS_GROWTH_MB} MB apart counts as flat). Wall times include the process start-up"
        f" (`kaznews archive --help`, timed alone); the baseline's count only the cleaning loop. Run {time.strftime('%Y-%m-%d', time.gmtime())}, {os.cpu_count()} CPUs."
    )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.archive", description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=2000, help="distinct article pages in the archives")
    ap.add_argument("--files", type=int, default=8, help="WARC files they are spread over")
    ap.add_argument("--write-docs", action="store_true", help="rewrite the bench:archive block of docs/benchmarks.md")
    args = ap.parse_args(argv)
    pages = make_pages(args.pages)
    with tempfile.TemporaryDirectory(prefix="kaznews-bench-archive-") as tmp:
        work = Path(tmp)
        paths, records = write_archives(pages, args.files, work)
        quarter = pages[: max(1, len(pages) // 4)]
        (work / "small").mkdir()
        small_paths, small_records = write_archives(quarter, args.files, work / "small")
        runs = [
            files_run(pages, work),
            archive_run("kaznews archive -j 1", paths, records, len(pages), 1, work),
            archive_run("kaznews archive -j 2", paths, records, len(pages), 2, work),
        ]
        small = archive_run(
            "kaznews archive -j 1, a quarter of the pages", small_paths, small_records, len(quarter), 1, work
        )
    text = block([*runs, small], small, runs[1])
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "archive.json").write_text(json.dumps([asdict(r) for r in [*runs, small]], indent=1) + "\n")
    if args.write_docs and not replace_block("archive", text):
        print("bench.archive: docs/benchmarks.md lacks the bench:archive block", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
