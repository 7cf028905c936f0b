"""ClaimMatrix: the claim x source table as one Line-API view, one line per claim.

A DataTable measured and drew every cell of every row when it opened (300 x 103 cells at 100
sources); this view asks the screen for a row's line only when it comes into view, and keeps the
drawn lines in a bounded cache. The header stays on the top line and scrolls sideways with the
rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from tui.ui.widgets.solid_style import solid_component_style

LINE_CACHE = 256  # drawn lines kept: a few screens of claims


class ClaimMatrix(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of claims under a header line, with a row cursor; ``enter`` or a click selects.

    The screen hands down the row keys (claim ids) and a function drawing a row's line
    (``show``); it says when a row's line changed (``refresh_key``).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "move_to(0)", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("left", "scroll_left", "Scroll left", show=False),
        Binding("right", "scroll_right", "Scroll right", show=False),
        Binding("enter", "select", "Select", show=False),
    ]

    COMPONENT_CLASSES = {"claim-matrix--header", "claim-matrix--cursor", "claim-matrix--even"}

    cursor: reactive[int] = reactive(0)

    @dataclass
    class Selected(Message):
        """The reader chose the row of claim ``key``."""

        matrix: ClaimMatrix
        key: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.keys: list[int] = []
        self._header = Content("")
        self._line: Callable[[int], Content] = lambda key: Content("")
        self._rows: dict[int, int] = {}
        self._strips: LRUCache[tuple[int, bool], Strip] = LRUCache(LINE_CACHE)
        self._fixed = 0  # leading cells that do not scroll sideways (the claim's number and count)

    # -- data ------------------------------------------------------------------------------

    def show(
        self,
        header: Content,
        keys: Sequence[int],
        line: Callable[[int], Content],
        width: int,
        cursor: int = 0,
        fixed: int = 0,
    ) -> None:
        """Show a row per key in ``keys``, each drawn by ``line(key)``, ``width`` cells wide; the
        first ``fixed`` cells of every line stay in place when the rows scroll sideways."""
        self._header, self.keys, self._line = header, list(keys), line
        self._fixed = fixed
        self._rows = {key: number for number, key in enumerate(self.keys)}
        self._strips.clear()
        self.virtual_size = Size(width, len(self.keys) + 1)  # the header line, then the rows
        self.set_reactive(ClaimMatrix.cursor, max(0, min(cursor, len(self.keys) - 1)))
        self.refresh()
        self.call_after_refresh(self.scroll_to_cursor)

    @property
    def row_count(self) -> int:
        """How many claims are listed."""
        return len(self.keys)

    @property
    def current(self) -> int | None:
        """The claim id under the cursor (None for an empty list)."""
        return self.keys[self.cursor] if self.keys else None

    def row_text(self, key: int) -> str:
        """The plain text of claim ``key``'s row."""
        return self._line(key).plain

    def refresh_key(self, key: int) -> None:
        """Claim ``key``'s line changed (its flags arrived): draw it again if it is listed."""
        number = self._rows.get(key)
        if number is None:
            return
        self._strips.discard((number, True))
        self._strips.discard((number, False))
        y = number - int(self.scroll_offset.y) + 1
        if 1 <= y < self.size.height:
            self.refresh_line(y)

    def notify_style_update(self) -> None:
        """Theme or CSS changed: drawn lines carry old colours."""
        super().notify_style_update()
        self._strips.clear()

    def on_focus(self) -> None:
        self._strips.discard((self.cursor, True))  # the cursor row is drawn brighter with focus
        self.refresh()

    def on_blur(self) -> None:
        self._strips.discard((self.cursor, True))
        self.refresh()

    # -- movement --------------------------------------------------------------------------

    def _visible_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def watch_cursor(self, old: int, new: int) -> None:
        for number in (old, new):
            self._strips.discard((number, True))
            self._strips.discard((number, False))
        self.scroll_to_cursor()
        self.refresh()

    def scroll_to_cursor(self) -> None:
        """Scroll the least needed to show the cursor's row below the header."""
        top, visible = int(self.scroll_offset.y), self._visible_rows()
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        self.action_move_to(self.cursor + step)

    def action_move_to(self, row: int) -> None:
        if self.keys:
            self.cursor = max(0, min(row, len(self.keys) - 1))

    def action_page(self, direction: int) -> None:
        self.action_move(direction * self._visible_rows())

    def action_last(self) -> None:
        self.action_move_to(len(self.keys) - 1)

    def action_select(self) -> None:
        if self.keys:
            self.post_message(self.Selected(self, self.keys[self.cursor]))

    def on_click(self, event: events.Click) -> None:
        if event.y < 1:  # the header
            return
        number = int(self.scroll_offset.y) + event.y - 1
        if 0 <= number < len(self.keys):
            self.cursor = number
            self.action_select()

    # -- rendering -------------------------------------------------------------------------

    def _rich(self, name: str) -> RichStyle:
        return solid_component_style(self, name)

    def _strip(
        self, content: Content, under: RichStyle | None = None, over: RichStyle | None = None
    ) -> Strip:
        """``content`` as one line as wide as the table, with a component style ``under`` its own
        colours (a row tint) or ``over`` them (the cursor, whose text colour must win to stay
        legible on its background)."""
        width = max(self.virtual_size.width, self.size.width)
        segments = content.render_segments(Style.null())
        if over is not None:
            segments = list(Segment.apply_style(segments, post_style=over))
        strip = Strip(segments).adjust_cell_length(width)
        if under is not None:
            strip = strip.apply_style(under)
        return strip.apply_style(self.rich_style)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = (int(value) for value in self.scroll_offset)
        width = self.size.width
        if y == 0:
            strip = self._strip(self._header, under=self._rich("claim-matrix--header"))
        else:
            number = scroll_y + y - 1
            if number >= len(self.keys):
                return Strip.blank(width, self.rich_style)
            is_cursor = number == self.cursor
            cached = self._strips.get((number, is_cursor))
            if cached is None:
                cursor = self._rich("claim-matrix--cursor") if is_cursor else None
                even = self._rich("claim-matrix--even") if number % 2 == 0 else None
                cached = self._strip(self._line(self.keys[number]), under=even, over=cursor)
                self._strips[(number, is_cursor)] = cached
            strip = cached
        fixed = min(self._fixed, width)
        if not scroll_x or not fixed:
            return strip.crop(scroll_x, scroll_x + width)
        # The fixed cells, then the rest scrolled: the row's number stays beside its marks.
        return Strip.join([strip.crop(0, fixed), strip.crop(fixed + scroll_x, scroll_x + width)])
