"""Page-kind confusion on the public sets: `python -m bench.pagekind [--sets wcxb-dev naeb aeb] [--misses]`.

Runs `clean_html` (profiles on, as users do) on every page of each set found in
`../shared/benchmarks/` and counts `Article.page_kind` against the gold page type: wcxb-dev has
article, listing and collection pages; naeb and aeb are all articles. An article page "lost" is one
that comes out with `not_article`. `--misses` lists every page on the wrong side.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from cleaners import clean_html
from cleaners.errors import CleanerError
from cleaners.pagekind import ARTICLE, PAGE_KINDS

SETS = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks"
ERROR = "error"
Sample = tuple[str, str | None, str, Path]  # name, url, gold page type, page file


def samples(name: str, root: Path = SETS) -> Iterator[Sample]:
    """The pages of one set with their gold page type."""
    base = root / name
    if name == "aeb":
        truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
        for key in sorted(truth):
            yield key, truth[key].get("url"), ARTICLE, base / "html" / f"{key}.html.gz"
        return
    for line in (base / "gold.jsonl").read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        row = json.loads(line)
        yield row["file"], row.get("url"), row.get("page_type", ARTICLE), base / "html" / row["file"]


def classify(path: Path, url: str | None) -> tuple[str, bool]:
    """(page_kind, has not_article) of one saved page; a cleaner error is kind `error`."""
    raw = path.read_bytes()
    raw = gzip.decompress(raw) if path.name.endswith(".gz") else raw
    try:
        article = clean_html(raw, url)
    except CleanerError:
        return ERROR, False
    return article.page_kind, "not_article" in article.warnings


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="+", default=["wcxb-dev", "naeb", "aeb"])
    ap.add_argument("--misses", action="store_true", help="list the pages on the wrong side")
    args = ap.parse_args(argv)
    for name in args.sets:
        if not (SETS / name).is_dir():
            print(f"{name}: not found at {SETS / name}, skipped")
            continue
        table: dict[str, Counter[str]] = defaultdict(Counter)
        misses: list[str] = []
        for key, url, gold, path in samples(name):
            kind, rejected = classify(path, url)
            table[gold][kind] += 1
            if rejected != (gold != ARTICLE):
                misses.append(f"  {gold} -> {kind}: {key} {url or ''}")
        columns = [*PAGE_KINDS, ERROR]
        print(f"\n{name}: gold page type (rows) x page_kind (columns)")
        print("| gold | " + " | ".join(columns) + " | not_article |")
        print("|---" * (len(columns) + 2) + "|")
        for gold, counts in sorted(table.items()):
            flagged = sum(n for kind, n in counts.items() if kind not in (ARTICLE, ERROR))
            total = sum(counts.values())
            print(
                f"| {gold} | "
                + " | ".join(str(counts[c]) for c in columns)
                + f" | {flagged}/{total} ({flagged / total:.1%}) |"
            )
        if args.misses:
            print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
