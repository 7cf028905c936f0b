"""The aligner's view of a corpus: one node per content sentence, and scores of node pairs.

``build_nodes`` turns articles into nodes (normalised text, weighted terms, headline and lede
flags); ``PairScores`` keeps the match score and containment of every pair scored, in rapidfuzz
batches for candidates and one at a time for group checks. See ``tui.alignment.scoring`` for the
score itself.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from tui.alignment.batch_scores import BatchScorer
from tui.alignment.model import Member
from tui.alignment.node_features import clause_features, feature_pool, mapped, sentence_features, shared
from tui.alignment.node_place import LEDE_MIN_TERMS, LEDE_SENTENCES, adjusted
from tui.alignment.scoring import (
    CHAR_FLOOR,
    Terms,
    Weights,
    sentence_terms,
    sorted_ratios,
    sorted_words,
)
from tui.corpus.model import Article, Sentence
from tui.corpus.text import clear_caches, ends_sentence

_scorer: Any = None  # rapidfuzz's ratio, bound on first use


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
    lede: bool = False  # its headline, or among its first LEDE_SENTENCES sentences of prose
    clause: bool = False  # one clause of a longer sentence, not the sentence itself
    split: bool = False  # a sentence whose clauses are nodes too: it may carry two claims


_SLICE = 65_536  # sorted links turned back into Python ints at a time
BATCH_SLICE = 50_000  # candidate pairs scored per rapidfuzz call (each is scored on its own)
SCORE_SLICE = 4_096  # candidate pairs whose terms numpy compares at once (see ``_batch_scores``)
# Weak pairs scored one at a time that are kept for a second look (see ``PairScores``).
WEAK_CACHE = 1 << 17
SHARDS = 16  # dicts the scored pairs are kept in (see ``PairScores``)
_SHARD_MASK = SHARDS - 1


class PairScores:
    """Match scores of node pairs, computed once each (batch for candidates, lazily for checks).

    Millions of pairs at 1,000 articles: each is kept as one int key (``a * len(nodes) + b``, a < b)
    and one complex number (score + containment * 1j, both exact floats), 100 bytes a pair
    instead of 250 with a tuple key and a tuple of floats. They are kept in ``SHARDS`` dicts by
    key, not one: a dict that outgrows its table copies it into one twice the size, and with a
    single dict of 1.4 million pairs (1,000 copied articles) that copy was an 80 MB spike on the
    process's peak memory; a shard's is a sixteenth of it.

    ``forget_below=(score, containment)``: a pair scored one at a time below both is not listed
    by ``known`` (the aligner reads only links at or above them) and is kept only in a bounded
    cache of ``WEAK_CACHE`` pairs, scored again if asked after that fills. Such pairs are most of
    those group checks score (1,000 articles: about 100 MB).
    """

    def __init__(self, nodes: list[Node], *, forget_below: tuple[float, float] | None = None) -> None:
        self.nodes = nodes
        self._size = max(len(nodes), 1)
        self._shards: list[dict[int, complex]] = [{} for _ in range(SHARDS)]
        self._weak: dict[int, complex] = {}
        self._numbers = list(range(len(nodes)))
        # Each node's words sorted once, for the token-sort ratios of all its pairs.
        self._sorted = [sorted_words(node.norm) for node in nodes]
        # Headlines, clauses and ledes: their pairs' scores are ``adjusted``.
        self._marked = [node.terms.headline or node.clause or node.lede for node in nodes]
        self._floor, self._containment = forget_below or (-1.0, -1.0)
        self._batch: BatchScorer | None = None

    def _batch_scores(self, a: list[int], b: list[int], ratios: Any) -> list[complex]:
        """``_score`` of the pairs (a[i], b[i]), in one numpy batch (``batch_scores``)."""
        import numpy as np

        if self._batch is None:
            self._batch = BatchScorer(self.nodes)
        firsts, seconds = np.array(a, dtype=np.int64), np.array(b, dtype=np.int64)
        ratio_array = np.asarray(ratios, dtype=np.float64)
        # A few thousand pairs at a time: each expands to one entry per term of its smaller bag,
        # in several arrays (50,000 pairs at once were 45 MB more peak at 200 articles).
        found: list[complex] = []
        for start in range(0, len(a), SCORE_SLICE):
            part = slice(start, start + SCORE_SLICE)
            found += self._batch.scores(firsts[part], seconds[part], ratio_array[part])
        return found

    def add_batch(self, pairs: list[tuple[int, int]]) -> None:
        # In slices: the texts and ratios of 600,000 candidate pairs at once were 60 MB more peak.
        shards, size = self._shards, self._size
        for start in range(0, len(pairs), BATCH_SLICE):
            todo = [
                (a, b)
                for a, b in pairs[start : start + BATCH_SLICE]
                if a * size + b not in shards[(a * size + b) & _SHARD_MASK]
            ]
            if not todo:
                continue
            ratios = sorted_ratios([self._sorted[a] for a, _ in todo], [self._sorted[b] for _, b in todo])
            firsts, seconds = [a for a, _ in todo], [b for _, b in todo]
            for a, b, found in zip(firsts, seconds, self._batch_scores(firsts, seconds, ratios), strict=True):
                key = a * size + b
                shards[key & _SHARD_MASK][key] = found
        # The term arrays (1,000 copied articles: about 25 MB) are not needed past the batch.
        self._batch = None

    def _score(self, a: int, b: int, ratio: float) -> complex:
        """``complex(adjusted(combine(dice, ratio)), 100 * containment)`` of nodes ``a`` and ``b``
        (see ``scoring.overlap`` and ``scoring.combine``, and ``adjusted`` below).

        Millions of pairs at 1,000 articles: the three steps are written out here in one
        function, with the same float operations in the same order (so the same results to the
        last bit; a test compares them), at half the cost of the calls.
        """
        left, right = self.nodes[a], self.nodes[b]
        a_weights, b_weights = left.weights, right.weights
        # scoring.overlap, with each bag's total weight known.
        small, large = (a_weights, b_weights) if len(a_weights) <= len(b_weights) else (b_weights, a_weights)
        find = large.get
        shared = 0.0
        for term, weight in small.items():
            other = find(term)
            if other is not None:
                shared += weight if weight < other else other
        total_a, total_b = left.total, right.total
        if not shared or not total_a or not total_b:
            dice = contained = 0.0
        else:
            dice = 2.0 * shared / (total_a + total_b)
            contained = shared / min(total_a, total_b)
        # scoring.combine
        score = max(100.0 * dice, ratio if ratio >= CHAR_FLOOR else 0.0)
        if self._marked[a] or self._marked[b]:
            score = adjusted(left, right, score)
        return complex(min(100.0, score), 100.0 * contained)

    def get(self, a: int, b: int) -> tuple[float, float]:
        """(match score, containment) of nodes ``a`` and ``b``."""
        if a > b:
            a, b = b, a
        key = a * self._size + b
        shard = self._shards[key & _SHARD_MASK]
        found = shard.get(key)
        if found is None:
            found = self._weak.get(key)
        if found is None:
            # One pair at a time (group checks): a direct call costs less than a batch of one.
            found = self._score(a, b, sorted_ratio(self._sorted[a], self._sorted[b]))
            if found.real >= self._floor or found.imag >= self._containment:
                shard[key] = found
            else:
                if len(self._weak) >= WEAK_CACHE:
                    self._weak.clear()
                self._weak[key] = found
        return found.real, found.imag

    def reals(self, n: int, others: list[int]) -> list[float]:
        """``[get(n, m)[0] for m in others]`` in one call (group checks ask for millions): the same
        pairs scored and kept, in the same order, without a call and a tuple per pair."""
        size, shards, weak, words = self._size, self._shards, self._weak, self._sorted
        found_scores = []
        for m in others:
            a, b = (n, m) if n < m else (m, n)
            key = a * size + b
            shard = shards[key & _SHARD_MASK]
            found = shard.get(key)
            if found is None:
                found = weak.get(key)
                if found is None:
                    found = self._score(a, b, sorted_ratio(words[a], words[b]))
                    if found.real >= self._floor or found.imag >= self._containment:
                        shard[key] = found
                    else:
                        if len(weak) >= WEAK_CACHE:
                            weak.clear()
                        weak[key] = found
            found_scores.append(found.real)
        return found_scores

    def strongest_first(self, floor: float) -> Iterator[tuple[int, int]]:
        """The pairs scored so far at or above ``floor`` as (a, b), a < b: the strongest first,
        ties by node number (so by key, see ``build_nodes``).

        Sorted as two arrays, not a list of (score, a, b) tuples: 1,000 copied articles have a
        million such links, 100 MB as tuples at the aligner's peak, 16 MB as arrays.
        """
        import numpy as np

        keys, scores = array("q"), array("d")
        for key, found in self._items():
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

    def _items(self) -> Iterator[tuple[int, complex]]:
        for shard in self._shards:
            yield from shard.items()

    def known_at(
        self, *, score: float = -1.0, contained: float = -1.0
    ) -> Iterator[tuple[int, int, float, float]]:
        """The pairs of ``known`` with a score at or above ``score`` and a containment at or above
        ``contained``, in the same order: picked in numpy, so the pairs below them (most of a
        million at 1,000 articles) are never made into Python objects."""
        import numpy as np

        size, numbers = self._size, self._numbers
        for shard in self._shards:
            if not shard:
                continue
            keys = np.fromiter(shard.keys(), dtype=np.int64, count=len(shard))
            found = np.fromiter(shard.values(), dtype=np.complex128, count=len(shard))
            kept = (found.real >= score) & (found.imag >= contained)
            for key, value in zip(keys[kept].tolist(), found[kept].tolist(), strict=True):
                a, b = divmod(key, size)
                yield numbers[a], numbers[b], value.real, value.imag

    def contained_at(self, floor: float) -> tuple[Any, Any, Any]:
        """The pairs of ``known`` with a containment at or above ``floor``, as three numpy arrays
        (a, b, containment), a < b, in the same order: picked in numpy, so the pairs below it (most
        of a million at 1,000 articles) are never made into Python objects."""
        import numpy as np

        parts = list(self.contained_by_shard(floor))
        if not parts:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, np.zeros(0)
        firsts, seconds, contained = zip(*parts, strict=True)
        return np.concatenate(firsts), np.concatenate(seconds), np.concatenate(contained)

    def contained_by_shard(self, floor: float) -> Iterator[tuple[Any, Any, Any]]:
        """``contained_at``'s arrays one shard at a time, for a caller that reduces each (a
        million pairs at 1,000 articles: the concatenated arrays were the aligner's peak memory)."""
        import numpy as np

        for shard in self._shards:
            if shard:
                keys = np.fromiter(shard.keys(), dtype=np.int64, count=len(shard))
                found = np.fromiter(shard.values(), dtype=np.complex128, count=len(shard))
                kept = found.imag >= floor
                first, second = np.divmod(keys[kept], self._size)
                yield first, second, found.imag[kept]

    def known(self) -> Iterator[tuple[int, int, float, float]]:
        """Every scored pair as (a, b, score, containment), a < b, but for the weak ones
        ``forget_below`` leaves out; in no order to rely on (shard by shard, each in the order
        scored).

        Each node number is one shared int object: a caller that keeps millions of them (a
        neighbour list per node) holds 8-byte references, not a 28-byte int each.
        """
        size, numbers = self._size, self._numbers
        for key, found in self._items():
            a, b = divmod(key, size)
            yield numbers[a], numbers[b], found.real, found.imag


