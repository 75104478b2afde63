"""The article-extraction-benchmark (AEB) metric: 4-token shingle matching, macro-averaged.

Semantics follow scrapinghub/article-extraction-benchmark `evaluate.py`:

* tokens are `re.findall(r"\\w+", text)`, **case-sensitive** (the original compiles the
  pattern with IGNORECASE, which has no effect on `\\w`; nothing is lowercased);
* a text with fewer than 4 tokens yields one shorter shingle (so "Hello world" is one
  shingle), an empty text yields none;
* TP/FP/FN are multiset counts, normalised per document to sum to 1;
* precision is averaged over documents with TP+FP > 0 and recall over documents with
  TP+FN > 0: an **empty prediction does not enter the precision average** (it costs
  recall 0 only), exactly as in the original;
* F1 = 2PR/(P+R) of the two averages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from statistics import mean

SHINGLE = 4
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Counts:
    """Normalised per-document TP/FP/FN (they sum to 1, or are all 0 for two empty texts)."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp > 0 else 0.0

    @property
    def recall(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn > 0 else 0.0


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    documents: int


def tokens(text: str | None) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str | None, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles; shorter texts give one short shingle, empty gives none."""
    toks = tokens(text)
    if not toks:
        return Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)))


def match(truth: str | None, pred: str | None, n: int = SHINGLE) -> Counts:
    """Normalised TP/FP/FN of one document."""
    want, got = shingles(truth, n), shingles(pred, n)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    if total == 0:
        return Counts(0.0, 0.0, 0.0)
    return Counts(tp / total, fp / total, fn / total)


def aggregate(counts: Iterable[Counts]) -> Scores:
    """Macro-averaged precision and recall, and the F1 of those two averages."""
    items = list(counts)
    precs = [c.precision for c in items if c.tp + c.fp > 0]
    recs = [c.recall for c in items if c.tp + c.fn > 0]
    p = mean(precs) if precs else 0.0
    r = mean(recs) if recs else 0.0
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return Scores(precision=p, recall=r, f1=f1, documents=len(items))


def evaluate(truth: Mapping[str, str], predictions: Mapping[str, str]) -> Scores:
    """Score predictions (id -> text) against ground truth (id -> text); a missing id counts as empty."""
    return aggregate(match(truth[key], predictions.get(key, "")) for key in truth)
