"""Scoring divergence detection against hand-labelled gold pairs.

Each gold pair names two sentences (by a quote from each) that state the same claim, and the
divergences a reader of both would flag. The detector is run on the two sentences directly, so the
figures measure divergence detection alone, whatever the aligner groups. Used by
``tests/test_divergence_quality.py``, which prints the figures.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.alignment.divergences import find_divergences
from tui.alignment.model import DIVERGENCE_TYPES, Divergence
from tui.corpus.model import Article

DATA = Path(__file__).parent / "data"
SEED_GOLD = DATA / "seed_divergence_gold.json"
DEVSET_GOLD = DATA / "devset_divergence_gold.json"
CATEGORIES = (*DIVERGENCE_TYPES, "minor")


@dataclass
class Scores:
    """True positives, false positives and misses per category (the five types, and minor)."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    false_flags: list[str] = field(default_factory=list)

    def precision(self, category: str | None = None) -> float:
        tp, fp = self._sum(self.tp, category), self._sum(self.fp, category)
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, category: str | None = None) -> float:
        tp, fn = self._sum(self.tp, category), self._sum(self.fn, category)
        return tp / (tp + fn) if tp + fn else 1.0

    @staticmethod
    def _sum(counter: Counter[str], category: str | None) -> int:
        """One category, or all five types together (minor variants are reported apart)."""
        if category is not None:
            return counter[category]
        return sum(counter[c] for c in DIVERGENCE_TYPES)

    def table(self, title: str) -> str:
        lines = [f"{title}: divergence precision / recall (tp, fp, fn)"]
        for category in (*CATEGORIES, None):
            tp, fp, fn = (self._sum(c, category) for c in (self.tp, self.fp, self.fn))
            p, r = self.precision(category), self.recall(category)
            lines.append(f"  {category or 'overall':<12} P {p:.3f}  R {r:.3f}  ({tp}, {fp}, {fn})")
        return "\n".join(lines)


def sentence_at(article: Article, quote: str) -> int:
    """Index of the sentence holding the first occurrence of ``quote``."""
    start = article.text.find(quote)
    if start < 0:
        raise ValueError(f"gold quote not found in {article.id}: {quote!r}")
    for sentence in article.sentences:
        if sentence.start <= start < sentence.end:
            return sentence.index
    raise ValueError(f"gold quote outside every sentence of {article.id}: {quote!r}")


def before(article: Article, index: int, limit: int = 6) -> list[str]:
    """The content sentences before ``index``, nearest first (as the alignment passes them)."""
    return [s.text for s in reversed(article.sentences[:index]) if not s.boilerplate][:limit]


def _span(text: str, value: str) -> tuple[int, int]:
    if not value:
        return (0, 0)
    start = text.find(value)
    if start < 0:
        raise ValueError(f"gold value {value!r} not in {text!r}")
    return start, start + len(value)


def _overlaps(gold: tuple[int, int], start: int, end: int) -> bool:
    if gold == (0, 0) or start == end:
        return gold == (0, 0) and start == end
    return start < gold[1] and gold[0] < end


def _category(item: Divergence | dict[str, Any]) -> str:
    if isinstance(item, Divergence):
        return "minor" if item.minor else item.type
    return "minor" if item.get("minor") else str(item["type"])


def score_pair(scores: Scores, a: Article, b: Article, pair: dict[str, Any]) -> None:
    """Run the detector on one gold pair and count its hits, false flags and misses."""
    a_index, b_index = sentence_at(a, pair["a"]["quote"]), sentence_at(b, pair["b"]["quote"])
    a_text, b_text = a.sentences[a_index].text, b.sentences[b_index].text
    found = find_divergences(a_text, b_text, before(a, a_index), before(b, b_index))
    open_gold = [(_category(g), _span(a_text, g["a"]), _span(b_text, g["b"]), g) for g in pair["divergences"]]
    where = f"{pair.get('event', 'seeds')}/{pair['claim']} {a.id[:12]}#{a_index} × {b.id[:12]}#{b_index}"
    for divergence in found:
        category = _category(divergence)
        match = next(
            (
                g
                for g in open_gold
                if g[0] == category
                and _overlaps(g[1], divergence.a_start, divergence.a_end)
                and _overlaps(g[2], divergence.b_start, divergence.b_end)
            ),
            None,
        )
        if match is None:
            scores.fp[category] += 1
            scores.false_flags.append(f"{where}: {category} {divergence.a_text!r} -> {divergence.b_text!r}")
        else:
            open_gold.remove(match)
            scores.tp[category] += 1
    for category, _a, _b, g in open_gold:
        scores.fn[category] += 1
        scores.misses.append(f"{where}: {category} {g['a']!r} -> {g['b']!r}")


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def devset_articles(event: str) -> dict[str, Article] | None:
    """The articles of a dev-set event, or None when a copyrighted text is not on this machine."""
    from tui.corpus.loader import load_corpus

    root = DATA / "devset" / event
    files = []
    for entry in load(root / "sources.json"):
        path = root / entry["file"]
        if not path.exists():
            path = root / "local" / entry["file"]
        if not path.exists():
            return None
        files.append(path)
    return {article.id: article for article in load_corpus(files).articles}


def score_devset(gold: dict[str, Any]) -> tuple[Scores, list[str]]:
    """Scores over the dev-set events whose texts are here, and the events skipped."""
    scores, skipped = Scores(), []
    by_event: dict[str, list[dict[str, Any]]] = {}
    for pair in gold["pairs"]:
        by_event.setdefault(pair["event"], []).append(pair)
    for event, pairs in sorted(by_event.items()):
        articles = devset_articles(event)
        if articles is None:
            skipped.append(event)
            continue
        for pair in pairs:
            score_pair(scores, articles[pair["a"]["source"]], articles[pair["b"]["source"]], pair)
    return scores, skipped