CROSSHEAD_TERMS = 3  # a line that ends no sentence with fewer content terms is a crosshead or tag


def _topic_line(text: str, boosts: dict[str, float]) -> bool:
    """A line that ends no sentence, is not a bulleted fact ("• Driver detained") and has no
    figure: a crosshead or tag."""
    stripped = text.strip()
    if ends_sentence(stripped) or stripped[:1] in "•·*-–—":
        return False
    return not any(term[:1] == "#" for term in boosts)


def build_nodes(articles: list[Article], clauses: bool = True) -> list[Node]:
    """One node per content sentence, followed by one per clause of a sentence that has several
    (``tui.alignment.clauses``); in canonical order (source id, sentence, clause), so node numbers
    follow keys (the aligner sorts by number for the keys' order)."""
    content = [(article, sentence) for article in articles for sentence in article.content()]
    pool = feature_pool(len(content))
    try:
        return _built_nodes(articles, content, clauses, pool)
    finally:
        if pool is not None:
            pool.shutdown()


def _built_nodes(
    articles: list[Article],
    content: list[tuple[Article, Sentence]],
    clauses: bool,
    pool: ProcessPoolExecutor | None,
) -> list[Node]:
    # A sentence two other sources carry with the same terms (wire copy, words reordered) pairs
    # whole, and its clauses would only pair with the copies' clauses again: 200 generated
    # articles 15,990 -> 9,120 nodes, Aligner.run 8.1 -> 5.0 s CPU, dev set and seeds unchanged
    # (with one other source instead of two, dev-set F1 fell 0.005).
    carried: dict[frozenset[str], set[str]] = defaultdict(set)
    # Each sentence's terms and normal form once: the caches are smaller than a big corpus.
    features: dict[tuple[str, int], tuple[dict[str, float], str]] = {}
    found = mapped(pool, sentence_features, [sentence.text for _, sentence in content])
    terms: dict[str, str] = {}  # one string object per term (see ``node_features.shared``)
    if pool is not None:
        found = [(shared(boosts, terms), norm) for boosts, norm in found]
    for (article, sentence), (boosts, norm) in zip(content, found, strict=True):
        features[article.id, sentence.index] = (boosts, norm)
        carried[frozenset(boosts)].add(article.id)
    ordered: list[tuple[Article, bool, Sentence, bool, dict[str, float]]] = []
    for article in sorted(articles, key=lambda a: a.id):
        rank = 0  # among the article's sentences of prose: its ledes are its first ones
        for sentence in article.content():
            headline = article.title is not None and sentence.text.strip() == article.title
            boosts = features[article.id, sentence.index][0]
            if not headline and len(boosts) < CROSSHEAD_TERMS and _topic_line(sentence.text, boosts):
                # A crosshead or a tag ("Blood diamonds", "WAR CRIMES") names a topic, not a claim:
                # its two words would pair it with any sentence about that topic, so it is a
                # claim of its own (dev set 0.576 -> 0.579 F1: taylor 0.421 -> 0.441, others level).
                boosts = {}
            prose = ends_sentence(sentence.text.strip()) and len(boosts) >= LEDE_MIN_TERMS
            lede = (prose or headline) and rank < LEDE_SENTENCES
            ordered.append((article, lede, sentence, headline, boosts))
            rank += prose
    # The sentences split into clauses: not headlines, nor sentences two other sources carry.
    splitting = [
        sentence
        for _, _, sentence, headline, boosts in ordered
        if clauses and not headline and len(carried[frozenset(boosts)]) <= 2
    ]
    clauses_found = mapped(pool, clause_features, [sentence.text for sentence in splitting])
    if pool is not None:
        clauses_found = [
            [
                (start, end, Terms(shared(clause.boosts, terms), clause.headline), norm)
                for start, end, clause, norm in parts
            ]
            for parts in clauses_found
        ]
    clauses_of = {id(sentence): parts for sentence, parts in zip(splitting, clauses_found, strict=True)}
    nodes: list[Node] = []
    for article, lede, sentence, headline, boosts in ordered:
        member = Member(article.id, sentence.index)
        norm = features[article.id, sentence.index][1]
        nodes.append(Node(member, (article.id, sentence.index, 0), norm, Terms(boosts, headline), lede=lede))
        parts = clauses_of.get(id(sentence))
        if parts is None:
            continue
        nodes[-1].split = bool(parts)
        for part, (_start, _end, clause, clause_norm) in enumerate(parts, start=1):
            key = (article.id, sentence.index, part)
            nodes.append(Node(member, key, clause_norm, clause, lede=lede, clause=True))
    # Corpus rarity counts sentences, not clauses: a clause repeats its sentence's words.
    weights = Weights([node.terms for node in nodes if not node.clause])
    # A corpus has a few thousand distinct weights over millions of (node, term) entries: one
    # float object each (1,000 copied articles: 790,000 floats, 19 MB, down to 1,300). Weights
    # are positive, so equal floats are the same number.
    distinct: dict[float, float] = {}
    for node in nodes:
        node.weights = {term: distinct.setdefault(w, w) for term, w in weights.weigh(node.terms).items()}
        node.total = sum(node.weights.values())
        # The term boosts are not read again: at 1,000 articles they are 30 MB kept for nothing.
        node.terms = _WEIGHED[node.terms.headline]
    # The caches hold the last few thousand sentences' tokens and terms, which grouping does not
    # read: 1,000 articles' aligner peak was 40 MB higher with them (the pairs compared for the
    # JSON fill them again in their own order).
    clear_caches()
    sentence_terms.cache_clear()
    return nodes


_WEIGHED = (Terms({}), Terms({}, headline=True))  # a weighed node's terms: its headline flag


def sorted_ratio(left: str, right: str) -> float:
    """The token-sort ratio of two nodes' ``sorted_words`` (0 below CHAR_FLOOR)."""
    # Bound once: an import statement per pair cost 0.7 s of import machinery per 800k pairs.
    global _scorer
    if _scorer is None:
        from rapidfuzz import fuzz

        _scorer = fuzz.ratio
    # Below CHAR_FLOOR the ratio counts as 0 anyway (``combine``): the cutoff lets rapidfuzz stop early.
    return float(_scorer(left, right, score_cutoff=CHAR_FLOOR))
