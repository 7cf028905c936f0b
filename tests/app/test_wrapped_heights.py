"""Heights counted without wrapping (the panes' rows, the inspector's box) are the heights
Textual draws: a row or box one line short would cut a sentence, one line long leaves a gap."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.content import Content

from tui.ui.widgets.display import displayable
from tui.ui.widgets.pane_layout import wrapped_height
from tui.ui.widgets.wrapping import text_height

# Words, runs of spaces, words longer than a line, wide characters, line breaks, tabs, bidi marks.
PIECES = st.sampled_from(
    ["a", "word", "Tuesday,", " ", "   ", "x" * 37, "日本語", "🙂", "\n", "\t", "\u202e", "é", "-"]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(min_value=1, max_value=90))
def test_text_height_is_the_number_of_lines_content_wraps_to(text: str, width: int):
    assert text_height(text, width) == len(Content(text).wrap(width))


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(min_value=1, max_value=90))
def test_a_sentence_takes_the_lines_its_cell_draws(text: str, width: int):
    assert wrapped_height(text, width) == len(Content(displayable(text)).wrap(width))


ASCII = st.lists(st.sampled_from(["a", "word", "it.", " ", "  ", "x" * 23, "y" * 61, ", "]), max_size=60)


@settings(max_examples=300, deadline=None)
@given(ASCII.map("".join), st.integers(min_value=1, max_value=70))
def test_plain_ascii_is_counted_like_rich_breaks_it(text: str, width: int):
    # The count made without Rich for plain ASCII: folds of long words, runs of spaces.
    assert text_height(text, width) == len(Content(text).wrap(width))


# The inspector's lines: one-cell characters beyond ASCII (· ▶ → … ⚠ “ ”), with the odd
# no-break space (not printable to Python) and wide character among them.
NARROW = st.lists(
    st.sampled_from(
        ["a", "word", " ", "  ", "·", "▶ ", "→", "…", "⚠", "“quoted”", "z" * 29, "Ωμέγα", "\xa0", "語"]
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(NARROW.map("".join), st.integers(min_value=1, max_value=70))
def test_one_cell_characters_beyond_ascii_are_counted_like_rich_breaks_them(text: str, width: int):
    assert text_height(text, width) == len(Content(text).wrap(width))
