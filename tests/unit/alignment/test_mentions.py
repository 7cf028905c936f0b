"""Shortcuts in reading numbers and dates change nothing: the same mentions as the full reading."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tui.alignment.mentions as mentions
from tui.alignment.context import verb_of

SENTENCES = st.lists(
    st.sampled_from(
        ["In", "2014", "2014Chinese", "1999s", "¹⁹⁹⁹", "２０１４", "May", "3", "killed", "Killing", ",", "."]
    ),
    max_size=12,
).map(" ".join)


@given(SENTENCES)
def test_a_sentence_without_digits_skips_the_year_search_with_the_same_mentions(text: str) -> None:
    found = mentions._numbers_and_dates_uncached(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(mentions, "_DIGIT_RE", re.compile(""))  # every sentence searched for years
        assert mentions._numbers_and_dates_uncached(text) == found


def test_the_event_of_a_word_is_the_same_asked_twice() -> None:
    assert verb_of("Killing") == verb_of("Killing") == "kill"
    assert verb_of("evacuated") == "evacuat" and verb_of("said") == ""
