"""The aligner's view of a corpus: one node per content sentence, and scores of node pairs.

``build_nodes`` turns articles into nodes (normalised text, weighted terms, headline and lede
flags); ``PairScores`` keeps the match score and containment of every pair scored, in rapidfuzz
batches for candidates and one at a time for group checks. See ``tui.alignment.scoring`` for the
score itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from tui.alignment.model import Member
from tui.alignment.scoring import (
    CHAR_FLOOR,
    Terms,
    Weights,
    char_ratios,
    clause_terms,
    combine,
    overlap,
    sentence_terms,
)
from tui.corpus.model import Article
from tui.corpus.text import normalise

# Measured on the dev set (bench_quality.py): the two together 0.521 -> 0.539 F1 (ledes x1.1 over
# the first 3 sentences about +0.012, headlines x2 instead of x1.25 the rest); the seeds unchanged.
LEDE_SENTENCES = 3
LEDE_FACTOR = 1.1
HEADLINE_FACTOR = 2.0
CLAUSE_FACTOR = 0.5

_scorer: Any = None  # rapidfuzz's token_sort_ratio, bound on first use


@dataclass(slots=True)
class Node:
    """One content sentence as the aligner sees it: its terms, weights and place."""

    member: Member
    key: tuple[str, int, int]  # (source, sentence, clause): 0 for the whole sentence
    norm: str
    terms: Terms
    weights: dict[str, float] = field(default_factory=dict)
    total: float = 0.0  # the sum of ``weights``
    lede: bool = False  # among its article's first LEDE_SENTENCES content sentences

    clause: bool = False  # one clause of a longer sentence, not the sentence itself


class PairScores:
    """Match scores of node pairs, computed once each (batch for candidates, lazily for checks).

    Millions of pairs at 1,000 articles: each is kept as one int key (``a * len(nodes) + b``, a < b)
    and one complex number (score + containment * 1j, both exact floats), 100 bytes a pair
    instead of 250 with a tuple key and a tuple of floats.
    """

    def __init__(self, nodes: list[Node]) -> None:
        self.nodes = nodes
        self._size = max(len(nodes), 1)
        self._known: dict[int, complex] = {}

    def add_batch(self, pairs: list[tuple[int, int]]) -> None:
        pairs = [(a, b) for a, b in pairs if a * self._size + b not in self._known]
        ratios = char_ratios([self.nodes[a].norm for a, _ in pairs], [self.nodes[b].norm for _, b in pairs])
        for (a, b), ratio in zip(pairs, ratios, strict=True):
            self._store(a, b, ratio)

    def _store(self, a: int, b: int, ratio: float) -> None:
        left, right = self.nodes[a], self.nodes[b]
        dice, contained = overlap(left.weights, right.weights, left.total, right.total)
        self._known[a * self._size + b] = complex(
            self._headline_adjusted(a, b, combine(dice, ratio)), 100.0 * contained
        )

    def _headline_adjusted(self, a: int, b: int, score: float) -> float:
        left, right = self.nodes[a], self.nodes[b]
        # Two headlines say the same thing in very few words: their overlap is worth more.
        if left.terms.headline and right.terms.headline:
            score *= HEADLINE_FACTOR
        # A clause is a few words: the same share of shared words is weaker evidence than in a
        # whole sentence (measured on the dev set: factors 0.4-0.6 best, 1.0 lost 0.03 F1).
        if left.clause or right.clause:
            score *= CLAUSE_FACTOR
        # News puts the main facts first (the inverted pyramid): two ledes tend to make one claim.
        if left.lede and right.lede:
            score *= LEDE_FACTOR
        return min(100.0, score)

    def get(self, a: int, b: int) -> tuple[float, float]:
        """(match score, containment) of nodes ``a`` and ``b``."""
        if a > b:
            a, b = b, a
        found = self._known.get(a * self._size + b)
        if found is None:
            # One pair at a time (group checks): a direct call costs less than a batch of one.
            self._store(a, b, token_sort_ratio(self.nodes[a].norm, self.nodes[b].norm))
            found = self._known[a * self._size + b]
        return found.real, found.imag

    def known(self) -> Iterator[tuple[int, int, float, float]]:
        """Every scored pair as (a, b, score, containment), a < b, in the order scored."""
        size = self._size
        for key, found in self._known.items():
            a, b = divmod(key, size)
            yield a, b, found.real, found.imag


def build_nodes(articles: list[Article], clauses: bool = True) -> list[Node]:
    """One node per content sentence, followed by one per clause of a sentence that has several
    (``tui.alignment.clauses``); in canonical order (source id, sentence, clause)."""
    # A sentence two other sources carry with the same terms (wire copy, words reordered) pairs
    # whole, and its clauses would only pair with the copies' clauses again: 200 generated
    # articles 15,990 -> 9,120 nodes, Aligner.run 8.1 -> 5.0 s CPU, dev set and seeds unchanged
    # (with one other source instead of two, dev-set F1 fell 0.005).
    carried: dict[frozenset[str], set[str]] = defaultdict(set)
    for article in articles:
        for sentence in article.content():
            carried[frozenset(sentence_terms(sentence.text).boosts)].add(article.id)
    nodes: list[Node] = []
    for article in sorted(articles, key=lambda a: a.id):
        for rank, sentence in enumerate(article.content()):
            headline = article.title is not None and sentence.text.strip() == article.title
            member, lede = Member(article.id, sentence.index), rank < LEDE_SENTENCES
            terms = sentence_terms(sentence.text, headline)
            nodes.append(
                Node(member, (article.id, sentence.index, 0), normalise(sentence.text), terms, lede=lede)
            )
            if not clauses or headline or len(carried[frozenset(terms.boosts)]) > 2:
                continue
            for part, (start, end, clause) in enumerate(clause_terms(sentence.text), start=1):
                key = (article.id, sentence.index, part)
                nodes.append(
                    Node(member, key, normalise(sentence.text[start:end]), clause, lede=lede, clause=True)
                )
    # Corpus rarity counts sentences, not clauses: a clause repeats its sentence's words.
    weights = Weights([node.terms for node in nodes if not node.clause])
    for node in nodes:
        node.weights = weights.weigh(node.terms)
        node.total = sum(node.weights.values())
    return nodes


def token_sort_ratio(left: str, right: str) -> float:
    # Bound once: an import statement per pair cost 0.7 s of import machinery per 800k pairs.
    global _scorer
    if _scorer is None:
        from rapidfuzz import fuzz

        _scorer = fuzz.token_sort_ratio
    # Below CHAR_FLOOR the ratio counts as 0 anyway (``combine``): the cutoff lets rapidfuzz stop early.
    return float(_scorer(left, right, score_cutoff=CHAR_FLOOR))
