"""Scoring the aligner against the hand-labelled gold set in ``tests/data``.

Used by ``tests/test_quality.py`` (which prints the figures) and by
``tests/benchmarks/tune_thresholds.py``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from tui.alignment.result import Alignment
from tui.corpus.model import Article

GOLD_PATH = Path(__file__).parent / "data" / "seed_alignment_gold.json"

Key = tuple[str, int]


@dataclass(frozen=True)
class Quality:
    """Pair precision/recall/F1 of claim groups, and boilerplate recall and precision."""

    true_pairs: int
    predicted_pairs: int
    gold_pairs: int
    boilerplate_found: int
    boilerplate_gold: int
    content_kept: int
    content_gold: int

    @property
    def precision(self) -> float:
        return self.true_pairs / self.predicted_pairs if self.predicted_pairs else 0.0

    @property
    def recall(self) -> float:
        return self.true_pairs / self.gold_pairs if self.gold_pairs else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def boilerplate_recall(self) -> float:
        return self.boilerplate_found / self.boilerplate_gold

    def summary(self) -> str:
        return (
            f"pairs: precision {self.precision:.3f} recall {self.recall:.3f} F1 {self.f1:.3f} "
            f"({self.true_pairs} right of {self.predicted_pairs} predicted, {self.gold_pairs} gold); "
            f"boilerplate recall {self.boilerplate_recall:.3f} ({self.boilerplate_found}/"
            f"{self.boilerplate_gold}); content kept {self.content_kept}/{self.content_gold}"
        )


def load_gold() -> dict:
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))


def _sentences_at(article: Article, quote: str) -> list[int]:
    """Indexes of the sentences holding each occurrence of ``quote``."""
    found = []
    start = article.text.find(quote)
    while start >= 0:
        for sentence in article.sentences:
            if sentence.start <= start < sentence.end:
                found.append(sentence.index)
                break
        start = article.text.find(quote, start + 1)
    if not found:
        raise ValueError(f"gold quote not found in {article.id}: {quote!r}")
    return found


def _pair_sets(alignment: Alignment, gold: dict) -> tuple[set[frozenset[Key]], set[frozenset[Key]]]:
    """Gold pairs (within each labelled claim) and predicted pairs (within each claim group)."""
    gold_pairs: set[frozenset[Key]] = set()
    for claim in gold["claims"]:
        keys = [
            (m["source"], _sentences_at(alignment.article(m["source"]), m["quote"])[0])
            for m in claim["members"]
        ]
        gold_pairs.update(frozenset(pair) for pair in combinations(keys, 2))
    predicted: set[frozenset[Key]] = set()
    for group in alignment.groups:
        keys = [(m.source, m.sentence) for m in group.members]
        predicted.update(frozenset(pair) for pair in combinations(keys, 2))
    return gold_pairs, predicted


def evaluate(alignment: Alignment, gold: dict | None = None) -> Quality:
    """Compare an alignment of the seeds with the gold labels."""
    gold = gold or load_gold()
    gold_pairs, predicted = _pair_sets(alignment, gold)

    boilerplate_gold = boilerplate_found = 0
    for entry in gold["boilerplate"]:
        article = alignment.article(entry["source"])
        for index in _sentences_at(article, entry["quote"]):
            boilerplate_gold += 1
            boilerplate_found += article.sentences[index].boilerplate
    content_gold = content_kept = 0
    for entry in gold["content_not_boilerplate"]:
        article = alignment.article(entry["source"])
        for index in _sentences_at(article, entry["quote"]):
            content_gold += 1
            content_kept += not article.sentences[index].boilerplate
    return Quality(
        len(predicted & gold_pairs),
        len(predicted),
        len(gold_pairs),
        boilerplate_found,
        boilerplate_gold,
        content_kept,
        content_gold,
    )


def mistakes(alignment: Alignment, gold: dict | None = None) -> tuple[list, list]:
    """Predicted pairs not in gold, and gold pairs not predicted, as sentence texts."""
    gold_pairs, predicted = _pair_sets(alignment, gold or load_gold())

    def text(pair):
        return [f"{s[:3]}#{i}: {alignment.article(s).sentences[i].text[:90]}" for s, i in sorted(pair)]

    return [text(p) for p in predicted - gold_pairs], [text(p) for p in gold_pairs - predicted]
