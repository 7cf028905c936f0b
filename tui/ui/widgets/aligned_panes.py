"""AlignedPanes: two or more articles side by side in one Line-API scroll view.

One widget draws every column of a row into each strip, padding each row to its tallest cell, so
the panes can never drift apart and share one scrollbar. Only visible lines are rendered, and
rendered rows are kept in a bounded cache, so 100 sources do not cost 100 widgets.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.color import Color
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.alignment.result import Alignment
from tui.alignment.rows import Row
from tui.annotations.model import Annotation
from tui.corpus.model import Sentence
from tui.ui.widgets.pane_layout import DIVIDER, GUTTER, column_width, wrapped_height
from tui.ui.widgets.pane_layout import Layout as _Layout
from tui.ui.widgets.pane_rows import RowPainter

# Wrapped heights kept: every sentence of a big folder, at a few widths.
HEIGHT_CACHE = 50_000


class AlignedPanes(ScrollView, can_focus=True, inherit_bindings=False):
    """Sources side by side, one sentence and its counterparts per row.

    The screen owns what is shown and hands it down (``show``, ``annotations``, ``labels``,
    ``selection``); the panes own only the cursor and the focused pane, and say when they move.

    Scrolling keys of ScrollView are not inherited: arrows move the row cursor and a page key
    moves the cursor a screenful (the screen binds both), so the view and the cursor never part.
    """

    # No keys of its own (not even ScrollView's): the screen binds moving, so every key can say
    # "still loading" before there are rows.
    BINDINGS: ClassVar[list[BindingType]] = []

    COMPONENT_CLASSES = {
        "aligned-panes--identical",
        "aligned-panes--near-identical",
        "aligned-panes--paraphrase",
        "aligned-panes--unique",
        "aligned-panes--boilerplate",
        "aligned-panes--gutter-identical",
        "aligned-panes--gutter-near-identical",
        "aligned-panes--gutter-paraphrase",
        "aligned-panes--gutter-unique",
        "aligned-panes--gutter-boilerplate",
        "aligned-panes--cursor",
        "aligned-panes--cursor-focus",
        "aligned-panes--insert",
        "aligned-panes--delete",
        "aligned-panes--replace",
        "aligned-panes--minor",
        "aligned-panes--divergence",
        "aligned-panes--divider",
        "aligned-panes--empty",
        "aligned-panes--tag",
        "aligned-panes--gutter-tag",
        "aligned-panes--selection",
        *(f"aligned-panes--label-{n}" for n in range(1, 7)),
    }

    cursor: reactive[int] = reactive(0, always_update=True)
    side: reactive[int] = reactive(0)  # the focused pane, 0 = leftmost

    @dataclass
    class RowChanged(Message):
        """The current row (or the focused pane) changed."""

        panes: AlignedPanes
        row: int
        side: int

        def can_replace(self, message: Message) -> bool:
            # Only the latest position matters: a burst of moves updates the inspector once.
            return isinstance(message, AlignedPanes.RowChanged) and message.panes is self.panes

    @dataclass
    class DrawnWithoutComparing(Message):
        """The cursor row was drawn without its word differences (``compare_cursor`` is off):
        posted while that frame is drawn, so it arrives once the frame is on screen."""

        panes: AlignedPanes

    @dataclass
    class ColumnsChanged(Message):
        """The width of a pane changed (a resize, a scrollbar, a pane added): titles follow."""

        panes: AlignedPanes
        column: int

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None):
        super().__init__(name=name, id=id, classes=classes)
        self.alignment: Alignment | None = None
        self.sources: tuple[str, ...] = ()
        self.rows: list[Row] = []
        self._layout: _Layout | None = None
        self._layout_column = 0
        self._painter = RowPainter(self)
        self._heights: LRUCache[tuple[str, int, int], int] = LRUCache(HEIGHT_CACHE)
        # Handed down by the screen: annotations by source, and label names with their colours.
        self.annotations: Mapping[str, Sequence[Annotation]] = {}
        self.labels: Sequence[tuple[str, Color | None]] = ()
        # Word selection in the focused cell of the current row, as offsets into the sentence.
        self.selection: tuple[int, int] | None = None
        # False: the cursor row is drawn without its word differences (until the screen says).
        self._compare_cursor = True
        self._top_pending = False  # a jump made before the first layout: scroll it to the top

    # -- data ------------------------------------------------------------------------------

    def show(self, alignment: Alignment, sources: Sequence[str], rows: list[Row], cursor: int = 0) -> None:
        """Show ``sources`` (one pane each) as ``rows``, with the cursor on row ``cursor``."""
        if alignment is not self.alignment:
            self._heights.clear()
        self.alignment, self.sources, self.rows = alignment, tuple(sources), rows
        self._invalidate()
        if self.side >= len(self.sources):
            self.set_reactive(AlignedPanes.side, max(0, len(self.sources) - 1))
        self.set_reactive(AlignedPanes.cursor, max(0, min(cursor, len(rows) - 1)))
        self._update_layout()
        self.call_after_refresh(self.scroll_to_cursor)
        self.post_message(self.RowChanged(self, self.cursor, self.side))

    def set_annotations(
        self, annotations: Mapping[str, Sequence[Annotation]], labels: Sequence[tuple[str, Color | None]]
    ) -> None:
        """New annotations (or label colours) to draw: rows are drawn again."""
        self.annotations, self.labels = annotations, labels
        self.refresh_tags()

    @property
    def compare_cursor(self) -> bool:
        """Whether the cursor row is coloured with its comparisons (it costs a comparison)."""
        return self._compare_cursor

    @compare_cursor.setter
    def compare_cursor(self, value: bool) -> None:
        if value != self._compare_cursor:
            self._compare_cursor = value
            self._painter.discard(self.cursor, cursor=True)
            self._refresh_row(self.cursor)

    @property
    def current(self) -> Row | None:
        """The row under the cursor."""
        return self.rows[self.cursor] if self.rows and 0 <= self.cursor < len(self.rows) else None

    def source_of(self, pane: int) -> str:
        """The source id shown in pane ``pane``."""
        return self.sources[pane]

    def _invalidate(self) -> None:
        self._painter.clear()
        self._layout = None

    def notify_style_update(self) -> None:
        """Theme or CSS changed: rendered rows carry old colours."""
        super().notify_style_update()
        self._painter.restyle()

    # -- geometry --------------------------------------------------------------------------

    def _update_layout(self) -> _Layout:
        width = self.scrollable_content_region.width or self.size.width
        if self._layout is not None and self._layout.width == width:
            return self._layout
        self._painter.clear()
        column = column_width(width or self.app.size.width, len(self.sources))
        text_width = column - GUTTER
        tops, heights, top = [], [], 0
        # Not laid out yet (a cached corpus is shown before the first layout): a row a line
        # until the first layout gives the width. Wrapping every sentence at a guessed width
        # cost the first screen tens of milliseconds, and was thrown away.
        for row in self.rows if width else ():
            height = max(
                1,
                *(
                    self._lines_needed(source, row.side(pane), text_width)
                    for pane, source in enumerate(self.sources)
                ),
            )
            tops.append(top)
            heights.append(height + 1)  # a blank line between rows
            top += height + 1
        if not width:
            tops, heights = list(range(0, 2 * len(self.rows), 2)), [2] * len(self.rows)
        previous = self._layout_column
        self._layout = _Layout(width, column, tops, heights)
        self._layout_column = column
        self._set_virtual_size(Size(width, self._layout.total))
        if column != previous:
            self.post_message(self.ColumnsChanged(self, column))
        return self._layout

    def _set_virtual_size(self, size: Size) -> None:
        """Scroll over ``size`` lines, with a layout of the screen only if the scrollbar comes or goes.

        Setting ``virtual_size`` lays the whole screen out again (Textual: ``layout=True``), though
        the panes keep their size: at every ``]`` that was a third of the key's frame. While the
        vertical scrollbar stays, what that layout did for the panes is done here (the thumb and
        the scroll limits; ``ScrollView._size_updated`` does the same). Checked against Textual 8.2.
        """
        if size == self.virtual_size:
            return
        viewport = self.container_size
        scrollbar = size.height > viewport.height
        if (
            not viewport
            or size.width != self.virtual_size.width
            or size.width > viewport.width
            or scrollbar != self.show_vertical_scrollbar
        ):
            self.virtual_size = size
            return
        self.set_reactive(ScrollView.virtual_size, size)
        self._scroll_update(size)
        self.refresh()

    @property
    def column_width(self) -> int:
        """Cells per pane (gutter included) at the current width."""
        return self._update_layout().column

    def on_resize(self, event: events.Resize) -> None:
        self._update_layout()
        top, self._top_pending = self._top_pending, False
        self.call_after_refresh(self.scroll_to_cursor, top)

    def sentence(self, source: str, index: int | None) -> Sentence | None:
        """Sentence ``index`` of ``source`` (None for an empty cell)."""
        if index is None or self.alignment is None:
            return None
        return self.alignment.article(source).sentences[index]

    def _lines_needed(self, source: str, index: int | None, width: int) -> int:
        """Wrapped height of a sentence, remembered across source switches and redraws."""
        if index is None:
            return 0
        key = (source, index, width)
        height = self._heights.get(key)
        if height is None:
            sentence = self.sentence(source, index)
            assert sentence is not None
            height = wrapped_height(sentence.text, width)
            self._heights[key] = height
        return height

    def row_region(self, row: int) -> Region:
        """The lines a row occupies, in virtual coordinates."""
        layout = self._update_layout()
        if not layout.tops:
            return Region(0, 0, layout.width, 1)
        return Region(0, layout.tops[row], layout.width, layout.heights[row])

    def scroll_to_cursor(self, top: bool = False) -> None:
        """Bring the current row into view (at the top for a jump, minimally for a step)."""
        if self.rows:
            # Immediate, not on the next frame: a key pressed meanwhile must see the same view.
            self.scroll_to_region(
                self.row_region(self.cursor), animate=False, force=True, top=top, immediate=True
            )
            # Textual moves the scrollbar's thumb only while the scrollbar is shown: a scroll
            # made before the first layout left the thumb at the top of a scrolled view.
            self.vertical_scrollbar.position = self.scroll_y

    def jump_to(self, row: int) -> None:
        """Put the cursor on ``row`` and scroll it to the top of the view."""
        self.move_to(row)
        if self.size.height:
            self.scroll_to_cursor(top=True)
        else:  # not laid out yet (the first frame of a cached corpus): once it has a size
            self._top_pending = True

    # -- movement --------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        for row in {old, new}:
            self._painter.discard(row)
        self.scroll_to_cursor()  # a scroll repaints the whole view; else only the two rows
        for row in {old, new}:
            self._refresh_row(row)
        self.post_message(self.RowChanged(self, new, self.side))

    def watch_side(self, side: int) -> None:
        self._painter.discard(self.cursor, cursor=True)  # only the cursor row shows the focused pane
        self._refresh_row(self.cursor)
        self.post_message(self.RowChanged(self, self.cursor, side))

    def move_to(self, row: int) -> None:
        """Put the cursor on ``row`` (clamped)."""
        if self.rows:
            self.cursor = max(0, min(row, len(self.rows) - 1))

    def action_page(self, direction: int) -> None:
        """Move the cursor by about one screenful of lines."""
        layout = self._update_layout()
        if not layout.tops:
            return
        target_line = layout.tops[self.cursor] + direction * max(1, self.size.height - 2)
        row = max(0, bisect_right(layout.tops, max(0, target_line)) - 1)
        if row == self.cursor:
            row += direction
        self.move_to(row)

    def on_click(self, event: events.Click) -> None:
        layout = self._update_layout()
        if not layout.tops:
            return
        y = event.y + int(self.scroll_offset.y)
        row = max(0, bisect_right(layout.tops, y) - 1)
        self.side = min(len(self.sources) - 1, max(0, event.x // (layout.column + len(DIVIDER))))
        self.move_to(row)

    # -- rendering -------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        layout = self._update_layout()
        line = y + int(self.scroll_offset.y)
        if not layout.tops or line >= layout.total:
            return Strip.blank(self.size.width, self._painter.base)
        row = bisect_right(layout.tops, line) - 1
        strip = self._painter.row(row, layout)[line - layout.tops[row]]
        return strip.crop(int(self.scroll_offset.x), int(self.scroll_offset.x) + self.size.width)

    def _refresh_row(self, row: int) -> None:
        """Repaint only the lines of ``row`` (a cursor move changes two rows, not the view)."""
        layout = self._update_layout()
        if 0 <= row < len(layout.tops):
            self.refresh_lines(layout.tops[row], layout.heights[row])

    def refresh_tags(self) -> None:
        """Annotations or the selection changed: draw the rows again."""
        self._painter.clear()
        self.refresh()

    def selecting(self, pane: int, index: int | None) -> bool:
        """True for the focused cell of the current row while words are being selected."""
        row = self.current
        if self.selection is None or row is None:
            return False
        return pane == self.side and row.side(pane) == index
