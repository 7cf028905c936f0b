"""From node groups (sentences and clauses) to claim groups of sentences."""

from __future__ import annotations

from tui.alignment.model import Member
from tui.alignment.scoring import Terms
from tui.alignment.sentence_graph import Node
from tui.alignment.sentence_groups import sentence_groups

Key = tuple[str, int, int]


def nodes_for(keys: list[Key]) -> list[Node]:
    return [
        Node(Member(source, sentence), (source, sentence, part), "", Terms({}), clause=part > 0)
        for source, sentence, part in keys
    ]


def claims(
    keys: list[Key], clusters: list[list[Key]]
) -> tuple[list[set[tuple[str, int]]], dict[tuple[str, int], int]]:
    nodes = nodes_for(keys)
    number = {node.key: n for n, node in enumerate(nodes)}
    groups, main_of = sentence_groups(nodes, [[number[key] for key in cluster] for cluster in clusters], {})
    as_sentences = [{nodes[n].key[:2] for n in group} for group in groups]
    return as_sentences, {nodes[n].key[:2]: group for n, group in main_of.items()}


def test_two_sentences_sharing_a_claim_only_through_clauses_make_a_claim() -> None:
    keys = [("a", 1, 0), ("a", 1, 1), ("b", 1, 0), ("c", 2, 0), ("c", 2, 1), ("d", 2, 0)]
    groups, main_of = claims(
        keys, [[("a", 1, 0), ("b", 1, 0)], [("a", 1, 1), ("c", 2, 1)], [("c", 2, 0), ("d", 2, 0)]]
    )
    assert {("a", 1), ("c", 2)} in groups  # nobody's main claim, and not a repeat of one
    assert main_of[("a", 1)] == groups.index({("a", 1), ("b", 1)})


def test_a_claim_found_again_through_one_more_sentence_is_one_claim() -> None:
    """Four outlets group whole; three of them group again through clauses, with one more outlet
    whose own claim is elsewhere: that is the same claim, not a second one worded by a copy."""
    keys = sorted([(s, 1, 0) for s in "abcdxy"] + [(s, 1, 1) for s in "abcx"])
    wire = [("a", 1, 0), ("b", 1, 0), ("c", 1, 0), ("d", 1, 0)]
    again = [("a", 1, 1), ("b", 1, 1), ("c", 1, 1), ("x", 1, 1)]
    groups, main_of = claims(keys, [wire, again, [("x", 1, 0), ("y", 1, 0)]])
    assert sorted(groups, key=len) == [
        {("x", 1), ("y", 1)},
        {("a", 1), ("b", 1), ("c", 1), ("d", 1), ("x", 1)},
    ]
    assert main_of[("x", 1)] == groups.index({("x", 1), ("y", 1)})


def test_a_clause_group_inside_a_larger_group_is_dropped() -> None:
    keys = sorted([(s, 1, 0) for s in "abc"] + [(s, 1, 1) for s in "ab"])
    groups, _ = claims(keys, [[("a", 1, 0), ("b", 1, 0), ("c", 1, 0)], [("a", 1, 1), ("b", 1, 1)]])
    assert groups == [{("a", 1), ("b", 1), ("c", 1)}]
