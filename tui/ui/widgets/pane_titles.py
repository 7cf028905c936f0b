"""PaneTitles: one title per pane, lined up with the columns of ``AlignedPanes``."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget

from tui.ui.widgets.display import one_line
from tui.ui.widgets.pane_layout import DIVIDER
from tui.ui.widgets.solid_style import solid_component_style


class PaneTitles(Widget):
    """Titles over the panes; the focused pane's title stands out."""

    DEFAULT_CSS = """
    PaneTitles { height: 1; }
    """

    COMPONENT_CLASSES = {"pane-titles--title", "pane-titles--focused"}

    titles: reactive[tuple[str, ...]] = reactive(())
    focused: reactive[int] = reactive(0)
    column: reactive[int] = reactive(40)

    def set_titles(self, titles: Sequence[str], focused: int, column: int) -> None:
        """Show ``titles`` over columns ``column`` cells wide, pane ``focused`` highlighted."""
        shown = (tuple(one_line(t) for t in titles), focused, max(4, column))
        # Asked at every key; most keys change no title, and drawing the line again cost as much
        # as the status line's.
        if shown == (self.titles, self.focused, self.column):
            return
        self.set_reactive(PaneTitles.titles, shown[0])
        self.set_reactive(PaneTitles.focused, shown[1])
        self.set_reactive(PaneTitles.column, shown[2])
        self.refresh()

    def _style(self, name: str) -> Style:
        return Style.from_rich_style(solid_component_style(self, name))

    def render(self) -> Content:
        parts: list[Content] = []
        width = self.column
        for pane, title in enumerate(self.titles):
            text = Content(f" {title}").truncate(width, ellipsis=True, pad=True)
            style = "pane-titles--focused" if pane == self.focused else "pane-titles--title"
            if pane:
                parts.append(Content(" " * len(DIVIDER)))
            parts.append(text.stylize(self._style(style)))
        return Content("").join(parts)
