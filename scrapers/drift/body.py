"""The body container, the lead outside it, and the junk inside it, aligned with the generic body."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from selectolax.lexbor import LexborNode

from cleaners.article import Article
from cleaners.blocks import paragraphs
from cleaners.normalize import normalize_line
from cleaners.profiles import Layout
from cleaners.select import ParsedPage, first_value
from cleaners.textfilters import READ_ALSO

from .errors import SuggestError
from .nodes import count, css_of, describe, node_selectors, own_selectors
from .samples import Sample
from .trial import body_f1
from .trials import Trials, nodes_where

CONTAINERS = frozenset({"div", "article", "section", "main", "td"})
BODY_AGREES = 0.6  # raw text of a candidate container against the generic body, on every page
TOP_NODES = 4  # best-aligned containers per page whose selectors are tried
TOP_SELECTORS = 6  # selectors run through the pipeline
MIN_SHARE = 0.5  # a container holds at least half the generic body's length
MAX_GROWTH = 6  # and at most this many times it (plus the slack)
SLACK_CHARS = 3000
_DESCRIPTIONS = ('meta[property="og:description"]@content', 'meta[name="description"]@content')
LEAD_AGREES = 0.7  # share of the description's words a lead block has
_WORD = re.compile(r"\w+")
JUNK_KEEPS = 0.7  # junk selectors that would cut more of the body than this are not proposed
LEAD_GROWTH = 4  # a lead is at most this many times the description's length
MAX_CAPTION = 160  # a picture's caption or credit line, not a paragraph
_MEDIA = "img, picture, video, iframe, figure"
_READ_ALSO = re.compile(rf"(?:{READ_ALSO})", re.IGNORECASE)


def _aligned(page: ParsedPage, reference: str) -> list[tuple[float, LexborNode]]:
    """Containers ranked by how well their raw text matches the generic body (F1), best first."""
    size = len(reference)
    scored = []
    for node in nodes_where(page, lambda n: n.tag in CONTAINERS):
        text = node.text(deep=True, separator=" ")
        if MIN_SHARE * size <= len(text) <= MAX_GROWTH * size + SLACK_CHARS:
            scored.append((body_f1(reference, text), node))
    return sorted(scored, key=lambda pair: -pair[0])


def _raw_f1(page: ParsedPage, selector: str, reference: str) -> float:
    found = page.css(css_of(selector))
    return body_f1(reference, found[0].text(deep=True, separator=" ")) if len(found) == 1 else 0.0


def find_body(trials: Trials, base: Layout) -> tuple[Layout, list[float]]:
    """`base` with the body selector that holds on every page and agrees best with the generic path."""
    refs = [s.reference for s in trials.samples]
    per_page: list[list[str]] = []
    for page, ref in zip(trials.pages, refs):
        sels: list[str] = []
        for _, node in _aligned(page, ref)[:TOP_NODES]:
            sels += node_selectors(node)
        per_page.append(list(dict.fromkeys(sels)))
    pool = list(dict.fromkeys(s for sels in per_page for s in sels))
    holding = [(min(_raw_f1(p, sel, r) for p, r in zip(trials.pages, refs)), sel) for sel in pool]
    holding = sorted(((f, s) for f, s in holding if f >= BODY_AGREES), key=lambda x: -x[0])
    if not holding:
        found = "; ".join(
            f"{s.name}: {describe(_aligned(p, r)[0][1]) if _aligned(p, r) else 'nothing'}"
            for s, p, r in zip(trials.samples, trials.pages, refs)
        )
        raise SuggestError(
            "the pages share no body container (no stable selector matches one block holding"
            f" the article text on every page); best containers per page: {found}"
        )
    best: tuple[float, Layout, list[float]] | None = None
    for _, sel in holding[:TOP_SELECTORS]:
        layout = replace(base, body=(sel,))
        scores = [body_f1(s.reference, a.body) for s, a in zip(trials.samples, trials.articles(layout))]
        if best is None or min(scores) > best[0] + 1e-9:
            best = (min(scores), layout, scores)
    assert best is not None
    return best[1], best[2]


def _generic_lines(trials: Trials) -> list[set[str]]:
    return [set(s.reference.split("\n\n")) for s in trials.samples]


def _junk_looking(node: LexborNode, own: list[str], lines: set[str]) -> bool:
    """Only lines the generic path drops; or a read-also block; or a picture with its caption."""
    if not any(p in lines for p in own):
        return True
    if _READ_ALSO.match(own[0]):
        return True
    pictured = node.css_first(_MEDIA) is not None
    return pictured and all(len(p) <= MAX_CAPTION for p in own)


def find_junk(trials: Trials, layout: Layout) -> Layout:
    """Blocks inside the body that look like junk (`_junk_looking`), with the same stable class on
    two pages or more, and on no page a block of that class holding an article line."""
    kept = _generic_lines(trials)
    junk_pages: Counter[str] = Counter()
    spoiled: set[str] = set()
    body_css = css_of(layout.body[0])
    for page, lines in zip(trials.pages, kept):
        root = page.css(body_css)[0]
        seen: dict[str, None] = {}
        for node in root.traverse(include_text=False):
            if node is root or not node.tag:
                continue
            own = paragraphs(node)
            if not own:
                continue
            keeps = not _junk_looking(node, own, lines)
            for sel in own_selectors(node):
                if keeps:
                    spoiled.add(sel)
                else:
                    seen[sel] = None
        junk_pages.update(list(seen))
    need = min(2, len(trials.samples))
    chosen = [sel for sel, n in junk_pages.items() if n >= need and sel not in spoiled]
    chosen = [sel for sel in chosen if not _inside_other(trials.pages, sel, chosen)]
    if not chosen:
        return layout
    candidate = replace(layout, junk=tuple(chosen))
    before = [len(a.body) for a in trials.articles(layout)]
    after = [len(a.body) for a in trials.articles(candidate)]
    return candidate if all(new >= JUNK_KEEPS * old for old, new in zip(before, after)) else layout


def _inside_other(pages: list[ParsedPage], selector: str, chosen: list[str]) -> bool:
    """Every match of `selector` lies inside a match of another chosen selector (redundant)."""
    for page in pages:
        others = {n.mem_id for sel in chosen if sel != selector for n in page.css(sel)}
        for node in page.css(selector):
            parent, inside = node.parent, False
            while parent is not None:
                if parent.mem_id in others:
                    inside = True
                    break
                parent = parent.parent
            if not inside:
                return False
    return True


def _summary(page: ParsedPage) -> str:
    """The page's own summary: its description meta (the lead is often that text, or begins it)."""
    for selector in _DESCRIPTIONS:
        value = first_value(page, selector)
        if value:
            return value
    return ""


