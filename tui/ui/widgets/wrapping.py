"""How many lines Textual's ``Content`` wrapping gives a text, counted without building them.

``Content.wrap`` and ``Content.get_height`` split the text at line breaks, then break each
paragraph with Rich's ``divide_line`` (folding words longer than the width) and build a styled
line per break. Counting the breaks alone gives the same height for a fraction of the cost: the
panes measure a pane of new sentences at every ``]``, and the inspector's height is asked at two
widths (with and without a scrollbar) at every key.
"""

from __future__ import annotations

from rich._wrap import divide_line
from textual.content import Content


def text_height(text: str, width: int) -> int:
    """Lines ``Content(text).wrap(width)`` gives (``text-wrap: wrap``, ``text-overflow: fold``)."""
    if "\t" in text:  # tabs expand to stops: leave those to Textual
        return len(Content(text).wrap(max(1, width)))
    width = max(1, width)
    return sum(len(divide_line(line, width, fold=True)) + 1 for line in text.split("\n"))
