"""Node-pair work done for many pairs at once in numpy, to the last bit as one pair at a time.

``BatchScorer.scores`` is ``PairScores._score`` for arrays of pairs. It keeps every float
operation of the scalar code in the same order, so the same numbers come out:

- a pair's shared weight adds the smaller bag's terms in that bag's own order (``np.bincount``
  adds its weights in input order, starting from 0.0, as the loop does);
- the rest (Dice, containment, ``combine``, ``node_place.adjusted``) is one IEEE operation after another,
  each correctly rounded in numpy as in Python.

Tests compare them with the scalar code on the seeds and on random bags.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.alignment.scoring import CHAR_FLOOR

if TYPE_CHECKING:
    from tui.alignment.sentence_graph import Node


def _ranges(starts: Any, counts: Any) -> Any:
    """The indices ``starts[i] .. starts[i] + counts[i]`` of every i, concatenated."""
    import numpy as np

    ends = np.cumsum(counts)
    total = int(ends[-1]) if len(ends) else 0
    return np.arange(total, dtype=np.int64) + np.repeat(starts - (ends - counts), counts)


class BatchScorer:
    """The nodes' weighted terms as flat arrays: each node's terms in its own order (``offsets``,
    ``terms``, ``weights``) and every (node, term) as one sorted key for look-ups."""

    def __init__(self, nodes: list[Node]) -> None:
        import numpy as np

        ids: dict[str, int] = {}
        counts = [len(node.weights) for node in nodes]
        self.terms = np.fromiter(
            (ids.setdefault(term, len(ids)) for node in nodes for term in node.weights),
            dtype=np.int64,
            count=sum(counts),
        )
        self.weights = np.fromiter(
            (w for node in nodes for w in node.weights.values()), dtype=np.float64, count=len(self.terms)
        )
        self.counts = np.array(counts, dtype=np.int64)
        self.offsets = np.concatenate(([0], np.cumsum(self.counts)))[:-1]
        self.term_count = max(len(ids), 1)
        owners = np.repeat(np.arange(len(nodes), dtype=np.int64), self.counts)
        keys = owners * self.term_count + self.terms
        order = np.argsort(keys, kind="stable")
        self.keys, self.key_weights = keys[order], self.weights[order]
        self.totals = np.array([node.total for node in nodes], dtype=np.float64)
        self.headline = np.array([node.terms.headline for node in nodes], dtype=bool)
        self.clause = np.array([node.clause for node in nodes], dtype=bool)
        self.lede = np.array([node.lede for node in nodes], dtype=bool)

    def shared(self, a: Any, b: Any) -> Any:
        """``scoring.overlap``'s shared weight of each pair (a[i], b[i]), summed as it sums it."""
        import numpy as np

        small = np.where(self.counts[a] <= self.counts[b], a, b)
        large = np.where(self.counts[a] <= self.counts[b], b, a)
        counts = self.counts[small]
        positions = _ranges(self.offsets[small], counts)
        pair = np.repeat(np.arange(len(a), dtype=np.int64), counts)
        wanted = large[pair] * self.term_count + self.terms[positions]
        found = np.minimum(np.searchsorted(self.keys, wanted), max(len(self.keys) - 1, 0))
        hit = self.keys[found] == wanted if len(self.keys) else np.zeros(len(wanted), dtype=bool)
        mine, other = self.weights[positions][hit], self.key_weights[found][hit]
        # ``weight if weight < other else other``, added pair by pair in the small bag's order.
        return np.bincount(pair[hit], weights=np.where(mine < other, mine, other), minlength=len(a))

    def scores(self, a: Any, b: Any, ratios: Any) -> list[complex]:
        """``PairScores._score(a[i], b[i], ratios[i])`` of every pair, as Python complex numbers."""
        import numpy as np

        ratios = np.asarray(ratios, dtype=np.float64)
        shared = self.shared(a, b)
        total_a, total_b = self.totals[a], self.totals[b]
        zero = (shared == 0.0) | (total_a == 0.0) | (total_b == 0.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            dice = np.where(zero, 0.0, 2.0 * shared / (total_a + total_b))
            contained = np.where(zero, 0.0, shared / np.minimum(total_a, total_b))
        score = np.maximum(100.0 * dice, np.where(ratios >= CHAR_FLOOR, ratios, 0.0))
        # node_place.adjusted, factor by factor in its order.
        from tui.alignment.node_place import (
            CLAUSE_FACTOR,
            HEADLINE_BODY_FACTOR,
            HEADLINE_FACTOR,
            LEDE_FACTOR,
        )

        both, either = self.headline[a] & self.headline[b], self.headline[a] | self.headline[b]
        score = np.where(both, score * HEADLINE_FACTOR, np.where(either, score * HEADLINE_BODY_FACTOR, score))
        score = np.where(self.clause[a] | self.clause[b], score * CLAUSE_FACTOR, score)
        score = np.where(self.lede[a] & self.lede[b], score * LEDE_FACTOR, score)
        result = np.empty(len(a), dtype=np.complex128)
        result.real = np.minimum(score, 100.0)
        result.imag = 100.0 * contained
        scored: list[complex] = result.tolist()
        return scored
