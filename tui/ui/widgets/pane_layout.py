"""The geometry of the aligned panes: how many fit, how wide each is, where each row starts."""

from __future__ import annotations

from dataclasses import dataclass

from tui.ui.widgets.display import displayable
from tui.ui.widgets.wrapping import text_height

GUTTER = 4  # kind mark, moved mark, tag mark, space
DIVIDER = " │ "
# A pane narrower than this wraps sentences into slivers: more panes wait for a wider terminal.
MIN_PANE_WIDTH = 50


def width_for(panes: int) -> int:
    """The columns ``panes`` panes of ``MIN_PANE_WIDTH`` need, dividers included."""
    return panes * MIN_PANE_WIDTH + (panes - 1) * len(DIVIDER)


def panes_that_fit(width: int) -> int:
    """How many panes of at least ``MIN_PANE_WIDTH`` cells fit in ``width`` (at least two)."""
    return max(2, (width + len(DIVIDER)) // (MIN_PANE_WIDTH + len(DIVIDER)))


def column_width(width: int, panes: int) -> int:
    """Cells per pane (gutter included) when ``panes`` share ``width`` with dividers between."""
    count = max(1, panes)
    return max(GUTTER + 4, (width - len(DIVIDER) * (count - 1)) // count)


def wrapped_height(text: str, width: int) -> int:
    """Lines ``text`` takes in a cell ``width`` wide, as ``Content(displayable(text)).wrap(width)``
    draws it (``displayable`` leaves no line break or tab, so there is one paragraph to wrap)."""
    return text_height(displayable(text), width)


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the rows of the panes lie at one width."""

    width: int
    column: int  # cells per pane, gutter included
    tops: list[int]  # first line of each row
    heights: list[int]

    @property
    def total(self) -> int:
        """Lines of all rows."""
        return self.tops[-1] + self.heights[-1] if self.tops else 0
