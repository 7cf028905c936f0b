"""From the aligner's node groups to claim groups of sentences, numbered for readers.

The aligner groups *nodes*: whole sentences and the clauses of long ones. Readers see sentences:
each in every claim one of its nodes joined, with one main claim (the panes line sentences up by
it, and its kind and score come from it).
"""

from __future__ import annotations

from collections import defaultdict

from tui.alignment.model import ClaimGroup
from tui.alignment.node_groups import sample_without
from tui.alignment.sentence_graph import Node, PairScores
from tui.corpus.model import Article


def sentence_groups(
    nodes: list[Node], clusters: list[list[int]], extra: dict[int, list[int]]
) -> tuple[list[list[int]], dict[int, int]]:
    """Node clusters as claim groups of whole sentences (each sentence by its first node).

    - A clause alone is no claim, and a sentence alone in its cluster while one of its clauses
      shares a claim has no claim of its own (a sentence that only carries others' claims as second
      claims keeps its own).
    - A group whose sentences all belong to a larger group (or to an earlier one with the same
      sentences) is that group: two wire copies' clauses pair up as well as their sentences do,
      and would repeat the claim.

    Returns each group's sentences (node numbers of whole sentences) and each sentence's main
    group: the one its whole text joined, else the largest its clauses joined, else its own.
    """
    whole = _sentence_nodes(nodes)
    members = [{whole[n] for n in cluster} for cluster in clusters]
    for outer, targets in extra.items():
        for target in targets:
            members[target].add(whole[outer])
    holding: dict[int, list[int]] = defaultdict(list)  # sentence -> shared groups it is in
    for position, sentences in enumerate(members):
        if len(sentences) > 1:
            for n in sentences:
                holding[n].append(position)
    into: dict[int, int] = {}  # a repeated group -> the group that holds all its sentences
    for position, sentences in enumerate(members):
        if len(sentences) > 1:
            for other in holding[min(sentences)]:
                larger = len(members[other]) > len(sentences) or (
                    len(members[other]) == len(sentences) and other < position
                )
                if other != position and larger and sentences <= members[other]:
                    into[position] = other
                    break

    def final(position: int) -> int:
        while position in into:
            position = into[position]
        return position

    main_cluster: dict[int, int] = {}
    through_clause: dict[int, list[int]] = defaultdict(list)  # sentence -> shared groups a clause joined
    for position, cluster in enumerate(clusters):
        for n in cluster:
            if not nodes[n].clause:
                main_cluster[n] = position
            elif len(members[position]) > 1:
                through_clause[whole[n]].append(position)
    # Only a clause's group can be a main claim instead: it passed the same cohesion check as a
    # whole sentence, while a second claim joined by containment did not.
    for n, position in main_cluster.items():
        if len(members[position]) == 1 and through_clause[n]:
            main_cluster[n] = max(through_clause[n], key=lambda p: (len(members[p]), -p))
    mains = {final(position) for position in main_cluster.values()}
    _fold_near_repeats(nodes, members, into, holding, mains)
    kept = [p for p, sentences in enumerate(members) if p not in into and (len(sentences) > 1 or p in mains)]
    number = {position: count for count, position in enumerate(kept)}
    groups = [sorted(members[position]) for position in kept]
    return groups, {n: number[final(position)] for n, position in main_cluster.items()}


def _fold_near_repeats(
    nodes: list[Node],
    members: list[set[int]],
    into: dict[int, int],
    holding: dict[int, list[int]],
    mains: set[int],
) -> None:
    """A shared group that is no sentence's main claim and holds all but one sentence of another
    group that is: the same claim, found again through a clause of one more sentence. It joins
    that group (its extra sentence too, when that source has no sentence there yet)."""
    for position, sentences in enumerate(members):
        if len(sentences) < 2 or position in into or position in mains:
            continue
        overlap: dict[int, int] = defaultdict(int)
        for n in sentences:
            for other in holding[n]:
                if other != position and other in mains and other not in into:
                    overlap[other] += 1
        if not overlap:
            continue
        target = max(sorted(overlap), key=lambda other: overlap[other])
        if overlap[target] < max(2, len(sentences) - 1):
            continue  # two sentences sharing a claim only through their clauses are a claim
        sources = {nodes[n].member.source for n in members[target]}
        for n in sorted(sentences - members[target]):
            if nodes[n].member.source not in sources:
                members[target].add(n)
        into[position] = target


