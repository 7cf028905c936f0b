"""Clauses: a long sentence is compared clause by clause, so it can join each claim it carries."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tui.alignment.aligner import Aligner
from tui.alignment.clauses import MAX_CLAUSES, MIN_TERMS, clause_spans
from tui.alignment.result import Alignment
from tui.alignment.scoring import clause_terms, sentence_terms
from tui.alignment.sentence_graph import build_nodes
from tui.corpus.ingest import RawArticle
from tui.corpus.loader import build_article
from tui.corpus.model import Article


def article(source: str, text: str) -> Article:
    return build_article(RawArticle(source, Path(f"{source}.txt"), text, "0" * 64, "utf-8"))


def clauses(text: str) -> list[str]:
    return [text[start:end] for start, end, _ in clause_terms(text)]


def test_two_statements_joined_by_while_are_two_clauses() -> None:
    text = (
        "A senior French official said President Emmanuel Macron was an early supporter of Rutte for "
        "the post, while a German government spokesperson praised him as an outstanding candidate."
    )
    found = clauses(text)
    assert len(found) == 2
    assert "Macron" in found[0] and "German" in found[1]


def test_a_short_sentence_and_an_attribution_are_not_split() -> None:
    assert clauses("Rutte is the only official candidate for the post.") == []
    # "officials said" states nothing on its own: it stays with its clause.
    assert clauses("The death toll from the Ludian earthquake has risen to 398 people, officials said.") == []


def test_an_abbreviation_is_no_sentence_end() -> None:
    text = (
        "Russian President Vladimir Putin met U.S. President Donald Trump in Alaska on Friday "
        "and Mr. Zelensky spoke to European leaders at 9 a.m. Saturday about the ceasefire."
    )
    for clause in clauses(text):
        assert not clause.startswith(("President Donald", "Zelensky", "Saturday")), clauses(text)


def test_two_quoted_sentences_are_two_clauses() -> None:
    text = (
        'A US official said: "President Biden strongly endorses the candidacy of Rutte to be the next '
        'Secretary General of NATO. PM Rutte has a deep understanding of the importance of the alliance."'
    )
    assert any(clause.startswith("PM Rutte") for clause in clauses(text))


def test_times_and_list_like_sentences_are_not_cut() -> None:
    assert (
        clauses("The shuttle Endeavour lifted off from Kennedy Space Center at 2:28 a.m. on Tuesday.") == []
    )
    roll = ", ".join(f"{n} dead in {place} province" for n, place in enumerate("ABCDEFGHIJKLMNOP", start=2))
    assert clauses(f"Officials counted {roll}.") == []


WORDS = st.sampled_from(["Rutte", "NATO", "backed", "the", "said", "398", "Ludian", "quake", "and", "while"])
PIECES = st.lists(
    st.tuples(st.lists(WORDS, min_size=1, max_size=9), st.sampled_from([", ", "; ", " - ", " "]))
)


@given(PIECES)
def test_clauses_tile_the_sentence_and_each_states_something(pieces: list[tuple[list[str], str]]) -> None:
    text = "".join(" ".join(words) + gap for words, gap in pieces).strip()
    spans = clause_spans(text, lambda start, end: len(sentence_terms(text[start:end]).boosts))
    if not spans:
        return
    assert 2 <= len(spans) <= MAX_CLAUSES
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(left[1] == right[0] for left, right in itertools.pairwise(spans))
    assert all(len(sentence_terms(text[start:end]).boosts) >= MIN_TERMS for start, end in spans)


def test_a_sentence_carrying_two_claims_in_other_words_joins_both_without_welding_them() -> None:
    """The long sentence states the rescue (word for word) and the toll (in other words than the
    two outlets that report only the toll): it joins both claims, and the claims stay apart."""
    texts = {
        "wire": "Rescuers searched the rubble of Longtoushan township for survivors on Monday, as the number "
        "of people killed by the Ludian earthquake rose to 398, according to officials in Yunnan.",
        "daily": "The death toll from the Ludian earthquake has risen to 398, officials said.",
        "radio": "The number of dead from the quake in Ludian rose to 398 on Monday, Yunnan officials said.",
        "agency": "Rescuers searched the rubble of Longtoushan township for survivors on Monday.",
        "weekly": "Rescuers searched the rubble of Longtoushan township for survivors on Monday.",
    }
    articles = [article(source, text) for source, text in texts.items()]
    alignment = Alignment(articles, Aligner().run(articles))
    group = {source: alignment.article(source).sentences[0].group for source in texts}
    assert group["daily"] == group["radio"] != group["agency"] == group["weekly"]
    wire = alignment.article("wire").sentences[0]
    assert set(wire.groups) == {group["daily"], group["agency"]}


def test_wire_copy_three_outlets_carry_is_compared_whole_only() -> None:
    """Clauses of a sentence that three outlets carry with the same words would only pair with
    each other again: they are left out (cost), while a sentence two outlets carry keeps them."""
    long = (
        "Rescuers searched the rubble of Longtoushan township for survivors on Monday, as the number "
        "of people killed by the Ludian earthquake rose to 398, according to officials in Yunnan."
    )
    reordered = long.replace("for survivors on Monday,", "on Monday for survivors,")
    two = build_nodes([article("a", long), article("b", reordered), article("c", "Rescue teams arrived.")])
    three = build_nodes([article("a", long), article("b", reordered), article("c", long)])
    assert sum(node.clause for node in two) == 4
    assert not any(node.clause for node in three)


def test_a_sentence_carrying_two_claims_does_not_bridge_them_into_one_group() -> None:
    """Outlet a reports the death toll, c the storm's landfall, b both in one sentence: b is in both
    claims, and the two claims stay apart although b matches a and c better than they match."""
    texts = {
        "a": "The storm killed six people in the port town of Bluefields on the Caribbean coast on Monday.",
        "b": "Hurricane Ivo came ashore as a Category 4 storm on Monday, tearing off roofs along the coast, "
        "and killed six people in the port town of Bluefields.",
        "c": "Hurricane Ivo came ashore as a Category 4 storm on Monday, tearing off roofs along the coast.",
    }
    articles = [article(source, text) for source, text in texts.items()]
    alignment = Alignment(articles, Aligner().run(articles))
    toll, landfall = (alignment.article(source).sentences[0].group for source in "ac")
    assert toll != landfall
    assert set(alignment.article("b").sentences[0].groups) == {toll, landfall}
