"""How many lines Textual's ``Content`` wrapping gives a text, counted without building them.

``Content.wrap`` and ``Content.get_height`` split the text at line breaks, then break each
paragraph with Rich's ``divide_line`` (folding words longer than the width) and build a styled
line per break. Counting the breaks alone gives the same height for a fraction of the cost: the
panes measure a pane of new sentences at every ``]``, and the inspector's height is asked at two
widths (with and without a scrollbar) at every key.
"""

from __future__ import annotations

import re

from rich._wrap import divide_line
from textual.content import Content

_WORD = re.compile(r"\s*\S+\s*")  # a word and the spaces after it, as ``divide_line`` splits


def text_height(text: str, width: int) -> int:
    """Lines ``Content(text).wrap(width)`` gives (``text-wrap: wrap``, ``text-overflow: fold``)."""
    if "\t" in text:  # tabs expand to stops: leave those to Textual
        return len(Content(text).wrap(max(1, width)))
    width = max(1, width)
    return sum(_paragraph_height(line, width) for line in text.split("\n"))


def _paragraph_height(text: str, width: int) -> int:
    if not (text.isascii() and text.isprintable()):  # wide or zero-width characters: Rich counts
        return len(divide_line(text, width, fold=True)) + 1
    # ``divide_line`` with a character a cell: the same decisions, counted instead of listed.
    lines, offset = 1, 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # folded into pieces of ``width`` characters
            pieces = -(-len(word) // width)
            lines += pieces if start else pieces - 1
            offset = len(word) - (pieces - 1) * width
        elif offset and start:
            lines += 1
            offset = len(word)
    return lines
