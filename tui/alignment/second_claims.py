"""Step 4 of the aligner (see ``aligner``): further groups for sentences that carry a second claim.

A sentence joins a second group when most of that group's members are contained in it
(``Thresholds.containment``) on words other than the ones it shares with its own group.

Where the time went (200 copied articles: 0.8 s, 1,000 half-unique: 2.5 s): every pair contained
at the threshold was a Python tuple looked at one by one, though most join two members of one
group (216,000 pairs at 200 copied articles, 244,000 looks ending at "same group"). The pairs are
now picked in numpy: the same groups, for less work. (Every offered group is still scored against
the sentence before its words are checked, though the words turn down 98 % of them: the pairs
scored are kept, and ``claim_cores`` reads them.)
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from tui.alignment.node_groups import sample, shared_terms, weight

if TYPE_CHECKING:
    from tui.alignment.sentence_graph import Node, PairScores

# A lede can carry four or five claims (toll, injured, place, cause, time); the dev set gold has
# ledes in up to five. Measured (bench_quality.py): 2 -> 0.564 F1, 3 -> 0.567, 4 or more -> 0.570.
MAX_EXTRA_CLAIMS = 4  # further groups one sentence may join


def offers(
    nodes: list[Node], scores: PairScores, clusters: list[list[int]], containment: float
) -> dict[int, list[int]]:
    """The groups (cluster positions) each sentence is offered: those of two or more nodes, not
    its own, holding a whole sentence (not a clause) it contains at ``containment`` or better; the
    best contained first, ties by position."""
    import numpy as np

    size = max(len(nodes), 1)
    cluster_of = np.zeros(size, dtype=np.int64)
    for position, group in enumerate(clusters):
        cluster_of[group] = position
    large = np.array([len(group) >= 2 for group in clusters] or [False], dtype=bool)
    clause = np.array([node.clause for node in nodes] or [False], dtype=bool)
    a, b, contained = scores.contained_at(containment)
    # Clauses have joined the other claims their sentence carries already.
    whole = ~(clause[a] | clause[b])
    a, b, contained = a[whole], b[whole], contained[whole]
    inner, outer = np.concatenate((a, b)), np.concatenate((b, a))
    contained = np.concatenate((contained, contained))
    target = cluster_of[inner]
    offered = (target != cluster_of[outer]) & large[target]
    outer, target, contained = outer[offered], target[offered], contained[offered]
    # Each (sentence, group) once, at its best containment; then each sentence's groups ranked.
    order = np.lexsort((-contained, target, outer))
    outer, target, contained = outer[order], target[order], contained[order]
    first = np.ones(len(outer), dtype=bool)
    first[1:] = (outer[1:] != outer[:-1]) | (target[1:] != target[:-1])
    outer, target, contained = outer[first], target[first], contained[first]
    order = np.lexsort((target, -contained, outer))
    found: dict[int, list[int]] = defaultdict(list)
    for sentence, group in zip(outer[order].tolist(), target[order].tolist(), strict=True):
        found[sentence].append(group)
    return found


def second_claims(
    nodes: list[Node], scores: PairScores, clusters: list[list[int]], containment: float
) -> dict[int, list[int]]:
    """Further groups (cluster positions) for sentences that carry a second claim."""
    cluster_of = {n: position for position, group in enumerate(clusters) for n in group}
    offered = offers(nodes, scores, clusters, containment)
    extra: dict[int, list[int]] = defaultdict(list)
    joined: dict[int, set[str]] = defaultdict(set)  # sources already added to each group
    group_sources = [{nodes[n].member.source for n in group} for group in clusters]
    for outer in sorted(offered, key=lambda n: nodes[n].key):
        own = clusters[cluster_of[outer]]
        own_terms: set[str] | None = None
        source = nodes[outer].member.source
        for target in offered[outer]:
            if len(extra[outer]) >= MAX_EXTRA_CLAIMS:
                break
            group = clusters[target]
            if source in joined[target] or source in group_sources[target]:
                continue
            # Scored first: a pair scored here is kept if strong, and ``claim_cores`` reads the
            # pairs kept (checking the words first scored a fiftieth of them, and changed groups).
            carried = [scores.get(outer, n)[1] for n in sample(group)]
            if sum(carried) / len(carried) < containment:
                continue
            if own_terms is None:
                own_terms = shared_terms(nodes, outer, sample([n for n in own if n != outer]))
            claim_terms = shared_terms(nodes, outer, sample(group))
            if own_terms and weight(nodes[outer], claim_terms & own_terms) > 0.5 * weight(
                nodes[outer], claim_terms
            ):
                continue  # the same words as its own claim: a near-duplicate group, not a second claim
            extra[outer].append(target)
            joined[target].add(source)
    return extra
