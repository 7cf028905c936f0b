"""Small questions the aligner asks of node groups: fixed samples of a group's members and the
terms two nodes share."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from tui.alignment.sentence_graph import Node

SAMPLE = 4  # members of each side compared when a merge involves a larger group


def sample(group: list[int]) -> list[int]:
    """A fixed, spread-out sample of a (sorted) group's members."""
    if len(group) <= SAMPLE:
        return group
    step = len(group) / SAMPLE
    return [group[int(i * step)] for i in range(SAMPLE)]


def sample_without(group: list[int], member: int, size: int) -> list[int]:
    """``_sample`` (of ``size``) of a sorted group without ``member``, without copying the group."""
    skip = bisect.bisect_left(group, member)
    if skip == len(group) or group[skip] != member:
        skip = len(group)  # not in the group: nothing to skip
        count = len(group)
    else:
        count = len(group) - 1
    if count <= size:
        return group[:skip] + group[skip + 1 :]
    step = count / size
    picks = [int(i * step) for i in range(size)]
    return [group[j + 1] if j >= skip else group[j] for j in picks]


def shared_terms(nodes: list[Node], one: int, others: Iterable[int]) -> set[str]:
    terms = set(nodes[one].weights)
    shared: set[str] = set()
    for other in others:
        shared |= terms & set(nodes[other].weights)
    return shared


def weight(node: Node, terms: set[str]) -> float:
    # Summed in the node's own term order, not set order (which follows PYTHONHASHSEED).
    return sum(weight for term, weight in node.weights.items() if term in terms)
