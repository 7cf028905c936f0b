"""The aligner's view of a corpus: one node per content sentence, and scores of node pairs.

``build_nodes`` turns articles into nodes (normalised text, weighted terms, headline and lede
flags); ``PairScores`` keeps the match score and containment of every pair scored, in rapidfuzz
batches for candidates and one at a time for group checks. See ``tui.alignment.scoring`` for the
score itself.
"""

from __future__ import annotations

import re
from array import array
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
HEADLINE_BODY_FACTOR = 0.5
CLAUSE_FACTOR = 0.5

_scorer: Any = None  # rapidfuzz's token_sort_ratio, bound on first use


@dataclass(slots=True)
class Node:
    """One content sentence, or one clause of a long one, as the aligner sees it: its terms,
    weights and place."""

    member: Member
    key: tuple[str, int, int]  # (source, sentence, clause): 0 for the whole sentence
    norm: str
    terms: Terms  # once weighed (``build_nodes``), only its ``headline`` flag: ``weights`` hold the rest
    weights: dict[str, float] = field(default_factory=dict)
    total: float = 0.0  # the sum of ``weights``
    lede: bool = False  # among its article's first LEDE_SENTENCES content sentences
    clause: bool = False  # one clause of a longer sentence, not the sentence itself
    split: bool = False  # a sentence whose clauses are nodes too: it may carry two claims


_SLICE = 65_536  # sorted links turned back into Python ints at a time
BATCH_SLICE = 50_000  # candidate pairs scored per rapidfuzz call (each is scored on its own)
# Weak pairs scored one at a time that are kept for a second look (see ``PairScores``).
WEAK_CACHE = 1 << 17


class PairScores:
    """Match scores of node pairs, computed once each (batch for candidates, lazily for checks).

    Millions of pairs at 1,000 articles: each is kept as one int key (``a * len(nodes) + b``, a < b)
    and one complex number (score + containment * 1j, both exact floats), 100 bytes a pair
    instead of 250 with a tuple key and a tuple of floats.

    ``forget_below=(score, containment)``: a pair scored one at a time below both is not listed
    by ``known`` (the aligner reads only links at or above them) and is kept only in a bounded
    cache of ``WEAK_CACHE`` pairs, scored again if asked after that fills. Such pairs are most of
    those group checks score (1,000 articles: about 100 MB).
    """

    def __init__(self, nodes: list[Node], *, forget_below: tuple[float, float] | None = None) -> None:
        self.nodes = nodes
        self._size = max(len(nodes), 1)
        self._known: dict[int, complex] = {}
        self._weak: dict[int, complex] = {}
        self._numbers = list(range(len(nodes)))
        self._floor, self._containment = forget_below or (-1.0, -1.0)

    def add_batch(self, pairs: list[tuple[int, int]]) -> None:
        # In slices: the texts and ratios of 600,000 candidate pairs at once were 60 MB more peak.
        for start in range(0, len(pairs), BATCH_SLICE):
            todo = [
                (a, b) for a, b in pairs[start : start + BATCH_SLICE] if a * self._size + b not in self._known
            ]
            ratios = char_ratios([self.nodes[a].norm for a, _ in todo], [self.nodes[b].norm for _, b in todo])
            for (a, b), ratio in zip(todo, ratios, strict=True):
                self._known[a * self._size + b] = self._score(a, b, ratio)

    def _score(self, a: int, b: int, ratio: float) -> complex:
        left, right = self.nodes[a], self.nodes[b]
        dice, contained = overlap(left.weights, right.weights, left.total, right.total)
        return complex(self._headline_adjusted(a, b, combine(dice, ratio)), 100.0 * contained)

    def _headline_adjusted(self, a: int, b: int, score: float) -> float:
        left, right = self.nodes[a], self.nodes[b]
        # Two headlines say the same thing in very few words: their overlap is worth more. A
        # headline restates its own lede, so beside another outlet's body sentence it is the
        # weaker match of the two (dev set 0.595 -> 0.607 F1, no event lower by more than 0.003).
        if left.terms.headline and right.terms.headline:
            score *= HEADLINE_FACTOR
        elif left.terms.headline or right.terms.headline:
            score *= HEADLINE_BODY_FACTOR
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
        key = a * self._size + b
        found = self._known.get(key)
        if found is None:
            found = self._weak.get(key)
        if found is None:
            # One pair at a time (group checks): a direct call costs less than a batch of one.
            found = self._score(a, b, token_sort_ratio(self.nodes[a].norm, self.nodes[b].norm))
            if found.real >= self._floor or found.imag >= self._containment:
                self._known[key] = found
            else:
                if len(self._weak) >= WEAK_CACHE:
                    self._weak.clear()
                self._weak[key] = found
        return found.real, found.imag

    def strongest_first(self, floor: float) -> Iterator[tuple[int, int]]:
        """The pairs scored so far at or above ``floor`` as (a, b), a < b: the strongest first,
        ties by node number (so by key, see ``build_nodes``).

        Sorted as two arrays, not a list of (score, a, b) tuples: 1,000 copied articles have a
        million such links, 100 MB as tuples at the aligner's peak, 16 MB as arrays.
        """
        import numpy as np

        keys, scores = array("q"), array("d")
        for key, found in self._known.items():
            if found.real >= floor:
                keys.append(key)
                scores.append(found.real)
        key_array = np.frombuffer(keys, dtype=np.int64) if keys else np.zeros(0, dtype=np.int64)
        score_array = np.frombuffer(scores, dtype=np.float64) if scores else np.zeros(0)
        # key = a * size + b with b < size: ordering keys orders (a, b). lexsort's last key is the first.
        order = np.lexsort((key_array, -score_array))
        size, numbers = self._size, self._numbers
        for start in range(0, len(order), _SLICE):
            for key in key_array[order[start : start + _SLICE]].tolist():
                a, b = divmod(key, size)
                yield numbers[a], numbers[b]

    def known(self) -> Iterator[tuple[int, int, float, float]]:
        """Every scored pair as (a, b, score, containment), a < b, in the order scored (but
        for the weak ones ``forget_below`` leaves out).

        Each node number is one shared int object: a caller that keeps millions of them (a
        neighbour list per node) holds 8-byte references, not a 28-byte int each.
        """
        size, numbers = self._size, self._numbers
        for key, found in self._known.items():
            a, b = divmod(key, size)
            yield numbers[a], numbers[b], found.real, found.imag


