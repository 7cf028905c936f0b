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
from rich.cells import cell_len
from textual.content import Content

_WORD = re.compile(r"\s*\S+\s*")  # a word and the spaces after it, as ``divide_line`` splits
# Characters one cell wide that Textual keeps as they are (printable): a paragraph made only of
# them wraps as plain ASCII does. Grown as characters are met; the inspector's lines carry a few
# (· ▶ → … ⚠), and sent to Rich they cost a third of its share of each key's frame.
_NARROW = {chr(code) for code in range(0x20, 0x7F)}


def _narrow(text: str) -> bool:
    """True when every character of ``text`` is printable and one cell wide."""
    for character in set(text).difference(_NARROW):
        if not (character.isprintable() and cell_len(character) == 1):
            return False
        _NARROW.add(character)
    return True


def text_height(text: str, width: int) -> int:
    """Lines ``Content(text).wrap(width)`` gives (``text-wrap: wrap``, ``text-overflow: fold``)."""
    if "\t" in text:  # tabs expand to stops: leave those to Textual
        return len(Content(text).wrap(max(1, width)))
    width = max(1, width)
    return sum(_paragraph_height(line, width) for line in text.split("\n"))


def _paragraph_height(text: str, width: int) -> int:
    if not _narrow(text):  # wide, zero-width or control characters: Rich counts
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
