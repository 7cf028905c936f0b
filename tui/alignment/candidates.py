"""The aligner's candidate pairs: sentences of different sources that share heavy terms.

Each node looks up other sources' nodes through an inverted index of its heaviest terms; each
posting walk is capped, so the cost grows with the number of sentences, not of sentence pairs.
A node's candidates depend on no other node's, so with many nodes a forked process finds those
of every other node while this one finds the rest (1,000 half-unique articles: about 3 s of one
core, while the other had nothing to do), and the two sets are joined: the same pairs.
"""

from __future__ import annotations

import multiprocessing
from array import array
from collections import defaultdict
from collections.abc import Sequence
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.alignment.sentence_graph import Node

SEARCH_TERMS = 6  # a sentence looks for candidates through its heaviest terms
POSTINGS_CAP = 64  # sentences read per term: a term in more sentences than this is not selective
CANDIDATES = 16  # candidate sentences scored per sentence
# From this many nodes the odd-numbered ones are searched in a forked process (a fork of the
# aligning process costs a few milliseconds; 4,000 nodes take about 0.15 s).
PARALLEL_NODES = 4_000


class _Index:
    """What every node's search reads: the postings of each term and each node's source."""

    def __init__(self, nodes: list[Node]) -> None:
        self.nodes = nodes
        self.postings: dict[str, list[int]] = defaultdict(list)
        for number, node in enumerate(nodes):
            for term in node.weights:
                self.postings[term].append(number)
        self.sources = [node.member.source for node in nodes]
        self.size = len(nodes)

    def pairs(self, numbers: Sequence[int]) -> set[int]:
        """The candidate pairs of the nodes ``numbers``, each as one int (a * size + b, a < b:
        they sort as the pairs and cost less)."""
        nodes, postings, sources, size = self.nodes, self.postings, self.sources, self.size
        pairs: set[int] = set()
        for number in numbers:
            node = nodes[number]
            # Plain tuples sort in C; (-weight, term) and (-sum, other) order as the keys did.
            heaviest = sorted([(-weight, term) for term, weight in node.weights.items()])[:SEARCH_TERMS]
            source = sources[number]
            found: dict[int, float] = {}
            for negative, term in heaviest:
                for other in postings[term][:POSTINGS_CAP]:
                    if sources[other] != source:
                        found[other] = found.get(other, 0.0) - negative
            if len(found) > CANDIDATES:
                # Only totals at or above the CANDIDATES-th largest can be among the best: sorting
                # just those as (-total, other) picks the same ones (ties included) at a tenth of
                # the cost of sorting hundreds of tuples.
                floor = sorted(found.values(), reverse=True)[CANDIDATES - 1]
                best = sorted([(-total, other) for other, total in found.items() if total >= floor])
            else:
                best = sorted([(-total, other) for other, total in found.items()])
            pairs.update(
                number * size + other if number < other else other * size + number
                for _, other in best[:CANDIDATES]
            )
        return pairs


def candidate_pairs(nodes: list[Node]) -> list[tuple[int, int]]:
    """Pairs of nodes from different sources that share heavy terms (i < j), sorted."""
    from tui.corpus.loader import can_fork

    index = _Index(nodes)
    numbers, theirs = range(len(nodes)), range(0)
    helper = None
    if len(nodes) >= PARALLEL_NODES and can_fork():
        numbers, theirs = numbers[::2], numbers[1::2]
        context = multiprocessing.get_context("fork")
        receiving, sending = context.Pipe(duplex=False)
        helper = context.Process(target=_search, args=(index, theirs, sending, receiving))
        helper.start()
        sending.close()
    pairs = index.pairs(numbers)
    if helper is not None:
        found = array("q")
        try:
            found.frombytes(receiving.recv_bytes())
        except (EOFError, OSError):
            found = array("q", index.pairs(theirs))  # it died: searched here
        finally:
            receiving.close()
            helper.join()
        pairs.update(found)
    size = index.size
    return [divmod(pair, size) for pair in sorted(pairs)]


def _search(index: _Index, numbers: Sequence[int], sending: Connection, receiving: Connection) -> None:
    """In the forked process: the pairs of ``numbers``, sent back as 8-byte ints."""
    from tui.corpus.loader import ignore_interrupts

    ignore_interrupts()  # Ctrl-C is the aligning process's to handle
    receiving.close()
    sending.send_bytes(array("q", index.pairs(numbers)).tobytes())
    sending.close()