def _word_recall(summary: str, text: str) -> float:
    want = set(_WORD.findall(summary.casefold()))
    return len(want & set(_WORD.findall(text.casefold()))) / len(want) if want else 0.0


def _leads(page: ParsedPage, body_css: str, summary: str) -> list[LexborNode]:
    """Short blocks outside the body that say what the description says (most of its words)."""
    if not summary:
        return []
    inside = {n.mem_id for root in page.css(body_css) for n in root.traverse(include_text=False)}
    out = []
    for node in nodes_where(page, lambda n: n.tag not in ("head", "meta", "title") and n.mem_id not in inside):
        text = normalize_line(node.text(deep=True, separator=" "))
        if text and len(text) <= LEAD_GROWTH * len(summary) and _word_recall(summary, text) >= LEAD_AGREES:
            out.append(node)
    return out


def find_lead(trials: Trials, layout: Layout) -> Layout:
    """A block outside the body that holds the page's description (the lead), on the pages that have one."""
    body_css = css_of(layout.body[0])
    leads: dict[int, str] = {}
    pool: list[str] = []
    for index, page in enumerate(trials.pages):
        nodes = _leads(page, body_css, _summary(page))
        if nodes:
            leads[index] = normalize_line(nodes[-1].text(deep=True, separator=" "))
        pool += [sel for node in reversed(nodes) for sel in node_selectors(node)]
    candidates = [c for c in dict.fromkeys(pool) if all(count(p, c) <= 1 for p in trials.pages)]

    def check(article: Article, sample: Sample) -> bool:
        index = trials.samples.index(sample)
        return index not in leads or article.body.split("\n\n")[0] == leads[index]  # no description: no reference

    lead = trials.first_holding(layout, "lead", candidates, check, unique=False) if leads else None
    return replace(layout, lead=(lead,)) if lead else layout
