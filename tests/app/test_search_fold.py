"""Search's fast fold of ASCII text finds exactly what the per-character fold finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.corpus.text import fold
from tui.ui.screens.search import _folded, folded_per_character, match_spans


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_text_folds_as_each_character_would(text: str) -> None:
    assert _folded(text) == folded_per_character(text)


@given(st.text(alphabet=st.characters(max_codepoint=127)), st.text(min_size=1, max_size=4))
def test_spans_cover_the_matched_words(text: str, query: str) -> None:
    for start, end in match_spans(text, query):
        assert " ".join(fold(" ".join(query.split())).split()) in folded_per_character(text[start:end])[0]


def test_a_query_that_folds_to_a_space_matches_nothing() -> None:
    assert match_spans("a b", "\u00a8") == []  # a diaeresis alone folds to a space


def test_backquote_and_case_fold_like_the_aligner() -> None:
    assert match_spans("It was `Rutte`  AND\tthe State", "'rutte' and the state") == [(7, 29)]
