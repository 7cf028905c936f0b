"""Pair scores kept compactly: the same scores, and the links the aligner reads, as kept in full."""

from __future__ import annotations

import pytest

import tui.alignment.sentence_graph as sentence_graph
from tui.alignment.sentence_graph import PairScores, build_nodes
from tui.corpus.loader import load_corpus
from tui.resources import seeds_dir

FLOORS = (20.0, 50.0)


@pytest.fixture(scope="module")
def nodes() -> list[sentence_graph.Node]:
    return build_nodes(load_corpus([seeds_dir()]).articles)


def _all_pairs(count: int) -> list[tuple[int, int]]:
    return [(a, b) for a in range(count) for b in range(count) if a != b]


def test_forgetting_weak_pairs_keeps_every_score_and_every_link_above_a_floor(
    nodes: list[sentence_graph.Node], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sentence_graph, "WEAK_CACHE", 50)  # filled and cleared many times
    full, compact = PairScores(nodes), PairScores(nodes, forget_below=FLOORS)
    batch = [(a, a + 1) for a in range(0, len(nodes) - 1, 3)]
    full.add_batch(batch)
    compact.add_batch(batch)
    pairs = _all_pairs(min(len(nodes), 120))
    for a, b in pairs + pairs[::-1]:  # asked twice: some from the cache, some scored again
        assert compact.get(a, b) == full.get(a, b)
    kept = list(compact.known())
    strong = [p for p in full.known() if p[2] >= FLOORS[0] or p[3] >= FLOORS[1] or p[:2] in set(batch)]
    assert kept == strong
    assert len(kept) < len(list(full.known())), "no pair was weak: the test shows nothing"


def test_known_yields_one_int_object_per_node(nodes: list[sentence_graph.Node]) -> None:
    many = nodes * (400 // len(nodes) + 1)  # numbers under 257 are shared by Python anyway
    scores = PairScores(many)
    for a, b in _all_pairs(20):
        scores.get(a + 280, b + 280)
    firsts = {}
    for a, b, _, _ in scores.known():
        assert firsts.setdefault(a, a) is a and firsts.setdefault(b, b) is b


def test_nodes_are_numbered_in_the_order_of_their_keys(nodes: list[sentence_graph.Node]) -> None:
    articles = load_corpus([seeds_dir()]).articles
    for shuffled in (articles, articles[::-1], articles[1:] + articles[:1]):
        keys = [node.key for node in build_nodes(shuffled)]
        assert keys == sorted(keys) and len(set(keys)) == len(keys)


def test_a_crosshead_names_a_topic_and_pairs_with_no_sentence_about_it() -> None:
    from pathlib import Path

    from tui.alignment.aligner import Aligner
    from tui.corpus.ingest import RawArticle
    from tui.corpus.loader import build_article

    texts = {
        "a": "Court convicts former ruler of arming rebels\n\nBlood diamonds\n\n"
        "The judges said he was paid in blood diamonds mined by the rebels in the east.\n",
        "b": "Former ruler convicted of arming rebels\n\n"
        "He took blood diamonds from the rebels as payment, the court found on Thursday.\n",
    }
    articles = [
        build_article(RawArticle(source, Path(f"{source}.txt"), text, "0" * 64, "utf-8"))
        for source, text in texts.items()
    ]
    Aligner().run(articles)
    crosshead = next(s for s in articles[0].sentences if s.text == "Blood diamonds")
    diamonds = next(s for s in articles[1].sentences if "blood diamonds" in s.text)
    assert crosshead.group != diamonds.group
    assert crosshead.kind == "unique"
