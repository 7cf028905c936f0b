"""AlignedPanes: two articles side by side in one Line-API scroll view.

One widget draws both columns of every row into each strip, padding each row to its taller cell,
so the panes can never drift apart and share one scrollbar. Only visible lines are rendered, and
rendered rows are cached per width, so 100 sources do not cost 100 widgets.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from tui.alignment.model import KIND_MARKS, Member, PairComparison
from tui.alignment.result import Alignment
from tui.alignment.rows import Row
from tui.annotations.model import Annotation
from tui.corpus.model import Sentence
from tui.ui.widgets.display import displayable
from tui.ui.widgets.pair_highlight import highlight_pair
from tui.ui.widgets.solid_style import solid_component_style

GUTTER = 4  # kind mark, moved mark, tag mark, space
TAG_MARK = "#"
DIVIDER = " │ "


@dataclass(frozen=True, slots=True)
class _Layout:
    width: int
    column: int  # cells per pane, gutter included
    tops: list[int]  # first line of each row
    heights: list[int]

    @property
    def total(self) -> int:
        return self.tops[-1] + self.heights[-1] if self.tops else 0


class AlignedPanes(ScrollView, can_focus=True, inherit_bindings=False):
    """Two sources side by side, one sentence and its counterpart per row.

    Scrolling keys of ScrollView are not inherited: arrows move the row cursor (the screen binds
    them), and a page key moves the cursor a screenful, so the view and the cursor never part.
    """

    BINDINGS = [
        Binding(
            "pagedown,space", "page(1)", "Page down", id="page-down", show=False, tooltip="Move a page down"
        ),
        Binding("pageup", "page(-1)", "Page up", id="page-up", show=False, tooltip="Move a page up"),
    ]

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
    side: reactive[str] = reactive("left")

    @dataclass
    class RowChanged(Message):
        """The current row (or the focused side) changed."""

        panes: AlignedPanes
        row: int
        side: str

        def can_replace(self, message: Message) -> bool:
            # Only the latest position matters: a burst of moves updates the inspector once.
            return isinstance(message, AlignedPanes.RowChanged) and message.panes is self.panes

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None):
        super().__init__(name=name, id=id, classes=classes)
        self.alignment: Alignment | None = None
        self.left = ""
        self.right = ""
        self.rows: list[Row] = []
        self._layout: _Layout | None = None
        self._strips: dict[tuple[int, bool], list[Strip]] = {}
        self._heights: dict[tuple[str, int, int], int] = {}
        # Set by the screen: the annotations of a source, and the style of a label.
        self.tags: Callable[[str], list[Annotation]] = lambda source: []
        self.label_style: Callable[[str], Style] = lambda label: Style()
        # Word selection in the focused cell of the current row, as offsets into the sentence.
        self.selection: tuple[int, int] | None = None

    # -- data ------------------------------------------------------------------------------

    def show(self, alignment: Alignment, left: str, right: str, rows: list[Row], cursor: int = 0) -> None:
        """Show ``left`` and ``right`` as ``rows``, with the cursor on row ``cursor``."""
        if alignment is not self.alignment:
            self._heights.clear()
        self.alignment, self.left, self.right, self.rows = alignment, left, right, rows
        self._invalidate()
        self.set_reactive(AlignedPanes.cursor, max(0, min(cursor, len(rows) - 1)))
        self._strips.clear()
        self._update_layout()
        self.call_after_refresh(self.scroll_to_cursor)
        self.post_message(self.RowChanged(self, self.cursor, self.side))

    @property
    def current(self) -> Row | None:
        """The row under the cursor."""
        return self.rows[self.cursor] if self.rows and 0 <= self.cursor < len(self.rows) else None

    def source_of(self, side: str) -> str:
        """The source id shown on ``side``."""
        return self.left if side == "left" else self.right

    def _invalidate(self) -> None:
        self._strips.clear()
        self._layout = None

    def notify_style_update(self) -> None:
        """Theme or CSS changed: rendered rows carry old colours."""
        super().notify_style_update()
        self._strips.clear()

    # -- geometry --------------------------------------------------------------------------

    def _column_width(self, width: int) -> int:
        return max(GUTTER + 4, (width - len(DIVIDER)) // 2)

    def _update_layout(self) -> _Layout:
        width = self.scrollable_content_region.width or self.size.width or 80
        if self._layout is not None and self._layout.width == width:
            return self._layout
        self._strips.clear()
        column = self._column_width(width)
        text_width = column - GUTTER
        tops, heights, top = [], [], 0
        for row in self.rows:
            height = max(
                self._lines_needed(self.left, row.left, text_width),
                self._lines_needed(self.right, row.right, text_width),
                1,
            )
            tops.append(top)
            heights.append(height + 1)  # a blank line between rows
            top += height + 1
        self._layout = _Layout(width, column, tops, heights)
        self.virtual_size = Size(width, self._layout.total)
        return self._layout

    def on_resize(self, event: events.Resize) -> None:
        self._update_layout()
        self.call_after_refresh(self.scroll_to_cursor)

    def _sentence(self, source: str, index: int | None) -> Sentence | None:
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
            sentence = self._sentence(source, index)
            assert sentence is not None
            height = len(Content(displayable(sentence.text)).wrap(max(1, width)))
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

    def jump_to(self, row: int) -> None:
        """Put the cursor on ``row`` and scroll it to the top of the view."""
        self.move_to(row)
        if self.size.height:
            self.scroll_to_cursor(top=True)
        else:  # not laid out yet: scroll once it is
            self.call_after_refresh(self.scroll_to_cursor, True)

    # -- movement --------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        for row in {old, new}:
            self._strips.pop((row, True), None)
            self._strips.pop((row, False), None)
        self.scroll_to_cursor()
        self.refresh()
        self.post_message(self.RowChanged(self, new, self.side))

    def watch_side(self, side: str) -> None:
        self._strips = {key: strips for key, strips in self._strips.items() if not key[1]}
        self.refresh()
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
        self.side = "left" if event.x < layout.column else "right"
        self.move_to(row)

    # -- rendering -------------------------------------------------------------------------

    def _rich(self, name: str) -> RichStyle:
        """A component's style with translucent and ``auto`` colours made solid on the background.

        Terminals have no alpha, so ``$primary 25%`` must become a solid colour here.
        """
        return solid_component_style(self, name)

    def _style(self, name: str) -> Style:
        return Style.from_rich_style(self._rich(name))

    def render_line(self, y: int) -> Strip:
        layout = self._update_layout()
        line = y + int(self.scroll_offset.y)
        base = self.rich_style
        if not layout.tops or line >= layout.total:
            return Strip.blank(self.size.width, base)
        row = bisect_right(layout.tops, line) - 1
        strips = self._row_strips(row, layout)
        strip = strips[line - layout.tops[row]]
        return strip.crop(int(self.scroll_offset.x), int(self.scroll_offset.x) + self.size.width)

    def _comparison(self, row: Row) -> PairComparison | None:
        if self.alignment is None or row.left is None or row.right is None:
            return None
        return self.alignment.compare(Member(self.left, row.left), Member(self.right, row.right))

    def _row_strips(self, index: int, layout: _Layout) -> list[Strip]:
        is_cursor = index == self.cursor
        key = (index, is_cursor)
        if key in self._strips:
            return self._strips[key]
        row = self.rows[index]
        comparison = self._comparison(row) if is_cursor else None
        left_lines = self._cell_lines(self.left, row.left, row.left_moved, layout, comparison, "a")
        right_lines = self._cell_lines(self.right, row.right, row.right_moved, layout, comparison, "b")
        height = layout.heights[index]
        base = self.rich_style
        divider = Segment(DIVIDER, base + self._rich("aligned-panes--divider"))
        strips = []
        for number in range(height):
            left = left_lines[number] if number < len(left_lines) else Strip.blank(layout.column)
            right = right_lines[number] if number < len(right_lines) else Strip.blank(layout.column)
            if is_cursor and number < height - 1:
                left = left.apply_style(self._cursor_style("left"))
                right = right.apply_style(self._cursor_style("right"))
            joined = Strip.join([left, Strip([divider]), right])
            strips.append(joined.adjust_cell_length(layout.width, base).apply_style(base))
        self._strips[key] = strips
        return strips

    def _cursor_style(self, side: str) -> RichStyle:
        name = "aligned-panes--cursor-focus" if side == self.side else "aligned-panes--cursor"
        return self._rich(name)

    def refresh_tags(self) -> None:
        """Annotations or the selection changed: draw the rows again."""
        self._strips.clear()
        self.refresh()

    def _cell_lines(
        self,
        source: str,
        index: int | None,
        moved: bool,
        layout: _Layout,
        comparison: PairComparison | None,
        which: str,
    ) -> list[Strip]:
        sentence = self._sentence(source, index)
        if sentence is None:
            return []
        kind = str(sentence.kind)
        content = Content(displayable(sentence.text)).stylize(self._style(f"aligned-panes--{kind}"))
        if comparison is not None:
            content = highlight_pair(content, comparison, which, self._style)
        tags = [
            t for t in self.tags(source) if t.start < sentence.end and sentence.start < t.end and not t.orphan
        ]
        for tag in tags:
            start, end = max(0, tag.start - sentence.start), min(len(sentence.text), tag.end - sentence.start)
            style = self._style("aligned-panes--tag") + self.label_style(tag.label)
            content = content.stylize(style, start, end)
        if self._selecting(which, index):
            start, end = self.selection or (0, 0)
            content = content.stylize(self._style("aligned-panes--selection"), start, end)
        text_width = layout.column - GUTTER
        lines = content.wrap(max(1, text_width))
        gutter_style = self._rich(f"aligned-panes--gutter-{kind}")
        mark = KIND_MARKS[sentence.kind] + ("↕" if moved else " ")
        tag_mark = Segment(TAG_MARK if tags else " ", self._rich("aligned-panes--gutter-tag"))
        strips = []
        for number, line in enumerate(lines):
            gutter = Segment(mark if number == 0 else "  ", gutter_style)
            segments = [
                gutter,
                tag_mark if number == 0 else Segment(" "),
                Segment(" "),
                *line.render_segments(),
            ]
            strips.append(Strip(segments).adjust_cell_length(layout.column))
        return strips

    def _selecting(self, which: str, index: int | None) -> bool:
        """True for the focused cell of the current row while words are being selected."""
        row = self.current
        if self.selection is None or row is None:
            return False
        side = "left" if which == "a" else "right"
        return side == self.side and row.side(side) == index