def _sentence_nodes(nodes: list[Node]) -> list[int]:
    """Each node's whole sentence, as the node number of the sentence itself (its clauses follow it)."""
    whole: list[int] = []
    for n, node in enumerate(nodes):
        whole.append(whole[-1] if node.clause else n)
    return whole


def cohesive_mains(
    nodes: list[Node],
    members: list[list[int]],
    main_of: dict[int, int],
    scores: PairScores,
    floor: float,
    panel: int,
) -> None:
    """Every sentence whose main claim a group is must match at least half of the group's other
    such sentences (at ``floor``, by the best match of their nodes), the
    criterion the property tests check. Node clusters pass it node by node, but a cluster may
    also hold a clause whose sentence's main claim is elsewhere, and groups fold into others:
    "X" and "Y" can end up the main sentences of one group while they do not match at all. The
    worst of them leaves (a claim of its own), until the rest match. A larger group checks each
    against a fixed spread of ``panel`` others. Changes ``members`` and ``main_of`` in place."""
    nodes_of: dict[int, list[int]] = defaultdict(list)
    for n, sentence in enumerate(_sentence_nodes(nodes)):
        nodes_of[sentence].append(n)

    def match(a: int, b: int) -> float:
        return max(max(scores.reals(x, nodes_of[b])) for x in nodes_of[a])

    for position in range(len(members)):
        while True:
            main = sorted(n for n in members[position] if main_of[n] == position)
            if len(main) < 2:
                break
            matched = {n: [match(n, m) for m in sample_without(main, n, panel)] for n in main}
            failing = [n for n, found in matched.items() if 2 * sum(x >= floor for x in found) < len(found)]
            if not failing:
                break
            worst = min(failing, key=lambda n: (sum(matched[n]), n))
            members[position].remove(worst)
            members.append([worst])
            main_of[worst] = len(members) - 1


def number_groups(
    articles: list[Article], nodes: list[Node], members: list[list[int]], main_of: dict[int, int]
) -> list[ClaimGroup]:
    """Claim groups numbered in reading order of the articles as given, members in reading order
    (those whose main claim it is first); each sentence's ``group`` is its main claim and
    ``groups`` its main claim first, then the others."""
    order = {article.id: position for position, article in enumerate(articles)}

    def reading(n: int) -> tuple[int, int]:
        return order[nodes[n].member.source], nodes[n].member.sentence

    ranked = sorted(range(len(members)), key=lambda position: min(map(reading, members[position])))
    renumber = {position: number for number, position in enumerate(ranked)}
    by_id = {article.id: article for article in articles}
    groups: list[ClaimGroup] = []
    others: dict[int, list[int]] = defaultdict(list)
    for number, position in enumerate(ranked):
        # Sentences whose main claim this is come first: views and exports take the first
        # member's words as the claim's, and a sentence carrying it as a second claim says more.
        everyone = sorted(members[position], key=lambda n: (main_of[n] != position, reading(n)))
        groups.append(ClaimGroup(number, [nodes[n].member for n in everyone]))
        for n in everyone:
            if main_of[n] != position:
                others[n].append(number)
    for n, position in main_of.items():
        sentence = by_id[nodes[n].member.source].sentences[nodes[n].member.sentence]
        sentence.group = renumber[position]
        sentence.groups = [sentence.group, *sorted(others[n])]
    return groups
