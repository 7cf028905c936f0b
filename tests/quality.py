"""Scoring alignments against hand-labelled gold sets: the seeds and the real-coverage dev set.

A gold file lists claims (sentences of several sources that make one statement, quoted), page
clutter, and content that must stay content. Figures are pair precision/recall/F1 (every pair of
sentences that share a claim), boilerplate recall and content kept. The naive baseline the issue
names (every cross-source sentence pair with rapidfuzz ``token_sort_ratio`` >= 60 after
``utils.default_process``) is scored on the same sentences so the two can be read side by side.

Used by ``tests/test_quality.py`` (floors) and ``tests/benchmarks/bench_quality.py`` (the table).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from tui.alignment.result import Alignment
from tui.corpus.model import Article

DATA = Path(__file__).parent / "data"
GOLD_PATH = DATA / "seed_alignment_gold.json"
DEVSET = DATA / "devset"
HELDOUT = DATA / "heldout"  # labelled blind, never tuned on (see its README)

Key = tuple[str, int]
Pair = frozenset[Key]


@dataclass(frozen=True)
class Quality:
    """Pair precision/recall/F1 of claim groups, and boilerplate recall and content kept."""

    true_pairs: int
    predicted_pairs: int
    gold_pairs: int
    boilerplate_found: int = 0
    boilerplate_gold: int = 0
    content_kept: int = 0
    content_gold: int = 0

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
        return self.boilerplate_found / self.boilerplate_gold if self.boilerplate_gold else 1.0

    def __add__(self, other: Quality) -> Quality:
        return Quality(*(a + b for a, b in zip(self.counts(), other.counts(), strict=True)))

    def counts(self) -> tuple[int, ...]:
        return (
            self.true_pairs,
            self.predicted_pairs,
            self.gold_pairs,
            self.boilerplate_found,
            self.boilerplate_gold,
            self.content_kept,
            self.content_gold,
        )

    def summary(self) -> str:
        return (
            f"pairs: precision {self.precision:.3f} recall {self.recall:.3f} F1 {self.f1:.3f} "
            f"({self.true_pairs} right of {self.predicted_pairs} predicted, {self.gold_pairs} gold); "
            f"boilerplate recall {self.boilerplate_recall:.3f} ({self.boilerplate_found}/"
            f"{self.boilerplate_gold}); content kept {self.content_kept}/{self.content_gold}"
        )


def load_gold(path: Path = GOLD_PATH) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Event:
    """One event of the development set: its folder, the article files present, and the gold."""

    name: str
    files: list[Path]
    missing: list[str]
    gold: dict[str, Any]


def devset_events(committed_only: bool = False, root: Path = DEVSET) -> list[Event]:
    """The dev-set events (or those under ``root``), each restricted to the articles whose text
    is here.

    Copyrighted articles live in ``<event>/local/`` (git-ignored): labelled and listed with their
    URL, used when present. ``committed_only`` uses only the redistributable, committed texts.
    """
    events = []
    for folder in sorted(p for p in root.iterdir() if (p / "gold.json").is_file()):
        sources = json.loads((folder / "sources.json").read_text(encoding="utf-8"))
        files, missing = [], []
        for entry in sources:
            candidates = [folder / entry["file"]]
            if not committed_only:
                candidates.append(folder / "local" / entry["file"])
            found = next((p for p in candidates if p.is_file()), None)
            (files.append(found) if found else missing.append(entry["source"]))
        present = {p.stem for p in files}
        gold = _restricted(load_gold(folder / "gold.json"), present)
        events.append(Event(folder.name, files, missing, gold))
    return events


def _restricted(gold: dict[str, Any], present: set[str]) -> dict[str, Any]:
    claims = []
    for claim in gold["claims"]:
        members = [m for m in claim["members"] if m["source"] in present]
        if len(members) >= 2:
            claims.append({**claim, "members": members})
    return {
        "claims": claims,
        "boilerplate": [b for b in gold["boilerplate"] if b["source"] in present],
        "content_not_boilerplate": [c for c in gold["content_not_boilerplate"] if c["source"] in present],
    }


def _sentences_at(article: Article, quote: str) -> list[int]:
    """Indexes of the sentences holding each occurrence of ``quote``."""
    found = []
    # A quote copied with the space that starts its line locates the sentence after that space.
    lead = len(quote) - len(quote.lstrip())
    start = article.text.find(quote)
    while start >= 0:
        for sentence in article.sentences:
            if sentence.start <= start + lead < sentence.end:
                found.append(sentence.index)
                break
        start = article.text.find(quote, start + 1)
    if not found:
        raise ValueError(f"gold quote not found in {article.id}: {quote!r}")
    return found


def _first_copies(alignment: Alignment) -> dict[tuple[str, int], tuple[str, int]]:
    """Each sentence repeated word for word earlier in its article, mapped to its first copy.

    A page that prints its headline twice (a post title, then the headline) has two sentences
    no reader can tell apart: a pair with either copy is the same pair, for the gold and the
    aligner alike (the gold picks one copy, the aligner may pick the other).
    """
    first: dict[tuple[str, int], tuple[str, int]] = {}
    for article in alignment.articles:
        seen: dict[str, int] = {}
        for sentence in article.sentences:
            text = " ".join(sentence.text.split())
            index = seen.setdefault(text, sentence.index)
            if index != sentence.index:
                first[(article.id, sentence.index)] = (article.id, index)
    return first


def _pairs_of(alignment: Alignment, groups: list[list[tuple[str, int]]]) -> set[Pair]:
    """Every pair within each group, repeated sentences read as their first copy."""
    first = _first_copies(alignment)
    pairs: set[Pair] = set()
    for keys in groups:
        keys = [first.get(key, key) for key in keys]
        pairs.update(frozenset(pair) for pair in combinations(keys, 2) if pair[0] != pair[1])
    return pairs


def gold_pairs(alignment: Alignment, gold: dict[str, Any]) -> set[Pair]:
    """Every pair of sentences that the gold says share a claim (same-sentence pairs dropped)."""
    return _pairs_of(
        alignment,
        [
            [
                (m["source"], _sentences_at(alignment.article(m["source"]), m["quote"])[0])
                for m in claim["members"]
            ]
            for claim in gold["claims"]
        ],
    )


def predicted_pairs(alignment: Alignment) -> set[Pair]:
    """Every pair of sentences that share a claim group."""
    return _pairs_of(
        alignment, [[(m.source, m.sentence) for m in group.members] for group in alignment.groups]
    )


def baseline_pairs(alignment: Alignment, threshold: float = 60.0) -> set[Pair]:
    """The naive baseline: cross-source pairs of sentences with token_sort_ratio >= 60."""
    from rapidfuzz import fuzz, process, utils

    keyed = [(a.id, s.index, s.text) for a in alignment.articles for s in a.sentences]
    texts = [text for _, _, text in keyed]
    scores = process.cdist(texts, texts, scorer=fuzz.token_sort_ratio, processor=utils.default_process)
    linked = [
        [keyed[i][:2], keyed[j][:2]]
        for i, j in zip(*(scores >= threshold).nonzero(), strict=True)
        if i < j and keyed[i][0] != keyed[j][0]
    ]
    return _pairs_of(alignment, linked)


def _boilerplate(alignment: Alignment, gold: dict[str, Any]) -> tuple[int, int, int, int]:
    found = total = kept = content = 0
    for entry in gold["boilerplate"]:
        article = alignment.article(entry["source"])
        for index in _sentences_at(article, entry["quote"]):
            total += 1
            found += article.sentences[index].boilerplate
    for entry in gold["content_not_boilerplate"]:
        article = alignment.article(entry["source"])
        for index in _sentences_at(article, entry["quote"]):
            content += 1
            kept += not article.sentences[index].boilerplate
    return found, total, kept, content


def evaluate(alignment: Alignment, gold: dict[str, Any] | None = None) -> Quality:
    """Compare an alignment with gold labels (the seeds' by default)."""
    gold = gold or load_gold()
    expected, predicted = gold_pairs(alignment, gold), predicted_pairs(alignment)
    found, total, kept, content = _boilerplate(alignment, gold)
    return Quality(len(predicted & expected), len(predicted), len(expected), found, total, kept, content)


def evaluate_baseline(alignment: Alignment, gold: dict[str, Any]) -> Quality:
    """The naive baseline's pair figures on the same sentences and gold."""
    expected, predicted = gold_pairs(alignment, gold), baseline_pairs(alignment)
    return Quality(len(predicted & expected), len(predicted), len(expected))


def mistakes(alignment: Alignment, gold: dict[str, Any] | None = None) -> tuple[list[str], list[str]]:
    """Predicted pairs not in gold, and gold pairs not predicted, as sentence texts."""
    gold = gold or load_gold()
    expected, predicted = gold_pairs(alignment, gold), predicted_pairs(alignment)

    def text(pair: Pair) -> str:
        return "\n    ".join(
            f"{s}#{i}: {alignment.article(s).sentences[i].text[:110]!r}" for s, i in sorted(pair)
        )

    return [text(p) for p in predicted - expected], [text(p) for p in expected - predicted]