CROSSHEAD_TERMS = 3  # a line that ends no sentence with fewer content terms is a crosshead or tag
_ENDS_RE = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


def build_nodes(articles: list[Article], clauses: bool = True) -> list[Node]:
    """One node per content sentence, followed by one per clause of a sentence that has several
    (``tui.alignment.clauses``); in canonical order (source id, sentence, clause), so node numbers
    follow keys (the aligner sorts by number for the keys' order)."""
    # A sentence two other sources carry with the same terms (wire copy, words reordered) pairs
    # whole, and its clauses would only pair with the copies' clauses again: 200 generated
    # articles 15,990 -> 9,120 nodes, Aligner.run 8.1 -> 5.0 s CPU, dev set and seeds unchanged
    # (with one other source instead of two, dev-set F1 fell 0.005).
    carried: dict[frozenset[str], set[str]] = defaultdict(set)
    # Each sentence's terms once: the cache of ``sentence_terms`` is smaller than a big corpus.
    boosts: dict[tuple[str, int], dict[str, float]] = {}
    for article in articles:
        for sentence in article.content():
            found = boosts[article.id, sentence.index] = sentence_terms(sentence.text).boosts
            carried[frozenset(found)].add(article.id)
    nodes: list[Node] = []
    for article in sorted(articles, key=lambda a: a.id):
        for rank, sentence in enumerate(article.content()):
            headline = article.title is not None and sentence.text.strip() == article.title
            member, lede = Member(article.id, sentence.index), rank < LEDE_SENTENCES
            found = boosts[article.id, sentence.index]
            if not headline and len(found) < CROSSHEAD_TERMS and not _ENDS_RE.search(sentence.text):
                # A crosshead or a tag ("Blood diamonds", "WAR CRIMES") names a topic, not a claim:
                # its two words would pair it with any sentence about that topic, so it is a
                # claim of its own (dev set 0.576 -> 0.579 F1: taylor 0.421 -> 0.441, others level).
                found = {}
            terms = Terms(found, headline)
            nodes.append(
                Node(member, (article.id, sentence.index, 0), normalise(sentence.text), terms, lede=lede)
            )
            if not clauses or headline or len(carried[frozenset(terms.boosts)]) > 2:
                continue
            clauses_of = clause_terms(sentence.text)
            nodes[-1].split = bool(clauses_of)
            for part, (start, end, clause) in enumerate(clauses_of, start=1):
                key = (article.id, sentence.index, part)
                nodes.append(
                    Node(member, key, normalise(sentence.text[start:end]), clause, lede=lede, clause=True)
                )
    # Corpus rarity counts sentences, not clauses: a clause repeats its sentence's words.
    weights = Weights([node.terms for node in nodes if not node.clause])
    for node in nodes:
        node.weights = weights.weigh(node.terms)
        node.total = sum(node.weights.values())
        # The term boosts are not read again: at 1,000 articles they are 30 MB kept for nothing.
        node.terms = _WEIGHED[node.terms.headline]
    return nodes


_WEIGHED = (Terms({}), Terms({}, headline=True))  # a weighed node's terms: its headline flag


def token_sort_ratio(left: str, right: str) -> float:
    # Bound once: an import statement per pair cost 0.7 s of import machinery per 800k pairs.
    global _scorer
    if _scorer is None:
        from rapidfuzz import fuzz

        _scorer = fuzz.token_sort_ratio
    # Below CHAR_FLOOR the ratio counts as 0 anyway (``combine``): the cutoff lets rapidfuzz stop early.
    return float(_scorer(left, right, score_cutoff=CHAR_FLOOR))
