"""Score extractor outputs on a public set: body (AEB shingles, WCXB words), title, authors, day, dates, page kind.

`outputs` maps a page key to what the extractor gave: body, title, authors, date, date_source,
date_precision, page_kind, rejected (any may be missing). A page without output counts as empty.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from statistics import mean
from typing import Any

from .fixture_score import f1_of, title_ok
from .metric import aggregate, match
from .sets import Gold

CATASTROPHIC_OURS = 0.5  # a page is catastrophic when our body F1 is under this...
CATASTROPHIC_PEER = 0.9  # ...while trafilatura's is at least this
ARTICLE = "article"
NOT_ARTICLE = "not_article"
_WORD = re.compile(r"\w+")
Output = Mapping[str, Any]


def body_pages(golds: Iterable[Gold]) -> list[Gold]:
    """Pages whose body is scored: a gold body, and an article page where the set gives a page type."""
    return [g for g in golds if g.body is not None and g.page_type in (None, ARTICLE)]


def word_prf(truth: str | None, pred: str | None) -> tuple[float, float, float]:
    """WCXB's word-level P/R/F1 of one page: bags of lowercased `\\w+` tokens; two empty texts score 1."""
    want = Counter(_WORD.findall((truth or "").lower()))
    got = Counter(_WORD.findall((pred or "").lower()))
    if not want and not got:
        return 1.0, 1.0, 1.0
    common = sum((want & got).values())
    if common == 0:
        return 0.0, 0.0, 0.0
    p, r = common / sum(got.values()), common / sum(want.values())
    return p, r, 2 * p * r / (p + r)


def word_scores(golds: list[Gold], outputs: Mapping[str, Output]) -> dict[str, float]:
    """WCXB word P/R/F1, each computed per page and then averaged over the pages."""
    per_page = [word_prf(g.body, (outputs.get(g.key) or {}).get("body")) for g in golds]
    if not per_page:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    return {name: mean(v[i] for v in per_page) for i, name in enumerate(("precision", "recall", "f1"))}


def body_scores(golds: list[Gold], outputs: Mapping[str, Output]) -> dict[str, Any]:
    """AEB shingle P/R/F1 (macro, `bench.metric`), empty bodies, and each page's F1."""
    counts = {g.key: match(g.body, (outputs.get(g.key) or {}).get("body") or "") for g in golds}
    s = aggregate(counts.values())
    empty = sum(1 for g in golds if not ((outputs.get(g.key) or {}).get("body") or "").strip())
    return {
        "precision": s.precision,
        "recall": s.recall,
        "f1": s.f1,
        "pages": len(golds),
        "empty": empty,
        "page_f1": {k: round(f1_of(c), 4) for k, c in counts.items()},
    }


def title_exact(golds: Iterable[Gold], outputs: Mapping[str, Output]) -> dict[str, int]:
    """Titles equal after Unicode/whitespace normalisation, over pages with a gold title."""
    scored = [g for g in golds if g.title]
    right = sum(title_ok(g.title, (outputs.get(g.key) or {}).get("title")) for g in scored)
    return {"right": right, "of": len(scored)}


