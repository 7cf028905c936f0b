"""Typed divergences: what a fact-checker is shown when two versions of a claim disagree."""

from __future__ import annotations

import pytest

from tui.alignment.divergences import find_divergences
from tui.alignment.mentions import numbers_and_dates
from tui.alignment.model import Divergence


def flagged(
    a: str, b: str, a_before: tuple[str, ...] = (), b_before: tuple[str, ...] = ()
) -> list[tuple[str, str, str]]:
    """(type, text in a, text in b) of every non-minor divergence, checked against the offsets."""
    found = find_divergences(a, b, a_before, b_before)
    for d in found:
        assert a[d.a_start : d.a_end] == d.a_text and b[d.b_start : d.b_end] == d.b_text
    return [(d.type, d.a_text, d.b_text) for d in found if not d.minor]


def test_more_injured_and_evacuated_are_numbers_and_the_dateline_is_not() -> None:
    a = "BRUSSELS, March 3 (Reuters) - 12 people were injured and 300 were evacuated from the port."
    b = "21 people were injured and 3000 were evacuated from the port, police said."
    assert flagged(a, b) == [("number", "12", "21"), ("number", "300", "3000")]


def test_weekday_changed_in_the_same_sentence() -> None:
    a = "The port reopened on Tuesday after the storm."
    b = "The port reopened on Wednesday after the storm."
    assert flagged(a, b) == [("date", "Tuesday", "Wednesday")]


def test_dates_of_different_events_are_not_compared() -> None:
    a = "The backing positions Rutte to succeed Jens Stoltenberg, who is set to step down in October."
    b = "A successor is expected to be announced before a July summit in Washington."
    assert [t for t, _, _ in flagged(a, b)] == []


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "Two-thirds of the houses were damaged.",
            "Half of the houses were damaged.",
            ("Two-thirds", "Half"),
        ),
        ("A dozen people were hurt.", "Twenty people were hurt.", ("A dozen", "Twenty")),
        (
            "Some 16 other members back him.",
            "More than 20 other members back him.",
            ("Some 16", "More than 20"),
        ),
    ],
)
def test_number_words_are_numbers(a: str, b: str, expected: tuple[str, str]) -> None:
    assert flagged(a, b) == [("number", *expected)]


def test_same_quantity_worded_differently_is_not_a_divergence() -> None:
    a = "Rutte has the backing of some 16 other NATO members."
    b = "Rutte has the backing of approximately 16 other NATO members."
    assert flagged(a, b) == []


def test_dates_are_never_numbers() -> None:
    found = numbers_and_dates(
        "On Wednesady, the 21st of February, Stoltenberg, in office since 2014, met 31 leaders."
    )
    assert [(m.type, m.value) for m in found] == [
        ("date", "wednesday"),
        ("date", "february 21"),
        ("date", "2014"),
        ("number", "31"),
    ]


def test_replaced_speaker_is_attribution_even_in_a_long_run() -> None:
    a = "Port authority spokeswoman Lena Ostrova said the port would stay closed."
    b = "Mayor Ivo Brandt, not the port authority, said the port would stay closed."
    assert flagged(a, b) == [("attribution", "Port authority spokeswoman Lena Ostrova", "Mayor Ivo Brandt")]


def test_the_spokesperson_is_resolved_from_earlier_sentences_of_the_same_source() -> None:
    a = "Backing Rutte, the British Foreign Office said he was a well-respected figure across NATO."
    b = "The spokesperson said that Rutte was well respected across the Alliance."
    b_before = (
        "According to the spokesperson, the UK wanted a strong candidate.",
        "UK Prime Minister Rishi Sunak's spokesman told reporters on Thursday that Britain backs Rutte.",
    )
    (found,) = [d for d in find_divergences(a, b, (), b_before) if d.type == "attribution"]
    assert found.a == "the British Foreign Office"
    assert found.b_text == "The spokesperson"
    assert "Rishi Sunak" in found.b


def test_same_speaker_worded_differently_is_not_a_divergence() -> None:
    a = "Backing Rutte, the British Foreign Office said he was respected."
    b = "Meanwhile, Britain's Foreign Ministry said Rutte was respected."
    assert [t for t, _, _ in flagged(a, b)] == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A headline in Title Case is not a row of names.
        (
            "Get US To UK Support, Dutch PM Mark Rutte Strong Candidate For NATO Secretary General",
            "Rutte is the frontrunner to replace Jens Stoltenberg and the push by Washington has put him in "
            "a strong position to clinch the post.",
        ),
        (
            "A senior French official said President Emmanuel Macron had been an early supporter of putting "
            "the Dutchman in the role.",
            "A senior French official said President Emmanuel Macron was the initial supporter of Rutte's "
            "placement in the role.",
        ),
        (
            "Rutte has had good relationships with various British, European Union and U.S. leaders.",
            "Rutte is known to have good relations with various leaders of Britain, the European Union and "
            "the United States.",
        ),
    ],
)
def test_rewording_is_not_a_name_divergence(a: str, b: str) -> None:
    assert flagged(a, b) == []


def test_spelling_and_transliteration_variants_are_minor() -> None:
    a = "There was also no word from Hungary and Türkiye, which are regarded as potential holdouts."
    b = "There has also been no news from Hungary and Turkey, which are regarded as potential holdouts."
    found = find_divergences(a, b)
    assert [(d.type, d.a, d.b, d.minor) for d in found] == [("name", "Türkiye", "Turkey", True)]


def test_a_different_name_in_the_same_slot() -> None:
    a = "The ferry was bound for Split when it sank."
    b = "The ferry was bound for Dubrovnik when it sank."
    assert flagged(a, b) == [("name", "Split", "Dubrovnik")]


def test_mistranslated_quote_and_a_quote_only_paraphrased() -> None:
    a = (
        "A German government spokesperson said Rutte had Berlin's backing, praising him as "
        '"an outstanding candidate."'
    )
    b = (
        "A German government spokesman said Rutte had the support of Berlin and praised it as an "
        '"extraordinary mandate".'
    )
    assert flagged(a, b) == [("quote", "an outstanding candidate.", "extraordinary mandate")]
    c = "A German spokesman said Rutte had Berlin's support, calling him an outstanding, able candidate."
    assert flagged(a, c) == [("quote", "an outstanding candidate.", "")]
    # A quotation about something else (two sentences run together on a page) is not paraphrased.
    d = "A German government spokesman said Rutte had the support of Berlin."
    assert flagged(a, d) == []


def test_quote_cut_short_or_with_an_editors_bracket_is_the_same_quote() -> None:
    a = '"President (Joe) Biden strongly endorses PM Rutte\'s candidacy," a U.S. official said.'
    b = 'A US official said: "President Biden strongly endorses PM Rutte\'s candidacy. He is a leader."'
    assert flagged(a, b) == []


def test_divergence_keeps_the_old_fields() -> None:
    old = Divergence("number", "16", "20")
    assert (old.type, old.a, old.b, old.minor) == ("number", "16", "20", False)
