"""KeyFooter: the keys that work on a screen, drawn as one line the way Textual's footer draws them.

Textual's ``Footer`` is a scrolling container with a widget per key. On the reader's first screen
those nine widgets (mounted, styled with their component classes, measured, laid out, drawn) and
the container cost ~25 ms, a tenth of the whole start, to show one line of text. This widget
draws the same line, with the same theme variables, from the same bindings: a key and its
description per binding shown (one per action), dimmed when it does not work now, and the
command palette's key on the right behind a thin bar. A click presses the key; hovering shows
its tooltip; the mouse wheel scrolls a line wider than the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.strip import Strip
from textual.widget import Widget

from tui.ui.widgets.solid_style import solid_component_style


@dataclass(frozen=True, slots=True)
class FooterItem:
    """One key as the footer shows it."""

    key: str  # as a binding names it ("question_mark"), pressed on a click
    display: str  # as the footer shows it ("?")
    description: str
    enabled: bool
    tooltip: str
    palette: bool = False  # the command palette's key, on the right


class KeyFooter(Widget):
    """The footer of every reader screen: one line, redrawn only when its keys change.

    Looks as Textual's ``Footer`` does (not compact): ``footer-*`` theme variables, a key padded
    by a cell each side, its description followed by one; the palette's key compact, docked right.
    """

    ALLOW_SELECT = False

    COMPONENT_CLASSES = {
        "key-footer--item",
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--disabled",
        "key-footer--bar",
    }

    # Textual's ``Footer`` and ``FooterKey`` rules, for one widget: a self-contained widget that
    # must look like Textual's own in every theme, as the footers of Textual's screens do.
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeyFooter > .key-footer--item { background: $footer-item-background; }
    KeyFooter > .key-footer--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyFooter > .key-footer--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyFooter > .key-footer--hover { color: $footer-key-foreground; background: $block-hover-background; }
    KeyFooter > .key-footer--disabled { text-style: dim; }
    KeyFooter > .key-footer--bar { color: $foreground 20%; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.items: tuple[FooterItem, ...] = ()
        self._hover: int | None = None  # the item under the mouse
        self._scroll = 0  # cells of the keys scrolled off to the left
        self._spans: list[tuple[int, int, int]] = []  # (start, end, item) as last drawn

    def on_mount(self) -> None:
        # The screen's bindings are known once the footer is mounted in it: the first frame has
        # its keys, with no wait for the first "bindings changed" signal.
        self.items = self._shown()
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _shown(self) -> tuple[FooterItem, ...]:
        """The keys to show: each shown binding's first key per action, then the palette's."""
        app = self.app
        palette_key = app.COMMAND_PALETTE_BINDING
        items: list[FooterItem] = []
        palette: FooterItem | None = None
        actions: set[str] = set()
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.key == palette_key:
                if app.ENABLE_COMMAND_PALETTE:
                    palette = FooterItem(
                        binding.key,
                        app.get_key_display(binding),
                        binding.description,
                        enabled,
                        binding.tooltip or binding.description,
                        palette=True,
                    )
                if not binding.show:
                    continue
            if not binding.show or binding.action in actions:
                continue
            actions.add(binding.action)
            display = app.get_key_display(binding)
            items.append(FooterItem(binding.key, display, binding.description, enabled, tooltip))
        return (*items, palette) if palette is not None else tuple(items)

    def _bindings_changed(self, screen: object) -> None:
        # After the frame the change is part of, as Textual's footer does: the keys that work
        # follow a key press, they do not hold its frame back.
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._update_items)

    def _update_items(self) -> None:
        if not self.is_attached:
            return
        items = self._shown()
        if items != self.items:  # focus moves and returns from a dialog mostly change nothing
            self.items = items
            self._hover = None
            self.refresh()

    # -- drawing -----------------------------------------------------------------------------

    def _item_segments(self, number: int, item: FooterItem) -> list[Segment]:
        """``item`` as ``FooterKey`` draws it: key, description, over the item's own style."""
        style = self.get_component_rich_style
        if not item.description:  # the key alone, unpadded
            key, description = item.display, ""
        elif item.palette:  # compact: no padding round the key, one cell before the description
            key, description = item.display, f" {item.description}"
        else:
            key, description = f" {item.display} ", f"{item.description} "
        base = style("key-footer--hover" if number == self._hover else "key-footer--item")
        if not item.enabled:
            base += style("key-footer--disabled", partial=True)
        segments = [Segment(key, base + style("key-footer--key"))]
        if description:
            segments.append(Segment(description, base + style("key-footer--description")))
        return segments

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        background = RichStyle(bgcolor=self.rich_style.bgcolor)  # as Textual fills a bare area
        if y:
            return Strip.blank(width, background)
        left: list[Segment] = []
        spans: list[tuple[int, int, int]] = []
        palette: list[Segment] = []
        palette_number = -1
        offset = 0
        for number, item in enumerate(self.items):
            segments = self._item_segments(number, item)
            if item.palette:
                item_style = self.get_component_rich_style("key-footer--item")
                bar = Segment("▏", item_style + solid_component_style(self, "key-footer--bar"))
                # The padding after it: background only, as Textual pads a widget.
                palette = [bar, *segments, Segment(" ", RichStyle(bgcolor=item_style.bgcolor))]
                palette_number = number
                continue
            length = Segment.get_line_length(segments)
            spans.append((offset - self._scroll, offset + length - self._scroll, number))
            left.extend(segments)
            offset += length
        room = max(0, width - Segment.get_line_length(palette))
        self._scroll = max(0, min(self._scroll, offset - room))
        shown = Strip(left, offset).crop(self._scroll, self._scroll + room)
        # Between the keys and the palette's: the footer's background only, as Textual leaves it.
        strip = Strip.join([shown, Strip.blank(room - shown.cell_length, background), Strip(palette)])
        self._spans = [(start, end, n) for start, end, n in spans if end > 0 and start < room]
        if palette:
            self._spans.append((room + 1, width, palette_number))
        return strip

    def _item_at(self, x: int) -> int | None:
        return next((number for start, end, number in self._spans if start <= x < end), None)

    # -- the mouse ---------------------------------------------------------------------------

    def on_mouse_move(self, event: events.MouseMove) -> None:
        number = self._item_at(event.x)
        if number != self._hover:
            self._hover = number
            self.tooltip = self.items[number].tooltip or None if number is not None else None
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        number = self._item_at(event.x)
        if number is None:
            return
        item = self.items[number]
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._scroll += 4
        self.refresh()
        event.stop()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._scroll = max(0, self._scroll - 4)
        self.refresh()
        event.stop()
