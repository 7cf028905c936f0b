"""Term extraction: the words two outlets share must become the same terms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.alignment.scoring import overlap, sentence_terms


def terms(text: str) -> set[str]:
    return set(sentence_terms(text).boosts)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("a 6.1-magnitude quake", "a quake of magnitude 6.1"),
        ("the 16-day mission", "the mission lasts 16 days"),
        ("51.6 per cent of the vote", "51.6 percent of the vote"),
        ("6.7 million votes", "6,730,413 votes"),
        ("Fifteen people died", "15 people died"),
        ("winds of 160mph", "winds of 160 mph"),
        ("up to 64cm of rain", "up to 64 cm of rain"),
        ("the 31st storm on record", "storm number 31 on record"),
        ("Thirty-three people were injured", "33 people were injured"),
        ("Twenty six of the dead were in Bohol", "26 of the dead were in Bohol"),
    ],
)
def test_a_figure_written_two_ways_is_one_term(one: str, other: str) -> None:
    numbers = {t for t in terms(one) if t.startswith("#")}
    assert numbers and numbers <= terms(other)


def test_a_glued_unit_is_a_word_of_its_own() -> None:
    assert {"#1.6e+02", "mph"} <= terms("Winds of 160mph lashed the coast")
    assert "st" not in terms("the 31st storm")


def test_a_spelled_compound_is_one_number() -> None:
    # "twenty six" is 26, not the two numbers 20 and 6 that would match other figures.
    assert {t for t in terms("Twenty six were hurt") if t.startswith("#")} == {"#26"}


def test_a_decimal_point_is_kept() -> None:
    # Folding drops dots ("U.S." -> "us"); a magnitude of 6.1 is not 61.
    assert "#6.1" in terms("magnitude 6.1")
    assert terms("magnitude 6.1") != terms("magnitude 61")


def test_a_name_or_score_with_a_figure_is_not_a_number() -> None:
    # Splitting these made unrelated sentences pair on a heavily weighted "19", "16" or "4".
    for text in ("COVID-19 cases rose", "an F-16 jet crashed", "the team won 5-4"):
        assert not any(term.startswith("#") for term in terms(text)), text


def test_a_possessive_year_is_the_year() -> None:
    assert terms("2024's election") & terms("the 2024 election") >= {"#2024"}
    assert terms("2024\u2019s election") & terms("the 2024 election") >= {"#2024"}


def test_different_years_are_different_terms() -> None:
    # Rounded like other figures, 2004 and 2007 were both "about 2,000": every year met every year.
    assert not {t for t in terms("fraud in the 2004 election") if t.startswith("#")} & terms(
        "the 2007 election"
    )
    assert "#2e+03" in terms("2,000 people fled")


def test_a_hyphenated_name_stays_one_term() -> None:
    # "secretary-general" split would make every mention of the post look like a shared claim.
    assert "akufo-addo" in terms("Akufo-Addo won")
    assert not {"secretari", "general"} <= terms("the next secretary-general")


FIGURES_AND_WORDS = st.text(alphabet="abc 0123456789.-,%", max_size=40)


@given(FIGURES_AND_WORDS, FIGURES_AND_WORDS)
def test_overlap_is_symmetric_and_bounded(left: str, right: str) -> None:
    a, b = sentence_terms(left).boosts, sentence_terms(right).boosts
    dice, contained = overlap(a, b)
    assert (dice, contained) == pytest.approx(overlap(b, a))
    assert 0.0 <= dice <= contained + 1e-9 <= 1.0 + 1e-9


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("the bishop resigned on Monday", "the bishop announced his resignation on Monday"),
        ("the bishop will abdicate", "the bishop will resign"),
        ("the court convicted him", "judges found him guilty"),
        ("the tribunal ruled", "the court ruled"),
        ("a Spanish train", "a train in Spain"),
        ("Filipino officials", "officials in the Philippines"),
    ],
)
def test_news_words_for_one_fact_meet(one: str, other: str) -> None:
    assert terms(one) & terms(other) - {"bishop", "monday", "rule", "train", "official"}


def test_a_word_of_another_sense_does_not_meet_a_country() -> None:
    assert not terms("winds brought down power poles") & terms("Poland sent rescue teams")


def test_a_count_written_without_a_comma_meets_it_written_with_one() -> None:
    assert terms("About 1500 soldiers were sent") & terms("About 1,500 soldiers were sent") >= {"#1.5e+03"}


def test_a_tens_word_and_a_unit_apart_are_two_numbers() -> None:
    assert {t for t in terms("Police arrested twenty, one of them a minor") if t.startswith("#")} == {
        "#20",
        "#1",
    }


def test_the_word_list_read_without_wordfreq_is_wordfreqs_own() -> None:
    from wordfreq import get_frequency_dict

    from tui.alignment.scoring import _frequencies

    ours, theirs = _frequencies(), get_frequency_dict("en", wordlist="small")
    assert list(ours.items()) == list(theirs.items())  # same words, order and floats
