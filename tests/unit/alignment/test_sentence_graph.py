"""Pair scores kept compactly: the same scores, and the links the aligner reads, as kept in full;
and a pair scored in one function as the scoring functions compose it, with the token-sort ratio
of words sorted once per sentence."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

import tui.alignment.sentence_graph as sentence_graph
from tui.alignment.model import Member
from tui.alignment.node_place import adjusted
from tui.alignment.scoring import CHAR_FLOOR, Terms, combine, overlap, sorted_words
from tui.alignment.sentence_graph import PairScores, build_nodes
from tui.corpus.loader import load_corpus
from tui.corpus.text import normalise
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


@pytest.mark.parametrize("floor", [-1.0, 20.0, 50.0])
def test_contained_at_picks_the_pairs_of_known_at_or_above_the_floor(
    nodes: list[sentence_graph.Node], floor: float
) -> None:
    scores = PairScores(nodes, forget_below=FLOORS)
    scores.add_batch([(a, b) for a, b in _all_pairs(min(len(nodes), 60))[::3] if a < b])
    for a, b in _all_pairs(min(len(nodes), 90))[::7]:
        scores.get(a, b)
    everything = list(scores.known())
    expected = [(a, b, contained) for a, b, _, contained in everything if contained >= floor]
    firsts, seconds, contained = scores.contained_at(floor)
    assert list(zip(firsts.tolist(), seconds.tolist(), contained.tolist(), strict=True)) == expected
    assert 0 < len(expected) <= len(everything)


def test_nodes_are_numbered_in_the_order_of_their_keys(nodes: list[sentence_graph.Node]) -> None:
    articles = load_corpus([seeds_dir()]).articles
    for shuffled in (articles, articles[::-1], articles[1:] + articles[:1]):
        keys = [node.key for node in build_nodes(shuffled)]
        assert keys == sorted(keys) and len(set(keys)) == len(keys)


def _composed(left: sentence_graph.Node, right: sentence_graph.Node, ratio: float) -> complex:
    """A pair's score as the scoring functions compose it, one call each."""
    dice, contained = overlap(left.weights, right.weights, left.total, right.total)
    return complex(min(100.0, adjusted(left, right, combine(dice, ratio))), 100.0 * contained)


TERMS = st.dictionaries(
    st.sampled_from("abcdefgh"), st.floats(min_value=0.01, max_value=9.0, allow_nan=False), max_size=6
)


def _nodes(bags: list[tuple[dict[str, float], bool, bool, bool]]) -> list[sentence_graph.Node]:
    """Nodes from (weights, headline, lede, clause), as generated for the scoring properties."""
    return [
        sentence_graph.Node(
            Member("s", n),
            ("s", n, 0),
            "",
            Terms({}, headline=headline),
            weights=weights,
            total=sum(weights.values()),
            lede=lede,
            clause=clause,
        )
        for n, (weights, headline, lede, clause) in enumerate(bags)
    ]


@given(
    st.lists(st.tuples(TERMS, st.booleans(), st.booleans(), st.booleans()), min_size=2, max_size=4),
    st.floats(min_value=0.0, max_value=100.0),
)
def test_a_pair_scored_in_one_function_is_the_composed_score_to_the_last_bit(
    bags: list[tuple[dict[str, float], bool, bool, bool]], ratio: float
) -> None:
    nodes = _nodes(bags)
    scores = PairScores(nodes)
    for a in range(len(nodes)):
        for b in range(len(nodes)):
            assert scores._score(a, b, ratio) == _composed(nodes[a], nodes[b], ratio)


SENTENCE_TEXT = st.text(
    alphabet=st.sampled_from(list("abc ABC 12.,'’-éİßﬁ\u00a0\t")) | st.characters(), max_size=60
)


@given(SENTENCE_TEXT, SENTENCE_TEXT, st.sampled_from([0.0, CHAR_FLOOR]))
def test_the_ratio_of_sorted_words_is_the_token_sort_ratio(left: str, right: str, cutoff: float) -> None:
    a, b = normalise(left), normalise(right)
    expected = fuzz.token_sort_ratio(a, b, score_cutoff=cutoff)
    assert fuzz.ratio(sorted_words(a), sorted_words(b), score_cutoff=cutoff) == expected


def test_sorted_words_give_the_token_sort_ratio_of_every_seed_sentence_pair(
    nodes: list[sentence_graph.Node],
) -> None:
    norms = [node.norm for node in nodes]
    expected = process.cdist(norms, norms, scorer=fuzz.token_sort_ratio, score_cutoff=CHAR_FLOOR)
    presorted = [sorted_words(norm) for norm in norms]
    assert (process.cdist(presorted, presorted, scorer=fuzz.ratio, score_cutoff=CHAR_FLOOR) == expected).all()


