"""Drawing the rows of ``AlignedPanes``: every pane's cell of a row joined into strips, kept.

A key press redraws two rows at most (the row the cursor left and the one it reached), so what
each row costs is what a key costs. Rows are kept once drawn, and so are the component styles
they are drawn with: resolving one (``solid_component_style``) walks the widget's ancestors, and
a row asked for a dozen of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.cache import LRUCache
from textual.strip import Strip
from textual.style import Style

from tui.alignment.model import PairComparison
from tui.alignment.rows import Row
from tui.ui.widgets.pane_cell import CellStyles, cell_lines, cursor_comparisons
from tui.ui.widgets.pane_layout import DIVIDER, Layout
from tui.ui.widgets.solid_style import solid_component_style

if TYPE_CHECKING:
    from tui.ui.widgets.aligned_panes import AlignedPanes

# Rendered rows kept: a few screens of rows.
STRIP_CACHE = 512


class RowPainter:
    """The rows of one ``AlignedPanes`` as strips, each drawn once until something it shows
    changes, and the panes' component styles, resolved once until the styles change."""

    def __init__(self, panes: AlignedPanes) -> None:
        self._panes = panes
        self._strips: LRUCache[tuple[int, bool], list[Strip]] = LRUCache(STRIP_CACHE)
        self._rich: dict[str, RichStyle] = {}
        self._styles: dict[str, Style] = {}
        self._base: RichStyle | None = None

    # -- what is kept ------------------------------------------------------------------------

    def clear(self) -> None:
        """Every row is drawn again (new rows, sources, width, annotations)."""
        self._strips.clear()

    def restyle(self) -> None:
        """The theme or the CSS changed: rows and styles are resolved again."""
        self._strips.clear()
        self._rich.clear()
        self._styles.clear()
        self._base = None

    def discard(self, row: int, cursor: bool | None = None) -> None:
        """Row ``row`` is drawn again (as the cursor row, as a plain row, or both: None)."""
        for is_cursor in (True, False) if cursor is None else (cursor,):
            self._strips.discard((row, is_cursor))

    # -- styles ------------------------------------------------------------------------------

    def rich(self, name: str) -> RichStyle:
        """A component's style with translucent and ``auto`` colours made solid on the background.

        Terminals have no alpha, so ``$primary 25%`` must become a solid colour here.
        """
        style = self._rich.get(name)
        if style is None:
            style = self._rich[name] = solid_component_style(self._panes, name)
        return style

    def style(self, name: str) -> Style:
        """``rich`` as a Textual style, for ``Content``."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = Style.from_rich_style(self.rich(name))
        return style

    @property
    def base(self) -> RichStyle:
        """The panes' own style (background and text colour) under every strip."""
        if self._base is None:
            self._base = self._panes.rich_style
        return self._base

    # -- rows --------------------------------------------------------------------------------

    def row(self, index: int, layout: Layout) -> list[Strip]:
        """Row ``index`` of the panes, one strip per line of ``layout.heights[index]``."""
        panes = self._panes
        is_cursor = index == panes.cursor
        key = (index, is_cursor)
        cached = self._strips.get(key)
        if cached is not None:
            return cached
        row = panes.rows[index]
        comparisons = (
            cursor_comparisons(panes.alignment, row, panes.sources, panes.side)
            if is_cursor and panes.compare_cursor and panes.alignment is not None
            else {}
        )
        if is_cursor and not panes.compare_cursor:
            panes.post_message(panes.DrawnWithoutComparing(panes))
        styles = CellStyles(self.style, self.rich, panes.labels)
        cells = [
            self._cell(row, pane, source, layout, comparisons.get(pane), styles)
            for pane, source in enumerate(panes.sources)
        ]
        height = layout.heights[index]
        base = self.base
        divider = Strip([Segment(DIVIDER, base + self.rich("aligned-panes--divider"))])
        cursor_styles = [self._cursor_style(pane) for pane in range(len(cells))] if is_cursor else []
        strips = []
        for number in range(height):
            parts: list[Strip] = []
            for pane, lines in enumerate(cells):
                cell = lines[number] if number < len(lines) else Strip.blank(layout.column)
                if is_cursor and number < height - 1:
                    cell = cell.apply_style(cursor_styles[pane])
                if pane:
                    parts.append(divider)
                parts.append(cell)
            joined = Strip.join(parts)
            strips.append(joined.adjust_cell_length(layout.width, base).apply_style(base))
        self._strips[key] = strips
        return strips

    def _cursor_style(self, pane: int) -> RichStyle:
        focused = pane == self._panes.side
        return self.rich("aligned-panes--cursor-focus" if focused else "aligned-panes--cursor")

    def _cell(
        self,
        row: Row,
        pane: int,
        source: str,
        layout: Layout,
        comparison: tuple[PairComparison, str] | None,
        styles: CellStyles,
    ) -> list[Strip]:
        panes = self._panes
        index = row.side(pane)
        sentence = panes.sentence(source, index)
        if sentence is None:
            return []
        tags = [
            t
            for t in panes.annotations.get(source, ())
            if t.start < sentence.end and sentence.start < t.end and not t.orphan
        ]
        selection = (panes.selection or (0, 0)) if panes.selecting(pane, index) else None
        return cell_lines(sentence, row.is_moved(pane), layout.column, comparison, tags, selection, styles)
