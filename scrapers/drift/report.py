"""The suggestion as text: the ready-to-paste layout, then per page what each selector found."""

from __future__ import annotations

from cleaners.normalize import normalize_line
from cleaners.select import ParsedPage

from .induce import SELECTOR_FIELDS, Suggestion
from .nodes import EXCERPT, css_of, describe
from .render import render
from .trial import lines_only_in

PASTE_INDENT = 8  # a Layout inside `layouts=(` of a profile file
SHOWN_LINES = 3


def _short(text: str) -> str:
    text = normalize_line(text)
    return repr(text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…")


def found_by(page: ParsedPage, selector: str) -> str:
    """What one selector finds on the page: the node (and the attribute's value), and how many match."""
    css, _, attr = selector.partition("@")
    try:
        nodes = page.css(css.strip())
    except ValueError:
        return "(invalid selector)"
    if not nodes:
        return "(nothing)"
    shown = _short(nodes[0].attributes.get(attr.strip()) or "") if attr else describe(nodes[0])
    return shown + (f" (+{len(nodes) - 1} more)" if len(nodes) > 1 else "")


def _lines(label: str, lines: list[str]) -> list[str]:
    out = [f"    {label} ({len(lines)})" + (":" if lines else "")]
    out += [f"      {_short(line)}" for line in lines[:SHOWN_LINES]]
    if len(lines) > SHOWN_LINES:
        out.append(f"      … and {len(lines) - SHOWN_LINES} more")
    return out


def evidence(suggestion: Suggestion) -> list[str]:
    """Per page: each selector's find, body F1 against the generic path, lines dropped either way."""
    out = []
    layout = suggestion.layout
    for sample, article, f1 in zip(suggestion.samples, suggestion.articles, suggestion.f1):
        page = sample.page()
        out.append(f"  {sample.name}  {sample.url}  ({article.layout})")
        for name in SELECTOR_FIELDS:
            for selector in getattr(layout, name):
                out.append(f"    {name:<8} {selector:<40} -> {found_by(page, selector)}")
        out.append(f"    title: {_short(article.title or '')}   date: {article.date} ({article.date_source})")
        out.append(f"    body F1 against the generic path: {f1:.3f} ({len(article.body)} chars)")
        generic = sample.reference
        out += _lines("kept by the generic path, dropped by the layout", lines_only_in(generic, article.body))
        out += _lines("kept by the layout, dropped by the generic path", lines_only_in(article.body, generic))
    return out


def format_suggestion(suggestion: Suggestion, where: str) -> str:
    """The whole report: header, the Layout block, notes, evidence."""
    pages = len(suggestion.samples)
    head = (
        f"Suggested layout for {suggestion.outlet} from {pages} pages (first in `layouts=(` of {where},"
        " or run again with --write):"
    )
    block = " " * PASTE_INDENT + render(suggestion.layout, PASTE_INDENT) + ","
    notes = [f"  note: {n}" for n in suggestion.notes]
    detect = css_of(suggestion.layout.detectors[0])
    return "\n".join([head, "", block, "", *notes, f"Evidence (detector {detect}):", *evidence(suggestion)])