def _name(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def authors_ok(want: Iterable[str], got: Iterable[str] | None) -> bool:
    """The same set of names, compared case-insensitively after NFKC and whitespace normalisation."""
    return {_name(a) for a in want if a.strip()} == {_name(a) for a in got or () if a.strip()}


def author_exact(golds: Iterable[Gold], outputs: Mapping[str, Output]) -> dict[str, int]:
    """Author sets equal, over pages whose gold names at least one author."""
    scored = [g for g in golds if g.authors]
    right = sum(authors_ok(g.authors or (), (outputs.get(g.key) or {}).get("authors")) for g in scored)
    return {"right": right, "of": len(scored)}


def day_of(date: str | None) -> str | None:
    """The YYYY-MM-DD part of an ISO date or timestamp."""
    return date[:10] if date and len(date) >= len("YYYY-MM-DD") else None


def day_accuracy(golds: Iterable[Gold], outputs: Mapping[str, Output]) -> dict[str, int]:
    """Pages whose day is the gold day, over pages with a gold day (a null gold day is excluded)."""
    scored = [g for g in golds if g.day]
    right = sum(day_of((outputs.get(g.key) or {}).get("date")) == g.day for g in scored)
    return {"right": right, "of": len(scored)}


def date_counts(outputs: Iterable[Output], attribute: str) -> dict[str, int]:
    """How many dates came with each `date_source` (or `date_precision`) value; "(no date)" when none;
    "(not given)" when the extractor has a date but no such attribute."""
    counts: Counter[str] = Counter()
    for out in outputs:
        value = out.get(attribute)
        counts[str(value) if value else ("(not given)" if out.get("date") else "(no date)")] += 1
    return dict(counts.most_common())


def kind_of(out: Output) -> str:
    """Our page kind: `page_kind` when the extractor gives one, else not_article when it rejected the page."""
    if out.get("page_kind"):
        return str(out["page_kind"])
    return NOT_ARTICLE if out.get("rejected") else ARTICLE


def page_kind_confusion(golds: Iterable[Gold], outputs: Mapping[str, Output]) -> dict[str, Any]:
    """Gold page_type x our kind counts, the share of listing+collection pages flagged (any kind but
    article) and the share of article pages lost (given any kind but article)."""
    matrix: dict[str, Counter[str]] = {}
    for g in golds:
        if g.page_type:
            matrix.setdefault(g.page_type, Counter())[kind_of(outputs.get(g.key) or {})] += 1
    others = [c for t, c in matrix.items() if t != ARTICLE]
    flagged = sum(n for c in others for k, n in c.items() if k != ARTICLE)
    listings = sum(sum(c.values()) for c in others)
    articles = matrix.get(ARTICLE, Counter())
    lost = sum(n for k, n in articles.items() if k != ARTICLE)
    return {
        "matrix": {t: dict(c) for t, c in sorted(matrix.items())},
        "flagged": flagged,
        "listings": listings,
        "lost": lost,
        "articles": sum(articles.values()),
    }


def catastrophic(ours: Mapping[str, float], peer: Mapping[str, float]) -> list[str]:
    """Pages where our body F1 < 0.5 while the peer's (trafilatura) is >= 0.9, sorted."""
    return sorted(k for k, f1 in ours.items() if f1 < CATASTROPHIC_OURS and peer.get(k, 0.0) >= CATASTROPHIC_PEER)


def score_set(
    golds: list[Gold], outputs: Mapping[str, Output], fields: Iterable[str], has_body: bool, word_metric: bool
) -> dict[str, Any]:
    """Every figure of one extractor on one set; a figure the extractor or the set cannot give is None."""
    fields = set(fields)
    articles = [g for g in golds if g.page_type in (None, ARTICLE)]  # every figure but page kind: articles only
    bodies = body_pages(golds) if has_body else []
    outs = [outputs.get(g.key) or {} for g in articles]
    with_day = any(g.day for g in articles)
    return {
        "body": body_scores(bodies, outputs) if bodies else None,
        "words": word_scores(bodies, outputs) if bodies and word_metric else None,
        "title": title_exact(articles, outputs) if "title" in fields and any(g.title for g in articles) else None,
        "author": (
            author_exact(articles, outputs) if "authors" in fields and any(g.authors for g in articles) else None
        ),
        "day": day_accuracy(articles, outputs) if "date" in fields and with_day else None,
        "date_source": date_counts(outs, "date_source") if "date_source" in fields else None,
        "date_precision": date_counts(outs, "date_precision") if "date_source" in fields else None,
        "page_kind": (
            page_kind_confusion(golds, outputs) if "rejected" in fields and any(g.page_type for g in golds) else None
        ),
    }
