"""Write benchmark tables into docs/benchmarks.md between `<!-- BEGIN bench:NAME -->` and `<!-- END bench:NAME -->`."""

from __future__ import annotations

import re
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"


def replace_block(name: str, markdown: str, doc: Path = DOC) -> bool:
    """Replace the block NAME with `markdown`; False (and the doc unchanged) when the markers are missing."""
    text = doc.read_text(encoding="utf-8")
    begin, end = f"<!-- BEGIN bench:{name} -->", f"<!-- END bench:{name} -->"
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    if not pattern.search(text):
        return False
    new = pattern.sub(lambda _: f"{begin}\n{markdown.strip()}\n{end}", text, count=1)
    doc.write_text(new, encoding="utf-8")
    return True
