"""Layout tables: 2000s pages put header, sidebar and article in the cells of one table."""

from __future__ import annotations

from collections import Counter

from selectolax.lexbor import LexborHTMLParser, LexborNode

_TABLE_PARTS = "tbody, thead, tfoot, tr, td, th"
_LAYOUT_MARKS = "table, h1, h2"  # inside a cell: the table lays out a page, it holds no data
MIN_LAYOUT_PARAGRAPHS = 2  # ... and so does a cell with this many paragraphs, outside a data grid
MIN_GRID_COLUMNS = 4
GRID_ROW_SHARE = 0.8
MAX_TABLE_CHECKS = 64  # each check scans the table: the page's first tables are the layout ones
_BREAK = LexborHTMLParser("<br>").css_first("br")


def _owner(node: LexborNode) -> LexborNode | None:
    """The nearest table around node."""
    parent = node.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent


def _is_grid(table: LexborNode) -> bool:
    """A data grid: most rows have the same number of cells, and that number is at least
    MIN_GRID_COLUMNS (a comparison chart; a page layout has a column or three)."""
    widths = [len(row.css("td, th")) for row in table.css("tr")]
    common = Counter(widths).most_common(1)
    return bool(common) and common[0][0] >= MIN_GRID_COLUMNS and common[0][1] >= GRID_ROW_SHARE * len(widths)


def _is_layout_table(table: LexborNode) -> bool:
    cells = table.css("td, th")
    if any(cell.css_first(_LAYOUT_MARKS) is not None for cell in cells):
        return True
    return any(len(cell.css("p")) >= MIN_LAYOUT_PARAGRAPHS for cell in cells) and not _is_grid(table)


def unwrap_layout_tables(root: LexborNode) -> None:
    """Unwrap tables that lay out a page (2000s sites: header, sidebar and article in cells), so the
    extractor sees blocks, not one table row; a line break keeps each cell's text apart."""
    for table in [t for t in root.css("table")[:MAX_TABLE_CHECKS] if _is_layout_table(t)]:
        parts = [n for n in table.css(_TABLE_PARTS) if _owner(n) is table]
        for cell in parts:
            if cell.tag in ("td", "th") and _BREAK is not None:
                cell.insert_before(_BREAK)
                cell.insert_after(_BREAK)
        for part in parts:
            part.unwrap()
        table.unwrap()
