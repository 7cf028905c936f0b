"""Second claims by a group's core: a lede that carries two claims joins both groups, while a
sentence that shares only the story's topic with a group does not join it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.alignment import aligner
from tui.alignment.aligner import Aligner
from tui.alignment.model import Member
from tui.alignment.result import Alignment
from tui.alignment.sentence_graph import PairScores, build_nodes
from tui.corpus.ingest import RawArticle
from tui.corpus.loader import build_article
from tui.corpus.model import Article

# Made-up coverage of one storm. Alpha's lede states two claims in one clause-free sentence: the
# port flattened (as bravo's and charlie's ledes say) and the missing sailors (as their second
# sentences say, each with details of its own, so no one of them is mostly inside the lede).
TEXTS = {
    "alpha": "Hurricane Delia flattened the fishing port of Harwick on Tuesday leaving fourteen sailors"
    " missing after two trawlers capsized near the breakwater. The mayor of Harwick said Hurricane"
    " Delia was the worst storm the town had known since 1953.",
    "bravo": "Hurricane Delia flattened the fishing port of Harwick on Tuesday. Rescue helicopters from"
    " three countries searched the freezing water overnight for fourteen sailors from two trawlers"
    " that capsized near the breakwater, as waves reached nine metres and gusts tore roofs from"
    " warehouses.",
    "charlie": "Hurricane Delia flattened the small fishing port of Harwick on Tuesday. Volunteers in"
    " dinghies joined coast guard crews hunting for fourteen sailors whose two trawlers capsized"
    " close to the breakwater before dawn, while relatives gathered in the church hall waiting for"
    " news.",
    "delta": "Forecasters had tracked Hurricane Delia for a week as it moved toward Harwick."
    " Harwick's mayor told reporters the Delia storm had ruined the harbour, the"
    " church and the old market hall.",
}


def articles() -> list[Article]:
    return [
        build_article(RawArticle(source, Path(f"{source}.txt"), text, "0" * 64, "utf-8"))
        for source, text in TEXTS.items()
    ]


def groups_of(alignment: Alignment, source: str, sentence: int) -> set[frozenset[tuple[str, int]]]:
    """The groups holding a sentence, each as its set of (source, sentence)."""
    member = Member(source, sentence)
    return {
        frozenset((m.source, m.sentence) for m in group.members)
        for group in alignment.groups
        if member in group.members
    }


def aligned() -> Alignment:
    found = articles()
    return Alignment(found, Aligner().run(found), [])


def test_a_lede_carrying_two_claims_joins_both_groups() -> None:
    alignment = aligned()
    held = groups_of(alignment, "alpha", 0)
    # Its main claim with the other ledes, and the sailors' claim with the sentences that state it.
    assert any({("bravo", 0), ("charlie", 0)} <= group for group in held)
    assert any({("bravo", 1), ("charlie", 1)} <= group for group in held)
    assert alignment.sentence(Member("alpha", 0)).group is not None
    assert len(alignment.sentence(Member("alpha", 0)).groups) == 2


def test_one_member_at_a_time_the_second_claim_is_not_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the cores add: without them the lede holds too little of either sailors' sentence."""
    monkeypatch.setattr(aligner, "core_claims", lambda nodes, scores, clusters, extra, cap: extra)
    held = groups_of(aligned(), "alpha", 0)
    assert not any(("bravo", 1) in group for group in held)


def test_a_sentence_sharing_only_the_topic_does_not_join() -> None:
    # "Forecasters had tracked Hurricane Delia ... toward Harwick": the story, not the sailors' claim.
    for group in groups_of(aligned(), "delta", 0):
        assert not {("bravo", 1), ("charlie", 1)} & group


def test_contained_at_lists_the_pairs_known_at_lists() -> None:
    nodes = build_nodes(articles())
    scores = PairScores(nodes, forget_below=(20.0, 50.0))
    scores.add_batch([(a, b) for a in range(len(nodes)) for b in range(a + 1, len(nodes))])
    first, second, contained = scores.contained_at(30.0)
    listed = sorted(zip(first.tolist(), second.tolist(), contained.tolist(), strict=True))
    assert listed == sorted((a, b, c) for a, b, _, c in scores.known_at(contained=30.0))
    assert listed
