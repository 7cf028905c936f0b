"""Properties of the grouping that hold for any corpus: order-free, no chains, second claims."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tui.alignment.aligner import Aligner
from tui.alignment.result import Alignment
from tui.corpus.ingest import RawArticle
from tui.corpus.loader import build_article
from tui.corpus.model import Article

# Sentences built from a small vocabulary, so that generated articles share words and claims.
SUBJECTS = ["The minister", "Rescue teams", "The court", "Officials in Lagos", "The European Union"]
VERBS = ["confirmed", "rejected", "announced", "postponed", "welcomed"]
OBJECTS = [
    "the new budget for schools",
    "a ceasefire in the northern region",
    "the arrest of three suspects",
    "a plan to rebuild the harbour",
    "the results of the regional vote",
]
TAILS = ["on Monday.", "after a long meeting.", "late on Friday.", "in a short statement.", "."]


def sentence(parts: tuple[int, int, int, int]) -> str:
    s, v, o, t = parts
    return f"{SUBJECTS[s]} {VERBS[v]} {OBJECTS[o]} {TAILS[t]}".replace(" .", ".")


def article(source: str, text: str) -> Article:
    return build_article(RawArticle(source, Path(f"{source}.txt"), text, "0" * 64, "utf-8"))


def groups_as_sets(alignment: Alignment) -> set[frozenset[tuple[str, int]]]:
    return {frozenset((m.source, m.sentence) for m in g.members) for g in alignment.groups}


part = st.tuples(*(st.integers(0, 4) for _ in range(4)))
# Some sentences carry two statements ("..., while ..."), so clauses are compared too.
statement = st.one_of(st.tuples(part), st.tuples(part, part))
corpora = st.lists(st.lists(statement, min_size=1, max_size=6), min_size=2, max_size=5)


def compound(parts: tuple[tuple[int, int, int, int], ...]) -> str:
    first, *rest = [sentence(p) for p in parts]
    for other in rest:
        first = f"{first[:-1]}, while {other[0].lower()}{other[1:]}"
    return first


def build(corpus: list[list[tuple[tuple[int, int, int, int], ...]]]) -> list[Article]:
    return [article(f"s{n}", " ".join(compound(p) for p in parts)) for n, parts in enumerate(corpus)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora, st.randoms(use_true_random=False))
def test_groups_do_not_depend_on_the_order_of_the_files(corpus, rng: random.Random) -> None:
    articles = build(corpus)
    shuffled = build(corpus)
    rng.shuffle(shuffled)
    first = Alignment(articles, Aligner().run(articles))
    second = Alignment(shuffled, Aligner().run(shuffled))
    assert groups_as_sets(first) == groups_as_sets(second)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora)
# Found by hypothesis: "The minister confirmed the new budget ..." the main sentence of a group
# with three "... confirmed a ceasefire ..." sentences it does not match, the groups of its
# sentence and of their clauses folded into one.
@example(
    [
        [((0, 0, 0, 0),)] * 3,
        [((0, 0, 0, 0),), ((1, 0, 1, 0),)],
        [((1, 0, 1, 0),)],
        [((0, 0, 0, 1), (0, 0, 0, 1))],
        [((0, 0, 0, 0),), ((0, 0, 1, 1),)],
    ]
)
# Found by hypothesis: two sentences that do not match ("Officials in Lagos announced a ceasefire
# ...", "The minister confirmed the new budget ..."), held in one group by two sentences that
# carry both claims ("... a ceasefire ..., while ... the new budget ...").
@example(
    [
        [((0, 0, 0, 0),), ((0, 0, 1, 0),)],
        [((0, 0, 0, 0),), ((0, 0, 0, 0),), ((3, 2, 1, 0),)],
        [((0, 0, 0, 0),), ((0, 0, 0, 0), (0, 0, 1, 0)), ((3, 0, 1, 1), (4, 0, 0, 2))],
        [((0, 0, 0, 0),)] * 2 + [((0, 0, 0, 1),)] * 2 + [((0, 0, 0, 0),), ((0, 0, 1, 0),)],
        [((0, 0, 0, 1), (0, 0, 1, 1))],
    ]
)
# Found by hypothesis: two sentences that do not match, held in one group by the clause of a
# third sentence whose main claim is another one.
@example(
    [
        [((0, 0, 0, 0),), ((0, 0, 1, 0),), ((0, 1, 1, 0),)],
        [((0, 0, 0, 0),), ((0, 0, 0, 0),), ((0, 0, 0, 0),), ((0, 0, 0, 1), (0, 0, 1, 1))],
        [((0, 0, 0, 0),)] * 4 + [((0, 0, 0, 1),), ((0, 0, 0, 1),)],
    ]
)
def test_no_group_is_a_chain(corpus) -> None:
    """Every main member of a group matches at least half of the other main members (a member
    matches another when the sentence or one of its clauses scores ``link_floor`` against it or
    one of its clauses)."""
    articles = build(corpus)
    aligner = Aligner()
    groups = aligner.run(articles)
    score = aligner.scorer(articles)
    by_id = {a.id: a for a in articles}
    floor = aligner.thresholds.link_floor
    for group in groups:
        main = [m for m in group.members if by_id[m.source].sentences[m.sentence].group == group.id]
        for member in main:
            others = [o for o in main if o != member]
            matched = sum(score(member, o) >= floor for o in others)
            assert 2 * matched >= len(others), (group.id, member, [round(score(member, o)) for o in others])


def test_a_shared_stock_phrase_does_not_weld_different_claims() -> None:
    """ "to succeed Jens Stoltenberg" runs through the whole story; who backs Rutte differs."""
    texts = [
        "Hungary backs Mark Rutte to succeed Jens Stoltenberg. Rutte is the only candidate to succeed"
        " Jens Stoltenberg. Budapest had long opposed him.",
        "Slovakia can imagine supporting a Dutch candidate to succeed Jens Stoltenberg. Bratislava"
        " wants guarantees first. Rutte hopes to succeed Jens Stoltenberg in October.",
        "Hungary said it backs Rutte, who hopes to succeed Jens Stoltenberg. Orban lifted his veto"
        " after talks. NATO needs a leader to succeed Jens Stoltenberg by the summit.",
        "The alliance expects a decision soon on who will succeed Jens Stoltenberg. Hungary backs"
        " Rutte now. Diplomats welcomed the news.",
    ]
    articles = [article(f"s{n}", text) for n, text in enumerate(texts)]
    alignment = Alignment(articles, Aligner().run(articles))
    hungary_backs = [alignment.article("s0").sentences[0], alignment.article("s2").sentences[0]]
    hungary_backs.append(alignment.article("s3").sentences[1])
    slovakia = alignment.article("s1").sentences[0]
    for sentence in hungary_backs:
        assert not set(sentence.groups) & set(slovakia.groups), sentence.text


def test_a_sentence_carrying_two_claims_joins_both_groups() -> None:
    first = "Britain backs Mark Rutte for the NATO post. Germany wants a faster decision on Ukraine aid."
    second = (
        "Britain strongly backs Mark Rutte for the NATO post. Germany wants a faster decision on Ukraine aid."
    )
    both = "Britain backs Mark Rutte for the NATO post, and Germany wants a faster decision on Ukraine aid."
    articles = [article("a", first), article("b", second), article("c", both)]
    alignment = Alignment(articles, Aligner().run(articles))
    combined = alignment.article("c").sentences[0]
    backing = alignment.article("a").sentences[0].group
    aid = alignment.article("a").sentences[1].group
    assert backing != aid
    assert set(combined.groups) == {backing, aid}
    assert combined.group == combined.groups[0]
    json_sentence = alignment.to_json()["sources"][2]["sentences"][0]
    assert set(json_sentence["groups"]) == {backing, aid} and json_sentence["group"] == combined.group


def test_headlines_are_compared_like_sentences() -> None:
    one = "Port blast injures 12 in Rotterdam\n\nTwelve people were hurt when a tank exploded on Tuesday."
    two = "Rotterdam port blast injures 21\n\nA tank exploded in the port of Rotterdam, hurting 21 people."
    articles = [article("a", one), article("b", two)]
    alignment = Alignment(articles, Aligner().run(articles))
    assert alignment.article("a").title and alignment.article("b").title
    assert alignment.article("a").sentences[0].group == alignment.article("b").sentences[0].group