FORKED_NODES = """
import os

import tui.alignment.node_features as node_features
import tui.alignment.sentence_graph as sentence_graph
from tui.corpus.loader import can_fork, load_corpus
from tui.resources import seeds_dir

def fields(nodes):
    return [(n.key, n.norm, n.weights, n.total, n.terms, n.lede, n.clause, n.split) for n in nodes]

if __name__ == "__main__":
    assert can_fork(), "no fork here"
    articles = load_corpus([seeds_dir()]).articles
    os.cpu_count = lambda: 2  # the same on a one-core machine
    node_features.PARALLEL_SENTENCES, node_features.FEATURE_CHUNK = 0, 7
    pool = node_features.feature_pool(1)
    assert pool is not None, "no worker pool"
    pool.shutdown()
    forked = sentence_graph.build_nodes(articles)
    node_features.PARALLEL_SENTENCES = 10**9
    assert fields(forked) == fields(sentence_graph.build_nodes(articles)), "forked workers differ"
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_nodes_built_in_forked_workers_are_the_nodes_built_here(tmp_path: Path) -> None:
    # The command line forks its workers (no other thread runs there); a fresh interpreter is
    # such a process, which a test worker may not be.
    script = tmp_path / "forked_nodes.py"
    script.write_text(FORKED_NODES, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


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


def test_a_bulleted_fact_is_compared_like_a_sentence() -> None:
    from pathlib import Path

    from tui.alignment.aligner import Aligner
    from tui.corpus.ingest import RawArticle
    from tui.corpus.loader import build_article

    texts = {
        "a": "Bus crash in Alden\n\n• Driver detained\n\nThe bus left the road near the bridge on Sunday.\n",
        "b": "Alden bus crash\n\nPolice said the driver had been detained and would be questioned.\n",
    }
    articles = [
        build_article(RawArticle(source, Path(f"{source}.txt"), text, "0" * 64, "utf-8"))
        for source, text in texts.items()
    ]
    Aligner().run(articles)
    fact = next(s for s in articles[0].sentences if "Driver detained" in s.text)
    detained = next(s for s in articles[1].sentences if "detained" in s.text)
    assert fact.group == detained.group


@given(
    st.lists(st.tuples(TERMS, st.booleans(), st.booleans(), st.booleans()), min_size=2, max_size=5),
    st.lists(st.floats(min_value=0.0, max_value=100.0), min_size=1, max_size=12),
)
def test_pairs_scored_in_a_numpy_batch_are_the_pairs_scored_one_by_one_to_the_last_bit(
    bags: list[tuple[dict[str, float], bool, bool, bool]], ratios: list[float]
) -> None:
    import numpy as np

    from tui.alignment.batch_scores import BatchScorer

    nodes = _nodes(bags)
    scores = PairScores(nodes)
    pairs = [(a, b) for a in range(len(nodes)) for b in range(len(nodes))]
    chosen = [pairs[n % len(pairs)] for n in range(len(ratios))]
    a, b = np.array([p[0] for p in chosen]), np.array([p[1] for p in chosen])
    batch = BatchScorer(nodes).scores(a, b, ratios)
    assert batch == [scores._score(x, y, r) for (x, y), r in zip(chosen, ratios, strict=True)]


def test_the_seed_pairs_scored_in_a_batch_are_the_pairs_scored_one_by_one(
    nodes: list[sentence_graph.Node],
) -> None:
    import numpy as np

    from tui.alignment.batch_scores import BatchScorer

    scores = PairScores(nodes)
    pairs = [(a, b) for a in range(len(nodes)) for b in range(a + 1, len(nodes))]
    sorted_texts = [sorted_words(node.norm) for node in nodes]
    ratios = [float(fuzz.ratio(sorted_texts[a], sorted_texts[b], score_cutoff=CHAR_FLOOR)) for a, b in pairs]
    a, b = np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
    batch = BatchScorer(nodes).scores(a, b, ratios)
    assert batch == [scores._score(x, y, r) for (x, y), r in zip(pairs, ratios, strict=True)]
    assert any(score.real and score.imag for score in batch), "no pair shares a term: the test shows nothing"


def test_ledes_are_the_first_sentences_of_prose_not_labels_left_above_them(tmp_path: Path) -> None:
    # Labels the clutter rules may leave as content ("ENCORE!", "Africa") must not take the lede
    # slots: the first three sentences of prose are the ones news puts its main claims in.
    lines = [
        "ENCORE!",
        "Africa",
        "Floodwater rose through the night in the river town of Alden on Wednesday.",
        "The regional governor said at least 40 people had died in the valley.",
        "Aid agencies warned that clean water would run short within days.",
        "Crews reopened the main road to the coast late on Thursday evening.",
    ]
    (tmp_path / "page.txt").write_text("\n\n".join(lines), encoding="utf-8")
    (tmp_path / "other.txt").write_text("Rain fell on the hills above the valley town.", encoding="utf-8")
    nodes = build_nodes(load_corpus([tmp_path]).articles)
    ledes = [n.norm for n in nodes if n.member.source == "page" and not n.clause and n.lede]
    assert ledes == [normalise(line) for line in lines[2:5]]
